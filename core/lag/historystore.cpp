#include "historystore.h"

#include "lagmonitor.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>

namespace kops {

namespace {

/// A head chunk is sealed into `chunks` at this many points or this span, whichever first.
constexpr int kSealPoints = 128;
constexpr qint64 kSealSecs = 6 * 3600;
/// Thinned and migrated data is re-encoded in chunks of up to this many points (about 1 KB:
/// several rows fill a page).
constexpr int kMaxChunkPoints = 512;
/// Sealed chunks at full resolution are merged into one per hour (fewer rows, less overhead).
constexpr qint64 kCompactSecs = 3600;
/// What a chunk row costs besides its blob (key, columns, cell header), for the budget.
constexpr qint64 kRowOverhead = 24;
constexpr qint64 kCheckpointEveryMs = 60'000;
constexpr qsizetype kSeriesCacheLimit = 250'000;

/// Gives the file's free pages back to the file system. PRAGMA incremental_vacuum frees one
/// page per step (a result row each): stepped once, it freed a single page and stayed active,
/// and the checkpoint after it failed ("database table is locked"), so the log never shrank.
void vacuumFreePages(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("PRAGMA incremental_vacuum")))
        while (q.next()) {
        }
}

QString seriesKey(const QString &cluster, const QString &group, const TopicPartition &tp)
{
    return cluster + QChar(0x1f) + group + QChar(0x1f) + tp.topic + QChar(0x1f) + QString::number(tp.partition);
}

/// Sorted by time; of two points with the same second the later written wins (as the
/// earlier INSERT OR REPLACE did).
void normalize(QList<OffsetPoint> &points)
{
    if (std::adjacent_find(points.cbegin(), points.cend(),
                           [](const OffsetPoint &a, const OffsetPoint &b) { return a.ts >= b.ts; })
        == points.cend())
        return; // in order, no second twice: the usual case
    std::stable_sort(points.begin(), points.end(), [](const OffsetPoint &a, const OffsetPoint &b) { return a.ts < b.ts; });
    qsizetype out = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (out > 0 && points[out - 1].ts == points[i].ts)
            points[out - 1] = points[i];
        else
            points[out++] = points[i];
    }
    points.resize(out);
}

/// Per bucket of `bucketSecs`: the points with the lowest and the highest lag and the
/// last one, in time order.
QList<OffsetPoint> thin(const QList<OffsetPoint> &points, qint64 bucketSecs)
{
    QList<OffsetPoint> out;
    qsizetype i = 0;
    while (i < points.size()) {
        const qint64 bucket = points[i].ts / bucketSecs;
        qsizetype end = i, lo = i, hi = i;
        while (end < points.size() && points[end].ts / bucketSecs == bucket) {
            // The later of equal lags: a flat stretch keeps one point a bucket.
            if (points[end].chartLag() <= points[lo].chartLag())
                lo = end;
            if (points[end].chartLag() >= points[hi].chartLag())
                hi = end;
            ++end;
        }
        QList<qsizetype> keep{lo, hi, end - 1};
        std::sort(keep.begin(), keep.end());
        keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
        for (const qsizetype k : keep)
            out.append(points[k]);
        i = end;
    }
    return out;
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
        // Before the first table: freed pages go back to the file system (incremental_vacuum).
        QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL"),
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        // A checkpoint that resets the log also cuts the file back to this size.
        QStringLiteral("PRAGMA journal_size_limit=8388608"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, cluster TEXT NOT NULL, "
                       "grp TEXT NOT NULL, topic TEXT NOT NULL, part INTEGER NOT NULL, "
                       "UNIQUE(cluster, grp, topic, part))"),
        // Sealed chunks of a series, by time; res: the bucket (s) they were thinned to, 0 = every sample.
        // A rowid table: rows are appended (pages fill up) and a blob of up to about 4 KB stays in
        // its page (a WITHOUT ROWID table spills anything past ~1 KB to a mostly empty overflow page).
        QStringLiteral("CREATE TABLE IF NOT EXISTS chunks(id INTEGER PRIMARY KEY, sid INTEGER NOT NULL, "
                       "t0 INTEGER NOT NULL, t1 INTEGER NOT NULL, n INTEGER NOT NULL, res INTEGER NOT NULL, "
                       "data BLOB NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS chunks_by_series ON chunks(sid, t0)"),
        // The open chunk of each series, rewritten each round: packed apart from the sealed
        // ones so a round dirties few pages.
        QStringLiteral("CREATE TABLE IF NOT EXISTS heads(sid INTEGER PRIMARY KEY, t0 INTEGER NOT NULL, "
                       "t1 INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL)"),
        // Schema 2: points reconstructed from the commit log, apart from the sampled ones (never
        // mixed into their chunks, so a reconstruction cannot overwrite a sample); step: the
        // reconstruction's resolution (s). Databases of schema 1 gain the table on open.
        QStringLiteral("CREATE TABLE IF NOT EXISTS reconstructed(id INTEGER PRIMARY KEY, sid INTEGER NOT NULL, "
                       "t0 INTEGER NOT NULL, t1 INTEGER NOT NULL, n INTEGER NOT NULL, step INTEGER NOT NULL, "
                       "data BLOB NOT NULL)"),
        QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS reconstructed_by_series ON reconstructed(sid, t0)"),
        QStringLiteral("PRAGMA user_version=2"),
    };
    for (const QString &stmt : schema)
        if (!q.exec(stmt))
            return sqlError(QStringLiteral("Preparing the lag history"), q.lastError().text());
    const bool earlierFormat =
        q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type='table' AND name='samples'")) && q.next();
    q.finish(); // an open statement would keep the old table from being dropped
    return earlierFormat ? migrate() : Status(Done{});
}

