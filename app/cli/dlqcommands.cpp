// kafka-ops dlq browse|requeue|export|import|journal: dead letters from the command line.
#include "clicontext.h"

#include <QCoreApplication>
#include "deadletterjson.h"
#include "deadletterreader.h"
#include "requeueengine.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>

namespace kops::cli {

namespace {

Result<BrowseSelection> parseSelection(CliContext &ctx, const QString &topic)
{
    BrowseSelection s;
    s.topic = topic;
    for (const QString &p : ctx.parser().values(QStringLiteral("partition"))) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || n < 0)
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--partition takes a partition number, got '%1'").arg(p));
        s.partitions.append(n);
    }
    const int starts = int(isSet(ctx, "from-offset")) + int(isSet(ctx, "from-time")) + int(isSet(ctx, "newest"));
    if (starts > 1)
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "Use only one of --from-offset, --from-time and --newest"));
    bool ok = true;
    if (isSet(ctx, "from-offset")) {
        s.start = {BrowseStart::Mode::Offset, opt(ctx, "from-offset").toLongLong(&ok)};
        if (!ok || s.start.value < 0)
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--from-offset takes an offset"));
    } else if (isSet(ctx, "newest")) {
        s.start = {BrowseStart::Mode::NewestN, opt(ctx, "newest").toLongLong(&ok)};
        if (!ok || s.start.value < 0)
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--newest takes a number of records"));
    } else if (isSet(ctx, "from-time")) {
        const auto t = parseRecordTime(opt(ctx, "from-time"));
        if (!t)
            return KafkaError::make(QStringLiteral("USAGE"),
                                    QCoreApplication::translate("kops::cli", "--from-time takes ms since the epoch or an ISO 8601 time, got '%1'")
                                        .arg(opt(ctx, "from-time")));
        s.start = {BrowseStart::Mode::Time, *t};
    }
    return s;
}

Result<RecordFilterSpec> parseFilter(CliContext &ctx)
{
    RecordFilterSpec f;
    if (isSet(ctx, "key-contains"))
        f.key = {opt(ctx, "key-contains"), false};
    if (isSet(ctx, "key-regex"))
        f.key = {opt(ctx, "key-regex"), true};
    if (isSet(ctx, "value-contains"))
        f.value = {opt(ctx, "value-contains"), false};
    if (isSet(ctx, "value-regex"))
        f.value = {opt(ctx, "value-regex"), true};
    if (isSet(ctx, "header")) {
        const QString h = opt(ctx, "header");
        const int eq = int(h.indexOf(QLatin1Char('=')));
        f.headerName = eq < 0 ? h : h.left(eq);
        if (eq >= 0)
            f.headerValue = {h.mid(eq + 1), false};
        if (f.headerName.isEmpty())
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--header takes NAME or NAME=VALUE"));
    }
    f.errorClass = opt(ctx, "error-class");
    f.originalTopic = opt(ctx, "original-topic");
    if (isSet(ctx, "until-time")) {
        const auto t = parseRecordTime(opt(ctx, "until-time"));
        if (!t)
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--until-time takes ms since the epoch or ISO 8601"));
        f.toTimeMs = *t;
    }
    const RecordFilter compiled(f);
    if (!compiled.error().isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), compiled.error());
    return f;
}

QString shortText(const std::optional<QByteArray> &bytes, int max = 40)
{
    if (!bytes)
        return QStringLiteral("(null)");
    if (!isValidUtf8(*bytes))
        return QCoreApplication::translate("kops::cli", "(binary %1 B)").arg(bytes->size());
    QString s = QString::fromUtf8(bytes->left(max * 4)).simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QChar(0x2026);
    return s;
}

int refuseReadOnly(CliContext &ctx, const QString &what)
{
    return ctx.fail(KafkaError::make(QStringLiteral("READ_ONLY"),
                                     QCoreApplication::translate("kops::cli", "Connection '%1' is read-only: %2 is refused. Nothing was changed.")
                                         .arg(ctx.profile()->name, what)));
}

bool readOnly(CliContext &ctx)
{
    return ctx.profile() && ctx.profile()->readOnly;
}

struct Prepared
{
    std::unique_ptr<ClusterApi> api;
    BrowseSelection selection;
    RecordFilterSpec filter;
    QList<HeaderMappingRule> rules;
};

