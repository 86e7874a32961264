#include "rdkafkahandle.h"

#include <QCoreApplication>

#include "clustertypes.h"
#include "errortext.h"

#include <spdlog/spdlog.h>

#include <QByteArray>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kops {

QString errName(rd_kafka_resp_err_t err)
{
    return QString::fromUtf8(rd_kafka_err2name(err));
}

QString errText(rd_kafka_resp_err_t err)
{
    return QString::fromUtf8(rd_kafka_err2str(err));
}

namespace {

// Each produced message carries a pointer to its DeliverySlot as opaque.
void deliveryCallback(rd_kafka_t *, const rd_kafka_message_t *msg, void *)
{
    auto *slot = static_cast<DeliverySlot *>(msg->_private);
    if (!slot)
        return;
    DeliveryReport *report = &slot->report;
    report->partition = msg->partition;
    report->offset = msg->offset;
    if (msg->err) {
        report->errorCode = errName(msg->err);
        report->errorMessage = explainKafkaError(report->errorCode, errText(msg->err));
    } else {
        report->errorCode.clear();
        report->errorMessage.clear();
    }
    if (slot->remaining)
        slot->remaining->fetch_sub(1, std::memory_order_release); // last: the report is complete
}

} // namespace

RdKafkaHandle::~RdKafkaHandle()
{
    if (!m_rk)
        return;
    // librdkafka 2.0.x: after a broker went down and came back, rd_kafka_destroy can wait
    // forever for a broker thread that holds a leaked partition reference
    // (confluentinc/librdkafka#4674). Closing a connection or quitting must not hang on that:
    // the destroy runs on its own thread and is waited for a bounded time, then left behind.
    struct Shutdown
    {
        std::mutex mutex;
        std::condition_variable cv;
        bool done = false;
    };
    auto shutdown = std::make_shared<Shutdown>();
    std::thread([rk = m_rk, shutdown] {
        if (rd_kafka_type(rk) == RD_KAFKA_CONSUMER)
            rd_kafka_consumer_close(rk);
        rd_kafka_destroy(rk);
        std::lock_guard lock(shutdown->mutex);
        shutdown->done = true;
        shutdown->cv.notify_all();
    }).detach();
    std::unique_lock lock(shutdown->mutex);
    if (!shutdown->cv.wait_for(lock, std::chrono::seconds(10), [&] { return shutdown->done; }))
        spdlog::warn("a librdkafka client did not shut down within 10 s (librdkafka bug #4674 after a broker outage); left behind");
}

