// Both programs are linked with jemalloc (app/CMakeLists.txt) instead of glibc's malloc.
//
// Why: a sampling round of 10,000 groups x 5 partitions frees and allocates some 30 MB of rows
// and strings among blocks that live for hours. jemalloc keeps blocks of a size class together
// in their own pages and returns unused pages by itself; measured on the record streams
// (tests/bench/bench_dlq, same binary linked both ways) it also took less CPU than glibc.
// The console's memory growth first blamed on glibc was a list growing in the sampler
// (core/boundedlist.h); the allocator's figures are in the log every 10 minutes.
//
// Its settings, read by jemalloc at start (the MALLOC_CONF environment variable still wins):
// - background_thread: a thread of its own returns unused pages, also while the program idles
//   (otherwise only the next allocations would).
// - dirty_decay_ms 60 s (default 10 s): pages freed by a sampling round are returned over the
//   following minute, so with rounds every 10 s the next round reuses them instead of faulting
//   them in again. Returning them at once after each round made the resident memory swing by
//   the round's 40 MB between rounds (10,000 groups); an idle program still gives them back.
extern "C" {
__attribute__((used)) const char *malloc_conf = "background_thread:true,dirty_decay_ms:60000";
}
