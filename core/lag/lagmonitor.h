#pragma once

#include "healthevaluator.h"
#include "lagtypes.h"

#include <QHash>

#include <vector>
#include <functional>
#include <optional>

namespace kops {

/// Turns raw samples into LagSnapshots: lag (never clamped), retention losses, time lag
/// (read or estimated from the observations), produce/consume rates, drain time and
/// health. Keeps each partition's recent observations in memory; seed() restores them
/// from history after a restart. Pure logic: no I/O, no threads.
/// A partition's observations, oldest first. A vector sized once for the most a partition
/// keeps (LagMonitor::bound): memory reaches its level with the first sample, where a deque
/// grew by blocks until its observations wrapped around (~25 MB more at 50,000 partitions,
/// ten minutes after the start).
using ObservationSeries = std::vector<OffsetObservation>;

class LagMonitor final
{
public:
    struct Options
    {
        int windowSize = 10;    ///< Burrow's N
        int trendLength = 30;   ///< points in a group's sparkline
        /// Observations kept per partition: the last windowSize + 1 as sampled, older ones thinned
        /// (they still reach back as far, less densely) for time-lag estimates and "unchanged
        /// since". 360 kept an hour at full resolution: 400+ MB at 10,000 groups x 5 partitions.
        int memoryLength = 60;
        QList<LagThreshold> thresholds;
    };

    LagMonitor();
    explicit LagMonitor(Options options);

    void setThresholds(const QList<LagThreshold> &thresholds) { m_options.thresholds = thresholds; }
    const Options &options() const { return m_options; }
    /// Thins a partition's observations down to memoryLength (see Options).
    void bound(ObservationSeries &history) const;
    /// The most observations bound() leaves, plus the one added before it runs.
    size_t seriesCapacity() const;

    /// Observations from history, oldest first, for one group's partition.
    void seed(const QString &groupId, const TopicPartition &tp, const QList<OffsetObservation> &observations);
    bool hasObservations(const QString &groupId, const TopicPartition &tp) const;

    /// Earliest time (ms) of the trailing run of recorded samples of a partition whose
    /// committed offset is `committed` (HistoryStore::unchangedSince), asked only when the
    /// offset has not changed across every observation held in memory: durations in
    /// reasons then span windows and restarts.
    using SinceLookup = std::function<std::optional<qint64>(const QString &groupId, const TopicPartition &tp,
                                                            qint64 committed)>;
    void setSinceLookup(SinceLookup lookup) { m_sinceLookup = std::move(lookup); }

    LagSnapshot ingest(const RawLagSample &sample);
    /// Drops what is held for groups that are gone, so a console open for days on a cluster
    /// whose groups come and go (console consumers, tests) does not keep them all.
    void forgetGroups(const QStringList &groupIds);

    /// The threshold that applies to a group's topic (most specific wins).
    LagThreshold thresholdFor(const QString &groupId, const QString &topic) const;

    /// For each observation (oldest first), whether the committed offset got there by an
    /// offset reset rather than by consuming: it moved back, or moved forward exactly to
    /// where an earlier move back started (the reset undone). The first is never a reset.
    static QVector<bool> resetSteps(const QList<OffsetObservation> &observations);
    /// The same over any sequence: committedAt(i) is the committed offset of step i (< 0: none).
    template <typename CommittedAt>
    static QVector<bool> resetSteps(qsizetype count, CommittedAt committedAt)
    {
        QVector<bool> out(count, false);
        std::optional<qint64> rewoundFrom;
        for (qsizetype i = 1; i < count; ++i) {
            const qint64 before = committedAt(i - 1);
            const qint64 after = committedAt(i);
            if (before < 0 || after < 0)
                continue;
            if (after < before) {
                out[i] = true;
                rewoundFrom = before;
            } else if (after > before && rewoundFrom) {
                if (after == *rewoundFrom)
                    out[i] = true; // undone
                if (after >= *rewoundFrom)
                    rewoundFrom.reset();
            }
        }
        return out;
    }

    /// Age in seconds of the record at `committed`, estimated from when the log end passed it.
    static std::optional<double> estimateTimeLag(const ObservationSeries &history, qint64 committed,
                                                 qint64 nowMs);

private:
    using Key = QPair<QString, TopicPartition>;
    PartitionLag evaluatePartition(const RawGroupSample &group, const RawPartitionSample &raw, qint64 atMs);
    static void estimateDrain(GroupLag &group);

    /// When the committed offset last changed, as far as observed or looked up.
    std::optional<qint64> offsetSince(const Key &key, const ObservationSeries &history, qint64 committed,
                                      qint64 atMs);

    struct Since
    {
        qint64 committed = kNoOffset;
        qint64 sinceMs = 0;
    };

    Options m_options;
    SinceLookup m_sinceLookup;
    QHash<Key, Since> m_looked;
    QHash<Key, ObservationSeries> m_history;
    QHash<QString, QVector<double>> m_trends;
};

} // namespace kops
