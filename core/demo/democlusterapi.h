#pragma once

#include "clusterapi.h"
#include "lag/groupcommitlog.h"
#include "rdkafkaclusterapi.h"

#include <memory>

namespace kops::demo {

class DemoCluster;

/// The demo's ClusterApi: the real librdkafka client against the demo's mock brokers, and
/// for what the mock cannot answer (group listing and describe, all of a group's committed
/// offsets, configs, topic creation, offsets for a time) the demo's own knowledge. Only
/// ever made for the demo cluster (DemoCluster::apiFactory), never for a real one.
class DemoClusterApi final : public ClusterApi, public GroupCommitLogSource
{
public:
    explicit DemoClusterApi(std::shared_ptr<DemoCluster> demo);
    ~DemoClusterApi() override;

    Result<ClusterMetadata> metadata() override { return m_real.metadata(); }
    /// Records are the mock brokers' own: read them through the real client's consumer.
    RdKafkaClusterApi *streamingClient() override { return &m_real; }
    Result<ClusterMetadata> topicMetadata(const QStringList &t) override { return m_real.topicMetadata(t); }
    Result<QList<GroupListing>> listGroups() override;
    Result<QList<GroupDescription>> describeGroups(const QStringList &groupIds) override;
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &groupIds) override;
    Result<QList<PartitionOffset>> committedOffsetsFor(const QString &g, const QList<TopicPartition> &p) override
    {
        return m_real.committedOffsetsFor(g, p);
    }
    Result<QList<PartitionWatermarks>> watermarks(const QList<TopicPartition> &p) override { return m_real.watermarks(p); }
    /// The mock answers -1 for any time: a binary search over the records' timestamps instead.
    Result<QList<PartitionOffset>> offsetsForTimes(const QList<PartitionTimestamp> &query) override;
    Result<QList<PartitionOffset>> alterGroupOffsets(const QString &g, const QList<PartitionOffset> &o) override
    {
        return m_real.alterGroupOffsets(g, o);
    }
    Result<QList<ConfigResource>> describeConfigs(ConfigResourceType type, const QStringList &names) override;
    Status createTopic(const NewTopic &topic) override;
    /// librdkafka's mock cluster cannot delete topics: every topic is answered with that error.
    Result<QList<TopicDeletion>> deleteTopics(const QStringList &topics) override;
    Result<QList<DeliveryReport>> produce(const QList<OutgoingRecord> &r) override { return m_real.produce(r); }
    std::unique_ptr<PendingDelivery> produceAsync(const QList<OutgoingRecord> &r) override
    {
        return m_real.produceAsync(r);
    }
    Result<QList<ConsumedRecord>> read(const TopicPartition &tp, qint64 o, int m, int t) override
    {
        return m_real.read(tp, o, m, t);
    }
    Result<QList<ConsumedRecord>> readAt(const QList<PartitionOffset> &p, int t) override { return m_real.readAt(p, t); }
    /// The mock has no `__consumer_offsets`: the commits the demo's story made.
    Result<GroupCommitLog> groupCommitLog(const QString &groupId) override;

private:
    std::shared_ptr<DemoCluster> m_demo;
    RdKafkaClusterApi m_real;
};

} // namespace kops::demo
