#include "historystore.h"

#include "lagmonitor.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <spdlog/spdlog.h>

namespace kops {

namespace {

/// Positive lag of one sample row; rows without a commit count as 0.
constexpr const char *kLagExpr =
    "CASE WHEN s.committed IS NOT NULL AND s.log_end > s.committed THEN s.log_end - s.committed ELSE 0 END";

QString seriesKey(const QString &cluster, const QString &group, const TopicPartition &tp)
{
    return cluster + QChar(0x1f) + group + QChar(0x1f) + tp.topic + QChar(0x1f) + QString::number(tp.partition);
}

} // namespace

HistoryStore::HistoryStore(const QString &path)
    : m_path(path.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                  + QStringLiteral("/history.sqlite")
                            : path),
      m_connection(QStringLiteral("kops-history-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

HistoryStore::~HistoryStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

KafkaError HistoryStore::sqlError(const QString &what, const QString &detail) const
{
    return KafkaError::make(QStringLiteral("SQLITE"), QStringLiteral("%1 failed in %2: %3").arg(what, m_path, detail));
}

Status HistoryStore::open()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                           : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return sqlError(QStringLiteral("Opening the lag history"), db.lastError().text());
    QSqlQuery q(db);
    const QStringList schema{
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, cluster TEXT NOT NULL, "
                       "grp TEXT NOT NULL, topic TEXT NOT NULL, part INTEGER NOT NULL, "
                       "UNIQUE(cluster, grp, topic, part))"),
        // Seconds, and no rowid: keeps a partition-sample near 30-40 bytes on disk.
        QStringLiteral("CREATE TABLE IF NOT EXISTS samples(sid INTEGER NOT NULL, ts INTEGER NOT NULL, "
                       "committed INTEGER, log_end INTEGER, PRIMARY KEY(sid, ts)) WITHOUT ROWID"),
    };
    for (const QString &stmt : schema)
        if (!q.exec(stmt))
            return sqlError(QStringLiteral("Preparing the lag history"), q.lastError().text());
    return Done{};
}

qint64 HistoryStore::seriesId(const QString &cluster, const QString &group, const TopicPartition &tp, bool create)
{
    const QString key = seriesKey(cluster, group, tp);
    const auto it = m_seriesCache.constFind(key);
    if (it != m_seriesCache.cend())
        return it.value();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM series WHERE cluster=? AND grp=? AND topic=? AND part=?"));
    q.addBindValue(cluster);
    q.addBindValue(group);
    q.addBindValue(tp.topic);
    q.addBindValue(tp.partition);
    if (q.exec() && q.next()) {
        const qint64 id = q.value(0).toLongLong();
        m_seriesCache.insert(key, id);
        return id;
    }
    if (!create)
        return -1;
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral("INSERT INTO series(cluster, grp, topic, part) VALUES(?,?,?,?)"));
    ins.addBindValue(cluster);
    ins.addBindValue(group);
    ins.addBindValue(tp.topic);
    ins.addBindValue(tp.partition);
    if (!ins.exec())
        return -1;
    const qint64 id = ins.lastInsertId().toLongLong();
    m_seriesCache.insert(key, id);
    return id;
}

Status HistoryStore::record(const QString &cluster, const RawLagSample &sample)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return sqlError(QStringLiteral("Recording lag"), QStringLiteral("the database is not open"));
    // IMMEDIATE takes the write lock up front, waiting on the busy timeout: a deferred
    // transaction that reads (series ids) and then writes fails at once with SQLITE_BUSY
    // when another writer (a second cluster of `serve`, the console, a cron job) got in first.
    if (QSqlQuery begin(db); !begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("Recording lag"), begin.lastError().text());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO samples(sid, ts, committed, log_end) VALUES(?,?,?,?)"));
    const qint64 ts = sample.atMs / 1000;
    for (const RawGroupSample &g : sample.groups) {
        for (const RawPartitionSample &p : g.partitions) {
            const qint64 sid = seriesId(cluster, g.groupId, p.tp(), true);
            if (sid < 0) {
                db.rollback();
                return sqlError(QStringLiteral("Recording lag"), db.lastError().text());
            }
            q.bindValue(0, sid);
            q.bindValue(1, ts);
            q.bindValue(2, p.committed >= 0 ? QVariant(p.committed) : QVariant());
            q.bindValue(3, p.logEnd >= 0 ? QVariant(p.logEnd) : QVariant());
            if (!q.exec()) {
                const QString err = q.lastError().text();
                db.rollback();
                return sqlError(QStringLiteral("Recording lag"), err);
            }
        }
    }
    if (!db.commit())
        return sqlError(QStringLiteral("Recording lag"), db.lastError().text());
    return Done{};
}

