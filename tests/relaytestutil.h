#pragma once
// Shared by the relay tests: produce keyed records, read a topic back read_committed, restart a
// delay router and collect what it forwarded.

#include "clustertypes.h"
#include "delayqueue.h"
#include "rdkafkaclusterapi.h"
#include "relayjournal.h"
#include "transactionalrelay.h"

#include <librdkafka/rdkafka.h>

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QTest>

#include <thread>

namespace kops::test {

struct ReadBack
{
    int partition = -1;
    qint64 offset = -1;
    qint64 timestampMs = 0;
    QByteArray key;
    bool hasKey = false;
    QByteArray value;
    QHash<QString, QByteArray> headers;
};

inline rd_kafka_t *makeClient(rd_kafka_type_t type, const QList<QPair<QString, QString>> &props,
                              const QList<QPair<QString, QString>> &extra = {})
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    for (const auto &kv : props + extra)
        rd_kafka_conf_set(conf, kv.first.toUtf8().constData(), kv.second.toUtf8().constData(), err, sizeof err);
    return rd_kafka_new(type, conf, err, sizeof err);
}

/// Every record of the topic's partitions as a read_committed consumer sees them.
inline QList<ReadBack> readCommitted(const QList<QPair<QString, QString>> &props, const QString &topic, int partitions)
{
    rd_kafka_t *rk = makeClient(RD_KAFKA_CONSUMER, props,
                                {{QStringLiteral("group.id"), QStringLiteral("relay-test-reader")},
                                 {QStringLiteral("isolation.level"), QStringLiteral("read_committed")},
                                 {QStringLiteral("enable.partition.eof"), QStringLiteral("true")},
                                 {QStringLiteral("enable.auto.commit"), QStringLiteral("false")}});
    rd_kafka_poll_set_consumer(rk);
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(partitions);
    for (int p = 0; p < partitions; ++p)
        rd_kafka_topic_partition_list_add(list, topic.toUtf8().constData(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(rk, list);
    rd_kafka_topic_partition_list_destroy(list);
    QList<ReadBack> out;
    int eof = 0;
    QElapsedTimer clock;
    clock.start();
    while (eof < partitions && clock.elapsed() < 60000) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 200);
        if (!m)
            continue;
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            ++eof;
        } else if (!m->err) {
            ReadBack r;
            r.partition = m->partition;
            r.offset = m->offset;
            r.timestampMs = rd_kafka_message_timestamp(m, nullptr);
            r.hasKey = m->key != nullptr;
            if (m->key)
                r.key = QByteArray(static_cast<const char *>(m->key), qsizetype(m->key_len));
            if (m->payload)
                r.value = QByteArray(static_cast<const char *>(m->payload), qsizetype(m->len));
            rd_kafka_headers_t *h = nullptr;
            if (!rd_kafka_message_headers(m, &h) && h) {
                for (size_t i = 0; i < rd_kafka_header_cnt(h); ++i) {
                    const char *name;
                    const void *v;
                    size_t sz;
                    if (!rd_kafka_header_get_all(h, i, &name, &v, &sz))
                        r.headers.insert(QString::fromUtf8(name), v ? QByteArray(static_cast<const char *>(v), qsizetype(sz)) : QByteArray());
                }
            }
            out.append(r);
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return out;
}

// The RD_KAFKA_V_* macros expand to C casts.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
/// Produces `count` records spread over the partitions, keys "k<i % keys>" (every 10th null).
inline void produceKeyed(const QList<QPair<QString, QString>> &props, const QString &topic, int count, int keys = 97)
{
    rd_kafka_t *rk = makeClient(RD_KAFKA_PRODUCER, props, {{QStringLiteral("linger.ms"), QStringLiteral("20")},
                                                            {QStringLiteral("partitioner"), QStringLiteral("murmur2_random")}});
    const QByteArray t = topic.toUtf8();
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "k" + QByteArray::number(i % keys);
        const QByteArray value = "v-" + QByteArray::number(i);
        const bool nullKey = i % 10 == 9;
        while (rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(t.constData()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                 RD_KAFKA_V_KEY(nullKey ? nullptr : key.constData(), nullKey ? 0 : size_t(key.size())),
                                 RD_KAFKA_V_PARTITION(nullKey ? i % 4 : RD_KAFKA_PARTITION_UA),
                                 RD_KAFKA_V_VALUE(const_cast<char *>(value.constData()), size_t(value.size())),
                                 RD_KAFKA_V_HEADER("h", "x", 1), RD_KAFKA_V_END)
               == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(rk, 50);
    }
    rd_kafka_flush(rk, 30000);
    rd_kafka_destroy(rk);
}

#pragma GCC diagnostic pop

/// Source offset -> times seen in the target, from the origin header.
inline QHash<QString, int> originCounts(const QList<ReadBack> &records, const QString &header)
{
    QHash<QString, int> seen;
    for (const ReadBack &r : records)
        ++seen[QString::fromUtf8(r.headers.value(header))];
    return seen;
}

/// A drain relay of `partitions` partitions of `topic` for `group` up to their current ends
/// (read with `api`), as the drain tests run it; false when the ends cannot be read.
inline bool drainRelayOptions(RdKafkaClusterApi &api, const QList<QPair<QString, QString>> &props, const QString &group,
                              const QString &topic, int partitions, int maxRecordsPerTransaction, int timeoutMs,
                              TransactionalRelay::Options *o)
{
    o->properties = props;
    o->groupId = group;
    o->transactionalId = QStringLiteral("tx-") + group;
    o->originHeader = QStringLiteral("kops-drained-from");
    o->maxRecordsPerTransaction = maxRecordsPerTransaction;
    o->timeoutMs = timeoutMs;
    QList<TopicPartition> tps;
    for (int p = 0; p < partitions; ++p)
        tps.append({topic, p});
    auto w = api.watermarks(tps);
    if (!w.ok())
        return false;
    for (const PartitionWatermarks &m : w.value())
        o->sources.append({topic, m.partition, m.high});
    return true;
}

/// The records of the "waits in memory" cases, all with one key into one tier partition: the
/// first due in 4 s, ahead of 50 due in 0.3 .. 0.8 s.
inline QList<DelayedRecord> oneDueLastAheadOfFifty(const QString &target, qint64 now)
{
    QList<DelayedRecord> records;
    for (int i = 0; i <= 50; ++i) {
        DelayedRecord r;
        r.target = target;
        r.dueMs = i == 0 ? now + 4000 : now + 300 + i * 10; // the first in the tier is due last
        r.key = QByteArray("k");
        r.value = QByteArray::number(i);
        records.append(r);
    }
    return records;
}

/// How often routeAfterRestart() reads the target back, and how long it waits after that.
struct RoutePolling
{
    int reads = 60;          ///< at most, until the expected count arrived
    int everyMs = 250;
    int duplicateWaitMs = 1500; ///< after the last read: anything more would be a duplicate
};

/// Runs the queue's router on a thread with its own client and journal (as a restarted process
/// would) until `expected` records are in `target` or the reads run out, waits for duplicates,
/// stops the router and returns every record the target holds.
inline QList<ReadBack> routeAfterRestart(const DelayQueue &queue, const QList<QPair<QString, QString>> &props,
                                         const QString &journalPath, const QString &connection, const QString &target,
                                         int partitions, int expected, const RoutePolling &polling = {})
{
    TransactionalRelay::Control control;
    std::thread runner([&] {
        RdKafkaClusterApi api(props);
        RelayJournal journal(journalPath);
        auto r = queue.run(api, journal, connection, &control);
        if (!r)
            qWarning("router: %s", qPrintable(r.error().toString()));
    });
    QList<ReadBack> got;
    for (int i = 0; i < polling.reads && got.size() < expected; ++i) {
        QTest::qWait(polling.everyMs);
        got = readCommitted(props, target, partitions);
    }
    QTest::qWait(polling.duplicateWaitMs);
    got = readCommitted(props, target, partitions);
    control.cancel = true;
    runner.join();
    return got;
}

/// How many different values the records carry; each one that arrived more than once is named in a warning.
inline int distinctValues(const QList<ReadBack> &records)
{
    QHash<QByteArray, int> times;
    for (const ReadBack &r : records)
        ++times[r.value];
    for (auto it = times.cbegin(); it != times.cend(); ++it)
        if (it.value() != 1)
            qWarning("value %s arrived %d times", it.key().constData(), it.value());
    return int(times.size());
}

} // namespace kops::test
