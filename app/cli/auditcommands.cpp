// kafka-ops audit: the Tools page's ordering and duplicate audit on the command line.
#include "clicontext.h"
#include "deadletterreader.h"
#include "topicaudit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

namespace kops::cli {

namespace {

void printAudit(CliContext &ctx, const AuditReport &r)
{
    ctx.out() << tr("Scanned %1 records of %2 in %3 s (%4 records/s%5).")
                     .arg(r.scanned)
                     .arg(r.topic)
                     .arg(r.seconds, 0, 'f', 1)
                     .arg(qRound64(r.recordsPerSecond))
                     .arg(r.passes > 1 ? tr(", %1 passes").arg(r.passes) : QString())
              << Qt::endl;
    ctx.out() << tr("Duplicates: %1 (%2)").arg(r.duplicates).arg(r.idSource.isEmpty() ? tr("same key and value") : tr("same %1").arg(r.idSource))
              << Qt::endl;
    if (!r.seqSource.isEmpty())
        ctx.out() << tr("Order breaks: %1 (%2 going down within a key, or a partition for null keys)").arg(r.orderBreaks).arg(r.seqSource)
                  << Qt::endl;
    ctx.out() << tr("Keys in more than one partition: %1").arg(r.keysInSeveralPartitions) << Qt::endl;
    if (r.withoutId > 0)
        ctx.out() << tr("Records without %1: %2").arg(r.idSource).arg(r.withoutId) << Qt::endl;
    if (r.withoutSequence > 0)
        ctx.out() << tr("Records without %1: %2").arg(r.seqSource).arg(r.withoutSequence) << Qt::endl;
    if (r.examples.isEmpty())
        return;
    QList<QStringList> rows;
    for (const AuditFinding &f : r.examples)
        rows.append({auditFindingKindName(f.kind), QString::number(f.partition), QString::number(f.offset),
                     f.timestampMs >= 0 ? QDateTime::fromMSecsSinceEpoch(f.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs)
                                        : QStringLiteral("-"),
                     f.key ? QString::fromUtf8(f.key->left(40)) : QStringLiteral("null"), f.description()});
    ctx.out() << Qt::endl
              << formatTable({QStringLiteral("FINDING"), QStringLiteral("PARTITION"), QStringLiteral("OFFSET"),
                              QStringLiteral("TIMESTAMP"), QStringLiteral("KEY"), QStringLiteral("DETAIL")},
                             rows);
}

int runAudit(CliContext &ctx)
{
    AuditSpec spec;
    spec.topic = ctx.positional().value(0);
    if (spec.topic.isEmpty())
        return ctx.usage(tr("kafka-ops audit needs a TOPIC"));
    auto id = FieldSource::parse(opt(ctx, "id"));
    if (!id)
        return ctx.usage(id.error().message);
    auto seq = FieldSource::parse(opt(ctx, "seq"));
    if (!seq)
        return ctx.usage(seq.error().message);
    spec.id = id.value();
    spec.seq = seq.value();
    if (isSet(ctx, "from-time")) {
        spec.fromTimeMs = parseRecordTime(opt(ctx, "from-time"));
        if (!spec.fromTimeMs)
            return ctx.usage(tr("--from-time needs epoch milliseconds or an ISO 8601 time"));
    }
    if (isSet(ctx, "until-time")) {
        spec.untilTimeMs = parseRecordTime(opt(ctx, "until-time"));
        if (!spec.untilTimeMs)
            return ctx.usage(tr("--until-time needs epoch milliseconds or an ISO 8601 time"));
    }
    bool ok = true;
    if (isSet(ctx, "digest-limit"))
        spec.digestLimit = opt(ctx, "digest-limit").toLongLong(&ok);
    if (!ok || spec.digestLimit <= 0)
        return ctx.usage(tr("--digest-limit needs a positive number"));
    if (isSet(ctx, "examples"))
        spec.maxExamples = opt(ctx, "examples").toInt(&ok);
    if (!ok || spec.maxExamples < 0)
        return ctx.usage(tr("--examples needs a number"));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    InterruptGuard interrupt;
    auto progress = [&](const AuditProgress &p) {
        ctx.progress(tr("%1scanned %2 of %3 records, %4 records/s; %5 duplicates, %6 order breaks")
                         .arg(p.passes > 1 ? tr("pass %1/%2: ").arg(p.pass).arg(p.passes) : QString())
                         .arg(p.scanned)
                         .arg(p.total)
                         .arg(qRound64(p.recordsPerSecond))
                         .arg(p.duplicates)
                         .arg(p.orderBreaks));
    };
    auto report = TopicAudit::run(*api.value(), spec, &InterruptGuard::flag(), progress);
    ctx.endProgress();
    if (!report)
        return ctx.fail(report.error());
    if (isSet(ctx, "out")) {
        QFile f(opt(ctx, "out"));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(report.value().toJsonLines()) < 0)
            return ctx.fail(KafkaError::make(QStringLiteral("_FS"), tr("Cannot write %1: %2").arg(f.fileName(), f.errorString())));
    }
    if (ctx.json())
        ctx.printJson(QJsonDocument(report.value().toJson()));
    else
        printAudit(ctx, report.value());
    if (report.value().cancelled)
        return ExitFailure;
    return report.value().clean() ? ExitOk : ExitProblemsFound;
}

void addAuditOptions(QCommandLineParser &p)
{
    addOption(p, "id", tr("A record's id for duplicates: json:$.orderId or header:NAME (default: key and value bytes)."),
              "SOURCE");
    addOption(p, "seq", tr("A sequence number for ordering: json:$.seq or header:NAME."), "SOURCE");
    addOption(p, "from-time", tr("Audit records from this time (epoch ms or ISO 8601, no zone = UTC)."), "T");
    addOption(p, "until-time", tr("Audit records before this time."), "T");
    addOption(p, "digest-limit", tr("Digests kept per pass (default 1000000); more records take several passes."), "N");
    addOption(p, "examples", tr("Examples kept per finding (default 100)."), "N");
    addOption(p, "out", tr("Write the examples as JSON Lines to FILE."), "FILE");
}

} // namespace

QList<CliCommand> auditCommands()
{
    return {{QStringLiteral("audit"),
             QCoreApplication::translate("kops::cli", "Audit a topic for duplicates and order breaks (exit 2 when found)."),
             QStringLiteral("TOPIC"), addAuditOptions, runAudit}};
}

} // namespace kops::cli