// The earlier format kept one row per partition-sample in `samples`. Every row moves into
// chunks in one transaction (all or nothing), then the file is rebuilt to give the space back.
Status HistoryStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (QSqlQuery begin(db); !begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("Migrating the lag history"), begin.lastError().text());
    QSqlQuery q(db);
    // Another process may have migrated it while this one waited for the lock.
    const bool stillThere =
        q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type='table' AND name='samples'")) && q.next();
    q.finish();
    if (!stillThere) {
        db.rollback();
        return Done{};
    }
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT sid, ts, committed, log_end FROM samples ORDER BY sid, ts"))) {
        const QString err = rows.lastError().text();
        db.rollback();
        return sqlError(QStringLiteral("Migrating the lag history"), err);
    }
    qint64 migrated = 0;
    qint64 sid = -1;
    QList<OffsetPoint> points;
    const auto flush = [&] {
        for (qsizetype i = 0; i < points.size(); i += kMaxChunkPoints)
            if (!storeChunk(sid, points.mid(i, kMaxChunkPoints), 0))
                return false;
        migrated += points.size();
        points.clear();
        return true;
    };
    bool ok = true;
    while (ok && rows.next()) {
        const qint64 s = rows.value(0).toLongLong();
        if (s != sid && !points.isEmpty())
            ok = flush();
        sid = s;
        points.append(OffsetPoint{rows.value(1).toLongLong(), rows.value(2).isNull() ? kNoOffset : rows.value(2).toLongLong(),
                                  rows.value(3).isNull() ? kNoOffset : rows.value(3).toLongLong()});
    }
    if (ok && !points.isEmpty())
        ok = flush();
    rows.finish();
    if (!ok || !q.exec(QStringLiteral("DROP TABLE samples"))) {
        const QString err = ok ? q.lastError().text() : db.lastError().text();
        db.rollback();
        return sqlError(QStringLiteral("Migrating the lag history"), err);
    }
    if (!db.commit())
        return sqlError(QStringLiteral("Migrating the lag history"), db.lastError().text());
    spdlog::info("lag history: migrated {} samples of {} to compressed chunks", migrated, m_path.toStdString());
    // Rebuilds the file without the old table's pages (and with auto_vacuum in effect).
    if (!q.exec(QStringLiteral("VACUUM")))
        spdlog::warn("lag history: VACUUM after migration failed: {}", q.lastError().text().toStdString());
    return Done{};
}

