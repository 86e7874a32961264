#pragma once

#include "kafkaerror.h"
#include "lagtypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>

namespace kops {

/// One incident of a consumer group leaving OK (a Burrow status or a crossed threshold).
struct Alert
{
    qint64 id = -1;
    QDateTime at;
    QString cluster;
    QString group;
    QString topic; ///< of the worst partition
    HealthStatus status = HealthStatus::Ok;
    QString reason;
    qint64 totalLag = 0;
    std::optional<double> maxTimeLagSeconds;
    bool acknowledged = false;
    QDateTime resolvedAt; ///< invalid while the incident is open

    QJsonObject toJson() const;
};

/// Alerts in SQLite (<AppDataLocation>/alerts.sqlite): history, acknowledgement and the
/// incidents still open, so a restart neither forgets nor repeats them.
class AlertStore final
{
public:
    explicit AlertStore(const QString &path = {});
    ~AlertStore();
    AlertStore(const AlertStore &) = delete;
    AlertStore &operator=(const AlertStore &) = delete;

    Status open();
    Result<qint64> insert(const Alert &alert);
    Status resolve(qint64 id, const QDateTime &at);
    Status acknowledge(qint64 id);
    QList<Alert> list(int limit = 500, const QString &cluster = {});
    QList<Alert> openAlerts(const QString &cluster);

private:
    QString m_path;
    QString m_connection;
};

/// Raises one alert per incident with hysteresis: an incident opens when a group leaves
/// OK and closes only after the group stayed OK for `clearAfter` samples in a row, so a
/// group flapping around a threshold raises one alert, not one per sample.
class AlertEngine final
{
public:
    explicit AlertEngine(AlertStore *store = nullptr, int clearAfter = 3);

    /// Reopens the incidents still open in the store (after a restart).
    void restore(const QString &cluster);

    struct Outcome
    {
        QList<Alert> raised;
        QList<Alert> resolved;
    };
    Outcome evaluate(const QString &cluster, const LagSnapshot &snapshot);
    /// Groups watched before that the cluster no longer has (offsets expired or deleted):
    /// one UNKNOWN alert each, stored already resolved (it is a notice, there is nothing
    /// left to watch), and any open incident of theirs is closed.
    QList<Alert> groupsGone(const QString &cluster, const QStringList &groups, const QDateTime &at);
    int openIncidents() const { return int(m_incidents.size()); }

private:
    struct Incident
    {
        qint64 alertId = -1;
        int okStreak = 0;
        Alert alert;
    };
    AlertStore *m_store;
    int m_clearAfter;
    QHash<QString, Incident> m_incidents; ///< by cluster + group
};

/// Runs the user's alert command with the alert as JSON on its standard input.
class AlertHook final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 30000;
    /// command: a shell command line, run as `/bin/sh -c command` (quotes, pipes, variables
    /// as in a terminal), in a process group of its own. It runs in the background: this
    /// returns once it started. A command still running after timeoutMs is killed with
    /// everything it started; a kill, a crash or a non-zero exit is logged. Needs an event
    /// loop on the calling thread.
    static bool run(const QString &command, const Alert &alert, QString *error = nullptr,
                    int timeoutMs = kDefaultTimeoutMs);
};

} // namespace kops
