#include "transactionalrelay.h"

#include "rdkafkahandle.h"
#include "rdkafkautil.h"
#include "relayjournal.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSet>
#include <QThread>

#include <spdlog/spdlog.h>

#include <deque>
#include <map>
#include <set>

namespace kops {

QByteArray relayOrigin(const QString &topic, int partition, qint64 offset)
{
    return topic.toUtf8() + '/' + QByteArray::number(partition) + '/' + QByteArray::number(offset);
}

bool parseRelayOrigin(QByteArrayView value, QString *topic, int *partition, qint64 *offset)
{
    const qsizetype last = value.lastIndexOf('/');
    if (last <= 0)
        return false;
    const qsizetype mid = value.first(last).lastIndexOf('/');
    if (mid <= 0)
        return false;
    bool okP = false, okO = false;
    const int p = value.sliced(mid + 1, last - mid - 1).toInt(&okP);
    const qint64 o = value.sliced(last + 1).toLongLong(&okO);
    if (!okP || !okO)
        return false;
    *topic = QString::fromUtf8(value.first(mid));
    *partition = p;
    *offset = o;
    return true;
}

namespace {

QString tpName(const QString &topic, int partition)
{
    return QStringLiteral("%1/%2").arg(topic).arg(partition);
}

struct ErrorDeleter { void operator()(rd_kafka_error_t *e) const { rd_kafka_error_destroy(e); } };
using ErrorPtr = std::unique_ptr<rd_kafka_error_t, ErrorDeleter>;
struct MetaDeleter
{
    void operator()(rd_kafka_consumer_group_metadata_t *m) const { rd_kafka_consumer_group_metadata_destroy(m); }
};

rdk::TplPtr tplOf(const QList<QPair<TopicPartition, qint64>> &offsets)
{
    rdk::TplPtr list(rd_kafka_topic_partition_list_new(int(offsets.size())));
    for (const auto &[tp, offset] : offsets)
        rd_kafka_topic_partition_list_add(list.get(), tp.topic.toUtf8().constData(), tp.partition)->offset = offset;
    return list;
}

} // namespace

struct TransactionalRelay::Message
{
    rdk::MessagePtr ptr;
    const rd_kafka_message_t *operator->() const { return ptr.get(); }
};

struct TransactionalRelay::State
{
    std::unique_ptr<RdKafkaHandle> producer;
    std::unique_ptr<RdKafkaHandle> consumer;
    std::unique_ptr<rd_kafka_consumer_group_metadata_t, MetaDeleter> groupMeta;
    QHash<TopicPartition, qint64> committed; ///< next offset, as committed
    QHash<TopicPartition, qint64> position;  ///< next offset, in the open transaction
    QHash<TopicPartition, qint64> end;       ///< -1: follow
    QHash<TopicPartition, qint64> holdUntil; ///< partitions not assigned until then
    QSet<TopicPartition> done;
    QHash<TopicPartition, QSet<qint64>> skip; ///< origins an earlier run wrote without committing
    QHash<TopicPartition, qint64> marks;
    QSet<QString> markedTopics;
    std::deque<DeliverySlot> delivery;
    std::deque<std::pair<TopicPartition, qint64>> deliveryOrigin; ///< the source record of each delivery slot
    std::atomic<int> remaining{0};
    RelayProgress progress;
    QElapsedTimer clock;
    int txnNumber = 0;
    int attempts = 0;
    qint64 inTxnConsumed = 0;
    qint64 inTxnProduced = 0;
    qint64 loopMs = 0;
    qint64 flushMs = 0;
    /// Records fetched for a waiting partition, its head first (the partition is paused).
    std::map<TopicPartition, std::deque<Message>> parked;
    /// Records waiting in memory, by (time, arrival); their offsets per partition hold the
    /// partition's committed offset back. Copied out of librdkafka's fetch buffers, so the
    /// memory they take is what they count (a held message would pin its whole fetch buffer).
    struct Waiting
    {
        TopicPartition tp;
        ConsumedRecord record;
        qint64 bytes = 0;
    };
    std::map<std::pair<qint64, quint64>, Waiting> memory;
    QHash<TopicPartition, std::set<qint64>> memoryOffsets;
    qint64 memoryBytes = 0;
    quint64 memorySeq = 0;
    /// Per target partition: records of committed transactions whose source offset the
    /// committed offsets have not passed yet (a record before them still waits), by target
    /// offset. The journalled mark stays at the first of them, so a restart finds them.
    QHash<TopicPartition, std::map<qint64, std::pair<TopicPartition, qint64>>> uncovered;
    QHash<TopicPartition, qint64> writtenEnd; ///< past the last record committed to each target partition
    bool marksDirty = false;
    QElapsedTimer marksSaved;
    QList<OutgoingRecord> out;
    QHash<const rd_kafka_topic_t *, QString> topicNames;

