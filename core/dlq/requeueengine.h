#pragma once

#include "requeuejournal.h"
#include "partitionstream.h"
#include "requeuespec.h"

#include <QMap>

#include <atomic>
#include <functional>

namespace kops {

/// Dry run: how many matching records would go to each target topic.
struct RequeuePlan
{
    qint64 scanned = 0;
    qint64 matched = 0;
    QMap<QString, qint64> perTarget; ///< "" : no target (no decoded original topic)
    QStringList missingTopics;       ///< targets that do not exist (a requeue to them is refused)
};

/// A record that could not be requeued, and why.
struct RequeueFailure
{
    int partition = -1;
    qint64 offset = -1;
    QString reason;
};

struct RequeueProgress
{
    qint64 requested = 0;   ///< matching source records seen so far
    qint64 sent = 0;        ///< delivered by this run
    qint64 alreadySent = 0; ///< delivered before this run (journal or found in the target)
    qint64 failed = 0;
    qint64 total = 0;       ///< source records in the ranges (upper bound of requested)
    double recordsPerSecond = 0;
};

struct RequeueOutcome
{
    qint64 journalId = 0;
    RequeueProgress progress;
    QList<RequeueFailure> failed;
    QString state; ///< "done", "cancelled", "interrupted"
    QString detail;
};

/// Requeues dead letters exactly once. Before the first record goes to a target partition
/// its high watermark is journalled; every delivery report is journalled; after a failed
/// batch and on resume, the target partitions are read from those marks for records
/// carrying this job's kops-requeue-job header, so a record whose report was lost (broker
/// outage, cancel, the console killed) is recorded as delivered instead of sent twice.
/// The idempotent producer keeps its own retries from duplicating.
class RequeueEngine final
{
public:
    struct Control
    {
        std::atomic<bool> cancel{false};
        std::atomic<bool> pause{false};
    };
    using ProgressFn = std::function<void(const RequeueProgress &)>;

    RequeueEngine(ClusterApi &api, RequeueJournal &journal, DeadLetterDecoder decoder = DeadLetterDecoder());

    Result<RequeuePlan> plan(const RequeueSpec &spec, const std::atomic<bool> *cancel = nullptr);
    /// The topics among these that do not exist in the cluster (never creates them).
    Result<QStringList> missingTopics(const QStringList &topics);
    /// Creates missing target topics with this many partitions (0: as many as the source topic),
    /// waiting until the cluster lists them. Refuses nothing itself: callers check read-only first.
    Status createTopics(const QStringList &topics, const QString &sourceTopic, int partitions = 0);
    /// Journals a new job and runs it.
    Result<RequeueOutcome> start(const RequeueSpec &spec, const QString &connection, Control *control = nullptr,
                                 const ProgressFn &progress = {});
    /// Reconciles and continues a journalled job (cancelled, interrupted or killed).
    Result<RequeueOutcome> resume(qint64 journalId, Control *control = nullptr, const ProgressFn &progress = {});

    /// Attempts per batch before the job is left "interrupted" for a later resume.
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    void setRetryBackoffMs(int ms) { m_backoffMs = ms; }
    /// What the rate limit paces against: a monotonic time in ms and a way to wait. Tests
    /// inject a virtual clock, so the pacing is checked without measuring wall time.
    struct Clock
    {
        std::function<qint64()> nowMs;
        std::function<void(qint64 ms)> sleepMs;
    };
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// Test hook, called with a page's number after it was produced and before it is journalled
    /// (the next page is already on its way then); returning true stops the run right there, as
    /// if the process had been killed.
    std::function<bool(int batch)> killAfterProduceForTest;

private:
    struct Run;
    struct Pending;
    struct Candidate;
    Result<QList<StreamRange>> sourceRanges(const RequeueSpec &spec);
    DeadLetterDecoder decoderFor(const RequeueSpec &spec) const;
    Result<RequeueOutcome> execute(RequeueJob job, Control *control, const ProgressFn &progress);
    Status reconcile(Run &run);
    Status ensureMarks(Run &run, const QString &topic);
    /// The start marks of every target of these records; the last error, empty when all are journalled.
    QString ensureMarksFor(Run &run, const QList<Pending> &pending);
    /// Holds while paused; false (and the run cancelled) when cancelled.
    bool waitWhilePaused(Run &run, Control *control);
    Result<int> partitionCount(Run &run, const QString &topic);
    /// The record to send for a source record (its headers passed in, already decoded into info).
    /// The record to send for a source record: forwarded as read when the stream allows it (no
    /// copy of key, value or headers), else built from owned copies.
    std::optional<OutgoingRecord> toOutgoing(Run &run, const RecordView &r, const DeadLetterInfo &info,
                                             QString *whyNot);
    /// Prepares one page's matches (grouped by source partition) and starts producing them;
    /// meanwhile earlier pages' reports are journalled (a few pages in flight).
    Status processPage(Run &run, QMap<int, QList<Candidate>> &matches, Control *control);
    /// Waits for the oldest pages in flight until `keep` remain: journals what was delivered,
    /// retries what was not.
    Status finishInFlight(Run &run, Control *control, int keep);
    /// Journals the delivered records of a produced batch; returns those that were not delivered.
    Result<QList<Pending>> journalReports(Run &run, const QList<Pending> &sent, const Result<QList<DeliveryReport>> &reports,
                                          QString *lastError);
    /// Sends records of one source partition again until delivered, reconciling between attempts.
    Status retry(Run &run, int partition, QList<Pending> pending, QString lastError, Control *control);

    ClusterApi &m_api;
    RequeueJournal &m_journal;
    DeadLetterDecoder m_decoder;
    int m_maxAttempts = 5;
    int m_backoffMs = 500;
    Clock m_clock;
};

} // namespace kops
