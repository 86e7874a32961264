#include "fakeclusterapi.h"

#include <QSet>

#include "forwardingclusterapi.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QCoreApplication>
#include <QThread>

#include <algorithm>

namespace kops::test {

namespace {

/// Forwards to a shared fake so that several owners (unique_ptr) can use one cluster.
class SharedFakeApi final : public ForwardingClusterApi
{
public:
    explicit SharedFakeApi(std::shared_ptr<FakeClusterApi> fake) : ForwardingClusterApi(*fake), m_fake(std::move(fake)) {}

private:
    std::shared_ptr<FakeClusterApi> m_fake;
};

PartitionOffset offsetError(const QString &topic, int partition, const QString &code, const QString &message)
{
    PartitionOffset po;
    po.topic = topic;
    po.partition = partition;
    po.errorCode = code;
    po.errorMessage = message;
    return po;
}

} // namespace

ClusterApiFactory sharedFactory(std::shared_ptr<FakeClusterApi> fake)
{
    return [fake] { return std::unique_ptr<ClusterApi>(std::make_unique<SharedFakeApi>(fake)); };
}

FakeClusterApi::FakeClusterApi() = default;

void FakeClusterApi::addTopic(const QString &name, int partitions, int replicationFactor)
{
    QMutexLocker lock(&m_mutex);
    m_topics[name] = QList<Partition>(partitions);
    m_replication[name] = replicationFactor;
}

qint64 FakeClusterApi::append(const QString &topic, int partition, qint64 timestampMs, const QByteArray &value,
                              const std::optional<QByteArray> &key, const QList<RecordHeader> &headers)
{
    QMutexLocker lock(&m_mutex);
    Partition &p = m_topics[topic][partition];
    ConsumedRecord r;
    r.topic = topic;
    r.partition = partition;
    r.offset = p.logEnd();
    r.timestampMs = timestampMs;
    r.timestampType = 1;
    r.key = key;
    r.value = value;
    r.headers = headers;
    p.records.append(r);
    return r.offset;
}

void FakeClusterApi::setLogStart(const QString &topic, int partition, qint64 logStart)
{
    QMutexLocker lock(&m_mutex);
    Partition &p = m_topics[topic][partition];
    while (p.logStart < logStart && !p.records.isEmpty()) {
        p.records.removeFirst();
        ++p.logStart;
    }
    if (p.records.isEmpty())
        p.logStart = std::max(p.logStart, logStart);
}

void FakeClusterApi::setGroup(const QString &groupId, const Group &group)
{
    QMutexLocker lock(&m_mutex);
    m_groups[groupId] = group;
}

FakeClusterApi::Group FakeClusterApi::group(const QString &groupId) const
{
    QMutexLocker lock(&m_mutex);
    return m_groups.value(groupId);
}

void FakeClusterApi::setTopicConfig(const QString &topic, const QString &key, const QString &value)
{
    QMutexLocker lock(&m_mutex);
    m_topicConfigs[topic][key] = value;
}

void FakeClusterApi::removeGroup(const QString &groupId)
{
    QMutexLocker lock(&m_mutex);
    m_groups.remove(groupId);
}

void FakeClusterApi::setDown(bool down)
{
    QMutexLocker lock(&m_mutex);
    m_down = down;
}

void FakeClusterApi::setBlocking(bool blocking)
{
    QMutexLocker lock(&m_gateMutex);
    m_blocking = blocking;
    m_gateChanged.wakeAll();
}

int FakeClusterApi::blockedCalls() const
{
    QMutexLocker lock(&m_gateMutex);
    return m_blockedCalls;
}

int FakeClusterApi::callsMade() const
{
    return m_calls.load();
}

int FakeClusterApi::guiThreadCallsWhileBlocking() const
{
    QMutexLocker lock(&m_gateMutex);
    return m_guiThreadCalls;
}

void FakeClusterApi::hangWhileBlocked()
{
    ++m_calls;
    QMutexLocker lock(&m_gateMutex);
    if (!m_blocking)
        return;
    // A call from the GUI thread would freeze the test itself: count it (a failure for the
    // test to report) and answer instead of hanging.
    if (QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread()) {
        ++m_guiThreadCalls;
        return;
    }
    ++m_blockedCalls;
    while (m_blocking)
        m_gateChanged.wait(&m_gateMutex);
    --m_blockedCalls;
}

int FakeClusterApi::alterCalls() const
{
    QMutexLocker lock(&m_mutex);
    return m_alterCalls;
}

KafkaError FakeClusterApi::downError() const
{
    return KafkaError::make(QStringLiteral("_TRANSPORT"), QStringLiteral("cannot reach fake:9092."));
}

Result<ClusterMetadata> FakeClusterApi::metadata()
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    ClusterMetadata md;
    md.clusterId = QStringLiteral("fake-cluster");
    md.controllerId = 1;
    md.brokers = {{1, QStringLiteral("fake"), 9092, QStringLiteral("rack-a")}};
    for (auto it = m_topics.cbegin(); it != m_topics.cend(); ++it) {
        TopicInfo t;
        t.name = it.key();
        t.internal = t.name.startsWith(QLatin1String("__"));
        const int rf = m_replication.value(it.key(), 1);
        for (int p = 0; p < it.value().size(); ++p) {
            PartitionInfo pi;
            pi.partition = p;
            pi.leader = 1;
            for (int r = 0; r < rf; ++r)
                pi.replicas << 1 + r;
            pi.isr = pi.replicas;
            t.partitions.append(pi);
        }
        md.topics.append(t);
    }
    return md;
}

