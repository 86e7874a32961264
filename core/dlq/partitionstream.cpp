#include "partitionstream.h"

#include <QCoreApplication>

#include "rdkafkaclusterapi.h"
#include "rdkafkahandle.h"
#include "rdkafkautil.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <array>

namespace kops {

RecordView RecordView::of(const ConsumedRecord &record)
{
    RecordView v;
    v.partition = record.partition;
    v.offset = record.offset;
    v.timestampMs = record.timestampMs;
    v.timestampType = record.timestampType;
    static const char empty = 0; // a present but empty key/value still has a non-null data pointer
    if (record.key) {
        v.m_keyData = record.key->isEmpty() ? &empty : record.key->constData();
        v.m_keySize = record.key->size();
    }
    if (record.value) {
        v.m_valueData = record.value->isEmpty() ? &empty : record.value->constData();
        v.m_valueSize = record.value->size();
    }
    v.m_record = &record;
    return v;
}

RecordView RecordView::ofMessage(const void *message, void *owner)
{
    const auto *msg = static_cast<const rd_kafka_message_t *>(message);
    RecordView v;
    v.partition = msg->partition;
    v.offset = msg->offset;
    rd_kafka_timestamp_type_t type;
    v.timestampMs = rd_kafka_message_timestamp(msg, &type);
    v.timestampType = int(type);
    v.m_keyData = static_cast<const char *>(msg->key);
    v.m_keySize = qsizetype(msg->key_len);
    v.m_valueData = static_cast<const char *>(msg->payload);
    v.m_valueSize = qsizetype(msg->len);
    v.m_message = msg;
    v.m_owner = owner;
    return v;
}

void RecordView::forEachHeader(const std::function<bool(QByteArrayView, QByteArrayView, bool)> &fn) const
{
    if (m_record) {
        for (const RecordHeader &h : m_record->headers) {
            const QByteArray name = h.key.toUtf8();
            if (!fn(name, h.value ? QByteArrayView(*h.value) : QByteArrayView(), !h.value))
                return;
        }
        return;
    }
    if (!m_message)
        return;
    rdk::forEachHeader(static_cast<const rd_kafka_message_t *>(m_message),
                       [&fn](const char *name, const char *value, size_t size) {
                           return fn(QByteArrayView(name), QByteArrayView(value, qsizetype(size)), !value);
                       });
}

/// Header names as QStrings, shared instead of converted for every record: dead-letter topics
/// repeat the same few names on every record. A small per-thread cache, searched linearly.
const QString &RecordView::headerName(QByteArrayView name)
{
    struct Entry
    {
        QByteArray bytes;
        QString text;
    };
    constexpr int kEntries = 32;
    thread_local std::array<Entry, kEntries> cache;
    thread_local int next = 0;
    for (const Entry &e : cache)
        if (e.bytes.size() == name.size() && e.bytes == name)
            return e.text;
    Entry &e = cache[size_t(next)];
    next = (next + 1) % kEntries;
    e.bytes = name.toByteArray();
    e.text = QString::fromUtf8(name);
    return e.text;
}

std::shared_ptr<const rd_kafka_message_s> RecordView::retain() const
{
    auto *owner = static_cast<rdk::MessagePtr *>(m_owner);
    if (!owner || !*owner)
        return nullptr;
    return std::shared_ptr<const rd_kafka_message_s>(owner->release(), [](const rd_kafka_message_s *m) {
        rd_kafka_message_destroy(const_cast<rd_kafka_message_t *>(m));
    });
}

QList<RecordHeader> RecordView::headers() const
{
    if (m_record)
        return m_record->headers;
    QList<RecordHeader> out;
    out.reserve(8);
    forEachHeader([&out](QByteArrayView name, QByteArrayView value, bool isNull) {
        RecordHeader h;
        h.key = headerName(name);
        if (!isNull)
            h.value = value.toByteArray();
        out.append(std::move(h));
        return true;
    });
    return out;
}

ConsumedRecord RecordView::toRecord(const QString &topic) const
{
    if (m_record)
        return *m_record;
    if (m_message)
        return rdk::toConsumedRecord(static_cast<const rd_kafka_message_t *>(m_message), topic);
    return {};
}

Result<QList<ConsumedRecord>> PartitionStream::next(int maxRecords, int timeoutMs)
{
    QList<ConsumedRecord> out;
    auto shown = visit(maxRecords, timeoutMs, [&](const RecordView &v) { out.append(v.toRecord(m_topic)); });
    if (!shown)
        return shown.error();
    return out;
}

namespace {

constexpr int kGroupSize = 8;     ///< partitions read at once
constexpr int kStallMs = 30000; ///< no record and no end for this long: give up with the client's last error
constexpr int kBatch = 2048;      ///< messages taken from librdkafka's queue per call

/// Fallback over ClusterApi::read(): one partition at a time, round robin.
class ApiPartitionStream final : public PartitionStream
{
public:
    ApiPartitionStream(ClusterApi &api, QString topic, QList<StreamRange> ranges)
        : PartitionStream(std::move(topic)), m_api(api), m_ranges(std::move(ranges))
    {
    }