qint64 HistoryStore::seriesId(const QString &cluster, const QString &group, const TopicPartition &tp, bool create)
{
    const QString key = seriesKey(cluster, group, tp);
    // Bounded: series of groups long gone would otherwise stay for as long as the process runs.
    if (m_seriesCache.size() > kSeriesCacheLimit)
        m_seriesCache.clear();
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

// A chunk whose first second collides with a stored one (a series written out of order)
// is merged with it, so no sample is lost.
bool HistoryStore::storeChunk(qint64 sid, const QList<OffsetPoint> &points, int res)
{
    if (points.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QList<OffsetPoint> all = points;
    qint64 t0 = std::numeric_limits<qint64>::max();
    for (const OffsetPoint &p : points)
        t0 = std::min(t0, p.ts);
    QSqlQuery existing(db);
    existing.prepare(QStringLiteral("SELECT n, data, res FROM chunks WHERE sid=? AND t0=?"));
    existing.addBindValue(sid);
    existing.addBindValue(t0);
    if (existing.exec() && existing.next()) {
        decodeOffsetChunk(existing.value(1).toByteArray(), existing.value(0).toInt(), &all);
        res = std::min(res, existing.value(2).toInt());
        normalize(all);
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM chunks WHERE sid=? AND t0=?"));
        del.addBindValue(sid);
        del.addBindValue(t0);
        if (!del.exec())
            return false;
    }
    existing.finish();
    const QByteArray data = OffsetChunkEncoder::encode(all);
    const auto [first, last] = std::minmax_element(all.cbegin(), all.cend(),
                                                   [](const OffsetPoint &a, const OffsetPoint &b) { return a.ts < b.ts; });
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral("INSERT INTO chunks(sid, t0, t1, n, res, data) VALUES(?,?,?,?,?,?)"));
    ins.addBindValue(sid);
    ins.addBindValue(first->ts);
    ins.addBindValue(last->ts);
    ins.addBindValue(int(all.size()));
    ins.addBindValue(res);
    ins.addBindValue(data);
    return ins.exec();
}

Status HistoryStore::record(const QString &cluster, const RawLagSample &sample)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return sqlError(QStringLiteral("Recording lag"), QStringLiteral("the database is not open"));
    // IMMEDIATE takes the write lock up front, waiting on the busy timeout: a deferred
    // transaction that reads (series ids, heads) and then writes fails at once with SQLITE_BUSY
    // when another writer (a second cluster of `serve`, the console, a cron job) got in first.
    if (QSqlQuery begin(db); !begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("Recording lag"), begin.lastError().text());
    QSqlQuery head(db);
    head.prepare(QStringLiteral("SELECT data, n FROM heads WHERE sid=?"));
    QSqlQuery put(db);
    put.prepare(QStringLiteral("INSERT OR REPLACE INTO heads(sid, t0, t1, n, data) VALUES(?,?,?,?,?)"));
    const qint64 ts = sample.atMs / 1000;
    const auto fail = [&](const QString &err) {
        db.rollback();
        return sqlError(QStringLiteral("Recording lag"), err);
    };
    for (const RawGroupSample &g : sample.groups) {
        for (const RawPartitionSample &p : g.partitions) {
            const qint64 sid = seriesId(cluster, g.groupId, p.tp(), true);
            if (sid < 0)
                return fail(db.lastError().text());
            OffsetChunkEncoder enc;
            head.bindValue(0, sid);
            if (!head.exec())
                return fail(head.lastError().text());
            if (head.next() && !OffsetChunkEncoder::resume(head.value(0).toByteArray(), head.value(1).toInt(), &enc))
                spdlog::warn("lag history: a damaged open chunk of series {} was dropped", sid);
            head.finish();
            if (enc.count() >= kSealPoints || (enc.count() > 0 && ts - enc.minTs() >= kSealSecs)) {
                QList<OffsetPoint> points;
                decodeOffsetChunk(enc.data(), enc.count(), &points);
                normalize(points);
                if (!storeChunk(sid, points, 0))
                    return fail(db.lastError().text());
                enc = OffsetChunkEncoder::following(enc);
            }
            enc.append(OffsetPoint{ts, p.committed >= 0 ? p.committed : kNoOffset, p.logEnd >= 0 ? p.logEnd : kNoOffset});
            put.bindValue(0, sid);
            put.bindValue(1, enc.minTs());
            put.bindValue(2, enc.maxTs());
            put.bindValue(3, enc.count());
            put.bindValue(4, enc.data());
            if (!put.exec())
                return fail(put.lastError().text());
        }
    }
    if (!db.commit())
        return sqlError(QStringLiteral("Recording lag"), db.lastError().text());
    // A checkpoint on a schedule keeps the write-ahead log from growing without end.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastCheckpointMs >= kCheckpointEveryMs) {
        m_lastCheckpointMs = now;
        checkpoint();
    }
    return Done{};
}

