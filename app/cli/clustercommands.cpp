#include "clicontext.h"

#include <QCoreApplication>
#include "groupreport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace kops::cli {

namespace {

QString dash(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

QString dash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

int runCluster(CliContext &ctx)
{
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    auto md = api.value()->metadata();
    if (!md)
        return ctx.fail(md.error());
    const ClusterMetadata &m = md.value();
    if (ctx.json()) {
        QJsonArray brokers;
        for (const BrokerInfo &b : m.brokers)
            brokers.append(QJsonObject{{QStringLiteral("id"), b.id},
                                       {QStringLiteral("host"), b.host},
                                       {QStringLiteral("port"), b.port},
                                       {QStringLiteral("rack"), b.rack.isEmpty() ? QJsonValue() : QJsonValue(b.rack)}});
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("clusterId"), m.clusterId},
                                                {QStringLiteral("controller"), m.controllerId},
                                                {QStringLiteral("brokers"), brokers},
                                                {QStringLiteral("topics"), int(m.topics.size())},
                                                {QStringLiteral("partitions"), m.partitionCount()},
                                                {QStringLiteral("underReplicatedPartitions"), m.underReplicatedCount()}}));
        return ExitOk;
    }
    QTextStream &o = ctx.out();
    o << QCoreApplication::translate("kops::cli", "Cluster id:        %1\n").arg(dash(m.clusterId));
    o << QCoreApplication::translate("kops::cli", "Controller:        %1\n").arg(m.controllerId);
    o << QCoreApplication::translate("kops::cli", "Brokers:           %1\n").arg(m.brokers.size());
    o << QCoreApplication::translate("kops::cli", "Topics:            %1\n").arg(m.topics.size());
    o << QCoreApplication::translate("kops::cli", "Partitions:        %1\n").arg(m.partitionCount());
    o << QCoreApplication::translate("kops::cli", "Under-replicated:  %1\n\n").arg(m.underReplicatedCount());
    QList<QStringList> rows;
    for (const BrokerInfo &b : m.brokers)
        rows.append({QString::number(b.id), b.host, QString::number(b.port), dash(b.rack),
                     b.id == m.controllerId ? QStringLiteral("yes") : QString()});
    o << formatTable({QStringLiteral("ID"), QStringLiteral("HOST"), QStringLiteral("PORT"), QStringLiteral("RACK"),
                      QStringLiteral("CONTROLLER")},
                     rows);
    o.flush();
    return ExitOk;
}

int runTopics(CliContext &ctx)
{
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    auto md = api.value()->metadata();
    if (!md)
        return ctx.fail(md.error());
    QList<TopicPartition> all;
    for (const TopicInfo &t : md.value().topics)
        for (const PartitionInfo &p : t.partitions)
            all.append({t.name, p.partition});
    QHash<QString, qint64> messages;
    QHash<QString, bool> unknown;
    auto wm = api.value()->watermarks(all);
    if (!wm)
        return ctx.fail(wm.error());
    for (const PartitionWatermarks &w : wm.value()) {
        if (!w.errorCode.isEmpty())
            unknown[w.topic] = true;
        messages[w.topic] += w.messageCount();
    }
    const bool includeInternal = ctx.parser().isSet(QStringLiteral("internal"));
    if (ctx.json()) {
        QJsonArray arr;
        for (const TopicInfo &t : md.value().topics) {
            if (t.internal && !includeInternal)
                continue;
            arr.append(QJsonObject{{QStringLiteral("name"), t.name},
                                   {QStringLiteral("partitions"), int(t.partitions.size())},
                                   {QStringLiteral("replicationFactor"), t.replicationFactor()},
                                   {QStringLiteral("underReplicated"), t.underReplicatedCount()},
                                   {QStringLiteral("internal"), t.internal},
                                   {QStringLiteral("messages"), unknown.value(t.name) ? QJsonValue()
                                                                                      : QJsonValue(double(messages.value(t.name)))}});
        }
        ctx.printJson(QJsonDocument(arr));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const TopicInfo &t : md.value().topics) {
        if (t.internal && !includeInternal)
            continue;
        rows.append({t.name, QString::number(t.partitions.size()), QString::number(t.replicationFactor()),
                     QString::number(t.underReplicatedCount()),
                     unknown.value(t.name) ? QStringLiteral("?") : QString::number(messages.value(t.name))});
    }
    ctx.out() << formatTable({QStringLiteral("TOPIC"), QStringLiteral("PARTITIONS"), QStringLiteral("REPLICATION-FACTOR"),
                              QStringLiteral("UNDER-REPLICATED"), QStringLiteral("MESSAGES")},
                             rows);
    ctx.out().flush();
    return ExitOk;
}

