#include "drainservice.h"

#include "drainplanner.h"
#include "historystore.h"
#include "rdkafkaclusterapi.h"
#include "readonlyclusterapi.h"
#include "relayjournal.h"
#include "replay/resetexecutor.h"

#include <QDateTime>
#include <QJsonArray>
#include <QThread>

#include <cmath>

namespace kops {

DrainRouter::DrainRouter(QString target, int partitions) : m_target(std::move(target)), m_partitions(partitions) {}

std::optional<qint64> DrainRouter::route(const QString &, const RecordView &r, qint64, QList<OutgoingRecord> &out)
{
    OutgoingRecord o;
    o.topic = m_target;
    o.partition = drainTargetPartition(r.hasKey() ? std::optional<QByteArrayView>(r.key()) : std::nullopt, r.partition,
                                       m_partitions);
    if (r.hasKey())
        o.key = r.key().toByteArray();
    if (r.hasValue())
        o.value = r.value().toByteArray();
    o.headers = r.headers();
    o.timestampMs = r.timestampMs > 0 ? r.timestampMs : 0;
    out.append(std::move(o));
    return std::nullopt;
}

QString DrainPlan::transactionalId() const
{
    return QStringLiteral("kops-drain-%1-%2").arg(group, target);
}

QString DrainPlan::nextGroup() const
{
    return group + QStringLiteral("-drained");
}

double DrainPlan::etaSeconds() const
{
    const double rate = perConsumerRate * std::max(1, targetPartitions);
    return rate > 0 ? double(backlog) / rate : -1;
}

QJsonObject DrainPlan::toJson() const
{
    QJsonArray parts;
    for (const DrainPartition &p : partitions) {
        QJsonObject o{{QStringLiteral("topic"), p.topic},
                      {QStringLiteral("partition"), p.partition},
                      {QStringLiteral("committed"), p.committed},
                      {QStringLiteral("logEnd"), p.logEnd},
                      {QStringLiteral("backlog"), p.backlog}};
        if (p.consumeRate)
            o.insert(QStringLiteral("consumeRate"), *p.consumeRate);
        parts.append(o);
    }
    return QJsonObject{{QStringLiteral("group"), group},
                       {QStringLiteral("topic"), topics.join(QLatin1Char(','))},
                       {QStringLiteral("topics"), QJsonArray::fromStringList(topics)},
                       {QStringLiteral("target"), target},
                       {QStringLiteral("backlog"), backlog},
                       {QStringLiteral("consumeRate"), consumeRate},
                       {QStringLiteral("perConsumerRate"), perConsumerRate},
                       {QStringLiteral("rateAssumed"), rateAssumed},
                       {QStringLiteral("targetSeconds"), targetSeconds},
                       {QStringLiteral("proposedPartitions"), proposedPartitions},
                       {QStringLiteral("targetPartitions"), targetPartitions},
                       {QStringLiteral("targetExists"), targetExists},
                       {QStringLiteral("follow"), follow},
                       {QStringLiteral("nextGroup"), nextGroup()},
                       {QStringLiteral("guard"), guardError},
                       {QStringLiteral("partitions"), parts}};
}

Result<QList<QPair<QString, QString>>> relayProperties(ClusterApi &api, const QString &what)
{
    if (auto *ro = dynamic_cast<ReadOnlyClusterApi *>(&api)) {
        Q_UNUSED(ro)
        return KafkaError::make(QStringLiteral("READ_ONLY"),
                                QStringLiteral("This connection is read-only: %1 is refused. Nothing was changed.").arg(what));
    }
    RdKafkaClusterApi *client = api.streamingClient();
    if (!client)
        return KafkaError::make(QStringLiteral("_NOT_IMPLEMENTED"),
                                QStringLiteral("%1 needs a librdkafka connection to the cluster.").arg(what));
    return client->properties();
}

Result<DrainPlan> DrainService::plan(ClusterApi &api, const DrainRequest &request, HistoryStore *history)
{
    QStringList topics;
    for (const QString &t : request.topics)
        if (!t.trimmed().isEmpty() && !topics.contains(t.trimmed()))
            topics << t.trimmed();
    if (request.group.isEmpty() || topics.isEmpty() || request.target.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QStringLiteral("A drain needs a group, one or more of its topics and a target topic."));
    if (topics.contains(request.target))
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QStringLiteral("The target must be another topic than '%1'.").arg(request.target));
    DrainPlan plan;
    plan.group = request.group;
    plan.topics = topics;
    plan.target = request.target;
    plan.targetSeconds = request.targetSeconds;
    plan.follow = request.follow;