void HistoryStore::checkpoint()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        spdlog::debug("lag history checkpoint: {}", q.lastError().text().toStdString());
}

QList<HistoryStore::Chunk> HistoryStore::chunksOf(qint64 sid, qint64 fromS, qint64 toS)
{
    QList<Chunk> out;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT t0, t1, n, res, data FROM chunks WHERE sid=? AND t0 <= ? AND t1 >= ? ORDER BY t0"));
    q.addBindValue(sid);
    q.addBindValue(toS);
    q.addBindValue(fromS);
    if (q.exec())
        while (q.next())
            out.append(Chunk{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toInt(),
                             q.value(4).toByteArray()});
    QSqlQuery h(db);
    h.prepare(QStringLiteral("SELECT t0, t1, n, data FROM heads WHERE sid=? AND t0 <= ? AND t1 >= ?"));
    h.addBindValue(sid);
    h.addBindValue(toS);
    h.addBindValue(fromS);
    if (h.exec() && h.next())
        out.append(Chunk{h.value(0).toLongLong(), h.value(1).toLongLong(), h.value(2).toInt(), -1, h.value(3).toByteArray()});
    return out;
}

QList<OffsetPoint> HistoryStore::load(qint64 sid, qint64 fromS, qint64 toS)
{
    return decodeRange(sid, chunksOf(sid, fromS, toS), fromS, toS);
}

QList<OffsetPoint> HistoryStore::decodeRange(qint64 sid, const QList<Chunk> &chunks, qint64 fromS, qint64 toS)
{
    QList<OffsetPoint> points;
    qsizetype total = 0;
    for (const Chunk &c : chunks)
        total += std::max(0, c.n);
    points.reserve(total);
    for (const Chunk &c : chunks)
        if (!decodeOffsetChunk(c.data, c.n, &points))
            spdlog::warn("lag history: a damaged chunk of series {} at {} was skipped in part", sid, c.t0);
    normalize(points);
    const auto last = std::upper_bound(points.begin(), points.end(), toS,
                                       [](qint64 t, const OffsetPoint &p) { return t < p.ts; });
    points.erase(last, points.end());
    const auto first = std::lower_bound(points.begin(), points.end(), fromS,
                                        [](const OffsetPoint &p, qint64 t) { return p.ts < t; });
    points.erase(points.begin(), first);
    return points;
}

