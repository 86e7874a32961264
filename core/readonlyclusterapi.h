#pragma once

#include "clusterapi.h"

#include <memory>

namespace kops {

struct ConnectionProfile;

/// A ClusterApi for a read-only connection: reads pass through, every write (produce,
/// alterGroupOffsets, createTopic, deleteTopics, deleteGroups, and any write added later) is refused with one error,
/// code READ_ONLY, before anything reaches the cluster. Applied where connections are made
/// (console and kafka-ops), so no front end or tool has to remember the switch.
class ReadOnlyClusterApi final : public ClusterApi
{
public:
    ReadOnlyClusterApi(std::unique_ptr<ClusterApi> inner, QString connectionName);

    /// The error every refused write returns; `what` names the write ("producing records").
    static KafkaError refusal(const QString &connectionName, const QString &what);

    Result<ClusterMetadata> metadata() override { return m_inner->metadata(); }
    Result<ClusterMetadata> topicMetadata(const QStringList &topics) override { return m_inner->topicMetadata(topics); }
    Result<QList<GroupListing>> listGroups() override { return m_inner->listGroups(); }
    RdKafkaClusterApi *streamingClient() override { return m_inner->streamingClient(); } // reading is allowed
    Result<QList<GroupDescription>> describeGroups(const QStringList &groupIds) override
    {
        return m_inner->describeGroups(groupIds);
    }
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &groupIds) override
    {
        return m_inner->committedOffsets(groupIds);
    }
    Result<QList<PartitionOffset>> committedOffsetsFor(const QString &groupId,
                                                       const QList<TopicPartition> &partitions) override
    {
        return m_inner->committedOffsetsFor(groupId, partitions);
    }
    Result<QList<PartitionWatermarks>> watermarks(const QList<TopicPartition> &partitions) override
    {
        return m_inner->watermarks(partitions);
    }
    Result<QList<PartitionOffset>> offsetsForTimes(const QList<PartitionTimestamp> &query) override
    {
        return m_inner->offsetsForTimes(query);
    }
    Result<QList<ConfigResource>> describeConfigs(ConfigResourceType type, const QStringList &names) override
    {
        return m_inner->describeConfigs(type, names);
    }
    Result<QList<ConsumedRecord>> read(const TopicPartition &tp, qint64 offset, int maxRecords, int timeoutMs) override
    {
        return m_inner->read(tp, offset, maxRecords, timeoutMs);
    }
    Result<QList<ConsumedRecord>> readAt(const QList<PartitionOffset> &positions, int timeoutMs) override
    {
        return m_inner->readAt(positions, timeoutMs);
    }

    // Writes: refused.
    Result<QList<PartitionOffset>> alterGroupOffsets(const QString &groupId, const QList<PartitionOffset> &offsets) override;
    Status createTopic(const NewTopic &topic) override;
    Result<QList<TopicDeletion>> deleteTopics(const QStringList &topics) override;
    Result<QList<GroupDeletion>> deleteGroups(const QStringList &groupIds) override;
    Result<QList<DeliveryReport>> produce(const QList<OutgoingRecord> &records) override;
    std::unique_ptr<PendingDelivery> produceAsync(const QList<OutgoingRecord> &records) override;

    /// The client underneath (PartitionStream reads through its own consumer: reads only).
    ClusterApi &inner() { return *m_inner; }

private:
    std::unique_ptr<ClusterApi> m_inner;
    QString m_connection;
};

/// The factory to use for a connection: `factory` itself, or wrapped in ReadOnlyClusterApi
/// when the profile's read-only switch is on.
ClusterApiFactory guardedFactory(const ConnectionProfile &profile, ClusterApiFactory factory);

} // namespace kops