    auto md = api.topicMetadata(topics + QStringList{request.target});
    if (!md)
        return md.error();
    QHash<QString, int> sourcePartitions;
    for (const TopicInfo &t : md.value().topics) {
        if (topics.contains(t.name) && t.errorCode.isEmpty())
            sourcePartitions.insert(t.name, int(t.partitions.size()));
        if (t.name == request.target && t.errorCode.isEmpty() && !t.partitions.isEmpty()) {
            plan.targetExists = true;
            plan.targetPartitions = int(t.partitions.size());
        }
    }
    QStringList missing;
    int widest = 0;
    QList<TopicPartition> tps;
    for (const QString &t : topics) {
        const int n = sourcePartitions.value(t);
        if (n == 0)
            missing << t;
        widest = std::max(widest, n);
        for (int p = 0; p < n; ++p)
            tps.append({t, p});
    }
    if (!missing.isEmpty())
        return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                missing.size() == 1 ? QStringLiteral("Topic '%1' does not exist.").arg(missing.first())
                                                    : QStringLiteral("Topics %1 do not exist.").arg(missing.join(QStringLiteral(", "))));
    auto committed = api.committedOffsetsFor(request.group, tps);
    if (!committed)
        return committed.error();
    auto marks = api.watermarks(tps);
    if (!marks)
        return marks.error();
    QHash<TopicPartition, qint64> committedOf;
    for (const PartitionOffset &o : committed.value())
        committedOf.insert(o.tp(), o.offset);
    QHash<TopicPartition, PartitionWatermarks> marksOf;
    for (const PartitionWatermarks &w : marks.value())
        marksOf.insert(w.tp(), w);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int withRate = 0;
    for (const TopicPartition &tp : std::as_const(tps)) {
        DrainPartition dp;
        dp.topic = tp.topic;
        dp.partition = tp.partition;
        dp.committed = committedOf.value(tp, -1);
        dp.logStart = marksOf.value(tp).low;
        dp.logEnd = marksOf.value(tp).high;
        dp.backlog = std::max<qint64>(0, dp.logEnd - std::max(dp.committed, dp.logStart));
        if (history && !request.cluster.isEmpty()) {
            QList<QPair<qint64, qint64>> points;
            // Sampled and reconstructed from the commit log alike: a group watched only lately
            // still shows how fast it consumed before.
            for (const HistoryPoint &h :
                 history->partitionPoints(request.cluster, request.group, tp, now - 86'400'000, now))
                if (h.obs.committed >= 0)
                    points.append({h.obs.atMs, h.obs.committed});
            dp.consumeRate = consumeRateFrom(points);
        }
        if (dp.consumeRate && *dp.consumeRate > 0) {
            plan.consumeRate += *dp.consumeRate;
            ++withRate;
        }
        plan.backlog += dp.backlog;
        plan.partitions.append(dp);
    }
    const int sourcePartitionCount = widest;
    if (withRate > 0) {
        plan.perConsumerRate = plan.consumeRate / withRate;
    } else {
        plan.perConsumerRate = DrainPlan::kAssumedRate;
        plan.rateAssumed = true;
    }
    plan.proposedPartitions = proposePartitionCount(plan.backlog, plan.perConsumerRate, plan.targetSeconds, sourcePartitionCount);
    if (!plan.targetExists)
        plan.targetPartitions = request.partitions > 0 ? request.partitions : plan.proposedPartitions;

    if (auto guard = checkGroupInactive(api, request.group); !guard) {
        plan.guardError = guard.error().message;
        plan.guardDetails = guard.error().details;
    }
    return plan;
}

