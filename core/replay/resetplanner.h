#pragma once

#include "replay/resetstrategy.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace kops {

/// One partition of a reset plan: where the group is, where it will be, and why.
struct PlannedPartition
{
    QString topic;
    int partition = -1;
    std::optional<qint64> current; ///< nullopt: the group has no committed offset here
    qint64 target = 0;
    qint64 logStart = 0;
    qint64 logEnd = 0;
    std::optional<qint64> targetTimestampMs; ///< timestamp of the record at target; nullopt at log end
    QString note;                            ///< clamping or lookup remarks for this partition

    TopicPartition tp() const { return {topic, partition}; }
    std::optional<qint64> delta() const
    {
        return current ? std::optional<qint64>(target - *current) : std::nullopt;
    }
    qint64 replayCount() const { return current && target < *current ? *current - target : 0; }
    qint64 skipCount() const { return current && target > *current ? target - *current : 0; }
};

/// The new offsets for a group, computed before anything is written (a dry run).
struct ResetPlan
{
    QString group;
    ResetStrategy strategy;
    ResetScope scope;
    QList<PlannedPartition> partitions; ///< sorted by topic, partition
    QStringList warnings;               ///< e.g. "New offset (5) is lower than earliest offset..."

    qint64 replayTotal() const;
    qint64 skipTotal() const;
    int unchangedCount() const;
    int noCommitCount() const;
    QList<PartitionOffset> targets() const;
    QJsonObject toJson(const std::optional<qint64> &journalId, bool applied) const;
};

/// What the planner needs to know about the cluster; gathered by prepareResetPlan().
struct PlannerInputs
{
    QList<PartitionOffset> committed;      ///< the group's committed offsets
    QHash<QString, int> partitionCounts;   ///< topic -> partitions; a missing topic is unknown
    QList<PartitionWatermarks> watermarks; ///< for every planned partition
    QList<PartitionOffset> timeOffsets;    ///< offsetsForTimes answers (-1: no record at/after the time)
};

/// Pure: the partitions the scope covers (--from-file: the file's partitions). Unknown topics and
/// partitions out of range are errors naming them.
Result<QList<TopicPartition>> resolveResetPartitions(const ResetScope &scope, const ResetStrategy &strategy,
                                                     const QList<PartitionOffset> &committed,
                                                     const QHash<QString, int> &partitionCounts);

/// The time --to-datetime/--by-duration look up (by-duration: now minus the duration).
qint64 resetLookupTime(const ResetStrategy &strategy, qint64 nowMs);

/// Pure: the targets kafka-consumer-groups.sh --reset-offsets --dry-run would print.
/// --shift-by on a partition without a committed offset is an error, as in Kafka.
Result<ResetPlan> planReset(const QString &group, const ResetScope &scope, const ResetStrategy &strategy,
                            const QList<TopicPartition> &partitions, const PlannerInputs &inputs);

} // namespace kops
