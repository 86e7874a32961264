#include "relayjournal.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <pwd.h>
#include <unistd.h>

namespace kops {

namespace {

KafkaError journalError(const QString &what, const QSqlError &e)
{
    return KafkaError::make(QStringLiteral("JOURNAL"), QStringLiteral("Relay journal: %1: %2").arg(what, e.text()));
}

const char *const kJobColumns =
    "id, kind, transactional_id, user, connection, started_ms, finished_ms, spec, state, detail, consumed, produced, result";

RelayJob jobFrom(const QSqlQuery &q)
{
    RelayJob j;
    j.id = q.value(0).toLongLong();
    j.kind = q.value(1).toString();
    j.transactionalId = q.value(2).toString();
    j.user = q.value(3).toString();
    j.connection = q.value(4).toString();
    j.startedMs = q.value(5).toLongLong();
    j.finishedMs = q.value(6).toLongLong();
    j.spec = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    j.state = q.value(8).toString();
    j.detail = q.value(9).toString();
    j.consumed = q.value(10).toLongLong();
    j.produced = q.value(11).toLongLong();
    j.result = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    return j;
}

} // namespace

QString currentUserName()
{
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
    return qEnvironmentVariable("USER", QStringLiteral("unknown"));
}

RelayJournal::RelayJournal() : RelayJournal(defaultPath()) {}

RelayJournal::RelayJournal(QString path)
    : m_db(std::move(path), QStringLiteral("kops-relay-journal"))
{
}

RelayJournal::~RelayJournal() = default;

QString RelayJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/relay-journal.sqlite");
}

Status RelayJournal::open()
{
    const auto error = [this](JournalDatabase::Step step, const QSqlError &e) {
        return journalError(step == JournalDatabase::Step::Prepare ? QStringLiteral("cannot prepare")
                                                                   : QStringLiteral("cannot open %1").arg(m_db.path()),
                            e);
    };
    // Journals written before runs kept their measurements get the column.
    const auto addResultColumn = [&](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        bool hasResult = false;
        if (!q.exec(QStringLiteral("PRAGMA table_info(relay_jobs)")))
            return error(JournalDatabase::Step::Prepare, q.lastError());
        while (q.next())
            hasResult = hasResult || q.value(1).toString() == QLatin1String("result");
        if (!hasResult && !q.exec(QStringLiteral("ALTER TABLE relay_jobs ADD COLUMN result TEXT")))
            return error(JournalDatabase::Step::Prepare, q.lastError());
        return Done{};
    };
    return m_db.open(
        {
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL", // a mark must be on disk before the first write it guards
            "PRAGMA busy_timeout=5000",
            "CREATE TABLE IF NOT EXISTS relay_jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT, "
            "transactional_id TEXT, user TEXT, connection TEXT, started_ms INTEGER, finished_ms INTEGER, spec TEXT, "
            "state TEXT, detail TEXT, consumed INTEGER, produced INTEGER)",
            "CREATE TABLE IF NOT EXISTS relay_ranges (job_id INTEGER, topic TEXT, partition INTEGER, from_offset INTEGER, "
            "to_offset INTEGER, PRIMARY KEY (job_id, topic, partition))",
            "CREATE TABLE IF NOT EXISTS relay_marks (transactional_id TEXT, topic TEXT, partition INTEGER, "
            "start_offset INTEGER, PRIMARY KEY (transactional_id, topic, partition))",
        },
        error, addResultColumn);
}

Result<RelayJob> RelayJournal::create(const QString &kind, const QString &transactionalId, const QString &connection,
                                      const QJsonObject &spec)
{
    if (auto o = open(); !o)
        return o.error();
    RelayJob job;
    job.kind = kind;
    job.transactionalId = transactionalId;
    job.user = currentUserName();
    job.connection = connection;
    job.startedMs = QDateTime::currentMSecsSinceEpoch();
    job.spec = spec;
    job.state = QStringLiteral("running");
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO relay_jobs (kind, transactional_id, user, connection, started_ms, finished_ms, "
                             "spec, state, detail, consumed, produced) VALUES (?,?,?,?,?,0,?,?,'',0,0)"));
    q.addBindValue(kind);
    q.addBindValue(transactionalId);
    q.addBindValue(job.user);
    q.addBindValue(connection);
    q.addBindValue(job.startedMs);
    q.addBindValue(QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)));
    q.addBindValue(job.state);
    if (!q.exec())
        return journalError(QStringLiteral("cannot record the job"), q.lastError());
    job.id = q.lastInsertId().toLongLong();
    return job;
}

