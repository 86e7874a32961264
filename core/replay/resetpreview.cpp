#include "resetpreview.h"

#include <QCoreApplication>

#include <QSet>

namespace kops {

Result<ResetPlan> prepareResetPlan(ClusterApi &api, const QString &group, const ResetScope &scope,
                                   const ResetStrategy &strategy, qint64 nowMs)
{
    if (group.trimmed().isEmpty())
        return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"), QCoreApplication::translate("kops::Replay", "No consumer group given."));
    PlannerInputs in;
    auto committed = api.committedOffsets({group});
    if (!committed)
        return committed.error();
    in.committed = committed.value().value(group);

    QStringList topics;
    if (strategy.kind == ResetStrategy::Kind::FromFile) {
        for (const PartitionOffset &r : strategy.fileRows)
            topics << r.topic;
    } else if (scope.allTopics) {
        for (const PartitionOffset &c : in.committed)
            topics << c.topic;
    } else {
        for (const ResetScope::TopicSelection &t : scope.topics)
            topics << t.topic;
    }
    topics.removeDuplicates();
    if (!topics.isEmpty()) {
        auto md = api.topicMetadata(topics);
        if (!md)
            return md.error();
        for (const TopicInfo &t : md.value().topics)
            if (t.errorCode.isEmpty() && !t.partitions.isEmpty())
                in.partitionCounts.insert(t.name, int(t.partitions.size()));
    }

    auto partitions = resolveResetPartitions(scope, strategy, in.committed, in.partitionCounts);
    if (!partitions)
        return partitions.error();
    auto marks = api.watermarks(partitions.value());
    if (!marks)
        return marks.error();
    in.watermarks = marks.value();
    if (strategy.needsTimestamps()) {
        const qint64 at = resetLookupTime(strategy, nowMs);
        QList<PartitionTimestamp> query;
        for (const TopicPartition &tp : partitions.value())
            query.append({tp.topic, tp.partition, at});
        auto times = api.offsetsForTimes(query);
        if (!times)
            return times.error();
        in.timeOffsets = times.value();
    }
    auto plan = planReset(group, scope, strategy, partitions.value(), in);
    if (!plan)
        return plan;
    fillTargetTimestamps(api, plan.value());
    return plan;
}

void fillTargetTimestamps(ClusterApi &api, ResetPlan &plan)
{
    for (PlannedPartition &p : plan.partitions) {
        p.targetTimestampMs.reset();
        if (p.target >= p.logEnd)
            continue;
        auto records = api.read(p.tp(), p.target, 1, 5000);
        if (records && !records.value().isEmpty() && records.value().first().timestampMs >= 0) {
            p.targetTimestampMs = records.value().first().timestampMs;
        } else if (!records) {
            const QString remark = QCoreApplication::translate("kops::Replay", "Timestamp at offset %1 unavailable: %2").arg(p.target).arg(records.error().message);
            p.note = p.note.isEmpty() ? remark : p.note + QStringLiteral("; ") + remark;
        }
    }
}

} // namespace kops
