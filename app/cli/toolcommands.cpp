// kafka-ops drain and kafka-ops delay: the Tools page's relays on the command line.
#include "clicontext.h"
#include "delayqueue.h"
#include "drainservice.h"
#include "historystore.h"
#include "relayjournal.h"

#include "democluster.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kops::cli {

namespace {

QString connectionName(CliContext &ctx)
{
    if (ctx.isDemo())
        return demo::DemoCluster::name();
    if (ctx.profile())
        return ctx.profile()->name;
    return opt(ctx, "bootstrap");
}

bool readOnly(CliContext &ctx)
{
    return ctx.profile() && ctx.profile()->readOnly;
}

int refuseReadOnly(CliContext &ctx, const QString &what)
{
    return ctx.fail(KafkaError::make(QStringLiteral("READ_ONLY"),
                                     QStringLiteral("Connection '%1' is read-only: %2 is refused. Nothing was changed.")
                                         .arg(ctx.profile()->name, what)));
}

QString rateText(double perSecond)
{
    if (perSecond >= 100)
        return QString::number(qRound64(perSecond));
    return QString::number(perSecond, 'f', perSecond >= 10 ? 1 : 2);
}

QString etaText(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("-");
    return formatDelay(qint64(seconds * 1000));
}

void addOption(QCommandLineParser &p, const char *name, const char *help, const char *value = nullptr,
               const char *def = nullptr)
{
    QCommandLineOption o{QString::fromLatin1(name), QString::fromLatin1(help)};
    if (value)
        o.setValueName(QLatin1String(value));
    if (def)
        o.setDefaultValue(QLatin1String(def));
    p.addOption(o);
}

// ---- drain ----

void printPlan(CliContext &ctx, const DrainPlan &plan)
{
    QList<QStringList> rows;
    for (const DrainPartition &p : plan.partitions)
        rows.append({p.topic, QString::number(p.partition), p.committed >= 0 ? QString::number(p.committed) : QStringLiteral("-"),
                     QString::number(p.logEnd), QString::number(p.backlog),
                     p.consumeRate ? rateText(*p.consumeRate) : QStringLiteral("-")});
    ctx.out() << QStringLiteral("Group %1 on %2:").arg(plan.group, plan.topicsText()) << Qt::endl;
    ctx.out() << formatTable({QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("COMMITTED"), QStringLiteral("LOG-END"),
                              QStringLiteral("BACKLOG"), QStringLiteral("CONSUMED/S")},
                             rows);
    ctx.out() << QStringLiteral("Backlog: %1 records; the group consumed %2 records/s; one consumer of the wider topic "
                                "is expected to manage %3 records/s%4.")
                     .arg(plan.backlog)
                     .arg(rateText(plan.consumeRate), rateText(plan.perConsumerRate),
                          plan.rateAssumed ? QStringLiteral(" (no lag history: an assumption)") : QString())
              << Qt::endl;
    ctx.out() << QStringLiteral("Proposed: %1 partitions to drain it in %2.")
                     .arg(plan.proposedPartitions)
                     .arg(formatDelay(plan.targetSeconds * 1000))
              << Qt::endl;
    ctx.out() << (plan.targetExists ? QStringLiteral("Target %1 exists with %2 partitions.")
                                    : QStringLiteral("Target %1 does not exist; it would be created with %2 partitions."))
                                       .arg(plan.target)
                                       .arg(plan.targetPartitions)
              << Qt::endl;
    if (!plan.guardError.isEmpty()) {
        ctx.err() << plan.guardError << Qt::endl;
        for (const QString &d : plan.guardDetails)
            ctx.err() << QStringLiteral("  ") << d << Qt::endl;
    }
}

int runDrain(CliContext &ctx)
{
    const QString group = opt(ctx, "group");
    QStringList topics; // --topic a --topic b, or --topic a,b
    for (const QString &value : ctx.parser().values(QStringLiteral("topic")))
        for (const QString &t : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!topics.contains(t.trimmed()))
                topics << t.trimmed();
    const QString topic = topics.join(QStringLiteral(", "));
    const QString target = opt(ctx, "to");
    if (group.isEmpty() || topics.isEmpty() || target.isEmpty())
        return ctx.usage(QStringLiteral("kafka-ops drain needs --group G --topic T [--topic T...] --to T2"));
    if (isSet(ctx, "execute") && isSet(ctx, "dry-run"))
        return ctx.usage(QStringLiteral("--dry-run and --execute exclude each other"));
    DrainRequest request;
    request.group = group;
    request.topics = topics;
    request.target = target;
    request.follow = isSet(ctx, "follow");
    if (isSet(ctx, "partitions")) {
        bool ok = false;
        request.partitions = opt(ctx, "partitions").toInt(&ok);
        if (!ok || request.partitions <= 0)
            return ctx.usage(QStringLiteral("--partitions needs a positive number"));
    }
    auto within = parseDelayDuration(opt(ctx, "within"));
    if (!within || within.value() < 1000)
        return ctx.usage(QStringLiteral("--within needs a duration such as 10m or 1h"));
    request.targetSeconds = within.value() / 1000;
    request.cluster = connectionName(ctx);

    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    HistoryStore history(ctx.historyPath());
    const bool historyOk = history.open().ok();
    auto plan = DrainService::plan(*api.value(), request, historyOk ? &history : nullptr);
    if (!plan)
        return ctx.fail(plan.error());
    const bool execute = isSet(ctx, "execute");
    if (!execute) {
        if (ctx.json()) {
            ctx.printJson(QJsonDocument(plan.value().toJson()));
            return ExitOk;
        }
        printPlan(ctx, plan.value());
        ctx.out() << QStringLiteral("Dry run: nothing was changed. Add --execute%1 to drain.")
                         .arg(plan.value().targetExists ? QString() : QStringLiteral(" --create"))
                  << Qt::endl;
        return ExitOk;
    }
    if (readOnly(ctx))
        return refuseReadOnly(ctx, QStringLiteral("drain --execute"));
    if (!plan.value().guardError.isEmpty())
        return ctx.fail(KafkaError::make(QStringLiteral("NON_EMPTY_GROUP"), plan.value().guardError, plan.value().guardDetails));
    if (!ctx.json())
        printPlan(ctx, plan.value());
    if (!plan.value().targetExists) {
        if (!isSet(ctx, "create"))
            return ctx.fail(KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                             QStringLiteral("The target topic '%1' does not exist. Add --create to create it "
                                                            "with %2 partitions.")
                                                 .arg(target)
                                                 .arg(plan.value().targetPartitions)));
        if (auto made = DrainService::createTarget(*api.value(), plan.value()); !made)
            return ctx.fail(made.error());
        if (!ctx.json())
            ctx.err() << QStringLiteral("Created %1 with %2 partitions.").arg(target).arg(plan.value().targetPartitions)
                      << Qt::endl;
    }
    InterruptGuard interrupt;
    TransactionalRelay::Control control;
    RelayJournal journal;
    auto progress = [&](const RelayProgress &p) {
        if (InterruptGuard::flag())
            control.cancel = true;
        const double eta = p.remaining >= 0 && p.recordsPerSecond > 0 ? p.remaining / p.recordsPerSecond : -1;
        ctx.progress(p.remaining >= 0 ? QStringLiteral("drained %1 records, %2 left, %3 records/s, ETA %4")
                                            .arg(p.consumed)
                                            .arg(p.remaining)
                                            .arg(rateText(p.recordsPerSecond), etaText(eta))
                                      : QStringLiteral("drained %1 records (following), %2 records/s")
                                            .arg(p.consumed)
                                            .arg(rateText(p.recordsPerSecond)));
    };
    // Ctrl-C between transactions: the relay checks the flag while it reads.
    auto result = DrainService::run(*api.value(), plan.value(), journal, connectionName(ctx), &control, progress);
    ctx.endProgress();
    if (!result)
        return ctx.fail(result.error());
    const RelayProgress &p = result.value();
    if (ctx.json()) {
        QJsonObject o = plan.value().toJson();
        o.insert(QStringLiteral("drained"), p.consumed);
        o.insert(QStringLiteral("produced"), p.produced);
        o.insert(QStringLiteral("reconciled"), p.reconciled);
        o.insert(QStringLiteral("transactions"), p.transactions);
        o.insert(QStringLiteral("aborted"), p.aborted);
        o.insert(QStringLiteral("producerRestarts"), p.producerRestarts);
        o.insert(QStringLiteral("recordsPerSecond"), p.recordsPerSecond);
        o.insert(QStringLiteral("stopped"), control.cancel.load());
        ctx.printJson(QJsonDocument(o));
        return ExitOk;
    }
    ctx.out() << QStringLiteral("%1 %2 records from %3 into %4 in %5 transactions (%6 records/s)%7.")
                     .arg(control.cancel.load() ? QStringLiteral("Stopped after draining") : QStringLiteral("Drained"))
                     .arg(p.consumed)
                     .arg(topic, target)
                     .arg(p.transactions)
                     .arg(rateText(p.recordsPerSecond),
                          p.reconciled > 0 ? QStringLiteral("; %1 written by an interrupted run were not written again").arg(p.reconciled)
                                           : QString())
              << Qt::endl;
    ctx.out() << QStringLiteral("Next: run the consumers on %1 with a new group, e.g. %2, reading with "
                                "isolation.level=read_committed; run this drain again (or with --follow) for records "
                                "that arrive on %3 meanwhile.")
                     .arg(target, plan.value().nextGroup(), topic)
              << Qt::endl;
    return ExitOk;
}

