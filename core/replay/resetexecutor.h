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

/// What undoing journal entry `id` would do now. The group's consumers may have moved on since
/// the reset: then restoring the old offsets makes them process again what they consumed since,
/// so the preview compares with the offsets committed now, not with those the reset wrote.
struct UndoPreview
{
    struct Partition
    {
        QString topic;
        int partition = -1;
        std::optional<qint64> current; ///< committed now (nullopt: none)
        qint64 atReset = 0;            ///< what the reset wrote
        qint64 restoreTo = 0;          ///< what the undo writes (the offset before the reset)
        qint64 reprocess() const;      ///< records the consumers processed and will process again
        qint64 movedOn() const;        ///< records consumed since the reset: current - atReset when positive
    };
    qint64 id = 0;
    QString group;
    QString strategy;
    QList<Partition> partitions;
    QStringList warnings; ///< partitions that cannot be restored

    qint64 reprocessTotal() const;
    qint64 movedOnTotal() const;
    /// A sentence for the confirmation when the consumers moved on; empty when they did not.
    QString movedOnWarning() const;
};

/// Reads the group's committed offsets (a cluster call: not on the GUI thread).
Result<UndoPreview> previewUndo(ClusterApi &api, const JournalEntry &entry);

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