QList<OffsetObservation> HistoryStore::recent(const QString &cluster, const QString &group, const TopicPartition &tp,
                                              int count)
{
    QList<OffsetObservation> out;
    const qint64 sid = seriesId(cluster, group, tp, false);
    if (sid < 0 || count <= 0)
        return out;
    // Newest chunks first, until enough points are in hand.
    QList<Chunk> chunks = chunksOf(sid, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    QList<OffsetPoint> points;
    for (qsizetype i = chunks.size() - 1; i >= 0 && points.size() < count; --i) {
        QList<OffsetPoint> part;
        decodeOffsetChunk(chunks[i].data, chunks[i].n, &part);
        points = part + points;
        normalize(points);
    }
    for (qsizetype i = std::max<qsizetype>(0, points.size() - count); i < points.size(); ++i)
        out.append(toObservation(points[i]));
    return out;
}

std::optional<qint64> HistoryStore::unchangedSince(const QString &cluster, const QString &group,
                                                  const TopicPartition &tp, qint64 committed)
{
    const qint64 sid = seriesId(cluster, group, tp, false);
    if (sid < 0)
        return std::nullopt;
    const QList<Chunk> chunks = chunksOf(sid, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    std::optional<qint64> since;
    QList<OffsetPoint> points;
    for (qsizetype i = chunks.size() - 1; i >= 0; --i) {
        QList<OffsetPoint> part;
        decodeOffsetChunk(chunks[i].data, chunks[i].n, &part);
        points = part + points;
        normalize(points);
        // The trailing run is complete once a point before it (in this or an older chunk) differs.
        since.reset();
        bool ended = false;
        for (qsizetype k = points.size() - 1; k >= 0; --k) {
            if (points[k].committed != committed) {
                ended = true;
                break;
            }
            since = points[k].ts * 1000;
        }
        if (ended)
            break;
    }
    return since;
}

QStringList HistoryStore::groupsInLastSample(const QString &cluster)
{
    QStringList out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // One index seek per series for its newest sample (the open chunk, or the newest sealed one).
    q.prepare(QStringLiteral("WITH latest AS (SELECT s.grp AS grp, COALESCE((SELECT h.t1 FROM heads h WHERE h.sid = s.id), "
                             "(SELECT MAX(c.t1) FROM chunks c WHERE c.sid = s.id)) AS ts FROM series s WHERE s.cluster=?), "
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

QList<OffsetObservation> HistoryStore::partitionHistory(const QString &cluster, const QString &group,
                                                        const TopicPartition &tp, qint64 fromMs, qint64 toMs)
{
    QList<OffsetObservation> out;
    const qint64 sid = seriesId(cluster, group, tp, false);
    if (sid < 0)
        return out;
    const QList<OffsetPoint> points = load(sid, fromMs / 1000, toMs / 1000);
    out.reserve(points.size());
    for (const OffsetPoint &p : points)
        out.append(toObservation(p));
    return out;
}

QList<GroupHistoryPoint> HistoryStore::groupHistory(const QString &cluster, const QString &group, qint64 fromMs,
                                                    qint64 toMs)
{
    return chart(cluster, group, fromMs, toMs).points;
}

QHash<QString, QList<QPair<qint64, qint64>>> HistoryStore::topicHistory(const QString &cluster, const QString &group,
                                                                         qint64 fromMs, qint64 toMs)
{
    return chart(cluster, group, fromMs, toMs).byTopic;
}

QHash<QString, QList<QPair<qint64, qint64>>> HistoryStore::partitionLagHistory(const QString &cluster,
                                                                                const QString &group, qint64 fromMs,
                                                                                qint64 toMs)
{
    return chart(cluster, group, fromMs, toMs).byPartition;
}

qint64 HistoryStore::rewriteSeries(qint64 sid, qint64 nowS, const Retention &retention)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const qint64 fullBound = nowS - retention.fullResolutionSecs;
    const qint64 minuteBound = nowS - retention.minuteResolutionSecs;
    // Per target resolution (and, at full resolution, per hour): the chunks to rewrite together.
    std::map<QPair<int, qint64>, QList<Chunk>> groups;
    for (const Chunk &c : chunksOf(sid, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max())) {
        if (c.res < 0)
            continue; // the open chunk
        const int target = c.t1 < minuteBound ? 600 : c.t1 < fullBound ? 60 : 0;
        groups[{target, target == 0 ? c.t0 / kCompactSecs : 0}].append(c);
    }
    qint64 removed = 0;
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM chunks WHERE sid=? AND t0=?"));
    for (const auto &[key, list] : groups) {
        const int target = key.first;
        // Chunks not yet thinned to their resolution, and small ones already at it (merged
        // into fewer, larger chunks); at full resolution, the small chunks of a past hour.
        QList<Chunk> rewrite;
        bool needed = false;
        for (const Chunk &c : list) {
            if (c.res < target) {
                needed = true;
                rewrite.append(c);
            } else if (c.n < kMaxChunkPoints / 2) {
                rewrite.append(c);
            }
        }
        if (target == 0)
            needed = rewrite.size() > 1 && (key.second + 1) * kCompactSecs <= nowS;
        if (!needed)
            continue;
        QList<OffsetPoint> points;
        qint64 before = 0;
        for (const Chunk &c : std::as_const(rewrite)) {
            decodeOffsetChunk(c.data, c.n, &points);
            before += c.n;
            del.bindValue(0, sid);
            del.bindValue(1, c.t0);
            del.exec();
        }
        normalize(points);
        const QList<OffsetPoint> kept = target > 0 ? thin(points, target) : points;
        for (qsizetype i = 0; i < kept.size(); i += kMaxChunkPoints)
            storeChunk(sid, kept.mid(i, kMaxChunkPoints), target);
        removed += before - kept.size();
    }
    return removed;
}

qint64 HistoryStore::prune(qint64 nowMs, const Retention &retention)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const qint64 now = nowMs / 1000;
    const qint64 fullBound = now - retention.fullResolutionSecs;
    const qint64 minuteBound = now - retention.minuteResolutionSecs;
    const qint64 keepBound = now - retention.keepSecs;
    qint64 removed = 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return 0;
    // Open chunks of series no longer sampled are sealed once they leave full resolution.
    QList<qint64> stale;
    q.prepare(QStringLiteral("SELECT sid FROM heads WHERE t1 < ?"));
    q.addBindValue(fullBound);
    if (q.exec())
        while (q.next())
            stale.append(q.value(0).toLongLong());
    for (const qint64 sid : std::as_const(stale)) {
        QSqlQuery h(db);
        h.prepare(QStringLiteral("SELECT n, data FROM heads WHERE sid=?"));
        h.addBindValue(sid);
        if (!h.exec() || !h.next())
            continue;
        QList<OffsetPoint> points;
        decodeOffsetChunk(h.value(1).toByteArray(), h.value(0).toInt(), &points);
        h.finish();
        normalize(points);
        if (storeChunk(sid, points, 0)) {
            QSqlQuery d(db);
            d.prepare(QStringLiteral("DELETE FROM heads WHERE sid=?"));
            d.addBindValue(sid);
            d.exec();
        }
    }
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(n), 0) FROM chunks WHERE t1 < ?"));
    q.addBindValue(keepBound);
    if (q.exec() && q.next())
        removed += q.value(0).toLongLong();
    q.prepare(QStringLiteral("DELETE FROM chunks WHERE t1 < ?"));
    q.addBindValue(keepBound);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM reconstructed WHERE t1 < ?")); // reconstructed points expire alike
    q.addBindValue(keepBound);
    q.exec();
    // Chunks reaching across the limit lose their expired part.
    QList<QPair<qint64, Chunk>> straddling;
    q.prepare(QStringLiteral("SELECT sid, t0, t1, n, res, data FROM chunks WHERE t0 < ?"));
    q.addBindValue(keepBound);
    if (q.exec())
        while (q.next())
            straddling.append({q.value(0).toLongLong(), Chunk{q.value(1).toLongLong(), q.value(2).toLongLong(),
                                                              q.value(3).toInt(), q.value(4).toInt(), q.value(5).toByteArray()}});
    for (const auto &[sid, c] : std::as_const(straddling)) {
        QList<OffsetPoint> points;
        decodeOffsetChunk(c.data, c.n, &points);
        normalize(points);
        points.erase(std::remove_if(points.begin(), points.end(), [&](const OffsetPoint &p) { return p.ts < keepBound; }),
                     points.end());
        QSqlQuery d(db);
        d.prepare(QStringLiteral("DELETE FROM chunks WHERE sid=? AND t0=?"));
        d.addBindValue(sid);
        d.addBindValue(c.t0);
        if (d.exec() && storeChunk(sid, points, c.res))
            removed += c.n - points.size();
    }

    QList<qint64> sids;
    // Series with chunks to thin, or with several small full-resolution chunks in a past hour.
    q.prepare(QStringLiteral("SELECT sid FROM chunks WHERE t1 < ? AND (res < 60 OR (t1 < ? AND res < 600)) UNION "
                             "SELECT sid FROM chunks WHERE res = 0 AND n < ? AND t0 / ? < ? / ? GROUP BY sid, t0 / ? "
                             "HAVING COUNT(*) > 1"));
    q.addBindValue(fullBound);
    q.addBindValue(minuteBound);
    q.addBindValue(kMaxChunkPoints / 2);
    q.addBindValue(kCompactSecs);
    q.addBindValue(now);
    q.addBindValue(kCompactSecs);
    q.addBindValue(kCompactSecs);
    if (q.exec())
        while (q.next())
            sids.append(q.value(0).toLongLong());
    for (qsizetype i = 0; i < sids.size(); ++i) {
        removed += rewriteSeries(sids[i], now, retention);
        // Commit in steps: the write lock is not held for the whole pass, and the log stays small.
        if (i % 200 == 199) {
            db.commit();
            q.exec(QStringLiteral("BEGIN IMMEDIATE"));
        }
    }
    db.commit();
    q.finish();
    vacuumFreePages(db);
    checkpoint();
    return removed;
}

qint64 HistoryStore::enforceBudget(const QString &cluster, qint64 maxBytes)
{
    const HistoryUsage used = usage(cluster);
    if (maxBytes <= 0 || used.bytes <= maxBytes)
        return 0;
    const qint64 excess = used.bytes - maxBytes / 10 * 9;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return 0;
    struct Victim
    {
        qint64 sid, t0;
    };
    QList<Victim> victims;
    qint64 freed = 0;
    qint64 removed = 0;
    QSqlQuery oldest(db);
    oldest.setForwardOnly(true);
    oldest.prepare(QStringLiteral("SELECT c.sid, c.t0, c.n, length(c.data) FROM chunks c JOIN series s ON s.id = c.sid "
                                  "WHERE s.cluster=? ORDER BY c.t1"));
    oldest.addBindValue(cluster);
    if (oldest.exec())
        while (freed < excess && oldest.next()) {
            victims.append({oldest.value(0).toLongLong(), oldest.value(1).toLongLong()});
            removed += oldest.value(2).toLongLong();
            freed += oldest.value(3).toLongLong() + kRowOverhead;
        }
    oldest.finish();
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM chunks WHERE sid=? AND t0=?"));
    for (const Victim &v : std::as_const(victims)) {
        del.bindValue(0, v.sid);
        del.bindValue(1, v.t0);
        del.exec();
    }
    db.commit();
    q.finish();
    vacuumFreePages(db);
    checkpoint();
    spdlog::info("lag history of {}: {} bytes over the budget of {}; dropped the oldest {} samples", cluster.toStdString(),
                 used.bytes - maxBytes, maxBytes, removed);
    return removed;
}

HistoryUsage HistoryStore::usage(const QString &cluster)
{
    HistoryUsage u;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(length(grp) + length(topic) + length(cluster)), 0) "
                             "FROM series WHERE cluster=?"));
    q.addBindValue(cluster);
    if (q.exec() && q.next()) {
        u.series = q.value(0).toInt();
        u.bytes += q.value(1).toLongLong() + kRowOverhead * 2 * u.series; // the row and its unique index entry
    }
    for (const QString &table : {QStringLiteral("chunks"), QStringLiteral("heads")}) {
        q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(length(c.data)), 0), COALESCE(SUM(c.n), 0), MIN(c.t0), "
                                 "MAX(c.t1) FROM %1 c JOIN series s ON s.id = c.sid WHERE s.cluster=?")
                      .arg(table));
        q.addBindValue(cluster);
        if (!q.exec() || !q.next())
            continue;
        u.bytes += q.value(1).toLongLong() + kRowOverhead * q.value(0).toLongLong();
        u.samples += q.value(2).toLongLong();
        if (!q.value(3).isNull()) {
            const qint64 oldest = q.value(3).toLongLong() * 1000;
            const qint64 newest = q.value(4).toLongLong() * 1000;
            u.oldestMs = u.oldestMs == 0 ? oldest : std::min(u.oldestMs, oldest);
            u.newestMs = std::max(u.newestMs, newest);
        }
    }
    u.fileBytes = QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
    return u;
}

