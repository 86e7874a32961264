#pragma once

#include "clustertypes.h"
#include "kafkaerror.h"

#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <memory>
#include <mutex>

namespace kops {

/// Owns one rd_kafka_t and remembers what went wrong on its connections (error and
/// log callbacks run on librdkafka's threads), so that a timeout can be explained
/// as "connection refused" or "authentication failed" instead of just "timed out".
/// Internal to core: librdkafka types never appear in public headers.
/// What a produced message carries as its opaque: where its report goes, and the count of
/// reports its batch still waits for (decremented by the delivery callback, in whichever
/// thread serves the producer, after the report is written).
struct DeliverySlot
{
    DeliveryReport report;
    std::atomic<int> *remaining = nullptr;
};

class RdKafkaHandle final
{
public:
    enum class Kind { Admin, Producer, Reader };

    RdKafkaHandle(const RdKafkaHandle &) = delete;
    RdKafkaHandle &operator=(const RdKafkaHandle &) = delete;
    ~RdKafkaHandle();

    static Result<std::unique_ptr<RdKafkaHandle>> create(Kind kind, const QList<QPair<QString, QString>> &props);

    rd_kafka_t *rk() const { return m_rk; }
    /// Serves pending error callbacks. Cheap; call after each blocking operation.
    void serve();
    bool fatal() const;

    /// True when every broker has refused the connection or failed authentication and
    /// none is up now: nothing will answer before the call's timeout, so say so at once.
    /// Serves pending error callbacks; cheap unless all brokers were reported down.
    bool noBrokerReachable();
    /// A request was answered: brokers reported down earlier are back.
    void markReachable();

    /// Turns a librdkafka error into a KafkaError, replacing bare timeouts with the
    /// last connection problem seen (refused, authentication, TLS).
    KafkaError error(rd_kafka_resp_err_t err, const QString &what) const;
    KafkaError error(const rd_kafka_error_t *err, const QString &what) const;

    QString bootstrapServers() const { return m_bootstrap; }

    /// Producer: asks for a topic's partitions the first time it is produced to, and waits for
    /// the answer (a millisecond or two). Without it, a topic first named while the client's
    /// opening metadata request is on its way waits for librdkafka's one-second topic scan
    /// before anything is sent (seen with debug=topic,metadata in a third of requeues).
    void knowTopic(const QByteArray &topic, int timeoutMs);

private:
    RdKafkaHandle() = default;
    static void errorCallback(rd_kafka_t *rk, int err, const char *reason, void *opaque);
    static void logCallback(const rd_kafka_t *rk, int level, const char *fac, const char *buf);
    void recordProblem(rd_kafka_resp_err_t err, const QString &reason);

    rd_kafka_t *m_rk = nullptr;
    QString m_bootstrap;
    mutable std::mutex m_mutex;
    rd_kafka_resp_err_t m_lastProblem = RD_KAFKA_RESP_ERR_NO_ERROR;
    QString m_lastProblemText;
    bool m_fatal = false;
    bool m_allDown = false; ///< ALL_BROKERS_DOWN seen and no answer since
    QSet<QByteArray> m_knownTopics; ///< knowTopic() answered (m_mutex)
};

QString errName(rd_kafka_resp_err_t err);
QString errText(rd_kafka_resp_err_t err);

} // namespace kops
