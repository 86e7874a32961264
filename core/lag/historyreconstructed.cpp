// HistoryStore: points reconstructed from the commit log, kept apart from the sampled ones.
#include "historystore.h"

#include "lagreconstruction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace kops {

namespace {

constexpr int kReconstructedChunkPoints = 512;

bool byTime(const OffsetPoint &a, const OffsetPoint &b)
{
    return a.ts < b.ts;
}

/// Whether a sampled point lies within `halfStep` seconds of ts (sampled sorted by time).
bool nearSample(const QList<OffsetPoint> &sampled, qint64 ts, qint64 halfStep)
{
    const auto it = std::lower_bound(sampled.cbegin(), sampled.cend(), ts - halfStep,
                                     [](const OffsetPoint &p, qint64 t) { return p.ts < t; });
    return it != sampled.cend() && it->ts <= ts + halfStep;
}

} // namespace

QList<QPair<OffsetPoint, qint64>> HistoryStore::loadReconstructed(qint64 sid, qint64 fromS, qint64 toS)
{
    QList<QPair<OffsetPoint, qint64>> out;
    QSqlQuery q(QSqlDatabase::database(connectionName(), false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT n, step, data FROM reconstructed WHERE sid=? AND t0 <= ? AND t1 >= ? ORDER BY t0"));
    q.addBindValue(sid);
    q.addBindValue(toS);
    q.addBindValue(fromS);
    if (!q.exec())
        return out;
    while (q.next()) {
        QList<OffsetPoint> points;
        decodeOffsetChunk(q.value(2).toByteArray(), q.value(0).toInt(), &points);
        const qint64 step = q.value(1).toLongLong();
        for (const OffsetPoint &p : std::as_const(points))
            if (p.ts >= fromS && p.ts <= toS)
                out.append({p, step});
    }
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.first.ts < b.first.ts; });
    return out;
}

QList<OffsetPoint> HistoryStore::loadMerged(qint64 sid, qint64 fromS, qint64 toS, QVector<bool> *reconstructed)
{
    return withReconstructed(sid, load(sid, fromS, toS), fromS, toS, reconstructed);
}

QList<OffsetPoint> HistoryStore::withReconstructed(qint64 sid, const QList<OffsetPoint> &sampled, qint64 fromS, qint64 toS,
                                                   QVector<bool> *reconstructed)
{
    const QList<QPair<OffsetPoint, qint64>> rebuilt = loadReconstructed(sid, fromS, toS);
    reconstructed->clear();
    if (rebuilt.isEmpty()) {
        reconstructed->fill(false, sampled.size());
        return sampled;
    }
    // Samples near the range's edges decide whether a reconstructed point there is hidden.
    const QList<OffsetPoint> around = load(sid, fromS - 3600, toS + 3600);
    QList<OffsetPoint> out;
    out.reserve(sampled.size() + rebuilt.size());
    qsizetype i = 0;
    for (const auto &[p, step] : rebuilt) {
        while (i < sampled.size() && sampled[i].ts <= p.ts) {
            out.append(sampled[i++]);
            reconstructed->append(false);
        }
        if (nearSample(around, p.ts, std::max<qint64>(1, step / 2)))
            continue; // the sample stands
        out.append(p);
        reconstructed->append(true);
    }
    while (i < sampled.size()) {
        out.append(sampled[i++]);
        reconstructed->append(false);
    }
    return out;
}

