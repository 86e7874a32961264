#pragma once

#include "groupcommitlog.h"
#include "healthevaluator.h"
#include "lagtypes.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QString>

namespace kops {

/// Why a partition's reconstructed past stops where it does.
enum class ReachLimit {
    WholeRange,  ///< it covers the whole range asked for
    FirstCommit, ///< the group's first commit of the partition (nothing older was committed)
    Compaction,  ///< compaction of `__consumer_offsets` removed the older commits
    CommitLog,   ///< the commit log holds nothing older (it starts there)
    Retention,   ///< the topic's older records are deleted: the log end cannot be placed
};

/// A sentence for a ReachLimit (translated).
QString reachLimitText(ReachLimit limit);

/// The reconstructed past of one partition, one observation per step (oldest first).
/// committed is kNoOffset after the offset expired or was deleted (a tombstone).
struct ReconstructedPartition
{
    TopicPartition tp;
    QList<OffsetObservation> points;
    qint64 reachedMs = -1; ///< the first step with a point (-1: none)
    ReachLimit limit = ReachLimit::WholeRange;
    int logEndRaised = 0;  ///< steps whose log end from timestamps was below the committed offset (CreateTime)
    bool logAppendTime = false; ///< the topic stamps records at append time: log ends are exact
};

/// The group's status at one past time, from the reconstructed window ending there.
struct ReconstructedStatus
{
    qint64 atMs = 0;
    HealthStatus status = HealthStatus::Ok;
    QString reason;
};

/// A stretch of time during which the group kept one status.
struct StatusSpan
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    HealthStatus status = HealthStatus::Ok;
    QString reason; ///< at the end of the stretch
};

/// A group's lag between two times, rebuilt from its commits (committed offset at T = the
/// last commit at or before T) and offsets for timestamps (log end at T = the first offset
/// whose timestamp is after T, or the log end when there is none).
struct LagReconstruction
{
    QString group;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 stepMs = 60'000;
    QList<ReconstructedPartition> partitions;
    QList<ReconstructedStatus> statuses; ///< one per step from the first evaluable one
    qint64 reachedMs = -1; ///< the earliest reconstructed point of any partition (-1: none)
    ReachLimit limit = ReachLimit::WholeRange; ///< why the earliest-reaching partition stops there
    QStringList warnings;
    int lookups = 0;        ///< offsets-for-timestamps calls (one per step; one request per leader each)
    qint64 commitsRead = 0; ///< this group's commit records found
    qint64 recordsRead = 0; ///< `__consumer_offsets` records read to find them

    /// The stretches of one status, oldest first.
    QList<StatusSpan> statusSpans() const;
    /// "back to 03:10 (older commits were removed by compaction ...)".
    QString reachText() const;
    /// The committed offsets at the step nearest `atMs` (for a replay from that point).
    QList<PartitionOffset> committedAt(qint64 atMs) const;
};

/// Rebuilds a group's past lag: reads its commits from the commit log (the group's partition
/// of `__consumer_offsets`, or the api's own GroupCommitLogSource), then one
/// offsets-for-timestamps call per step for all its partitions (librdkafka sends one
/// ListOffsets request per leader), and judges the status at each step over the
/// reconstructed window as the live sampler would.
class LagReconstructor final
{
public:
    struct Options
    {
        qint64 stepMs = 60'000;
        int windowSize = 10; ///< samples per health window (the connection's setting)
    };

    /// The steps between two times: multiples of the step, fromMs rounded up, up to toMs.
    static QList<qint64> stepTimes(qint64 fromMs, qint64 toMs, qint64 stepMs);

    /// Pure: the reconstruction from a commit log, the partitions' watermarks now, which
    /// topics use LogAppendTime, and per step time (stepTimes) the answer of offsets for
    /// timestamps at time + 1 ms per partition (-1: no record after that time; missing:
    /// the lookup failed there).
    static LagReconstruction build(const GroupCommitLog &log, qint64 fromMs, qint64 toMs, const Options &options,
                                   const QHash<TopicPartition, PartitionWatermarks> &watermarks,
                                   const QSet<QString> &logAppendTimeTopics,
                                   const QList<QHash<TopicPartition, qint64>> &logEndAnswers);

    /// Reads everything from the cluster and builds the reconstruction. Fails when the
    /// commit log cannot be read (permission, a cluster without `__consumer_offsets`).
    static Result<LagReconstruction> reconstruct(ClusterApi &api, const QString &group, qint64 fromMs, qint64 toMs,
                                                 const Options &options);
};

} // namespace kops
