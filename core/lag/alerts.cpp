#include "alerts.h"

#include <QCoreApplication>

#include "monitoringcheck.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>

#include <signal.h>
#include <unistd.h>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <spdlog/spdlog.h>

#include <cmath>

namespace kops {

QJsonObject Alert::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), double(id)},
        {QStringLiteral("time"), at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("cluster"), cluster},
        {QStringLiteral("group"), group},
        {QStringLiteral("topic"), topic},
        {QStringLiteral("status"), healthStatusName(status)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("totalLag"), double(totalLag)},
        {QStringLiteral("maxTimeLagSeconds"),
         maxTimeLagSeconds ? QJsonValue(std::round(*maxTimeLagSeconds)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("acknowledged"), acknowledged},
        {QStringLiteral("resolvedAt"),
         resolvedAt.isValid() ? QJsonValue(resolvedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null)},
    };
}

AlertStore::AlertStore(const QString &path)
    : m_path(path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                  + QStringLiteral("/alerts.sqlite")
                            : path),
      m_connection(QStringLiteral("kops-alerts-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

AlertStore::~AlertStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Status AlertStore::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return KafkaError::make(QStringLiteral("SQLITE"), QCoreApplication::translate("kops::Lag", "Cannot open %1: %2").arg(m_path, db.lastError().text()));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS alerts(id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, "
                               "cluster TEXT NOT NULL, grp TEXT NOT NULL, topic TEXT, status TEXT NOT NULL, "
                               "reason TEXT, total_lag INTEGER, time_lag REAL, acknowledged INTEGER NOT NULL DEFAULT 0, "
                               "resolved_ts INTEGER)")))
        return KafkaError::make(QStringLiteral("SQLITE"), q.lastError().text());
    return Done{};
}

Result<qint64> AlertStore::insert(const Alert &a)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO alerts(ts, cluster, grp, topic, status, reason, total_lag, time_lag) "
                             "VALUES(?,?,?,?,?,?,?,?)"));
    q.addBindValue(a.at.toMSecsSinceEpoch());
    q.addBindValue(a.cluster);
    q.addBindValue(a.group);
    q.addBindValue(a.topic);
    q.addBindValue(healthStatusName(a.status));
    q.addBindValue(a.reason);
    q.addBindValue(a.totalLag);
    q.addBindValue(a.maxTimeLagSeconds ? QVariant(*a.maxTimeLagSeconds) : QVariant());
    if (!q.exec())
        return KafkaError::make(QStringLiteral("SQLITE"), q.lastError().text());
    return q.lastInsertId().toLongLong();
}

Status AlertStore::resolve(qint64 id, const QDateTime &at)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE alerts SET resolved_ts=? WHERE id=?"));
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec())
        return KafkaError::make(QStringLiteral("SQLITE"), q.lastError().text());
    return Done{};
}

Status AlertStore::acknowledge(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE alerts SET acknowledged=1 WHERE id=?"));
    q.addBindValue(id);
    if (!q.exec())
        return KafkaError::make(QStringLiteral("SQLITE"), q.lastError().text());
    return Done{};
}

namespace {

Alert alertFrom(const QSqlQuery &q)
{
    Alert a;
    a.id = q.value(0).toLongLong();
    a.at = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong());
    a.cluster = q.value(2).toString();
    a.group = q.value(3).toString();
    a.topic = q.value(4).toString();
    a.status = healthStatusFromName(q.value(5).toString()).value_or(HealthStatus::Err);
    a.reason = q.value(6).toString();
    a.totalLag = q.value(7).toLongLong();
    if (!q.value(8).isNull())
        a.maxTimeLagSeconds = q.value(8).toDouble();
    a.acknowledged = q.value(9).toBool();
    if (!q.value(10).isNull())
        a.resolvedAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong());
    return a;
}

const char *kColumns = "id, ts, cluster, grp, topic, status, reason, total_lag, time_lag, acknowledged, resolved_ts";

} // namespace

QList<Alert> AlertStore::list(int limit, const QString &cluster)
{
    QList<Alert> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM alerts %2 ORDER BY ts DESC, id DESC LIMIT ?")
                  .arg(QLatin1String(kColumns), cluster.isEmpty() ? QString() : QStringLiteral("WHERE cluster = ?")));
    if (!cluster.isEmpty())
        q.addBindValue(cluster);
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append(alertFrom(q));
    return out;
}

QList<Alert> AlertStore::openAlerts(const QString &cluster)
{
    QList<Alert> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM alerts WHERE cluster = ? AND resolved_ts IS NULL").arg(QLatin1String(kColumns)));
    q.addBindValue(cluster);
    if (q.exec())
        while (q.next())
            out.append(alertFrom(q));
    return out;
}

AlertEngine::AlertEngine(AlertStore *store, int clearAfter) : m_store(store), m_clearAfter(std::max(1, clearAfter)) {}

