#include "clicontext.h"

#include <QCoreApplication>
#include "commitstreamfile.h"
#include "democluster.h"
#include "historystore.h"
#include "lagmonitor.h"
#include "lagsampler.h"
#include "lagsettings.h"
#include "monitoringcheck.h"
#include "processtuning.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <QThread>

namespace kops::cli {

namespace {

QString clusterKey(CliContext &ctx)
{
    if (ctx.isDemo())
        return demo::DemoCluster::name();
    if (ctx.profile())
        return ctx.profile()->name;
    return ctx.parser().value(QStringLiteral("bootstrap"));
}

/// One evaluated round: sample, seed the monitor from history, evaluate, record.
class LagRound
{
public:
    LagRound(CliContext &ctx, ClusterApi &api, LagMonitor::Options options)
        : m_ctx(ctx), m_api(api), m_monitor(std::move(options)), m_history(ctx.historyPath())
    {
        m_sampler = LagSampler(samplerOptions(clusterKey(ctx), QFileInfo(m_history.path()).absolutePath()));
        m_historyOk = m_history.open().ok();
        if (m_historyOk)
            m_monitor.setSinceLookup([this](const QString &g, const TopicPartition &tp, qint64 committed) {
                return m_history.unchangedSince(clusterKey(m_ctx), g, tp, committed);
            });
    }

    /// The connection's "read commit stream" switch and look-back (lag settings).
    static LagSampler::Options samplerOptions(const QString &cluster, const QString &historyDir)
    {
        LagSampler::Options o;
        // A run continues the commit stream where the previous one (cron, the console) stopped.
        o.stream.statePath = commitstreamfile::pathFor(historyDir, cluster);
        if (auto settings = LagSettings::load(cluster)) {
            o.readCommitStream = settings.value().readCommitStream;
            o.stream.lookBackMs = qint64(settings.value().commitStreamLookBackMinutes) * 60'000;
        }
        return o;
    }

    Result<LagSnapshot> run(const QStringList &groups)
    {
        auto raw = m_sampler.sample(m_api, groups);
        if (!raw)
            return raw.error();
        const QString cluster = clusterKey(m_ctx);
        m_gone.clear();
        if (m_historyOk && groups.isEmpty()) {
            // A group in the previous run's sample that the cluster no longer lists has
            // gone (offsets expired or deleted): say so once instead of dropping it.
            QSet<QString> now;
            for (const RawGroupSample &g : raw.value().groups)
                now.insert(g.groupId);
            for (const QString &g : m_history.groupsInLastSample(cluster))
                if (!now.contains(g))
                    m_gone << g;
        }
        if (m_historyOk) {
            for (const RawGroupSample &g : raw.value().groups)
                for (const RawPartitionSample &p : g.partitions)
                    if (!m_monitor.hasObservations(g.groupId, p.tp()))
                        m_monitor.seed(g.groupId, p.tp(),
                                       m_history.recent(cluster, g.groupId, p.tp(), m_monitor.options().windowSize - 1));
            m_history.record(cluster, raw.value());
        }
        return m_monitor.ingest(raw.value());
    }

