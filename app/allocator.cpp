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
// - The command line (`kafka-ops`) differs; its long runs are the same round over and over
//   (`lag --watch`, `serve`, a following drain or delay router). With the settings above,
//   `lag --watch` at 10,000 groups went up 15-25 MB with every round and back down as pages
//   were returned: 223-248 MB resident over 55 minutes (11 %), sampled each second a sawtooth
//   per round. Three causes, each seen in a run with only that setting changed:
//   - several arenas (jemalloc's default, 4 per CPU): a round's blocks come from the arena of
//     whichever thread allocates them (librdkafka's or the main thread), so the pages one round
//     freed were often not those the next round took; with nothing ever returned, resident
//     memory grew 6 MB a round with the default arenas and stood at 260 MB to the megabyte with
//     `narenas:1`;
//   - blocks of 8 MB and more go to jemalloc's "huge" arena, which returns them at once
//     (`oversize_threshold:0` keeps them in the normal arena and its decay);
//   - 60 s of decay still returned most of a round's pages before the next used them again.
//   So: one arena, no huge arena, 5 minutes of decay. Each thread keeps its own cache of small
//   blocks, so one arena costs the record streams little (bench_dlq: core/lag/README.md, Memory).
//   The console's curve was flat with the settings above (310.6-324.0 MB over two hours) and
//   keeps them.
#ifdef KOPS_ONE_ARENA
#define KOPS_ALLOCATOR_CONF "background_thread:true,dirty_decay_ms:300000,narenas:1,oversize_threshold:0"
#else
#define KOPS_ALLOCATOR_CONF "background_thread:true,dirty_decay_ms:60000"
#endif
extern "C" {
__attribute__((used)) const char *malloc_conf = KOPS_ALLOCATOR_CONF;
}
