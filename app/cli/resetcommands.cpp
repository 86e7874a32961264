#include "clicontext.h"

#include <QCoreApplication>
#include "replay/resetexecutor.h"
#include "replay/resetpreview.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace kops::cli {

namespace {

const QStringList &strategyOptions()
{
    static const QStringList names = {QStringLiteral("to-datetime"), QStringLiteral("by-duration"),
                                      QStringLiteral("to-earliest"), QStringLiteral("to-latest"),
                                      QStringLiteral("to-current"),  QStringLiteral("to-offset"),
                                      QStringLiteral("shift-by"),    QStringLiteral("from-file")};
    return names;
}

QString offsetText(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

/// Fails with the error and its details (members of an active group, problems per partition).
int failWithDetails(CliContext &ctx, const KafkaError &error)
{
    const int code = ctx.fail(error);
    for (const QString &d : error.details)
        ctx.err() << QStringLiteral("  ") << d << Qt::endl;
    return code;
}

Result<qint64> parseLong(const QString &option, const QString &text)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok)
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--%1 expects a whole number, got '%2'.").arg(option, text));
    return v;
}

Result<ResetStrategy> parseStrategy(CliContext &ctx, const QString &group)
{
    QCommandLineParser &p = ctx.parser();
    QStringList given;
    for (const QString &name : strategyOptions())
        if (p.isSet(name))
            given << QStringLiteral("--") + name;
    if (given.size() != 1)
        return KafkaError::make(QStringLiteral("USAGE"),
                                given.isEmpty() ? QCoreApplication::translate("kops::cli", "Give one strategy: --to-datetime, --by-duration, --to-earliest, "
                                                                 "--to-latest, --to-current, --to-offset, --shift-by or --from-file.")
                                                : QCoreApplication::translate("kops::cli", "Give only one strategy, not %1.").arg(given.join(QStringLiteral(", "))));
    auto usage = [](const KafkaError &e) { return KafkaError::make(QStringLiteral("USAGE"), e.message, e.details); };
    if (p.isSet(QStringLiteral("to-datetime"))) {
        const QString text = p.value(QStringLiteral("to-datetime"));
        auto t = parseResetDateTime(text, p.isSet(QStringLiteral("local-time")) ? ZonelessTime::Local : ZonelessTime::Utc);
        if (!t)
            return usage(t.error());
        return ResetStrategy::toDatetime(t.value(), text);
    }
    if (p.isSet(QStringLiteral("by-duration"))) {
        const QString text = p.value(QStringLiteral("by-duration"));
        auto d = parseResetDuration(text);
        if (!d)
            return usage(d.error());
        return ResetStrategy::byDuration(d.value(), text);
    }
    if (p.isSet(QStringLiteral("to-earliest")))
        return ResetStrategy::toEarliest();
    if (p.isSet(QStringLiteral("to-latest")))
        return ResetStrategy::toLatest();
    if (p.isSet(QStringLiteral("to-current")))
        return ResetStrategy::toCurrent();
    if (p.isSet(QStringLiteral("to-offset"))) {
        auto v = parseLong(QStringLiteral("to-offset"), p.value(QStringLiteral("to-offset")));
        if (!v)
            return v.error();
        return ResetStrategy::toOffset(v.value());
    }
    if (p.isSet(QStringLiteral("shift-by"))) {
        auto v = parseLong(QStringLiteral("shift-by"), p.value(QStringLiteral("shift-by")));
        if (!v)
            return v.error();
        return ResetStrategy::shiftBy(v.value());
    }
    const QString fileName = p.value(QStringLiteral("from-file"));
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return KafkaError::make(QStringLiteral("USAGE"),
                                QCoreApplication::translate("kops::cli", "Cannot read --from-file '%1': %2.").arg(fileName, f.errorString()));
    auto rows = parseResetCsv(QString::fromUtf8(f.readAll()), group);
    if (!rows)
        return KafkaError::make(QStringLiteral("USAGE"), QStringLiteral("%1: %2").arg(fileName, rows.error().message));
    return ResetStrategy::fromFile(rows.value(), fileName);
}

