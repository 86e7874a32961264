#pragma once

#include "clusterapi.h"
#include "connectionprofile.h"
#include "replay/resetjournal.h"
#include "replay/resetplanner.h"

namespace kops {

/// What happened when a reset (or an undo) was written: per-partition results, journaled.
struct ResetOutcome
{
    qint64 journalId = 0;
    QString group;
    QList<JournalOffset> offsets; ///< per partition; errorCode empty when written
    QStringList warnings;         ///< e.g. partitions an undo could not restore

    int failedCount() const;
    bool complete() const { return failedCount() == 0; }
    QString outcome() const; ///< "applied", "partial" or "failed"
};

/// Kafka's rule: offsets change only for a group without active members. The error (NON_EMPTY_GROUP)
/// lists each member with client id, host and assigned partitions in its details.
Status checkGroupInactive(ClusterApi &api, const QString &group);

/// Applies reset plans and undoes journaled resets: read-only switch, active-group guard (before
/// and immediately before the write), journal first, then alterGroupOffsets. Blocks: run it on
/// a pool with one thread so that writes never overlap.
class ResetExecutor final
{
public:
    ResetExecutor(ClusterApi &api, ResetJournal &journal, ConnectionProfile profile);

    /// An error means nothing was written. Once written, the outcome reports every partition.
    Result<ResetOutcome> apply(const ResetPlan &plan);
    /// Restores the offsets recorded before journal entry `id`, under the same checks.
    Result<ResetOutcome> undo(qint64 id);

private:
    Result<ResetOutcome> write(const QString &group, const QString &strategy, QList<JournalOffset> offsets,
                               std::optional<qint64> undoOf, QStringList warnings);
    Status checkWritable() const;

    ClusterApi &m_api;
    ResetJournal &m_journal;
    ConnectionProfile m_profile;
};

} // namespace kops