void AlertEngine::restore(const QString &cluster)
{
    if (!m_store)
        return;
    for (const Alert &a : m_store->openAlerts(cluster)) {
        Incident inc;
        inc.alertId = a.id;
        inc.alert = a;
        m_incidents.insert(cluster + QChar(0x1f) + a.group, inc);
    }
}

AlertEngine::Outcome AlertEngine::evaluate(const QString &cluster, const LagSnapshot &snapshot)
{
    Outcome out;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(snapshot.atMs);
    for (const GroupLag &g : snapshot.groups) {
        const QString key = cluster + QChar(0x1f) + g.groupId;
        auto it = m_incidents.find(key);
        if (g.status == HealthStatus::Ok) {
            if (it == m_incidents.end())
                continue;
            if (++it->okStreak >= m_clearAfter) {
                Alert resolved = it->alert;
                resolved.resolvedAt = at;
                if (m_store && it->alertId >= 0)
                    m_store->resolve(it->alertId, at);
                out.resolved.append(resolved);
                m_incidents.erase(it);
            }
            continue;
        }
        if (it != m_incidents.end()) {
            it->okStreak = 0; // still the same incident
            continue;
        }
        Alert a;
        a.at = at;
        a.cluster = cluster;
        a.group = g.groupId;
        for (const PartitionLag &p : g.partitions)
            if (p.status == g.status) {
                a.topic = p.topic;
                break;
            }
        a.status = g.status;
        a.reason = g.reason;
        a.totalLag = g.totalLag;
        a.maxTimeLagSeconds = g.maxTimeLagSeconds;
        Incident inc;
        if (m_store) {
            auto id = m_store->insert(a);
            if (id)
                inc.alertId = a.id = id.value();
            else
                spdlog::warn("cannot store alert: {}", id.error().toString().toStdString());
        }
        inc.alert = a;
        m_incidents.insert(key, inc);
        out.raised.append(a);
    }
    return out;
}

QList<Alert> AlertEngine::groupsGone(const QString &cluster, const QStringList &groups, const QDateTime &at)
{
    QList<Alert> raised;
    for (const QString &group : groups) {
        const auto open = m_incidents.find(cluster + QChar(0x1f) + group);
        if (open != m_incidents.end()) {
            if (m_store && open->alertId >= 0)
                m_store->resolve(open->alertId, at);
            m_incidents.erase(open);
        }
        Alert a;
        a.at = at;
        a.cluster = cluster;
        a.group = group;
        a.status = HealthStatus::Unknown;
        a.reason = MonitoringCheck::goneReason();
        a.resolvedAt = at;
        if (m_store) {
            auto id = m_store->insert(a);
            if (id) {
                a.id = id.value();
                m_store->resolve(a.id, at);
            } else {
                spdlog::warn("cannot store alert: {}", id.error().toString().toStdString());
            }
        }
        raised.append(a);
    }
    return raised;
}

bool AlertHook::run(const QString &command, const Alert &alert, QString *error, int timeoutMs)
{
    if (command.trimmed().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("kops::Lag", "The alert command is empty.");
        return false;
    }
    // A shell, because users write the command as they would in a terminal (QProcess's own
    // splitting knows double quotes only: 'two words' became two arguments).
    auto *process = new QProcess;
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setStandardOutputFile(QProcess::nullDevice());
    // A group of its own, so the bound kills what the shell started too (a pipeline, a sleep).
    process->setChildProcessModifier([] { ::setsid(); });
    const std::string text = command.toStdString();
    QObject::connect(process, &QProcess::finished, process, [process, text](int code, QProcess::ExitStatus status) {
        if (status == QProcess::CrashExit)
            spdlog::warn("alert command '{}' ended by a signal", text);
        else if (code != 0)
            spdlog::warn("alert command '{}' exited with code {}", text, code);
        process->deleteLater();
    });
    QObject::connect(process, &QProcess::errorOccurred, process, [process, text](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            spdlog::warn("alert command '{}' could not start: {}", text, process->errorString().toStdString());
            process->deleteLater();
        }
    });
    // Never let a hung hook pile up: killed at its bound, with its whole process group.
    QTimer::singleShot(timeoutMs, process, [process, text, timeoutMs] {
        if (process->state() == QProcess::NotRunning)
            return;
        spdlog::warn("alert command '{}' still running after {} ms: killed", text, timeoutMs);
        if (const qint64 pid = process->processId(); pid > 0)
            ::kill(pid_t(-pid), SIGKILL);
        process->kill();
    });
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    if (!process->waitForStarted(5000)) {
        if (error)
            *error = QCoreApplication::translate("kops::Lag", "Cannot start '%1': %2").arg(command, process->errorString());
        return false;
    }
    process->write(QJsonDocument(alert.toJson()).toJson(QJsonDocument::Compact));
    process->write("\n");
    process->closeWriteChannel();
    return true;
}

} // namespace kops
