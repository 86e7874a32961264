#pragma once

#include "clusterapi.h"
#include "lagtypes.h"

#include <QHash>

namespace kops {

/// Reads what lag needs from the cluster in batched requests: group states and members,
/// committed offsets (concurrent requests), low/high watermarks (one batched lookup), and
/// the timestamp of the record at each lagging committed offset (read together, cached by
/// offset, at most a budget of reads per sample; the rest is estimated from history).
class LagSampler final
{
public:
    struct Options
    {
        int timestampReadBudget = 500; ///< record reads per sample
        int timestampReadTimeoutMs = 3000;
        int describeChunk = 200;
        int cacheLimit = 200000; ///< cached (partition, offset) -> timestamp entries
    };

    LagSampler();
    explicit LagSampler(Options options);

    /// Samples the given groups (all groups when empty). Fails only when nothing could be
    /// read at all; per-group problems become warnings in the sample.
    Result<RawLagSample> sample(ClusterApi &api, const QStringList &groups = {});

    int cachedTimestamps() const { return int(m_timestampCache.size()); }

private:
    void readTimestamps(ClusterApi &api, RawLagSample &sample);

    Options m_options;
    QHash<QPair<TopicPartition, qint64>, qint64> m_timestampCache;
};

} // namespace kops