    Result<int> visit(int maxRecords, int timeoutMs, const Visitor &visitor) override
    {
        for (int tried = 0; tried < m_ranges.size(); ++tried) {
            StreamRange &r = m_ranges[m_turn];
            m_turn = (m_turn + 1) % int(m_ranges.size());
            if (r.from >= r.end)
                continue;
            auto got = m_api.read({topic(), r.partition}, r.from, int(std::min<qint64>(maxRecords, r.end - r.from)),
                                  std::max(timeoutMs, 1000));
            if (!got)
                return got.error();
            int shown = 0;
            for (const ConsumedRecord &c : std::as_const(got.value())) {
                if (c.offset < r.from || c.offset >= r.end)
                    continue;
                r.from = c.offset + 1;
                visitor(RecordView::of(c));
                ++shown;
            }
            if (shown > 0) {
                m_emptyReads = 0;
                return shown;
            }
            // Nothing came back. That ends the range only when the log says nothing is there
            // (the end moved below it, or retention took it); an empty answer from a leader
            // that is down or moving is no proof, so ask again (up to kStallMs in all).
            auto wm = m_api.watermarks({{topic(), r.partition}});
            if (!wm)
                return wm.error();
            const PartitionWatermarks w = wm.value().value(0);
            if (!w.errorCode.isEmpty())
                return KafkaError::make(w.errorCode, QCoreApplication::translate("kops::DeadLetters", "Reading %1/%2: %3").arg(topic()).arg(r.partition).arg(w.errorMessage));
            if (w.high >= 0 && w.high <= r.from) {
                r.from = r.end;
            } else if (w.low > r.from) {
                r.from = std::min(w.low, r.end);
            } else if (++m_emptyReads * std::max(timeoutMs, 1000) > kStallMs) {
                // Records are said to be there but none can be read (gaps of a compacted log).
                r.from = r.end;
                m_emptyReads = 0;
            }
            return 0;
        }
        return 0;
    }

    bool atEnd() const override
    {
        return std::all_of(m_ranges.cbegin(), m_ranges.cend(), [](const StreamRange &r) { return r.from >= r.end; });
    }

private:
    ClusterApi &m_api;
    QList<StreamRange> m_ranges;
    int m_turn = 0;
    int m_emptyReads = 0; ///< empty answers in a row for ranges the log says hold records
};

/// One consumer handle reading up to kGroupSize partitions at once (one fetch request per leader;
/// librdkafka keeps fetching in its own threads while the caller filters); the next group is
/// assigned when a group is done. Messages are taken from the queue in batches and shown in
/// place: nothing is copied unless the visitor keeps it.
class RdKafkaPartitionStream final : public PartitionStream
{
public:
    RdKafkaPartitionStream(std::unique_ptr<RdKafkaHandle> handle, QString topic, QList<StreamRange> ranges)
        : PartitionStream(std::move(topic)), m_handle(std::move(handle)), m_queue(rd_kafka_queue_get_consumer(m_handle->rk()))
    {
        for (const StreamRange &r : ranges)
            if (r.from < r.end)
                m_waiting.append(r);
        m_progress.start();
    }

    ~RdKafkaPartitionStream() override
    {
        // Messages retained from this stream must be gone by now: rd_kafka_destroy waits for them.
        m_queue.reset();
        if (m_assigned)
            rd_kafka_assign(m_handle->rk(), nullptr);
    }

    Result<int> visit(int maxRecords, int timeoutMs, const Visitor &visitor) override
    {
        if (atEnd())
            return 0;
        rd_kafka_t *rk = m_handle->rk();
        if (groupDone()) {
            m_ranges.clear();
            while (!m_waiting.isEmpty() && m_ranges.size() < kGroupSize) {
                const StreamRange r = m_waiting.takeFirst();
                m_ranges.insert(r.partition, r);
            }
            rdk::TplPtr list(rd_kafka_topic_partition_list_new(int(m_ranges.size())));
            const QByteArray name = topic().toUtf8();
            for (const StreamRange &r : std::as_const(m_ranges))
                rd_kafka_topic_partition_list_add(list.get(), name.constData(), r.partition)->offset = r.from;
            if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list.get()))
                return m_handle->error(err, QCoreApplication::translate("kops::DeadLetters", "Reading %1").arg(topic()));
            m_assigned = true;
        }
        const QDeadlineTimer deadline(timeoutMs);
        int shown = 0;
        std::array<rd_kafka_message_t *, kBatch> batch;
        std::optional<KafkaError> failure;
        while (shown < maxRecords && !groupDone() && !failure) {
            // Collected records go out at once; only an empty visit waits for the deadline.
            const int wait = shown == 0 ? int(std::clamp<qint64>(deadline.remainingTime(), 0, 100)) : 0;
            const ssize_t n = rd_kafka_consume_batch_queue(m_queue.get(), wait, batch.data(),
                                                           size_t(std::min(kBatch, maxRecords - shown)));
            if (n <= 0) {
                if (shown > 0 || deadline.hasExpired())
                    break;
                continue;
            }
            for (ssize_t i = 0; i < n; ++i) {
                rdk::MessagePtr msg(batch[size_t(i)]);
                if (!failure)
                    shown += take(msg, visitor, &failure);
            }
        }
        if (failure)
            return *failure;
        if (shown > 0)
            m_progress.restart();
        else if (!atEnd() && m_progress.elapsed() > kStallMs)
            return m_handle->error(RD_KAFKA_RESP_ERR__TIMED_OUT, QCoreApplication::translate("kops::DeadLetters", "Reading %1").arg(topic()));
        return shown;
    }