/// TOPIC, the selection and the filter, and a connection: what browse, export and requeue share.
Result<Prepared> prepare(CliContext &ctx)
{
    const QStringList pos = ctx.positional();
    if (pos.size() != 2)
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "kafka-ops dlq %1 takes one TOPIC").arg(pos.value(0)));
    auto sel = parseSelection(ctx, pos.at(1));
    if (!sel)
        return sel.error();
    auto filter = parseFilter(ctx);
    if (!filter)
        return filter.error();
    QList<HeaderMappingRule> rules;
    for (const QString &text : ctx.parser().values(QStringLiteral("header-rule"))) {
        auto rule = parseHeaderMappingRule(text);
        if (!rule)
            return rule.error();
        rules.append(rule.value());
    }
    auto api = ctx.connect();
    if (!api)
        return api.error();
    return Prepared{std::move(api).value(), sel.value(), filter.value(), rules};
}

qint64 limitOption(CliContext &ctx, bool *ok)
{
    *ok = true;
    if (!isSet(ctx, "limit"))
        return -1;
    const qint64 n = opt(ctx, "limit").toLongLong(ok);
    *ok = *ok && n >= 0;
    return n;
}

int runBrowse(CliContext &ctx)
{
    bool ok = false;
    const qint64 limit = limitOption(ctx, &ok);
    if (!ok)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--limit takes a number"));
    auto prep = prepare(ctx);
    if (!prep)
        return ctx.fail(prep.error());
    // The header comes with the first row (or after an empty scan), never before an error.
    bool headerShown = false;
    auto showHeader = [&] {
        if (headerShown || ctx.json())
            return;
        headerShown = true;
        ctx.out() << QStringLiteral("PARTITION  OFFSET      TIMESTAMP                 KEY                   SIZE      "
                                    "ORIGINAL                        ERROR")
                  << Qt::endl;
    };
    InterruptGuard interrupt;
    ScanOptions options;
    options.limit = limit;
    options.cancel = &InterruptGuard::flag();
    options.onMatch = [&](const DeadLetterRecord &r) {
        if (ctx.json()) {
            ctx.printJson(QJsonDocument(deadLetterToJson(r.record, r.info)));
            return true;
        }
        showHeader();
        const QString original = r.info.hasOriginal()
                                     ? QStringLiteral("%1/%2/%3").arg(r.info.originalTopic,
                                                                      r.info.originalPartition ? QString::number(*r.info.originalPartition) : QStringLiteral("?"),
                                                                      r.info.originalOffset ? QString::number(*r.info.originalOffset) : QStringLiteral("?"))
                                     : QStringLiteral("-");
        const QString ts = r.record.timestampMs >= 0
                               ? QDateTime::fromMSecsSinceEpoch(r.record.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs)
                               : QStringLiteral("-");
        ctx.out() << QString::number(r.record.partition).leftJustified(11) << QString::number(r.record.offset).leftJustified(12)
                  << ts.leftJustified(26) << shortText(r.record.key, 20).leftJustified(22)
                  << QString::number(r.record.value ? r.record.value->size() : 0).leftJustified(10)
                  << original.leftJustified(32) << (r.info.errorClass.isEmpty() ? QStringLiteral("-") : r.info.errorClass)
                  << Qt::endl;
        return true;
    };
    auto result = scanDeadLetters(*prep.value().api, prep.value().selection, RecordFilter(prep.value().filter), options,
                                  DeadLetterDecoder(prep.value().rules));
    if (!result)
        return ctx.fail(result.error());
    showHeader();
    if (!ctx.json()) {
        const QLocale locale(QLocale::English);
        ctx.err() << QCoreApplication::translate("kops::cli", "%1 of %2 scanned records matched").arg(locale.toString(result.value().matched),
                                                                           locale.toString(result.value().scanned));
        if (!result.value().errorClassCounts.isEmpty()) {
            QStringList groups;
            for (auto it = result.value().errorClassCounts.cbegin(); it != result.value().errorClassCounts.cend(); ++it)
                groups.append(QStringLiteral("%1: %2").arg(it.key().isEmpty() ? QStringLiteral("(none)") : it.key()).arg(it.value()));
            ctx.err() << QStringLiteral(" (") << groups.join(QStringLiteral(", ")) << QStringLiteral(")");
        }
        ctx.err() << Qt::endl;
    }
    return ExitOk;
}

