#pragma once

#include "forwardingclusterapi.h"
#include "rdkafkaclusterapi.h"

#include <QHash>

namespace kops::test {

/// librdkafka's mock cluster cannot list or describe groups, nor list all of a group's
/// committed offsets: this answers those from known partitions (groups are "Empty") and
/// passes everything else to the real client, so lag sampling runs against the mock.
class MockGroupsApi final : public ForwardingClusterApi
{
public:
    MockGroupsApi(RdKafkaClusterApi &real, QHash<QString, QList<TopicPartition>> groups)
        : ForwardingClusterApi(real), m_real(real), m_groups(std::move(groups))
    {
    }

    Result<QList<GroupListing>> listGroups() override { return QList<GroupListing>{}; }
    Result<QList<GroupDescription>> describeGroups(const QStringList &ids) override
    {
        QList<GroupDescription> out;
        for (const QString &id : ids)
            out.append(GroupDescription{id, QStringLiteral("Empty"), {}, 1, false, {}, {}, {}});
        return out;
    }
    /// Only offsets that exist, as the broker's all-partitions answer would have them.
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &ids) override
    {
        QHash<QString, QList<TopicPartition>> wanted;
        for (const QString &id : ids)
            wanted.insert(id, m_groups.value(id));
        auto fetched = m_real.committedOffsetsFor(wanted);
        if (!fetched)
            return fetched;
        for (auto &offsets : fetched.value())
            offsets.removeIf([](const PartitionOffset &po) { return po.offset < 0; });
        return fetched;
    }

private:
    RdKafkaClusterApi &m_real;
    QHash<QString, QList<TopicPartition>> m_groups;
};

} // namespace kops::test