    bool atEnd() const override { return m_waiting.isEmpty() && groupDone(); }

private:
    /// Moves the cursor past one message and shows it when it is in range; 1 when shown.
    int take(rdk::MessagePtr &owned, const Visitor &visitor, std::optional<KafkaError> *failure)
    {
        const rd_kafka_message_t *msg = owned.get();
        auto it = m_ranges.find(msg->partition);
        if (msg->err) {
            if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                if (it != m_ranges.end())
                    it->from = it->end; // the log ends below the recorded end (gaps, markers)
                m_progress.restart();
            } else if (msg->rkt && it != m_ranges.end()) { // a partition's own error (out of range, deleted...)
                *failure = m_handle->error(msg->err, QCoreApplication::translate("kops::DeadLetters", "Reading %1/%2").arg(topic()).arg(msg->partition));
            } // else client-level (a broker down): librdkafka reconnects; the stall check decides
            return 0;
        }
        if (it == m_ranges.end() || msg->offset < it->from || it->from >= it->end)
            return 0;
        if (msg->offset >= it->end) {
            it->from = it->end;
            return 0;
        }
        it->from = msg->offset + 1;
        visitor(RecordView::ofMessage(msg, &owned)); // the visitor may retain() it
        return 1;
    }

    bool groupDone() const
    {
        return std::all_of(m_ranges.cbegin(), m_ranges.cend(), [](const StreamRange &r) { return r.from >= r.end; });
    }

    std::unique_ptr<RdKafkaHandle> m_handle;
    rdk::QueuePtr m_queue;          ///< the consumer's queue (messages of every assigned partition)
    QList<StreamRange> m_waiting;   ///< not assigned yet
    QHash<int, StreamRange> m_ranges; ///< the group being read
    bool m_assigned = false;
    QElapsedTimer m_progress;
};

/// Fails every call with the error that prevented opening.
class FailedStream final : public PartitionStream
{
public:
    FailedStream(QString topic, KafkaError e) : PartitionStream(std::move(topic)), m_error(std::move(e)) {}
    Result<int> visit(int, int, const Visitor &) override { return m_error; }
    bool atEnd() const override { return false; }

private:
    KafkaError m_error;
};

} // namespace

std::unique_ptr<PartitionStream> PartitionStream::open(ClusterApi &api, const QString &topic, const QList<StreamRange> &ranges)
{
    RdKafkaClusterApi *rdkafka = api.streamingClient();
    if (!rdkafka)
        return std::make_unique<ApiPartitionStream>(api, topic, ranges);
    auto props = rdkafka->properties();
    props.prepend({QStringLiteral("group.id"), QStringLiteral("kafka-ops-console-reader")});
    // Bounded prefetch: memory stays flat however large the topic. The bounds apply to the
    // stream's one queue, and librdkafka 2.0 stops fetching for a whole second once either is
    // reached (2.1 made that fetch.queue.backoff.ms): they must hold more than a second of what
    // the caller takes, or it waits for records while the broker has them. At 100,000 (as
    // before) a requeue, taking ~200,000 records a second, stalled for up to 1.7 s in a third of
    // its runs (debug=fetch: "queued.min.messages exceeded", then nothing fetched until the
    // broker thread's next wake-up).
    props.append({QStringLiteral("queued.max.messages.kbytes"), QStringLiteral("65536")});
    props.append({QStringLiteral("fetch.max.bytes"), QStringLiteral("16777216")});
    props.append({QStringLiteral("queued.min.messages"), QStringLiteral("300000")});
    // librdkafka 2.0 pauses a partition's fetching for fetch.error.backoff.ms (500 ms) whenever its
    // queue is full; with a bounded queue that is often, so keep the pause short.
    props.append({QStringLiteral("fetch.error.backoff.ms"), QStringLiteral("10")});
    props.append({QStringLiteral("auto.offset.reset"), QStringLiteral("error")});
    props.append({QStringLiteral("fetch.wait.max.ms"), QStringLiteral("50")});
    // Records of aborted transactions are not dead letters to browse or requeue; the end of an
    // open transaction's records (the last stable offset) ends the range early (end of partition).
    props.append({QStringLiteral("isolation.level"), QStringLiteral("read_committed")});
    auto handle = RdKafkaHandle::create(RdKafkaHandle::Kind::Reader, props);
    if (!handle)
        return std::make_unique<FailedStream>(topic, handle.error());
    rd_kafka_poll_set_consumer(handle.value()->rk());
    return std::make_unique<RdKafkaPartitionStream>(std::move(handle).value(), topic, ranges);
}

} // namespace kops
