#pragma once

#include "clusterapi.h"

#include <memory>

namespace kops::test {

/// Passes every call to another ClusterApi; tests derive from it and override only the
/// calls they script (fault hooks, or answers the mock cluster cannot give).
class ForwardingClusterApi : public ClusterApi
{
public:
    explicit ForwardingClusterApi(ClusterApi &target) : m_target(target) {}

    Result<ClusterMetadata> metadata() override { return m_target.metadata(); }
    Result<ClusterMetadata> topicMetadata(const QStringList &t) override { return m_target.topicMetadata(t); }
    Result<QList<GroupListing>> listGroups() override { return m_target.listGroups(); }
    Result<QList<GroupDescription>> describeGroups(const QStringList &g) override { return m_target.describeGroups(g); }
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &g) override
    {
        return m_target.committedOffsets(g);
    }
    Result<QList<PartitionOffset>> committedOffsetsFor(const QString &g, const QList<TopicPartition> &p) override
    {
        return m_target.committedOffsetsFor(g, p);
    }
    Result<QList<PartitionWatermarks>> watermarks(const QList<TopicPartition> &p) override { return m_target.watermarks(p); }
    Result<QList<PartitionOffset>> offsetsForTimes(const QList<PartitionTimestamp> &q) override
    {
        return m_target.offsetsForTimes(q);
    }
    Result<QList<PartitionOffset>> alterGroupOffsets(const QString &g, const QList<PartitionOffset> &o) override
    {
        return m_target.alterGroupOffsets(g, o);
    }
    Result<QList<ConfigResource>> describeConfigs(ConfigResourceType t, const QStringList &n) override
    {
        return m_target.describeConfigs(t, n);
    }
    Status createTopic(const NewTopic &t) override { return m_target.createTopic(t); }
    Result<QList<TopicDeletion>> deleteTopics(const QStringList &t) override { return m_target.deleteTopics(t); }
    Result<QList<GroupDeletion>> deleteGroups(const QStringList &g) override { return m_target.deleteGroups(g); }
    Result<QList<DeliveryReport>> produce(const QList<OutgoingRecord> &r) override { return m_target.produce(r); }
    Result<QList<ConsumedRecord>> read(const TopicPartition &tp, qint64 o, int m, int t) override
    {
        return m_target.read(tp, o, m, t);
    }
    Result<QList<ConsumedRecord>> readAt(const QList<PartitionOffset> &p, int t) override { return m_target.readAt(p, t); }

protected:
    ClusterApi &target() { return m_target; }

private:
    ClusterApi &m_target;
};

} // namespace kops::test