    const QString &topicName(const rd_kafka_topic_t *rkt)
    {
        auto it = topicNames.find(rkt);
        if (it == topicNames.end())
            it = topicNames.insert(rkt, rdk::str(rd_kafka_topic_name(rkt)));
        return *it;
    }
};

namespace {

/// Records left up to the end offsets; -1 when any source follows its log.
qint64 remainingOf(const QHash<TopicPartition, qint64> &end, const QHash<TopicPartition, qint64> &committed)
{
    qint64 remaining = 0;
    for (auto it = end.cbegin(); it != end.cend(); ++it) {
        if (it.value() < 0)
            return -1;
        remaining += std::max<qint64>(0, it.value() - committed.value(it.key()));
    }
    return remaining;
}

} // namespace

TransactionalRelay::TransactionalRelay(Options options, RelayRouter &router, RelayJournal &journal)
    : m_options(std::move(options)), m_router(router), m_journal(journal)
{
}

TransactionalRelay::~TransactionalRelay() = default;

Status TransactionalRelay::startProducer(State &s)
{
    auto producerProps = m_options.properties;
    producerProps.append({QStringLiteral("transactional.id"), m_options.transactionalId});
    producerProps.append({QStringLiteral("transaction.timeout.ms"), QStringLiteral("60000")});
    producerProps.append({QStringLiteral("partitioner"), QStringLiteral("murmur2_random")}); // as the Java client
    producerProps.append({QStringLiteral("linger.ms"), QStringLiteral("20")});
    producerProps.append({QStringLiteral("message.timeout.ms"), QString::number(m_options.timeoutMs)});
    auto producer = RdKafkaHandle::create(RdKafkaHandle::Kind::Producer, producerProps);
    if (!producer)
        return producer.error();
    s.producer = std::move(producer.value());
    // Fences an earlier run (or producer) with this id and aborts what it left open.
    if (ErrorPtr e{rd_kafka_init_transactions(s.producer->rk(), m_options.timeoutMs)})
        return s.producer->error(e.get(), QStringLiteral("Starting the transactional producer '%1'").arg(m_options.transactionalId));
    return Done{};
}

Status TransactionalRelay::restartProducer(State &s, const QString &why)
{
    spdlog::warn("relay {}: the abort did not finish ({}); starting the producer again, which aborts the open transaction",
                 m_options.transactionalId.toStdString(), why.toStdString());
    rd_kafka_t *old = s.producer->rk();
    // Everything the old producer still holds is failed now, its reports served while the
    // delivery slots they point to exist; the records it did send stay in the aborted transaction.
    rd_kafka_purge(old, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT | RD_KAFKA_PURGE_F_NON_BLOCKING);
    rd_kafka_flush(old, 1000);
    s.producer.reset();
    s.delivery.clear();
    s.deliveryOrigin.clear();
    s.remaining = 0;
    ++s.progress.producerRestarts;
    // The coordinator aborts the old producer's open transaction when the new one (same
    // transactional id) initializes; only then can a rewind reread the targets.
    return startProducer(s);
}

Status TransactionalRelay::start(State &s)
{
    if (auto p = startProducer(s); !p)
        return p;

    auto consumerProps = m_options.properties;
    consumerProps.append({QStringLiteral("group.id"), m_options.groupId});
    consumerProps.append({QStringLiteral("isolation.level"), QStringLiteral("read_committed")});
    consumerProps.append({QStringLiteral("enable.partition.eof"), QStringLiteral("true")});
    // Over a second of records queued: librdkafka 2.0 stops fetching for a whole second once a
    // bound is reached (see PartitionStream::open).
    consumerProps.append({QStringLiteral("queued.max.messages.kbytes"), QStringLiteral("65536")});
    consumerProps.append({QStringLiteral("queued.min.messages"), QStringLiteral("300000")});
    consumerProps.append({QStringLiteral("fetch.wait.max.ms"), QStringLiteral("100")});
    auto consumer = RdKafkaHandle::create(RdKafkaHandle::Kind::Reader, consumerProps);
    if (!consumer)
        return consumer.error();
    s.consumer = std::move(consumer.value());
    rd_kafka_poll_set_consumer(s.consumer->rk());
    s.groupMeta.reset(rd_kafka_consumer_group_metadata(s.consumer->rk()));

    QList<QPair<TopicPartition, qint64>> query;
    for (const RelaySource &src : m_options.sources)
        query.append({TopicPartition{src.topic, src.partition}, RD_KAFKA_OFFSET_INVALID});
    rdk::TplPtr tpl = tplOf(query);
    if (rd_kafka_resp_err_t err = rd_kafka_committed(s.consumer->rk(), tpl.get(), m_options.timeoutMs))
        return s.consumer->error(err, QStringLiteral("Reading the committed offsets of group '%1'").arg(m_options.groupId));
    for (int i = 0; i < tpl->cnt; ++i) {
        const rd_kafka_topic_partition_t &p = tpl->elems[i];
        const TopicPartition tp{rdk::str(p.topic), p.partition};
        if (p.err)
            return s.consumer->error(p.err, QStringLiteral("Reading the committed offset of %1").arg(tpName(tp.topic, tp.partition)));
        qint64 offset = p.offset;
        if (offset < 0) { // nothing committed: from the log start
            int64_t low = 0, high = 0;
            if (rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(s.consumer->rk(), p.topic, p.partition, &low,
                                                                           &high, m_options.timeoutMs))
                return s.consumer->error(err, QStringLiteral("Reading the log start of %1").arg(tpName(tp.topic, tp.partition)));
            offset = low;
        }
        s.committed.insert(tp, offset);
        s.position.insert(tp, offset);
    }
    for (const RelaySource &src : m_options.sources) {
        const TopicPartition tp{src.topic, src.partition};
        s.end.insert(tp, src.endOffset);
        if (src.endOffset >= 0 && s.committed.value(tp) >= src.endOffset)
            s.done.insert(tp);
    }
    auto marks = m_journal.marks(m_options.transactionalId);
    if (!marks)
        return marks.error();
    s.marks = marks.value();
    return reconcile(s);
}

Status TransactionalRelay::reconcile(State &s)
{
    s.skip.clear();
    QList<QPair<TopicPartition, qint64>> from;
    auto props = m_options.properties;
    props.append({QStringLiteral("isolation.level"), QStringLiteral("read_committed")});
    // assign() needs a group id; this reader never commits or joins.
    props.append({QStringLiteral("group.id"), m_options.groupId + QStringLiteral(".kops-reconcile")});
    auto reader = RdKafkaHandle::create(RdKafkaHandle::Kind::Reader, props);
    if (!reader)
        return reader.error();
    rd_kafka_t *rk = reader.value()->rk();
    for (auto it = s.marks.cbegin(); it != s.marks.cend(); ++it) {
        int64_t low = 0, high = 0;
        const QByteArray topic = it.key().topic.toUtf8();
        if (rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(rk, topic.constData(), it.key().partition, &low,
                                                                       &high, m_options.timeoutMs))
            return reader.value()->error(err, QStringLiteral("Reading the end of %1").arg(tpName(it.key().topic, it.key().partition)));
        if (high > it.value())
            from.append({it.key(), std::max<qint64>(it.value(), low)});
    }
    if (from.isEmpty())
        return Done{};
    rd_kafka_poll_set_consumer(rk);
    rdk::TplPtr tpl = tplOf(from);
    if (rd_kafka_resp_err_t err = rd_kafka_assign(rk, tpl.get()))
        return reader.value()->error(err, QStringLiteral("Reading the relay's targets"));
    QSet<TopicPartition> open;
    for (const auto &f : from)
        open.insert(f.first);
    const QDeadlineTimer deadline(m_options.timeoutMs * 4);
    const QByteArray header = m_options.originHeader.toUtf8();
    while (!open.isEmpty()) {
        if (deadline.hasExpired())
            return KafkaError::make(QStringLiteral("_TIMED_OUT"),
                                    QStringLiteral("Checking the relay's targets for records of an unfinished run took too long."));
        rdk::MessagePtr msg(rd_kafka_consumer_poll(rk, 200));
        if (!msg)
            continue;
        const TopicPartition tp{rdk::str(rd_kafka_topic_name(msg->rkt)), msg->partition};
        if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            open.remove(tp);
            continue;
        }
        if (msg->err)
            continue; // transient; the deadline bounds it
        const void *value = nullptr;
        size_t size = 0;
        rd_kafka_headers_t *hdrs = nullptr;
        if (rd_kafka_message_headers(msg.get(), &hdrs) || !hdrs
            || rd_kafka_header_get_last(hdrs, header.constData(), &value, &size))
            continue;
        QString srcTopic;
        int srcPartition = -1;
        qint64 srcOffset = -1;
        if (!parseRelayOrigin(QByteArrayView(static_cast<const char *>(value), qsizetype(size)), &srcTopic, &srcPartition,
                              &srcOffset))
            continue;
        const TopicPartition src{srcTopic, srcPartition};
        if (s.committed.contains(src) && srcOffset >= s.committed.value(src)) {
            if (!s.skip[src].contains(srcOffset))
                ++s.progress.reconciled;
            s.skip[src].insert(srcOffset);
        }
    }
    if (!s.skip.isEmpty())
        spdlog::info("relay {}: {} records of an unfinished run found in the targets", m_options.transactionalId.toStdString(),
                     s.progress.reconciled);
    return Done{};
}