qint64 HistoryStore::retentionFor(qint64 budgetBytes, int series, double bytesPerSample, int intervalSecs,
                                  const Retention &retention)
{
    if (series <= 0 || bytesPerSample <= 0 || intervalSecs <= 0)
        return retention.keepSecs;
    // Samples a series keeps per second of history in each tier (thinning keeps at most
    // three a bucket: lowest and highest lag, last).
    struct Tier
    {
        qint64 untilSecs;
        double perSecond;
    };
    const double interval = double(intervalSecs);
    const Tier tiers[] = {
        {retention.fullResolutionSecs, 1.0 / interval},
        {retention.minuteResolutionSecs, std::min(60.0 / interval, 3.0) / 60.0},
        {retention.keepSecs, std::min(600.0 / interval, 3.0) / 600.0},
    };
    double left = double(budgetBytes);
    qint64 reached = 0;
    for (const Tier &t : tiers) {
        const double perSecond = double(series) * bytesPerSample * t.perSecond;
        const double cost = perSecond * double(t.untilSecs - reached);
        if (cost >= left)
            return reached + qint64(left / perSecond);
        left -= cost;
        reached = t.untilSecs;
    }
    return retention.keepSecs;
}

qint64 HistoryStore::sampleRowCount()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("SELECT (SELECT COALESCE(SUM(n), 0) FROM chunks) + (SELECT COALESCE(SUM(n), 0) FROM heads)"))
        && q.next())
        return q.value(0).toLongLong();
    return 0;
}

qint64 HistoryStore::fileSizeBytes()
{
    // Fold the write-ahead log into the file first so the figure is the data, not the log.
    checkpoint();
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

} // namespace kops
