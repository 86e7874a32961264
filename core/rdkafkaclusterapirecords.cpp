// The record paths of RdKafkaClusterApi: producing batches and reading records.
#include "rdkafkaclusterapi.h"

#include <QCoreApplication>

#include "errortext.h"
#include "rdkafkahandle.h"
#include "rdkafkautil.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QSet>
#include <QThreadPool>
#include <QSemaphore>

#include <algorithm>
#include <array>
#include <atomic>
#include <vector>

namespace kops {

using namespace rdk;

namespace {

/// One batch in flight on the producer handle: a slot per record for its report. The records
/// are handed to librdkafka, and their reports collected, on the client's sender thread (so the
/// caller prepares the next batch meanwhile); wait() returns once every slot is filled. The
/// destructor waits too, since librdkafka writes into the slots until then.
class RdKafkaPendingDelivery final : public PendingDelivery, public rdk::SentBatch
{
public:
    RdKafkaPendingDelivery(RdKafkaHandle *handle, QList<OutgoingRecord> records, int timeoutMs, int *inFlight)
        : m_handle(handle), m_records(std::move(records)), m_slots(size_t(m_records.size())),
          m_remaining(int(m_records.size())), m_deadline(timeoutMs), m_inFlight(inFlight)
    {
        ++*m_inFlight;
    }
    ~RdKafkaPendingDelivery() override { drain(); }

    /// Hands every record to librdkafka (on the sender thread).
    void enqueue();

    Result<QList<DeliveryReport>> wait() override
    {
        drain();
        QList<DeliveryReport> out;
        out.reserve(qsizetype(m_slots.size()));
        for (DeliverySlot &s : m_slots)
            out.append(std::move(s.report));
        return out;
    }

private:
    void refused(size_t i, rd_kafka_resp_err_t err)
    {
        DeliveryReport &rep = m_slots[i].report;
        rep.errorCode = errName(err);
        rep.errorMessage = explainKafkaError(rep.errorCode, errText(err));
        m_remaining.fetch_sub(1, std::memory_order_release);
    }

