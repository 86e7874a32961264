#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace kops {

/// Key of a `__consumer_offsets` record: versions 0 and 1 name an offset commit
/// (group, topic, partition), version 2 a group's metadata (group only).
struct OffsetsTopicKey
{
    enum class Kind { OffsetCommit, GroupMetadata };
    Kind kind = Kind::OffsetCommit;
    int version = 0;
    QString group;
    QString topic;
    int partition = -1;
};

/// Value of an offset-commit record (versions 0-3). Version 0 has one timestamp, version 1
/// a commit and an expire timestamp, version 3 adds the leader epoch.
struct OffsetCommitValue
{
    int version = 0;
    qint64 offset = -1;
    std::optional<int> leaderEpoch; ///< version 3, and -1 there means none
    QString metadata;
    qint64 commitTimestampMs = -1;
    std::optional<qint64> expireTimestampMs; ///< version 1 only
};

/// A member as written in group metadata; assignment decoded when the protocol is "consumer".
struct GroupMetadataMember
{
    QString memberId;
    QString groupInstanceId; ///< version 3, static membership; empty when none
    QString clientId;
    QString clientHost;
    int rebalanceTimeoutMs = -1; ///< versions 1-3
    int sessionTimeoutMs = -1;
    QByteArray subscription;
    QByteArray assignment;
    QList<QPair<QString, int>> assignedPartitions; ///< from the consumer protocol's assignment
};

/// Value of a group-metadata record (versions 0-3).
struct GroupMetadataValue
{
    int version = 0;
    QString protocolType;
    int generation = -1;
    QString protocol; ///< assignor ("range"), empty when none
    QString leader;
    std::optional<qint64> currentStateTimestampMs; ///< versions 2-3, -1 on the wire means none
    QList<GroupMetadataMember> members;
};

/// Pure decoders of Kafka's `__consumer_offsets` schema (GroupMetadataManager, Kafka 2.4).
/// Return nullopt on a version they do not know or truncated bytes; never crash on input.
namespace offsetstopic {
std::optional<OffsetsTopicKey> decodeKey(const QByteArray &key);
std::optional<OffsetCommitValue> decodeOffsetCommitValue(const QByteArray &value);
std::optional<GroupMetadataValue> decodeGroupMetadataValue(const QByteArray &value);
/// ConsumerProtocol assignment (version 0/1): the topic partitions a member was given.
std::optional<QList<QPair<QString, int>>> decodeConsumerAssignment(const QByteArray &assignment);
} // namespace offsetstopic

} // namespace kops