    /// Groups the previous run saw that this one did not (only when sampling all groups).
    QStringList gone() const { return m_gone; }
    const LagMonitor &monitor() const { return m_monitor; }

private:
    QStringList m_gone;
    CliContext &m_ctx;
    ClusterApi &m_api;
    LagSampler m_sampler;
    LagMonitor m_monitor;
    HistoryStore m_history;
    bool m_historyOk = false;
};

QString timeLagText(const GroupLag &g)
{
    if (!g.maxTimeLagSeconds)
        return QStringLiteral("-");
    return formatDuration(*g.maxTimeLagSeconds) + (g.maxTimeLagEstimated ? QCoreApplication::translate("kops::cli", " (est.)") : QString());
}

QString lastCommitText(const GroupLag &g)
{
    return g.lastCommitAgeSeconds ? formatElapsed(*g.lastCommitAgeSeconds) + QCoreApplication::translate("kops::cli", " ago") : QStringLiteral("-");
}

void printTable(CliContext &ctx, const LagSnapshot &snap)
{
    QList<QStringList> rows;
    const QLocale locale(QLocale::English);
    for (const GroupLag &g : snap.groups)
        rows.append({g.groupId, healthStatusName(g.status), g.state, QString::number(g.memberCount),
                     // No commit anywhere: there is no lag to show, and never a 0.
                     g.status == HealthStatus::Unknown ? QStringLiteral("-") : locale.toString(g.totalLag),
                     timeLagText(g), lastCommitText(g), g.drainText(), g.reason});
    ctx.out() << formatTable({QStringLiteral("GROUP"), QStringLiteral("STATUS"), QStringLiteral("STATE"),
                              QStringLiteral("MEMBERS"), QStringLiteral("TOTAL-LAG"), QStringLiteral("MAX-TIME-LAG"),
                              QStringLiteral("LAST-COMMIT"), QStringLiteral("DRAIN"), QStringLiteral("REASON")},
                             rows);
    if (!snap.offsetSource.isEmpty())
        ctx.out() << QCoreApplication::translate("kops::cli", "committed offsets from: %1").arg(snap.offsetSource) << Qt::endl;
    for (const QString &w : snap.warnings)
        ctx.err() << QCoreApplication::translate("kops::cli", "warning: ") << w << Qt::endl;
    ctx.out().flush();
}

LagMonitor::Options monitorOptions(CliContext &ctx, const QString &cluster)
{
    LagMonitor::Options o;
    auto settings = LagSettings::load(cluster);
    if (settings) {
        o.thresholds = settings.value().thresholds;
        o.windowSize = settings.value().windowSize;
    }
    if (ctx.parser().isSet(QStringLiteral("max-lag")) || ctx.parser().isSet(QStringLiteral("max-time-lag"))) {
        LagThreshold global;
        if (ctx.parser().isSet(QStringLiteral("max-lag")))
            global.maxLag = ctx.parser().value(QStringLiteral("max-lag")).toLongLong();
        if (ctx.parser().isSet(QStringLiteral("max-time-lag")))
            global.maxTimeLagSeconds = ctx.parser().value(QStringLiteral("max-time-lag")).toDouble();
        o.thresholds.removeIf([](const LagThreshold &t) { return t.group.isEmpty() && t.topic.isEmpty(); });
        o.thresholds.append(global);
    }
    return o;
}

int runLag(CliContext &ctx)
{
    const QStringList groups = ctx.parser().values(QStringLiteral("group"));
    bool ok = true;
    const int interval = ctx.parser().value(QStringLiteral("interval")).toInt(&ok);
    if (!ok || interval < 1)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--interval takes a number of seconds (1 or more)"));
    const int count = ctx.parser().isSet(QStringLiteral("count")) ? ctx.parser().value(QStringLiteral("count")).toInt() : -1;
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    LagRound round(ctx, *api.value(), monitorOptions(ctx, clusterKey(ctx)));

    if (!ctx.parser().isSet(QStringLiteral("watch"))) {
        auto snap = round.run(groups);
        if (!snap)
            return ctx.fail(snap.error());
        if (ctx.json()) {
            QJsonArray arr;
            for (const GroupLag &g : snap.value().groups)
                arr.append(g.toJson());
            ctx.printJson(QJsonDocument(arr));
        } else {
            printTable(ctx, snap.value());
        }
        for (const QString &g : round.gone())
            ctx.err() << QCoreApplication::translate("kops::cli", "warning: consumer group %1 is %2").arg(g, MonitoringCheck::goneReason())
                      << Qt::endl;
        return ExitOk;
    }

    InterruptGuard interrupt;
    const QLocale locale(QLocale::English);
    for (int i = 0; !InterruptGuard::flag() && (count < 0 || i < count); ++i) {
        if (i > 0)
            for (int waited = 0; waited < interval * 10 && !InterruptGuard::flag(); ++waited)
                QThread::msleep(100);
        if (InterruptGuard::flag())
            break;
        auto snap = round.run(groups);
        releaseFreeMemoryOfRound(); // free pages of the round back to the system (see LagWorker::round)
        const QString now = QDateTime::currentDateTime().toString(Qt::ISODate);
        if (!snap) {
            ctx.err() << now << QCoreApplication::translate("kops::cli", " error: ") << snap.error().toString() << Qt::endl;
            continue;
        }
        for (const GroupLag &g : snap.value().groups) {
            if (ctx.json()) {
                QJsonObject o = g.toJson();
                o.remove(QStringLiteral("partitions"));
                o.insert(QStringLiteral("time"), now);
                ctx.printJson(QJsonDocument(o));
            } else {
                ctx.out() << QStringLiteral("%1 %2 %3 lag=%4 timeLag=%5 drain=%6 %7")
                                 .arg(now, g.groupId, healthStatusName(g.status), locale.toString(g.totalLag),
                                      timeLagText(g), g.drainText(), g.reason)
                          << Qt::endl;
            }
        }
        for (const QString &g : round.gone()) {
            if (ctx.json())
                ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("group"), g},
                                                        {QStringLiteral("status"), healthStatusName(HealthStatus::Unknown)},
                                                        {QStringLiteral("gone"), true},
                                                        {QStringLiteral("reason"), MonitoringCheck::goneReason()},
                                                        {QStringLiteral("time"), now}}));
            else
                ctx.out() << QStringLiteral("%1 %2 UNKNOWN %3").arg(now, g, MonitoringCheck::goneReason()) << Qt::endl;
        }
    }
    return ExitOk;
}

