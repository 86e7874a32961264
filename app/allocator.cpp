// Both programs are linked with jemalloc (app/CMakeLists.txt) instead of glibc's malloc.
//
// Why: the console sampling 10,000 groups x 5 partitions every 10 s frees and allocates some
// 30 MB of rows and strings per round on its sampling thread, among blocks that live for hours
// (history chunks filling up, the commit stream's state). With glibc the live heap stayed level
// (heaptrack) but resident memory grew from 311 to 392 MB in two hours, 64 MB heaps of one
// arena kept partly used, although every round ended with malloc_trim(0); fewer arenas or
// another mmap threshold did not change the slope. jemalloc keeps blocks of a size class
// together in their own pages and returns unused ones (tests/bench/bench_lagmemory).
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