Status TransactionalRelay::ensureMarks(State &s, const QString &topic)
{
    if (s.markedTopics.contains(topic))
        return Done{};
    rd_kafka_t *rk = s.producer->rk();
    const QByteArray name = topic.toUtf8();
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, name.constData(), nullptr);
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 0, rkt, &md, m_options.timeoutMs);
    rd_kafka_topic_destroy(rkt);
    if (err)
        return s.producer->error(err, QStringLiteral("Reading the partitions of '%1'").arg(topic));
    int partitions = 0;
    rd_kafka_resp_err_t topicErr = RD_KAFKA_RESP_ERR_NO_ERROR;
    if (md->topic_cnt == 1) {
        partitions = md->topics[0].partition_cnt;
        topicErr = md->topics[0].err;
    }
    rd_kafka_metadata_destroy(md);
    if (topicErr || partitions == 0)
        return KafkaError::make(topicErr ? errName(topicErr) : QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                QStringLiteral("The target topic '%1' does not exist.").arg(topic));
    bool added = false;
    for (int p = 0; p < partitions; ++p) {
        const TopicPartition tp{topic, p};
        if (s.marks.contains(tp))
            continue;
        int64_t low = 0, high = 0;
        // A topic created a moment ago (the drain's wider topic) may not be known everywhere
        // yet: its partitions are asked for again until they are, within the timeout.
        const QDeadlineTimer deadline(m_options.timeoutMs);
        rd_kafka_resp_err_t e;
        while ((e = rd_kafka_query_watermark_offsets(rk, name.constData(), p, &low, &high, m_options.timeoutMs))
               && (e == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION || e == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
                   || e == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE || e == RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
               && !deadline.hasExpired()) {
            QThread::msleep(100);
            rd_kafka_topic_t *again = rd_kafka_topic_new(rk, name.constData(), nullptr);
            const rd_kafka_metadata_t *refreshed = nullptr;
            if (rd_kafka_metadata(rk, 0, again, &refreshed, int(std::clamp<qint64>(deadline.remainingTime(), 1, 5000))) == RD_KAFKA_RESP_ERR_NO_ERROR)
                rd_kafka_metadata_destroy(refreshed);
            rd_kafka_topic_destroy(again);
        }
        if (e)
            return s.producer->error(e, QStringLiteral("Reading the end of %1").arg(tpName(topic, p)));
        s.marks.insert(tp, high);
        added = true;
    }
    if (added)
        if (auto saved = m_journal.setMarks(m_options.transactionalId, s.marks); !saved)
            return saved.error();
    s.markedTopics.insert(topic);
    return Done{};
}

