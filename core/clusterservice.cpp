#include "clusterservice.h"

#include <spdlog/spdlog.h>

#include <QPointer>

namespace kops {

/// Lives on the service's thread and owns the ClusterApi (librdkafka handles are
/// used from this one thread only).
class ClusterWorker final : public QObject
{
public:
    explicit ClusterWorker(ClusterApiFactory factory) : m_factory(std::move(factory)) {}

    ClusterApi &api()
    {
        if (!m_api)
            m_api = m_factory();
        return *m_api;
    }

    void release() { m_api.reset(); }

private:
    ClusterApiFactory m_factory;
    std::unique_ptr<ClusterApi> m_api;
};

ClusterService::ClusterService(ConnectionContextPtr connection, QObject *parent)
    : QObject(parent), m_connection(std::move(connection))
{
    qRegisterMetaType<kops::ClusterOverview>();
    qRegisterMetaType<kops::KafkaError>();
    m_worker = new ClusterWorker(m_connection->createApi);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("kafka-io"));
    m_thread.start();
}

ClusterService::~ClusterService()
{
    // Release librdkafka on its own thread, then stop the thread (calls are bounded by timeouts).
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->release(); });
    m_thread.quit();
    m_thread.wait();
}

void ClusterService::refreshOverview()
{
    if (m_overviewInFlight)
        return;
    m_overviewInFlight = true;
    QPointer<ClusterService> self(this);
    QMetaObject::invokeMethod(m_worker, [self, raw = this, w = m_worker] {
        auto result = fetchClusterOverview(w->api());
        if (!result)
            spdlog::warn("overview refresh failed: {}", result.error().toString().toStdString());
        // The destructor waits for this thread, so the service outlives this lambda;
        // events still queued when it dies are discarded by QObject.
        QMetaObject::invokeMethod(raw, [self, result] {
            if (!self)
                return;
            self->m_overviewInFlight = false;
            if (result)
                emit self->overviewAvailable(result.value());
            else
                emit self->overviewFailed(result.error());
        });
    });
}

} // namespace kops
