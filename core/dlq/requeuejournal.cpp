#include "requeuejournal.h"

#include <QCoreApplication>

#include <QHash>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace kops {

namespace {

/// Delivery rows are written with synchronous=NORMAL: in WAL mode a committed row survives the
/// console being killed (the write is in the operating system's hands), and is flushed with the
/// next checkpoint or FULL commit; only a power loss in between can take it, and then the target
/// reconciliation finds those records again (README, step 5). A sync per page of rows would cost
/// the requeue about a fifth of its time.
class DeliveryRows
{
public:
    explicit DeliveryRows(QSqlDatabase &db) : m_db(db) { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous=NORMAL")); }
    ~DeliveryRows() { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA synchronous=FULL")); }
    DeliveryRows(const DeliveryRows &) = delete;
    DeliveryRows &operator=(const DeliveryRows &) = delete;

private:
    QSqlDatabase &m_db;
};

KafkaError journalError(const QString &what, const QSqlError &e)
{
    return KafkaError::make(QStringLiteral("JOURNAL"), QCoreApplication::translate("kops::DeadLetters", "Requeue journal: %1: %2").arg(what, e.text()));
}

const char *const kJobColumns =
    "id, uuid, created_ms, connection, source_topic, spec, state, requested, sent, failed, detail, finished_ms";

RequeueJob jobFrom(const QSqlQuery &q)
{
    RequeueJob j;
    j.id = q.value(0).toLongLong();
    j.uuid = q.value(1).toString();
    j.createdMs = q.value(2).toLongLong();
    j.connection = q.value(3).toString();
    j.sourceTopic = q.value(4).toString();
    j.spec = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    j.state = q.value(6).toString();
    j.requested = q.value(7).toLongLong();
    j.sent = q.value(8).toLongLong();
    j.failed = q.value(9).toLongLong();
    j.detail = q.value(10).toString();
    j.finishedMs = q.value(11).toLongLong();
    return j;
}

} // namespace

RequeueJournal::RequeueJournal() : RequeueJournal(defaultPath()) {}

RequeueJournal::RequeueJournal(QString path)
    : m_db(std::move(path), QStringLiteral("kops-requeue-journal"))
{
}

RequeueJournal::~RequeueJournal() = default;

QString RequeueJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/requeue-journal.sqlite");
}

Status RequeueJournal::open()
{
    return m_db.open(
        {
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL", // jobs and target marks survive even a power loss (see DeliveryRows)
            "PRAGMA busy_timeout=5000",
            "CREATE TABLE IF NOT EXISTS requeue_jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL, "
            "created_ms INTEGER, connection TEXT, source_topic TEXT, spec TEXT, state TEXT, requested INTEGER, "
            "sent INTEGER, failed INTEGER, detail TEXT, finished_ms INTEGER)",
            "CREATE TABLE IF NOT EXISTS requeue_marks (job_id INTEGER, topic TEXT, partition INTEGER, start_offset INTEGER, "
            "PRIMARY KEY (job_id, topic, partition))",
            "CREATE TABLE IF NOT EXISTS requeue_delivered (job_id INTEGER, src_partition INTEGER, src_offset INTEGER, "
            "target_topic TEXT, target_partition INTEGER, target_offset INTEGER, "
            "PRIMARY KEY (job_id, src_partition, src_offset))",
            "CREATE TABLE IF NOT EXISTS requeue_runs (job_id INTEGER, src_partition INTEGER, src_first INTEGER, "
            "src_last INTEGER, records INTEGER)",
            "CREATE INDEX IF NOT EXISTS requeue_runs_by_partition ON requeue_runs (job_id, src_partition, src_last)",
        },
        [this](JournalDatabase::Step step, const QSqlError &e) {
            return journalError(step == JournalDatabase::Step::Prepare
                                    ? QCoreApplication::translate("kops::DeadLetters", "cannot prepare")
                                    : QCoreApplication::translate("kops::DeadLetters", "cannot open %1").arg(m_db.path()),
                                e);
        });
}

Result<RequeueJob> RequeueJournal::create(const QString &connection, const QString &sourceTopic, const QJsonObject &spec)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO requeue_jobs (uuid, created_ms, connection, source_topic, spec, state, "
                             "requested, sent, failed, detail, finished_ms) VALUES (?,?,?,?,?,'running',0,0,0,'',0)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(connection);
    q.addBindValue(sourceTopic);
    q.addBindValue(QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record the requeue"), q.lastError());
    return job(q.lastInsertId().toLongLong());
}

Result<RequeueJob> RequeueJournal::job(qint64 id)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM requeue_jobs WHERE id = ?").arg(QLatin1String(kJobColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot read"), q.lastError());
    if (!q.next())
        return KafkaError::make(QStringLiteral("NOT_FOUND"), QCoreApplication::translate("kops::DeadLetters", "There is no requeue with journal id %1.").arg(id));
    return jobFrom(q);
}

Result<QList<RequeueJob>> RequeueJournal::list(int limit)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM requeue_jobs ORDER BY id DESC LIMIT ?").arg(QLatin1String(kJobColumns)));
    q.addBindValue(limit);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot read"), q.lastError());
    QList<RequeueJob> out;
    while (q.next())
        out.append(jobFrom(q));
    return out;
}

Status RequeueJournal::update(const RequeueJob &job)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("UPDATE requeue_jobs SET state=?, requested=?, sent=?, failed=?, detail=?, finished_ms=? "
                             "WHERE id=?"));
    q.addBindValue(job.state);
    q.addBindValue(job.requested);
    q.addBindValue(job.sent);
    q.addBindValue(job.failed);
    q.addBindValue(job.detail);
    q.addBindValue(job.finishedMs);
    q.addBindValue(job.id);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot update"), q.lastError());
    return Done{};
}