int runExport(CliContext &ctx)
{
    bool ok = false;
    const qint64 limit = limitOption(ctx, &ok);
    if (!ok)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--limit takes a number"));
    if (!isSet(ctx, "out"))
        return ctx.usage(QCoreApplication::translate("kops::cli", "--out FILE.jsonl is required"));
    auto prep = prepare(ctx);
    if (!prep)
        return ctx.fail(prep.error());
    // Written beside the target and renamed over it when complete: a failed or interrupted export
    // never leaves a half file under the asked name. (No fsync: the records stay in Kafka, and
    // syncing 100+ MB doubled the export's time.)
    const QString target = opt(ctx, "out");
    QFile file(target + QStringLiteral(".part"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return ctx.fail(KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::cli", "Cannot write '%1': %2").arg(target, file.errorString())));
    struct PartRemover
    {
        QFile &f;
        bool keep = false;
        ~PartRemover()
        {
            if (!keep)
                f.remove();
        }
    } partRemover{file};
    InterruptGuard interrupt;
    ScanOptions options;
    options.limit = limit;
    options.cancel = &InterruptGuard::flag();
    bool writeFailed = false;
    QByteArray buffer;
    constexpr qsizetype kFlushAt = 1 << 20;
    buffer.reserve(kFlushAt + 64 * 1024);
    auto flush = [&] {
        writeFailed = writeFailed || file.write(buffer) != buffer.size();
        buffer.clear();
        return !writeFailed;
    };
    options.onMatch = [&](const DeadLetterRecord &r) {
        appendDeadLetterJsonLine(buffer, r.record, r.info);
        return buffer.size() < kFlushAt || flush();
    };
    options.progress = [&](const ScanProgress &p) {
        ctx.progress(QCoreApplication::translate("kops::cli", "%1 of %2 records scanned, %3 exported").arg(p.scanned).arg(p.total).arg(p.matched));
    };
    auto result = scanDeadLetters(*prep.value().api, prep.value().selection, RecordFilter(prep.value().filter), options,
                                  DeadLetterDecoder(prep.value().rules));
    ctx.endProgress();
    if (!result)
        return ctx.fail(result.error());
    if (result.value().cancelled)
        return ctx.fail(KafkaError::make(QStringLiteral("CANCELLED"), QCoreApplication::translate("kops::cli", "Interrupted: '%1' was not written.").arg(target)));
    if (!flush() || !file.flush() || std::rename(QFile::encodeName(file.fileName()).constData(), QFile::encodeName(target).constData()) != 0)
        return ctx.fail(KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::cli", "Cannot write '%1': %2").arg(target, file.errorString())));
    partRemover.keep = true;
    file.close();
    if (ctx.json())
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("exported"), result.value().matched},
                                                {QStringLiteral("scanned"), result.value().scanned},
                                                {QStringLiteral("file"), target}}));
    else
        ctx.out() << QCoreApplication::translate("kops::cli", "Exported %1 records (of %2 scanned) to %3")
                         .arg(result.value().matched)
                         .arg(result.value().scanned)
                         .arg(target)
                  << Qt::endl;
    return ExitOk;
}