Status TransactionalRelay::abortAndRewind(State &s, const QString &why)
{
    spdlog::warn("relay {}: aborting a transaction: {}", m_options.transactionalId.toStdString(), why.toStdString());
    // An abort that timed out may be called again (librdkafka: retriable); it resumes where
    // the first one stopped. A slow broker or a loaded machine is no reason to give up the run.
    // If it still does not finish (librdkafka 2.0 can wait for a producer-id bump or for
    // requests in flight that never end), a new producer with the same transactional id
    // fences this one and the coordinator aborts the open transaction: the run goes on.
    for (int tries = 0;; ++tries) {
        if (abortTimesOutForTest && abortTimesOutForTest(s.txnNumber)) {
            if (auto r = restartProducer(s, QStringLiteral("test")); !r)
                return r;
            break;
        }
        ErrorPtr e{rd_kafka_abort_transaction(s.producer->rk(), m_options.timeoutMs)};
        if (!e)
            break;
        if (rd_kafka_error_is_fatal(e.get()))
            return s.producer->error(e.get(), QStringLiteral("Aborting a transaction after: %1").arg(why));
        if (!rd_kafka_error_is_retriable(e.get()) || tries >= 1) {
            if (auto r = restartProducer(s, rdk::str(rd_kafka_error_string(e.get()))); !r)
                return KafkaError::make(r.error().code, QStringLiteral("Aborting a transaction after: %1 failed, and so did "
                                                                       "starting the producer again: %2")
                                                            .arg(why, r.error().message));
            break;
        }
        spdlog::warn("relay {}: aborting again: {}", m_options.transactionalId.toStdString(),
                     rd_kafka_error_string(e.get()));
    }
    m_router.transactionEnded(false);
    ++s.progress.aborted;
    if (++s.attempts > m_options.maxAttempts)
        return KafkaError::make(QStringLiteral("_TRANSACTION"),
                                QStringLiteral("The relay gave up after %1 aborted transactions in a row; the last: %2")
                                    .arg(m_options.maxAttempts)
                                    .arg(why));
    s.delivery.clear();
    s.deliveryOrigin.clear();
    s.position = s.committed;
    s.holdUntil.clear();
    s.parked.clear();
    s.memory.clear();
    s.memoryOffsets.clear();
    s.memoryBytes = 0;
    {
        QList<QPair<TopicPartition, qint64>> all;
        for (auto it = s.committed.cbegin(); it != s.committed.cend(); ++it)
            all.append({it.key(), 0});
        rdk::TplPtr tpl = tplOf(all);
        rd_kafka_resume_partitions(s.consumer->rk(), tpl.get());
    }
    s.done.clear();
    QList<QPair<TopicPartition, qint64>> assign;
    for (auto it = s.committed.cbegin(); it != s.committed.cend(); ++it) {
        const qint64 end = s.end.value(it.key(), -1);
        if (end >= 0 && it.value() >= end)
            s.done.insert(it.key());
        else
            assign.append({it.key(), it.value()});
    }
    rd_kafka_assign(s.consumer->rk(), nullptr);
    rdk::TplPtr tpl = tplOf(assign);
    if (ErrorPtr e{rd_kafka_incremental_assign(s.consumer->rk(), tpl.get())})
        return s.consumer->error(e.get(), QStringLiteral("Rewinding the relay's sources"));
    QThread::msleep(std::min(2000, 100 * s.attempts));
    return reconcile(s);
}

