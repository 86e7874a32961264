#include "resetexecutor.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QHash>

#include <algorithm>

namespace kops {

namespace {

QString tpName(const QString &topic, int partition)
{
    return QStringLiteral("%1-%2").arg(topic).arg(partition);
}

} // namespace

int ResetOutcome::failedCount() const
{
    return int(std::count_if(offsets.cbegin(), offsets.cend(), [](const JournalOffset &o) { return !o.errorCode.isEmpty(); }));
}

QString ResetOutcome::outcome() const
{
    const int failed = failedCount();
    if (failed == 0)
        return QStringLiteral("applied");
    return failed == offsets.size() ? QStringLiteral("failed") : QStringLiteral("partial");
}

Status checkGroupInactive(ClusterApi &api, const QString &group)
{
    auto described = api.describeGroups({group});
    if (!described)
        return described.error();
    for (const GroupDescription &d : described.value()) {
        if (d.groupId != group)
            continue;
        if (!d.errorCode.isEmpty() && d.errorCode != QLatin1String("GROUP_ID_NOT_FOUND"))
            return KafkaError::make(d.errorCode, QCoreApplication::translate("kops::Replay", "Cannot check the state of group '%1': %2").arg(group, d.errorMessage));
        static const QStringList activeStates = {QStringLiteral("Stable"), QStringLiteral("PreparingRebalance"),
                                                 QStringLiteral("CompletingRebalance")};
        if (d.members.isEmpty() && !activeStates.contains(d.state))
            return Done{};
        QStringList details;
        for (const GroupMember &m : d.members) {
            QStringList parts;
            for (const TopicPartition &tp : m.assignments)
                parts << tpName(tp.topic, tp.partition);
            details << QCoreApplication::translate("kops::Replay", "member %1, client %2, host %3, partitions %4")
                           .arg(m.memberId, m.clientId.isEmpty() ? QStringLiteral("-") : m.clientId,
                                m.host.isEmpty() ? QStringLiteral("-") : m.host,
                                parts.isEmpty() ? QStringLiteral("-") : parts.join(QLatin1Char(' ')));
        }
        return KafkaError::make(QStringLiteral("NON_EMPTY_GROUP"),
                                QCoreApplication::translate("kops::Replay", "Offsets can only be changed while group '%1' has no active members, but it is %2 "
                                               "with %3 member(s). Stop its consumers first.")
                                    .arg(group, d.state)
                                    .arg(d.members.size()),
                                details);
    }
    return Done{};
}

ResetExecutor::ResetExecutor(ClusterApi &api, ResetJournal &journal, ConnectionProfile profile)
    : m_api(api), m_journal(journal), m_profile(std::move(profile))
{
}

Status ResetExecutor::checkWritable() const
{
    if (m_profile.readOnly)
        return KafkaError::make(QStringLiteral("READ_ONLY"),
                                QCoreApplication::translate("kops::Replay", "Connection '%1' is read-only: offset resets are refused. Turn off "
                                               "read-only in its connection settings to change offsets.")
                                    .arg(m_profile.name));
    return Done{};
}

namespace {

/// The group's committed offsets now (partitions without a valid commit left out).
Result<QHash<TopicPartition, qint64>> committedOffsetsNow(ClusterApi &api, const QString &group)
{
    auto committed = api.committedOffsets({group});
    if (!committed)
        return committed.error();
    QHash<TopicPartition, qint64> now;
    for (const PartitionOffset &c : committed.value().value(group))
        if (!c.hasError() && c.offset >= 0)
            now.insert(c.tp(), c.offset);
    return now;
}

} // namespace

Result<ResetOutcome> ResetExecutor::apply(const ResetPlan &plan)
{
    if (auto st = checkWritable(); !st)
        return st.error();
    if (plan.partitions.isEmpty())
        return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"), QCoreApplication::translate("kops::Replay", "The plan has no partitions."));
    if (auto st = checkGroupInactive(m_api, plan.group); !st)
        return st.error();
    // Journal what is committed now, not what the preview saw, and refuse when they differ:
    // the plan was computed from offsets that are no longer there.
    auto committedNow = committedOffsetsNow(m_api, plan.group);
    if (!committedNow)
        return committedNow.error();
    const QHash<TopicPartition, qint64> &now = committedNow.value();
    QStringList changed;
    QList<JournalOffset> offsets;
    for (const PlannedPartition &p : plan.partitions) {
        const std::optional<qint64> current = now.contains(p.tp()) ? std::optional<qint64>(now.value(p.tp())) : std::nullopt;
        if (current != p.current)
            changed << QCoreApplication::translate("kops::Replay", "%1: previewed %2, now %3")
                           .arg(tpName(p.topic, p.partition),
                                p.current ? QString::number(*p.current) : QStringLiteral("none"),
                                current ? QString::number(*current) : QStringLiteral("none"));
        JournalOffset o;
        o.topic = p.topic;
        o.partition = p.partition;
        o.oldOffset = current;
        o.newOffset = p.target;
        offsets.append(o);
    }
    if (!changed.isEmpty())
        return KafkaError::make(QStringLiteral("OFFSETS_CHANGED"),
                                QCoreApplication::translate("kops::Replay", "The committed offsets of group '%1' changed since the preview; preview again.")
                                    .arg(plan.group),
                                changed);
    return write(plan.group, plan.strategy.describe(), offsets, std::nullopt, plan.warnings);
}

qint64 UndoPreview::Partition::reprocess() const
{
    // Only what was consumed at or after both offsets comes round again: records a forward reset
    // skipped are processed for the first time, not again.
    return current ? std::max<qint64>(0, *current - std::max(restoreTo, atReset)) : 0;
}

qint64 UndoPreview::Partition::movedOn() const
{
    return current ? std::max<qint64>(0, *current - atReset) : 0;
}

qint64 UndoPreview::reprocessTotal() const
{
    qint64 n = 0;
    for (const Partition &p : partitions)
        n += p.reprocess();
    return n;
}

qint64 UndoPreview::movedOnTotal() const
{
    qint64 n = 0;
    for (const Partition &p : partitions)
        n += p.movedOn();
    return n;
}

QString UndoPreview::movedOnWarning() const
{
    const qint64 moved = movedOnTotal();
    if (moved <= 0)
        return {};
    return QCoreApplication::translate("kops::Replay", "The consumers of '%1' have processed %2 records since reset %3: undoing it makes them "
                          "process %4 records again.")
        .arg(group)
        .arg(moved)
        .arg(id)
        .arg(reprocessTotal());
}

Result<UndoPreview> previewUndo(ClusterApi &api, const JournalEntry &e)
{
    auto committedNow = committedOffsetsNow(api, e.group);
    if (!committedNow)
        return committedNow.error();
    const QHash<TopicPartition, qint64> &now = committedNow.value();
    UndoPreview preview;
    preview.id = e.id;
    preview.group = e.group;
    preview.strategy = e.strategy;
    for (const JournalOffset &o : e.offsets) {
        if (!o.errorCode.isEmpty())
            continue;
        if (!o.oldOffset) {
            preview.warnings << QCoreApplication::translate("kops::Replay", "%1 had no committed offset before reset %2; it stays where it is.")
                                    .arg(tpName(o.topic, o.partition), QString::number(e.id));
            continue;
        }
        UndoPreview::Partition p;
        p.topic = o.topic;
        p.partition = o.partition;
        if (now.contains({o.topic, o.partition}))
            p.current = now.value({o.topic, o.partition});
        p.atReset = o.newOffset;
        p.restoreTo = *o.oldOffset;
        preview.partitions.append(p);
    }
    return preview;
}

Result<ResetOutcome> ResetExecutor::undo(qint64 id)
{
    if (auto st = checkWritable(); !st)
        return st.error();
    auto entry = m_journal.entry(id);
    if (!entry)
        return entry.error();
    const JournalEntry &e = entry.value();
    if (!e.wroteSomething())
        return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"),
                                QCoreApplication::translate("kops::Replay", "Reset %1 changed nothing (outcome: %2), so there is nothing to undo.")
                                    .arg(id)
                                    .arg(e.outcome));
    if (!m_profile.name.isEmpty() && !e.connection.isEmpty() && e.connection != m_profile.name)
        return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"),
                                QCoreApplication::translate("kops::Replay", "Reset %1 was made on connection '%2', not '%3'; undo it there.")
                                    .arg(QString::number(id), e.connection, m_profile.name));
    if (auto st = checkGroupInactive(m_api, e.group); !st)
        return st.error();
    auto committed = m_api.committedOffsets({e.group});
    if (!committed)
        return committed.error();
    QHash<TopicPartition, qint64> now;
    for (const PartitionOffset &c : committed.value().value(e.group))
        if (!c.hasError() && c.offset >= 0)
            now.insert(c.tp(), c.offset);
    QList<JournalOffset> offsets;
    QStringList warnings;
    for (const JournalOffset &o : e.offsets) {
        if (!o.errorCode.isEmpty())
            continue; // never written, nothing to restore
        if (!o.oldOffset) {
            // alterGroupOffsets can set offsets but not delete them.
            warnings << QCoreApplication::translate("kops::Replay", "%1 had no committed offset before reset %2; it stays at %3 (a commit cannot be "
                                       "removed with an offset change).")
                            .arg(tpName(o.topic, o.partition), QString::number(id), QString::number(o.newOffset));
            continue;
        }
        JournalOffset r;
        r.topic = o.topic;
        r.partition = o.partition;
        const TopicPartition tp{o.topic, o.partition};
        if (now.contains(tp))
            r.oldOffset = now.value(tp);
        r.newOffset = *o.oldOffset;
        offsets.append(r);
    }
    if (offsets.isEmpty())
        return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"),
                                QCoreApplication::translate("kops::Replay", "Reset %1 has no offsets that can be restored.").arg(id), warnings);
    return write(e.group, QCoreApplication::translate("kops::Replay", "undo %1 (%2)").arg(QString::number(id), e.strategy), offsets, id, warnings);
}

