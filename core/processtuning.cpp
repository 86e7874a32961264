#include "processtuning.h"

#include <malloc.h>

namespace kops {

void tuneAllocatorForRecordStreams()
{
#ifdef M_MXFAST
    mallopt(M_MXFAST, 0);
#endif
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

} // namespace kops