Result<ClusterMetadata> FakeClusterApi::topicMetadata(const QStringList &topics)
{
    auto all = metadata();
    if (!all)
        return all;
    ClusterMetadata md = all.value();
    md.topics.clear();
    for (const QString &name : topics) {
        if (const TopicInfo *t = all.value().topic(name)) {
            md.topics.append(*t);
        } else {
            TopicInfo missing;
            missing.name = name;
            missing.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            md.topics.append(missing);
        }
    }
    return md;
}

Result<QList<GroupListing>> FakeClusterApi::listGroups()
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    QList<GroupListing> out;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        out.append({it.key(), it.value().state, QStringLiteral("consumer")});
    return out;
}

Result<QList<GroupDescription>> FakeClusterApi::describeGroups(const QStringList &groupIds)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    // As librdkafka: a name listed twice fails the whole request.
    if (QSet<QString>(groupIds.cbegin(), groupIds.cend()).size() != groupIds.size())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QStringLiteral("Describing consumer groups failed: An argument was rejected by the "
                                               "Kafka client. (Duplicate groups not allowed)"));
    QList<GroupDescription> out;
    for (const QString &id : groupIds) {
        GroupDescription d;
        d.groupId = id;
        if (!m_groups.contains(id)) {
            d.state = QStringLiteral("Dead");
        } else {
            d.state = m_groups.value(id).state;
            d.members = m_groups.value(id).members;
            d.assignor = QStringLiteral("range");
            d.coordinatorId = 1;
        }
        out.append(d);
    }
    return out;
}

Result<QHash<QString, QList<PartitionOffset>>> FakeClusterApi::committedOffsets(const QStringList &groupIds)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    QHash<QString, QList<PartitionOffset>> out;
    for (const QString &id : groupIds) {
        QList<PartitionOffset> list;
        const auto committed = m_groups.value(id).committed;
        for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
            PartitionOffset po;
            po.topic = it.key().topic;
            po.partition = it.key().partition;
            po.offset = it.value();
            list.append(po);
        }
        out.insert(id, list);
    }
    return out;
}

Result<QList<PartitionOffset>> FakeClusterApi::committedOffsetsFor(const QString &groupId,
                                                                   const QList<TopicPartition> &partitions)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    if (QSet<TopicPartition>(partitions.cbegin(), partitions.cend()).size() != partitions.size())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QStringLiteral("Reading committed offsets failed: An argument was rejected by the "
                                               "Kafka client. (Duplicate partitions not allowed)"));
    QList<PartitionOffset> out;
    const auto committed = m_groups.value(groupId).committed;
    for (const TopicPartition &tp : partitions) {
        PartitionOffset po;
        po.topic = tp.topic;
        po.partition = tp.partition;
        po.offset = committed.value(tp, kNoOffset);
        out.append(po);
    }
    return out;
}

Result<QList<PartitionWatermarks>> FakeClusterApi::watermarks(const QList<TopicPartition> &partitions)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    QList<PartitionWatermarks> out;
    for (const TopicPartition &tp : partitions) {
        PartitionWatermarks w;
        w.topic = tp.topic;
        w.partition = tp.partition;
        const auto topic = m_topics.constFind(tp.topic);
        if (topic == m_topics.cend() || tp.partition < 0 || tp.partition >= topic->size()) {
            w.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            w.errorMessage = QStringLiteral("The topic or partition does not exist.");
        } else {
            w.low = topic->at(tp.partition).logStart;
            w.high = topic->at(tp.partition).logEnd();
        }
        out.append(w);
    }
    return out;
}

Result<QList<PartitionOffset>> FakeClusterApi::offsetsForTimes(const QList<PartitionTimestamp> &query)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    QList<PartitionOffset> out;
    for (const PartitionTimestamp &q : query) {
        const auto topic = m_topics.constFind(q.topic);
        if (topic == m_topics.cend() || q.partition < 0 || q.partition >= topic->size()) {
            out.append(offsetError(q.topic, q.partition, QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                   QStringLiteral("The topic or partition does not exist.")));
            continue;
        }
        const Partition &p = topic->at(q.partition);
        PartitionOffset po;
        po.topic = q.topic;
        po.partition = q.partition;
        if (q.timestampMs == -2) {
            po.offset = p.logStart;
        } else if (q.timestampMs == -1) {
            po.offset = p.logEnd();
        } else {
            po.offset = -1; // Kafka: no record at or after the time
            for (const ConsumedRecord &r : p.records)
                if (r.timestampMs >= q.timestampMs) {
                    po.offset = r.offset;
                    break;
                }
        }
        out.append(po);
    }
    return out;
}