Result<ResetScope> parseScope(CliContext &ctx, const ResetStrategy &strategy)
{
    QCommandLineParser &p = ctx.parser();
    ResetScope scope;
    scope.allTopics = p.isSet(QStringLiteral("all-topics"));
    for (const QString &t : p.values(QStringLiteral("topic"))) {
        auto sel = parseTopicSelection(t);
        if (!sel)
            return KafkaError::make(QStringLiteral("USAGE"), sel.error().message);
        scope.topics.append(sel.value());
    }
    if (scope.allTopics && !scope.topics.isEmpty())
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "Give --all-topics or --topic, not both."));
    if (scope.isEmpty() && strategy.kind != ResetStrategy::Kind::FromFile)
        return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "Give the scope: --all-topics or --topic TOPIC[:P,...]."));
    return scope;
}

ConnectionProfile journalProfile(CliContext &ctx)
{
    if (auto profile = ctx.profile())
        return *profile;
    ConnectionProfile anonymous;
    anonymous.name = ctx.parser().value(QStringLiteral("bootstrap"));
    return anonymous;
}

void printOutcomeErrors(CliContext &ctx, const ResetOutcome &outcome)
{
    for (const JournalOffset &o : outcome.offsets)
        if (!o.errorCode.isEmpty())
            ctx.err() << QCoreApplication::translate("kops::cli", "error: %1-%2 not changed: %3 (%4)")
                             .arg(o.topic)
                             .arg(o.partition)
                             .arg(o.errorMessage, o.errorCode)
                      << Qt::endl;
    for (const QString &w : outcome.warnings)
        ctx.err() << QCoreApplication::translate("kops::cli", "warning: ") << w << Qt::endl;
}

int runHistory(CliContext &ctx)
{
    ResetJournal journal;
    auto entries = journal.list(ctx.parser().value(QStringLiteral("group")));
    if (!entries)
        return ctx.fail(entries.error());
    if (ctx.json()) {
        QJsonArray arr;
        for (const JournalEntry &e : entries.value()) {
            QJsonArray offsets;
            for (const JournalOffset &o : e.offsets)
                offsets.append(QJsonObject{{QStringLiteral("topic"), o.topic},
                                           {QStringLiteral("partition"), o.partition},
                                           {QStringLiteral("old"), o.oldOffset ? QJsonValue(double(*o.oldOffset)) : QJsonValue()},
                                           {QStringLiteral("new"), double(o.newOffset)},
                                           {QStringLiteral("error"), o.errorCode.isEmpty() ? QJsonValue() : QJsonValue(o.errorCode)}});
            arr.append(QJsonObject{{QStringLiteral("id"), QString::number(e.id)},
                                   {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("connection"), e.connection},
                                   {QStringLiteral("group"), e.group},
                                   {QStringLiteral("strategy"), e.strategy},
                                   {QStringLiteral("outcome"), e.outcome},
                                   {QStringLiteral("detail"), e.outcomeDetail},
                                   {QStringLiteral("undoOf"), e.undoOf ? QJsonValue(QString::number(*e.undoOf)) : QJsonValue()},
                                   {QStringLiteral("offsets"), offsets}});
        }
        ctx.printJson(QJsonDocument(arr));
        return ExitOk;
    }
    QList<QStringList> rows;
    for (const JournalEntry &e : entries.value())
        rows.append({QString::number(e.id), QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(Qt::ISODate),
                     e.connection.isEmpty() ? QStringLiteral("-") : e.connection, e.group, e.strategy,
                     QString::number(e.offsets.size()), e.outcome,
                     e.undoOf ? QString::number(*e.undoOf) : QStringLiteral("-")});
    ctx.out() << formatTable({QStringLiteral("ID"), QStringLiteral("TIME"), QStringLiteral("CONNECTION"), QStringLiteral("GROUP"),
                              QStringLiteral("STRATEGY"), QStringLiteral("PARTITIONS"), QStringLiteral("OUTCOME"),
                              QStringLiteral("UNDO-OF")},
                             rows);
    ctx.out().flush();
    return ExitOk;
}

