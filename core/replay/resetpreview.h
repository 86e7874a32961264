#pragma once

#include "clusterapi.h"
#include "replay/resetplanner.h"

namespace kops {

/// Gathers committed offsets, topic metadata, watermarks and time lookups for a reset,
/// plans it, and reads the timestamp of the record at each target (the preview).
/// Blocks: call it on a worker thread. Writes nothing.
Result<ResetPlan> prepareResetPlan(ClusterApi &api, const QString &group, const ResetScope &scope,
                                   const ResetStrategy &strategy, qint64 nowMs);

/// Reads the timestamp of the record at each partition's target (none at the log end).
void fillTargetTimestamps(ClusterApi &api, ResetPlan &plan);

} // namespace kops
