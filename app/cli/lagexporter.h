#pragma once

#include "connectioncontext.h"
#include "lagservice.h"
#include "lagsettings.h"
#include "metricsexposition.h"

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace kops::cli {

/// `kafka-ops serve`: the console's lag service (sampler, rules, history, alert hook) per
/// cluster, served read-only over HTTP: /metrics (Prometheus text), /healthz and
/// /api/groups (the JSON of `kafka-ops lag --json`). Only GET routes exist, so nothing
/// that writes to a cluster is reachable. Rendering happens off the event loop after
/// each snapshot; requests answer from the last rendering, which keeps /metrics fast
/// however many groups there are, and /metrics and /api/groups always describe the
/// same sample.
class LagExporter final : public QObject
{
    Q_OBJECT
public:
    struct ClusterSpec
    {
        ConnectionContextPtr connection; ///< profile.name is the `cluster` label
        LagSettings settings;
    };
    struct Options
    {
        int intervalSeconds = 10;
        QString historyPath; ///< empty: the console's
        QString alertsPath;  ///< empty: the console's
    };

    LagExporter(QList<ClusterSpec> clusters, Options options, QObject *parent = nullptr);
    ~LagExporter() override;

    /// Starts sampling and listening; returns the port (useful with port 0) or an error.
    Result<quint16> start(const QHostAddress &address, quint16 port);

    /// --listen: "127.0.0.1:9308", "[::1]:9308", "0.0.0.0:9308", ":9308" or "9308" (the
    /// last two on loopback: listening anywhere else must be asked for).
    static std::optional<QPair<QHostAddress, quint16>> parseListen(const QString &text);
    /// --interval: "10s", "2m", "1h" or "30" (seconds), from 1 s to 1 day.
    static std::optional<int> parseInterval(const QString &text);

    /// What the HTTP routes answer (also used directly by tests).
    QByteArray metrics() const { return m_rendered.metrics; }
    QByteArray groupsJson(const QString &cluster) const;
    /// (healthy, text): healthy when every cluster had a complete round recently enough.
    QPair<bool, QByteArray> health() const;

signals:
    /// A new rendering of /metrics and /api/groups is being served.
    void rendered();

private:
    struct Cluster
    {
        std::unique_ptr<LagService> service;
        ClusterMetrics metrics;
        QString lastError;
    };
    struct Rendering
    {
        QByteArray metrics;
        QByteArray metricsGzip; ///< Prometheus asks for gzip: tens of MB become a few

        QHash<QString, QByteArray> groupsJson; ///< by cluster
    };

    void changed();
    void render();

    Options m_options;
    std::vector<std::unique_ptr<Cluster>> m_clusters;
    QHttpServer m_server;
    QTimer m_coalesce;
    bool m_rendering = false;
    bool m_dirty = false;
    Rendering m_rendered;
};

} // namespace kops::cli