Result<std::unique_ptr<RdKafkaHandle>> RdKafkaHandle::create(Kind kind, const QList<QPair<QString, QString>> &props)
{
    std::unique_ptr<RdKafkaHandle> h(new RdKafkaHandle());
    char errstr[512] = {0};
    rd_kafka_conf_t *conf = rd_kafka_conf_new();

    auto set = [&](const QString &key, const QString &value) -> bool {
        const QByteArray k = key.toUtf8();
        const QByteArray v = value.toUtf8();
        if (rd_kafka_conf_set(conf, k.constData(), v.constData(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK)
            return false;
        return true;
    };

    // Defaults first so that the profile and -X properties can override them.
    QList<QPair<QString, QString>> all{
        {QStringLiteral("client.id"), QStringLiteral("kafka-ops-console")},
        {QStringLiteral("socket.connection.setup.timeout.ms"), QStringLiteral("8000")},
        {QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("2000")},
        {QStringLiteral("log.connection.close"), QStringLiteral("false")},
    };
    if (kind == Kind::Admin || kind == Kind::Reader) {
        // Same end offsets as kafka-consumer-groups.sh (a Java consumer, read_uncommitted).
        all.append({QStringLiteral("isolation.level"), QStringLiteral("read_uncommitted")});
        all.append({QStringLiteral("enable.auto.commit"), QStringLiteral("false")});
        all.append({QStringLiteral("enable.auto.offset.store"), QStringLiteral("false")});
        all.append({QStringLiteral("allow.auto.create.topics"), QStringLiteral("false")});
    }
    if (kind == Kind::Reader) {
        all.append({QStringLiteral("enable.partition.eof"), QStringLiteral("true")});
        all.append({QStringLiteral("fetch.wait.max.ms"), QStringLiteral("100")});
    }
    if (kind == Kind::Producer) {
        all.append({QStringLiteral("enable.idempotence"), QStringLiteral("true")});
        all.append({QStringLiteral("acks"), QStringLiteral("all")});
        all.append({QStringLiteral("linger.ms"), QStringLiteral("5")});
    }
    all.append(props);

    for (const auto &kv : all) {
        if (kv.first == QLatin1String("bootstrap.servers") || kv.first == QLatin1String("metadata.broker.list"))
            h->m_bootstrap = kv.second;
        // A producer property on the admin handle (or vice versa) is not an error worth failing for.
        if (!set(kv.first, kv.second)) {
            const QString msg = QString::fromUtf8(errstr);
            if (msg.contains(QStringLiteral("No such configuration property"))) {
                rd_kafka_conf_destroy(conf);
                return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                        QCoreApplication::translate("kops::Cluster", "Unknown client property '%1'.").arg(kv.first));
            }
            rd_kafka_conf_destroy(conf);
            return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                    QCoreApplication::translate("kops::Cluster", "Invalid value for client property '%1': %2").arg(kv.first, msg));
        }
    }
    if (h->m_bootstrap.trimmed().isEmpty()) {
        rd_kafka_conf_destroy(conf);
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QCoreApplication::translate("kops::Cluster", "No bootstrap servers given (use --bootstrap HOST:PORT or a profile)."));
    }

    rd_kafka_conf_set_opaque(conf, h.get());
    rd_kafka_conf_set_error_cb(conf, &RdKafkaHandle::errorCallback);
    rd_kafka_conf_set_log_cb(conf, &RdKafkaHandle::logCallback);
    if (kind == Kind::Producer)
        rd_kafka_conf_set_dr_msg_cb(conf, &deliveryCallback);

    const rd_kafka_type_t type = kind == Kind::Producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER;
    h->m_rk = rd_kafka_new(type, conf, errstr, sizeof errstr); // takes ownership of conf on success
    if (!h->m_rk) {
        rd_kafka_conf_destroy(conf);
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QCoreApplication::translate("kops::Cluster", "The Kafka client could not be created: %1").arg(QString::fromUtf8(errstr)));
    }
    return h;
}

void RdKafkaHandle::knowTopic(const QByteArray &topic, int timeoutMs)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_rk || m_knownTopics.contains(topic))
            return;
    }
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(m_rk, topic.constData(), nullptr);
    if (!rkt)
        return;
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_rk, 0, rkt, &md, timeoutMs);
    bool known = false;
    if (md) {
        known = md->topic_cnt == 1 && md->topics[0].err == RD_KAFKA_RESP_ERR_NO_ERROR && md->topics[0].partition_cnt > 0;
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_topic_destroy(rkt);
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR && known) { // otherwise asked again next time (and librdkafka retries too)
        std::lock_guard lock(m_mutex);
        m_knownTopics.insert(topic);
    }
}

void RdKafkaHandle::serve()
{
    if (m_rk)
        rd_kafka_poll(m_rk, 0);
}

bool RdKafkaHandle::fatal() const
{
    if (m_rk && rd_kafka_fatal_error(m_rk, nullptr, 0) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return true;
    std::lock_guard lock(m_mutex);
    return m_fatal;
}

bool RdKafkaHandle::noBrokerReachable()
{
    serve();
    {
        std::lock_guard lock(m_mutex);
        if (!m_allDown)
            return false;
    }
    // librdkafka reports ALL_BROKERS_DOWN once per outage; whether one is up again is
    // asked without waiting (no broker up: _TRANSPORT at once, otherwise a request is sent).
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_rk, 0, nullptr, &md, 0);
    if (md)
        rd_kafka_metadata_destroy(md);
    if (err == RD_KAFKA_RESP_ERR__TRANSPORT)
        return true;
    markReachable();
    return false;
}

void RdKafkaHandle::markReachable()
{
    std::lock_guard lock(m_mutex);
    m_allDown = false;
}

void RdKafkaHandle::errorCallback(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    auto *self = static_cast<RdKafkaHandle *>(opaque);
    const auto code = static_cast<rd_kafka_resp_err_t>(err);
    spdlog::warn("kafka error {}: {}", rd_kafka_err2name(code), reason);
    self->recordProblem(code, QString::fromUtf8(reason));
}