int runImport(CliContext &ctx)
{
    const QStringList pos = ctx.positional();
    if (pos.size() != 2)
        return ctx.usage(QCoreApplication::translate("kops::cli", "kafka-ops dlq import takes one FILE.jsonl"));
    if (!isSet(ctx, "to") || opt(ctx, "to") == QLatin1String("original"))
        return ctx.usage(QCoreApplication::translate("kops::cli", "--to TOPIC is required for import"));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    if (readOnly(ctx))
        return refuseReadOnly(ctx, QStringLiteral("import"));
    QFile file(pos.at(1));
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::cli", "Cannot read '%1': %2").arg(file.fileName(), file.errorString())));
    const QString topic = opt(ctx, "to");
    qint64 lineNo = 0, imported = 0;
    QJsonArray failed;
    QList<OutgoingRecord> batch;
    QList<qint64> batchLines; // line number of each batched record, for failure reports
    auto flush = [&]() -> Status {
        if (batch.isEmpty())
            return Done{};
        auto reports = api.value()->produce(batch);
        if (!reports)
            return reports.error();
        for (const DeliveryReport &r : reports.value()) {
            if (r.errorCode.isEmpty())
                ++imported;
            else
                failed.append(QJsonObject{{QStringLiteral("line"), batchLines.value(r.index)},
                                          {QStringLiteral("reason"), QStringLiteral("%1 (%2)").arg(r.errorMessage, r.errorCode)}});
        }
        batch.clear();
        batchLines.clear();
        return Done{};
    };
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine().trimmed();
        ++lineNo;
        if (raw.isEmpty())
            continue;
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(raw, &perr);
        if (!doc.isObject())
            return ctx.fail(KafkaError::make(QStringLiteral("USAGE"),
                                             QCoreApplication::translate("kops::cli", "%1:%2: not a JSON object (%3); nothing after line %4 was imported")
                                                 .arg(file.fileName()).arg(lineNo).arg(perr.errorString()).arg(batchLines.value(0, lineNo) - 1)));
        auto rec = outgoingFromJson(doc.object(), topic);
        if (!rec)
            return ctx.fail(KafkaError::make(QStringLiteral("USAGE"), QStringLiteral("%1:%2: %3").arg(file.fileName()).arg(lineNo).arg(rec.error().message)));
        batch.append(rec.value());
        batchLines.append(lineNo);
        if (batch.size() >= 1000)
            if (auto st = flush(); !st)
                return ctx.fail(st.error());
    }
    if (auto st = flush(); !st)
        return ctx.fail(st.error());
    if (ctx.json())
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("imported"), imported}, {QStringLiteral("failed"), failed}}));
    else
        ctx.out() << QCoreApplication::translate("kops::cli", "Imported %1 records into %2; %3 failed").arg(imported).arg(topic).arg(failed.size()) << Qt::endl;
    return failed.isEmpty() ? ExitOk : ExitProblemsFound;
}

Result<RequeueOptions> parseRequeueOptions(CliContext &ctx)
{
    RequeueOptions o;
    const QString to = isSet(ctx, "to") ? opt(ctx, "to") : QStringLiteral("original");
    if (to != QLatin1String("original")) {
        o.target = RequeueOptions::Target::Topic;
        o.targetTopic = to;
    }
    o.stripDeadLetterHeaders = isSet(ctx, "strip-dlq-headers");
    const QString pp = opt(ctx, "partition-policy");
    if (pp == QLatin1String("original"))
        o.partitionPolicy = RequeueOptions::PartitionPolicy::Original;
    else if (pp == QLatin1String("key"))
        o.partitionPolicy = RequeueOptions::PartitionPolicy::ByKey;
    else if (pp == QLatin1String("default"))
        o.partitionPolicy = RequeueOptions::PartitionPolicy::ProducerDefault;
    else
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--partition-policy is original, key or default"));
    const QString tp = opt(ctx, "timestamp");
    if (tp == QLatin1String("original"))
        o.timestampPolicy = RequeueOptions::TimestampPolicy::Original;
    else if (tp == QLatin1String("now"))
        o.timestampPolicy = RequeueOptions::TimestampPolicy::Now;
    else
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--timestamp is original or now"));
    if (isSet(ctx, "rate")) {
        bool ok = false;
        o.ratePerSecond = opt(ctx, "rate").toDouble(&ok);
        if (!ok || o.ratePerSecond <= 0)
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--rate takes records per second"));
    }
    return o;
}

int printOutcome(CliContext &ctx, const RequeueOutcome &out)
{
    if (ctx.json()) {
        QJsonArray failed;
        for (const RequeueFailure &f : out.failed)
            failed.append(QJsonObject{{QStringLiteral("partition"), f.partition},
                                      {QStringLiteral("offset"), f.offset},
                                      {QStringLiteral("reason"), f.reason}});
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("requested"), out.progress.requested},
                                                {QStringLiteral("sent"), out.progress.sent},
                                                {QStringLiteral("alreadySent"), out.progress.alreadySent},
                                                {QStringLiteral("failed"), failed},
                                                {QStringLiteral("journalId"), out.journalId},
                                                {QStringLiteral("state"), out.state},
                                                {QStringLiteral("detail"), out.detail}}));
    } else {
        ctx.out() << QCoreApplication::translate("kops::cli", "Requeue %1 %2: %3 requested, %4 sent, %5 already sent, %6 failed")
                         .arg(out.journalId)
                         .arg(out.state)
                         .arg(out.progress.requested)
                         .arg(out.progress.sent)
                         .arg(out.progress.alreadySent)
                         .arg(out.failed.size())
                  << Qt::endl;
        constexpr int kShown = 20; // --json lists them all
        for (const RequeueFailure &f : out.failed.mid(0, kShown))
            ctx.out() << QCoreApplication::translate("kops::cli", "  failed %1/%2: %3").arg(f.partition).arg(f.offset).arg(f.reason) << Qt::endl;
        if (out.failed.size() > kShown)
            ctx.out() << QCoreApplication::translate("kops::cli", "  ... and %1 more failures").arg(out.failed.size() - kShown) << Qt::endl;
        if (!out.detail.isEmpty())
            ctx.err() << out.detail << Qt::endl;
    }
    if (out.state != QLatin1String("done")) {
        ctx.err() << QCoreApplication::translate("kops::cli", "Not finished; continue with: kafka-ops dlq requeue --resume %1").arg(out.journalId) << Qt::endl;
        return ExitFailure;
    }
    return out.failed.isEmpty() ? ExitOk : ExitProblemsFound;
}

