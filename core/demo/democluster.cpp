#include "democluster.h"

#include <QCoreApplication>
#include "demoaudit.h"
#include "demotools.h"
#include "processtuning.h"

#include "democlusterapi.h"
#include "demorecords.h"
#include "historystore.h"
#include "lag/groupcommitlog.h"
#include "lag/lagreconstruction.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace kops::demo {

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
constexpr qint64 kHistoryStepMs = 5 * 60 * 1000LL;
/// How long before start the demo's history has watched audit-archiver (the rest is reconstructed).
constexpr qint64 kAuditWatchedMs = 50 * 60 * 1000LL;
/// The demo groups commit once a minute in their commit log.
constexpr qint64 kCommitEveryMs = 60 * 1000LL;

rd_kafka_conf_t *clientConf(const QString &bootstrap, const QList<QPair<const char *, QString>> &extra)
{
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    for (const auto &[key, value] : extra)
        rd_kafka_conf_set(conf, key, value.toUtf8().constData(), errstr, sizeof errstr);
    return conf;
}

/// Commits offsets for a group in one request (the mock handles OffsetCommit).
void commitOffsets(const QString &bootstrap, const QString &group, const QHash<TopicPartition, qint64> &offsets)
{
    char errstr[256];
    rd_kafka_conf_t *conf = clientConf(bootstrap, {{"group.id", group}, {"enable.auto.commit", QStringLiteral("false")}});
    rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    if (!c)
        return;
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(offsets.size()));
    for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
        rd_kafka_topic_partition_list_add(list, it.key().topic.toUtf8().constData(), it.key().partition)->offset = it.value();
    if (const rd_kafka_resp_err_t err = rd_kafka_commit(c, list, 0))
        spdlog::warn("demo: initial commit of {} failed: {}", group.toStdString(), rd_kafka_err2str(err));
    rd_kafka_topic_partition_list_destroy(list);
    rd_kafka_consumer_close(c);
    rd_kafka_destroy(c);
}

/// Offsets of the records with timestamp <= t in one seeded partition.
qint64 countUpTo(const QList<qint64> &timestamps, qint64 t)
{
    return std::upper_bound(timestamps.cbegin(), timestamps.cend(), t) - timestamps.cbegin();
}

} // namespace

/// Everything the traffic thread alone touches: the producer, the consumers, the clock.
struct DemoCluster::Traffic
{
    rd_kafka_t *producer = nullptr;
    QHash<QString, rd_kafka_t *> consumers;
    RecordFactory records{20261128};
    HalfSpeedConsumer shipping;
    bool rewound = false;
    qint64 tick = 0;
};

DemoCluster::DemoCluster(Options options) : m_options(options) {}

QString DemoCluster::name()
{
    return QStringLiteral("Demo (simulated, in this process)");
}

QString DemoCluster::historyPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-history.sqlite");
}

QString DemoCluster::alertsPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-alerts.sqlite");
}

QString DemoCluster::profilesPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-profiles");
}

Result<std::shared_ptr<DemoCluster>> DemoCluster::start(Options options)
{
    std::shared_ptr<DemoCluster> demo(new DemoCluster(options));
    if (const Status built = demo->build(); !built.ok())
        return built.error();
    demo->m_thread = std::thread([d = demo.get()] { d->run(); });
    // Ready when the groups that run have their consumers (a first sample sees them Stable).
    std::unique_lock lock(demo->m_mutex);
    demo->m_applied.wait_for(lock, std::chrono::seconds(10), [d = demo.get()] {
        for (auto it = d->m_wanted.cbegin(); it != d->m_wanted.cend(); ++it)
            if (d->m_groups.value(it.key()).running != it.value())
                return false;
        return true;
    });
    return demo;
}