int runUndo(CliContext &ctx, bool execute)
{
    bool ok = false;
    const qint64 id = ctx.parser().value(QStringLiteral("undo")).toLongLong(&ok);
    if (!ok)
        return ctx.usage(QCoreApplication::translate("kops::cli", "--undo expects a journal id (see --history), got '%1'")
                             .arg(ctx.parser().value(QStringLiteral("undo"))));
    ResetJournal journal;
    auto entry = journal.entry(id);
    if (!entry)
        return ctx.fail(entry.error());
    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    const JournalEntry &e = entry.value();
    // Measured against the offsets committed now: consumers that moved on since the reset would
    // process again what they consumed since.
    auto preview = previewUndo(*api.value(), e);
    if (!preview)
        return ctx.fail(preview.error());
    const QString movedOn = preview.value().movedOnWarning();
    if (!execute) {
        QList<QStringList> rows;
        for (const UndoPreview::Partition &p : preview.value().partitions)
            rows.append({e.group, p.topic, QString::number(p.partition), p.current ? QString::number(*p.current) : QStringLiteral("-"),
                         QString::number(p.restoreTo), QString::number(p.restoreTo - p.current.value_or(p.atReset))});
        ctx.out() << QCoreApplication::translate("kops::cli", "Undo of reset %1 (%2, %3) would restore:\n\n").arg(QString::number(id), e.group, e.strategy);
        ctx.out() << formatTable({QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"),
                                  QStringLiteral("CURRENT-OFFSET"), QStringLiteral("NEW-OFFSET"), QStringLiteral("DELTA")},
                                 rows);
        if (!movedOn.isEmpty())
            ctx.out() << QCoreApplication::translate("kops::cli", "\nWarning: ") << movedOn << QLatin1Char('\n');
        ctx.out() << QCoreApplication::translate("kops::cli", "\nDry run: nothing changed. Add --execute to restore these offsets.\n");
        ctx.out().flush();
        return ExitOk;
    }
    if (!movedOn.isEmpty())
        ctx.err() << QCoreApplication::translate("kops::cli", "warning: ") << movedOn << Qt::endl;
    const ConnectionProfile profile = journalProfile(ctx);
    ResetExecutor executor(*api.value(), journal, profile);
    auto outcome = executor.undo(id);
    if (!outcome)
        return failWithDetails(ctx, outcome.error());
    printOutcomeErrors(ctx, outcome.value());
    if (ctx.json()) {
        QJsonArray arr;
        for (const JournalOffset &o : outcome.value().offsets)
            arr.append(QJsonObject{{QStringLiteral("topic"), o.topic},
                                   {QStringLiteral("partition"), o.partition},
                                   {QStringLiteral("target"), double(o.newOffset)},
                                   {QStringLiteral("error"), o.errorCode.isEmpty() ? QJsonValue() : QJsonValue(o.errorCode)}});
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("id"), QString::number(outcome.value().journalId)},
                                                {QStringLiteral("undoOf"), QString::number(id)},
                                                {QStringLiteral("group"), e.group},
                                                {QStringLiteral("outcome"), outcome.value().outcome()},
                                                {QStringLiteral("partitions"), arr}}));
    } else {
        ctx.out() << QCoreApplication::translate("kops::cli", "Undo of reset %1 recorded as %2: %3 of %4 partitions restored for group '%5'.\n")
                         .arg(QString::number(id), QString::number(outcome.value().journalId))
                         .arg(outcome.value().offsets.size() - outcome.value().failedCount())
                         .arg(outcome.value().offsets.size())
                         .arg(e.group);
        ctx.out().flush();
    }
    return outcome.value().complete() ? ExitOk : ExitFailure;
}