/// `alerts` follows the monitoring-plugin convention (Nagios, Icinga, Sensu): exit 0 OK,
/// 1 WARNING, 2 CRITICAL, 3 UNKNOWN, including when the check cannot run at all.
int runAlerts(CliContext &ctx)
{
    const QString format = ctx.json() ? QStringLiteral("json") : ctx.parser().value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json") && format != QLatin1String("plugin"))
        return ctx.usage(QCoreApplication::translate("kops::cli", "--format takes text, json or plugin"));
    const QStringList groups = ctx.parser().values(QStringLiteral("group"));
    auto unknown = [&](const KafkaError &error) {
        if (error.code == QLatin1String("USAGE"))
            return ctx.usage(error.message);
        const MonitoringCheck failed = MonitoringCheck::failed(error.toString());
        if (format == QLatin1String("plugin"))
            ctx.out() << failed.pluginOutput();
        else if (format == QLatin1String("json"))
            ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("state"), failed.state},
                                                    {QStringLiteral("status"), MonitoringCheck::stateName(failed.state)},
                                                    {QStringLiteral("error"), error.toString()}}));
        ctx.err() << QCoreApplication::translate("kops::cli", "error: ") << error.toString() << Qt::endl;
        return failed.state;
    };
    auto api = ctx.connect();
    if (!api)
        return unknown(api.error());
    LagRound round(ctx, *api.value(), monitorOptions(ctx, clusterKey(ctx)));
    auto snap = round.run(groups);
    if (!snap)
        return unknown(snap.error());
    const MonitoringCheck check = MonitoringCheck::evaluate(snap.value(), round.monitor(), round.gone());
    if (format == QLatin1String("plugin")) {
        ctx.out() << check.pluginOutput();
        ctx.out().flush();
    } else if (format == QLatin1String("json")) {
        QJsonArray arr;
        for (const GroupLag &g : snap.value().groups) {
            if (g.status == HealthStatus::Ok)
                continue;
            QJsonObject o = g.toJson();
            QJsonArray parts;
            for (const PartitionLag &p : g.partitions)
                if (p.status != HealthStatus::Ok)
                    parts.append(p.toJson());
            o.insert(QStringLiteral("partitions"), parts);
            arr.append(o);
        }
        for (const QString &g : round.gone())
            arr.append(QJsonObject{{QStringLiteral("group"), g},
                                   {QStringLiteral("status"), healthStatusName(HealthStatus::Unknown)},
                                   {QStringLiteral("gone"), true},
                                   {QStringLiteral("reason"), MonitoringCheck::goneReason()}});
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("groups"), check.groups},
                                                {QStringLiteral("state"), check.state},
                                                {QStringLiteral("status"), MonitoringCheck::stateName(check.state)},
                                                {QStringLiteral("problems"), arr}}));
    } else if (check.problems.isEmpty()) {
        ctx.out() << QCoreApplication::translate("kops::cli", "All %1 consumer groups are OK.").arg(snap.value().groups.size()) << Qt::endl;
    } else {
        for (const QString &line : check.problems)
            ctx.out() << line << Qt::endl;
    }
    return check.state;
}

} // namespace

QList<CliCommand> lagCommands()
{
    return {
        {QStringLiteral("lag"), QCoreApplication::translate("kops::cli", "Consumer lag, time lag, drain time and health per group."), {},
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("group"), QCoreApplication::translate("kops::cli", "Only this group (repeatable)."), QStringLiteral("GROUP")});
             p.addOption({QStringLiteral("watch"), QCoreApplication::translate("kops::cli", "Print one line per group every interval until interrupted.")});
             p.addOption({QStringLiteral("interval"), QCoreApplication::translate("kops::cli", "Seconds between samples with --watch (default 10)."),
                          QStringLiteral("S"), QStringLiteral("10")});
             QCommandLineOption count(QStringLiteral("count"), QCoreApplication::translate("kops::cli", "Stop after N samples."), QStringLiteral("N"));
             count.setFlags(QCommandLineOption::HiddenFromHelp);
             p.addOption(count);
             p.addOption({QStringLiteral("max-lag"), QCoreApplication::translate("kops::cli", "ERR above this many messages."), QStringLiteral("N")});
             p.addOption({QStringLiteral("max-time-lag"), QCoreApplication::translate("kops::cli", "ERR above this many seconds."), QStringLiteral("S")});
         },
         runLag},
        {QStringLiteral("alerts"),
         QCoreApplication::translate("kops::cli", "Evaluate lag health once as a monitoring plugin: exit 0 OK, 1 WARN, 2 CRITICAL "
                        "(ERR, STOP, STALL, REWIND), 3 UNKNOWN (unreachable, unknown group)."),
         {},
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("format"),
                          QCoreApplication::translate("kops::cli", "text (problems, one per line), json, or plugin (status line with "
                                         "performance data for Icinga/Nagios/Sensu)."),
                          QStringLiteral("FORMAT"), QStringLiteral("text")});
             p.addOption({QStringLiteral("group"), QCoreApplication::translate("kops::cli", "Only this group (repeatable)."), QStringLiteral("GROUP")});
             p.addOption({QStringLiteral("max-lag"), QCoreApplication::translate("kops::cli", "ERR above this many messages."), QStringLiteral("N")});
             p.addOption({QStringLiteral("max-time-lag"), QCoreApplication::translate("kops::cli", "ERR above this many seconds."), QStringLiteral("S")});
         },
         runAlerts},
    };
}

} // namespace kops::cli
