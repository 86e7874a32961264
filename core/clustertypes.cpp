#include "clustertypes.h"

#include <QCoreApplication>

#include "clusterapi.h"

#include <QDeadlineTimer>

#include <algorithm>

namespace kops {

int TopicInfo::underReplicatedCount() const
{
    return int(std::count_if(partitions.cbegin(), partitions.cend(),
                             [](const PartitionInfo &p) { return p.underReplicated(); }));
}

int ClusterMetadata::partitionCount() const
{
    int n = 0;
    for (const TopicInfo &t : topics)
        n += int(t.partitions.size());
    return n;
}

int ClusterMetadata::underReplicatedCount() const
{
    int n = 0;
    for (const TopicInfo &t : topics)
        n += t.underReplicatedCount();
    return n;
}

const TopicInfo *ClusterMetadata::topic(const QString &name) const
{
    auto it = std::find_if(topics.cbegin(), topics.cend(), [&](const TopicInfo &t) { return t.name == name; });
    return it == topics.cend() ? nullptr : &*it;
}

std::optional<QString> ConfigResource::value(const QString &key) const
{
    for (const ConfigEntry &e : entries)
        if (e.name == key)
            return e.value;
    return std::nullopt;
}

namespace {

class DonePendingDelivery final : public PendingDelivery
{
public:
    explicit DonePendingDelivery(Result<QList<DeliveryReport>> reports) : m_reports(std::move(reports)) {}
    Result<QList<DeliveryReport>> wait() override { return m_reports; }

private:
    Result<QList<DeliveryReport>> m_reports;
};

} // namespace

std::unique_ptr<PendingDelivery> ClusterApi::produceAsync(const QList<OutgoingRecord> &records)
{
    return std::make_unique<DonePendingDelivery>(produce(records));
}

Result<QList<GroupDeletion>> ClusterApi::deleteGroups(const QStringList &)
{
    return KafkaError::make(QStringLiteral("_NOT_IMPLEMENTED"), QCoreApplication::translate("kops::Cluster", "This cluster client cannot delete groups."));
}

Result<QList<ConsumedRecord>> ClusterApi::readAt(const QList<PartitionOffset> &positions, int timeoutMs)
{
    QList<ConsumedRecord> out;
    const QDeadlineTimer deadline(timeoutMs);
    for (const PartitionOffset &p : positions) {
        if (deadline.hasExpired())
            break;
        auto records = read(p.tp(), p.offset, 1, int(std::max<qint64>(1, deadline.remainingTime())));
        if (records && !records.value().isEmpty() && records.value().first().offset == p.offset)
            out.append(records.value().first());
    }
    return out;
}

} // namespace kops
