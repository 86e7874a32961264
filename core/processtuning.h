#pragma once

#include <string>

namespace kops {

/// Process-wide settings for streaming millions of small records; call first thing in main().
///
/// The programs are linked with jemalloc (see app/CMakeLists.txt), which needs none of this;
/// the settings below are for glibc's malloc, which the tests and a build without jemalloc use.
///
/// glibc keeps freed small blocks in "fast bins" and merges them all (malloc_consolidate) on the
/// next allocation of 1 KB or more. Streaming records frees millions of small blocks between
/// librdkafka's large fetch buffers, so that merging took about a third of a requeue's CPU
/// (perf on Kafka 2.4.1: 200,000 records, 2.53 s user with fast bins, 1.52 s without).
/// Small blocks still go through glibc's per-thread cache.
///
/// Blocks of up to 32 MB come from the heap instead of their own mmap, and the heap is trimmed
/// only above 64 MB free: a requeue allocates and frees a few MB of lists per page of 5,000
/// records, and as fresh mappings each one page-faulted anew (a tenth of its main thread in
/// memmove and page faults).
void tuneAllocatorForRecordStreams();

/// Gives the memory freed by a large piece of work done once (the demo's day of records) back
/// to the system now: jemalloc purges its arenas, glibc trims its heaps.
void releaseFreeMemory();

/// The same at the end of work that comes back (a sampling round of 10,000 groups): glibc
/// trims its heaps, which otherwise keep free pages in each arena and grew in steps; with
/// jemalloc nothing, as the next round reuses those pages (returning them after every round
/// made resident memory swing by a round's 40 MB) and a minute unused (kafka-ops: five) returns them
/// (app/allocator.cpp).
void releaseFreeMemoryOfRound();

/// One line on the allocator's memory for the log: with jemalloc the bytes allocated, in active
/// pages, resident, in metadata and in unused (dirty) pages kept for reuse; with glibc those in
/// use and free in its heaps.
std::string allocatorStats();

/// With jemalloc's heap profiling on (MALLOC_CONF=prof:true,prof_prefix:DIR/NAME), writes a
/// profile of the live heap for jeprof; nothing otherwise.
void dumpHeapProfile();

/// "jemalloc 5.3.0" or "glibc malloc" (for --version and the log).
const char *allocatorName();

} // namespace kops