Result<QList<PartitionOffset>> FakeClusterApi::alterGroupOffsets(const QString &groupId,
                                                                 const QList<PartitionOffset> &offsets)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    ++m_alterCalls;
    Group &g = m_groups[groupId];
    QList<PartitionOffset> out;
    for (const PartitionOffset &po : offsets) {
        PartitionOffset r = po;
        if (!g.members.isEmpty()) {
            r.errorCode = QStringLiteral("UNKNOWN_MEMBER_ID");
            r.errorMessage = QStringLiteral("The group has active members; stop its consumers before changing offsets.");
        } else if (!m_topics.contains(po.topic) || po.partition < 0 || po.partition >= m_topics[po.topic].size()) {
            r.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            r.errorMessage = QStringLiteral("The topic or partition does not exist.");
        } else {
            g.committed[po.tp()] = po.offset;
        }
        out.append(r);
    }
    return out;
}

Result<QList<ConfigResource>> FakeClusterApi::describeConfigs(ConfigResourceType type, const QStringList &names)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    QList<ConfigResource> out;
    for (const QString &name : names) {
        ConfigResource r;
        r.type = type;
        r.name = name;
        if (type == ConfigResourceType::Topic && !m_topics.contains(name)) {
            r.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            r.errorMessage = QStringLiteral("The topic or partition does not exist.");
        } else {
            const auto cfg = m_topicConfigs.value(name);
            for (auto it = cfg.cbegin(); it != cfg.cend(); ++it)
                r.entries.append({it.key(), it.value(), false, false, false, QStringLiteral("DYNAMIC_TOPIC_CONFIG")});
        }
        out.append(r);
    }
    return out;
}

Status FakeClusterApi::createTopic(const NewTopic &topic)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    if (m_topics.contains(topic.name))
        return KafkaError::make(QStringLiteral("TOPIC_ALREADY_EXISTS"), QStringLiteral("A topic with this name already exists."));
    m_topics[topic.name] = QList<Partition>(topic.partitions);
    m_replication[topic.name] = topic.replicationFactor < 0 ? 1 : topic.replicationFactor;
    for (auto it = topic.configs.cbegin(); it != topic.configs.cend(); ++it)
        m_topicConfigs[topic.name][it.key()] = it.value();
    return Done{};
}

Result<QList<TopicDeletion>> FakeClusterApi::deleteTopics(const QStringList &topics)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    QList<TopicDeletion> out;
    for (const QString &t : topics) {
        TopicDeletion d{t, {}, {}};
        if (m_topics.remove(t) == 0) {
            d.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            d.errorMessage = QStringLiteral("This server does not host this topic-partition.");
        }
        m_replication.remove(t);
        m_topicConfigs.remove(t);
        out.append(d);
    }
    return out;
}

Result<QList<DeliveryReport>> FakeClusterApi::produce(const QList<OutgoingRecord> &records)
{
    hangWhileBlocked();
    {
        QMutexLocker lock(&m_mutex);
        if (m_down)
            return downError();
    }
    QList<DeliveryReport> out;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const OutgoingRecord &r = records.at(i);
        DeliveryReport rep;
        rep.index = int(i);
        rep.topic = r.topic;
        int partitions = 0;
        {
            QMutexLocker lock(&m_mutex);
            partitions = int(m_topics.value(r.topic).size());
        }
        if (partitions == 0) {
            rep.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            rep.errorMessage = QStringLiteral("The topic or partition does not exist.");
            out.append(rep);
            continue;
        }
        const int partition = r.partition >= 0 ? r.partition
                                               : int(qHash(r.key.value_or(QByteArray())) % uint(partitions));
        const qint64 ts = r.timestampMs > 0 ? r.timestampMs : QDateTime::currentMSecsSinceEpoch();
        rep.partition = partition;
        rep.offset = append(r.topic, partition, ts, r.value.value_or(QByteArray()), r.key, r.headers);
        out.append(rep);
    }
    return out;
}

Result<QList<ConsumedRecord>> FakeClusterApi::read(const TopicPartition &tp, qint64 offset, int maxRecords, int)
{
    hangWhileBlocked();
    QMutexLocker lock(&m_mutex);
    if (m_down)
        return downError();
    const auto topic = m_topics.constFind(tp.topic);
    if (topic == m_topics.cend() || tp.partition < 0 || tp.partition >= topic->size())
        return KafkaError::make(QStringLiteral("UNKNOWN_TOPIC_OR_PART"), QStringLiteral("The topic or partition does not exist."));
    const Partition &p = topic->at(tp.partition);
    if (offset < p.logStart || offset > p.logEnd())
        return KafkaError::make(QStringLiteral("OFFSET_OUT_OF_RANGE"),
                                QStringLiteral("The offset is outside the partition's range."));
    QList<ConsumedRecord> out;
    for (qint64 o = offset; o < p.logEnd() && out.size() < maxRecords; ++o)
        out.append(p.records.at(o - p.logStart));
    return out;
}

} // namespace kops::test
