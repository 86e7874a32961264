#include "perflab.h"

#include "democlusterapi.h"
#include "drainservice.h" // relayProperties
#include "rdkafkautil.h"
#include "topicaudit.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QMutex>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

#include <spdlog/spdlog.h>

#include <chrono>
#include <climits>
#include <thread>

namespace kops {

namespace {

// For PerfLab's own functions. lupdate files a tr() here, in the anonymous namespace, under
// "kops": the functions here name that context themselves (QCoreApplication::translate).
QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("kops::PerfLab", text, comment, n);
}

/// Lab runs of this process: their topics are not leftovers.
QMutex g_runsMutex;
QSet<QString> g_runs;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

qint64 wallUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// What the producer's delivery callback adds to (it runs in the producer's poll, one thread).
struct ProduceState
{
    LatencyHistogram ack;
    qint64 acked = 0;
    qint64 failed = 0;
    qint64 bytes = 0;
    qint64 lastAckNs = 0;
    QString firstError;
};

void deliveryCallback(rd_kafka_t *, const rd_kafka_message_t *msg, void *opaque)
{
    auto *state = static_cast<ProduceState *>(opaque);
    const qint64 now = nowNs();
    if (msg->err) {
        ++state->failed;
        if (state->firstError.isEmpty())
            state->firstError = errName(msg->err) + QStringLiteral(": ") + QString::fromUtf8(rd_kafka_err2str(msg->err));
        return;
    }
    ++state->acked;
    state->bytes += qint64(msg->len);
    state->lastAckNs = now;
    state->ack.add((now - reinterpret_cast<qint64>(msg->_private)) / 1000);
}

Result<rd_kafka_conf_t *> makeConf(const QList<QPair<QString, QString>> &props)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char errstr[512];
    for (const auto &[k, v] : props) {
        if (rd_kafka_conf_set(conf, k.toUtf8().constData(), v.toUtf8().constData(), errstr, sizeof errstr)
            != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), QCoreApplication::translate("kops", "Client setting %1=%2: %3").arg(k, v, QString::fromUtf8(errstr)));
        }
    }
    return conf;
}

/// One consumer of the lab's group on its own thread: counts records and end-to-end latency.
struct LabConsumer
{
    rd_kafka_t *rk = nullptr;
    LatencyHistogram endToEnd;
    std::atomic<qint64> consumed{0};
    std::atomic<int> assigned{-1};
    qint64 firstNs = 0;
    qint64 lastNs = 0;
    QString error;
    std::thread thread;
};

void consumeLoop(LabConsumer *c, const std::atomic<bool> *stop)
{
    while (!stop->load()) {
        rd_kafka_message_t *msg = rd_kafka_consumer_poll(c->rk, 100);
        if (c->assigned.load() < 0 || !msg) {
            rd_kafka_topic_partition_list_t *a = nullptr;
            if (rd_kafka_assignment(c->rk, &a) == RD_KAFKA_RESP_ERR_NO_ERROR && a) {
                c->assigned = a->cnt;
                rd_kafka_topic_partition_list_destroy(a);
            }
        }
        if (!msg)
            continue;
        if (msg->err) {
            if (msg->err != RD_KAFKA_RESP_ERR__PARTITION_EOF && c->error.isEmpty())
                c->error = errName(msg->err) + QStringLiteral(": ") + QString::fromUtf8(rd_kafka_message_errstr(msg));
            rd_kafka_message_destroy(msg);
            continue;
        }
        const qint64 now = nowNs();
        if (c->firstNs == 0)
            c->firstNs = now;
        c->lastNs = now;
        const qint64 ts = rd_kafka_message_timestamp(msg, nullptr);
        if (ts > 0)
            c->endToEnd.add(std::max<qint64>(0, wallUs() - ts * 1000));
        rd_kafka_message_destroy(msg);
        c->consumed.fetch_add(1, std::memory_order_relaxed);
    }
}

