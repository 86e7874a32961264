#include "resetjournal.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace kops {

namespace {

KafkaError journalError(const QString &what, const QSqlError &e)
{
    return KafkaError::make(QStringLiteral("JOURNAL"), QCoreApplication::translate("kops::Replay", "Reset journal: %1: %2").arg(what, e.text()));
}

QString offsetsToJson(const QList<JournalOffset> &offsets)
{
    QJsonArray arr;
    for (const JournalOffset &o : offsets)
        arr.append(QJsonObject{{QStringLiteral("topic"), o.topic},
                               {QStringLiteral("partition"), o.partition},
                               {QStringLiteral("old"), o.oldOffset ? QJsonValue(QString::number(*o.oldOffset)) : QJsonValue()},
                               {QStringLiteral("new"), QString::number(o.newOffset)},
                               {QStringLiteral("errorCode"), o.errorCode},
                               {QStringLiteral("errorMessage"), o.errorMessage}});
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

QList<JournalOffset> offsetsFromJson(const QString &text)
{
    QList<JournalOffset> out;
    // Offsets are stored as strings: JSON numbers are doubles and would lose precision past 2^53.
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        JournalOffset j;
        j.topic = o.value(QStringLiteral("topic")).toString();
        j.partition = o.value(QStringLiteral("partition")).toInt();
        if (!o.value(QStringLiteral("old")).isNull())
            j.oldOffset = o.value(QStringLiteral("old")).toString().toLongLong();
        j.newOffset = o.value(QStringLiteral("new")).toString().toLongLong();
        j.errorCode = o.value(QStringLiteral("errorCode")).toString();
        j.errorMessage = o.value(QStringLiteral("errorMessage")).toString();
        out.append(j);
    }
    return out;
}

JournalEntry entryFrom(const QSqlQuery &q)
{
    JournalEntry e;
    e.id = q.value(0).toLongLong();
    e.timeMs = q.value(1).toLongLong();
    e.connection = q.value(2).toString();
    e.group = q.value(3).toString();
    e.strategy = q.value(4).toString();
    e.offsets = offsetsFromJson(q.value(5).toString());
    e.outcome = q.value(6).toString();
    e.outcomeDetail = q.value(7).toString();
    if (!q.value(8).isNull())
        e.undoOf = q.value(8).toLongLong();
    return e;
}

const char *const kColumns = "id, time_ms, connection, group_id, strategy, offsets, outcome, outcome_detail, undo_of";

} // namespace

ResetJournal::ResetJournal() : ResetJournal(defaultPath()) {}

ResetJournal::ResetJournal(QString filePath)
    : m_db(std::move(filePath), QStringLiteral("kops-reset-journal"))
{
}

ResetJournal::~ResetJournal() = default;

QString ResetJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/reset-journal.sqlite");
}

Status ResetJournal::open()
{
    return m_db.open(
        {"CREATE TABLE IF NOT EXISTS resets ("
         "id INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, connection TEXT NOT NULL,"
         "group_id TEXT NOT NULL, strategy TEXT NOT NULL, offsets TEXT NOT NULL,"
         "outcome TEXT NOT NULL, outcome_detail TEXT NOT NULL DEFAULT '', undo_of INTEGER)"},
        [this](JournalDatabase::Step step, const QSqlError &e) {
            switch (step) {
            case JournalDatabase::Step::CreateFolder:
                return KafkaError::make(
                    QStringLiteral("JOURNAL"),
                    QCoreApplication::translate("kops::Replay", "Reset journal: cannot create the folder of %1.").arg(m_db.path()));
            case JournalDatabase::Step::Open:
                return journalError(QCoreApplication::translate("kops::Replay", "cannot open %1").arg(m_db.path()), e);
            case JournalDatabase::Step::Prepare:
                break;
            }
            return journalError(QCoreApplication::translate("kops::Replay", "cannot create the table"), e);
        });
}

Result<qint64> ResetJournal::begin(const JournalEntry &entry)
{
    if (auto st = open(); !st)
        return st.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT INTO resets (time_ms, connection, group_id, strategy, offsets, outcome, outcome_detail, "
                             "undo_of) VALUES (?, ?, ?, ?, ?, 'pending', '', ?)"));
    q.addBindValue(entry.timeMs ? entry.timeMs : QDateTime::currentMSecsSinceEpoch());
    // A null QString binds as SQL NULL; the columns are NOT NULL.
    auto text = [](const QString &s) { return s.isNull() ? QStringLiteral("") : s; };
    q.addBindValue(text(entry.connection));
    q.addBindValue(text(entry.group));
    q.addBindValue(text(entry.strategy));
    q.addBindValue(offsetsToJson(entry.offsets));
    q.addBindValue(entry.undoOf ? QVariant(*entry.undoOf) : QVariant(QMetaType::fromType<qint64>()));
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::Replay", "cannot record the reset"), q.lastError());
    return q.lastInsertId().toLongLong();
}

Status ResetJournal::finish(qint64 id, const QString &outcome, const QString &detail, const QList<JournalOffset> &offsets)
{
    if (auto st = open(); !st)
        return st;
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("UPDATE resets SET outcome = ?, outcome_detail = ?, offsets = ? WHERE id = ?"));
    q.addBindValue(outcome);
    q.addBindValue(detail.isNull() ? QStringLiteral("") : detail);
    q.addBindValue(offsetsToJson(offsets));
    q.addBindValue(id);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::Replay", "cannot record the outcome of reset %1").arg(id), q.lastError());
    return Done{};
}

Result<QList<JournalEntry>> ResetJournal::list(const QString &group)
{
    if (auto st = open(); !st)
        return st.error();
    QSqlQuery q(m_db.database());
    const QString sql = QStringLiteral("SELECT %1 FROM resets %2 ORDER BY id DESC")
                            .arg(QLatin1String(kColumns), group.isEmpty() ? QString() : QStringLiteral("WHERE group_id = ?"));
    q.prepare(sql);
    if (!group.isEmpty())
        q.addBindValue(group);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::Replay", "cannot read the history"), q.lastError());
    QList<JournalEntry> out;
    while (q.next())
        out.append(entryFrom(q));
    return out;
}

Result<JournalEntry> ResetJournal::entry(qint64 id)
{
    if (auto st = open(); !st)
        return st.error();
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("SELECT %1 FROM resets WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return journalError(QCoreApplication::translate("kops::Replay", "cannot read reset %1").arg(id), q.lastError());
    if (!q.next())
        return KafkaError::make(QStringLiteral("NOT_FOUND"), QCoreApplication::translate("kops::Replay", "The reset journal has no entry %1.").arg(id));
    return entryFrom(q);
}

} // namespace kops
