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
    /// Journals a new job and runs it.
    Result<RequeueOutcome> start(const RequeueSpec &spec, const QString &connection, Control *control = nullptr,
                                 const ProgressFn &progress = {});
    /// Reconciles and continues a journalled job (cancelled, interrupted or killed).
    Result<RequeueOutcome> resume(qint64 journalId, Control *control = nullptr, const ProgressFn &progress = {});

    /// Attempts per batch before the job is left "interrupted" for a later resume.
    void setMaxAttempts(int attempts) { m_maxAttempts = attempts; }
    void setRetryBackoffMs(int ms) { m_backoffMs = ms; }
    /// Test hook, called after a batch was produced and before it is journalled; returning
    /// true stops the run right there, as if the process had been killed.
    std::function<bool(int batch)> killAfterProduceForTest;

private:
    struct Run;
    Result<QList<StreamRange>> sourceRanges(const RequeueSpec &spec);
    DeadLetterDecoder decoderFor(const RequeueSpec &spec) const;
    Result<RequeueOutcome> execute(RequeueJob job, Control *control, const ProgressFn &progress);
    Status reconcile(Run &run);
    Status ensureMarks(Run &run, const QString &topic);
    Result<int> partitionCount(Run &run, const QString &topic);
    std::optional<OutgoingRecord> toOutgoing(Run &run, const DeadLetterRecord &r, QString *whyNot);
    Status processBatch(Run &run, const QList<DeadLetterRecord> &matches, Control *control);

    ClusterApi &m_api;
    RequeueJournal &m_journal;
    DeadLetterDecoder m_decoder;
    int m_maxAttempts = 5;
    int m_backoffMs = 500;
};

} // namespace kops