void addDrainOptions(QCommandLineParser &p)
{
    addOption(p, "group", "The lagging consumer group.", "G");
    addOption(p, "topic", "One of its topics (repeat it, or a comma list, to drain several in one run).", "T");
    addOption(p, "to", "The wider topic to drain into.", "T2");
    addOption(p, "partitions", "Partitions of the wider topic when it is created (default: the proposal).", "N");
    addOption(p, "within", "Drain the backlog in this time (for the proposal).", "DURATION", "10m");
    addOption(p, "create", "Create the wider topic when it does not exist.");
    addOption(p, "follow", "Keep relaying new records until stopped (Ctrl-C).");
    addOption(p, "dry-run", "Only show the plan (the default).");
    addOption(p, "execute", "Really drain.");
}

// ---- delay ----

Result<DelayQueue> delayQueue(CliContext &ctx)
{
    const QString prefix = opt(ctx, "prefix");
    if (prefix.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("--prefix P is required"));
    QList<DelayTier> tiers = defaultDelayTiers();
    if (isSet(ctx, "tiers")) {
        auto parsed = parseDelayTiers(opt(ctx, "tiers"));
        if (!parsed)
            return parsed.error();
        tiers = parsed.value();
    }
    return DelayQueue(prefix, tiers);
}

int runDelayCreate(CliContext &ctx, const DelayQueue &queue)
{
    int partitions = 3;
    if (isSet(ctx, "partitions")) {
        bool ok = false;
        partitions = opt(ctx, "partitions").toInt(&ok);
        if (!ok || partitions <= 0)
            return ctx.usage(QStringLiteral("--partitions needs a positive number"));
    }
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    auto missing = queue.missingTiers(*api.value());
    if (!missing)
        return ctx.fail(missing.error());
    const bool dryRun = isSet(ctx, "dry-run");
    if (!dryRun && !missing.value().isEmpty()) {
        if (readOnly(ctx))
            return refuseReadOnly(ctx, QStringLiteral("delay create"));
        if (auto made = queue.create(*api.value(), partitions); !made)
            return ctx.fail(made.error());
    }
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("prefix"), queue.prefix()},
                                                {QStringLiteral("tiers"), QJsonArray::fromStringList(queue.tierTopics())},
                                                {dryRun ? QStringLiteral("wouldCreate") : QStringLiteral("created"),
                                                 QJsonArray::fromStringList(missing.value())},
                                                {QStringLiteral("partitions"), partitions}}));
        return ExitOk;
    }
    if (missing.value().isEmpty())
        ctx.out() << QStringLiteral("All %1 tier topics of '%2' exist.").arg(queue.tiers().size()).arg(queue.prefix()) << Qt::endl;
    else
        ctx.out() << QStringLiteral("%1 %2 (%3 partitions each).")
                         .arg(dryRun ? QStringLiteral("Would create") : QStringLiteral("Created"),
                              missing.value().join(QStringLiteral(", ")))
                         .arg(partitions)
                  << Qt::endl;
    return ExitOk;
}