Status DemoCluster::build()
{
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    m_startedAtMs = t0;
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
    m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!m_rk)
        return KafkaError::make(QStringLiteral("DEMO"), QStringLiteral("Cannot start the demo cluster: %1").arg(QString::fromUtf8(errstr)));
    m_mcluster = rd_kafka_mock_cluster_new(m_rk, 3);
    if (!m_mcluster)
        return KafkaError::make(QStringLiteral("DEMO"), QStringLiteral("Cannot start the demo cluster's brokers."));
    m_bootstrap = QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_mcluster));
    const qint64 brokersAt = QDateTime::currentMSecsSinceEpoch();

    for (const auto &[topic, partitions] : demoTopics() + toolsDemoTopics() + auditDemoTopics())
        m_topicPartitions.insert(topic, partitions);
    // The mock's thread can take up to a second to pick up the first topic creation: create
    // them and connect the producer meanwhile the day's records are made.
    m_traffic = std::make_unique<Traffic>();
    m_traffic->producer = rd_kafka_new(RD_KAFKA_PRODUCER,
                                       clientConf(m_bootstrap, {{"linger.ms", QStringLiteral("5")},
                                                                {"socket.nagle.disable", QStringLiteral("true")},
                                                                {"client.id", QStringLiteral("demo-producers")}}),
                                       errstr, sizeof errstr);
    if (!m_traffic->producer)
        return KafkaError::make(QStringLiteral("DEMO"), QString::fromUtf8(errstr));
    {
        // The misconfiguration the Profiles page's live cross-check finds (demoprofiles.h).
        std::lock_guard lock(m_mutex);
        m_topicConfigs[QStringLiteral("payments")].insert(QStringLiteral("min.insync.replicas"), QStringLiteral("1"));
    }
    std::thread creator([this] {
        for (const auto &[topic, partitions] : demoTopics() + toolsDemoTopics() + auditDemoTopics())
            rd_kafka_mock_topic_create(m_mcluster, topic.toUtf8().constData(), partitions, 3);
        // Topic metadata before the first record, so none waits for a refresh.
        const rd_kafka_metadata_t *md = nullptr;
        if (rd_kafka_metadata(m_traffic->producer, 1, nullptr, &md, 5000) == RD_KAFKA_RESP_ERR_NO_ERROR)
            rd_kafka_metadata_destroy(md);
    });
    qsizetype seededCount = 0;
    {
        SeededRecords seeded = m_traffic->records.seedDay(t0, m_topicPartitions);
        const qint64 madeAt = QDateTime::currentMSecsSinceEpoch();
        creator.join();
        const qint64 topicsAt = QDateTime::currentMSecsSinceEpoch();
        for (const OutgoingRecord &r : std::as_const(seeded.records))
            produceRecord(m_traffic->producer, r);
        for (const OutgoingRecord &r : toolsDemoRecords(t0))
            produceRecord(m_traffic->producer, r);
        for (const OutgoingRecord &r : auditDemoRecords(t0))
            produceRecord(m_traffic->producer, r);
        const qint64 queuedAt = QDateTime::currentMSecsSinceEpoch();
        rd_kafka_flush(m_traffic->producer, 30000);
        spdlog::debug("demo: brokers {} ms, records made {} ms, then topics {} ms, queued {} ms, flushed {} ms",
                     brokersAt - t0, madeAt - brokersAt, topicsAt - madeAt, queuedAt - topicsAt,
                     QDateTime::currentMSecsSinceEpoch() - queuedAt);
        m_seededTimestamps = std::move(seeded.timestamps);
        seededCount = seeded.records.size();
    }

    const qint64 producedAt = QDateTime::currentMSecsSinceEpoch();
    // Where each group stands now, committed before its consumer starts.
    m_groupDelayMs = {{QStringLiteral("billing-service"), 20'000}, {QStringLiteral("fraud-scoring"), 10'000}};
    std::vector<std::thread> committers; // together: each may wait for its coordinator
    for (const auto &[group, topics] : demoGroups()) {
        DemoGroup g;
        g.groupId = group;
        g.topics = topics;
        m_groups.insert(group, g);
        m_wanted.insert(group, group != QLatin1String("audit-archiver"));
        QHash<TopicPartition, qint64> offsets;
        for (const TopicPartition &tp : partitionsOf(group))
            offsets.insert(tp, seededCommitted(group, tp, t0));
        committers.emplace_back([bootstrap = m_bootstrap, group, offsets] { commitOffsets(bootstrap, group, offsets); });
    }
    for (std::thread &t : committers)
        t.join();
    // The day of records was built, copied into librdkafka and sent: give that memory back.
    releaseFreeMemory();
    spdlog::info("demo cluster at {} seeded {} records in {} ms, committed its groups' offsets in {} ms",
                 m_bootstrap.toStdString(), seededCount, producedAt - t0, QDateTime::currentMSecsSinceEpoch() - producedAt);
    return Done{};
}