    void drain()
    {
        if (m_drained)
            return;
        m_delivered.acquire();
        m_handle->serve();
        --*m_inFlight;
        m_drained = true;
    }

public:
    // On the sender thread (see RdKafkaClusterApi::SendQueue).
    bool complete() const override { return m_remaining.load(std::memory_order_acquire) == 0; }
    bool expired() const override { return m_deadline.hasExpired(); }
    /// Every report is in: wait() may return.
    void release() override { m_delivered.release(); }

private:
    RdKafkaHandle *m_handle;
    QList<OutgoingRecord> m_records;
    std::vector<DeliverySlot> m_slots;
    std::atomic<int> m_remaining;
    QSemaphore m_delivered; ///< released by the sender thread when every report is in
    QDeadlineTimer m_deadline;
    int *m_inFlight;
    bool m_drained = false;
};

void RdKafkaPendingDelivery::enqueue()
{
    rd_kafka_t *rk = m_handle->rk();
    // Names converted once per batch, not once per record; the few names every record shares
    // (its topic, a tool's own headers) are found by their data, without hashing.
    QHash<QString, QByteArray> names;
    struct Recent
    {
        QString name;
        QByteArray utf8;
    };
    std::array<Recent, 8> recent;
    size_t nextRecent = 0;
    auto utf8 = [&](const QString &s) -> QByteArray { // a shared copy: cheap, and valid however long it is kept
        for (const Recent &r : recent)
            if (!r.utf8.isNull() && r.name.isSharedWith(s))
                return r.utf8;
        auto it = names.find(s);
        if (it == names.end())
            it = names.insert(s, s.toUtf8());
        recent[nextRecent++ % recent.size()] = {s, *it};
        return *it;
    };
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        const OutgoingRecord &r = m_records.at(i);
        DeliverySlot &slot = m_slots[size_t(i)];
        slot.remaining = &m_remaining;
        DeliveryReport &rep = slot.report;
        rep.index = int(i);
        rep.topic = r.topic;
        rep.partition = r.partition;
        rep.errorCode = QStringLiteral("_IN_PROGRESS");
        const QByteArray &topic = utf8(r.topic);
        m_handle->knowTopic(topic, 5000);
        const rd_kafka_message_t *fwd = r.forwarded.get();
        rd_kafka_headers_t *hdrs = nullptr;
        if (fwd) {
            // A forwarded record: its headers as read, minus those replaced or stripped.
            rd_kafka_headers_t *read = nullptr;
            if (rd_kafka_message_headers(fwd, &read) == RD_KAFKA_RESP_ERR_NO_ERROR && read) {
                hdrs = rd_kafka_headers_copy(read);
                for (const QByteArray &name : r.dropHeaders)
                    rd_kafka_header_remove(hdrs, name.constData());
            }
        }
        if (!hdrs)
            hdrs = rd_kafka_headers_new(size_t(r.headers.size()));
        for (const RecordHeader &hd : r.headers) {
            const QByteArray &key = utf8(hd.key);
            rd_kafka_header_add(hdrs, key.constData(), key.size(), hd.value ? hd.value->constData() : nullptr,
                                hd.value ? hd.value->size() : 0);
        }
        // rd_kafka_produceva instead of the RD_KAFKA_V_* macros, which expand to C casts.
        rd_kafka_vu_t vus[8];
        size_t n = 0;
        vus[n].vtype = RD_KAFKA_VTYPE_TOPIC;
        vus[n++].u.cstr = topic.constData();
        vus[n].vtype = RD_KAFKA_VTYPE_PARTITION;
        vus[n++].u.i32 = r.partition < 0 ? RD_KAFKA_PARTITION_UA : r.partition;
        vus[n].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
        // A forwarded value is sent from the read message, which this batch keeps until every report is in.
        vus[n++].u.i = fwd ? 0 : RD_KAFKA_MSG_F_COPY;
        vus[n].vtype = RD_KAFKA_VTYPE_KEY;
        if (fwd) {
            vus[n].u.mem.ptr = fwd->key;
            vus[n++].u.mem.size = fwd->key_len;
        } else {
            vus[n].u.mem.ptr = r.key ? const_cast<char *>(r.key->constData()) : nullptr;
            vus[n++].u.mem.size = r.key ? size_t(r.key->size()) : 0;
        }
        vus[n].vtype = RD_KAFKA_VTYPE_VALUE;
        if (fwd) {
            vus[n].u.mem.ptr = fwd->payload;
            vus[n++].u.mem.size = fwd->len;
        } else {
            vus[n].u.mem.ptr = r.value ? const_cast<char *>(r.value->constData()) : nullptr;
            vus[n++].u.mem.size = r.value ? size_t(r.value->size()) : 0;
        }
        vus[n].vtype = RD_KAFKA_VTYPE_HEADERS;
        vus[n++].u.headers = hdrs;
        vus[n].vtype = RD_KAFKA_VTYPE_TIMESTAMP;
        vus[n++].u.i64 = r.timestampMs;
        vus[n].vtype = RD_KAFKA_VTYPE_OPAQUE;
        vus[n++].u.ptr = &slot;
        rd_kafka_resp_err_t err;
        while (true) {
            rd_kafka_error_t *perr = rd_kafka_produceva(rk, vus, n);
            err = perr ? rd_kafka_error_code(perr) : RD_KAFKA_RESP_ERR_NO_ERROR;
            if (perr)
                rd_kafka_error_destroy(perr);
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL || m_deadline.hasExpired())
                break;
            rd_kafka_poll(rk, 50); // reports free the queue (this thread may serve them too)
        }
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            rd_kafka_headers_destroy(hdrs); // not handed over to librdkafka
            refused(size_t(i), err);
        }
    }
    // The records stay until the batch is destroyed: forwarded values are sent from their messages.
}

} // namespace

Result<QList<DeliveryReport>> RdKafkaClusterApi::produce(const QList<OutgoingRecord> &records)
{
    return produceAsync(records)->wait();
}

RdKafkaClusterApi::~RdKafkaClusterApi()
{
    m_sendQueue.reset(); // waits for the sender thread before the producer goes
}

std::unique_ptr<PendingDelivery> RdKafkaClusterApi::produceAsync(const QList<OutgoingRecord> &records)
{
    auto h = producer();
    if (!h)
        return ClusterApi::produceAsync(records); // reports the error through produce()
    auto pending = std::make_unique<RdKafkaPendingDelivery>(h.value(), records, m_options.messageTimeoutMs + 5000,
                                                            &m_batchesInFlight);
    if (!m_sendQueue)
        m_sendQueue = std::make_unique<rdk::SendQueue>();
    rdk::SendQueue *queue = m_sendQueue.get();
    RdKafkaPendingDelivery *p = pending.get(); // lives until released: its destructor waits for that
    rd_kafka_t *rk = h.value()->rk();
    ++queue->waiting;
    queue->thread.start([queue, p, rk] {
        --queue->waiting;
        p->enqueue();
        queue->open.push_back(p);
        queue->serve(rk);
    });
    return pending;
}

