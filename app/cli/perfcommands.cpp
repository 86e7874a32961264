// kafka-ops perf: the Tools page's partition-count throughput lab on the command line.
#include "clicontext.h"
#include "perflab.h"
#include "profilestore.h"

#include "democluster.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>

namespace kops::cli {

namespace {

QString ms(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', *v >= 100 ? 0 : 1) : QStringLiteral("-");
}

QString phaseText(PerfProgress::Phase phase)
{
    switch (phase) {
    case PerfProgress::Phase::Creating:
        return tr("creating the topic");
    case PerfProgress::Phase::Producing:
        return tr("producing");
    case PerfProgress::Phase::Consuming:
        return tr("consuming");
    case PerfProgress::Phase::Auditing:
        return tr("auditing");
    case PerfProgress::Phase::Deleting:
        return tr("deleting the topic");
    }
    return QString();
}

void printReport(CliContext &ctx, const PerfReport &report)
{
    const QLocale c = QLocale::c();
    QList<QStringList> rows;
    for (const PerfPoint &p : report.points) {
        QStringList row{QString::number(p.partitions),
                        QString::number(qRound64(p.produceRecordsPerSecond)),
                        QString::number(p.produceMBPerSecond, 'f', 2),
                        ms(p.ackP50Ms),
                        ms(p.ackP99Ms),
                        ms(p.endToEndP50Ms),
                        ms(p.endToEndP99Ms),
                        QString::number(qRound64(p.consumeRecordsPerSecond))};
        if (report.settings.auditAfter) {
            const PerfAuditSummary a = report.audits.value(p.partitions);
            row << QString::number(a.duplicates) << QString::number(a.orderBreaks);
        }
        row << (p.error.isEmpty() ? QString() : p.error);
        rows.append(row);
    }
    QStringList headers{QStringLiteral("PARTITIONS"), QStringLiteral("RECORDS/S"), QStringLiteral("MB/S"),
                        QStringLiteral("ACK-P50-MS"), QStringLiteral("ACK-P99-MS"), QStringLiteral("E2E-P50-MS"),
                        QStringLiteral("E2E-P99-MS"), QStringLiteral("CONSUMED/S")};
    if (report.settings.auditAfter)
        headers << QStringLiteral("DUPLICATES") << QStringLiteral("ORDER-BREAKS");
    headers << QStringLiteral("NOTE");
    ctx.out() << formatTable(headers, rows);
    ctx.out() << report.verdict() << Qt::endl;
    if (report.settings.injectFailures)
        ctx.out() << injectedFailuresNote(report.settings.idempotence) << Qt::endl;
    if (report.settings.auditAfter) {
        qint64 dups = 0, breaks = 0;
        for (const PerfAuditSummary &a : report.audits)
            dups += a.duplicates, breaks += a.orderBreaks;
        ctx.out() << (dups + breaks == 0
                          ? tr("Audit: no duplicates and no order breaks.")
                          : tr("Audit: %1 duplicates and %2 order breaks (sequence numbers going down within a key).")
                                .arg(dups)
                                .arg(breaks))
                  << Qt::endl;
    }
    if (!report.keptTopics.isEmpty())
        ctx.err() << tr("Not deleted: %1 (%2)").arg(report.keptTopics.join(QStringLiteral(", ")), report.keptReason) << Qt::endl;
    if (!report.ignoredProfileKeys.isEmpty())
        ctx.err() << tr("Profile settings without a librdkafka equivalent, not used: %1")
                         .arg(report.ignoredProfileKeys.join(QStringLiteral(", ")))
                  << Qt::endl;
    Q_UNUSED(c)
}

int runPerf(CliContext &ctx)
{
    PerfSettings s;
    if (isSet(ctx, "preset")) {
        const QString p = opt(ctx, "preset");
        if (p == QLatin1String("retries-without-idempotence"))
            s = perfPreset(PerfPreset::RetriesWithoutIdempotence);
        else if (p == QLatin1String("idempotent"))
            s = perfPreset(PerfPreset::Idempotent);
        else if (p != QLatin1String("throughput"))
            return ctx.usage(tr("--preset is throughput, retries-without-idempotence or idempotent"));
    }
    if (isSet(ctx, "partitions")) {
        auto counts = PerfSettings::parsePartitions(opt(ctx, "partitions"));
        if (!counts)
            return ctx.usage(counts.error().message);
        s.partitionCounts = counts.value();
    }
    bool ok = true;
    if (isSet(ctx, "records"))
        s.records = opt(ctx, "records").toLongLong(&ok);
    if (!ok || s.records <= 0)
        return ctx.usage(tr("--records needs a positive number"));
    if (isSet(ctx, "size"))
        s.recordSize = opt(ctx, "size").toInt(&ok);
    if (!ok || s.recordSize <= 0)
        return ctx.usage(tr("--size needs a positive number of bytes"));
    if (isSet(ctx, "consumers"))
        s.consumers = opt(ctx, "consumers").toInt(&ok);
    if (!ok || s.consumers <= 0)
        return ctx.usage(tr("--consumers needs a positive number"));
    if (isSet(ctx, "producer-profile")) {
        auto profile = ctx.isDemo() ? ProfileStore(demo::DemoCluster::profilesPath()).load(opt(ctx, "producer-profile"))
                                    : ProfileStore().load(opt(ctx, "producer-profile"));
        if (!profile)
            return ctx.fail(profile.error());
        if (profile.value().type != ProfileType::Producer)
            return ctx.usage(tr("'%1' is not a producer profile").arg(profile.value().name));
        s.profileSettings = profile.value().settings;
        s.profileName = profile.value().name;
        s.acks.clear();
        s.lingerMs = -1;
        s.compression = QStringLiteral("none");
    }
    if (isSet(ctx, "acks")) {
        s.acks = opt(ctx, "acks");
        if (s.acks != QLatin1String("all") && s.acks != QLatin1String("-1") && s.acks != QLatin1String("0") && s.acks != QLatin1String("1"))
            return ctx.usage(tr("--acks is 0, 1 or all"));
    }
    if (isSet(ctx, "idempotence"))
        s.idempotence = true;
    if (isSet(ctx, "compression"))
        s.compression = opt(ctx, "compression");
    if (isSet(ctx, "linger-ms"))
        s.lingerMs = opt(ctx, "linger-ms").toInt(&ok);
    if (!ok)
        return ctx.usage(tr("--linger-ms needs a number"));
    if (isSet(ctx, "batch-size"))
        s.batchSize = opt(ctx, "batch-size").toInt(&ok);
    if (!ok)
        return ctx.usage(tr("--batch-size needs a number of bytes"));
    if (isSet(ctx, "replication-factor"))
        s.replicationFactor = opt(ctx, "replication-factor").toInt(&ok);
    if (!ok)
        return ctx.usage(tr("--replication-factor needs a number"));
    if (isSet(ctx, "sample-file")) {
        QFile f(opt(ctx, "sample-file"));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.usage(tr("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                s.samples.append(line);
        if (s.samples.isEmpty())
            return ctx.usage(tr("%1 has no lines to send").arg(f.fileName()));
        s.sampleFile = f.fileName();
    }
    if (ctx.profile() && ctx.profile()->readOnly)
        return ctx.fail(KafkaError::make(QStringLiteral("READ_ONLY"),
                                         tr("Connection '%1' is read-only: the throughput lab creates topics and is refused. "
                                            "Nothing was changed.")
                                             .arg(ctx.profile()->name)));
    if (s.estimatedBytes() > PerfSettings::kConfirmBytes && !isSet(ctx, "yes"))
        return ctx.fail(KafkaError::make(QStringLiteral("_CONFIRM"),
                                         tr("The lab would write about %1 MB (%2 partition counts x %3 records x %4 bytes). "
                                            "Add --yes to go ahead.")
                                             .arg(s.estimatedBytes() / (1024 * 1024))
                                             .arg(s.partitionCounts.size())
                                             .arg(s.records)
                                             .arg(s.recordSize)));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    QStringList notDeleted;
    if (auto cleaned = PerfLab::cleanLeftovers(*api.value(), &notDeleted); cleaned && !cleaned.value().isEmpty() && !ctx.json())
        ctx.err() << QCoreApplication::translate("kops::cli", "Deleted %n topic(s) left by an earlier lab: %1", nullptr,
                                                 int(cleaned.value().size()))
                         .arg(cleaned.value().join(QStringLiteral(", ")))
                  << Qt::endl;
    PerfLab::InjectFn inject;
    if (s.injectFailures) {
        auto demo = ctx.demoCluster();
        if (!demo)
            return ctx.usage(tr("failures can only be injected into the demo cluster (--demo)"));
        const bool lostAcks = !s.idempotence;
        inject = [demo, lostAcks](const QString &, int) { demo->injectProduceFailures(lostAcks); };
    }
    InterruptGuard interrupt;
    PerfLab::Control control;
    auto progress = [&](const PerfProgress &p) {
        if (InterruptGuard::flag())
            control.cancel = true;
        ctx.progress(tr("%1/%2: %3 partitions, %4: %5 of %6 acknowledged, %7 consumed%8")
                         .arg(p.index + 1)
                         .arg(p.counts)
                         .arg(p.partitions)
                         .arg(phaseText(p.phase))
                         .arg(p.produced)
                         .arg(p.records)
                         .arg(p.consumed)
                         .arg(p.recordsPerSecond > 0 ? QStringLiteral(", %1 records/s").arg(qRound64(p.recordsPerSecond)) : QString()));
    };
    auto result = PerfLab::run(*api.value(), s, &control, progress, {}, inject);
    ctx.endProgress();
    if (!result)
        return ctx.fail(result.error());
    if (ctx.json())
        ctx.printJson(QJsonDocument(result.value().toJson()));
    else
        printReport(ctx, result.value());
    if (result.value().cancelled) {
        if (!ctx.json())
            ctx.err() << tr("Cancelled; the lab's topics were deleted.") << Qt::endl;
        return ExitFailure;
    }
    for (const PerfPoint &p : result.value().points)
        if (p.records == 0)
            return ExitFailure;
    return ExitOk;
}

void addPerfOptions(QCommandLineParser &p)
{
    addOption(p, "partitions", tr("Partition counts to measure (default 1,2,4,8,16,32)."), "LIST");
    addOption(p, "records", tr("Records per partition count (default 200000)."), "N");
    addOption(p, "size", tr("Record size in bytes (default 100)."), "BYTES");
    addOption(p, "sample-file", tr("Send the lines of this file instead of random letters."), "FILE");
    addOption(p, "acks", tr("acks: 0, 1 or all (default all)."), "ACKS");
    addOption(p, "idempotence", tr("enable.idempotence=true."));
    addOption(p, "compression", tr("compression.type: none, gzip, snappy, lz4, zstd."), "CODEC");
    addOption(p, "linger-ms", tr("linger.ms (default 5)."), "MS");
    addOption(p, "batch-size", tr("batch.size in bytes (default: the client's)."), "BYTES");
    addOption(p, "producer-profile", tr("Take the producer settings from a saved producer profile."), "NAME");
    addOption(p, "consumers", tr("Consumers in the lab's group (default 1)."), "C");
    addOption(p, "replication-factor", tr("Replication factor of the lab's topics (default: the broker's)."), "N");
    addOption(p, "preset", tr("throughput (default), retries-without-idempotence or idempotent: the teaching pair, "
                     "with failures injected into the demo cluster and an audit of the result."),
        "NAME");
    addOption(p, "yes", tr("Go ahead when the lab would write more than 1 GB."));
}

} // namespace

QList<CliCommand> perfCommands()
{
    return {{QStringLiteral("perf"),
             QCoreApplication::translate("kops::cli", "Measure produce/consume throughput and latency against partition count."),
             QString(), addPerfOptions, runPerf}};
}

} // namespace kops::cli
