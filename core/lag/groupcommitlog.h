#pragma once

#include "clusterapi.h"

#include <QHash>
#include <QList>
#include <QString>

namespace kops {

/// One record of a group's commit history in `__consumer_offsets`: a commit (offset >= 0)
/// or a tombstone (the partition's offset expired or was deleted: offset kNoOffset).
struct GroupCommit
{
    TopicPartition tp;
    qint64 atMs = -1;          ///< commit timestamp (tombstones: the record's timestamp)
    qint64 offset = kNoOffset; ///< the committed offset; kNoOffset for a tombstone
    qint64 logOffset = -1;     ///< position in the `__consumer_offsets` partition (-1: synthetic)
};

/// Who owned which partition from a time on, from the group-metadata records.
struct GroupAssignment
{
    qint64 atMs = -1;
    QHash<TopicPartition, QString> owners; ///< "member consumer-1 on /10.0.0.7"; empty: no member
};

/// A group's commits as far back as `__consumer_offsets` still holds them, in log order.
/// Compaction keeps, per (group, topic, partition), only the newest record of what it
/// cleaned, so the commits of a partition are complete from its oldest surviving one on;
/// before that they are unknown.
struct GroupCommitLog
{
    QString group;
    QList<GroupCommit> commits;
    QList<GroupAssignment> assignments;
    int offsetsPartition = -1;  ///< the `__consumer_offsets` partition read (-1: not read from Kafka)
    qint64 logStartOffset = 0;  ///< its log start when read
    qint64 recordsRead = 0;     ///< records of every group read to find these
    /// The offset of the first record after a hole in the log (compaction removed records
    /// there), -1 without one: a partition's oldest commit after it is where compaction may
    /// have cut its history.
    qint64 firstHoleAt = -1;
    qint64 readAtMs = 0; ///< when it was read
};

/// A ClusterApi that knows a group's commits without `__consumer_offsets` (the demo cluster,
/// whose mock brokers have none) implements this too; commitlog::readFor asks it first.
class GroupCommitLogSource
{
public:
    virtual ~GroupCommitLogSource() = default;
    virtual Result<GroupCommitLog> groupCommitLog(const QString &groupId) = 0;
};

namespace commitlog {
/// Java's String.hashCode over the UTF-16 code units, as Kafka computes it.
qint32 javaStringHash(const QString &s);
/// The `__consumer_offsets` partition a group's commits go to: abs(hash(group)) % partitions
/// (Kafka's Utils.abs: hash & 0x7fffffff).
int offsetsPartitionFor(const QString &group, int partitions);
/// Reads the group's partition of `__consumer_offsets` from its log start to its end and
/// keeps this group's commits, tombstones and assignments. Fails with the cluster's error
/// when the topic cannot be described or read (ACLs, or a cluster without it).
Result<GroupCommitLog> read(ClusterApi &api, const QString &group);
/// The api's own GroupCommitLogSource when it is one, else read().
Result<GroupCommitLog> readFor(ClusterApi &api, const QString &group);
} // namespace commitlog

} // namespace kops