void RdKafkaHandle::logCallback(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    auto *self = static_cast<RdKafkaHandle *>(rd_kafka_opaque(rk));
    const QLatin1String facility(fac);
    if (level <= 4)
        spdlog::warn("rdkafka {}: {}", fac, buf);
    else
        spdlog::debug("rdkafka {}: {}", fac, buf);
    // Connection failures are logged before (or instead of) an error callback.
    if (self && (facility == QLatin1String("FAIL") || facility == QLatin1String("SASLAUTH")
                 || facility == QLatin1String("SSL") || facility == QLatin1String("SASL"))) {
        const QString text = QString::fromUtf8(buf);
        rd_kafka_resp_err_t code = RD_KAFKA_RESP_ERR__TRANSPORT;
        if (text.contains(QLatin1String("uthentication")) || text.contains(QLatin1String("SASL")))
            code = RD_KAFKA_RESP_ERR__AUTHENTICATION;
        else if (text.contains(QLatin1String("SSL")))
            code = RD_KAFKA_RESP_ERR__SSL;
        else if (text.contains(QLatin1String("resolve")))
            code = RD_KAFKA_RESP_ERR__RESOLVE;
        if (level <= 4)
            self->recordProblem(code, text);
    }
}

void RdKafkaHandle::recordProblem(rd_kafka_resp_err_t err, const QString &reason)
{
    std::lock_guard lock(m_mutex);
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
        m_fatal = true;
    }
    // Every bootstrap broker refused or failed authentication (both leave it down).
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        m_allDown = true;
    // Keep the most telling problem: an authentication failure beats a later disconnect,
    // and "1/1 brokers are down" says less than the refusal that caused it.
    const bool sticky = m_lastProblem == RD_KAFKA_RESP_ERR__AUTHENTICATION || m_lastProblem == RD_KAFKA_RESP_ERR__SSL;
    if (sticky && (err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN))
        return;
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN && m_lastProblem != RD_KAFKA_RESP_ERR_NO_ERROR)
        return;
    m_lastProblem = err;
    m_lastProblemText = reason;
}

KafkaError RdKafkaHandle::error(rd_kafka_resp_err_t err, const QString &what) const
{
    rd_kafka_resp_err_t problem;
    QString problemText;
    {
        std::lock_guard lock(m_mutex);
        problem = m_lastProblem;
        problemText = m_lastProblemText;
    }
    const bool connectivity = err == RD_KAFKA_RESP_ERR__TIMED_OUT || err == RD_KAFKA_RESP_ERR__TRANSPORT
                              || err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || err == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE;
    if (connectivity && problem != RD_KAFKA_RESP_ERR_NO_ERROR) {
        const QString code = errName(problem);
        QString msg = QCoreApplication::translate("kops::Cluster", "%1 failed: %2").arg(what, explainKafkaError(code, errText(problem)));
        if (problem == RD_KAFKA_RESP_ERR__TRANSPORT || problem == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN
            || problem == RD_KAFKA_RESP_ERR__RESOLVE) {
            // "...: Connect to ipv4#127.0.0.1:9092 failed: Connection refused (after 0ms in state CONNECT)"
            QString reason;
            const int failed = problemText.lastIndexOf(QStringLiteral("failed: "));
            if (failed >= 0) {
                reason = problemText.mid(failed + 8);
                const int after = reason.indexOf(QStringLiteral(" (after"));
                if (after > 0)
                    reason.truncate(after);
            }
            msg = reason.isEmpty() ? QCoreApplication::translate("kops::Cluster", "%1 failed: cannot reach %2.").arg(what, m_bootstrap)
                                   : QCoreApplication::translate("kops::Cluster", "%1 failed: cannot reach %2 (%3).").arg(what, m_bootstrap, reason);
        }
        return KafkaError::make(code, msg, {problemText});
    }
    const QString code = errName(err);
    return KafkaError::make(code, QCoreApplication::translate("kops::Cluster", "%1 failed: %2").arg(what, explainKafkaError(code, errText(err))));
}

KafkaError RdKafkaHandle::error(const rd_kafka_error_t *err, const QString &what) const
{
    const rd_kafka_resp_err_t code = rd_kafka_error_code(err);
    KafkaError e = error(code, what);
    const QString detail = QString::fromUtf8(rd_kafka_error_string(err));
    if (!detail.isEmpty() && !e.details.contains(detail))
        e.details.append(detail);
    return e;
}

} // namespace kops