bool TransactionalRelay::produce(State &s, const OutgoingRecord &o, const QByteArray &originValue,
                                 const TopicPartition &source, qint64 sourceOffset, QString *failure)
{
    rd_kafka_t *prk = s.producer->rk();
    const QByteArray origin = m_options.originHeader.toUtf8();
    if (auto m = ensureMarks(s, o.topic); !m) {
        *failure = m.error().toString();
        return false;
    }
    rd_kafka_headers_t *hdrs = rd_kafka_headers_new(o.headers.size() + 1);
    for (const RecordHeader &h : o.headers) {
        const QByteArray k = h.key.toUtf8();
        rd_kafka_header_add(hdrs, k.constData(), k.size(), h.value ? h.value->constData() : nullptr,
                            h.value ? h.value->size() : 0);
    }
    rd_kafka_header_add(hdrs, origin.constData(), origin.size(), originValue.constData(), originValue.size());
    s.delivery.emplace_back();
    s.deliveryOrigin.emplace_back(source, sourceOffset);
    DeliverySlot *slot = &s.delivery.back();
    slot->remaining = &s.remaining;
    slot->report.topic = o.topic;
    s.remaining.fetch_add(1);
    const QByteArray topic = o.topic.toUtf8();
    const int32_t partition = o.partition < 0 ? RD_KAFKA_PARTITION_UA : o.partition;
    const char *keyData = o.key ? o.key->constData() : nullptr;
    const size_t keySize = o.key ? size_t(o.key->size()) : 0;
    char *valueData = o.value ? const_cast<char *>(o.value->constData()) : nullptr;
    const size_t valueSize = o.value ? size_t(o.value->size()) : 0;
    // rd_kafka_produceva instead of the RD_KAFKA_V_* macros, which expand to C casts.
    rd_kafka_vu_t vus[8];
    vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
    vus[0].u.cstr = topic.constData();
    vus[1].vtype = RD_KAFKA_VTYPE_PARTITION;
    vus[1].u.i32 = partition;
    vus[2].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
    vus[2].u.i = RD_KAFKA_MSG_F_COPY;
    vus[3].vtype = RD_KAFKA_VTYPE_KEY;
    vus[3].u.mem.ptr = const_cast<char *>(keyData);
    vus[3].u.mem.size = keySize;
    vus[4].vtype = RD_KAFKA_VTYPE_VALUE;
    vus[4].u.mem.ptr = valueData;
    vus[4].u.mem.size = valueSize;
    vus[5].vtype = RD_KAFKA_VTYPE_HEADERS;
    vus[5].u.headers = hdrs;
    vus[6].vtype = RD_KAFKA_VTYPE_TIMESTAMP;
    vus[6].u.i64 = o.timestampMs;
    vus[7].vtype = RD_KAFKA_VTYPE_OPAQUE;
    vus[7].u.ptr = slot;
    while (true) {
        rd_kafka_error_t *perr = rd_kafka_produceva(prk, vus, 8);
        const rd_kafka_resp_err_t err = perr ? rd_kafka_error_code(perr) : RD_KAFKA_RESP_ERR_NO_ERROR;
        if (perr)
            rd_kafka_error_destroy(perr);
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            rd_kafka_poll(prk, 50);
            continue;
        }
        if (err) {
            rd_kafka_headers_destroy(hdrs);
            s.remaining.fetch_sub(1);
            s.delivery.pop_back();
            s.deliveryOrigin.pop_back();
            *failure = s.producer->error(err, QStringLiteral("Producing to '%1'").arg(o.topic)).toString();
        }
        break;
    }
    if (!failure->isEmpty())
        return false;
    ++s.inTxnProduced;
    return true;
}

TransactionalRelay::Step TransactionalRelay::handle(State &s, Message &msg, const TopicPartition &tp, QString *failure)
{
    rd_kafka_t *crk = s.consumer->rk();
    const qint64 end = s.end.value(tp, -1);
    auto finish = [&] {
        s.done.insert(tp);
        rdk::TplPtr tpl = tplOf({{tp, 0}});
        ErrorPtr ignored{rd_kafka_incremental_unassign(crk, tpl.get())};
    };
    if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        // The log end (past any transaction markers) is where the partition stands.
        if (msg->offset > s.position.value(tp))
            s.position[tp] = msg->offset;
        if (end >= 0 && s.position.value(tp) >= end)
            finish();
        return Step::Next;
    }
    if (msg->err) {
        if (msg->err == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION || msg->err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
            || msg->err == RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED
            || msg->err == RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED) {
            *failure = s.consumer->error(msg->err, QStringLiteral("Reading %1").arg(tpName(tp.topic, tp.partition))).toString();
            return Step::Fatal;
        }
        return Step::Next;
    }
    if (msg->offset < s.position.value(tp))
        return Step::Next; // read before a rewind
    if (end >= 0 && msg->offset >= end) {
        finish();
        return Step::Next;
    }
    if (auto sk = s.skip.find(tp); sk != s.skip.end() && sk->contains(msg->offset)) {
        s.position[tp] = msg->offset + 1; // written by an unfinished earlier run
        ++s.inTxnConsumed;
        return Step::Next;
    }
    const qint64 offset = msg->offset;
    const auto hold = routeAndProduce(s, RecordView::ofMessage(msg.ptr.get()), tp, offset, failure);
    if (!failure->isEmpty())
        return Step::Failed;
    if (!hold) {
        s.position[tp] = offset + 1;
        ++s.inTxnConsumed;
        return Step::Next;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool memoryFull = int(s.memory.size()) >= m_options.memoryHoldMaxRecords
                            || s.memoryBytes >= m_options.memoryHoldMaxBytes;
    if (*hold - now <= m_options.memoryHoldMs && !memoryFull) {
        // Its time is near: it waits in memory and the partition is read on, so a record behind
        // it that is due sooner is not held up. The committed offset stays before it.
        State::Waiting w{tp, rdk::toConsumedRecord(msg.ptr.get(), tp.topic), 256};
        w.bytes += w.record.key.value_or(QByteArray()).size() + w.record.value.value_or(QByteArray()).size();
        for (const RecordHeader &h : std::as_const(w.record.headers))
            w.bytes += h.key.size() * 2 + h.value.value_or(QByteArray()).size() + 32;
        s.memoryOffsets[tp].insert(offset);
        s.memoryBytes += w.bytes;
        s.memory.emplace(std::make_pair(*hold, ++s.memorySeq), std::move(w));
        s.position[tp] = offset + 1;
        return Step::Next;
    }
    // Not due soon (or memory is full): the partition waits with this record at its head until
    // it may wait in memory. Fetching pauses; records already fetched wait here (at most what
    // librdkafka had prefetched: memory stays bounded).
    qint64 until = *hold - m_options.memoryHoldMs;
    if (memoryFull && !s.memory.empty())
        until = std::min(*hold, std::max(now + 1, s.memory.begin()->first.first));
    s.holdUntil.insert(tp, until);
    s.parked[tp].push_front(std::move(msg));
    rdk::TplPtr tpl = tplOf({{tp, 0}});
    rd_kafka_pause_partitions(crk, tpl.get());
    return Step::Held;
}

