#include "partitionstream.h"

#include "rdkafkaclusterapi.h"
#include "rdkafkahandle.h"
#include "rdkafkautil.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>

namespace kops {

namespace {

constexpr int kGroupSize = 8;     ///< partitions read at once
constexpr int kStallMs = 30000; ///< no record and no end for this long: give up with the client's last error

/// Fallback over ClusterApi::read(): one partition at a time, round robin.
class ApiPartitionStream final : public PartitionStream
{
public:
    ApiPartitionStream(ClusterApi &api, QString topic, QList<StreamRange> ranges)
        : m_api(api), m_topic(std::move(topic)), m_ranges(std::move(ranges))
    {
    }

    Result<QList<ConsumedRecord>> next(int maxRecords, int timeoutMs) override
    {
        for (int tried = 0; tried < m_ranges.size(); ++tried) {
            StreamRange &r = m_ranges[m_turn];
            m_turn = (m_turn + 1) % int(m_ranges.size());
            if (r.from >= r.end)
                continue;
            auto got = m_api.read({m_topic, r.partition}, r.from, int(std::min<qint64>(maxRecords, r.end - r.from)),
                                  std::max(timeoutMs, 1000));
            if (!got)
                return got.error();
            QList<ConsumedRecord> out;
            for (ConsumedRecord &c : got.value()) {
                if (c.offset < r.from || c.offset >= r.end)
                    continue;
                r.from = c.offset + 1;
                out.append(std::move(c));
            }
            if (out.isEmpty())
                r.from = r.end; // nothing readable below the end
            return out;
        }
        return QList<ConsumedRecord>();
    }

    bool atEnd() const override
    {
        return std::all_of(m_ranges.cbegin(), m_ranges.cend(), [](const StreamRange &r) { return r.from >= r.end; });
    }

private:
    ClusterApi &m_api;
    QString m_topic;
    QList<StreamRange> m_ranges;
    int m_turn = 0;
};

/// One consumer handle reading up to kGroupSize partitions at once (one fetch request per leader,
/// prefetching between pages); the next group is assigned when a group is done. librdkafka 2.0
/// stalls on full fetch queues more the more partitions share the budget, so the budget is
/// spread over a few partitions rather than thinly over all of them.
class RdKafkaPartitionStream final : public PartitionStream
{
public:
    RdKafkaPartitionStream(std::unique_ptr<RdKafkaHandle> handle, QString topic, QList<StreamRange> ranges)
        : m_handle(std::move(handle)), m_topic(std::move(topic))
    {
        for (const StreamRange &r : ranges)
            if (r.from < r.end)
                m_waiting.append(r);
        m_progress.start();
    }

    ~RdKafkaPartitionStream() override
    {
        if (m_assigned)
            rd_kafka_assign(m_handle->rk(), nullptr);
    }