Result<qint64> HistoryStore::recordReconstructed(const QString &cluster, const LagReconstruction &r)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName(), false);
    if (!db.isOpen())
        return sqlError(QStringLiteral("Recording reconstructed lag"), QStringLiteral("the database is not open"));
    if (QSqlQuery begin(db); !begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("Recording reconstructed lag"), begin.lastError().text());
    const auto fail = [&](const QString &err) -> Result<qint64> {
        db.rollback();
        return sqlError(QStringLiteral("Recording reconstructed lag"), err);
    };
    const qint64 stepS = std::max<qint64>(1, r.stepMs / 1000);
    const qint64 fromS = r.fromMs / 1000;
    const qint64 toS = r.toMs / 1000;
    qint64 stored = 0;
    for (const ReconstructedPartition &part : r.partitions) {
        if (part.points.isEmpty())
            continue;
        const qint64 sid = seriesId(cluster, r.group, part.tp, true);
        if (sid < 0)
            return fail(db.lastError().text());
        const QList<OffsetPoint> sampled = load(sid, fromS - stepS, toS + stepS);
        // What stays of earlier reconstructions: everything outside this one's range.
        QList<OffsetPoint> kept;
        qint64 keptStep = stepS;
        for (const auto &[p, step] : loadReconstructed(sid, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()))
            if (p.ts < fromS || p.ts > toS) {
                kept.append(p);
                keptStep = std::max(keptStep, step);
            }
        QList<OffsetPoint> fresh;
        for (const OffsetObservation &o : part.points) {
            const qint64 ts = o.atMs / 1000;
            if (nearSample(sampled, ts, std::max<qint64>(1, stepS / 2)))
                continue; // never instead of a sampled point
            fresh.append(OffsetPoint{ts, o.committed >= 0 ? o.committed : kNoOffset, o.logEnd >= 0 ? o.logEnd : kNoOffset});
        }
        stored += fresh.size();
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM reconstructed WHERE sid=?"));
        del.addBindValue(sid);
        if (!del.exec())
            return fail(del.lastError().text());
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO reconstructed(sid, t0, t1, n, step, data) VALUES(?,?,?,?,?,?)"));
        // Earlier reconstructions keep their own step (it decides which samples hide them).
        for (const auto &[points, step] : {qMakePair(kept, keptStep), qMakePair(fresh, stepS)}) {
            QList<OffsetPoint> sorted = points;
            std::stable_sort(sorted.begin(), sorted.end(), byTime);
            for (qsizetype i = 0; i < sorted.size(); i += kReconstructedChunkPoints) {
                const QList<OffsetPoint> chunk = sorted.mid(i, kReconstructedChunkPoints);
                ins.bindValue(0, sid);
                ins.bindValue(1, chunk.first().ts);
                ins.bindValue(2, chunk.last().ts);
                ins.bindValue(3, int(chunk.size()));
                ins.bindValue(4, step);
                ins.bindValue(5, OffsetChunkEncoder::encode(chunk));
                if (!ins.exec())
                    return fail(ins.lastError().text());
            }
        }
    }
    if (!db.commit())
        return sqlError(QStringLiteral("Recording reconstructed lag"), db.lastError().text());
    return stored;
}

QList<HistoryPoint> HistoryStore::partitionPoints(const QString &cluster, const QString &group, const TopicPartition &tp,
                                                  qint64 fromMs, qint64 toMs)
{
    QList<HistoryPoint> out;
    const qint64 sid = seriesId(cluster, group, tp, false);
    if (sid < 0)
        return out;
    QVector<bool> flags;
    const QList<OffsetPoint> points = loadMerged(sid, fromMs / 1000, toMs / 1000, &flags);
    out.reserve(points.size());
    for (qsizetype i = 0; i < points.size(); ++i)
        out.append({toObservation(points[i]), flags[i]});
    return out;
}

qint64 HistoryStore::earliestSampleMs(const QString &cluster, const QString &group)
{
    QSqlQuery q(QSqlDatabase::database(connectionName(), false));
    q.prepare(QStringLiteral("SELECT MIN(t) FROM (SELECT MIN(c.t0) AS t FROM chunks c JOIN series s ON s.id = c.sid "
                             "WHERE s.cluster=? AND s.grp=? UNION ALL SELECT MIN(h.t0) FROM heads h JOIN series s "
                             "ON s.id = h.sid WHERE s.cluster=? AND s.grp=?)"));
    q.addBindValue(cluster);
    q.addBindValue(group);
    q.addBindValue(cluster);
    q.addBindValue(group);
    if (q.exec() && q.next() && !q.value(0).isNull())
        return q.value(0).toLongLong() * 1000;
    return -1;
}

} // namespace kops
