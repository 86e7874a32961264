#pragma once

#include "clustertypes.h"
#include "journaldatabase.h"
#include "kafkaerror.h"

#include <QList>
#include <QString>

#include <optional>

namespace kops {

/// One partition of a journaled reset: the offset before, the offset written, and how it went.
struct JournalOffset
{
    QString topic;
    int partition = -1;
    std::optional<qint64> oldOffset; ///< nullopt: no committed offset before the reset
    qint64 newOffset = 0;
    QString errorCode; ///< empty: written
    QString errorMessage;
};

/// A reset as recorded before it was applied, with its outcome once known.
struct JournalEntry
{
    qint64 id = 0;
    qint64 timeMs = 0;
    QString connection;
    QString group;
    QString strategy;
    QList<JournalOffset> offsets;
    QString outcome; ///< "pending", "applied", "partial", "failed", "refused"
    QString outcomeDetail;
    std::optional<qint64> undoOf; ///< set when this entry undid another

    bool wroteSomething() const { return outcome == QLatin1String("applied") || outcome == QLatin1String("partial"); }
};

/// The history of offset resets in SQLite (QSQLITE) under AppDataLocation, so each can be undone.
/// Not thread-safe: create one per thread (each instance has its own connection name).
class ResetJournal final
{
public:
    /// <AppDataLocation>/reset-journal.sqlite
    ResetJournal();
    explicit ResetJournal(QString filePath);
    ~ResetJournal();
    ResetJournal(const ResetJournal &) = delete;
    ResetJournal &operator=(const ResetJournal &) = delete;

    static QString defaultPath();
    QString filePath() const { return m_db.path(); }

    /// Records the entry (outcome "pending") before anything is written; returns its id.
    Result<qint64> begin(const JournalEntry &entry);
    /// Stores the outcome and the per-partition results.
    Status finish(qint64 id, const QString &outcome, const QString &detail, const QList<JournalOffset> &offsets);
    /// Newest first; all groups when group is empty.
    Result<QList<JournalEntry>> list(const QString &group = {});
    Result<JournalEntry> entry(qint64 id);

private:
    Status open();

    JournalDatabase m_db;
};

} // namespace kops
