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
/// user thresholds. Kafka's OffsetFetch does not say when a commit happened, so an
/// unchanged offset is a STALL when an active member owns the partition (it commits the
/// same offset again and again) and a STOP when nobody does.
class HealthEvaluator final
{
public:
    struct Input
    {
        QList<OffsetObservation> window; ///< oldest first; the last one is now
        int windowSize = 10;             ///< N
        bool ownedByActiveMember = false;
        std::optional<double> timeLagSeconds;
        std::optional<qint64> maxLag;
        std::optional<double> maxTimeLagSeconds;
    };

    static HealthVerdict evaluate(const Input &input);
    /// The worst of several partitions, reason prefixed with "topic/partition: ".
    static HealthVerdict worst(const QList<PartitionLag> &partitions);
};

} // namespace kops
