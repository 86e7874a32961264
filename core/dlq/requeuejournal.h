#pragma once

#include "journaldatabase.h"
#include "kafkaerror.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace kops {

/// One requeue as the journal remembers it.
struct RequeueJob
{
    qint64 id = 0;
    QString uuid;        ///< written to every requeued record as kops-requeue-job
    qint64 createdMs = 0;
    QString connection;
    QString sourceTopic;
    QJsonObject spec;    ///< RequeueSpec::toJson(): resolved ranges, filter or explicit records, options
    QString state;       ///< "running", "done", "cancelled", "interrupted"
    qint64 requested = 0;
    qint64 sent = 0;
    qint64 failed = 0;
    QString detail;
    qint64 finishedMs = 0;
};

/// A target partition's high watermark recorded before the first record was produced to it.
struct TargetMark
{
    QString topic;
    int partition = -1;
    qint64 startOffset = 0;
};

/// Consecutive records of the job in one source partition, all delivered: every record of the
/// job with an offset in [first, last] (records the filter skipped are not the job's).
struct DeliveredRun
{
    int partition = -1;
    qint64 first = 0;
    qint64 last = 0;
    qint64 records = 0;
};

/// Which source offsets of a partition are recorded as delivered.
class DeliveredOffsets final
{
public:
    bool contains(qint64 offset) const;
    void addRun(qint64 first, qint64 last) { m_runs.append({first, last}); }
    void addOffset(qint64 offset) { m_offsets.insert(offset); }

private:
    QList<std::pair<qint64, qint64>> m_runs;
    QSet<qint64> m_offsets;
};

/// SQLite journal of requeues (QStandardPaths::AppDataLocation/requeue-journal.sqlite):
/// the job, the target start watermarks, and every source record known to be delivered.
/// Use one instance per thread (QtSql connections are per thread).
class RequeueJournal final
{
public:
    RequeueJournal();
    explicit RequeueJournal(QString path);
    ~RequeueJournal();
    RequeueJournal(const RequeueJournal &) = delete;
    RequeueJournal &operator=(const RequeueJournal &) = delete;

    static QString defaultPath();

    Result<RequeueJob> create(const QString &connection, const QString &sourceTopic, const QJsonObject &spec);
    Result<RequeueJob> job(qint64 id);
    Result<QList<RequeueJob>> list(int limit = 200);
    Status update(const RequeueJob &job);

    Result<QList<TargetMark>> marks(qint64 jobId);
    /// Records marks not yet known (an existing mark is never moved).
    Status addMarks(qint64 jobId, const QList<TargetMark> &marks);

    /// Source record (partition, offset) delivered as target topic/partition/offset (what a
    /// reconciliation finds in the targets). Returns how many were new (a record already
    /// recorded, alone or in a run, is ignored, not counted).
    Result<int> recordDelivered(qint64 jobId, const QList<std::pair<std::pair<int, qint64>, TargetMark>> &rows);
    /// Runs of delivered records as the requeue sends them: one row per run, not per record,
    /// so journalling costs almost nothing per record. Returns how many records were new.
    Result<qint64> recordDeliveredRuns(qint64 jobId, const QList<DeliveredRun> &runs);
    /// Which of the source offsets in [from, to] of a partition are recorded as delivered.
    Result<DeliveredOffsets> deliveredIn(qint64 jobId, int partition, qint64 from, qint64 to);
    Result<qint64> deliveredCount(qint64 jobId);

private:
    Status open();

    JournalDatabase m_db;
};

} // namespace kops