    Result<QList<ConsumedRecord>> next(int maxRecords, int timeoutMs) override
    {
        QList<ConsumedRecord> out;
        if (atEnd())
            return out;
        rd_kafka_t *rk = m_handle->rk();
        if (groupDone()) {
            m_ranges.clear();
            while (!m_waiting.isEmpty() && m_ranges.size() < kGroupSize) {
                const StreamRange r = m_waiting.takeFirst();
                m_ranges.insert(r.partition, r);
            }
            rdk::TplPtr list(
                rd_kafka_topic_partition_list_new(int(m_ranges.size())));
            const QByteArray topic = m_topic.toUtf8();
            for (const StreamRange &r : std::as_const(m_ranges))
                rd_kafka_topic_partition_list_add(list.get(), topic.constData(), r.partition)->offset = r.from;
            if (const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list.get()))
                return m_handle->error(err, QStringLiteral("Reading %1").arg(m_topic));
            m_assigned = true;
        }
        const QDeadlineTimer deadline(timeoutMs);
        out.reserve(std::min(maxRecords, 10000));
        while (out.size() < maxRecords && !groupDone()) {
            // Collected records go out at once; only an empty page waits for the deadline.
            const int wait = out.isEmpty() ? int(std::clamp<qint64>(deadline.remainingTime(), 0, 100)) : 0;
            rdk::MessagePtr msg(rd_kafka_consumer_poll(rk, wait));
            if (!msg) {
                if (!out.isEmpty() || deadline.hasExpired())
                    break;
                continue;
            }
            auto it = m_ranges.find(msg->partition);
            if (msg->err) {
                if (msg->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    if (it != m_ranges.end())
                        it->from = it->end; // the log ends below the recorded end (gaps, markers)
                    m_progress.restart();
                    continue;
                }
                if (msg->rkt && it != m_ranges.end()) // a partition's own error (out of range, deleted...)
                    return m_handle->error(msg->err, QStringLiteral("Reading %1/%2").arg(m_topic).arg(msg->partition));
                continue; // client-level (a broker down): librdkafka reconnects; the stall check decides
            }
            if (it == m_ranges.end() || msg->offset < it->from || it->from >= it->end)
                continue;
            if (msg->offset >= it->end) {
                it->from = it->end;
                continue;
            }
            it->from = msg->offset + 1;
            out.append(rdk::toConsumedRecord(msg.get(), m_topic));
        }
        if (!out.isEmpty())
            m_progress.restart();
        else if (!atEnd() && m_progress.elapsed() > kStallMs)
            return m_handle->error(RD_KAFKA_RESP_ERR__TIMED_OUT, QStringLiteral("Reading %1").arg(m_topic));
        return out;
    }

    bool atEnd() const override { return m_waiting.isEmpty() && groupDone(); }

private:
    bool groupDone() const
    {
        return std::all_of(m_ranges.cbegin(), m_ranges.cend(), [](const StreamRange &r) { return r.from >= r.end; });
    }

    std::unique_ptr<RdKafkaHandle> m_handle;
    QString m_topic;
    QList<StreamRange> m_waiting;  ///< not assigned yet
    QHash<int, StreamRange> m_ranges; ///< the group being read
    bool m_assigned = false;
    QElapsedTimer m_progress;
};

/// Fails every call with the error that prevented opening.
class FailedStream final : public PartitionStream
{
public:
    explicit FailedStream(KafkaError e) : m_error(std::move(e)) {}
    Result<QList<ConsumedRecord>> next(int, int) override { return m_error; }
    bool atEnd() const override { return false; }

private:
    KafkaError m_error;
};

} // namespace

std::unique_ptr<PartitionStream> PartitionStream::open(ClusterApi &api, const QString &topic, const QList<StreamRange> &ranges)
{
    auto *rdkafka = dynamic_cast<RdKafkaClusterApi *>(&api);
    if (!rdkafka)
        return std::make_unique<ApiPartitionStream>(api, topic, ranges);
    auto props = rdkafka->properties();
    props.prepend({QStringLiteral("group.id"), QStringLiteral("kafka-ops-console-reader")});
    // Bounded prefetch: memory stays flat however large the topic (at most 8 x 12 MB queued).
    props.append({QStringLiteral("queued.max.messages.kbytes"), QStringLiteral("12288")});
    props.append({QStringLiteral("fetch.max.bytes"), QStringLiteral("16777216")});
    props.append({QStringLiteral("queued.min.messages"), QStringLiteral("100000")});
    // librdkafka 2.0 pauses a partition's fetching for fetch.error.backoff.ms (500 ms) whenever its
    // queue is full; with a bounded queue that is often, so keep the pause short.
    props.append({QStringLiteral("fetch.error.backoff.ms"), QStringLiteral("10")});
    props.append({QStringLiteral("auto.offset.reset"), QStringLiteral("error")});
    props.append({QStringLiteral("fetch.wait.max.ms"), QStringLiteral("50")});
    auto handle = RdKafkaHandle::create(RdKafkaHandle::Kind::Reader, props);
    if (!handle)
        return std::make_unique<FailedStream>(handle.error());
    rd_kafka_poll_set_consumer(handle.value()->rk());
    return std::make_unique<RdKafkaPartitionStream>(std::move(handle).value(), topic, ranges);
}

} // namespace kops
