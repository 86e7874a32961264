#include "readonlyclusterapi.h"

#include <QCoreApplication>

#include "connectionprofile.h"

#include <spdlog/spdlog.h>

namespace kops {

namespace {

class RefusedDelivery final : public PendingDelivery
{
public:
    explicit RefusedDelivery(KafkaError error) : m_error(std::move(error)) {}
    Result<QList<DeliveryReport>> wait() override { return m_error; }

private:
    KafkaError m_error;
};

} // namespace

ReadOnlyClusterApi::ReadOnlyClusterApi(std::unique_ptr<ClusterApi> inner, QString connectionName)
    : m_inner(std::move(inner)), m_connection(std::move(connectionName))
{
}

KafkaError ReadOnlyClusterApi::refusal(const QString &connectionName, const QString &what)
{
    spdlog::warn("read-only connection '{}': refused {}", connectionName.toStdString(), what.toStdString());
    return KafkaError::make(QStringLiteral("READ_ONLY"),
                            QCoreApplication::translate("kops::Cluster", "Connection '%1' is read-only: %2 is refused. Nothing was changed.")
                                .arg(connectionName, what));
}

Result<QList<PartitionOffset>> ReadOnlyClusterApi::alterGroupOffsets(const QString &groupId, const QList<PartitionOffset> &)
{
    return refusal(m_connection, QCoreApplication::translate("kops::Cluster", "changing the offsets of group '%1'").arg(groupId));
}

Status ReadOnlyClusterApi::createTopic(const NewTopic &topic)
{
    return refusal(m_connection, QCoreApplication::translate("kops::Cluster", "creating topic '%1'").arg(topic.name));
}

Result<QList<TopicDeletion>> ReadOnlyClusterApi::deleteTopics(const QStringList &topics)
{
    return refusal(m_connection, QCoreApplication::translate("kops::Cluster", "deleting topics %1").arg(topics.join(QStringLiteral(", "))));
}

Result<QList<GroupDeletion>> ReadOnlyClusterApi::deleteGroups(const QStringList &groupIds)
{
    return refusal(m_connection, QCoreApplication::translate("kops::Cluster", "deleting groups %1").arg(groupIds.join(QStringLiteral(", "))));
}

Result<QList<DeliveryReport>> ReadOnlyClusterApi::produce(const QList<OutgoingRecord> &records)
{
    return refusal(m_connection, QCoreApplication::translate("kops::Cluster", "producing %1 record(s)").arg(records.size()));
}

std::unique_ptr<PendingDelivery> ReadOnlyClusterApi::produceAsync(const QList<OutgoingRecord> &records)
{
    return std::make_unique<RefusedDelivery>(refusal(m_connection, QCoreApplication::translate("kops::Cluster", "producing %1 record(s)").arg(records.size())));
}

ClusterApiFactory guardedFactory(const ConnectionProfile &profile, ClusterApiFactory factory)
{
    if (!profile.readOnly || !factory)
        return factory;
    return [factory = std::move(factory), name = profile.name]() -> std::unique_ptr<ClusterApi> {
        auto inner = factory();
        if (!inner)
            return inner;
        return std::make_unique<ReadOnlyClusterApi>(std::move(inner), name);
    };
}

} // namespace kops