DemoCluster::~DemoCluster()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    if (m_traffic) {
        for (rd_kafka_t *c : std::as_const(m_traffic->consumers)) {
            rd_kafka_consumer_close(c);
            rd_kafka_destroy(c);
        }
        if (m_traffic->producer) {
            rd_kafka_flush(m_traffic->producer, 2000);
            rd_kafka_destroy(m_traffic->producer);
        }
    }
    if (m_mcluster)
        rd_kafka_mock_cluster_destroy(m_mcluster);
    if (m_rk)
        rd_kafka_destroy(m_rk);
}

QString DemoCluster::bootstrapServers() const
{
    return m_bootstrap;
}

QList<QPair<QString, QString>> DemoCluster::clientProperties() const
{
    return {{QStringLiteral("bootstrap.servers"), m_bootstrap}};
}

QStringList DemoCluster::groupIds() const
{
    std::lock_guard lock(m_mutex);
    QStringList ids = m_groups.keys();
    ids.sort();
    return ids;
}

std::optional<DemoGroup> DemoCluster::group(const QString &groupId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_groups.constFind(groupId);
    if (it == m_groups.cend())
        return std::nullopt;
    return *it;
}

QList<TopicPartition> DemoCluster::groupPartitions(const QString &groupId) const
{
    std::lock_guard lock(m_mutex);
    return partitionsOf(groupId);
}

QList<TopicPartition> DemoCluster::partitionsOf(const QString &groupId) const
{
    QList<TopicPartition> out;
    const auto it = m_groups.constFind(groupId);
    if (it == m_groups.cend())
        return out;
    for (const QString &topic : it->topics)
        for (int p = 0; p < m_topicPartitions.value(topic); ++p)
            out.append({topic, p});
    return out;
}

void DemoCluster::setGroupRunning(const QString &groupId, bool running)
{
    std::unique_lock lock(m_mutex);
    if (!m_groups.contains(groupId))
        return;
    m_wanted[groupId] = running;
    m_wake.notify_all();
    m_applied.wait_for(lock, std::chrono::seconds(15),
                       [&] { return m_stop || m_groups.value(groupId).running == running; });
}

Status DemoCluster::createTopic(const NewTopic &topic)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_topicPartitions.contains(topic.name))
            return KafkaError::make(QStringLiteral("TOPIC_ALREADY_EXISTS"),
                                    QStringLiteral("Topic '%1' already exists.").arg(topic.name));
    }
    const int rf = topic.replicationFactor < 0 ? 3 : topic.replicationFactor;
    const rd_kafka_resp_err_t err =
        rd_kafka_mock_topic_create(m_mcluster, topic.name.toUtf8().constData(), std::max(1, topic.partitions), rf);
    if (err)
        return KafkaError::make(QString::fromUtf8(rd_kafka_err2name(err)), QString::fromUtf8(rd_kafka_err2str(err)));
    std::lock_guard lock(m_mutex);
    m_topicPartitions.insert(topic.name, std::max(1, topic.partitions));
    for (auto it = topic.configs.cbegin(); it != topic.configs.cend(); ++it)
        m_topicConfigs[topic.name].insert(it.key(), it.value());
    return Done{};
}