KafkaError missingTopicsError(const QStringList &missing)
{
    QStringList quoted;
    for (const QString &t : missing)
        quoted.append(QLatin1Char('\'') + t + QLatin1Char('\''));
    return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                            (missing.size() > 1
                                 ? QCoreApplication::translate("kops::cli", "Target topics %1 do not exist: nothing was requeued. "
                                                                            "Create them with --create-topics (as many partitions "
                                                                            "as the source, or --partitions N).")
                                 : QCoreApplication::translate("kops::cli", "Target topic %1 does not exist: nothing was requeued. "
                                                                            "Create it with --create-topics (as many partitions "
                                                                            "as the source, or --partitions N)."))
                                .arg(quoted.join(QStringLiteral(", "))));
}

int runRequeue(CliContext &ctx)
{
    const bool execute = isSet(ctx, "execute") || isSet(ctx, "resume");
    if (isSet(ctx, "execute") && isSet(ctx, "dry-run"))
        return ctx.usage(QCoreApplication::translate("kops::cli", "--dry-run and --execute exclude each other"));
    if (isSet(ctx, "limit"))
        // "The first N matches" is not the same set of records on a resume (partitions interleave).
        return ctx.usage(QCoreApplication::translate("kops::cli", "--limit is for browse and export; a requeue takes every matching record of the "
                                        "selection (narrow it with --partition, --from-offset, --from-time, --newest or a filter)"));
    const bool create = isSet(ctx, "create-topics");
    int partitions = 0;
    if (isSet(ctx, "partitions")) {
        bool ok = false;
        partitions = opt(ctx, "partitions").toInt(&ok);
        if (!ok || partitions <= 0)
            return ctx.usage(QCoreApplication::translate("kops::cli", "--partitions takes a number of partitions"));
        if (!create)
            return ctx.usage(QCoreApplication::translate("kops::cli", "--partitions goes with --create-topics"));
    }
    InterruptGuard interrupt;
    RequeueEngine::Control control;
    auto progressFn = [&](const RequeueProgress &p) {
        if (InterruptGuard::flag())
            control.cancel = true;
        ctx.progress(QCoreApplication::translate("kops::cli", "%1 sent, %2 already sent, %3 failed (%4/s)")
                         .arg(p.sent).arg(p.alreadySent).arg(p.failed).arg(qRound64(p.recordsPerSecond)));
    };

    if (isSet(ctx, "resume")) {
        bool ok = false;
        const qint64 id = opt(ctx, "resume").toLongLong(&ok);
        if (!ok)
            return ctx.usage(QCoreApplication::translate("kops::cli", "--resume takes a journal id"));
        auto api = ctx.connect();
        if (!api)
            return ctx.fail(api.error());
        if (readOnly(ctx))
            return refuseReadOnly(ctx, QStringLiteral("--resume"));
        RequeueJournal journal;
        RequeueEngine engine(*api.value(), journal);
        auto out = engine.resume(id, &control, progressFn);
        ctx.endProgress();
        if (!out)
            return ctx.fail(out.error());
        return printOutcome(ctx, out.value());
    }

    auto options = parseRequeueOptions(ctx);
    if (!options)
        return ctx.fail(options.error());
    auto prep = prepare(ctx);
    if (!prep)
        return ctx.fail(prep.error());
    if (execute && readOnly(ctx))
        return refuseReadOnly(ctx, QStringLiteral("--execute"));
    auto spec = RequeueSpec::resolve(*prep.value().api, prep.value().selection, prep.value().filter, options.value(),
                                     prep.value().rules);
    if (!spec)
        return ctx.fail(spec.error());
    RequeueJournal journal;
    RequeueEngine engine(*prep.value().api, journal);
    const QString partitionsText = partitions > 0 ? QString::number(partitions) : QCoreApplication::translate("kops::cli", "the source's");
    if (!execute) {
        auto plan = engine.plan(spec.value(), &InterruptGuard::flag());
        if (!plan)
            return ctx.fail(plan.error());
        if (!plan.value().missingTopics.isEmpty() && !create)
            return ctx.fail(missingTopicsError(plan.value().missingTopics));
        if (ctx.json()) {
            QJsonObject targets;
            for (auto it = plan.value().perTarget.cbegin(); it != plan.value().perTarget.cend(); ++it)
                targets.insert(it.key().isEmpty() ? QCoreApplication::translate("kops::cli", "(no original topic)") : it.key(), it.value());
            ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("dryRun"), true},
                                                    {QStringLiteral("scanned"), plan.value().scanned},
                                                    {QStringLiteral("matched"), plan.value().matched},
                                                    {QStringLiteral("targets"), targets},
                                                    {QStringLiteral("createTopics"), QJsonArray::fromStringList(plan.value().missingTopics)}}));
        } else {
            QList<QStringList> rows;
            for (auto it = plan.value().perTarget.cbegin(); it != plan.value().perTarget.cend(); ++it)
                rows.append({it.key().isEmpty() ? QCoreApplication::translate("kops::cli", "(no original topic: will fail)")
                                                : plan.value().missingTopics.contains(it.key())
                                                      ? it.key() + QCoreApplication::translate("kops::cli", " (will be created)")
                                                      : it.key(),
                             QString::number(it.value())});
            ctx.out() << formatTable({QStringLiteral("TARGET"), QStringLiteral("RECORDS")}, rows);
            if (!plan.value().missingTopics.isEmpty())
                ctx.out() << QCoreApplication::translate("kops::cli", "--create-topics would create %1 with %2 partitions.")
                                 .arg(plan.value().missingTopics.join(QStringLiteral(", ")), partitionsText)
                          << Qt::endl;
            ctx.out() << QCoreApplication::translate("kops::cli", "Dry run: %1 of %2 records would be requeued. Add --execute to requeue them.")
                             .arg(plan.value().matched)
                             .arg(plan.value().scanned)
                      << Qt::endl;
        }
        return ExitOk;
    }
    // Every target must exist before the first record is written: an explicit topic is checked
    // at once, the original topics of the dead letters need a counting pass first.
    Result<QStringList> missing = QStringList();
    if (spec.value().options.target == RequeueOptions::Target::Topic) {
        missing = engine.missingTopics({spec.value().options.targetTopic});
    } else {
        auto plan = engine.plan(spec.value(), &InterruptGuard::flag());
        missing = plan ? Result<QStringList>(plan.value().missingTopics) : Result<QStringList>(plan.error());
    }
    if (!missing)
        return ctx.fail(missing.error());
    if (!missing.value().isEmpty()) {
        if (!create)
            return ctx.fail(missingTopicsError(missing.value()));
        if (auto made = engine.createTopics(missing.value(), spec.value().sourceTopic, partitions); !made)
            return ctx.fail(made.error());
        if (!ctx.json())
            ctx.err() << QCoreApplication::translate("kops::cli", "Created %1 with %2 partitions.").arg(missing.value().join(QStringLiteral(", ")), partitionsText)
                      << Qt::endl;
    }
    const QString connection = ctx.profile() ? ctx.profile()->name : opt(ctx, "bootstrap");
    auto out = engine.start(spec.value(), connection, &control, progressFn);
    ctx.endProgress();
    if (!out)
        return ctx.fail(out.error());
    return printOutcome(ctx, out.value());
}

