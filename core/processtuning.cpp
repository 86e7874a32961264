#include "processtuning.h"

#include <malloc.h>

namespace kops {

void tuneAllocatorForRecordStreams()
{
#ifdef M_MXFAST
    mallopt(M_MXFAST, 0);
#endif
}

} // namespace kops