int runReset(CliContext &ctx)
{
    QCommandLineParser &p = ctx.parser();
    const bool execute = p.isSet(QStringLiteral("execute"));
    if (execute && p.isSet(QStringLiteral("dry-run")))
        return ctx.usage(QCoreApplication::translate("kops::cli", "Give --dry-run or --execute, not both"));
    if (p.isSet(QStringLiteral("history")))
        return runHistory(ctx);
    if (p.isSet(QStringLiteral("undo")))
        return runUndo(ctx, execute);

    const QString group = p.value(QStringLiteral("group"));
    if (group.isEmpty())
        return ctx.usage(QCoreApplication::translate("kops::cli", "--group GROUP is required"));
    auto strategy = parseStrategy(ctx, group);
    if (!strategy)
        return ctx.fail(strategy.error());
    auto scope = parseScope(ctx, strategy.value());
    if (!scope)
        return ctx.fail(scope.error());

    auto api = ctx.connect();
    if (!api)
        return ctx.fail(api.error());
    const ConnectionProfile profile = journalProfile(ctx);
    if (execute && profile.readOnly)
        return ctx.fail(KafkaError::make(QStringLiteral("READ_ONLY"),
                                         QCoreApplication::translate("kops::cli", "Connection '%1' is read-only: --execute is refused. Nothing was changed.")
                                             .arg(profile.name)));

    auto plan = prepareResetPlan(*api.value(), group, scope.value(), strategy.value(), QDateTime::currentMSecsSinceEpoch());
    if (!plan)
        return failWithDetails(ctx, plan.error());
    const ResetPlan &pl = plan.value();
    for (const QString &w : pl.warnings)
        ctx.err() << QCoreApplication::translate("kops::cli", "warning: ") << w << Qt::endl;

    if (p.isSet(QStringLiteral("export"))) {
        QSaveFile f(p.value(QStringLiteral("export")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Text) || f.write(formatResetCsv(pl.targets()).toUtf8()) < 0 || !f.commit())
            return ctx.fail(KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::cli", "Cannot write --export '%1': %2.")
                                                                       .arg(p.value(QStringLiteral("export")), f.errorString())));
    }

    auto guard = checkGroupInactive(*api.value(), group);
    if (!guard && guard.error().code != QLatin1String("NON_EMPTY_GROUP"))
        return ctx.fail(guard.error());
    if (!guard && execute)
        return failWithDetails(ctx, guard.error());
    if (!guard) {
        ctx.err() << QCoreApplication::translate("kops::cli", "warning: ") << guard.error().message << Qt::endl;
        for (const QString &d : guard.error().details)
            ctx.err() << QStringLiteral("  ") << d << Qt::endl;
    }

    std::optional<ResetOutcome> outcome;
    if (execute) {
        ResetJournal journal;
        ResetExecutor executor(*api.value(), journal, profile);
        auto applied = executor.apply(pl);
        if (!applied)
            return failWithDetails(ctx, applied.error());
        outcome = applied.value();
        printOutcomeErrors(ctx, *outcome);
    }

    if (ctx.json()) {
        QJsonObject o = pl.toJson(outcome ? std::optional<qint64>(outcome->journalId) : std::nullopt,
                                  outcome && outcome->failedCount() < outcome->offsets.size());
        if (outcome) {
            QJsonArray errors;
            for (const JournalOffset &j : outcome->offsets)
                if (!j.errorCode.isEmpty())
                    errors.append(QJsonObject{{QStringLiteral("topic"), j.topic},
                                              {QStringLiteral("partition"), j.partition},
                                              {QStringLiteral("code"), j.errorCode},
                                              {QStringLiteral("message"), j.errorMessage}});
            o.insert(QStringLiteral("errors"), errors);
        }
        ctx.printJson(QJsonDocument(o));
    } else {
        QList<QStringList> rows;
        for (const PlannedPartition &pp : pl.partitions)
            rows.append({group, pp.topic, QString::number(pp.partition), offsetText(pp.current), QString::number(pp.target),
                         offsetText(pp.delta())});
        ctx.out() << formatTable({QStringLiteral("GROUP"), QStringLiteral("TOPIC"), QStringLiteral("PARTITION"),
                                  QStringLiteral("CURRENT-OFFSET"), QStringLiteral("NEW-OFFSET"), QStringLiteral("DELTA")},
                                 rows);
        ctx.out() << QCoreApplication::translate("kops::cli", "\nReplay: %1 messages. Skip: %2 messages. Unchanged: %3 partitions. Without commit: %4 "
                                    "partitions.\n")
                         .arg(pl.replayTotal())
                         .arg(pl.skipTotal())
                         .arg(pl.unchangedCount())
                         .arg(pl.noCommitCount());
        if (outcome)
            ctx.out() << QCoreApplication::translate("kops::cli", "Reset %1 (%2): %3 of %4 partitions written. Undo with: kafka-ops reset-offsets --undo %1 "
                                        "--execute\n")
                             .arg(QString::number(outcome->journalId), outcome->outcome())
                             .arg(outcome->offsets.size() - outcome->failedCount())
                             .arg(outcome->offsets.size());
        else
            ctx.out() << QCoreApplication::translate("kops::cli", "Dry run: nothing changed. Add --execute to apply.\n");
        ctx.out().flush();
    }
    return !outcome || outcome->complete() ? ExitOk : ExitFailure;
}

void addResetOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("group"), QCoreApplication::translate("kops::cli", "The consumer group."), QStringLiteral("GROUP")});
    p.addOption({QStringLiteral("all-topics"), QCoreApplication::translate("kops::cli", "Every partition the group has committed offsets for.")});
    p.addOption({QStringLiteral("topic"), QCoreApplication::translate("kops::cli", "A topic, or some of its partitions (repeatable)."),
                 QStringLiteral("TOPIC[:P,...]")});
    p.addOption({QStringLiteral("to-datetime"),
                 QCoreApplication::translate("kops::cli", "Earliest offset at or after YYYY-MM-DDTHH:mm:SS.sss[Z|±hh:mm] (no zone: UTC, as Kafka)."),
                 QStringLiteral("DATETIME")});
    p.addOption({QStringLiteral("local-time"),
                 QCoreApplication::translate("kops::cli", "Read a --to-datetime without a zone in local time instead of UTC (Kafka's default).")});
    p.addOption({QStringLiteral("by-duration"), QCoreApplication::translate("kops::cli", "Earliest offset at or after now minus PnDTnHnMnS."),
                 QStringLiteral("DURATION")});
    p.addOption({QStringLiteral("to-earliest"), QCoreApplication::translate("kops::cli", "The earliest offset.")});
    p.addOption({QStringLiteral("to-latest"), QCoreApplication::translate("kops::cli", "The log-end offset.")});
    p.addOption({QStringLiteral("to-current"), QCoreApplication::translate("kops::cli", "The committed offset (log end without one).")});
    p.addOption({QStringLiteral("to-offset"), QCoreApplication::translate("kops::cli", "This offset, clamped to the partition's range."),
                 QStringLiteral("OFFSET")});
    p.addOption({QStringLiteral("shift-by"), QCoreApplication::translate("kops::cli", "The committed offset plus N (may be negative), clamped. As in Kafka, a partition "
                                "without a committed offset is an error."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("from-file"), QCoreApplication::translate("kops::cli", "Offsets from a CSV of topic,partition,offset lines."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("dry-run"), QCoreApplication::translate("kops::cli", "Show the new offsets only (the default).")});
    p.addOption({QStringLiteral("execute"), QCoreApplication::translate("kops::cli", "Apply the new offsets (journaled; see --history, --undo).")});
    p.addOption({QStringLiteral("export"), QCoreApplication::translate("kops::cli", "Write the plan as CSV for --from-file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("history"), QCoreApplication::translate("kops::cli", "List journaled resets (with --group: of that group).")});
    p.addOption({QStringLiteral("undo"), QCoreApplication::translate("kops::cli", "Restore the offsets from before journaled reset ID."),
                 QStringLiteral("ID")});
}

} // namespace

QList<CliCommand> resetCommands()
{
    return {
        {QStringLiteral("reset-offsets"),
         QCoreApplication::translate("kops::cli", "Preview, apply, list and undo consumer group offset resets (replay)."), {}, addResetOptions, runReset},
    };
}

} // namespace kops::cli
