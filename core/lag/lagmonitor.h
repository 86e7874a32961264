#pragma once

#include "healthevaluator.h"
#include "lagtypes.h"

#include <QHash>

#include <deque>

namespace kops {

/// Turns raw samples into LagSnapshots: lag (never clamped), retention losses, time lag
/// (read or estimated from the observations), produce/consume rates, drain time and
/// health. Keeps each partition's recent observations in memory; seed() restores them
/// from history after a restart. Pure logic: no I/O, no threads.
class LagMonitor final
{
public:
    struct Options
    {
        int windowSize = 10;    ///< Burrow's N
        int trendLength = 30;   ///< points in a group's sparkline
        int memoryLength = 360; ///< observations kept per partition for time-lag estimates
        QList<LagThreshold> thresholds;
    };

    LagMonitor();
    explicit LagMonitor(Options options);

    void setThresholds(const QList<LagThreshold> &thresholds) { m_options.thresholds = thresholds; }
    const Options &options() const { return m_options; }

    /// Observations from history, oldest first, for one group's partition.
    void seed(const QString &groupId, const TopicPartition &tp, const QList<OffsetObservation> &observations);
    bool hasObservations(const QString &groupId, const TopicPartition &tp) const;

    LagSnapshot ingest(const RawLagSample &sample);

    /// The threshold that applies to a group's topic (most specific wins).
    LagThreshold thresholdFor(const QString &groupId, const QString &topic) const;

    /// For each observation (oldest first), whether the committed offset got there by an
    /// offset reset rather than by consuming: it moved back, or moved forward exactly to
    /// where an earlier move back started (the reset undone). The first is never a reset.
    static QVector<bool> resetSteps(const QList<OffsetObservation> &observations);

    /// Age in seconds of the record at `committed`, estimated from when the log end passed it.
    static std::optional<double> estimateTimeLag(const std::deque<OffsetObservation> &history, qint64 committed,
                                                 qint64 nowMs);

private:
    using Key = QPair<QString, TopicPartition>;
    PartitionLag evaluatePartition(const RawGroupSample &group, const RawPartitionSample &raw, qint64 atMs);
    static void estimateDrain(GroupLag &group);

    Options m_options;
    QHash<Key, std::deque<OffsetObservation>> m_history;
    QHash<QString, QVector<double>> m_trends;
};

} // namespace kops
