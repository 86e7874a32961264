#include "clicontext.h"
#include "democluster.h"
#include "historystore.h"
#include "lagmonitor.h"
#include "lagsampler.h"
#include "lagsettings.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
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
        m_historyOk = m_history.open().ok();
    }

    Result<LagSnapshot> run(const QStringList &groups)
    {
        auto raw = m_sampler.sample(m_api, groups);
        if (!raw)
            return raw.error();
        const QString cluster = clusterKey(m_ctx);
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

private:
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
    return formatDuration(*g.maxTimeLagSeconds) + (g.maxTimeLagEstimated ? QStringLiteral(" (est.)") : QString());
}

void printTable(CliContext &ctx, const LagSnapshot &snap)
{
    QList<QStringList> rows;
    const QLocale locale(QLocale::English);
    for (const GroupLag &g : snap.groups)
        rows.append({g.groupId, healthStatusName(g.status), g.state, QString::number(g.memberCount),
                     locale.toString(g.totalLag), timeLagText(g), g.drainText(), g.reason});
    ctx.out() << formatTable({QStringLiteral("GROUP"), QStringLiteral("STATUS"), QStringLiteral("STATE"),
                              QStringLiteral("MEMBERS"), QStringLiteral("TOTAL-LAG"), QStringLiteral("MAX-TIME-LAG"),
                              QStringLiteral("DRAIN"), QStringLiteral("REASON")},
                             rows);
    for (const QString &w : snap.warnings)
        ctx.err() << QStringLiteral("warning: ") << w << Qt::endl;
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
        return ctx.usage(QStringLiteral("--interval takes a number of seconds (1 or more)"));
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
        const QString now = QDateTime::currentDateTime().toString(Qt::ISODate);
        if (!snap) {
            ctx.err() << now << QStringLiteral(" error: ") << snap.error().toString() << Qt::endl;
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
    }
    return ExitOk;
}

int runAlerts(CliContext &ctx)
{
    const QStringList groups = ctx.parser().values(QStringLiteral("group"));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    LagRound round(ctx, *api.value(), monitorOptions(ctx, clusterKey(ctx)));
    auto snap = round.run(groups);
    if (!snap)
        return ctx.fail(snap.error());
    QList<GroupLag> problems;
    for (const GroupLag &g : snap.value().groups)
        if (g.status != HealthStatus::Ok)
            problems.append(g);
    if (ctx.json()) {
        QJsonArray arr;
        for (const GroupLag &g : problems) {
            QJsonObject o = g.toJson();
            QJsonArray parts;
            for (const PartitionLag &p : g.partitions)
                if (p.status != HealthStatus::Ok)
                    parts.append(p.toJson());
            o.insert(QStringLiteral("partitions"), parts);
            arr.append(o);
        }
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("groups"), int(snap.value().groups.size())},
                                                {QStringLiteral("problems"), arr}}));
    } else if (problems.isEmpty()) {
        ctx.out() << QStringLiteral("All %1 consumer groups are OK.").arg(snap.value().groups.size()) << Qt::endl;
    } else {
        for (const GroupLag &g : problems)
            ctx.out() << QStringLiteral("%1 %2: %3").arg(healthStatusName(g.status), g.groupId, g.reason) << Qt::endl;
    }
    return problems.isEmpty() ? ExitOk : ExitProblemsFound;
}

} // namespace

QList<CliCommand> lagCommands()
{
    return {
        {QStringLiteral("lag"), QStringLiteral("Consumer lag, time lag, drain time and health per group."), {},
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("group"), QStringLiteral("Only this group (repeatable)."), QStringLiteral("GROUP")});
             p.addOption({QStringLiteral("watch"), QStringLiteral("Print one line per group every interval until interrupted.")});
             p.addOption({QStringLiteral("interval"), QStringLiteral("Seconds between samples with --watch (default 10)."),
                          QStringLiteral("S"), QStringLiteral("10")});
             QCommandLineOption count(QStringLiteral("count"), QStringLiteral("Stop after N samples."), QStringLiteral("N"));
             count.setFlags(QCommandLineOption::HiddenFromHelp);
             p.addOption(count);
             p.addOption({QStringLiteral("max-lag"), QStringLiteral("ERR above this many messages."), QStringLiteral("N")});
             p.addOption({QStringLiteral("max-time-lag"), QStringLiteral("ERR above this many seconds."), QStringLiteral("S")});
         },
         runLag},
        {QStringLiteral("alerts"),
         QStringLiteral("Evaluate lag health once; exit 0 when all groups are OK, 2 when any is WARN or worse."), {},
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("group"), QStringLiteral("Only this group (repeatable)."), QStringLiteral("GROUP")});
             p.addOption({QStringLiteral("max-lag"), QStringLiteral("ERR above this many messages."), QStringLiteral("N")});
             p.addOption({QStringLiteral("max-time-lag"), QStringLiteral("ERR above this many seconds."), QStringLiteral("S")});
         },
         runAlerts},
    };
}

} // namespace kops::cli
