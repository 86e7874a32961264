#include "lagreconstruction.h"

#include "boundedlist.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <map>

namespace kops {

QString reachLimitText(ReachLimit limit)
{
    switch (limit) {
    case ReachLimit::WholeRange:
        return QCoreApplication::translate("kops::Lag", "the whole range");
    case ReachLimit::FirstCommit:
        return QCoreApplication::translate("kops::Lag", "the group's first commit: nothing older was committed");
    case ReachLimit::Compaction:
        return QCoreApplication::translate("kops::Lag", "compaction of __consumer_offsets removed the older commits");
    case ReachLimit::CommitLog:
        return QCoreApplication::translate("kops::Lag", "the commit log holds nothing older");
    case ReachLimit::Retention:
        return QCoreApplication::translate("kops::Lag",
                                           "retention deleted the older records, so the log end cannot be placed");
    }
    return {};
}

namespace {

/// A partition's commits in time order (log order among equal times).
struct PartitionCommits
{
    QList<GroupCommit> commits;
    qsizetype next = 0;        ///< the first commit after the current step
    qint64 offsetSinceMs = -1; ///< when the current offset was first committed
    int commitsOfOffset = 0;
};

void advance(PartitionCommits &pc, qint64 t)
{
    while (pc.next < pc.commits.size() && pc.commits[pc.next].atMs <= t) {
        const GroupCommit &c = pc.commits[pc.next];
        if (pc.next > 0 && pc.commits[pc.next - 1].offset == c.offset && c.offset >= 0) {
            ++pc.commitsOfOffset;
        } else {
            pc.offsetSinceMs = c.atMs;
            pc.commitsOfOffset = c.offset >= 0 ? 1 : 0;
        }
        ++pc.next;
    }
}

} // namespace

QList<qint64> LagReconstructor::stepTimes(qint64 fromMs, qint64 toMs, qint64 stepMs)
{
    QList<qint64> out;
    if (stepMs <= 0 || toMs < fromMs)
        return out;
    for (qint64 t = (fromMs + stepMs - 1) / stepMs * stepMs; t <= toMs; t += stepMs)
        out.append(t);
    return out;
}

LagReconstruction LagReconstructor::build(const GroupCommitLog &log, qint64 fromMs, qint64 toMs, const Options &options,
                                          const QHash<TopicPartition, PartitionWatermarks> &watermarks,
                                          const QSet<QString> &logAppendTimeTopics,
                                          const QList<QHash<TopicPartition, qint64>> &logEndAnswers)
{
    LagReconstruction out;
    out.group = log.group;
    out.fromMs = fromMs;
    out.toMs = toMs;
    out.stepMs = options.stepMs;
    out.recordsRead = log.recordsRead;
    const QList<qint64> times = stepTimes(fromMs, toMs, options.stepMs);

    std::map<TopicPartition, PartitionCommits> byPartition;
    for (const GroupCommit &c : log.commits) {
        byPartition[c.tp].commits.append(c);
        ++out.commitsRead;
    }
    for (auto &[tp, pc] : byPartition)
        std::stable_sort(pc.commits.begin(), pc.commits.end(),
                         [](const GroupCommit &a, const GroupCommit &b) { return a.atMs < b.atMs; });

    // Assignments in time order, to know who owned a partition at a past step.
    QList<GroupAssignment> assignments = log.assignments;
    std::stable_sort(assignments.begin(), assignments.end(),
                     [](const GroupAssignment &a, const GroupAssignment &b) { return a.atMs < b.atMs; });

    struct Track
    {
        ReconstructedPartition rp;
        QList<OffsetObservation> window;
        bool retentionHit = false;
    };
    std::map<TopicPartition, Track> tracks;
    for (auto &[tp, pc] : byPartition) {
        Track &tr = tracks[tp];
        tr.rp.tp = tp;
        tr.rp.logAppendTime = logAppendTimeTopics.contains(tp.topic);
    }

    qsizetype assignment = -1;
    for (qsizetype k = 0; k < times.size(); ++k) {
        const qint64 t = times[k];
        while (assignment + 1 < assignments.size() && assignments[assignment + 1].atMs <= t)
            ++assignment;
        const QHash<TopicPartition, qint64> answers = k < logEndAnswers.size() ? logEndAnswers[k] : QHash<TopicPartition, qint64>{};
        QList<PartitionLag> judged;
        for (auto &[tp, pc] : byPartition) {
            Track &tr = tracks[tp];
            advance(pc, t);
            if (pc.next == 0)
                continue; // nothing committed yet (or compacted away)
            const GroupCommit &last = pc.commits[pc.next - 1];
            const auto answer = answers.constFind(tp);
            const auto wm = watermarks.constFind(tp);
            if (answer == answers.cend() || wm == watermarks.cend() || !wm->errorCode.isEmpty())
                continue; // lookup failed at this step
            qint64 logEnd = *answer < 0 ? wm->high : *answer;
            const qint64 committed = last.offset;
            // The first retained record is after T: what was written up to T is deleted, so
            // the log end then is only known when the committed offset pins it.
            if (*answer >= 0 && *answer == wm->low && wm->low > 0 && committed < wm->low) {
                tr.retentionHit = true;
                continue;
            }
            const qint64 previous = tr.rp.points.isEmpty() ? 0 : tr.rp.points.last().logEnd;
            logEnd = std::max(logEnd, previous); // a log end never moves back
            if (committed >= 0 && logEnd < committed) {
                // The committed offset proves the log reached it: CreateTime stamps from
                // producer clocks placed records after T that were written before it.
                logEnd = std::min(committed, wm->high);
                ++tr.rp.logEndRaised;
            }
            const OffsetObservation obs{t, committed >= 0 ? committed : kNoOffset, logEnd};
            if (tr.rp.points.isEmpty())
                tr.rp.reachedMs = t;
            tr.rp.points.append(obs);
            if (obs.committed < 0) {
                tr.window.clear();
                continue;
            }
            appendKeepingLast(tr.window, obs, qsizetype(options.windowSize));
            HealthEvaluator::Input in;
            in.window = tr.window;
            in.windowSize = options.windowSize;
            in.commitTimesKnown = true;
            in.lastCommitMs = last.atMs;
            in.commitsOfOffset = pc.commitsOfOffset;
            in.offsetSinceMs = pc.offsetSinceMs;
            if (assignment >= 0) {
                in.owner = assignments[assignment].owners.value(tp);
                in.ownedByActiveMember = !in.owner.isEmpty();
            }
            const HealthVerdict v = HealthEvaluator::evaluate(in);
            PartitionLag pl;
            pl.topic = tp.topic;
            pl.partition = tp.partition;
            pl.committed = obs.committed;
            pl.logEnd = obs.logEnd;
            pl.lag = obs.logEnd - obs.committed;
            pl.status = v.status;
            pl.reason = v.reason;
            judged.append(pl);
        }
        if (!judged.isEmpty()) {
            const HealthVerdict worst = HealthEvaluator::worst(judged);
            out.statuses.append({t, worst.status, worst.reason});
        }
    }

    for (auto &[tp, tr] : tracks) {
        ReconstructedPartition &rp = tr.rp;
        const PartitionCommits &pc = byPartition[tp];
        if (rp.reachedMs < 0 || rp.reachedMs <= (times.isEmpty() ? fromMs : times.first())) {
            rp.limit = ReachLimit::WholeRange;
        } else if (tr.retentionHit && !pc.commits.isEmpty() && pc.commits.first().atMs <= rp.reachedMs - options.stepMs) {
            rp.limit = ReachLimit::Retention;
        } else if (!pc.commits.isEmpty() && pc.commits.first().logOffset < 0) {
            rp.limit = ReachLimit::CommitLog; // not read from Kafka: the source starts there
        } else if (!pc.commits.isEmpty()
                   && ((log.firstHoleAt >= 0 && log.firstHoleAt <= pc.commits.first().logOffset) || log.logStartOffset > 0)) {
            rp.limit = ReachLimit::Compaction;
        } else {
            rp.limit = ReachLimit::FirstCommit;
        }
        if (rp.logEndRaised > 0)
            out.warnings << QCoreApplication::translate(
                                "kops::Lag", "%1/%2: the log end from record timestamps was below the committed offset at %n step(s) "
                                             "(CreateTime stamps from producer clocks); raised to the committed offset",
                                nullptr, rp.logEndRaised)
                                .arg(tp.topic)
                                .arg(tp.partition);
        if (rp.reachedMs >= 0 && (out.reachedMs < 0 || rp.reachedMs < out.reachedMs)) {
            out.reachedMs = rp.reachedMs;
            out.limit = rp.limit;
        }
        out.partitions.append(rp);
    }
    return out;
}

Result<LagReconstruction> LagReconstructor::reconstruct(ClusterApi &api, const QString &group, qint64 fromMs, qint64 toMs,
                                                        const Options &options)
{
    auto log = commitlog::readFor(api, group);
    if (!log)
        return KafkaError::make(log.error().code,
                                QCoreApplication::translate("kops::Lag", "The commit log of group '%1' cannot be read "
                                                                         "(reading __consumer_offsets needs Describe and Read on it): %2")
                                    .arg(group, log.error().message));
    QSet<TopicPartition> seen;
    QList<TopicPartition> partitions;
    qint64 firstCommitMs = -1;
    for (const GroupCommit &c : log.value().commits) {
        if (!seen.contains(c.tp)) {
            seen.insert(c.tp);
            partitions.append(c.tp);
        }
        if (firstCommitMs < 0 || c.atMs < firstCommitMs)
            firstCommitMs = c.atMs;
    }
    QList<qint64> times = stepTimes(fromMs, toMs, options.stepMs);
    QList<QHash<TopicPartition, qint64>> answers;
    QHash<TopicPartition, PartitionWatermarks> marks;
    QSet<QString> logAppend;
    QStringList warnings;
    int lookups = 0;
    if (!partitions.isEmpty()) {
        auto wm = api.watermarks(partitions);
        if (!wm)
            return wm.error();
        for (const PartitionWatermarks &w : wm.value())
            marks.insert(w.tp(), w);
        QStringList topics;
        for (const TopicPartition &tp : partitions)
            if (!topics.contains(tp.topic))
                topics << tp.topic;
        if (auto configs = api.describeConfigs(ConfigResourceType::Topic, topics)) {
            for (const ConfigResource &r : configs.value())
                for (const ConfigEntry &e : r.entries)
                    if (e.name == QLatin1String("message.timestamp.type") && e.value == QLatin1String("LogAppendTime"))
                        logAppend.insert(r.name);
        } else {
            warnings << QCoreApplication::translate("kops::Lag", "Topic configs unreadable (%1): timestamps taken as CreateTime")
                            .arg(configs.error().message);
        }
        // Steps before the group's first commit have nothing to show: no lookups there.
        QStringList failed;
        for (const qint64 t : std::as_const(times)) {
            QHash<TopicPartition, qint64> at;
            if (t >= firstCommitMs) {
                QList<PartitionTimestamp> query;
                query.reserve(partitions.size());
                for (const TopicPartition &tp : std::as_const(partitions))
                    query.append({tp.topic, tp.partition, t + 1});
                auto found = api.offsetsForTimes(query);
                ++lookups;
                if (!found)
                    return found.error();
                for (const PartitionOffset &po : found.value()) {
                    if (po.hasError()) {
                        const QString w = QStringLiteral("%1/%2: %3").arg(po.topic).arg(po.partition).arg(po.errorMessage);
                        if (!failed.contains(w))
                            failed << w;
                        continue;
                    }
                    at.insert(po.tp(), po.offset);
                }
            }
            answers.append(at);
        }
        warnings << failed;
    }
    LagReconstruction r =
        build(log.value(), fromMs, toMs, options, marks, logAppend, answers);
    r.lookups = lookups;
    r.warnings = warnings + r.warnings;
    return r;
}

QList<StatusSpan> LagReconstruction::statusSpans() const
{
    QList<StatusSpan> out;
    for (const ReconstructedStatus &s : statuses) {
        if (!out.isEmpty() && out.last().status == s.status && s.atMs - out.last().toMs <= stepMs) {
            out.last().toMs = s.atMs;
            out.last().reason = s.reason;
        } else {
            out.append({s.atMs, s.atMs, s.status, s.reason});
        }
    }
    return out;
}

QString LagReconstruction::reachText() const
{
    if (reachedMs < 0)
        return QCoreApplication::translate("kops::Lag", "nothing could be reconstructed: no commit of this group in the commit log");
    const QString when = QDateTime::fromMSecsSinceEpoch(reachedMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (limit == ReachLimit::WholeRange)
        return QCoreApplication::translate("kops::Lag", "back to %1 (the whole range)").arg(when);
    return QCoreApplication::translate("kops::Lag", "back to %1 (it stops there: %2)").arg(when, reachLimitText(limit));
}

QList<PartitionOffset> LagReconstruction::committedAt(qint64 atMs) const
{
    QList<PartitionOffset> out;
    for (const ReconstructedPartition &p : partitions) {
        const OffsetObservation *best = nullptr;
        for (const OffsetObservation &o : p.points)
            if (o.atMs <= atMs + stepMs / 2)
                best = &o;
        if (best && best->committed >= 0)
            out.append({p.tp.topic, p.tp.partition, best->committed, {}, {}});
    }
    return out;
}

} // namespace kops