std::optional<qint64> TransactionalRelay::routeAndProduce(State &s, const RecordView &record, const TopicPartition &tp,
                                                          qint64 offset, QString *failure)
{
    s.out.clear();
    if (auto hold = m_router.route(tp.topic, record, QDateTime::currentMSecsSinceEpoch(), s.out))
        return hold;
    const QByteArray originValue = relayOrigin(tp.topic, tp.partition, offset);
    for (const OutgoingRecord &o : std::as_const(s.out))
        if (!produce(s, o, originValue, tp, offset, failure))
            return std::nullopt;
    return std::nullopt;
}

bool TransactionalRelay::releaseDue(State &s, qint64 now, QString *failure)
{
    while (!s.memory.empty() && s.memory.begin()->first.first <= now) {
        auto node = s.memory.extract(s.memory.begin());
        State::Waiting &w = node.mapped();
        const qint64 offset = w.record.offset;
        const qint64 bytes = w.bytes;
        const auto hold = routeAndProduce(s, RecordView::of(w.record), w.tp, offset, failure);
        if (!failure->isEmpty())
            return false;
        if (hold) { // not yet after all (the router's clock): back in line
            node.key() = std::make_pair(*hold, ++s.memorySeq);
            s.memory.insert(std::move(node));
            if (*hold <= now)
                break;
            continue;
        }
        s.memoryBytes -= bytes;
        auto it = s.memoryOffsets.find(w.tp);
        it->erase(offset);
        if (it->empty())
            s.memoryOffsets.erase(it);
        ++s.inTxnConsumed;
    }
    return true;
}

qint64 TransactionalRelay::committable(const State &s, const TopicPartition &tp) const
{
    const qint64 position = s.position.value(tp);
    auto it = s.memoryOffsets.constFind(tp);
    return it == s.memoryOffsets.cend() || it->empty() ? position : std::min(position, *it->begin());
}

Status TransactionalRelay::moveMarks(State &s)
{
    // What this transaction wrote: a record whose source the committed offsets have not passed
    // (one before it still waits) must be found again after a kill, so its target's mark stays
    // at or before it.
    for (size_t i = 0; i < s.delivery.size() && i < s.deliveryOrigin.size(); ++i) {
        const DeliveryReport &r = s.delivery.at(i).report;
        if (r.offset < 0)
            continue;
        const TopicPartition target{r.topic, r.partition};
        s.writtenEnd[target] = std::max(s.writtenEnd.value(target, 0), r.offset + 1);
        const auto &[source, sourceOffset] = s.deliveryOrigin.at(i);
        if (sourceOffset >= s.committed.value(source))
            s.uncovered[target].emplace(r.offset, s.deliveryOrigin.at(i));
    }
    for (auto it = s.uncovered.begin(); it != s.uncovered.end();) {
        std::erase_if(it.value(), [&](const auto &e) { return e.second.second < s.committed.value(e.second.first); });
        it = it->empty() ? s.uncovered.erase(it) : std::next(it);
    }
    if (!s.skip.isEmpty())
        return Done{}; // records of an unfinished earlier run are still behind the marks
    bool moved = false;
    for (auto it = s.writtenEnd.cbegin(); it != s.writtenEnd.cend(); ++it) {
        qint64 to = it.value();
        if (auto u = s.uncovered.constFind(it.key()); u != s.uncovered.cend())
            to = std::min(to, u->begin()->first);
        if (s.marks.value(it.key(), -1) < to) {
            s.marks[it.key()] = to;
            moved = true;
        }
    }
    // A mark behind where it could be only makes a restart read a little more, so moved marks
    // are written (with a disk sync) at most every two seconds, not after every transaction.
    if (moved)
        s.marksDirty = true;
    if (s.marksDirty && (!s.marksSaved.isValid() || s.marksSaved.elapsed() >= 2000)) {
        if (auto saved = m_journal.setMarks(m_options.transactionalId, s.marks); !saved)
            return saved.error();
        s.marksDirty = false;
        s.marksSaved.start();
    }
    return Done{};
}