void DemoCluster::injectProduceFailures(bool lostAcknowledgements)
{
    constexpr int16_t kProduce = 0;
    const rd_kafka_resp_err_t ok = RD_KAFKA_RESP_ERR_NO_ERROR;
    const rd_kafka_resp_err_t refused = RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS;
    // Few enough that the lab's own first requests use them up (the mock cannot clear a
    // broker's list). A refused request lets the batches in flight behind it through first;
    // an answer 3 s late (beyond the preset's 1 s request timeout) makes the client send a
    // batch the broker has written.
    const int late = lostAcknowledgements ? 3000 : 0;
    for (int broker = 1; broker <= 3; ++broker)
        rd_kafka_mock_broker_push_request_error_rtts(m_mcluster, broker, kProduce, 8, ok, 0, refused, 0, ok, 0, ok, late, ok, 0,
                                                     refused, 0, ok, 0, ok, late);
}

QList<ConfigResource> DemoCluster::configs(ConfigResourceType type, const QStringList &names) const
{
    std::lock_guard lock(m_mutex);
    QList<ConfigResource> out;
    for (const QString &name : names) {
        ConfigResource r;
        r.type = type;
        r.name = name;
        if (type == ConfigResourceType::Topic && !m_topicPartitions.contains(name)) {
            r.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            r.errorMessage = QStringLiteral("Topic '%1' does not exist.").arg(name);
        } else {
            r.entries = type == ConfigResourceType::Topic ? topicConfigEntries(m_topicConfigs.value(name))
                                                          : brokerConfigEntries(name);
        }
        out.append(r);
    }
    return out;
}

Status DemoCluster::seedHistory(const QString &historyPath) const
{
    QDir().mkpath(QFileInfo(historyPath).absolutePath());
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(historyPath + QLatin1String(suffix));
    HistoryStore store(historyPath);
    if (const Status opened = store.open(); !opened.ok())
        return opened;
    const qint64 now = m_startedAtMs;
    const qint64 auditStoppedAt = now - 3600'000;
    for (qint64 at = now - kDayMs + kHistoryStepMs; at < now; at += kHistoryStepMs) {
        RawLagSample sample;
        sample.atMs = at;
        for (const auto &entry : demoGroups()) {
            const QString &groupId = entry.first;
            // audit-archiver as if the console first saw it 50 minutes before start: its past
            // before that comes from its commit log (lag reconstruction, commitLog()).
            if (groupId == QLatin1String("audit-archiver") && at < now - kAuditWatchedMs)
                continue;
            const bool running = groupId != QLatin1String("audit-archiver") || at < auditStoppedAt;
            RawGroupSample g;
            g.groupId = groupId;
            g.state = running ? QStringLiteral("Stable") : QStringLiteral("Empty");
            g.memberCount = running ? 1 : 0;
            for (const TopicPartition &tp : groupPartitions(groupId)) {
                const QList<qint64> ts = m_seededTimestamps.value(tp);
                RawPartitionSample p;
                p.topic = tp.topic;
                p.partition = tp.partition;
                p.logStart = 0;
                p.logEnd = countUpTo(ts, at);
                p.committed = seededCommitted(groupId, tp, at);
                if (p.committed < p.logEnd)
                    p.committedRecordTimestampMs = ts.at(p.committed);
                if (running) {
                    p.clientId = groupId + QStringLiteral("-1");
                    p.host = QStringLiteral("/127.0.0.1");
                }
                g.partitions.append(p);
            }
            sample.groups.append(g);
        }
        if (const Status recorded = store.record(name(), sample); !recorded.ok())
            return recorded;
    }
    // audit-archiver before that: reconstructed from its commit log by LagReconstructor::build
    // as on a cluster, with offsets for times from the seeded stamps (opening it on a chart of
    // more than 50 minutes reconstructs again, finer, from the demo's ClusterApi).
    const QString audit = QStringLiteral("audit-archiver");
    LagReconstructor::Options options;
    options.stepMs = kHistoryStepMs;
    const qint64 from = now - kDayMs + kHistoryStepMs;
    const qint64 to = now - kAuditWatchedMs - 1;
    QHash<TopicPartition, PartitionWatermarks> marks;
    for (const TopicPartition &tp : groupPartitions(audit)) {
        PartitionWatermarks w;
        w.topic = tp.topic;
        w.partition = tp.partition;
        w.low = 0;
        w.high = m_seededTimestamps.value(tp).size();
        marks.insert(tp, w);
    }
    QList<QHash<TopicPartition, qint64>> answers;
    for (const qint64 t : LagReconstructor::stepTimes(from, to, options.stepMs)) {
        QHash<TopicPartition, qint64> at;
        for (auto it = marks.cbegin(); it != marks.cend(); ++it)
            at.insert(it.key(), seededOffsetForTime(it.key(), t + 1).value_or(-1));
        answers.append(at);
    }
    const LagReconstruction past = LagReconstructor::build(commitLog(audit), from, to, options, marks, {}, answers);
    if (auto stored = store.recordReconstructed(name(), past); !stored)
        return stored.error();
    return Done{};
}

