#include "demorecords.h"

#include <librdkafka/rdkafka.h>

#include <QDateTime>
#include <QTimeZone>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kops::demo {

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
constexpr int kSeededOrders = 24000;
constexpr int kSeededPayments = 9000;
constexpr int kSpringDeadLetters = 3200;
constexpr int kConnectDeadLetters = 300;

/// Relative traffic at a time of day: quiet at night, busiest mid-afternoon.
double dailyRate(qint64 atMs)
{
    const double hour = double((atMs / 1000) % 86400) / 3600.0;
    return 1.0 + 0.6 * std::sin(2 * std::numbers::pi * (hour - 9.0) / 24.0);
}

int partitionFor(const QByteArray &key, int partitions)
{
    quint32 h = 2166136261u; // FNV-1a: stable across runs, unlike qHash
    for (char c : key)
        h = (h ^ quint8(c)) * 16777619u;
    return int(h % quint32(partitions));
}

QByteArray bigEndian32(qint32 v)
{
    QByteArray b(4, Qt::Uninitialized);
    qToBigEndian(v, b.data());
    return b;
}

QByteArray bigEndian64(qint64 v)
{
    QByteArray b(8, Qt::Uninitialized);
    qToBigEndian(v, b.data());
    return b;
}

QByteArray isoTime(qint64 atMs)
{
    return QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
}

struct Failure
{
    const char *className;
    const char *message;
    int weight;
};

const Failure kSpringFailures[] = {
    {"org.springframework.kafka.support.serializer.DeserializationException",
     "failed to deserialize; nested exception is com.fasterxml.jackson.core.JsonParseException: Unexpected character "
     "('<' (code 60)): expected a valid value",
     40},
    {"com.acme.orders.InventoryUnavailableException", "No stock left for the ordered SKU in warehouse FRA-2", 30},
    {"java.lang.NullPointerException", "Cannot invoke \"Customer.getAddress()\" because \"customer\" is null", 20},
    {"org.springframework.dao.DataIntegrityViolationException",
     "duplicate key value violates unique constraint \"orders_pkey\"", 10},
};

const Failure kConnectFailures[] = {
    {"org.apache.kafka.connect.errors.DataException",
     "Converting byte[] to Kafka Connect data failed due to serialization error", 70},
    {"org.apache.kafka.connect.errors.ConnectException", "java.sql.SQLException: value too long for column \"reference\"",
     30},
};

template<std::size_t N>
const Failure &pick(QRandomGenerator &rng, const Failure (&failures)[N])
{
    int total = 0;
    for (const Failure &f : failures)
        total += f.weight;
    int r = int(rng.bounded(total));
    for (const Failure &f : failures) {
        if (r < f.weight)
            return f;
        r -= f.weight;
    }
    return failures[0];
}