QByteArray randomLetters(int size)
{
    QByteArray b(size, Qt::Uninitialized);
    auto *rng = QRandomGenerator::global();
    for (char &ch : b)
        ch = char('A' + rng->bounded(26));
    return b;
}

QByteArray sequencedValue(qint64 i, int size)
{
    QByteArray v = QByteArray(R"({"id":)") + QByteArray::number(i) + R"(,"seq":)" + QByteArray::number(i) + R"(,"pad":")";
    const qsizetype pad = std::max<qsizetype>(0, size - v.size() - 2);
    v += QByteArray(pad, 'x');
    v += "\"}";
    return v;
}

/// Produces and consumes one lab topic.
PerfPoint runPoint(const QList<QPair<QString, QString>> &clientProps, const QList<QPair<QString, QString>> &producerProps,
                   const PerfSettings &s, const QString &topic, int partitions, const QString &group,
                   PerfLab::Control *control, const std::function<void(PerfProgress::Phase, qint64, qint64, double)> &report,
                   const std::function<void()> &beforeProducing, bool demoBrokers)
{
    PerfPoint point;
    point.partitions = partitions;
    const std::atomic<bool> noCancel{false};
    const std::atomic<bool> &cancel = control ? control->cancel : noCancel;

    // Consumers first: their group has the partitions before the first record is sent.
    std::atomic<bool> stopConsumers{false};
    std::vector<std::unique_ptr<LabConsumer>> consumers;
    auto stopAll = [&] {
        stopConsumers = true;
        for (auto &c : consumers) {
            if (c->thread.joinable())
                c->thread.join();
            rd_kafka_consumer_close(c->rk);
            rd_kafka_destroy(c->rk);
        }
        consumers.clear();
    };
    for (int i = 0; i < std::max(1, s.consumers); ++i) {
        auto props = clientProps;
        props.append({QStringLiteral("group.id"), group});
        props.append({QStringLiteral("auto.offset.reset"), QStringLiteral("earliest")});
        props.append({QStringLiteral("enable.auto.commit"), QStringLiteral("false")});
        props.append({QStringLiteral("client.id"), QStringLiteral("kops-perf-consumer-%1").arg(i)});
        auto conf = makeConf(props);
        if (!conf) {
            point.error = conf.error().message;
            stopAll();
            return point;
        }
        char errstr[512];
        auto c = std::make_unique<LabConsumer>();
        c->rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf.value(), errstr, sizeof errstr);
        if (!c->rk) {
            rd_kafka_conf_destroy(conf.value());
            point.error = QString::fromUtf8(errstr);
            stopAll();
            return point;
        }
        rd_kafka_poll_set_consumer(c->rk);
        rdk::TplPtr sub(rd_kafka_topic_partition_list_new(1));
        rd_kafka_topic_partition_list_add(sub.get(), topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(c->rk, sub.get());
        c->thread = std::thread(consumeLoop, c.get(), &stopConsumers);
        consumers.push_back(std::move(c));
    }
    QElapsedTimer joinClock;
    joinClock.start();
    while (!cancel.load()) {
        int assigned = 0;
        for (auto &c : consumers)
            assigned += std::max(0, c->assigned.load());
        if (assigned >= partitions)
            break;
        if (joinClock.elapsed() > 60000) {
            point.error = QCoreApplication::translate("kops", "The lab's consumers were not given the topic's partitions within 60 s.");
            stopAll();
            return point;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    // Produce.
    if (beforeProducing)
        beforeProducing();
    ProduceState state;
    auto conf = makeConf(clientProps + producerProps);
    if (!conf) {
        point.error = conf.error().message;
        stopAll();
        return point;
    }
    rd_kafka_conf_set_dr_msg_cb(conf.value(), deliveryCallback);
    rd_kafka_conf_set_opaque(conf.value(), &state);
    char errstr[512];
    rd_kafka_t *producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf.value(), errstr, sizeof errstr);
    if (!producer) {
        rd_kafka_conf_destroy(conf.value());
        point.error = QString::fromUtf8(errstr);
        stopAll();
        return point;
    }
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(producer, topic.toUtf8().constData(), nullptr);
    // Payloads: one random buffer (as Kafka's perf tool), the sample lines, or per-record JSON.
    const QByteArray random = s.samples.isEmpty() ? randomLetters(s.recordSize) : QByteArray();
    const QByteArray keys[16] = {"key-00", "key-01", "key-02", "key-03", "key-04", "key-05", "key-06", "key-07",
                                 "key-08", "key-09", "key-10", "key-11", "key-12", "key-13", "key-14", "key-15"};
    QElapsedTimer progressClock;
    progressClock.start();
    const qint64 startNs = nowNs();
    qint64 sent = 0;
    while (sent < s.records && !cancel.load()) {
        const void *payload = random.constData();
        size_t len = size_t(random.size());
        int flags = 0; // the shared buffers outlive the producer: no copy
        QByteArray owned;
        const void *key = nullptr;
        size_t keyLen = 0;
        if (s.sequenced) {
            owned = sequencedValue(sent, s.recordSize);
            payload = owned.constData();
            len = size_t(owned.size());
            flags = RD_KAFKA_MSG_F_COPY;
            key = keys[sent % 16].constData();
            keyLen = size_t(keys[sent % 16].size());
        } else if (!s.samples.isEmpty()) {
            const QByteArray &line = s.samples.at(sent % s.samples.size());
            payload = line.constData();
            len = size_t(line.size());
        }
        if (rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, flags, const_cast<void *>(payload), len, key, keyLen,
                             reinterpret_cast<void *>(nowNs()))
            == -1) {
            const rd_kafka_resp_err_t err = rd_kafka_last_error();
            if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                rd_kafka_poll(producer, 5);
                continue;
            }
            point.error = errName(err) + QStringLiteral(": ") + QString::fromUtf8(rd_kafka_err2str(err));
            break;
        }
        ++sent;
        if ((sent & 1023) == 0) {
            rd_kafka_poll(producer, 0);
            if (progressClock.elapsed() >= 250) {
                progressClock.restart();
                const double secs = double(nowNs() - startNs) / 1e9;
                report(PerfProgress::Phase::Producing, state.acked, consumers.empty() ? 0 : [&] {
                    qint64 n = 0;
                    for (auto &c : consumers)
                        n += c->consumed.load();
                    return n;
                }(), secs > 0 ? double(state.acked) / secs : 0);
            }
        }
    }
    while (rd_kafka_outq_len(producer) > 0 && !cancel.load())
        rd_kafka_poll(producer, 50);
    if (cancel.load())
        rd_kafka_purge(producer, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_flush(producer, 5000);
    rd_kafka_topic_destroy(rkt);
    rd_kafka_destroy(producer);
    point.records = state.acked;
    point.failed = state.failed;
    point.bytes = state.bytes;
    point.produceSeconds = state.lastAckNs > startNs ? double(state.lastAckNs - startNs) / 1e9 : 0;
    if (point.error.isEmpty() && state.failed > 0) {
        // The count apart: lupdate (Qt 6.4) loops forever on a template call inside translate()'s arguments.
        const int failed = int(std::min<qint64>(state.failed, INT_MAX));
        point.error = QCoreApplication::translate("kops", "%n record(s) were not acknowledged: %1", nullptr, failed)
                          .arg(state.firstError);
    }

    // Consume the rest: until every acknowledged record is read (duplicates count too), or
    // nothing arrives for 15 s.
    qint64 lastCount = -1;
    QElapsedTimer idle;
    idle.start();
    while (!cancel.load()) {
        qint64 n = 0;
        for (auto &c : consumers)
            n += c->consumed.load();
        if (n >= state.acked)
            break;
        if (n != lastCount) {
            lastCount = n;
            idle.restart();
        } else if (idle.elapsed() > 15000) {
            if (point.error.isEmpty())
                point.error = QCoreApplication::translate("kops", "The consumers read %1 of %2 records; nothing more came for 15 s (deleted before they were read?%3)")
                                  .arg(n)
                                  .arg(state.acked)
                                  .arg(demoBrokers ? QCoreApplication::translate("kops", " The demo's mock brokers keep about 5 MB per partition.") : QString());
            break;
        }
        report(PerfProgress::Phase::Consuming, state.acked, n, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    stopConsumers = true;
    LatencyHistogram endToEnd;
    qint64 firstNs = 0, lastNs = 0;
    for (auto &c : consumers) {
        if (c->thread.joinable())
            c->thread.join();
        endToEnd.merge(c->endToEnd);
        point.consumed += c->consumed.load();
        if (c->firstNs && (!firstNs || c->firstNs < firstNs))
            firstNs = c->firstNs;
        lastNs = std::max(lastNs, c->lastNs);
        if (point.error.isEmpty() && !c->error.isEmpty() && point.consumed < state.acked)
            point.error = c->error;
    }
    stopAll();
    // The consume rate runs from the start of producing: consumers cannot read what is not there yet.
    point.consumeSeconds = lastNs > startNs ? double(lastNs - startNs) / 1e9 : 0;
    finishPoint(point, state.ack, endToEnd);
    return point;
}

} // namespace

qint64 PerfSettings::estimatedBytes() const
{
    return qint64(partitionCounts.size()) * records * qint64(std::max(1, recordSize));
}

QList<QPair<QString, QString>> PerfSettings::producerProperties(QStringList *ignored) const
{
    // Java producer names that librdkafka spells differently or not at all.
    static const QHash<QString, QString> renamed{{QStringLiteral("delivery.timeout.ms"), QStringLiteral("message.timeout.ms")},
                                                 {QStringLiteral("max.in.flight.requests.per.connection"),
                                                  QStringLiteral("max.in.flight.requests.per.connection")}};
    static const QSet<QString> known{QStringLiteral("acks"), QStringLiteral("enable.idempotence"), QStringLiteral("compression.type"),
                                     QStringLiteral("linger.ms"), QStringLiteral("batch.size"), QStringLiteral("retries"),
                                     QStringLiteral("retry.backoff.ms"), QStringLiteral("request.timeout.ms"),
                                     QStringLiteral("max.in.flight.requests.per.connection"), QStringLiteral("message.timeout.ms"),
                                     QStringLiteral("batch.num.messages"), QStringLiteral("queue.buffering.max.kbytes"),
                                     QStringLiteral("queue.buffering.max.messages"), QStringLiteral("compression.level"),
                                     QStringLiteral("sticky.partitioning.linger.ms"), QStringLiteral("partitioner")};
    QMap<QString, QString> out;
    for (auto it = profileSettings.cbegin(); it != profileSettings.cend(); ++it) {
        const QString key = renamed.value(it.key(), it.key());
        if (known.contains(key))
            out.insert(key, it.value());
        else if (ignored)
            ignored->append(it.key());
    }
    if (profileSettings.isEmpty() || !acks.isEmpty())
        out.insert(QStringLiteral("acks"), acks == QLatin1String("all") ? QStringLiteral("-1") : acks);
    if (profileSettings.isEmpty() || idempotence)
        out.insert(QStringLiteral("enable.idempotence"), idempotence ? QStringLiteral("true") : QStringLiteral("false"));
    if (profileSettings.isEmpty() || compression != QLatin1String("none"))
        out.insert(QStringLiteral("compression.type"), compression);
    if (lingerMs >= 0)
        out.insert(QStringLiteral("linger.ms"), QString::number(lingerMs));
    if (batchSize > 0)
        out.insert(QStringLiteral("batch.size"), QString::number(batchSize));
    if (maxInFlight > 0)
        out.insert(QStringLiteral("max.in.flight.requests.per.connection"), QString::number(maxInFlight));
    if (retries >= 0)
        out.insert(QStringLiteral("retries"), QString::number(retries));
    if (requestTimeoutMs > 0) {
        // The Java client's request.timeout.ms is the client's own wait for an answer; in
        // librdkafka that is socket.timeout.ms (request.timeout.ms is the broker's ack wait).
        out.insert(QStringLiteral("request.timeout.ms"), QString::number(requestTimeoutMs));
        out.insert(QStringLiteral("socket.timeout.ms"), QString::number(requestTimeoutMs));
    }
    if (out.value(QStringLiteral("acks")) == QLatin1String("all"))
        out.insert(QStringLiteral("acks"), QStringLiteral("-1"));
    QList<QPair<QString, QString>> list;
    for (auto it = out.cbegin(); it != out.cend(); ++it)
        list.append({it.key(), it.value()});
    return list;
}

QJsonObject PerfSettings::toJson() const
{
    QJsonArray counts;
    for (int c : partitionCounts)
        counts.append(c);
    QJsonObject producer;
    for (const auto &[k, v] : producerProperties())
        producer.insert(k, v);
    QJsonObject o{{QStringLiteral("partitions"), counts},
                  {QStringLiteral("records"), records},
                  {QStringLiteral("recordSize"), recordSize},
                  {QStringLiteral("consumers"), consumers},
                  {QStringLiteral("producer"), producer},
                  {QStringLiteral("sequenced"), sequenced},
                  {QStringLiteral("injectFailures"), injectFailures}};
    if (!sampleFile.isEmpty())
        o.insert(QStringLiteral("sampleFile"), sampleFile);
    if (!profileName.isEmpty())
        o.insert(QStringLiteral("profile"), profileName);
    return o;
}

Result<QList<int>> PerfSettings::parsePartitions(const QString &text)
{
    QList<int> out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = part.trimmed().toInt(&ok);
        if (!ok || n <= 0 || n > 10000)
            return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                    tr("Partition counts are positive numbers separated by commas, e.g. 1,2,4,8 (not '%1').").arg(part.trimmed()));
        if (!out.contains(n))
            out.append(n);
    }
    if (out.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("Give at least one partition count, e.g. 1,2,4,8."));
    return out;
}