Result<QList<TargetMark>> RequeueJournal::marks(qint64 jobId)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT topic, partition, start_offset FROM requeue_marks WHERE job_id=? "
                             "ORDER BY topic, partition"));
    q.addBindValue(jobId);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot read marks"), q.lastError());
    QList<TargetMark> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong()});
    return out;
}

Status RequeueJournal::addMarks(qint64 jobId, const QList<TargetMark> &marks)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO requeue_marks (job_id, topic, partition, start_offset) "
                             "VALUES (?,?,?,?)"));
    for (const TargetMark &m : marks) {
        q.addBindValue(jobId);
        q.addBindValue(m.topic);
        q.addBindValue(m.partition);
        q.addBindValue(m.startOffset);
        if (!q.exec()) {
            db.rollback();
            return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record marks"), q.lastError());
        }
    }
    if (!db.commit())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record marks"), db.lastError());
    return Done{};
}

bool DeliveredOffsets::contains(qint64 offset) const
{
    if (m_offsets.contains(offset))
        return true;
    return std::any_of(m_runs.cbegin(), m_runs.cend(), [offset](const auto &r) { return r.first <= offset && offset <= r.second; });
}

Result<int> RequeueJournal::recordDelivered(qint64 jobId,
                                            const QList<std::pair<std::pair<int, qint64>, TargetMark>> &rows)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlDatabase db = m_db.database();
    const DeliveryRows normalSync(db);
    // Records inside a recorded run are known already: not recorded (or counted) twice.
    QHash<int, DeliveredOffsets> runs;
    {
        QSqlQuery r(db);
        r.prepare(QStringLiteral("SELECT src_partition, src_first, src_last FROM requeue_runs WHERE job_id=?"));
        r.addBindValue(jobId);
        if (!r.exec())
            return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot read deliveries"), r.lastError());
        while (r.next())
            runs[r.value(0).toInt()].addRun(r.value(1).toLongLong(), r.value(2).toLongLong());
    }
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO requeue_delivered (job_id, src_partition, src_offset, target_topic, "
                             "target_partition, target_offset) VALUES (?,?,?,?,?,?)"));
    int added = 0;
    for (const auto &row : rows) {
        if (runs.value(row.first.first).contains(row.first.second))
            continue;
        q.addBindValue(jobId);
        q.addBindValue(row.first.first);
        q.addBindValue(row.first.second);
        q.addBindValue(row.second.topic);
        q.addBindValue(row.second.partition);
        q.addBindValue(row.second.startOffset);
        if (!q.exec()) {
            db.rollback();
            return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record deliveries"), q.lastError());
        }
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (!db.commit())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record deliveries"), db.lastError());
    return added;
}

Result<qint64> RequeueJournal::recordDeliveredRuns(qint64 jobId, const QList<DeliveredRun> &runs)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlDatabase db = m_db.database();
    const DeliveryRows normalSync(db);
    db.transaction();
    QSqlQuery known(db);
    known.prepare(QStringLiteral("SELECT COUNT(*) FROM requeue_delivered WHERE job_id=? AND src_partition=? "
                                 "AND src_offset BETWEEN ? AND ?"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO requeue_runs (job_id, src_partition, src_first, src_last, records) VALUES (?,?,?,?,?)"));
    qint64 added = 0;
    for (const DeliveredRun &run : runs) {
        // A record a reconciliation recorded alone stays counted there, not again in the run.
        known.addBindValue(jobId);
        known.addBindValue(run.partition);
        known.addBindValue(run.first);
        known.addBindValue(run.last);
        if (!known.exec() || !known.next()) {
            db.rollback();
            return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record deliveries"), known.lastError());
        }
        const qint64 records = run.records - known.value(0).toLongLong();
        known.finish();
        q.addBindValue(jobId);
        q.addBindValue(run.partition);
        q.addBindValue(run.first);
        q.addBindValue(run.last);
        q.addBindValue(records);
        if (!q.exec()) {
            db.rollback();
            return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record deliveries"), q.lastError());
        }
        added += records;
    }
    if (!db.commit())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot record deliveries"), db.lastError());
    return added;
}

Result<DeliveredOffsets> RequeueJournal::deliveredIn(qint64 jobId, int partition, qint64 from, qint64 to)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlDatabase db = m_db.database();
    DeliveredOffsets out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT src_offset FROM requeue_delivered WHERE job_id=? AND src_partition=? "
                             "AND src_offset BETWEEN ? AND ?"));
    q.addBindValue(jobId);
    q.addBindValue(partition);
    q.addBindValue(from);
    q.addBindValue(to);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot read deliveries"), q.lastError());
    while (q.next())
        out.addOffset(q.value(0).toLongLong());
    QSqlQuery r(db);
    r.prepare(QStringLiteral("SELECT src_first, src_last FROM requeue_runs WHERE job_id=? AND src_partition=? "
                             "AND src_last >= ? AND src_first <= ?"));
    r.addBindValue(jobId);
    r.addBindValue(partition);
    r.addBindValue(from);
    r.addBindValue(to);
    if (!r.exec())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot read deliveries"), r.lastError());
    while (r.next())
        out.addRun(r.value(0).toLongLong(), r.value(1).toLongLong());
    return out;
}

Result<qint64> RequeueJournal::deliveredCount(qint64 jobId)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM requeue_delivered WHERE job_id=?) + "
                             "(SELECT COALESCE(SUM(records), 0) FROM requeue_runs WHERE job_id=?)"));
    q.addBindValue(jobId);
    q.addBindValue(jobId);
    if (!q.exec() || !q.next())
        return journalError(QCoreApplication::translate("kops::DeadLetters", "cannot count deliveries"), q.lastError());
    return q.value(0).toLongLong();
}

} // namespace kops