int runDelaySend(CliContext &ctx, const DelayQueue &queue)
{
    const QString target = opt(ctx, "to");
    if (target.isEmpty())
        return ctx.usage(QStringLiteral("delay send needs --to TOPIC"));
    if (isSet(ctx, "delay") == isSet(ctx, "at"))
        return ctx.usage(QStringLiteral("delay send needs either --delay D or --at TIME"));
    qint64 due = 0;
    if (isSet(ctx, "delay")) {
        auto d = parseDelayDuration(opt(ctx, "delay"));
        if (!d)
            return ctx.usage(d.error().message);
        due = QDateTime::currentMSecsSinceEpoch() + d.value();
    } else {
        bool isNumber = false;
        due = opt(ctx, "at").toLongLong(&isNumber);
        if (!isNumber) {
            const QDateTime at = QDateTime::fromString(opt(ctx, "at"), Qt::ISODateWithMs);
            if (!at.isValid())
                return ctx.usage(QStringLiteral("--at needs epoch milliseconds or an ISO 8601 time"));
            due = at.toMSecsSinceEpoch();
        }
    }
    DelayedRecord base;
    base.target = target;
    base.dueMs = due;
    if (isSet(ctx, "key"))
        base.key = opt(ctx, "key").toUtf8();
    for (const QString &h : ctx.parser().values(QStringLiteral("header"))) {
        const qsizetype eq = h.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return ctx.usage(QStringLiteral("--header needs NAME=VALUE"));
        base.headers.append({h.left(eq), h.mid(eq + 1).toUtf8()});
    }
    QList<DelayedRecord> records;
    if (isSet(ctx, "value")) {
        base.value = opt(ctx, "value").toUtf8();
        records.append(base);
    } else {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.fail(KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("Cannot read standard input.")));
        while (!in.atEnd()) { // one record per line, as kafka-console-producer
            QByteArray line = in.readLine();
            if (line.endsWith('\n'))
                line.chop(1);
            DelayedRecord r = base;
            r.value = line;
            records.append(r);
        }
    }
    if (records.isEmpty())
        return ctx.usage(QStringLiteral("no value: give --value V or lines on standard input"));
    if (readOnly(ctx))
        return refuseReadOnly(ctx, QStringLiteral("delay send"));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    auto sent = queue.send(*api.value(), records);
    if (!sent)
        return ctx.fail(sent.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const DelaySendResult &r : sent.value())
            arr.append(QJsonObject{{QStringLiteral("tier"), r.tierTopic},
                                   {QStringLiteral("partition"), r.partition},
                                   {QStringLiteral("offset"), r.offset},
                                   {QStringLiteral("due"), r.dueMs}});
        ctx.printJson(QJsonDocument(arr));
        return ExitOk;
    }
    ctx.out() << QStringLiteral("Sent %1 record(s) into %2, due %3 for %4.")
                     .arg(sent.value().size())
                     .arg(sent.value().first().tierTopic,
                          QDateTime::fromMSecsSinceEpoch(due).toString(Qt::ISODateWithMs), target)
              << Qt::endl;
    return ExitOk;
}

