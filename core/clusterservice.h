#pragma once

#include "clusteroverview.h"
#include "connectioncontext.h"
#include "kafkaerror.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace kops {

class ClusterWorker;

/// Runs cluster reads for one connection on a dedicated worker thread and reports
/// back with signals on the owner's thread. Refreshes do not pile up: a refresh asked
/// for while one is under way is dropped.
class ClusterService final : public QObject
{
    Q_OBJECT
public:
    explicit ClusterService(ConnectionContextPtr connection, QObject *parent = nullptr);
    ~ClusterService() override;

    ConnectionContextPtr connection() const { return m_connection; }

    /// Fetches a ClusterOverview. Ignored while one is already under way.
    void refreshOverview();

signals:
    void overviewAvailable(const kops::ClusterOverview &overview);
    void overviewFailed(const kops::KafkaError &error);

private:
    ConnectionContextPtr m_connection;
    QThread m_thread;
    ClusterWorker *m_worker = nullptr;
    bool m_overviewInFlight = false;
};

} // namespace kops

