#pragma once

#include "kafkaerror.h"

#include <QList>
#include <QString>

namespace kops {

/// One tier of a delay queue: records wait `ms` in topic <prefix>_<name>.
struct DelayTier
{
    QString name; ///< "1s", "5m", "2h"
    qint64 ms = 0;
};

inline constexpr char kDelayDueHeader[] = "kops-delay-due";       ///< epoch ms, decimal text
inline constexpr char kDelayTargetHeader[] = "kops-delay-target"; ///< the real topic
inline constexpr char kDelayLatenessHeader[] = "kops-delay-lateness-ms";
inline constexpr char kDelayOriginHeader[] = "kops-delay-from";   ///< tier topic/partition/offset

/// 1s, 5s, 10s, 30s, 1m, 5m, 10m, 30m, 1h, 2h.
QList<DelayTier> defaultDelayTiers();
/// "500ms", "90s", "2m", "1h30m", "1d": milliseconds; an error names what is wrong.
Result<qint64> parseDelayDuration(const QString &text);
/// "1s,5s,1m": tiers sorted by length (no duplicates).
Result<QList<DelayTier>> parseDelayTiers(const QString &text);
QString delayTierTopic(const QString &prefix, const DelayTier &tier);
/// The largest tier not longer than `remainingMs`; the shortest when all are longer.
int chooseDelayTier(const QList<DelayTier> &tiers, qint64 remainingMs);
/// When a record written to a tier at `writtenMs`, due at `dueMs`, may leave it: when the
/// tier's time is up, or at its due time if that comes first.
qint64 delayReadyAt(const DelayTier &tier, qint64 writtenMs, qint64 dueMs);
/// "90s" style text for a delay.
QString formatDelay(qint64 ms);

} // namespace kops
