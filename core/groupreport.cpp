#include "groupreport.h"

#include <QCoreApplication>

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace kops {

namespace {

QJsonValue optionalNumber(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QList<TopicPartition> partitionsOf(const QList<PartitionOffset> &committed, const QList<GroupMember> &members)
{
    QSet<TopicPartition> set;
    for (const PartitionOffset &po : committed)
        set.insert(po.tp());
    for (const GroupMember &m : members)
        for (const TopicPartition &tp : m.assignments)
            set.insert(tp);
    QList<TopicPartition> list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

qint64 GroupReport::totalLag() const
{
    qint64 sum = 0;
    for (const GroupPartitionRow &r : rows)
        if (r.lag && *r.lag > 0)
            sum += *r.lag;
    return sum;
}

QJsonObject GroupReport::toJson() const
{
    QJsonArray jsonMembers;
    for (const GroupMember &m : members) {
        QJsonArray assignments;
        for (const TopicPartition &tp : m.assignments)
            assignments.append(QJsonObject{{QStringLiteral("topic"), tp.topic}, {QStringLiteral("partition"), tp.partition}});
        jsonMembers.append(QJsonObject{{QStringLiteral("memberId"), m.memberId},
                                       {QStringLiteral("clientId"), m.clientId},
                                       {QStringLiteral("host"), m.host},
                                       {QStringLiteral("assignments"), assignments}});
    }
    QJsonArray partitions;
    for (const GroupPartitionRow &r : rows) {
        const auto member = [](const QString &s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
        partitions.append(QJsonObject{
            {QStringLiteral("topic"), r.topic},
            {QStringLiteral("partition"), r.partition},
            {QStringLiteral("committed"), optionalNumber(r.committed)},
            {QStringLiteral("logEnd"), r.logEnd == kNoOffset ? QJsonValue(QJsonValue::Null) : QJsonValue(double(r.logEnd))},
            {QStringLiteral("lag"), optionalNumber(r.lag)},
            {QStringLiteral("memberId"), member(r.memberId)},
            {QStringLiteral("clientId"), member(r.clientId)},
            {QStringLiteral("host"), member(r.host)},
        });
    }
    return QJsonObject{{QStringLiteral("group"), groupId},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("members"), jsonMembers},
                       {QStringLiteral("partitions"), partitions}};
}

GroupReport buildGroupReport(const GroupDescription &description, const QList<PartitionOffset> &committed,
                             const QList<PartitionWatermarks> &watermarks)
{
    GroupReport report;
    report.groupId = description.groupId;
    report.state = description.state;
    report.members = description.members;

    QHash<TopicPartition, qint64> committedBy;
    for (const PartitionOffset &po : committed)
        if (!po.hasError() && po.offset >= 0)
            committedBy.insert(po.tp(), po.offset);
    QHash<TopicPartition, qint64> logEndBy;
    for (const PartitionWatermarks &w : watermarks)
        if (w.errorCode.isEmpty() && w.high >= 0)
            logEndBy.insert(w.tp(), w.high);
    QHash<TopicPartition, const GroupMember *> ownerBy;
    for (const GroupMember &m : description.members)
        for (const TopicPartition &tp : m.assignments)
            ownerBy.insert(tp, &m);

    for (const TopicPartition &tp : partitionsOf(committed, description.members)) {
        GroupPartitionRow row;
        row.topic = tp.topic;
        row.partition = tp.partition;
        if (committedBy.contains(tp))
            row.committed = committedBy.value(tp);
        row.logEnd = logEndBy.value(tp, kNoOffset);
        if (row.committed && row.logEnd != kNoOffset)
            row.lag = row.logEnd - *row.committed;
        if (const GroupMember *m = ownerBy.value(tp, nullptr)) {
            row.memberId = m->memberId;
            row.clientId = m->clientId;
            row.host = m->host;
        }
        report.rows.append(std::move(row));
    }
    return report;
}

Result<GroupReport> fetchGroupReport(ClusterApi &api, const QString &groupId)
{
    auto described = api.describeGroups({groupId});
    if (!described)
        return described.error();
    if (described.value().isEmpty())
        return KafkaError::make(QStringLiteral("GROUP_ID_NOT_FOUND"),
                                QCoreApplication::translate("kops::Cluster", "Consumer group '%1' does not exist.").arg(groupId));
    const GroupDescription &d = described.value().first();
    if (!d.errorCode.isEmpty() && d.errorCode != QLatin1String("GROUP_ID_NOT_FOUND"))
        return KafkaError::make(d.errorCode, QCoreApplication::translate("kops::Cluster", "Describing group '%1' failed: %2").arg(groupId, d.errorMessage));

    auto committed = api.committedOffsets({groupId});
    if (!committed)
        return committed.error();
    const QList<PartitionOffset> offsets = committed.value().value(groupId);
    // Brokers answer "Dead" (or GROUP_ID_NOT_FOUND) for unknown groups; a group with commits is not unknown.
    if ((d.state == QStringLiteral("Dead") || d.errorCode == QLatin1String("GROUP_ID_NOT_FOUND")) && offsets.isEmpty())
        return KafkaError::make(QStringLiteral("GROUP_ID_NOT_FOUND"),
                                QCoreApplication::translate("kops::Cluster", "Consumer group '%1' does not exist.").arg(groupId));

    auto wm = api.watermarks(partitionsOf(offsets, d.members));
    if (!wm)
        return wm.error();
    GroupDescription desc = d;
    if (desc.state == QStringLiteral("Dead"))
        desc.state = QStringLiteral("Empty");
    return buildGroupReport(desc, offsets, wm.value());
}

Result<QList<GroupSummary>> fetchGroupSummaries(ClusterApi &api)
{
    auto listed = api.listGroups();
    if (!listed)
        return listed.error();
    QStringList ids;
    for (const GroupListing &g : listed.value())
        ids << g.groupId;

    QHash<QString, GroupDescription> descriptions;
    constexpr int kChunk = 200; // DescribeGroups per coordinator; keep requests a sane size
    for (qsizetype i = 0; i < ids.size(); i += kChunk) {
        auto described = api.describeGroups(ids.mid(i, kChunk));
        if (!described)
            return described.error();
        for (const GroupDescription &d : described.value())
            descriptions.insert(d.groupId, d);
    }
    auto committed = api.committedOffsets(ids);
    if (!committed)
        return committed.error();

    QSet<TopicPartition> all;
    for (const auto &offsets : committed.value())
        for (const PartitionOffset &po : offsets)
            all.insert(po.tp());
    QHash<TopicPartition, qint64> logEnd;
    if (!all.isEmpty()) {
        auto wm = api.watermarks(QList<TopicPartition>(all.cbegin(), all.cend()));
        if (!wm)
            return wm.error();
        for (const PartitionWatermarks &w : wm.value())
            if (w.errorCode.isEmpty())
                logEnd.insert(w.tp(), w.high);
    }

    QList<GroupSummary> out;
    for (const GroupListing &g : listed.value()) {
        GroupSummary s;
        s.groupId = g.groupId;
        const GroupDescription d = descriptions.value(g.groupId);
        s.state = d.state.isEmpty() || d.state == QStringLiteral("Unknown") ? g.state : d.state;
        s.memberCount = int(d.members.size());
        const QList<PartitionOffset> offsets = committed.value().value(g.groupId);
        for (const PartitionOffset &po : offsets) {
            if (po.hasError() || po.offset < 0 || !logEnd.contains(po.tp()))
                continue;
            s.totalLag = s.totalLag.value_or(0) + std::max<qint64>(0, logEnd.value(po.tp()) - po.offset);
        }
        out.append(s);
    }
    return out;
}

} // namespace kops