int runJournal(CliContext &ctx)
{
    RequeueJournal journal;
    auto jobs = journal.list();
    if (!jobs)
        return ctx.fail(jobs.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const RequeueJob &j : jobs.value())
            arr.append(QJsonObject{{QStringLiteral("journalId"), j.id},
                                   {QStringLiteral("created"), QDateTime::fromMSecsSinceEpoch(j.createdMs, Qt::UTC).toString(Qt::ISODate)},
                                   {QStringLiteral("connection"), j.connection},
                                   {QStringLiteral("source"), j.sourceTopic},
                                   {QStringLiteral("state"), j.state},
                                   {QStringLiteral("requested"), j.requested},
                                   {QStringLiteral("sent"), j.sent},
                                   {QStringLiteral("failed"), j.failed}});
        ctx.printJson(QJsonDocument(arr));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const RequeueJob &j : jobs.value())
        rows.append({QString::number(j.id), QDateTime::fromMSecsSinceEpoch(j.createdMs).toString(Qt::ISODate), j.sourceTopic,
                     j.state, QString::number(j.requested), QString::number(j.sent), QString::number(j.failed)});
    ctx.out() << formatTable({QStringLiteral("ID"), QStringLiteral("CREATED"), QStringLiteral("SOURCE"), QStringLiteral("STATE"),
                              QStringLiteral("REQUESTED"), QStringLiteral("SENT"), QStringLiteral("FAILED")},
                             rows);
    return ExitOk;
}