std::optional<qint64> DemoCluster::seededOffsetForTime(const TopicPartition &tp, qint64 t) const
{
    const auto it = m_seededTimestamps.constFind(tp);
    if (it == m_seededTimestamps.cend() || t > m_startedAtMs)
        return std::nullopt;
    return std::lower_bound(it->cbegin(), it->cend(), t) - it->cbegin();
}

GroupCommitLog DemoCluster::commitLog(const QString &groupId) const
{
    GroupCommitLog log;
    log.group = groupId;
    log.readAtMs = QDateTime::currentMSecsSinceEpoch();
    const QList<TopicPartition> partitions = groupPartitions(groupId);
    if (partitions.isEmpty())
        return log;
    const qint64 auditStoppedAt = m_startedAtMs - 3600'000;
    const bool audit = groupId == QLatin1String("audit-archiver");
    const qint64 last = audit ? auditStoppedAt : m_startedAtMs;
    GroupAssignment owned;
    owned.atMs = m_startedAtMs - kDayMs;
    for (const TopicPartition &tp : partitions)
        owned.owners.insert(tp, QCoreApplication::translate("kops::Lag", "member %1 on %2")
                                    .arg(groupId + QStringLiteral("-1"), QStringLiteral("/127.0.0.1")));
    log.assignments.append(owned);
    if (audit)
        log.assignments.append(GroupAssignment{auditStoppedAt, {}}); // its member left when it stopped
    for (qint64 at = m_startedAtMs - kDayMs; at <= last; at += kCommitEveryMs)
        for (const TopicPartition &tp : partitions)
            log.commits.append(GroupCommit{tp, at, seededCommitted(groupId, tp, at), -1});
    return log;
}

qint64 DemoCluster::seededCommitted(const QString &group, const TopicPartition &tp, qint64 at) const
{
    const QList<qint64> &ts = m_seededTimestamps[tp];
    if (group == QLatin1String("audit-archiver")) {
        const qint64 stoppedAt = m_startedAtMs - 3600'000; // kept up until it stopped
        return countUpTo(ts, std::min(at, stoppedAt) - 60'000);
    }
    if (group != QLatin1String("shipping-service"))
        return countUpTo(ts, at - m_groupDelayMs.value(group));
    // Kept a couple of minutes behind until three hours ago; since then it processes half of
    // what arrives on each partition, as its live consumer does: lag grows on every partition.
    const auto delayAt = [this](qint64 t) {
        return qint64(60'000 * (2.5 + 1.5 * std::sin(double(m_startedAtMs - t) / 3600'000.0)));
    };
    const qint64 fellBehindAt = m_startedAtMs - 3 * 3600'000;
    if (at <= fellBehindAt)
        return countUpTo(ts, at - delayAt(at));
    const qint64 base = countUpTo(ts, fellBehindAt - delayAt(fellBehindAt));
    const qint64 arrivedBefore = countUpTo(ts, fellBehindAt);
    return base + (countUpTo(ts, at) - arrivedBefore) / 2;
}

