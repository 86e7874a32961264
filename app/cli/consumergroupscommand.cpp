// kafka-ops consumer-groups: a drop-in for Kafka 2.4's kafka-consumer-groups.sh. It accepts that
// tool's options and prints what it prints (columns, blank lines, messages, exit codes), reading
// the cluster in batched requests instead of one consumer per group.
#include "clicontext.h"
#include "kafkatool/consumergroupsoutput.h"
#include "kafkatool/javaorder.h"
#include "replay/resetexecutor.h"
#include "replay/resetpreview.h"

#include <QDateTime>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <limits>

namespace kops::cli {

namespace {

using namespace kops::kafkatool;

constexpr int kDescribeChunk = 200;

/// Kafka's CommandLineUtils.printUsageAndDie: the message on stderr, exit code 1.
int toolUsage(CliContext &ctx, const QString &message)
{
    ctx.err() << message << Qt::endl;
    return ExitFailure;
}

/// Errors the Java tool catches print "\nError: ..." on stdout and still exit 0.
int toolError(CliContext &ctx, const QString &message)
{
    ctx.out() << errorLine(QStringLiteral("Executing consumer group command failed due to %1").arg(message));
    ctx.out().flush();
    return ExitOk;
}

void print(CliContext &ctx, const ToolText &t)
{
    // Flush stderr before stdout follows, so a terminal shows them in the Java tool's order.
    if (!t.err.isEmpty())
        ctx.err() << t.err << Qt::flush;
    ctx.out() << t.out;
}

Result<QStringList> listedGroups(ClusterApi &api)
{
    auto listed = api.listGroups();
    if (!listed)
        return listed.error();
    // In the order the brokers answered: the Java client's HashMap keeps it within a bucket.
    QList<GroupListing> listings = listed.value();
    std::stable_sort(listings.begin(), listings.end(),
                     [](const GroupListing &a, const GroupListing &b) { return a.responseIndex < b.responseIndex; });
    QStringList ids;
    for (const GroupListing &g : std::as_const(listings))
        ids << g.groupId;
    return ids;
}

Result<QStringList> selectedGroups(CliContext &ctx, ClusterApi &api)
{
    QStringList ids;
    if (ctx.parser().isSet(QStringLiteral("all-groups"))) {
        auto listed = listedGroups(api);
        if (!listed)
            return listed.error();
        ids = listed.value();
    } else {
        ids = ctx.parser().values(QStringLiteral("group"));
    }
    ids.removeDuplicates();
    std::sort(ids.begin(), ids.end()); // the tool collects groups in a TreeMap
    return ids;
}

Result<QHash<QString, GroupDescription>> describeAll(ClusterApi &api, const QStringList &ids)
{
    QHash<QString, GroupDescription> out;
    for (qsizetype i = 0; i < ids.size(); i += kDescribeChunk) {
        auto described = api.describeGroups(ids.mid(i, kDescribeChunk));
        if (!described)
            return described.error();
        for (const GroupDescription &d : described.value())
            out.insert(d.groupId, d);
    }
    return out;
}

GroupDescription descriptionOf(const QHash<QString, GroupDescription> &all, const QString &id)
{
    GroupDescription d = all.value(id);
    d.groupId = id;
    return d;
}

int runDescribe(CliContext &ctx, ClusterApi &api)
{
    QCommandLineParser &p = ctx.parser();
    const int modes = int(p.isSet(QStringLiteral("members"))) + int(p.isSet(QStringLiteral("offsets")))
                    + int(p.isSet(QStringLiteral("state")));
    if (modes > 1)
        return toolUsage(ctx, QStringLiteral("Option(s) [members, offsets, state] are mutually exclusive"));
    auto ids = selectedGroups(ctx, api);
    if (!ids)
        return toolError(ctx, ids.error().message);
    auto described = describeAll(api, ids.value());
    if (!described)
        return toolError(ctx, described.error().message);

    if (p.isSet(QStringLiteral("members"))) {
        const bool verbose = p.isSet(QStringLiteral("verbose"));
        for (const QString &id : ids.value())
            print(ctx, describeMembers(descriptionOf(described.value(), id), verbose));
        ctx.out().flush();
        return ExitOk;
    }
    if (p.isSet(QStringLiteral("state"))) {
        auto md = api.metadata();
        if (!md)
            return toolError(ctx, md.error().message);
        QHash<int, QString> coordinators;
        for (const BrokerInfo &b : md.value().brokers)
            coordinators.insert(b.id, QStringLiteral("%1:%2 (%3)").arg(b.host).arg(b.port).arg(b.id));
        for (const QString &id : ids.value()) {
            const GroupDescription d = descriptionOf(described.value(), id);
            print(ctx, describeState(d, coordinators.value(d.coordinatorId, QStringLiteral(":-1 (-1)"))));
        }
        ctx.out().flush();
        return ExitOk;
    }

    auto committed = api.committedOffsets(ids.value());
    if (!committed)
        return toolError(ctx, committed.error().message);
    QSet<TopicPartition> partitions;
    for (const QString &id : ids.value()) {
        for (const PartitionOffset &po : committed.value().value(id))
            if (!po.hasError() && po.offset >= 0)
                partitions.insert(po.tp());
        for (const GroupMember &m : described.value().value(id).members)
            for (const TopicPartition &tp : m.assignments)
                partitions.insert(tp);
    }
    QHash<TopicPartition, qint64> logEnd;
    if (!partitions.isEmpty()) {
        auto wm = api.watermarks(QList<TopicPartition>(partitions.cbegin(), partitions.cend()));
        if (!wm)
            return toolError(ctx, wm.error().message);
        for (const PartitionWatermarks &w : wm.value())
            if (w.errorCode.isEmpty() && w.high >= 0)
                logEnd.insert(w.tp(), w.high);
    }
    // --extra: how old the record at each committed offset is, read in one batch.
    QHash<QPair<QString, TopicPartition>, qint64> recordTime;
    if (p.isSet(QStringLiteral("extra"))) {
        QList<PartitionOffset> positions;
        for (const QString &id : ids.value())
            for (const PartitionOffset &po : committed.value().value(id))
                if (!po.hasError() && po.offset >= 0 && logEnd.value(po.tp(), -1) > po.offset)
                    positions.append(po);
        QHash<QPair<TopicPartition, qint64>, qint64> byPosition;
        if (!positions.isEmpty()) {
            auto records = api.readAt(positions, 10000);
            if (records)
                for (const ConsumedRecord &r : records.value())
                    byPosition.insert({{r.topic, r.partition}, r.offset}, r.timestampMs);
        }
        for (const QString &id : ids.value())
            for (const PartitionOffset &po : committed.value().value(id))
                if (byPosition.contains({po.tp(), po.offset}))
                    recordTime.insert({id, po.tp()}, byPosition.value({po.tp(), po.offset}));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &id : ids.value()) {
        const GroupDescription d = descriptionOf(described.value(), id);
        const QList<PartitionOffset> offsets = committed.value().value(id);
        // A group the broker no longer knows but that still has commits is shown as Empty.
        QString state = toolState(d);
        QList<OffsetsRow> rows = offsetsRows(d, offsets, logEnd);
        if (state == QLatin1String("Dead") && !rows.isEmpty())
            state = QStringLiteral("Empty");
        QStringList timeLag;
        if (p.isSet(QStringLiteral("extra")))
            for (const OffsetsRow &r : std::as_const(rows)) {
                const auto key = qMakePair(id, TopicPartition{r.topic.value_or(QString()), r.partition.value_or(-1)});
                if (r.lag && *r.lag == 0)
                    timeLag << QStringLiteral("0s");
                else if (recordTime.contains(key))
                    timeLag << QStringLiteral("%1s").arg(std::max<qint64>(0, (now - recordTime.value(key)) / 1000));
                else
                    timeLag << QStringLiteral("-");
            }
        print(ctx, describeOffsets(id, state, rows, timeLag));
    }
    ctx.out().flush();
    return ExitOk;
}

/// The partitions in the order the Java tool considers them for the strategy given.
QList<PartitionOffset> toolInsertionOrder(const ResetPlan &plan, const QList<TopicPartition> &committedTps,
                                          const ResetStrategy &strategy, const QStringList &topicArgs)
{
    QHash<TopicPartition, qint64> target;
    for (const PlannedPartition &pp : plan.partitions)
        target.insert(pp.tp(), pp.target);
    QList<TopicPartition> order;
    if (strategy.kind == ResetStrategy::Kind::FromFile) {
        for (const PartitionOffset &row : strategy.fileRows)
            order.append(row.tp());
    } else if (plan.scope.allTopics) {
        order = committedOrder(committedTps);
    } else {
        for (const QString &arg : topicArgs) {
            auto sel = parseTopicSelection(arg);
            if (!sel)
                continue;
            if (!sel.value().partitions.isEmpty()) {
                for (int part : sel.value().partitions)
                    order.append({sel.value().topic, part});
            } else {
                // partitionsFor(topic): in the order the broker's metadata lists them.
                int count = 0;
                for (const PlannedPartition &pp : plan.partitions)
                    if (pp.topic == sel.value().topic)
                        count = std::max(count, pp.partition + 1);
                for (int part : brokerPartitionOrder(count))
                    order.append({sel.value().topic, part});
            }
        }
    }
    if (strategy.kind == ResetStrategy::Kind::ToCurrent) {
        // Partitions with a commit first, then those answered with their log end.
        std::stable_partition(order.begin(), order.end(),
                              [&](const TopicPartition &tp) { return committedTps.contains(tp); });
    }
    QList<PartitionOffset> out;
    QSet<TopicPartition> seen;
    for (const TopicPartition &tp : order)
        if (target.contains(tp) && !seen.contains(tp)) {
            seen.insert(tp);
            out.append({tp.topic, tp.partition, target.value(tp), {}, {}});
        }
    return out;
}

Result<ResetStrategy> toolStrategy(CliContext &ctx, const QString &group)
{
    QCommandLineParser &p = ctx.parser();
    auto number = [&](const QString &option) -> Result<qint64> {
        bool ok = false;
        const qint64 v = p.value(option).toLongLong(&ok);
        if (!ok)
            return KafkaError::make(QStringLiteral("USAGE"), QStringLiteral("Cannot parse argument '%1' of option %2")
                                                                 .arg(p.value(option), option));
        return v;
    };
    if (p.isSet(QStringLiteral("to-datetime"))) {
        auto t = parseResetDateTime(p.value(QStringLiteral("to-datetime")));
        if (!t)
            return t.error();
        return ResetStrategy::toDatetime(t.value(), p.value(QStringLiteral("to-datetime")));
    }
    if (p.isSet(QStringLiteral("by-duration"))) {
        auto d = parseResetDuration(p.value(QStringLiteral("by-duration")));
        if (!d)
            return d.error();
        return ResetStrategy::byDuration(d.value(), p.value(QStringLiteral("by-duration")));
    }
    if (p.isSet(QStringLiteral("to-earliest")))
        return ResetStrategy::toEarliest();
    if (p.isSet(QStringLiteral("to-latest")))
        return ResetStrategy::toLatest();
    if (p.isSet(QStringLiteral("to-current")))
        return ResetStrategy::toCurrent();
    if (p.isSet(QStringLiteral("to-offset"))) {
        auto v = number(QStringLiteral("to-offset"));
        if (!v)
            return v.error();
        return ResetStrategy::toOffset(v.value());
    }
    if (p.isSet(QStringLiteral("shift-by"))) {
        auto v = number(QStringLiteral("shift-by"));
        if (!v)
            return v.error();
        return ResetStrategy::shiftBy(v.value());
    }
    const QString fileName = p.value(QStringLiteral("from-file"));
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return KafkaError::make(QStringLiteral("IO"), QStringLiteral("%1 (No such file or directory)").arg(fileName));
    auto rows = parseResetCsv(QString::fromUtf8(f.readAll()), group);
    if (!rows)
        return rows.error();
    return ResetStrategy::fromFile(rows.value(), fileName);
}

int runReset(CliContext &ctx, ClusterApi &api)
{
    QCommandLineParser &p = ctx.parser();
    const bool execute = p.isSet(QStringLiteral("execute"));
    if (execute && p.isSet(QStringLiteral("dry-run")))
        return toolUsage(ctx, QStringLiteral("Option \"reset-offsets\" only accepts one of [execute] and [dry-run]"));
    if (!execute && !p.isSet(QStringLiteral("dry-run")))
        ctx.err() << QStringLiteral("WARN: No action will be performed as the --execute option is missing.In a future major "
                                    "release, the default behavior of this command will be to prompt the user before executing "
                                    "the reset rather than doing a dry run. You should add the --dry-run option explicitly if "
                                    "you are scripting this command and want to keep the current default behavior without "
                                    "prompting.")
                  << Qt::endl;
    static const QStringList strategies = {QStringLiteral("to-datetime"), QStringLiteral("by-duration"),
                                           QStringLiteral("to-earliest"), QStringLiteral("to-latest"),
                                           QStringLiteral("to-current"),  QStringLiteral("to-offset"),
                                           QStringLiteral("shift-by"),    QStringLiteral("from-file")};
    const auto given = std::count_if(strategies.cbegin(), strategies.cend(), [&](const QString &s) { return p.isSet(s); });
    if (given == 0)
        return toolUsage(ctx, QStringLiteral("Option [reset-offsets] requires one of the following scenarios: "
                                             "[to-offset, shift-by, to-datetime, by-duration, to-earliest, to-latest, "
                                             "to-current, from-file]"));
    if (given > 1)
        return toolUsage(ctx, QStringLiteral("Give only one of the reset scenarios."));
    if (!p.isSet(QStringLiteral("all-topics")) && !p.isSet(QStringLiteral("topic")) && !p.isSet(QStringLiteral("from-file")))
        return toolUsage(ctx, QStringLiteral("One of the reset scopes should be defined: --all-topics, --topic."));

    auto ids = selectedGroups(ctx, api);
    if (!ids)
        return toolError(ctx, ids.error().message);
    auto described = describeAll(api, ids.value());
    if (!described)
        return toolError(ctx, described.error().message);

    ResetScope scope;
    scope.allTopics = p.isSet(QStringLiteral("all-topics"));
    for (const QString &t : p.values(QStringLiteral("topic"))) {
        auto sel = parseTopicSelection(t);
        if (!sel)
            return toolUsage(ctx, sel.error().message);
        scope.topics.append(sel.value());
    }

    QString text;
    bool anyGroup = false;
    for (const QString &group : ids.value()) {
        const GroupDescription d = descriptionOf(described.value(), group);
        const QString state = toolState(d);
        anyGroup = true;
        if (state != QLatin1String("Empty") && state != QLatin1String("Dead")) {
            ctx.out() << errorLine(QStringLiteral("Assignments can only be reset if the group '%1' is inactive, but the "
                                                  "current state is %2.")
                                       .arg(group, state));
            continue;
        }
        auto strategy = toolStrategy(ctx, group);
        if (!strategy)
            return toolError(ctx, strategy.error().message);
        auto plan = prepareResetPlan(api, group, scope, strategy.value(), QDateTime::currentMSecsSinceEpoch());
        if (!plan) {
            QString message = plan.error().message;
            // Kafka stops at the first such partition and its message has no full stop.
            message.remove(QRegularExpression(QStringLiteral(R"( \(and \d+ more problems?\)$)")));
            if (message.endsWith(QLatin1String("committed offset.")))
                message.chop(1);
            return toolError(ctx, message);
        }
        auto committed = api.committedOffsets({group});
        if (!committed)
            return toolError(ctx, committed.error().message);
        QList<TopicPartition> committedTps;
        for (const PartitionOffset &po : committed.value().value(group))
            if (!po.hasError() && po.offset >= 0)
                committedTps.append(po.tp());
        const QList<PartitionOffset> ordered =
            resetOrder(toolInsertionOrder(plan.value(), committedTps, strategy.value(), p.values(QStringLiteral("topic"))));
        // checkOffsetsRange() logs each clamped offset through log4j on stderr, in the map's order.
        if (strategy.value().kind == ResetStrategy::Kind::ToOffset || strategy.value().kind == ResetStrategy::Kind::ShiftBy
            || strategy.value().kind == ResetStrategy::Kind::FromFile) {
            QHash<TopicPartition, QString> notes;
            for (const PlannedPartition &pp : plan.value().partitions)
                if (pp.note.startsWith(QLatin1String("New offset (")))
                    notes.insert(pp.tp(), pp.note);
            for (const PartitionOffset &po : ordered)
                if (notes.contains(po.tp()))
                    ctx.err() << QStringLiteral("[%1] WARN %2 (kafka.admin.ConsumerGroupCommand$)\n")
                                     .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz")),
                                          notes.value(po.tp()));
            ctx.err().flush();
        }
        if (execute) {
            ResetJournal journal;
            ConnectionProfile profile = ctx.profile().value_or(ConnectionProfile{});
            if (profile.name.isEmpty())
                profile.name = p.value(QStringLiteral("bootstrap"));
            if (profile.readOnly)
                return toolError(ctx, QStringLiteral("connection '%1' is read-only").arg(profile.name));
            ResetExecutor executor(api, journal, profile);
            auto applied = executor.apply(plan.value());
            if (!applied)
                return toolError(ctx, applied.error().message);
        }
        if (p.isSet(QStringLiteral("export")))
            text += resetCsv(ordered).chopped(1);
        else
            text += resetTable(group, ordered).mid(text.isEmpty() ? 0 : resetTable(group, {}).size());
    }
    if (p.isSet(QStringLiteral("export")))
        ctx.out() << text << QLatin1Char('\n');
    else if (anyGroup && text.isEmpty())
        ctx.out() << resetTable(QString(), {});
    else
        ctx.out() << text;
    ctx.out().flush();
    return ExitOk;
}

int runDelete(CliContext &ctx, ClusterApi &api)
{
    if (ctx.parser().isSet(QStringLiteral("topic")))
        return toolUsage(ctx, QStringLiteral("The consumer does not support topic-specific offset deletion from a consumer group."));
    if (auto profile = ctx.profile(); profile && profile->readOnly)
        return toolError(ctx, QStringLiteral("connection '%1' is read-only").arg(profile->name));
    QStringList ids;
    if (ctx.parser().isSet(QStringLiteral("all-groups"))) {
        auto listed = listedGroups(api);
        if (!listed)
            return toolError(ctx, listed.error().message);
        ids = listed.value();
    } else {
        ids = ctx.parser().values(QStringLiteral("group"));
        ids.removeDuplicates();
    }
    auto answers = api.deleteGroups(ids);
    if (!answers)
        return toolError(ctx, answers.error().message);
    ctx.out() << deleteResult(answers.value());
    ctx.out().flush();
    return ExitOk;
}

int runConsumerGroups(CliContext &ctx)
{
    QCommandLineParser &p = ctx.parser();
    static const QStringList actions = {QStringLiteral("list"), QStringLiteral("describe"), QStringLiteral("delete"),
                                        QStringLiteral("reset-offsets")};
    if (std::count_if(actions.cbegin(), actions.cend(), [&](const QString &a) { return p.isSet(a); }) != 1)
        return toolUsage(ctx, QStringLiteral("Command must include exactly one action: --list, --describe, --delete, "
                                             "--reset-offsets, --delete-offsets"));
    const bool needsGroup = p.isSet(QStringLiteral("describe")) || p.isSet(QStringLiteral("delete"))
                         || p.isSet(QStringLiteral("reset-offsets"));
    if (needsGroup && !p.isSet(QStringLiteral("group")) && !p.isSet(QStringLiteral("all-groups"))) {
        const QString action = p.isSet(QStringLiteral("describe")) ? QStringLiteral("describe")
                             : p.isSet(QStringLiteral("delete"))   ? QStringLiteral("delete")
                                                                   : QStringLiteral("reset-offsets");
        return toolUsage(ctx, QStringLiteral("Option [%1] takes one of these options: [all-groups], [group]").arg(action));
    }
    if (p.isSet(QStringLiteral("group")) && p.isSet(QStringLiteral("all-groups")))
        return toolUsage(ctx, QStringLiteral("Option \"[group]\" can't be used with option \"[all-groups]\""));

    if (p.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const qint64 ms = p.value(QStringLiteral("timeout")).toLongLong(&ok);
        if (!ok || ms <= 0 || ms > std::numeric_limits<int>::max()) {
            // Kafka 2.4 lets joptsimple's exception escape main: its first line on stderr, exit 0.
            ctx.err() << QStringLiteral("joptsimple.OptionArgumentConversionException: Cannot parse argument '%1' of option timeout")
                             .arg(p.value(QStringLiteral("timeout")))
                      << Qt::endl;
            return ExitOk;
        }
        ctx.setCallTimeoutMs(int(ms));
    }
    auto api = ctx.connect();
    if (!api) {
        if (api.error().code == QLatin1String("USAGE"))
            return toolUsage(ctx, api.error().message);
        return toolError(ctx, api.error().message);
    }
    if (p.isSet(QStringLiteral("list"))) {
        auto ids = listedGroups(*api.value());
        if (!ids)
            return toolError(ctx, ids.error().message);
        ctx.out() << listGroups(ids.value());
        ctx.out().flush();
        return ExitOk;
    }
    if (p.isSet(QStringLiteral("describe")))
        return runDescribe(ctx, *api.value());
    if (p.isSet(QStringLiteral("reset-offsets")))
        return runReset(ctx, *api.value());
    return runDelete(ctx, *api.value());
}

void addConsumerGroupsOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("list"), QStringLiteral("List all consumer groups.")});
    p.addOption({QStringLiteral("describe"), QStringLiteral("Describe consumer groups: offsets and lag (default), --members or --state.")});
    p.addOption({QStringLiteral("delete"), QStringLiteral("Delete the groups given with --group.")});
    p.addOption({QStringLiteral("reset-offsets"), QStringLiteral("Reset the offsets of inactive groups (dry run unless --execute).")});
    p.addOption({QStringLiteral("group"), QStringLiteral("A consumer group (repeatable)."), QStringLiteral("GROUP")});
    p.addOption({QStringLiteral("all-groups"), QStringLiteral("Every consumer group.")});
    p.addOption({QStringLiteral("members"), QStringLiteral("With --describe: the members (--verbose: their assignments).")});
    p.addOption({QStringLiteral("offsets"), QStringLiteral("With --describe: offsets and lag (the default).")});
    p.addOption({QStringLiteral("state"), QStringLiteral("With --describe: coordinator, assignor, state, members.")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Time each cluster call may take, in ms."), QStringLiteral("MS")});
    p.addOption({QStringLiteral("topic"), QStringLiteral("Reset scope: a topic or TOPIC:P,P (repeatable)."), QStringLiteral("TOPIC")});
    p.addOption({QStringLiteral("all-topics"), QStringLiteral("Reset scope: every topic the group committed for.")});
    p.addOption({QStringLiteral("to-datetime"), QStringLiteral("YYYY-MM-DDTHH:mm:SS.sss"), QStringLiteral("DATETIME")});
    p.addOption({QStringLiteral("by-duration"), QStringLiteral("PnDTnHnMnS"), QStringLiteral("DURATION")});
    p.addOption({QStringLiteral("to-earliest"), QStringLiteral("Reset to the earliest offset.")});
    p.addOption({QStringLiteral("to-latest"), QStringLiteral("Reset to the latest offset.")});
    p.addOption({QStringLiteral("to-current"), QStringLiteral("Reset to the current offset.")});
    p.addOption({QStringLiteral("to-offset"), QStringLiteral("Reset to this offset."), QStringLiteral("OFFSET")});
    p.addOption({QStringLiteral("shift-by"), QStringLiteral("Shift the current offset by N."), QStringLiteral("N")});
    p.addOption({QStringLiteral("from-file"), QStringLiteral("Offsets from a CSV file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Show the new offsets only (the default).")});
    p.addOption({QStringLiteral("execute"), QStringLiteral("Apply the new offsets (journaled: kafka-ops reset-offsets --undo).")});
    p.addOption({QStringLiteral("export"), QStringLiteral("Print the new offsets as CSV for --from-file.")});
    p.addOption({QStringLiteral("extra"),
                 QStringLiteral("kafka-ops' own addition to --describe: a TIME-LAG column, the age of the record at the "
                                "committed offset (the output then differs from kafka-consumer-groups.sh).")});
}

} // namespace

QList<CliCommand> consumerGroupsCommands()
{
    CliCommand c{QStringLiteral("consumer-groups"),
                 QStringLiteral("Drop-in for kafka-consumer-groups.sh: same options, same output, fast."), {},
                 addConsumerGroupsOptions, runConsumerGroups};
    c.ownsVerbose = true;
    return {c};
}

} // namespace kops::cli