Result<bool> TransactionalRelay::transaction(State &s, Control *control, const ProgressFn &progress)
{
    rd_kafka_t *prk = s.producer->rk();
    rd_kafka_t *crk = s.consumer->rk();
    if (s.done.size() == s.end.size() && s.memory.empty())
        return false;
    if (ErrorPtr e{rd_kafka_begin_transaction(prk)})
        return s.producer->error(e.get(), QStringLiteral("Beginning a transaction"));
    ++s.txnNumber;
    s.delivery.clear();
    s.deliveryOrigin.clear();
    s.remaining = 0;
    s.inTxnConsumed = 0;
    s.inTxnProduced = 0;
    QElapsedTimer txnClock;
    txnClock.start();
    QString failure;
    while (failure.isEmpty() && s.inTxnConsumed < m_options.maxRecordsPerTransaction
           && txnClock.elapsed() < m_options.maxTransactionMs && (s.done.size() < s.end.size() || !s.memory.empty())) {
        if (control && control->cancel.load())
            break;
        // Partitions whose wait is over: their waiting records first, then fetching again.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        qint64 nextHold = std::numeric_limits<qint64>::max();
        const QList<TopicPartition> held = s.holdUntil.keys();
        for (const TopicPartition &tp : held) {
            const qint64 until = s.holdUntil.value(tp);
            if (until > now) {
                nextHold = std::min(nextHold, until);
                continue;
            }
            s.holdUntil.remove(tp);
            auto &queue = s.parked[tp];
            Step step = Step::Next;
            while (!queue.empty() && step == Step::Next) {
                Message msg = std::move(queue.front());
                queue.pop_front();
                step = handle(s, msg, tp, &failure);
            }
            if (step == Step::Held) {
                nextHold = std::min(nextHold, s.holdUntil.value(tp));
            } else if (step != Step::Next) {
                break;
            } else {
                s.parked.erase(tp);
                rdk::TplPtr tpl = tplOf({{tp, 0}});
                rd_kafka_resume_partitions(crk, tpl.get());
            }
        }
        if (!failure.isEmpty())
            break;
        // Records waiting in memory whose time came; the poll below wakes for the next one.
        if (!releaseDue(s, QDateTime::currentMSecsSinceEpoch(), &failure))
            break;
        if (!s.memory.empty())
            nextHold = std::min(nextHold, s.memory.begin()->first.first);
        const qint64 wait = std::min<qint64>({100, std::max<qint64>(1, m_options.maxTransactionMs - txnClock.elapsed()),
                                              std::max<qint64>(0, nextHold - QDateTime::currentMSecsSinceEpoch())});
        Message msg{rdk::MessagePtr(rd_kafka_consumer_poll(crk, int(wait)))};
        if (!msg.ptr || !msg->rkt)
            continue; // nothing, or a consumer-level event
        const TopicPartition tp{s.topicName(msg->rkt), msg->partition};
        if (!s.position.contains(tp) || s.done.contains(tp))
            continue;
        if (s.holdUntil.contains(tp)) { // fetched before the pause took effect: waits in order
            auto &queue = s.parked[tp];
            if (!msg->err && (queue.empty() || msg->offset > queue.back()->offset))
                queue.push_back(std::move(msg));
            continue;
        }
        const Step step = handle(s, msg, tp, &failure);
        if (step == Step::Fatal)
            return KafkaError::make(QStringLiteral("_RELAY"), failure);
        rd_kafka_poll(prk, 0);
    }

    if (failure.isEmpty()) {
        s.loopMs = txnClock.elapsed();
        rd_kafka_flush(prk, m_options.timeoutMs);
        s.flushMs = txnClock.elapsed();
        if (s.remaining.load(std::memory_order_acquire) > 0)
            failure = QStringLiteral("not every record was acknowledged in time");
        for (const DeliverySlot &slot : s.delivery)
            if (failure.isEmpty() && !slot.report.errorCode.isEmpty())
                failure = QStringLiteral("%1 (%2)").arg(slot.report.errorMessage, slot.report.errorCode);
        if (failure.isEmpty() && failAfterProduceForTest && failAfterProduceForTest(s.txnNumber))
            failure = QStringLiteral("a failure made by a test");
    }
    if (!failure.isEmpty()) {
        if (auto a = abortAndRewind(s, failure); !a)
            return a.error();
        return true;
    }
    if (killAfterProduceForTest && killAfterProduceForTest(s.txnNumber))
        return KafkaError::make(QStringLiteral("_KILLED"), QStringLiteral("Stopped after producing (test)."));

    QList<QPair<TopicPartition, qint64>> offsets;
    for (auto it = s.position.cbegin(); it != s.position.cend(); ++it)
        if (const qint64 c = committable(s, it.key()); c != s.committed.value(it.key()))
            offsets.append({it.key(), c});
    if (!offsets.isEmpty()) {
        rdk::TplPtr tpl = tplOf(offsets);
        for (int tries = 0;; ++tries) {
            ErrorPtr e{rd_kafka_send_offsets_to_transaction(prk, tpl.get(), s.groupMeta.get(), m_options.timeoutMs)};
            if (!e)
                break;
            if (rd_kafka_error_is_fatal(e.get()))
                return s.producer->error(e.get(), QStringLiteral("Committing the offsets of group '%1'").arg(m_options.groupId));
            if (rd_kafka_error_is_retriable(e.get()) && tries < 3)
                continue;
            if (auto a = abortAndRewind(s, rdk::str(rd_kafka_error_string(e.get()))); !a)
                return a.error();
            return true;
        }
    }
    if (killBeforeCommitForTest && killBeforeCommitForTest(s.txnNumber))
        return KafkaError::make(QStringLiteral("_KILLED"), QStringLiteral("Stopped before committing (test)."));
    for (int tries = 0;; ++tries) {
        ErrorPtr e{rd_kafka_commit_transaction(prk, m_options.timeoutMs)};
        if (!e)
            break;
        if (rd_kafka_error_is_fatal(e.get()))
            return s.producer->error(e.get(), QStringLiteral("Committing a transaction"));
        if (rd_kafka_error_is_retriable(e.get()) && tries < 3)
            continue;
        if (auto a = abortAndRewind(s, rdk::str(rd_kafka_error_string(e.get()))); !a)
            return a.error();
        return true;
    }

    if (qEnvironmentVariableIsSet("KOPS_RELAY_TRACE"))
        spdlog::info("relay txn {}: {} in, {} out, loop {} ms, flush {} ms, commit {} ms", s.txnNumber, s.inTxnConsumed,
                     s.inTxnProduced, s.loopMs, s.flushMs - s.loopMs, txnClock.elapsed() - s.flushMs);
    // Committed: the records and the offsets are in. The same offsets are committed once more
    // outside the transaction: librdkafka's mock cluster (the demo) answers TxnOffsetCommit without
    // storing it. Never ahead of the transaction, so on a real broker it changes nothing.
    if (!offsets.isEmpty()) {
        rdk::TplPtr tpl = tplOf(offsets);
        if (rd_kafka_resp_err_t err = rd_kafka_commit(crk, tpl.get(), 0))
            spdlog::warn("relay {}: the plain offset commit after a transaction failed: {}",
                         m_options.transactionalId.toStdString(), rd_kafka_err2str(err));
    }
    s.attempts = 0;
    m_router.transactionEnded(true);
    for (const auto &[tp, offset] : std::as_const(offsets))
        s.committed[tp] = offset;
    for (auto it = s.skip.begin(); it != s.skip.end();) {
        const qint64 committed = s.committed.value(it.key());
        it->removeIf([committed](qint64 o) { return o < committed; });
        it = it->isEmpty() ? s.skip.erase(it) : std::next(it);
    }
    if (auto moved = moveMarks(s); !moved)
        return moved.error();
    s.delivery.clear();
    ++s.progress.transactions;
    s.progress.consumed += s.inTxnConsumed;
    s.progress.produced += s.inTxnProduced;
    s.progress.positions = s.committed;
    s.progress.holds = s.holdUntil;
    s.progress.waitingInMemory = qint64(s.memory.size());
    s.progress.elapsedMs = s.clock.elapsed();
    s.progress.recordsPerSecond = s.progress.elapsedMs > 0 ? s.progress.consumed * 1000.0 / s.progress.elapsedMs : 0;
    s.progress.remaining = remainingOf(s.end, s.committed);
    if (progress)
        progress(s.progress);
    return s.done.size() < s.end.size() || !s.memory.empty();
}