void DemoCluster::run()
{
    Traffic &t = *m_traffic;
    char errstr[256];
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        // Start and stop consumers as asked; the caller waits for m_applied.
        for (auto it = m_wanted.cbegin(); it != m_wanted.cend(); ++it) {
            DemoGroup &g = m_groups[it.key()];
            if (g.running == it.value())
                continue;
            const QString groupId = it.key();
            if (it.value()) {
                g.clientId = groupId + QStringLiteral("-1");
                g.memberId = g.clientId + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
                g.host = QStringLiteral("/127.0.0.1");
                g.assignment = partitionsOf(groupId);
                rd_kafka_conf_t *conf = clientConf(m_bootstrap, {{"group.id", groupId},
                                                                 {"client.id", g.clientId},
                                                                 {"enable.auto.commit", QStringLiteral("false")},
                                                                 {"auto.offset.reset", QStringLiteral("earliest")},
                                                                 {"queued.max.messages.kbytes", QStringLiteral("512")},
                                                                 {"fetch.wait.max.ms", QStringLiteral("500")}});
                rd_kafka_t *c = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
                if (!c) {
                    spdlog::warn("demo: cannot start consumer of {}: {}", groupId.toStdString(), errstr);
                    continue;
                }
                rd_kafka_poll_set_consumer(c);
                rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(g.assignment.size()));
                for (const TopicPartition &tp : std::as_const(g.assignment))
                    rd_kafka_topic_partition_list_add(list, tp.topic.toUtf8().constData(), tp.partition)->offset =
                        RD_KAFKA_OFFSET_INVALID; // from the committed offset
                rd_kafka_assign(c, list);
                rd_kafka_topic_partition_list_destroy(list);
                t.consumers.insert(groupId, c);
                if (groupId == QLatin1String("shipping-service"))
                    t.shipping.reset();
            } else if (rd_kafka_t *c = t.consumers.take(groupId)) {
                rd_kafka_consumer_close(c);
                rd_kafka_destroy(c);
                g.memberId.clear();
                g.clientId.clear();
                g.host.clear();
                g.assignment.clear();
            }
            g.running = it.value();
        }
        m_applied.notify_all();
        lock.unlock();

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const double secs = double(now - m_startedAtMs) / 1000.0;
        const QHash<QString, int> produced = t.records.produceLive(t.producer, now, secs, m_topicPartitions, ++t.tick);
        rd_kafka_poll(t.producer, 0);

        lock.lock();
        const QHash<QString, rd_kafka_t *> consumers = t.consumers;
        lock.unlock();
        for (auto it = consumers.cbegin(); it != consumers.cend(); ++it) {
            if (it.key() == QLatin1String("shipping-service"))
                t.shipping.consume(it.value()); // half of what arrives: its lag keeps growing
            else
                consume(it.value(), 200);
            if (it.key() == QLatin1String("fraud-scoring") && !t.rewound && m_options.rewindAfterSecs > 0
                && secs >= m_options.rewindAfterSecs) {
                rewind(it.value(), 150);
                t.rewound = true;
            }
        }
        Q_UNUSED(produced);

        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(m_options.tickMs), [this] {
            if (m_stop)
                return true;
            for (auto it = m_wanted.cbegin(); it != m_wanted.cend(); ++it)
                if (m_groups.value(it.key()).running != it.value())
                    return true;
            return false;
        });
    }
}

ClusterApiFactory DemoCluster::apiFactory(const std::shared_ptr<DemoCluster> &demo)
{
    return [demo] { return std::unique_ptr<ClusterApi>(std::make_unique<DemoClusterApi>(demo)); };
}

} // namespace kops::demo
