#include "healthevaluator.h"

#include <QCoreApplication>

#include <QLocale>

#include <algorithm>

namespace kops {

namespace {

QString n(qint64 v)
{
    return QLocale(QLocale::English).toString(v);
}

HealthVerdict ruleVerdict(const HealthEvaluator::Input &in)
{
    const QList<OffsetObservation> &w = in.window;
    const OffsetObservation &now = w.last();
    const qint64 lag = *now.lag();

    // REWIND: the committed offset moved backwards somewhere in the window.
    for (qsizetype i = 1; i < w.size(); ++i) {
        if (w[i - 1].committed >= 0 && w[i].committed >= 0 && w[i].committed < w[i - 1].committed)
            return {HealthStatus::Rewind, QCoreApplication::translate("kops::Health", "committed offset moved back from %1 to %2 %3 ago")
                                              .arg(n(w[i - 1].committed), n(w[i].committed),
                                                   formatElapsed(double(now.atMs - w[i].atMs) / 1000.0))};
    }
    if (lag < 0)
        return {HealthStatus::Warn, QCoreApplication::translate("kops::Health", "committed offset %1 is beyond the log end %2 (log truncated)")
                                        .arg(n(now.committed), n(now.logEnd))};
    if (lag == 0)
        return {HealthStatus::Ok, QCoreApplication::translate("kops::Health", "caught up")};
    // Burrow rule 1: a consumer that was caught up at any point in the window is fine.
    for (const OffsetObservation &o : w)
        if (o.lag() && *o.lag() == 0)
            return {HealthStatus::Ok, QCoreApplication::translate("kops::Health", "lag %1").arg(n(lag))};
    if (w.size() < in.windowSize)
        return {HealthStatus::Ok, QCoreApplication::translate("kops::Health", "lag %1 (evaluating: %2 of %3 samples)")
                                      .arg(n(lag))
                                      .arg(w.size())
                                      .arg(in.windowSize)};

    const OffsetObservation &first = w.first();
    const QString span = formatElapsed(double(now.atMs - first.atMs) / 1000.0);
    bool unchanged = true;
    for (const OffsetObservation &o : w)
        unchanged = unchanged && o.committed == first.committed;
    if (unchanged) {
        const qint64 since = std::min(first.atMs, in.offsetSinceMs.value_or(first.atMs));
        const QString head = QCoreApplication::translate("kops::Health", "offset %1 unchanged for %2, lag %3")
                                 .arg(n(now.committed), formatElapsed(double(now.atMs - since) / 1000.0), n(lag));
        const QString owner = in.owner.isEmpty() ? QCoreApplication::translate("kops::Health", "an active member") : in.owner;
        if (in.commitTimesKnown && in.lastCommitMs) {
            const QString ago = formatElapsed(double(std::max<qint64>(0, now.atMs - *in.lastCommitMs)) / 1000.0);
            if (*in.lastCommitMs >= first.atMs)
                return {HealthStatus::Stall,
                        QCoreApplication::translate("kops::Health", "%1: commits keep arriving with the same offset (%2 commits of it, last %3 ago)%4")
                            .arg(head)
                            .arg(in.commitsOfOffset)
                            .arg(ago, in.ownedByActiveMember ? QCoreApplication::translate("kops::Health", ", %1 owns the partition").arg(owner)
                                                             : QString())};
            if (in.ownedByActiveMember)
                return {HealthStatus::Stall, QCoreApplication::translate("kops::Health", "%1, last commit %2 ago: %3 owns the partition but commits nothing")
                                                 .arg(head, ago, owner)};
            return {HealthStatus::Stop, QCoreApplication::translate("kops::Health", "%1, last commit %2 ago, no member").arg(head, ago)};
        }
        // OffsetFetch: the offset is all we see, not whether or when it was committed again.
        if (in.ownedByActiveMember)
            return {HealthStatus::Stall, QCoreApplication::translate("kops::Health", "%1 while %2 owns the partition (commit times unknown: OffsetFetch)")
                                             .arg(head, owner)};
        return {HealthStatus::Stop, QCoreApplication::translate("kops::Health", "%1, no member (commit times unknown: OffsetFetch)").arg(head)};
    }
    // WARN: the consumer moves, but its lag never decreased across the window and ended higher.
    bool neverDecreased = true;
    for (qsizetype i = 1; i < w.size(); ++i) {
        const auto a = w[i - 1].lag();
        const auto b = w[i].lag();
        neverDecreased = neverDecreased && a && b && *b >= *a;
    }
    if (neverDecreased && *first.lag() < lag)
        return {HealthStatus::Warn, QCoreApplication::translate("kops::Health", "lag never decreased over %1 and rose from %2 to %3 while the offset moves")
                                        .arg(span, n(*first.lag()), n(lag))};
    return {HealthStatus::Ok, QCoreApplication::translate("kops::Health", "lag %1").arg(n(lag))};
}

} // namespace

HealthVerdict HealthEvaluator::evaluate(const Input &in)
{
    if (in.window.isEmpty())
        return {HealthStatus::Ok, QCoreApplication::translate("kops::Health", "no data")};
    if (!in.window.last().lag())
        return {HealthStatus::Ok, QCoreApplication::translate("kops::Health", "no commit")};

    // Only consecutive observations with a commit count towards the window.
    Input usable = in;
    usable.window.clear();
    for (const OffsetObservation &o : in.window)
        if (o.lag())
            usable.window.append(o);
    HealthVerdict verdict = ruleVerdict(usable);

    const qint64 lag = *in.window.last().lag();
    HealthVerdict limit;
    if (in.maxLag && lag > *in.maxLag)
        limit = {HealthStatus::Err, QCoreApplication::translate("kops::Health", "lag %1 above the limit of %2").arg(n(lag), n(*in.maxLag))};
    else if (in.maxTimeLagSeconds && in.timeLagSeconds && *in.timeLagSeconds > *in.maxTimeLagSeconds)
        limit = {HealthStatus::Err, QCoreApplication::translate("kops::Health", "time lag %1 above the limit of %2")
                                        .arg(formatDuration(*in.timeLagSeconds), formatDuration(*in.maxTimeLagSeconds))};
    if (healthSeverity(limit.status) > healthSeverity(verdict.status))
        return limit;
    return verdict;
}

HealthVerdict HealthEvaluator::worst(const QList<PartitionLag> &partitions)
{
    const PartitionLag *worst = nullptr;
    int others = 0;
    for (const PartitionLag &p : partitions) {
        if (p.status != HealthStatus::Ok)
            ++others;
        if (!worst || healthSeverity(p.status) > healthSeverity(worst->status)
            || (p.status == worst->status && p.lag.value_or(0) > worst->lag.value_or(0)))
            worst = &p;
    }
    if (!worst)
        return {HealthStatus::Ok, QCoreApplication::translate("kops::Health", "no partitions")};
    if (worst->status == HealthStatus::Ok) {
        qint64 total = 0;
        for (const PartitionLag &p : partitions)
            total += std::max<qint64>(0, p.lag.value_or(0));
        return {HealthStatus::Ok, total == 0 ? QCoreApplication::translate("kops::Health", "caught up")
                                             : QCoreApplication::translate("kops::Health", "lag %1").arg(QLocale(QLocale::English).toString(total))};
    }
    QString reason = QStringLiteral("%1/%2: %3").arg(worst->topic).arg(worst->partition).arg(worst->reason);
    if (others > 1)
        reason += QCoreApplication::translate("kops::Health", " (+%1 more partitions not OK)").arg(others - 1);
    return {worst->status, reason};
}

} // namespace kops