/// Timestamps of count records over the day before now, denser at busy hours, sorted.
QList<qint64> dayOfTimestamps(QRandomGenerator &rng, qint64 nowMs, int count)
{
    QList<qint64> out;
    out.reserve(count);
    while (out.size() < count) {
        const qint64 at = nowMs - kDayMs + qint64(rng.bounded(double(kDayMs - 5000)));
        if (rng.bounded(1.6) <= dailyRate(at))
            out.append(at);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

QList<QPair<QString, int>> demoTopics()
{
    return {{QStringLiteral("orders"), 12},
            {QStringLiteral("payments"), 6},
            {QStringLiteral("orders.DLT"), 3},
            {QStringLiteral("payments.DLQ"), 1}};
}

QList<QPair<QString, QStringList>> demoGroups()
{
    return {{QStringLiteral("billing-service"), {QStringLiteral("orders"), QStringLiteral("payments")}},
            {QStringLiteral("shipping-service"), {QStringLiteral("orders")}},
            {QStringLiteral("audit-archiver"), {QStringLiteral("orders"), QStringLiteral("payments")}},
            {QStringLiteral("fraud-scoring"), {QStringLiteral("payments")}}};
}

QList<ConfigEntry> topicConfigEntries(const QHash<QString, QString> &overrides)
{
    const QList<QPair<QString, QString>> defaults = {
        {QStringLiteral("cleanup.policy"), QStringLiteral("delete")},
        {QStringLiteral("compression.type"), QStringLiteral("producer")},
        {QStringLiteral("max.message.bytes"), QStringLiteral("1048588")},
        {QStringLiteral("message.timestamp.type"), QStringLiteral("CreateTime")},
        {QStringLiteral("min.insync.replicas"), QStringLiteral("2")},
        {QStringLiteral("retention.bytes"), QStringLiteral("-1")},
        {QStringLiteral("retention.ms"), QStringLiteral("604800000")},
        {QStringLiteral("segment.bytes"), QStringLiteral("1073741824")},
        {QStringLiteral("unclean.leader.election.enable"), QStringLiteral("false")},
    };
    QList<ConfigEntry> out;
    for (const auto &[key, value] : defaults) {
        const bool overridden = overrides.contains(key);
        out.append({key, overridden ? overrides.value(key) : value, !overridden, false, false,
                    overridden ? QStringLiteral("DYNAMIC_TOPIC_CONFIG") : QStringLiteral("DEFAULT_CONFIG")});
    }
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        const bool known = std::any_of(defaults.cbegin(), defaults.cend(), [&](const auto &d) { return d.first == it.key(); });
        if (!known)
            out.append({it.key(), it.value(), false, false, false, QStringLiteral("DYNAMIC_TOPIC_CONFIG")});
    }
    return out;
}

QList<ConfigEntry> brokerConfigEntries(const QString &brokerId)
{
    const QList<QPair<QString, QString>> values = {
        {QStringLiteral("broker.id"), brokerId},
        {QStringLiteral("auto.create.topics.enable"), QStringLiteral("false")},
        {QStringLiteral("default.replication.factor"), QStringLiteral("3")},
        {QStringLiteral("log.retention.hours"), QStringLiteral("168")},
        {QStringLiteral("message.max.bytes"), QStringLiteral("1048588")},
        {QStringLiteral("min.insync.replicas"), QStringLiteral("2")},
        {QStringLiteral("num.io.threads"), QStringLiteral("8")},
        {QStringLiteral("num.network.threads"), QStringLiteral("3")},
        {QStringLiteral("num.partitions"), QStringLiteral("6")},
        {QStringLiteral("unclean.leader.election.enable"), QStringLiteral("false")},
    };
    QList<ConfigEntry> out;
    for (const auto &[key, value] : values)
        out.append({key, value, false, true, false, QStringLiteral("STATIC_BROKER_CONFIG")});
    return out;
}

OutgoingRecord RecordFactory::order(qint64 atMs, int partitions)
{
    OutgoingRecord r;
    r.topic = QStringLiteral("orders");
    r.timestampMs = atMs;
    const QByteArray id = "order-" + QByteArray::number(++m_orderSeq);
    const int qty = 1 + int(m_rng.bounded(4));
    const double price = 5 + double(m_rng.bounded(9000)) / 100.0;
    static const char *channels[] = {"web", "mobile", "pos"};
    r.value = QByteArray("{\"orderId\":\"") + id + "\",\"customerId\":\"cust-" + QByteArray::number(1 + m_rng.bounded(5000))
              + "\",\"createdAt\":\"" + isoTime(atMs) + "\",\"items\":[{\"sku\":\"SKU-"
              + QByteArray::number(1000 + m_rng.bounded(800)) + "\",\"qty\":" + QByteArray::number(qty)
              + ",\"price\":" + QByteArray::number(price, 'f', 2) + "}],\"total\":" + QByteArray::number(qty * price, 'f', 2)
              + ",\"currency\":\"EUR\",\"channel\":\"" + channels[m_rng.bounded(3)] + "\"}";
    if (m_rng.bounded(250) != 0) // the odd producer that forgets the key
        r.key = id;
    r.partition = r.key ? partitionFor(*r.key, partitions) : int(m_rng.bounded(partitions));
    r.headers = {{QStringLiteral("content-type"), QByteArray("application/json")},
                 {QStringLiteral("source"), QByteArray("checkout-api")},
                 {QStringLiteral("traceparent"), "00-" + QByteArray::number(m_rng.generate64(), 16).rightJustified(32, '0')
                                                     + "-" + QByteArray::number(m_rng.generate(), 16).rightJustified(16, '0')
                                                     + "-01"}};
    return r;
}

OutgoingRecord RecordFactory::payment(qint64 atMs, int partitions)
{
    OutgoingRecord r;
    r.topic = QStringLiteral("payments");
    r.timestampMs = atMs;
    const QByteArray id = "pay-" + QByteArray::number(++m_paymentSeq);
    static const char *methods[] = {"card", "sepa", "paypal", "invoice"};
    r.value = QByteArray("{\"paymentId\":\"") + id + "\",\"orderId\":\"order-"
              + QByteArray::number(100000 + m_rng.bounded(m_orderSeq - 99999)) + "\",\"amount\":"
              + QByteArray::number(5 + double(m_rng.bounded(30000)) / 100.0, 'f', 2) + ",\"currency\":\"EUR\",\"method\":\""
              + methods[m_rng.bounded(4)] + "\",\"status\":\"AUTHORIZED\",\"at\":\"" + isoTime(atMs) + "\"}";
    r.key = id;
    r.partition = partitionFor(id, partitions);
    r.headers = {{QStringLiteral("content-type"), QByteArray("application/json")},
                 {QStringLiteral("idempotency-key"), QByteArray::number(m_rng.generate64(), 16)}};
    return r;
}

OutgoingRecord RecordFactory::deadLetter(const OutgoingRecord &original, qint64 originalOffset, qint64 atMs)
{
    const Failure &f = pick(m_rng, kSpringFailures);
    OutgoingRecord r;
    r.topic = QStringLiteral("orders.DLT");
    r.partition = original.partition % 3;
    r.timestampMs = atMs;
    r.key = original.key;
    r.value = original.value;
    if (qstrcmp(f.className, kSpringFailures[0].className) == 0 && m_rng.bounded(4) == 0) {
        // What the deserializer choked on: not JSON at all.
        QByteArray junk(48 + int(m_rng.bounded(64)), Qt::Uninitialized);
        for (char &c : junk)
            c = char(m_rng.bounded(256));
        junk[0] = 0; // a schema-registry style magic byte
        r.value = junk;
    }
    r.headers = {{QStringLiteral("kafka_dlt-original-topic"), original.topic.toUtf8()},
                 {QStringLiteral("kafka_dlt-original-partition"), bigEndian32(original.partition)},
                 {QStringLiteral("kafka_dlt-original-offset"), bigEndian64(originalOffset)},
                 {QStringLiteral("kafka_dlt-original-timestamp"), bigEndian64(original.timestampMs)},
                 {QStringLiteral("kafka_dlt-original-timestamp-type"), QByteArray("CreateTime")},
                 {QStringLiteral("kafka_dlt-original-consumer-group"), QByteArray("shipping-service")},
                 {QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray(f.className)},
                 {QStringLiteral("kafka_dlt-exception-message"), QByteArray(f.message)},
                 {QStringLiteral("kafka_dlt-exception-stacktrace"),
                  QByteArray(f.className) + ": " + f.message + "\n\tat com.acme.shipping.OrderListener.onOrder(OrderListener.java:57)"}};
    return r;
}

OutgoingRecord RecordFactory::connectDeadLetter(const OutgoingRecord &original, qint64 originalOffset, qint64 atMs)
{
    const Failure &f = pick(m_rng, kConnectFailures);
    OutgoingRecord r;
    r.topic = QStringLiteral("payments.DLQ");
    r.partition = 0;
    r.timestampMs = atMs;
    r.key = original.key;
    r.value = original.value;
    r.headers = {{QStringLiteral("__connect.errors.topic"), original.topic.toUtf8()},
                 {QStringLiteral("__connect.errors.partition"), QByteArray::number(original.partition)},
                 {QStringLiteral("__connect.errors.offset"), QByteArray::number(originalOffset)},
                 {QStringLiteral("__connect.errors.connector.name"), QByteArray("payments-jdbc-sink")},
                 {QStringLiteral("__connect.errors.task.id"), QByteArray("0")},
                 {QStringLiteral("__connect.errors.stage"), QByteArray("VALUE_CONVERTER")},
                 {QStringLiteral("__connect.errors.exception.class.name"), QByteArray(f.className)},
                 {QStringLiteral("__connect.errors.exception.message"), QByteArray(f.message)}};
    return r;
}

SeededRecords RecordFactory::seedDay(qint64 nowMs, const QHash<QString, int> &partitions)
{
    SeededRecords out;
    QList<std::pair<OutgoingRecord, qint64>> originals; // orders with their offsets
    const int orderPartitions = partitions.value(QStringLiteral("orders"));
    const int paymentPartitions = partitions.value(QStringLiteral("payments"));
    for (qint64 at : dayOfTimestamps(m_rng, nowMs, kSeededOrders)) {
        OutgoingRecord r = order(at, orderPartitions);
        QList<qint64> &ts = out.timestamps[{r.topic, r.partition}];
        originals.append({r, ts.size()});
        ts.append(at);
        out.records.append(std::move(r));
    }
    QList<std::pair<OutgoingRecord, qint64>> payments;
    for (qint64 at : dayOfTimestamps(m_rng, nowMs, kSeededPayments)) {
        OutgoingRecord r = payment(at, paymentPartitions);
        QList<qint64> &ts = out.timestamps[{r.topic, r.partition}];
        payments.append({r, ts.size()});
        ts.append(at);
        out.records.append(std::move(r));
    }
    // Dead letters arrive a few seconds after their originals failed; kept in time order.
    QList<OutgoingRecord> dead;
    for (int i = 0; i < kSpringDeadLetters; ++i) {
        const auto &[original, offset] = originals.at(qsizetype(m_rng.bounded(qsizetype(originals.size()))));
        dead.append(deadLetter(original, offset, std::min(nowMs - 1000, original.timestampMs + 2000 + m_rng.bounded(8000))));
    }
    for (int i = 0; i < kConnectDeadLetters; ++i) {
        const auto &[original, offset] = payments.at(qsizetype(m_rng.bounded(qsizetype(payments.size()))));
        dead.append(connectDeadLetter(original, offset, std::min(nowMs - 1000, original.timestampMs + 1000 + m_rng.bounded(4000))));
    }
    std::sort(dead.begin(), dead.end(), [](const OutgoingRecord &a, const OutgoingRecord &b) { return a.timestampMs < b.timestampMs; });
    // One dead letter far too large for comfort (a whole customer export pasted into an order).
    for (OutgoingRecord &r : dead) {
        if (r.topic == QLatin1String("orders.DLT") && r.value && r.value->startsWith('{')) {
            QByteArray big = "{\"orderId\":\"order-export\",\"note\":\"";
            big += QByteArray(300 * 1024, 'x');
            big += "\"}";
            r.value = big;
            break;
        }
    }
    out.records.append(dead);
    return out;
}

double RecordFactory::averageRate(const QString &topic)
{
    return topic == QLatin1String("orders") ? 4.0 : 2.0;
}

QHash<QString, int> RecordFactory::produceLive(rd_kafka_s *producer, qint64 nowMs, double secs,
                                               const QHash<QString, int> &partitions, qint64 tick)
{
    Q_UNUSED(tick);
    QHash<QString, int> produced;
    // Rates that wander: a 5-minute wave, a faster ripple and some noise.
    const double orderRate = averageRate(QStringLiteral("orders"))
                             * (1 + 0.5 * std::sin(2 * std::numbers::pi * secs / 300) + 0.2 * std::sin(secs / 7.0));
    const double paymentRate = averageRate(QStringLiteral("payments"))
                               * (1 + 0.5 * std::sin(2 * std::numbers::pi * secs / 420 + 1));
    const int orders = std::max(0, int(orderRate + m_rng.bounded(1.0)));
    const int payments = std::max(0, int(paymentRate + m_rng.bounded(1.0)));
    for (int i = 0; i < orders; ++i)
        produceRecord(producer, order(nowMs, partitions.value(QStringLiteral("orders"))));
    for (int i = 0; i < payments; ++i)
        produceRecord(producer, payment(nowMs, partitions.value(QStringLiteral("payments"))));
    produced.insert(QStringLiteral("orders"), orders);
    produced.insert(QStringLiteral("payments"), payments);
    return produced;
}

void produceRecord(rd_kafka_s *producer, const OutgoingRecord &r)
{
    rd_kafka_headers_t *headers = rd_kafka_headers_new(r.headers.size());
    for (const RecordHeader &h : r.headers) {
        const QByteArray name = h.key.toUtf8();
        rd_kafka_header_add(headers, name.constData(), name.size(), h.value ? h.value->constData() : nullptr,
                            h.value ? h.value->size() : 0);
    }
    const QByteArray topic = r.topic.toUtf8();
    rd_kafka_vu_t vus[7];
    vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
    vus[0].u.cstr = topic.constData();
    vus[1].vtype = RD_KAFKA_VTYPE_PARTITION;
    vus[1].u.i32 = r.partition;
    vus[2].vtype = RD_KAFKA_VTYPE_KEY;
    vus[2].u.mem.ptr = r.key ? const_cast<char *>(r.key->constData()) : nullptr;
    vus[2].u.mem.size = r.key ? size_t(r.key->size()) : 0;
    vus[3].vtype = RD_KAFKA_VTYPE_VALUE;
    vus[3].u.mem.ptr = r.value ? const_cast<char *>(r.value->constData()) : nullptr;
    vus[3].u.mem.size = r.value ? size_t(r.value->size()) : 0;
    vus[4].vtype = RD_KAFKA_VTYPE_TIMESTAMP;
    vus[4].u.i64 = r.timestampMs;
    vus[5].vtype = RD_KAFKA_VTYPE_HEADERS;
    vus[5].u.headers = headers;
    vus[6].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
    vus[6].u.i = RD_KAFKA_MSG_F_COPY;
    rd_kafka_error_t *error = rd_kafka_produceva(producer, vus, 7);
    const rd_kafka_resp_err_t err = error ? rd_kafka_error_code(error) : RD_KAFKA_RESP_ERR_NO_ERROR;
    if (error)
        rd_kafka_error_destroy(error);
    if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        rd_kafka_poll(producer, 100);
        rd_kafka_headers_destroy(headers);
        produceRecord(producer, r);
        return;
    }
    if (err)
        rd_kafka_headers_destroy(headers); // on success librdkafka owns them
}

