#pragma once

#include "lagtypes.h"

#include <QList>

#include <optional>

namespace kops {

/// One look at a partition: when, the committed offset and the log-end offset.
struct OffsetObservation
{
    qint64 atMs = 0;
    qint64 committed = kNoOffset;
    qint64 logEnd = kNoOffset;

    std::optional<qint64> lag() const
    {
        return committed >= 0 && logEnd >= 0 ? std::optional<qint64>(logEnd - committed) : std::nullopt;
    }
};

struct HealthVerdict
{
    HealthStatus status = HealthStatus::Ok;
    QString reason;
};

/// Burrow's consumer evaluation over a sliding window of the last N observations, plus
/// user thresholds. With commit times (the commit stream), an offset unchanged across the
/// window is a STALL when commits keep arriving with that offset or an active member owns
/// the partition but commits nothing, and a STOP when nothing committed for longer than the
/// window and nobody owns it. Without them (OffsetFetch) only ownership tells them apart, and
/// the reason says commit times are unknown.
class HealthEvaluator final
{
public:
    struct Input
    {
        QList<OffsetObservation> window; ///< oldest first; the last one is now
        int windowSize = 10;             ///< N
        bool ownedByActiveMember = false;
        QString owner; ///< "member consumer-1 on /10.0.0.7", for reasons
        bool commitTimesKnown = false;      ///< committed offset read from the commit stream
        std::optional<qint64> lastCommitMs; ///< latest commit (commit stream)
        int commitsOfOffset = 0;            ///< commits of the current offset seen (commit stream)
        /// When the committed offset last changed (history and commit stream); defaults to
        /// the first observation of the window when the offset did not change there.
        std::optional<qint64> offsetSinceMs;
        std::optional<double> timeLagSeconds;
        std::optional<qint64> maxLag;
        std::optional<double> maxTimeLagSeconds;
    };

    static HealthVerdict evaluate(const Input &input);
    /// The worst of several partitions, reason prefixed with "topic/partition: ".
    static HealthVerdict worst(const QList<PartitionLag> &partitions);
};

} // namespace kops
