#include "processtuning.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <malloc.h>

// jemalloc's control interface, present when the program is linked with jemalloc (weak: the
// core library is also linked into tests that use glibc's malloc).
extern "C" int mallctl(const char *name, void *oldp, std::size_t *oldlenp, void *newp, std::size_t newlen)
    __attribute__((weak));

namespace kops {

void tuneAllocatorForRecordStreams()
{
    if (mallctl)
        return;
#ifdef M_MXFAST
    mallopt(M_MXFAST, 0);
#endif
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

void releaseFreeMemory()
{
    if (mallctl) {
        // "arena.<MALLCTL_ARENAS_ALL>.purge": every arena's unused pages back to the system.
        mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
        return;
    }
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void releaseFreeMemoryOfRound()
{
    if (mallctl)
        return; // the next round reuses the pages; jemalloc returns them when they stay unused
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

namespace {

double jemallocMB(const char *name)
{
    std::size_t value = 0;
    std::size_t len = sizeof(value);
    return mallctl(name, &value, &len, nullptr, 0) == 0 ? double(value) / (1024.0 * 1024.0) : -1.0;
}

} // namespace

std::string allocatorStats()
{
    char line[256];
    if (mallctl) {
        std::uint64_t epoch = 1; // the statistics are a snapshot taken when the epoch advances
        std::size_t len = sizeof(epoch);
        mallctl("epoch", &epoch, &len, &epoch, len);
        std::size_t dirtyPages = 0;
        std::size_t pageSize = 0;
        std::size_t size = sizeof(std::size_t);
        const bool dirtyKnown = mallctl("stats.arenas.4096.pdirty", &dirtyPages, &size, nullptr, 0) == 0
            && mallctl("arenas.page", &pageSize, &size, nullptr, 0) == 0;
        const double pdirty = dirtyKnown ? double(dirtyPages) * double(pageSize) / (1024.0 * 1024.0) : -1.0;
        std::snprintf(line, sizeof line,
                      "jemalloc: allocated %.1f MB, active %.1f MB, resident %.1f MB, metadata %.1f MB, dirty %.1f MB",
                      jemallocMB("stats.allocated"), jemallocMB("stats.active"), jemallocMB("stats.resident"),
                      jemallocMB("stats.metadata"), pdirty);
        return line;
    }
#ifdef __GLIBC__
    const struct mallinfo2 mi = mallinfo2();
    std::snprintf(line, sizeof line, "glibc malloc: in use %.1f MB, free in its heaps %.1f MB, mapped %.1f MB",
                  double(mi.uordblks) / (1024.0 * 1024.0), double(mi.fordblks) / (1024.0 * 1024.0),
                  double(mi.hblkhd) / (1024.0 * 1024.0));
    return line;
#else
    return {};
#endif
}

void dumpHeapProfile()
{
    if (!mallctl)
        return;
    bool active = false;
    std::size_t len = sizeof(active);
    if (mallctl("prof.active", &active, &len, nullptr, 0) == 0 && active)
        mallctl("prof.dump", nullptr, nullptr, nullptr, 0);
}

const char *allocatorName()
{
    if (mallctl) {
        static const std::string name = [] {
            const char *version = nullptr; // "5.3.0-0-g54eaed1d..."
            std::size_t len = sizeof(version);
            if (mallctl("version", &version, &len, nullptr, 0) != 0 || !version)
                return std::string("jemalloc");
            const std::string v(version);
            return "jemalloc " + v.substr(0, v.find('-'));
        }();
        return name.c_str();
    }
    return "glibc malloc";
}

} // namespace kops
