#pragma once

#include "clusterapi.h"
#include "commitstream.h"
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
        int timestampReadBudget = 500; ///< partitions read per sample (all their lagging positions at once)
        int timestampReadTimeoutMs = 3000;
        int describeChunk = 200;
        int cacheLimit = 200000; ///< cached (partition, offset) -> timestamp entries
        /// Read committed offsets and their commit times from __consumer_offsets when the
        /// connection may; OffsetFetch otherwise, and for groups the stream has not seen.
        bool readCommitStream = true;
        CommitStreamReader::Options stream;
        qint64 streamRetryMs = 5 * 60 * 1000; ///< after the stream failed, OffsetFetch until then
    };

    LagSampler();
    explicit LagSampler(Options options);

    /// Samples the given groups (all groups when empty). Fails only when nothing could be
    /// read at all; per-group problems become warnings in the sample.
    Result<RawLagSample> sample(ClusterApi &api, const QStringList &groups = {});

    int cachedTimestamps() const { return int(m_timestampCache.size()); }
    const CommitStreamReader &commitStream() const { return m_stream; }

private:
    void readTimestamps(ClusterApi &api, RawLagSample &sample);
    /// Brings the commit stream up to date; false (reason in *why) when it cannot be used.
    bool updateStream(ClusterApi &api, QString *why);

    Options m_options;
    QHash<QPair<TopicPartition, qint64>, qint64> m_timestampCache;
    CommitStreamReader m_stream;
    qint64 m_streamRetryAtMs = 0;
    QString m_streamError;
};

} // namespace kops