int runDelayStatus(CliContext &ctx, const DelayQueue &queue)
{
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    auto status = queue.status(*api.value());
    if (!status)
        return ctx.fail(status.error());
    auto when = [](const std::optional<qint64> &ms) {
        return ms ? QDateTime::fromMSecsSinceEpoch(*ms).toString(Qt::ISODateWithMs) : QStringLiteral("-");
    };
    if (ctx.json()) {
        QJsonArray arr;
        for (const DelayTierStatus &s : status.value()) {
            QJsonObject o{{QStringLiteral("tier"), s.tier.name},
                          {QStringLiteral("topic"), s.topic},
                          {QStringLiteral("exists"), s.exists},
                          {QStringLiteral("partitions"), s.partitions},
                          {QStringLiteral("backlog"), s.backlog}};
            if (s.oldestDueMs)
                o.insert(QStringLiteral("oldestDue"), *s.oldestDueMs);
            if (s.nextReadyMs)
                o.insert(QStringLiteral("nextDue"), *s.nextReadyMs);
            arr.append(o);
        }
        ctx.printJson(QJsonDocument(arr));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const DelayTierStatus &s : status.value())
        rows.append({s.tier.name, s.topic, s.exists ? QString::number(s.partitions) : QStringLiteral("missing"),
                     QString::number(s.backlog), when(s.oldestDueMs), when(s.nextReadyMs)});
    ctx.out() << formatTable({QStringLiteral("TIER"), QStringLiteral("TOPIC"), QStringLiteral("PARTITIONS"),
                              QStringLiteral("BACKLOG"), QStringLiteral("OLDEST-DUE"), QStringLiteral("NEXT-DUE")},
                             rows);
    return ExitOk;
}

