#include "healthevaluator.h"

#include <QLocale>

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
            return {HealthStatus::Rewind, QStringLiteral("committed offset moved back from %1 to %2 %3 ago")
                                              .arg(n(w[i - 1].committed), n(w[i].committed),
                                                   formatDuration(double(now.atMs - w[i].atMs) / 1000.0))};
    }
    if (lag < 0)
        return {HealthStatus::Warn, QStringLiteral("committed offset %1 is beyond the log end %2 (log truncated)")
                                        .arg(n(now.committed), n(now.logEnd))};
    if (lag == 0)
        return {HealthStatus::Ok, QStringLiteral("caught up")};
    // Burrow rule 1: a consumer that was caught up at any point in the window is fine.
    for (const OffsetObservation &o : w)
        if (o.lag() && *o.lag() == 0)
            return {HealthStatus::Ok, QStringLiteral("lag %1").arg(n(lag))};
    if (w.size() < in.windowSize)
        return {HealthStatus::Ok, QStringLiteral("lag %1 (evaluating: %2 of %3 samples)")
                                      .arg(n(lag))
                                      .arg(w.size())
                                      .arg(in.windowSize)};

    const OffsetObservation &first = w.first();
    const QString span = formatDuration(double(now.atMs - first.atMs) / 1000.0);
    bool unchanged = true;
    for (const OffsetObservation &o : w)
        unchanged = unchanged && o.committed == first.committed;
    if (unchanged) {
        if (in.ownedByActiveMember)
            return {HealthStatus::Stall, QStringLiteral("same offset %1 committed for %2 while lag is %3")
                                             .arg(n(now.committed), span, n(lag))};
        return {HealthStatus::Stop, QStringLiteral("no commit for %1, lag %2").arg(span, n(lag))};
    }
    // WARN: the consumer moves, but the lag grew across the whole window.
    bool grew = true;
    for (qsizetype i = 1; i < w.size(); ++i) {
        const auto a = w[i - 1].lag();
        const auto b = w[i].lag();
        grew = grew && a && b && *b >= *a;
    }
    if (grew && *first.lag() < lag)
        return {HealthStatus::Warn, QStringLiteral("lag grew from %1 to %2 over %3").arg(n(*first.lag()), n(lag), span)};
    return {HealthStatus::Ok, QStringLiteral("lag %1").arg(n(lag))};
}

} // namespace

HealthVerdict HealthEvaluator::evaluate(const Input &in)
{
    if (in.window.isEmpty())
        return {HealthStatus::Ok, QStringLiteral("no data")};
    if (!in.window.last().lag())
        return {HealthStatus::Ok, QStringLiteral("no commit")};

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
        limit = {HealthStatus::Err, QStringLiteral("lag %1 above the limit of %2").arg(n(lag), n(*in.maxLag))};
    else if (in.maxTimeLagSeconds && in.timeLagSeconds && *in.timeLagSeconds > *in.maxTimeLagSeconds)
        limit = {HealthStatus::Err, QStringLiteral("time lag %1 above the limit of %2")
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
        return {HealthStatus::Ok, QStringLiteral("no partitions")};
    if (worst->status == HealthStatus::Ok) {
        qint64 total = 0;
        for (const PartitionLag &p : partitions)
            total += std::max<qint64>(0, p.lag.value_or(0));
        return {HealthStatus::Ok, total == 0 ? QStringLiteral("caught up")
                                             : QStringLiteral("lag %1").arg(QLocale(QLocale::English).toString(total))};
    }
    QString reason = QStringLiteral("%1/%2: %3").arg(worst->topic).arg(worst->partition).arg(worst->reason);
    if (others > 1)
        reason += QStringLiteral(" (+%1 more partitions not OK)").arg(others - 1);
    return {worst->status, reason};
}

} // namespace kops
