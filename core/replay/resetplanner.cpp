#include "resetplanner.h"

#include <QCoreApplication>

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace kops {

namespace {

KafkaError invalid(const QString &message, QStringList details = {})
{
    return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"), message, std::move(details));
}

/// One problem: its sentence. Several: the first, a count, and all of them as details.
KafkaError manyProblems(const QStringList &problems)
{
    if (problems.size() == 1)
        return invalid(problems.first());
    return invalid(QCoreApplication::translate("kops::Replay", "%1 (and %2 more problems)").arg(problems.first()).arg(problems.size() - 1), problems);
}

QString tpName(const TopicPartition &tp)
{
    return QStringLiteral("%1-%2").arg(tp.topic).arg(tp.partition);
}

} // namespace

qint64 ResetPlan::replayTotal() const
{
    qint64 n = 0;
    for (const PlannedPartition &p : partitions)
        n += p.replayCount();
    return n;
}

qint64 ResetPlan::skipTotal() const
{
    qint64 n = 0;
    for (const PlannedPartition &p : partitions)
        n += p.skipCount();
    return n;
}

int ResetPlan::unchangedCount() const
{
    return int(std::count_if(partitions.cbegin(), partitions.cend(),
                             [](const PlannedPartition &p) { return p.current && *p.current == p.target; }));
}

int ResetPlan::noCommitCount() const
{
    return int(std::count_if(partitions.cbegin(), partitions.cend(), [](const PlannedPartition &p) { return !p.current; }));
}

QList<PartitionOffset> ResetPlan::targets() const
{
    QList<PartitionOffset> out;
    for (const PlannedPartition &p : partitions) {
        PartitionOffset po;
        po.topic = p.topic;
        po.partition = p.partition;
        po.offset = p.target;
        out.append(po);
    }
    return out;
}

QJsonObject ResetPlan::toJson(const std::optional<qint64> &journalId, bool applied) const
{
    QJsonArray arr;
    for (const PlannedPartition &p : partitions) {
        const auto delta = p.delta();
        arr.append(QJsonObject{
            {QStringLiteral("topic"), p.topic},
            {QStringLiteral("partition"), p.partition},
            {QStringLiteral("current"), p.current ? QJsonValue(double(*p.current)) : QJsonValue()},
            {QStringLiteral("target"), double(p.target)},
            {QStringLiteral("delta"), delta ? QJsonValue(double(*delta)) : QJsonValue()},
            {QStringLiteral("targetTimestamp"),
             p.targetTimestampMs ? QJsonValue(double(*p.targetTimestampMs)) : QJsonValue()},
        });
    }
    return QJsonObject{
        {QStringLiteral("id"), journalId ? QJsonValue(QString::number(*journalId)) : QJsonValue()},
        {QStringLiteral("group"), group},
        {QStringLiteral("strategy"), strategy.describe()},
        {QStringLiteral("applied"), applied},
        {QStringLiteral("partitions"), arr},
        {QStringLiteral("replay"), double(replayTotal())},
        {QStringLiteral("skip"), double(skipTotal())},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
    };
}

Result<QList<TopicPartition>> resolveResetPartitions(const ResetScope &scope, const ResetStrategy &strategy,
                                                     const QList<PartitionOffset> &committed,
                                                     const QHash<QString, int> &partitionCounts)
{
    QList<TopicPartition> out;
    QSet<TopicPartition> seen;
    QStringList problems;
    auto add = [&](const TopicPartition &tp) {
        if (!seen.contains(tp)) {
            seen.insert(tp);
            out.append(tp);
        }
    };
    auto check = [&](const TopicPartition &tp) {
        if (!partitionCounts.contains(tp.topic)) {
            problems << QCoreApplication::translate("kops::Replay", "Topic '%1' does not exist.").arg(tp.topic);
            return false;
        }
        const int count = partitionCounts.value(tp.topic);
        if (tp.partition < 0 || tp.partition >= count) {
            problems << QCoreApplication::translate("kops::Replay", "Partition %1 of topic '%2' does not exist (the topic has %3 partitions: 0..%4).")
                            .arg(tp.partition)
                            .arg(tp.topic)
                            .arg(count)
                            .arg(count - 1);
            return false;
        }
        return true;
    };

    if (strategy.kind == ResetStrategy::Kind::FromFile) {
        // As kafka-consumer-groups.sh: the file, not --topic/--all-topics, says which partitions move.
        for (const PartitionOffset &row : strategy.fileRows)
            if (check(row.tp()))
                add(row.tp());
    } else if (scope.allTopics) {
        for (const PartitionOffset &c : committed)
            add(c.tp());
        if (out.isEmpty())
            return invalid(QCoreApplication::translate("kops::Replay", "--all-topics: the group has no committed offsets, so there is nothing to reset. "
                                          "Name the topics with --topic."));
    } else if (scope.topics.isEmpty()) {
        return invalid(QCoreApplication::translate("kops::Replay", "No scope: give --all-topics or --topic TOPIC[:P,...]."));
    } else {
        for (const ResetScope::TopicSelection &sel : scope.topics) {
            if (!partitionCounts.contains(sel.topic)) {
                problems << QCoreApplication::translate("kops::Replay", "Topic '%1' does not exist.").arg(sel.topic);
                continue;
            }
            if (sel.partitions.isEmpty()) {
                for (int p = 0; p < partitionCounts.value(sel.topic); ++p)
                    add({sel.topic, p});
            } else {
                for (int p : sel.partitions)
                    if (check({sel.topic, p}))
                        add({sel.topic, p});
            }
        }
    }
    problems.removeDuplicates();
    if (!problems.isEmpty())
        return manyProblems(problems);
    std::sort(out.begin(), out.end());
    return out;
}

qint64 resetLookupTime(const ResetStrategy &strategy, qint64 nowMs)
{
    return strategy.kind == ResetStrategy::Kind::ByDuration ? nowMs - strategy.durationMs : strategy.timestampMs;
}

Result<ResetPlan> planReset(const QString &group, const ResetScope &scope, const ResetStrategy &strategy,
                            const QList<TopicPartition> &partitions, const PlannerInputs &inputs)
{
    using Kind = ResetStrategy::Kind;
    QHash<TopicPartition, qint64> committed;
    for (const PartitionOffset &c : inputs.committed)
        if (!c.hasError() && c.offset >= 0)
            committed.insert(c.tp(), c.offset);
    QHash<TopicPartition, PartitionWatermarks> marks;
    for (const PartitionWatermarks &w : inputs.watermarks)
        marks.insert(w.tp(), w);
    QHash<TopicPartition, PartitionOffset> times;
    for (const PartitionOffset &t : inputs.timeOffsets)
        times.insert(t.tp(), t);
    QHash<TopicPartition, qint64> fileOffsets;
    for (const PartitionOffset &r : strategy.fileRows)
        fileOffsets.insert(r.tp(), r.offset);

    ResetPlan plan;
    plan.group = group;
    plan.strategy = strategy;
    plan.scope = scope;
    QStringList problems;

    for (const TopicPartition &tp : partitions) {
        const auto mark = marks.constFind(tp);
        if (mark == marks.cend() || !mark->errorCode.isEmpty() || mark->low < 0 || mark->high < 0) {
            problems << QCoreApplication::translate("kops::Replay", "Cannot read the earliest/latest offsets of %1: %2")
                            .arg(tpName(tp), mark == marks.cend() ? QCoreApplication::translate("kops::Replay", "no answer from the cluster.")
                                                                  : mark->errorMessage + QStringLiteral(" (") + mark->errorCode
                                                                        + QLatin1Char(')'));
            continue;
        }
        PlannedPartition p;
        p.topic = tp.topic;
        p.partition = tp.partition;
        p.logStart = mark->low;
        p.logEnd = mark->high;
        if (committed.contains(tp))
            p.current = committed.value(tp);

        // Kafka's checkOffsetsRange: requested offsets outside [earliest, latest] are clamped, with a warning.
        auto clamped = [&](qint64 requested) {
            if (requested < p.logStart) {
                p.note = QCoreApplication::translate("kops::Replay", "New offset (%1) is lower than earliest offset for topic partition %2. "
                                        "Value will be set to %3")
                             .arg(requested)
                             .arg(tpName(tp))
                             .arg(p.logStart);
                plan.warnings << p.note;
                return p.logStart;
            }
            if (requested > p.logEnd) {
                p.note = QCoreApplication::translate("kops::Replay", "New offset (%1) is higher than latest offset for topic partition %2. "
                                        "Value will be set to %3")
                             .arg(requested)
                             .arg(tpName(tp))
                             .arg(p.logEnd);
                plan.warnings << p.note;
                return p.logEnd;
            }
            return requested;
        };

        switch (strategy.kind) {
        case Kind::ToDatetime:
        case Kind::ByDuration: {
            const auto t = times.constFind(tp);
            if (t == times.cend() || t->hasError()) {
                problems << QCoreApplication::translate("kops::Replay", "Cannot look up the offset by time for %1: %2")
                                .arg(tpName(tp), t == times.cend() ? QCoreApplication::translate("kops::Replay", "no answer from the cluster.")
                                                                   : t->errorMessage);
                continue;
            }
            // No record at or after the time: the log-end offset, as kafka-consumer-groups.sh does.
            p.target = t->offset < 0 ? p.logEnd : t->offset;
            break;
        }
        case Kind::ToEarliest:
            p.target = p.logStart;
            break;
        case Kind::ToLatest:
            p.target = p.logEnd;
            break;
        case Kind::ToCurrent:
            // Kafka: a partition without a committed offset goes to the log end.
            p.target = p.current.value_or(p.logEnd);
            break;
        case Kind::ToOffset:
            p.target = clamped(strategy.value);
            break;
        case Kind::ShiftBy:
            if (!p.current) {
                problems << QCoreApplication::translate("kops::Replay", "Cannot shift offset for partition %1 since there is no current committed offset.")
                                .arg(tpName(tp));
                continue;
            }
            p.target = clamped(*p.current + strategy.value);
            break;
        case Kind::FromFile:
            p.target = clamped(fileOffsets.value(tp));
            break;
        }
        plan.partitions.append(p);
    }
    if (!problems.isEmpty())
        return manyProblems(problems);
    if (plan.partitions.isEmpty())
        return invalid(QCoreApplication::translate("kops::Replay", "The scope covers no partitions."));
    return plan;
}

} // namespace kops