Status DrainService::createTarget(ClusterApi &api, const DrainPlan &plan)
{
    if (plan.targetExists)
        return Done{};
    NewTopic topic;
    topic.name = plan.target;
    topic.partitions = plan.targetPartitions;
    if (auto created = api.createTopic(topic); !created)
        return created;
    for (int i = 0; i < 50; ++i) { // the cluster lists a new topic after a moment
        auto md = api.topicMetadata({plan.target});
        if (md && !md.value().topics.isEmpty() && md.value().topics.first().errorCode.isEmpty()
            && md.value().topics.first().partitions.size() == plan.targetPartitions)
            return Done{};
        QThread::msleep(200);
    }
    return KafkaError::make(QStringLiteral("_TIMED_OUT"),
                            QStringLiteral("Topic '%1' was created but the cluster does not list it yet.").arg(plan.target));
}

Result<RelayProgress> DrainService::run(ClusterApi &api, const DrainPlan &plan, RelayJournal &journal,
                                        const QString &connection, TransactionalRelay::Control *control,
                                        const TransactionalRelay::ProgressFn &progress,
                                        const std::function<void(TransactionalRelay &)> &configure)
{
    auto props = relayProperties(api, QStringLiteral("draining"));
    if (!props)
        return props.error();
    if (auto guard = checkGroupInactive(api, plan.group); !guard)
        return guard.error();
    auto md = api.topicMetadata({plan.target});
    if (!md)
        return md.error();
    if (md.value().topics.isEmpty() || !md.value().topics.first().errorCode.isEmpty()
        || md.value().topics.first().partitions.isEmpty())
        return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                QStringLiteral("The target topic '%1' does not exist; create it first.").arg(plan.target));
    const int targetPartitions = int(md.value().topics.first().partitions.size());

    TransactionalRelay::Options options;
    options.properties = props.value();
    options.groupId = plan.group;
    options.transactionalId = plan.transactionalId();
    options.originHeader = QStringLiteral("kops-drained-from");
    options.maxRecordsPerTransaction = 50000; // fewer commits: a drain is about throughput
    options.maxTransactionMs = 1000;
    QList<TopicPartition> tps;
    for (const DrainPartition &p : plan.partitions)
        tps.append({p.topic, p.partition});
    // Up to the log end seen now (not the plan's, which may be minutes old).
    auto ends = api.watermarks(tps);
    if (!ends)
        return ends.error();
    for (const PartitionWatermarks &w : ends.value())
        options.sources.append({w.topic, w.partition, plan.follow ? -1 : w.high});

    QJsonObject spec = plan.toJson();
    spec.insert(QStringLiteral("targetPartitions"), targetPartitions);
    auto job = journal.create(QStringLiteral("drain"), options.transactionalId, connection, spec);
    if (!job)
        return job.error();
    RelayJob record = job.value();
    QHash<TopicPartition, qint64> starts;
    qint64 lastRangesMs = 0;
    auto saveRanges = [&](const RelayProgress &p) {
        QList<RelayRange> ranges;
        for (auto it = p.positions.cbegin(); it != p.positions.cend(); ++it) {
            if (!starts.contains(it.key()))
                starts.insert(it.key(), it.value());
            ranges.append({it.key().topic, it.key().partition, starts.value(it.key()), it.value()});
        }
        journal.setRanges(record.id, ranges);
        record.consumed = p.consumed;
        record.produced = p.produced;
        journal.update(record);
    };

    DrainRouter router(plan.target, targetPartitions);
    TransactionalRelay relay(options, router, journal);
    if (configure)
        configure(relay);
    auto result = relay.run(control, [&](const RelayProgress &p) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (starts.isEmpty() || now - lastRangesMs > 2000) {
            saveRanges(p);
            lastRangesMs = now;
        }
        if (progress)
            progress(p);
    });
    record.finishedMs = QDateTime::currentMSecsSinceEpoch();
    if (result) {
        saveRanges(result.value());
        record.state = control && control->cancel.load() ? QStringLiteral("stopped") : QStringLiteral("done");
    } else {
        record.state = QStringLiteral("failed");
        record.detail = result.error().toString();
    }
    journal.update(record);
    return result;
}

} // namespace kops