int consume(rd_kafka_s *consumer, int budget)
{
    QHash<TopicPartition, qint64> next;
    int taken = 0;
    while (taken < budget) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 0);
        if (!m)
            break;
        if (!m->err) {
            next.insert({QString::fromUtf8(rd_kafka_topic_name(m->rkt)), int(m->partition)}, m->offset + 1);
            ++taken;
        }
        rd_kafka_message_destroy(m);
    }
    if (!next.isEmpty()) {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(next.size()));
        for (auto it = next.cbegin(); it != next.cend(); ++it)
            rd_kafka_topic_partition_list_add(list, it.key().topic.toUtf8().constData(), it.key().partition)->offset = it.value();
        rd_kafka_commit(consumer, list, 1);
        rd_kafka_topic_partition_list_destroy(list);
    }
    return taken;
}

void HalfSpeedConsumer::consume(rd_kafka_s *consumer)
{
    for (;;) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, 0);
        if (!m)
            break;
        if (!m->err) {
            const char *topic = rd_kafka_topic_name(m->rkt);
            Partition &p = m_partitions[{QString::fromUtf8(topic), int(m->partition)}];
            if (p.start < 0) {
                p.start = m->offset; // where its committed offset was when it started
                // What was there before it started stays its backlog: it halves only what arrives.
                int64_t low = 0;
                int64_t high = 0;
                rd_kafka_get_watermark_offsets(consumer, topic, m->partition, &low, &high);
                p.arrivedBefore = std::max<qint64>(high, m->offset);
            }
            p.fetched = m->offset + 1;
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(m_partitions.size()));
    for (auto it = m_partitions.begin(); it != m_partitions.end(); ++it) {
        const qint64 target = it->start + std::max<qint64>(0, it->fetched - it->arrivedBefore) / 2;
        if (target == it->committed)
            continue;
        it->committed = target;
        rd_kafka_topic_partition_list_add(list, it.key().topic.toUtf8().constData(), it.key().partition)->offset = target;
    }
    if (list->cnt > 0)
        rd_kafka_commit(consumer, list, 1);
    rd_kafka_topic_partition_list_destroy(list);
}

void rewind(rd_kafka_s *consumer, qint64 count)
{
    rd_kafka_topic_partition_list_t *positions = nullptr;
    if (rd_kafka_assignment(consumer, &positions) || !positions)
        return;
    rd_kafka_topic_partition_list_t *committed = rd_kafka_topic_partition_list_copy(positions);
    rd_kafka_position(consumer, positions);
    rd_kafka_committed(consumer, committed, 5000);
    for (int i = 0; i < positions->cnt; ++i) {
        qint64 at = positions->elems[i].offset;
        if (at < 0)
            at = committed->elems[i].offset;
        positions->elems[i].offset = std::max<qint64>(0, at - count);
    }
    if (rd_kafka_error_t *e = rd_kafka_seek_partitions(consumer, positions, 5000))
        rd_kafka_error_destroy(e);
    rd_kafka_commit(consumer, positions, 0);
    rd_kafka_topic_partition_list_destroy(committed);
    rd_kafka_topic_partition_list_destroy(positions);
}

} // namespace kops::demo