Result<ResetOutcome> ResetExecutor::write(const QString &group, const QString &strategy, QList<JournalOffset> offsets,
                                          std::optional<qint64> undoOf, QStringList warnings)
{
    JournalEntry entry;
    entry.timeMs = QDateTime::currentMSecsSinceEpoch();
    entry.connection = m_profile.name;
    entry.group = group;
    entry.strategy = strategy;
    entry.offsets = offsets;
    entry.undoOf = undoOf;
    auto id = m_journal.begin(entry);
    if (!id)
        return KafkaError::make(id.error().code,
                                id.error().message + QCoreApplication::translate("kops::Replay", " Nothing was changed: a reset is never applied unjournaled."));

    // Again right before the write: a consumer may have joined since the first check.
    if (auto st = checkGroupInactive(m_api, group); !st) {
        m_journal.finish(id.value(), QStringLiteral("refused"), st.error().toString(), offsets);
        return st.error();
    }

    QList<PartitionOffset> request;
    for (const JournalOffset &o : offsets) {
        PartitionOffset po;
        po.topic = o.topic;
        po.partition = o.partition;
        po.offset = o.newOffset;
        request.append(po);
    }
    auto written = m_api.alterGroupOffsets(group, request);
    QHash<TopicPartition, PartitionOffset> results;
    if (written)
        for (const PartitionOffset &r : written.value())
            results.insert(r.tp(), r);
    for (JournalOffset &o : offsets) {
        if (!written) {
            // The request failed as a whole: report each partition, since we cannot tell what landed.
            o.errorCode = written.error().code;
            o.errorMessage = written.error().message;
            continue;
        }
        const auto r = results.constFind({o.topic, o.partition});
        if (r == results.cend()) {
            o.errorCode = QStringLiteral("NO_RESPONSE");
            o.errorMessage = QCoreApplication::translate("kops::Replay", "The cluster did not answer for this partition; check its offset.");
        } else if (r->hasError()) {
            o.errorCode = r->errorCode;
            o.errorMessage = r->errorMessage;
        }
    }
    ResetOutcome outcome;
    outcome.journalId = id.value();
    outcome.group = group;
    outcome.offsets = offsets;
    outcome.warnings = warnings;
    const QString detail = written ? QCoreApplication::translate("kops::Replay", "%1 of %2 partitions written").arg(offsets.size() - outcome.failedCount()).arg(offsets.size())
                                   : written.error().toString();
    if (auto st = m_journal.finish(id.value(), outcome.outcome(), detail, offsets); !st)
        outcome.warnings << st.error().toString() + QCoreApplication::translate("kops::Replay", " The journal entry stays 'pending'.");
    return outcome;
}

} // namespace kops
