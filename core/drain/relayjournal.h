#pragma once

#include "clustertypes.h"
#include "journaldatabase.h"
#include "kafkaerror.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kops {

/// One drain or delay-router run as the journal remembers it: who started it, when, on
/// which connection, and which source ranges it relayed.
struct RelayJob
{
    qint64 id = 0;
    QString kind;            ///< "drain" or "delay"
    QString transactionalId; ///< the relay's identity (a later run with it resumes)
    QString user;
    QString connection;
    qint64 startedMs = 0;
    qint64 finishedMs = 0;
    QJsonObject spec;        ///< what was asked (group, topics, target, partitions, mode...)
    QString state;           ///< "running", "done", "stopped", "failed"
    QString detail;
    qint64 consumed = 0;
    qint64 produced = 0;
    QJsonObject result;      ///< what the run measured so far (a router: lateness p50/p99/max, re-tiered)
};

/// A source partition's range relayed by one job: [fromOffset, toOffset).
struct RelayRange
{
    QString topic;
    int partition = -1;
    qint64 fromOffset = 0;
    qint64 toOffset = 0;
};

/// SQLite journal of relays (<AppDataLocation>/relay-journal.sqlite): the jobs with their
/// ranges, and each relay's target marks (see TransactionalRelay). One instance per thread.
class RelayJournal final
{
public:
    RelayJournal();
    explicit RelayJournal(QString path);
    ~RelayJournal();
    RelayJournal(const RelayJournal &) = delete;
    RelayJournal &operator=(const RelayJournal &) = delete;

    static QString defaultPath();
    QString path() const { return m_db.path(); }

    Result<RelayJob> create(const QString &kind, const QString &transactionalId, const QString &connection,
                            const QJsonObject &spec);
    Status update(const RelayJob &job);
    Result<QList<RelayJob>> list(const QString &kind = {}, int limit = 200);
    Result<QList<RelayRange>> ranges(qint64 jobId);
    /// Replaces the job's ranges (called as it goes, so a killed job still says how far it got).
    Status setRanges(qint64 jobId, const QList<RelayRange> &ranges);

    /// The relay's target marks: where each target partition stood before writes not yet
    /// known to be committed (topic/partition -> offset).
    Result<QHash<TopicPartition, qint64>> marks(const QString &transactionalId);
    Status setMarks(const QString &transactionalId, const QHash<TopicPartition, qint64> &marks);

private:
    Status open();

    JournalDatabase m_db;
};

/// The operating-system user running the program (for the journal's "who").
QString currentUserName();

} // namespace kops