int runGroups(CliContext &ctx)
{
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    auto groups = fetchGroupSummaries(*api.value());
    if (!groups)
        return ctx.fail(groups.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const GroupSummary &g : groups.value())
            arr.append(QJsonObject{{QStringLiteral("group"), g.groupId},
                                   {QStringLiteral("state"), g.state},
                                   {QStringLiteral("members"), g.memberCount},
                                   {QStringLiteral("totalLag"), g.totalLag ? QJsonValue(double(*g.totalLag)) : QJsonValue()}});
        ctx.printJson(QJsonDocument(arr));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const GroupSummary &g : groups.value())
        rows.append({g.groupId, g.state, QString::number(g.memberCount), dash(g.totalLag)});
    ctx.out() << formatTable({QStringLiteral("GROUP"), QStringLiteral("STATE"), QStringLiteral("MEMBERS"),
                              QStringLiteral("TOTAL-LAG")},
                             rows);
    ctx.out().flush();
    return ExitOk;
}

int runDescribeGroup(CliContext &ctx)
{
    const QStringList args = ctx.positional();
    if (args.size() != 1)
        return ctx.usage(QCoreApplication::translate("kops::cli", "describe-group takes exactly one GROUP"));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    auto report = fetchGroupReport(*api.value(), args.first());
    if (!report)
        return ctx.fail(report.error());
    const GroupReport &r = report.value();
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(r.toJson()));
        return ExitOk;
    }
    if (r.rows.isEmpty()) {
        ctx.out() << QCoreApplication::translate("kops::cli", "Consumer group '%1' (%2) has no active members and no committed offsets.\n")
                         .arg(r.groupId, r.state);
        ctx.out().flush();
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const GroupPartitionRow &row : r.rows)
        rows.append({r.groupId, row.topic, QString::number(row.partition), dash(row.committed),
                     row.logEnd == kNoOffset ? QStringLiteral("-") : QString::number(row.logEnd), dash(row.lag),
                     dash(row.memberId), dash(row.host), dash(row.clientId)});
    if (r.members.isEmpty())
        ctx.out() << QCoreApplication::translate("kops::cli", "Consumer group '%1' has no active members.\n\n").arg(r.groupId);
    ctx.out() << formatTable({QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"),
                              QStringLiteral("CURRENT-OFFSET"), QStringLiteral("LOG-END-OFFSET"), QStringLiteral("LAG"),
                              QStringLiteral("CONSUMER-ID"), QStringLiteral("HOST"), QStringLiteral("CLIENT-ID")},
                             rows);
    ctx.out().flush();
    return ExitOk;
}

} // namespace

QList<CliCommand> clusterCommands()
{
    return {
        {QStringLiteral("cluster"), QCoreApplication::translate("kops::cli", "Cluster id, controller, brokers, topic/partition counts."), {}, {},
         runCluster},
        {QStringLiteral("topics"), QCoreApplication::translate("kops::cli", "Topics with partitions, replication factor and message counts."), {},
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("internal"), QCoreApplication::translate("kops::cli", "Include internal topics (__consumer_offsets...).")});
         },
         runTopics},
        {QStringLiteral("groups"), QCoreApplication::translate("kops::cli", "Consumer groups with state, members and total lag."), {}, {}, runGroups},
        {QStringLiteral("describe-group"), QCoreApplication::translate("kops::cli", "Offsets, lag and owners of each partition of a group."),
         QStringLiteral("GROUP"), {}, runDescribeGroup},
    };
}

} // namespace kops::cli