QList<OffsetObservation> HistoryStore::recent(const QString &cluster, const QString &group, const TopicPartition &tp,
                                              int count)
{
    QList<OffsetObservation> out;
    const qint64 sid = seriesId(cluster, group, tp, false);
    if (sid < 0)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT ts, committed, log_end FROM samples WHERE sid=? ORDER BY ts DESC LIMIT ?"));
    q.addBindValue(sid);
    q.addBindValue(count);
    if (!q.exec())
        return out;
    while (q.next())
        out.prepend(OffsetObservation{q.value(0).toLongLong() * 1000,
                                      q.value(1).isNull() ? kNoOffset : q.value(1).toLongLong(),
                                      q.value(2).isNull() ? kNoOffset : q.value(2).toLongLong()});
    return out;
}

std::optional<qint64> HistoryStore::unchangedSince(const QString &cluster, const QString &group,
                                                  const TopicPartition &tp, qint64 committed)
{
    const qint64 sid = seriesId(cluster, group, tp, false);
    if (sid < 0)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // Two index range scans of one series: the last sample with another offset, then the
    // first one after it.
    q.prepare(QStringLiteral("SELECT MIN(ts) FROM samples WHERE sid=? AND ts > COALESCE((SELECT MAX(ts) FROM samples "
                             "WHERE sid=? AND (committed IS NULL OR committed != ?)), -1)"));
    q.addBindValue(sid);
    q.addBindValue(sid);
    q.addBindValue(committed);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong() * 1000;
}

QStringList HistoryStore::groupsInLastSample(const QString &cluster)
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // One index seek per series for its newest sample (a join with GROUP BY would scan
    // every sample of the cluster: millions of rows after a few hours of 10,000 groups).
    q.prepare(QStringLiteral("WITH latest AS (SELECT s.grp AS grp, (SELECT r.ts FROM samples r WHERE r.sid = s.id "
                             "ORDER BY r.ts DESC LIMIT 1) AS ts FROM series s WHERE s.cluster=?), "
                             "per AS (SELECT grp, MAX(ts) AS ts FROM latest GROUP BY grp) "
                             "SELECT grp FROM per WHERE ts = (SELECT MAX(ts) FROM per) ORDER BY grp"));
    q.addBindValue(cluster);
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toString());
    return out;
}

QList<TopicPartition> HistoryStore::partitionsOf(const QString &cluster, const QString &group)
{
    QList<TopicPartition> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT topic, part FROM series WHERE cluster=? AND grp=? ORDER BY topic, part"));
    q.addBindValue(cluster);
    q.addBindValue(group);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toInt()});
    return out;
}

QList<GroupHistoryPoint> HistoryStore::groupHistory(const QString &cluster, const QString &group, qint64 fromMs,
                                                    qint64 toMs)
{
    QList<GroupHistoryPoint> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT s.ts, SUM(%1), SUM(COALESCE(s.log_end, 0)), SUM(COALESCE(s.committed, 0)) "
                             "FROM samples s JOIN series r ON r.id = s.sid WHERE r.cluster=? AND r.grp=? "
                             "AND s.ts BETWEEN ? AND ? GROUP BY s.ts ORDER BY s.ts")
                  .arg(QLatin1String(kLagExpr)));
    q.addBindValue(cluster);
    q.addBindValue(group);
    q.addBindValue(fromMs / 1000);
    q.addBindValue(toMs / 1000);
    if (!q.exec()) {
        spdlog::warn("history query failed: {}", q.lastError().text().toStdString());
        return out;
    }
    while (q.next())
        out.append(GroupHistoryPoint{q.value(0).toLongLong() * 1000, q.value(1).toLongLong(), q.value(2).toLongLong(),
                                     q.value(3).toLongLong()});
    if (out.isEmpty())
        return out;

    // Consumption per point from each partition's own steps, so that an offset reset or its
    // undo (a jump of the committed offset) is marked instead of counted as consumption.
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < out.size(); ++i)
        index.insert(out[i].atMs, i);
    for (const TopicPartition &tp : partitionsOf(cluster, group)) {
        const QList<OffsetObservation> obs = partitionHistory(cluster, group, tp, fromMs, toMs);
        const QVector<bool> resets = LagMonitor::resetSteps(obs);
        for (qsizetype i = 1; i < obs.size(); ++i) {
            const auto at = index.constFind(obs[i].atMs);
            if (at == index.cend())
                continue;
            GroupHistoryPoint &point = out[*at];
            if (resets[i])
                point.offsetReset = true;
            else if (obs[i - 1].committed >= 0 && obs[i].committed > obs[i - 1].committed)
                point.consumed += obs[i].committed - obs[i - 1].committed;
        }
    }
    return out;
}