Status RelayJournal::update(const RelayJob &job)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("UPDATE relay_jobs SET state = ?, detail = ?, consumed = ?, produced = ?, finished_ms = ?, "
                             "result = ? WHERE id = ?"));
    q.addBindValue(job.state);
    q.addBindValue(job.detail);
    q.addBindValue(job.consumed);
    q.addBindValue(job.produced);
    q.addBindValue(job.finishedMs);
    q.addBindValue(QString::fromUtf8(QJsonDocument(job.result).toJson(QJsonDocument::Compact)));
    q.addBindValue(job.id);
    if (!q.exec())
        return journalError(QStringLiteral("cannot update job %1").arg(job.id), q.lastError());
    return Done{};
}

Result<QList<RelayJob>> RelayJournal::list(const QString &kind, int limit)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM relay_jobs WHERE (? = '' OR kind = ?) ORDER BY id DESC LIMIT ?")
                  .arg(QLatin1String(kJobColumns)));
    const QString anyKind = kind.isEmpty() ? QStringLiteral("") : kind; // a null QString binds as NULL
    q.addBindValue(anyKind);
    q.addBindValue(anyKind);
    q.addBindValue(limit);
    if (!q.exec())
        return journalError(QStringLiteral("cannot read"), q.lastError());
    QList<RelayJob> jobs;
    while (q.next())
        jobs.append(jobFrom(q));
    return jobs;
}

Result<QList<RelayRange>> RelayJournal::ranges(qint64 jobId)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT topic, partition, from_offset, to_offset FROM relay_ranges WHERE job_id = ? "
                             "ORDER BY topic, partition"));
    q.addBindValue(jobId);
    if (!q.exec())
        return journalError(QStringLiteral("cannot read ranges"), q.lastError());
    QList<RelayRange> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong(), q.value(3).toLongLong()});
    return out;
}

Status RelayJournal::setRanges(qint64 jobId, const QList<RelayRange> &ranges)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO relay_ranges (job_id, topic, partition, from_offset, to_offset) "
                             "VALUES (?,?,?,?,?)"));
    for (const RelayRange &r : ranges) {
        q.addBindValue(jobId);
        q.addBindValue(r.topic);
        q.addBindValue(r.partition);
        q.addBindValue(r.fromOffset);
        q.addBindValue(r.toOffset);
        if (!q.exec()) {
            db.rollback();
            return journalError(QStringLiteral("cannot record ranges"), q.lastError());
        }
    }
    if (!db.commit())
        return journalError(QStringLiteral("cannot record ranges"), db.lastError());
    return Done{};
}

Result<QHash<TopicPartition, qint64>> RelayJournal::marks(const QString &transactionalId)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT topic, partition, start_offset FROM relay_marks WHERE transactional_id = ?"));
    q.addBindValue(transactionalId);
    if (!q.exec())
        return journalError(QStringLiteral("cannot read marks"), q.lastError());
    QHash<TopicPartition, qint64> out;
    while (q.next())
        out.insert(TopicPartition{q.value(0).toString(), q.value(1).toInt()}, q.value(2).toLongLong());
    return out;
}

Status RelayJournal::setMarks(const QString &transactionalId, const QHash<TopicPartition, qint64> &marks)
{
    if (auto o = open(); !o)
        return o.error();
    QSqlDatabase db = m_db.database();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO relay_marks (transactional_id, topic, partition, start_offset) "
                             "VALUES (?,?,?,?)"));
    for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
        q.addBindValue(transactionalId);
        q.addBindValue(it.key().topic);
        q.addBindValue(it.key().partition);
        q.addBindValue(it.value());
        if (!q.exec()) {
            db.rollback();
            return journalError(QStringLiteral("cannot record marks"), q.lastError());
        }
    }
    if (!db.commit())
        return journalError(QStringLiteral("cannot record marks"), db.lastError());
    return Done{};
}

} // namespace kops
