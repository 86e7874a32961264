#include "processtuning.h"

#include <cstddef>
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
        // "arena.<MALLCTL_ARENAS_ALL>.purge": every arena's unused dirty pages back to the system.
        mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
        return;
    }
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

const char *allocatorName()
{
    if (mallctl) {
        const char *version = nullptr;
        std::size_t len = sizeof(version);
        if (mallctl("version", &version, &len, nullptr, 0) == 0 && version)
            return version;
        return "jemalloc";
    }
    return "glibc";
}

} // namespace kops