QList<OffsetObservation> HistoryStore::partitionHistory(const QString &cluster, const QString &group,
                                                        const TopicPartition &tp, qint64 fromMs, qint64 toMs)
{
    QList<OffsetObservation> out;
    const qint64 sid = seriesId(cluster, group, tp, false);
    if (sid < 0)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ts, committed, log_end FROM samples WHERE sid=? AND ts BETWEEN ? AND ? ORDER BY ts"));
    q.addBindValue(sid);
    q.addBindValue(fromMs / 1000);
    q.addBindValue(toMs / 1000);
    if (q.exec())
        while (q.next())
            out.append(OffsetObservation{q.value(0).toLongLong() * 1000,
                                         q.value(1).isNull() ? kNoOffset : q.value(1).toLongLong(),
                                         q.value(2).isNull() ? kNoOffset : q.value(2).toLongLong()});
    return out;
}

QHash<QString, QList<QPair<qint64, qint64>>> HistoryStore::topicHistory(const QString &cluster, const QString &group,
                                                                         qint64 fromMs, qint64 toMs)
{
    return lagSeries(cluster, group, fromMs, toMs, QStringLiteral("r.topic"));
}

QHash<QString, QList<QPair<qint64, qint64>>> HistoryStore::partitionLagHistory(const QString &cluster,
                                                                                const QString &group, qint64 fromMs,
                                                                                qint64 toMs)
{
    return lagSeries(cluster, group, fromMs, toMs, QStringLiteral("r.topic || '/' || r.part"));
}

QHash<QString, QList<QPair<qint64, qint64>>> HistoryStore::lagSeries(const QString &cluster, const QString &group,
                                                                      qint64 fromMs, qint64 toMs, const QString &keyExpr)
{
    QHash<QString, QList<QPair<qint64, qint64>>> out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, s.ts, SUM(%2) FROM samples s JOIN series r ON r.id = s.sid "
                             "WHERE r.cluster=? AND r.grp=? AND s.ts BETWEEN ? AND ? GROUP BY %1, s.ts ORDER BY %1, s.ts")
                  .arg(keyExpr, QLatin1String(kLagExpr)));
    q.addBindValue(cluster);
    q.addBindValue(group);
    q.addBindValue(fromMs / 1000);
    q.addBindValue(toMs / 1000);
    if (q.exec())
        while (q.next())
            out[q.value(0).toString()].append({q.value(1).toLongLong() * 1000, q.value(2).toLongLong()});
    return out;
}

qint64 HistoryStore::prune(qint64 nowMs, const Retention &retention)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const qint64 now = nowMs / 1000;
    qint64 deleted = 0;
    QSqlQuery q(db);
    db.transaction();
    q.prepare(QStringLiteral("DELETE FROM samples WHERE ts < ?"));
    q.addBindValue(now - retention.keepSecs);
    if (q.exec())
        deleted += q.numRowsAffected();
    // Keep the first sample of each bucket per series; buckets widen with age.
    auto thin = [&](qint64 olderThan, qint64 newerThan, qint64 bucket) {
        QSqlQuery t(db);
        t.prepare(QStringLiteral("DELETE FROM samples WHERE ts < ? AND ts >= ? AND EXISTS (SELECT 1 FROM samples o "
                                 "WHERE o.sid = samples.sid AND o.ts / ? = samples.ts / ? AND o.ts < samples.ts)"));
        t.addBindValue(olderThan);
        t.addBindValue(newerThan);
        t.addBindValue(bucket);
        t.addBindValue(bucket);
        if (t.exec())
            deleted += t.numRowsAffected();
    };
    thin(now - retention.fullResolutionSecs, now - retention.minuteResolutionSecs, 60);
    thin(now - retention.minuteResolutionSecs, now - retention.keepSecs, 600);
    db.commit();
    return deleted;
}

qint64 HistoryStore::sampleRowCount()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM samples")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

qint64 HistoryStore::fileSizeBytes()
{
    // Fold the write-ahead log into the file first so the figure is the data, not the log.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

} // namespace kops