int runDlq(CliContext &ctx)
{
    const QString verb = ctx.positional().value(0);
    if (verb == QLatin1String("browse"))
        return runBrowse(ctx);
    if (verb == QLatin1String("requeue"))
        return runRequeue(ctx);
    if (verb == QLatin1String("export"))
        return runExport(ctx);
    if (verb == QLatin1String("import"))
        return runImport(ctx);
    if (verb == QLatin1String("journal"))
        return runJournal(ctx);
    return ctx.usage(verb.isEmpty() ? QCoreApplication::translate("kops::cli", "kafka-ops dlq needs a verb: browse, requeue, export, import or journal")
                                    : QCoreApplication::translate("kops::cli", "unknown dlq verb '%1' (browse, requeue, export, import, journal)").arg(verb));
}

void addDlqOptions(QCommandLineParser &p)
{
    auto add = [&p](const char *name, const char *help, const char *value = nullptr, const char *def = nullptr) {
        QCommandLineOption o{QString::fromLatin1(name), QString::fromLatin1(help)};
        if (value)
            o.setValueName(QLatin1String(value));
        if (def)
            o.setDefaultValue(QLatin1String(def));
        p.addOption(o);
    };
    add("partition", "Only this partition (repeatable).", "P");
    add("from-offset", "Start at this offset in each partition.", "N");
    add("from-time", "Start at the first record at or after this time (ms or ISO 8601, UTC).", "T");
    add("newest", "Start N records before the end of each partition.", "N");
    add("until-time", "Only records before this time.", "T");
    add("limit", "browse, export: stop after N matching records.", "N");
    add("key-contains", "Key contains this text.", "S");
    add("key-regex", "Key matches this regular expression.", "RE");
    add("value-contains", "Value contains this text.", "S");
    add("value-regex", "Value matches this regular expression.", "RE");
    add("header", "Has header NAME (with a value containing VALUE).", "NAME=VALUE");
    add("error-class", "Decoded error class contains C.", "C");
    add("original-topic", "Decoded original topic is T.", "T");
    add("header-rule", "In-house dead-letter headers, e.g. topic=acme-src,partition=acme-part,error-class=acme-err "
                       "(fields: topic, partition, offset, timestamp, error-class, error-message; repeatable).", "RULE");
    add("to", "requeue: 'original' (default) or a topic; import: the topic.", "original|TOPIC");
    add("strip-dlq-headers", "requeue: drop the dead-letter headers.");
    add("partition-policy", "requeue: original, key or default.", "POLICY", "default");
    add("timestamp", "requeue: original or now.", "POLICY", "original");
    add("rate", "requeue: at most N records per second.", "N");
    add("dry-run", "requeue: only count per target (the default).");
    add("execute", "requeue: really requeue.");
    add("resume", "requeue: continue the requeue with this journal id.", "JOURNAL_ID");
    add("create-topics", "requeue: create missing target topics (as many partitions as the source).");
    add("partitions", "requeue: with --create-topics, the partition count of created topics.", "N");
    add("out", "export: the JSON Lines file to write.", "FILE.jsonl");
}

} // namespace

QList<CliCommand> dlqCommands()
{
    return {
        {QStringLiteral("dlq"),
         QCoreApplication::translate("kops::cli", "Dead letters: browse TOPIC, requeue TOPIC, export TOPIC --out F, import F --to T, journal."),
         QStringLiteral("VERB [TOPIC|FILE]"), addDlqOptions, runDlq},
    };
}

} // namespace kops::cli