Result<QList<ConsumedRecord>> RdKafkaClusterApi::read(const TopicPartition &tp, qint64 offset, int maxRecords,
                                                     int timeoutMs)
{
    auto h = reader();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    TplPtr list(rd_kafka_topic_partition_list_new(1));
    rd_kafka_topic_partition_list_add(list.get(), tp.topic.toUtf8().constData(), tp.partition)->offset = offset;
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list.get()))
        return h.value()->error(err, QCoreApplication::translate("kops::Cluster", "Reading %1/%2").arg(tp.topic).arg(tp.partition));

    QList<ConsumedRecord> out;
    KafkaError failure;
    const QDeadlineTimer deadline(timeoutMs);
    while (out.size() < maxRecords && !deadline.hasExpired()) {
        MessagePtr msg(rd_kafka_consumer_poll(rk, int(std::clamp<qint64>(deadline.remainingTime(), 0, 200))));
        if (!msg)
            continue;
        if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF)
            break;
        if (msg->err) {
            failure = h.value()->error(msg->err, QCoreApplication::translate("kops::Cluster", "Reading %1/%2").arg(tp.topic).arg(tp.partition));
            break;
        }
        out.append(toConsumedRecord(msg.get(), str(rd_kafka_topic_name(msg->rkt))));
    }
    rd_kafka_assign(rk, nullptr);
    if (out.isEmpty() && !failure.code.isEmpty())
        return failure;
    return out;
}

Result<QList<ConsumedRecord>> RdKafkaClusterApi::readAt(const QList<PartitionOffset> &positions, int timeoutMs)
{
    QList<ConsumedRecord> out;
    if (positions.isEmpty())
        return out;
    auto h = reader();
    if (!h)
        return h.error();
    rd_kafka_t *rk = h.value()->rk();
    // Several positions of one partition (groups at different offsets) are read in one pass
    // from the smallest, within kReadAtMaxSpan records of it; all partitions are assigned at
    // once: one fetch per leader instead of one per position.
    constexpr qint64 kReadAtMaxSpan = 2000;
    QHash<TopicPartition, QSet<qint64>> wanted;
    QHash<TopicPartition, qint64> first;
    for (const PartitionOffset &p : positions) {
        auto it = first.find(p.tp());
        if (it == first.end())
            first.insert(p.tp(), p.offset);
        else
            *it = std::min(*it, p.offset);
    }
    for (const PartitionOffset &p : positions)
        if (p.offset - first.value(p.tp()) <= kReadAtMaxSpan)
            wanted[p.tp()].insert(p.offset);
    QHash<TopicPartition, qint64> last;
    TplPtr list(rd_kafka_topic_partition_list_new(int(first.size())));
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        rd_kafka_topic_partition_list_add(list.get(), it.key().topic.toUtf8().constData(), it.key().partition)->offset = it.value();
        const QSet<qint64> &offsets = wanted.value(it.key());
        last.insert(it.key(), *std::max_element(offsets.cbegin(), offsets.cend()));
    }
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list.get()))
        return h.value()->error(err, QCoreApplication::translate("kops::Cluster", "Reading records"));
    const QDeadlineTimer deadline(timeoutMs);
    while (!wanted.isEmpty() && !deadline.hasExpired()) {
        MessagePtr msg(rd_kafka_consumer_poll(rk, int(std::clamp<qint64>(deadline.remainingTime(), 0, 200))));
        if (!msg)
            continue;
        const TopicPartition tp{str(rd_kafka_topic_name(msg->rkt)), msg->partition};
        const auto it = wanted.find(tp);
        if (it == wanted.end())
            continue;
        if (msg->err) {
            wanted.erase(it); // end of log, out of range, ...: nothing more to report for it
            continue;
        }
        if (it->contains(msg->offset))
            out.append(toConsumedRecord(msg.get(), tp.topic));
        if (msg->offset >= last.value(tp))
            wanted.erase(it);
    }
    rd_kafka_assign(rk, nullptr);
    return out;
}

} // namespace kops
