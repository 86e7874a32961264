#pragma once

// Internal to core: small RAII wrappers and conversions shared by the librdkafka client's
// translation units. Never included from a public header.

#include "clustertypes.h"
#include "errortext.h"
#include "rdkafkahandle.h"

#include <QDeadlineTimer>
#include <QString>
#include <QThreadPool>

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <memory>

namespace kops::rdk {

struct QueueDeleter { void operator()(rd_kafka_queue_t *q) const { rd_kafka_queue_destroy(q); } };
struct EventDeleter { void operator()(rd_kafka_event_t *e) const { rd_kafka_event_destroy(e); } };
struct OptionsDeleter { void operator()(rd_kafka_AdminOptions_t *o) const { rd_kafka_AdminOptions_destroy(o); } };
struct TplDeleter { void operator()(rd_kafka_topic_partition_list_t *l) const { rd_kafka_topic_partition_list_destroy(l); } };
struct MessageDeleter { void operator()(rd_kafka_message_t *m) const { rd_kafka_message_destroy(m); } };
using QueuePtr = std::unique_ptr<rd_kafka_queue_t, QueueDeleter>;
using EventPtr = std::unique_ptr<rd_kafka_event_t, EventDeleter>;
using OptionsPtr = std::unique_ptr<rd_kafka_AdminOptions_t, OptionsDeleter>;
using TplPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, TplDeleter>;
using MessagePtr = std::unique_ptr<rd_kafka_message_t, MessageDeleter>;

inline QString str(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

inline OptionsPtr adminOptions(rd_kafka_t *rk, rd_kafka_admin_op_t op, int timeoutMs)
{
    OptionsPtr opt(rd_kafka_AdminOptions_new(rk, op));
    char errstr[256];
    rd_kafka_AdminOptions_set_request_timeout(opt.get(), timeoutMs, errstr, sizeof errstr);
    return opt;
}

/// Waits for the result event of one admin request; nullptr when the deadline passed, or
/// as soon as `handle` knows that no broker can answer (every one refused or failed
/// authentication), so an unreachable cluster is reported at once, not after the timeout.
inline EventPtr waitEvent(rd_kafka_queue_t *q, const QDeadlineTimer &deadline, RdKafkaHandle *handle = nullptr)
{
    while (true) {
        const int remaining = int(std::max<qint64>(0, deadline.remainingTime()));
        rd_kafka_event_t *ev = rd_kafka_queue_poll(q, std::min(remaining, 200));
        if (ev) {
            if (handle && !rd_kafka_event_error(ev))
                handle->markReachable();
            return EventPtr(ev);
        }
        if (deadline.hasExpired() || (handle && handle->noBrokerReachable()))
            return nullptr;
    }
}

inline TplPtr toTpl(const QList<TopicPartition> &tps)
{
    TplPtr list(rd_kafka_topic_partition_list_new(int(tps.size())));
    for (const TopicPartition &tp : tps)
        rd_kafka_topic_partition_list_add(list.get(), tp.topic.toUtf8().constData(), tp.partition);
    return list;
}

inline PartitionOffset toPartitionOffset(const rd_kafka_topic_partition_t &p)
{
    PartitionOffset po;
    po.topic = str(p.topic);
    po.partition = p.partition;
    po.offset = p.offset;
    if (p.err) {
        po.errorCode = errName(p.err);
        po.errorMessage = explainKafkaError(po.errorCode, errText(p.err));
    }
    return po;
}

inline QString groupState(rd_kafka_consumer_group_state_t state)
{
    return str(rd_kafka_consumer_group_state_name(state));
}


/// Calls fn(name, value, size) for each header of a consumed message (value null for a null
/// header); fn returns false to stop.
template<typename Fn>
void forEachHeader(const rd_kafka_message_t *msg, Fn &&fn)
{
    rd_kafka_headers_t *hdrs = nullptr;
    if (rd_kafka_message_headers(msg, &hdrs) != RD_KAFKA_RESP_ERR_NO_ERROR || !hdrs)
        return;
    const size_t n = rd_kafka_header_cnt(hdrs);
    for (size_t i = 0; i < n; ++i) {
        const char *name = nullptr;
        const void *value = nullptr;
        size_t size = 0;
        if (rd_kafka_header_get_all(hdrs, i, &name, &value, &size) != RD_KAFKA_RESP_ERR_NO_ERROR
            || !fn(name, static_cast<const char *>(value), size))
            return;
    }
}

/// A consumed librdkafka message as a ConsumedRecord (topic passed in: callers usually know it).
inline ConsumedRecord toConsumedRecord(const rd_kafka_message_t *msg, const QString &topic)
{
    ConsumedRecord r;
    r.topic = topic;
    r.partition = msg->partition;
    r.offset = msg->offset;
    rd_kafka_timestamp_type_t tstype;
    r.timestampMs = rd_kafka_message_timestamp(msg, &tstype);
    r.timestampType = int(tstype);
    if (msg->key)
        r.key = QByteArray(static_cast<const char *>(msg->key), qsizetype(msg->key_len));
    if (msg->payload)
        r.value = QByteArray(static_cast<const char *>(msg->payload), qsizetype(msg->len));
    forEachHeader(msg, [&r](const char *name, const char *value, size_t size) {
        RecordHeader h;
        h.key = QString::fromUtf8(name);
        if (value)
            h.value = QByteArray(value, qsizetype(size));
        r.headers.append(std::move(h));
        return true;
    });
    return r;
}

/// A produced batch as the sender thread sees it.
class SentBatch
{
public:
    virtual ~SentBatch() = default;
    virtual bool complete() const = 0; ///< every report is in
    virtual bool expired() const = 0;  ///< past the time every report must have come by
    virtual void release() = 0;        ///< lets the batch's owner take the reports
};

/// The sender thread's state: batches handed to librdkafka whose reports are not all in. One
/// thread hands batches over in order and serves the producer's reports between them, so the
/// messages librdkafka allocates there are freed there too.
struct SendQueue
{
    QThreadPool thread;
    std::atomic<int> waiting{0};  ///< batches given to produceAsync, not yet handed over
    std::deque<SentBatch *> open; ///< handed over, reports outstanding (sender thread only)

    SendQueue()
    {
        thread.setMaxThreadCount(1);
        thread.setExpiryTimeout(-1);
    }

    /// Serves reports until every open batch is complete, or until another batch is waiting
    /// (its task goes on serving after handing it over).
    void serve(rd_kafka_t *rk)
    {
        while (!open.empty()) {
            for (auto it = open.begin(); it != open.end();) {
                if ((*it)->complete()) {
                    (*it)->release();
                    it = open.erase(it);
                } else {
                    ++it;
                }
            }
            if (open.empty() || waiting.load() > 0)
                return;
            if (open.front()->expired()) {
                // Never expected (message.timeout.ms is shorter): stop librdkafka writing into these slots later.
                rd_kafka_purge(rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
                while (!open.front()->complete() && rd_kafka_outq_len(rk) > 0)
                    rd_kafka_poll(rk, 50);
                // Nothing is queued any more: reports that did not come never will (their slots
                // still say _IN_PROGRESS, which the owner takes as not delivered).
                open.front()->release();
                open.pop_front();
                continue;
            }
            rd_kafka_poll(rk, 10);
        }
    }
};

} // namespace kops::rdk