PerfSettings perfPreset(PerfPreset preset)
{
    PerfSettings s;
    if (preset == PerfPreset::Throughput)
        return s;
    // The failure a tuning guide warns about: retried batches written twice (a lost
    // acknowledgement) and overtaken by the next in-flight batch (a failed request).
    s.partitionCounts = {4};
    s.records = 20000;
    s.recordSize = 100;
    s.sequenced = true;
    s.auditAfter = true;
    s.injectFailures = true;
    s.acks = QStringLiteral("all");
    s.idempotence = preset == PerfPreset::Idempotent;
    s.maxInFlight = 5;
    s.retries = 10;
    // Without idempotence an answer later than 1 s is a lost acknowledgement: the client sends
    // the written batch again. The idempotent producer keeps the client's default wait: a real
    // broker would drop a resent batch by its sequence number, the demo's mock brokers do not,
    // so a slow answer on a busy machine would show duplicates that Kafka never writes.
    s.requestTimeoutMs = s.idempotence ? -1 : 1000;
    s.lingerMs = 2;
    s.batchSize = 2000;
    return s;
}

QString injectedFailuresNote(bool idempotence)
{
    return idempotence ? tr("Injected: produce requests refused with a retriable error while later batches were in flight. "
                            "(Lost acknowledgements are not injected here: the demo's mock brokers do not check an "
                            "idempotent producer's sequence numbers, which is how a real broker drops a resent batch.)")
                       : tr("Injected: produce requests refused with a retriable error while later batches were in flight, "
                            "and acknowledgements that came after request.timeout.ms (the batch was written; the client sent it again).");
}

