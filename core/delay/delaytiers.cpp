#include "delaytiers.h"

#include <QRegularExpression>

#include <algorithm>

namespace kops {

QList<DelayTier> defaultDelayTiers()
{
    return {{QStringLiteral("1s"), 1000},        {QStringLiteral("5s"), 5000},         {QStringLiteral("10s"), 10'000},
            {QStringLiteral("30s"), 30'000},     {QStringLiteral("1m"), 60'000},       {QStringLiteral("5m"), 300'000},
            {QStringLiteral("10m"), 600'000},    {QStringLiteral("30m"), 1'800'000},   {QStringLiteral("1h"), 3'600'000},
            {QStringLiteral("2h"), 7'200'000}};
}

Result<qint64> parseDelayDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+)(ms|s|m|h|d)"));
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("A delay is empty."));
    qint64 total = 0;
    qsizetype at = 0;
    auto it = part.globalMatch(t);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != at)
            break;
        at = m.capturedEnd();
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2);
        const qint64 factor = unit == QLatin1String("ms") ? 1
                              : unit == QLatin1String("s") ? 1000
                              : unit == QLatin1String("m") ? 60'000
                              : unit == QLatin1String("h") ? 3'600'000
                                                           : 86'400'000;
        total += n * factor;
    }
    if (at != t.size())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"),
                                QStringLiteral("'%1' is not a delay (examples: 500ms, 90s, 2m, 1h30m, 1d).").arg(text));
    return total;
}

Result<QList<DelayTier>> parseDelayTiers(const QString &text)
{
    QList<DelayTier> tiers;
    for (const QString &name : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto ms = parseDelayDuration(name);
        if (!ms)
            return ms.error();
        if (ms.value() <= 0)
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("A tier must be longer than 0."));
        if (std::any_of(tiers.cbegin(), tiers.cend(), [&](const DelayTier &t) { return t.ms == ms.value(); }))
            continue;
        tiers.append({name.trimmed().toLower(), ms.value()});
    }
    if (tiers.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("No tiers given."));
    std::sort(tiers.begin(), tiers.end(), [](const DelayTier &a, const DelayTier &b) { return a.ms < b.ms; });
    return tiers;
}

QString delayTierTopic(const QString &prefix, const DelayTier &tier)
{
    return prefix + QLatin1Char('_') + tier.name;
}

int chooseDelayTier(const QList<DelayTier> &tiers, qint64 remainingMs)
{
    int chosen = 0;
    for (int i = 0; i < tiers.size(); ++i)
        if (tiers.at(i).ms <= remainingMs)
            chosen = i;
    return chosen;
}

qint64 delayReadyAt(const DelayTier &tier, qint64 writtenMs, qint64 dueMs)
{
    return std::min(dueMs, writtenMs + tier.ms);
}

QString formatDelay(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1ms").arg(ms);
    qint64 s = ms / 1000;
    QString out;
    if (s >= 86400) {
        out += QStringLiteral("%1d").arg(s / 86400);
        s %= 86400;
    }
    if (s >= 3600) {
        out += QStringLiteral("%1h").arg(s / 3600);
        s %= 3600;
    }
    if (s >= 60) {
        out += QStringLiteral("%1m").arg(s / 60);
        s %= 60;
    }
    if (s > 0 || out.isEmpty())
        out += QStringLiteral("%1s").arg(s);
    return out;
}

} // namespace kops