Result<RelayProgress> TransactionalRelay::run(Control *control, const ProgressFn &progress)
{
    if (m_options.sources.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("The relay has nothing to read."));
    State s;
    s.clock.start();
    if (auto started = start(s); !started)
        return started.error();
    QList<QPair<TopicPartition, qint64>> assign;
    for (auto it = s.committed.cbegin(); it != s.committed.cend(); ++it)
        if (!s.done.contains(it.key()))
            assign.append({it.key(), it.value()});
    rdk::TplPtr tpl = tplOf(assign);
    if (ErrorPtr e{rd_kafka_incremental_assign(s.consumer->rk(), tpl.get())})
        return s.consumer->error(e.get(), QStringLiteral("Reading the relay's sources"));
    // Report where it starts, before the first transaction.
    s.progress.positions = s.committed;
    s.progress.remaining = remainingOf(s.end, s.committed);
    if (progress)
        progress(s.progress);
    while (true) {
        while (control && control->pause.load() && !control->cancel.load())
            QThread::msleep(100);
        if (control && control->cancel.load())
            break;
        auto more = transaction(s, control, progress);
        if (!more)
            return more.error();
        if (!more.value())
            break;
    }
    s.progress.positions = s.committed;
    s.progress.elapsedMs = s.clock.elapsed();
    return s.progress;
}

} // namespace kops