QString PerfLab::topicName(const QString &runId, int partitions)
{
    return topicPrefix() + runId + QStringLiteral("-p") + QString::number(partitions);
}

QString PerfReport::verdict() const
{
    const int best = bestPoint(points);
    const int pick = recommendedIndex();
    if (best < 0 || pick < 0)
        return tr("No partition count produced any records.");
    const QLocale locale;
    const PerfPoint &b = points.at(best);
    const PerfPoint &p = points.at(pick);
    if (pick == best)
        return tr("%n partition(s) gave the best throughput (%1 records/s, %2 MB/s); no smaller count reached 90 % of it.", nullptr, b.partitions)
            .arg(locale.toString(qRound64(b.produceRecordsPerSecond)))
            .arg(b.produceMBPerSecond, 0, 'f', 1);
    return tr("%n partition(s) reach 90 % of the best throughput: %1 records/s against %2 records/s with %3 partitions.", nullptr, p.partitions)
        .arg(locale.toString(qRound64(p.produceRecordsPerSecond)), locale.toString(qRound64(b.produceRecordsPerSecond)))
        .arg(b.partitions);
}

QJsonObject PerfReport::toJson() const
{
    QJsonArray arr;
    auto opt = [](const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    for (const PerfPoint &p : points) {
        QJsonObject o{{QStringLiteral("partitions"), p.partitions},
                      {QStringLiteral("records"), p.records},
                      {QStringLiteral("failed"), p.failed},
                      {QStringLiteral("bytes"), p.bytes},
                      {QStringLiteral("consumed"), p.consumed},
                      {QStringLiteral("produceSeconds"), p.produceSeconds},
                      {QStringLiteral("produceRecordsPerSecond"), p.produceRecordsPerSecond},
                      {QStringLiteral("produceMBPerSecond"), p.produceMBPerSecond},
                      {QStringLiteral("consumeRecordsPerSecond"), p.consumeRecordsPerSecond},
                      {QStringLiteral("ackP50Ms"), opt(p.ackP50Ms)},
                      {QStringLiteral("ackP99Ms"), opt(p.ackP99Ms)},
                      {QStringLiteral("endToEndP50Ms"), opt(p.endToEndP50Ms)},
                      {QStringLiteral("endToEndP99Ms"), opt(p.endToEndP99Ms)}};
        if (!p.error.isEmpty())
            o.insert(QStringLiteral("error"), p.error);
        if (audits.contains(p.partitions)) {
            const PerfAuditSummary &a = audits.value(p.partitions);
            o.insert(QStringLiteral("audit"), QJsonObject{{QStringLiteral("scanned"), a.scanned},
                                                          {QStringLiteral("duplicates"), a.duplicates},
                                                          {QStringLiteral("orderBreaks"), a.orderBreaks}});
        }
        arr.append(o);
    }
    QJsonObject o{{QStringLiteral("runId"), runId},
                  {QStringLiteral("settings"), settings.toJson()},
                  {QStringLiteral("points"), arr},
                  {QStringLiteral("cancelled"), cancelled},
                  {QStringLiteral("verdict"), verdict()},
                  {QStringLiteral("topicsKept"), QJsonArray::fromStringList(keptTopics)}};
    const int pick = recommendedIndex();
    o.insert(QStringLiteral("recommendedPartitions"), pick >= 0 ? QJsonValue(points.at(pick).partitions) : QJsonValue());
    if (!ignoredProfileKeys.isEmpty())
        o.insert(QStringLiteral("ignoredProfileKeys"), QJsonArray::fromStringList(ignoredProfileKeys));
    return o;
}

QString PerfReport::toCsv() const
{
    QString csv = QStringLiteral("partitions,records,failed,produce_records_per_s,produce_mb_per_s,ack_p50_ms,ack_p99_ms,"
                                 "e2e_p50_ms,e2e_p99_ms,consume_records_per_s,error\n");
    auto num = [](const std::optional<double> &v) { return v ? QString::number(*v, 'f', 3) : QString(); };
    for (const PerfPoint &p : points) {
        QString error = p.error;
        error.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11\n")
                   .arg(p.partitions)
                   .arg(p.records)
                   .arg(p.failed)
                   .arg(QString::number(p.produceRecordsPerSecond, 'f', 1), QString::number(p.produceMBPerSecond, 'f', 3),
                        num(p.ackP50Ms), num(p.ackP99Ms), num(p.endToEndP50Ms), num(p.endToEndP99Ms),
                        QString::number(p.consumeRecordsPerSecond, 'f', 1),
                        error.isEmpty() ? QString() : QStringLiteral("\"%1\"").arg(error));
    }
    return csv;
}

Result<PerfReport> PerfLab::run(ClusterApi &api, const PerfSettings &settings, Control *control,
                                const ProgressFn &progress, const PointFn &pointDone, const InjectFn &inject)
{
    auto props = relayProperties(api, tr("a throughput lab (it creates and deletes topics)"));
    if (!props)
        return props.error();
    if (settings.partitionCounts.isEmpty() || settings.records <= 0 || settings.recordSize <= 0)
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("A lab needs partition counts, a record count and a record size."));
    PerfReport report;
    report.settings = settings;
    report.runId = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")) + QLatin1Char('-')
                   + QUuid::createUuid().toString(QUuid::Id128).left(6);
    const auto producerProps = settings.producerProperties(&report.ignoredProfileKeys);
    {
        QMutexLocker lock(&g_runsMutex);
        g_runs.insert(report.runId);
    }
    auto forget = qScopeGuard([&] {
        QMutexLocker lock(&g_runsMutex);
        g_runs.remove(report.runId);
    });
    // Lab clients stay quiet: timeouts and a deleted topic are part of a lab, reported in its figures.
    QList<QPair<QString, QString>> clientProps = props.value();
    clientProps.append({QStringLiteral("log_level"), QStringLiteral("2")});

    for (int i = 0; i < settings.partitionCounts.size(); ++i) {
        if (control && control->cancel.load()) {
            report.cancelled = true;
            break;
        }
        const int n = settings.partitionCounts.at(i);
        const QString topic = topicName(report.runId, n);
        auto tell = [&](PerfProgress::Phase phase, qint64 produced, qint64 consumed, double rate) {
            if (!progress)
                return;
            PerfProgress p;
            p.index = i;
            p.partitions = n;
            p.phase = phase;
            p.produced = produced;
            p.consumed = consumed;
            p.records = settings.records;
            p.counts = int(settings.partitionCounts.size());
            p.recordsPerSecond = rate;
            progress(p);
        };
        tell(PerfProgress::Phase::Creating, 0, 0, 0);
        NewTopic nt;
        nt.name = topic;
        nt.partitions = n;
        nt.replicationFactor = settings.replicationFactor;
        if (auto made = api.createTopic(nt); !made) {
            PerfPoint failed;
            failed.partitions = n;
            failed.error = made.error().message;
            report.points.append(failed);
            if (pointDone)
                pointDone(failed);
            continue;
        }
        report.topics.append(topic);
        // Metadata of the new topic must show every partition with a leader before producing.
        for (int attempt = 0; attempt < 50; ++attempt) {
            auto md = api.topicMetadata({topic});
            if (md && !md.value().topics.isEmpty() && md.value().topics.first().errorCode.isEmpty()
                && md.value().topics.first().partitions.size() == n)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        // Failures are injected once the consumers are in, right before the first record.
        PerfPoint point = runPoint(clientProps, producerProps, settings, topic, n, topic + QStringLiteral("-group"), control, tell,
                                   inject ? std::function<void()>([&] { inject(topic, n); }) : std::function<void()>(),
                                   dynamic_cast<demo::DemoClusterApi *>(&api) != nullptr);
        if (control && control->cancel.load())
            report.cancelled = true;
        if (settings.auditAfter && !report.cancelled && point.records > 0) {
            tell(PerfProgress::Phase::Auditing, point.records, point.consumed, 0);
            AuditSpec spec;
            spec.topic = topic;
            spec.id = FieldSource::parse(QStringLiteral("json:$.id")).value();
            spec.seq = FieldSource::parse(QStringLiteral("json:$.seq")).value();
            auto audited = TopicAudit::run(api, spec, control ? &control->cancel : nullptr);
            if (audited)
                report.audits.insert(n, {audited.value().duplicates, audited.value().orderBreaks, audited.value().scanned});
            else if (point.error.isEmpty())
                point.error = audited.error().message;
        }
        report.points.append(point);
        if (pointDone)
            pointDone(point);
        tell(PerfProgress::Phase::Deleting, point.records, point.consumed, 0);
        auto deleted = api.deleteTopics({topic});
        if (!deleted) {
            report.keptTopics.append(topic);
            report.keptReason = deleted.error().message;
        } else {
            for (const TopicDeletion &d : deleted.value())
                if (!d.errorCode.isEmpty()) {
                    report.keptTopics.append(d.topic);
                    report.keptReason = d.errorMessage;
                }
        }
        if (report.cancelled)
            break;
    }
    return report;
}

Result<QStringList> PerfLab::cleanLeftovers(ClusterApi &api, QStringList *notDeleted)
{
    if (!relayProperties(api, QString()))
        return QStringList(); // read-only (or a fake): leave the cluster alone
    auto md = api.metadata();
    if (!md)
        return md.error();
    QStringList leftovers;
    {
        QMutexLocker lock(&g_runsMutex);
        for (const TopicInfo &t : md.value().topics) {
            if (!t.name.startsWith(topicPrefix()))
                continue;
            bool ours = false;
            for (const QString &run : std::as_const(g_runs))
                if (t.name.startsWith(topicPrefix() + run + QLatin1Char('-')))
                    ours = true;
            if (!ours)
                leftovers.append(t.name);
        }
    }
    // A lab running in another process (another console, kafka-ops elsewhere) is alive: its
    // topic is younger than a minute or its consumer group has members. Leave those alone.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList groups;
    for (const QString &t : std::as_const(leftovers))
        groups.append(t + QStringLiteral("-group"));
    QSet<QString> live;
    if (!groups.isEmpty()) {
        if (auto described = api.describeGroups(groups))
            for (const GroupDescription &g : described.value())
                if (!g.members.isEmpty())
                    live.insert(g.groupId.chopped(6));
    }
    QStringList stale;
    for (const QString &t : std::as_const(leftovers)) {
        const QDateTime started = QDateTime::fromString(t.mid(topicPrefix().size(), 14), QStringLiteral("yyyyMMddHHmmss"));
        QDateTime startedUtc = started;
        startedUtc.setTimeSpec(Qt::UTC);
        if (live.contains(t) || (started.isValid() && startedUtc.secsTo(now) < 60))
            continue;
        stale.append(t);
    }
    leftovers = stale;
    if (leftovers.isEmpty())
        return QStringList();
    auto deleted = api.deleteTopics(leftovers);
    if (!deleted)
        return deleted.error();
    QStringList done;
    for (const TopicDeletion &d : deleted.value()) {
        if (d.errorCode.isEmpty())
            done.append(d.topic);
        else if (notDeleted)
            notDeleted->append(d.topic);
    }
    if (!done.isEmpty())
        spdlog::info("perf lab: deleted {} leftover lab topic(s)", done.size());
    return done;
}

} // namespace kops
