#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct rd_kafka_message_s; // librdkafka's consumed message (forwarded records keep theirs)

namespace kops {

/// Kafka's sentinel for "no offset" (no commit, unknown).
constexpr qint64 kNoOffset = -1001;

struct TopicPartition
{
    QString topic;
    int partition = -1;

    friend bool operator==(const TopicPartition &a, const TopicPartition &b)
    {
        return a.partition == b.partition && a.topic == b.topic;
    }
    friend bool operator<(const TopicPartition &a, const TopicPartition &b)
    {
        return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
    }
};

inline size_t qHash(const TopicPartition &tp, size_t seed = 0)
{
    return qHashMulti(seed, tp.topic, tp.partition);
}

/// An offset for one partition, with the per-partition error when the broker gave one.
struct PartitionOffset
{
    QString topic;
    int partition = -1;
    qint64 offset = kNoOffset;
    QString errorCode; ///< empty when fine
    QString errorMessage;

    TopicPartition tp() const { return {topic, partition}; }
    bool hasError() const { return !errorCode.isEmpty(); }
};

struct PartitionTimestamp
{
    QString topic;
    int partition = -1;
    qint64 timestampMs = 0;
};

struct PartitionWatermarks
{
    QString topic;
    int partition = -1;
    qint64 low = kNoOffset;
    qint64 high = kNoOffset;
    QString errorCode;
    QString errorMessage;

    TopicPartition tp() const { return {topic, partition}; }
    qint64 messageCount() const { return (low >= 0 && high >= low) ? high - low : 0; }
};

struct BrokerInfo
{
    int id = -1;
    QString host;
    int port = 0;
    QString rack;
};

struct PartitionInfo
{
    int partition = -1;
    int leader = -1;
    QList<int> replicas;
    QList<int> isr;
    QString errorCode;

    bool underReplicated() const { return isr.size() < replicas.size(); }
};

struct TopicInfo
{
    QString name;
    bool internal = false;
    QList<PartitionInfo> partitions;
    QString errorCode;

    int replicationFactor() const { return partitions.isEmpty() ? 0 : int(partitions.first().replicas.size()); }
    int underReplicatedCount() const;
};

struct ClusterMetadata
{
    QString clusterId;
    int controllerId = -1;
    QList<BrokerInfo> brokers;
    QList<TopicInfo> topics; ///< sorted by name

    int partitionCount() const;
    int underReplicatedCount() const;
    const TopicInfo *topic(const QString &name) const;
};

struct GroupListing
{
    QString groupId;
    QString state;        ///< "Stable", "Empty", ... or "Unknown" when the broker does not report it
    QString protocolType; ///< "consumer" or "" for simple (standalone) groups
    int responseIndex = -1; ///< position in the brokers' answer (Java clients list groups in that order, hashed)
};

struct GroupMember
{
    QString memberId;
    QString clientId;
    QString host;
    QString groupInstanceId;
    QList<TopicPartition> assignments;
};

struct GroupDescription
{
    QString groupId;
    QString state;
    QString assignor;
    int coordinatorId = -1;
    bool simple = false;
    QList<GroupMember> members;
    QString errorCode; ///< per-group error, e.g. GROUP_ID_NOT_FOUND
    QString errorMessage;
};

/// The answer for one group of a DeleteGroups request; errorCode empty when it was deleted.
struct GroupDeletion
{
    QString groupId;
    QString errorCode; ///< e.g. NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND
    QString errorMessage;
};

struct ConfigEntry
{
    QString name;
    QString value;
    bool isDefault = false;
    bool readOnly = false;
    bool sensitive = false;
    QString source;
};

enum class ConfigResourceType { Topic, Broker };

struct ConfigResource
{
    ConfigResourceType type = ConfigResourceType::Topic;
    QString name;
    QList<ConfigEntry> entries;
    QString errorCode;
    QString errorMessage;

    std::optional<QString> value(const QString &key) const;
};

struct TopicDeletion
{
    QString topic;
    QString errorCode; ///< e.g. UNKNOWN_TOPIC_OR_PART; empty: deleted
    QString errorMessage;
};

struct NewTopic
{
    QString name;
    int partitions = 1;
    int replicationFactor = -1; ///< -1: the broker's default
    QHash<QString, QString> configs;
};

struct RecordHeader
{
    QString key;
    std::optional<QByteArray> value; ///< nullopt: a null header value
};

/// A record to produce.
struct OutgoingRecord
{
    QString topic;
    int partition = -1; ///< -1: the partitioner decides
    std::optional<QByteArray> key;
    std::optional<QByteArray> value;
    QList<RecordHeader> headers;
    qint64 timestampMs = 0; ///< 0: now
    /// Set for a record forwarded as it was read (RecordView::retain()): the consumed librdkafka
    /// message, kept alive as long as this record. Its value is sent in place and its key and
    /// headers as they are, minus the headers named in dropHeaders, followed by `headers`; `key`
    /// and `value` above are then unused. Only RdKafkaClusterApi produces such records (they come
    /// from its streams).
    std::shared_ptr<const rd_kafka_message_s> forwarded;
    QList<QByteArray> dropHeaders; ///< names left out of the forwarded message's headers
};

struct DeliveryReport
{
    int index = -1; ///< position in the produced batch
    QString topic;
    int partition = -1;
    qint64 offset = kNoOffset;
    QString errorCode;
    QString errorMessage;
};

/// A record as read from a partition.
struct ConsumedRecord
{
    QString topic;
    int partition = -1;
    qint64 offset = -1;
    qint64 timestampMs = -1;
    int timestampType = 0; ///< 0 not available, 1 create time, 2 log append time
    std::optional<QByteArray> key;
    std::optional<QByteArray> value;
    QList<RecordHeader> headers;
};

} // namespace kops

Q_DECLARE_METATYPE(kops::ClusterMetadata)