int runDelayRun(CliContext &ctx, const DelayQueue &queue)
{
    if (readOnly(ctx))
        return refuseReadOnly(ctx, QStringLiteral("delay run"));
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    InterruptGuard interrupt;
    TransactionalRelay::Control control;
    RelayJournal journal;
    if (!ctx.json())
        ctx.err() << QStringLiteral("Routing the delay queue '%1' (%2 tiers) until Ctrl-C.").arg(queue.prefix()).arg(queue.tiers().size())
                  << Qt::endl;
    auto result = queue.run(
        *api.value(), journal, connectionName(ctx), &control,
        [&](const RelayProgress &) {
            if (InterruptGuard::flag())
                control.cancel = true;
        },
        [&](const DelayWindow &w) {
            if (ctx.json()) {
                ctx.out() << QJsonDocument(QJsonObject{{QStringLiteral("at"), w.atMs},
                                                       {QStringLiteral("forwarded"), w.forwarded},
                                                       {QStringLiteral("retiered"), w.retiered},
                                                       {QStringLiteral("perSecond"), w.perSecond},
                                                       {QStringLiteral("latenessP50Ms"), w.latenessP50},
                                                       {QStringLiteral("latenessP99Ms"), w.latenessP99},
                                                       {QStringLiteral("latenessMaxMs"), w.latenessMax}})
                                 .toJson(QJsonDocument::Compact)
                          << Qt::endl;
            } else if (w.forwarded > 0 || w.retiered > 0) {
                ctx.out() << QStringLiteral("%1 forwarded %2 (%3/s), re-tiered %4, lateness p50 %5 ms p99 %6 ms")
                                 .arg(QDateTime::fromMSecsSinceEpoch(w.atMs).toString(QStringLiteral("HH:mm:ss")))
                                 .arg(w.forwarded)
                                 .arg(rateText(w.perSecond))
                                 .arg(w.retiered)
                                 .arg(w.latenessP50)
                                 .arg(w.latenessP99)
                          << Qt::endl;
            }
        });
    if (!result)
        return ctx.fail(result.error());
    if (!ctx.json())
        ctx.err() << QStringLiteral("Stopped: %1 records handled, %2 written in %3 transactions.")
                         .arg(result.value().consumed)
                         .arg(result.value().produced)
                         .arg(result.value().transactions)
                  << Qt::endl;
    return ExitOk;
}

int runDelay(CliContext &ctx)
{
    const QString verb = ctx.positional().value(0);
    auto queue = delayQueue(ctx);
    if (!queue)
        return ctx.usage(queue.error().message);
    if (verb == QLatin1String("create"))
        return runDelayCreate(ctx, queue.value());
    if (verb == QLatin1String("send"))
        return runDelaySend(ctx, queue.value());
    if (verb == QLatin1String("run"))
        return runDelayRun(ctx, queue.value());
    if (verb == QLatin1String("status"))
        return runDelayStatus(ctx, queue.value());
    return ctx.usage(verb.isEmpty() ? QStringLiteral("kafka-ops delay needs a verb: create, send, run or status")
                                    : QStringLiteral("unknown delay verb '%1' (create, send, run, status)").arg(verb));
}

void addDelayOptions(QCommandLineParser &p)
{
    addOption(p, "prefix", "The delay queue: its tier topics are PREFIX_1s ... PREFIX_2h.", "P");
    addOption(p, "tiers", "The tiers (default 1s,5s,10s,30s,1m,5m,10m,30m,1h,2h).", "LIST");
    addOption(p, "partitions", "create: partitions per tier topic (default 3).", "N");
    addOption(p, "dry-run", "create: only say which topics would be created.");
    addOption(p, "to", "send: the topic the record is for.", "TOPIC");
    addOption(p, "delay", "send: deliver after this delay (500ms, 90s, 2m, 1h30m, 2d).", "D");
    addOption(p, "at", "send: deliver at this time (epoch ms or ISO 8601).", "TIME");
    addOption(p, "key", "send: the record key.", "K");
    addOption(p, "header", "send: a header (repeatable).", "NAME=VALUE");
    addOption(p, "value", "send: the value (default: one record per line of standard input).", "V");
}

} // namespace

QList<CliCommand> toolCommands()
{
    return {
        {QStringLiteral("drain"),
         QCoreApplication::translate("kops::cli", "Drain a lagging group's backlog into a wider topic, exactly once (--dry-run, --execute)."),
         QString(), addDrainOptions, runDrain},
        {QStringLiteral("delay"),
         QCoreApplication::translate("kops::cli", "Delay queues from tiered topics: create, send, run (the router), status."),
         QStringLiteral("VERB"), addDelayOptions, runDelay},
    };
}

} // namespace kops::cli
