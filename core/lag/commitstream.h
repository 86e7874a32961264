#pragma once

#include "clusterapi.h"
#include "commitstreamdecoder.h"

#include <QHash>

#include <optional>

namespace kops {

/// The latest commit of one (group, topic, partition) as read from `__consumer_offsets`.
struct StreamCommit
{
    qint64 offset = kNoOffset;
    qint64 commitMs = -1;      ///< commit timestamp of the latest commit
    qint64 offsetSinceMs = -1; ///< commit timestamp of the first commit of this offset seen
    int commitsOfOffset = 0;   ///< commits of this same offset seen since it changed
    bool changeSeen = false;   ///< a commit of another offset was seen before: offsetSinceMs is exact
    std::optional<int> leaderEpoch;
    QString metadata;
};

/// A group as the commit stream knows it: its latest metadata (members, protocol,
/// generation) and its latest commit per partition.
struct StreamGroup
{
    std::optional<GroupMetadataValue> metadata;
    QHash<TopicPartition, StreamCommit> commits;
};

/// What the records of `__consumer_offsets` say, applied in log order. Tombstones delete
/// a partition's offset (expired, deleted) or a group's metadata. Pure: no I/O.
class CommitStreamState final
{
public:
    /// One record; value nullopt is a tombstone. False when the key or value did not decode.
    bool apply(const QByteArray &key, const std::optional<QByteArray> &value);

    const StreamGroup *group(const QString &groupId) const;
    const QHash<QString, StreamGroup> &groups() const { return m_groups; }
    qint64 recordsApplied() const { return m_applied; }
    qint64 recordsSkipped() const { return m_skipped; }
    /// Takes over a state saved by an earlier run (see commitstreamfile.h).
    void restore(QHash<QString, StreamGroup> groups, qint64 applied, qint64 skipped);

private:
    QHash<QString, StreamGroup> m_groups;
    qint64 m_applied = 0;
    qint64 m_skipped = 0;
};

/// Reads `__consumer_offsets` (all its partitions) incrementally: the first update starts
/// at the look-back, later ones continue where the previous stopped, so a round costs only
/// the commits made since. Fails (and the sampler falls back to OffsetFetch) when the
/// connection may not describe or read the topic, or it does not exist (mock cluster).
class CommitStreamReader final
{
public:
    static constexpr const char *kTopic = "__consumer_offsets";

    struct Options
    {
        qint64 lookBackMs = 7LL * 24 * 3600 * 1000; ///< <= 0: from the log start
        int readChunk = 20000;     ///< records per read call
        int readTimeoutMs = 10000; ///< per read call
        /// Where the state and positions are kept between runs (empty: not kept). A run that
        /// finds a recent one for the same cluster continues from it instead of reading the
        /// look-back again.
        QString statePath;
        /// Older saved states are not used: the tombstones written since may have been
        /// compacted away (Kafka keeps them delete.retention.ms, 24 h by default).
        qint64 stateMaxAgeMs = 20LL * 3600 * 1000;
        qint64 saveEveryMs = 5LL * 60 * 1000; ///< after the first save
    };

    CommitStreamReader();
    explicit CommitStreamReader(Options options);

    /// Reads every record up to the current end of each partition.
    Status update(ClusterApi &api);

    const CommitStreamState &state() const { return m_state; }
    bool started() const { return !m_positions.isEmpty(); }
    /// When the stream was last read to its end (ms since epoch), -1 never.
    qint64 upToDateAtMs() const { return m_upToDateAtMs; }
    /// The earliest time the stream covers: commits older than this were not read.
    qint64 coversSinceMs() const { return m_coversSinceMs; }
    /// The first update continued from a saved state written at this time (ms), -1 if not.
    qint64 resumedFromMs() const { return m_resumedFromMs; }
    /// Writes the state and positions to Options::statePath now (no-op without one).
    bool save();

private:
    bool restoreSaved(const QString &clusterId, int partitions);
    void saveIfDue();

    Options m_options;
    CommitStreamState m_state;
    QHash<int, qint64> m_positions; ///< next offset to read per partition
    qint64 m_upToDateAtMs = -1;
    qint64 m_coversSinceMs = -1;
    QString m_clusterId;
    int m_partitions = 0;
    qint64 m_resumedFromMs = -1;
    bool m_checkRestored = false; ///< positions came from a saved state: checked against the log ends
    qint64 m_lastSaveMs = -1;
};

} // namespace kops
