// kafka-ops lag-history: a group's past lag, sampled where the history has it and
// reconstructed from the commit log (LagReconstructor) before that.
#include "clicontext.h"

#include "democluster.h"
#include "historystore.h"
#include "lagreconstruction.h"
#include "lagsettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace kops::cli {

namespace {

QString clusterKeyOf(CliContext &ctx)
{
    if (ctx.isDemo())
        return demo::DemoCluster::name();
    if (ctx.profile())
        return ctx.profile()->name;
    return ctx.parser().value(QStringLiteral("bootstrap"));
}

/// "6h", "90m", "30s", "2d" (a bare number: seconds) in milliseconds.
std::optional<qint64> parseSpan(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\s*(ms|s|m|h|d)?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == QLatin1String("ms") ? 1
                          : unit == QLatin1String("m") ? 60'000
                          : unit == QLatin1String("h") ? 3'600'000
                          : unit == QLatin1String("d") ? 86'400'000
                                                       : 1000;
    return n * factor;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

int runLagHistory(CliContext &ctx)
{
    const QStringList args = ctx.positional();
    if (args.size() != 1)
        return ctx.usage(QCoreApplication::translate("kops::cli", "lag-history takes exactly one GROUP"));
    const QString group = args.first();
    const auto since = parseSpan(ctx.parser().value(QStringLiteral("since")));
    const auto step = parseSpan(ctx.parser().value(QStringLiteral("step")));
    if (!since || *since <= 0)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--since takes a duration such as 6h, 90m or 2d"));
    if (!step || *step < 1000)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--step takes a duration of at least 1s, such as 1m"));
    if (*since / *step > 20'000)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--since/--step gives more than 20,000 steps: take a larger --step"));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    const QString cluster = clusterKeyOf(ctx);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - *since;

    HistoryStore history(ctx.historyPath());
    const bool historyOk = history.open().ok();
    // What the history sampled already stands; the commit log fills the time before it.
    const qint64 firstSample = historyOk ? history.earliestSampleMs(cluster, group) : -1;
    const qint64 until = firstSample >= 0 ? std::min(firstSample, now) : now;
    std::optional<LagReconstruction> rebuilt;
    if (until > from + *step / 2) {
        LagReconstructor::Options options;
        options.stepMs = *step;
        if (auto settings = LagSettings::load(cluster))
            options.windowSize = settings.value().windowSize;
        auto r = LagReconstructor::reconstruct(*api.value(), group, from, until, options);
        if (!r)
            return ctx.fail(r.error());
        rebuilt = r.value();
        if (historyOk)
            if (auto stored = history.recordReconstructed(cluster, *rebuilt); !stored)
                ctx.err() << QCoreApplication::translate("kops::cli", "warning: ") << stored.error().toString() << Qt::endl;
    }

    // One point per partition and step: the latest stored one at or before it (within the step).
    QList<TopicPartition> partitions = historyOk ? history.partitionsOf(cluster, group) : QList<TopicPartition>{};
    if (rebuilt)
        for (const ReconstructedPartition &p : rebuilt->partitions)
            if (!partitions.contains(p.tp))
                partitions.append(p.tp);
    std::sort(partitions.begin(), partitions.end());
    const QList<qint64> times = LagReconstructor::stepTimes(from, now, *step);
    struct Row
    {
        qint64 atMs;
        TopicPartition tp;
        OffsetObservation obs;
        bool reconstructed;
    };
    QList<Row> rows;
    for (const TopicPartition &tp : std::as_const(partitions)) {
        QList<HistoryPoint> points;
        if (historyOk) {
            points = history.partitionPoints(cluster, group, tp, from - *step, now);
        } else if (rebuilt) {
            for (const ReconstructedPartition &p : rebuilt->partitions)
                if (p.tp == tp)
                    for (const OffsetObservation &o : p.points)
                        points.append({o, true});
        }
        qsizetype k = 0;
        for (const qint64 t : times) {
            while (k + 1 < points.size() && points[k + 1].obs.atMs <= t)
                ++k;
            if (points.isEmpty() || points[k].obs.atMs > t || t - points[k].obs.atMs >= *step)
                continue;
            rows.append({t, tp, points[k].obs, points[k].reconstructed});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.atMs < b.atMs; });

    const QList<StatusSpan> spans = rebuilt ? rebuilt->statusSpans() : QList<StatusSpan>{};
    if (ctx.json()) {
        QJsonArray points;
        for (const Row &r : std::as_const(rows)) {
            QJsonObject o{{QStringLiteral("time"), isoTime(r.atMs)},
                          {QStringLiteral("timeMs"), r.atMs},
                          {QStringLiteral("topic"), r.tp.topic},
                          {QStringLiteral("partition"), r.tp.partition},
                          {QStringLiteral("logEnd"), r.obs.logEnd},
                          {QStringLiteral("reconstructed"), r.reconstructed}};
            o.insert(QStringLiteral("committed"), r.obs.committed >= 0 ? QJsonValue(r.obs.committed) : QJsonValue());
            o.insert(QStringLiteral("lag"), r.obs.lag() ? QJsonValue(*r.obs.lag()) : QJsonValue());
            points.append(o);
        }
        QJsonArray statuses;
        for (const StatusSpan &s : spans)
            statuses.append(QJsonObject{{QStringLiteral("from"), isoTime(s.fromMs)},
                                        {QStringLiteral("to"), isoTime(s.toMs)},
                                        {QStringLiteral("status"), healthStatusName(s.status)},
                                        {QStringLiteral("reason"), s.reason}});
        QJsonObject out{{QStringLiteral("group"), group},
                        {QStringLiteral("from"), isoTime(from)},
                        {QStringLiteral("to"), isoTime(now)},
                        {QStringLiteral("stepSeconds"), *step / 1000},
                        {QStringLiteral("points"), points},
                        {QStringLiteral("reconstructedStatuses"), statuses}};
        if (rebuilt) {
            out.insert(QStringLiteral("reconstructedBackTo"), rebuilt->reachedMs >= 0 ? QJsonValue(isoTime(rebuilt->reachedMs)) : QJsonValue());
            out.insert(QStringLiteral("reconstructionLimit"), reachLimitText(rebuilt->limit));
            out.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(rebuilt->warnings));
            out.insert(QStringLiteral("lookups"), rebuilt->lookups);
        }
        if (firstSample >= 0)
            out.insert(QStringLiteral("sampledSince"), isoTime(firstSample));
        ctx.printJson(QJsonDocument(out));
        return ExitOk;
    }
    if (rows.isEmpty()) {
        // One sentence, not a header over nothing; the commit log is named only when it was read.
        ctx.out() << (rebuilt ? QCoreApplication::translate("kops::cli", "No lag history of group '%1' since %2: no sample of it here, and no commit of it in the commit log in that time.")
                              : QCoreApplication::translate("kops::cli", "No lag history of group '%1' since %2: no sample of it here in that time."))
                         .arg(group, QDateTime::fromMSecsSinceEpoch(from).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                  << Qt::endl;
        return ExitOk;
    }
    ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                     .arg(QStringLiteral("TIME").leftJustified(19), QStringLiteral("TOPIC").leftJustified(24),
                          QStringLiteral("PART").rightJustified(4), QStringLiteral("COMMITTED").rightJustified(12),
                          QStringLiteral("LOG-END").rightJustified(12), QStringLiteral("LAG").rightJustified(10),
                          QStringLiteral("SOURCE"))
              << Qt::endl;
    for (const Row &r : std::as_const(rows))
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                         .arg(QDateTime::fromMSecsSinceEpoch(r.atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                              r.tp.topic.leftJustified(24), QString::number(r.tp.partition).rightJustified(4),
                              (r.obs.committed >= 0 ? QString::number(r.obs.committed) : QStringLiteral("-")).rightJustified(12),
                              QString::number(r.obs.logEnd).rightJustified(12),
                              (r.obs.lag() ? QString::number(*r.obs.lag()) : QStringLiteral("-")).rightJustified(10),
                              r.reconstructed ? QCoreApplication::translate("kops::cli", "reconstructed")
                                              : QCoreApplication::translate("kops::cli", "sampled"))
                  << Qt::endl;
    if (rebuilt) {
        ctx.out() << (rebuilt->reachedMs >= 0
                          ? QCoreApplication::translate("kops::cli", "Reconstructed from the commit log %1; %2 offsets-for-times lookups.")
                          : QCoreApplication::translate("kops::cli", "Before the samples: %1; %2 offsets-for-times lookups."))
                         .arg(rebuilt->reachText())
                         .arg(rebuilt->lookups)
                  << Qt::endl;
        for (const StatusSpan &s : spans)
            ctx.out() << QCoreApplication::translate("kops::cli", "%1 from %2 to %3: %4")
                             .arg(healthStatusName(s.status),
                                  QDateTime::fromMSecsSinceEpoch(s.fromMs).toString(QStringLiteral("HH:mm")),
                                  QDateTime::fromMSecsSinceEpoch(s.toMs).toString(QStringLiteral("HH:mm")), s.reason)
                      << Qt::endl;
        for (const QString &w : rebuilt->warnings)
            ctx.out() << QCoreApplication::translate("kops::cli", "note: ") << w << Qt::endl;
    }
    if (firstSample >= 0)
        ctx.out() << QCoreApplication::translate("kops::cli", "Sampled since %1.")
                         .arg(QDateTime::fromMSecsSinceEpoch(firstSample).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                  << Qt::endl;
    return ExitOk;
}

} // namespace

QList<CliCommand> lagHistoryCommands()
{
    return {
        {QStringLiteral("lag-history"),
         QCoreApplication::translate("kops::cli", "A group's past lag per partition: sampled where the history has it, reconstructed "
                                                  "from the commit log (__consumer_offsets) and record timestamps before that."),
         QStringLiteral("GROUP"),
         [](QCommandLineParser &p) {
             p.addOption({QStringLiteral("since"), QCoreApplication::translate("kops::cli", "How far back (default 6h): 90m, 6h, 2d."),
                          QStringLiteral("DURATION"), QStringLiteral("6h")});
             p.addOption({QStringLiteral("step"), QCoreApplication::translate("kops::cli", "Resolution (default 1m)."),
                          QStringLiteral("DURATION"), QStringLiteral("1m")});
         },
         runLagHistory},
    };
}

} // namespace kops::cli
