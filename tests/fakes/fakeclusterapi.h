#pragma once

#include "clusterapi.h"

#include <QHash>
#include <QMap>
#include <QMutex>
#include <QWaitCondition>

#include <atomic>

namespace kops::test {

/// An in-memory cluster behind the ClusterApi boundary, for what librdkafka's mock
/// cluster cannot do (group listing/describe, configs, topic creation, timestamp
/// lookups). Semantics follow Kafka: offsetsForTimes returns the earliest offset
/// with timestamp >= t or -1, alterGroupOffsets is refused while members are active.
/// Thread-safe, so one instance can back several workers.
class FakeClusterApi final : public ClusterApi
{
public:
    struct Partition
    {
        qint64 logStart = 0;
        QList<ConsumedRecord> records; ///< offsets logStart .. logStart+size-1
        qint64 logEnd() const { return logStart + records.size(); }
    };
    struct Group
    {
        QString state = QStringLiteral("Empty");
        QList<GroupMember> members;
        QMap<TopicPartition, qint64> committed;
    };

    FakeClusterApi();

    // --- building the fake cluster ---
    void addTopic(const QString &name, int partitions, int replicationFactor = 1);
    /// Appends a record with the given timestamp (ms) and returns its offset.
    qint64 append(const QString &topic, int partition, qint64 timestampMs, const QByteArray &value = {},
                  const std::optional<QByteArray> &key = std::nullopt, const QList<RecordHeader> &headers = {});
    void setLogStart(const QString &topic, int partition, qint64 logStart);
    void setGroup(const QString &groupId, const Group &group);
    Group group(const QString &groupId) const;
    /// The group and its offsets disappear (deleted, or its offsets expired).
    void removeGroup(const QString &groupId);
    void setTopicConfig(const QString &topic, const QString &key, const QString &value);
    /// Every call fails with this error until cleared (simulates a down cluster).
    void setDown(bool down);
    int alterCalls() const;
    /// While blocking, every cluster call hangs (as on a broker that accepts the connection
    /// and never answers) until setBlocking(false) releases them all.
    void setBlocking(bool blocking);
    /// Calls hanging right now.
    int blockedCalls() const;
    /// Cluster calls made so far (ClusterApi methods).
    int callsMade() const;
    /// Calls made on the GUI thread while blocking (they answer at once instead of hanging).
    int guiThreadCallsWhileBlocking() const;

    // --- ClusterApi ---
    Result<ClusterMetadata> metadata() override;
    Result<ClusterMetadata> topicMetadata(const QStringList &topics) override;
    Result<QList<GroupListing>> listGroups() override;
    Result<QList<GroupDescription>> describeGroups(const QStringList &groupIds) override;
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &groupIds) override;
    Result<QList<PartitionOffset>> committedOffsetsFor(const QString &groupId,
                                                       const QList<TopicPartition> &partitions) override;
    Result<QList<PartitionWatermarks>> watermarks(const QList<TopicPartition> &partitions) override;
    Result<QList<PartitionOffset>> offsetsForTimes(const QList<PartitionTimestamp> &query) override;
    Result<QList<PartitionOffset>> alterGroupOffsets(const QString &groupId,
                                                     const QList<PartitionOffset> &offsets) override;
    Result<QList<ConfigResource>> describeConfigs(ConfigResourceType type, const QStringList &names) override;
    Status createTopic(const NewTopic &topic) override;
    Result<QList<TopicDeletion>> deleteTopics(const QStringList &topics) override;
    Result<QList<DeliveryReport>> produce(const QList<OutgoingRecord> &records) override;
    Result<QList<ConsumedRecord>> read(const TopicPartition &tp, qint64 offset, int maxRecords, int timeoutMs) override;

private:
    KafkaError downError() const;
    void hangWhileBlocked();

    mutable QMutex m_mutex;
    QMap<QString, QList<Partition>> m_topics;
    QMap<QString, int> m_replication;
    QMap<QString, QHash<QString, QString>> m_topicConfigs;
    QMap<QString, Group> m_groups;
    bool m_down = false;
    int m_alterCalls = 0;
    mutable QMutex m_gateMutex;
    QWaitCondition m_gateChanged;
    bool m_blocking = false;
    int m_blockedCalls = 0;
    int m_guiThreadCalls = 0;
    std::atomic<int> m_calls{0};
};

/// A factory for code that takes ClusterApiFactory: every api it makes forwards to one shared fake.
ClusterApiFactory sharedFactory(std::shared_ptr<FakeClusterApi> fake);

} // namespace kops::test
