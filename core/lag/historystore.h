#pragma once

#include "healthevaluator.h"
#include "kafkaerror.h"
#include "lagtypes.h"
#include "offsetchunk.h"

#include <QHash>
#include <QString>

namespace kops {

struct LagReconstruction;

/// One point of a group's history: totals over its partitions at one sample time.
struct GroupHistoryPoint
{
    qint64 atMs = 0;
    qint64 totalLag = 0;
    qint64 sumLogEnd = 0;    ///< for the produce rate
    qint64 sumCommitted = 0; ///< sum of committed offsets (moves with resets too)
    qint64 consumed = 0;     ///< messages consumed since the previous point, offset resets excluded
    bool offsetReset = false; ///< a committed offset was reset (or the reset undone) at this point
    bool reconstructed = false; ///< rebuilt from the commit log (LagReconstructor), not sampled
};

/// A stored point of a partition: sampled, or reconstructed from the commit log.
struct HistoryPoint
{
    OffsetObservation obs;
    bool reconstructed = false;
};

/// A group's history for a chart, from one read of its series (see HistoryStore::chart).
struct GroupHistory
{
    QList<GroupHistoryPoint> points;
    QHash<QString, QList<QPair<qint64, qint64>>> byTopic;     ///< lag per topic
    QHash<QString, QList<QPair<qint64, qint64>>> byPartition; ///< lag per "topic/partition"
};

/// What the history of one connection costs on disk, and what a budget buys.
struct HistoryUsage
{
    qint64 bytes = 0;     ///< this connection's share (chunks and row overhead)
    qint64 fileBytes = 0; ///< the whole database file (all connections) and its WAL
    qint64 samples = 0;   ///< partition-samples stored for this connection
    int series = 0;       ///< partition series of this connection
    qint64 oldestMs = 0;  ///< the oldest sample kept (0: none)
    qint64 newestMs = 0;
    double bytesPerSample() const { return samples > 0 ? double(bytes) / double(samples) : 0.0; }
};

/// Lag history in SQLite (QtSql) in the user's data directory, compressed: each partition
/// series is kept in chunks (OffsetChunkEncoder: delta-of-delta times and offsets in
/// adaptive Rice codes, about 1-2 bytes per partition-sample). The open chunk of each series
/// lives in `heads` and is extended in place each round; a full one moves to `chunks`.
/// Older data is thinned gradually (full resolution for 6 h, then per series the samples
/// with the lowest and highest lag and the last one of each minute up to 2 days, of each 10
/// minutes up to 7 days), so a spike never vanishes; a disk budget per connection drops the
/// oldest data first. Databases of the earlier one-row-per-sample format are migrated on
/// open. One instance per thread (its own QSqlDatabase connection).
class HistoryStore final
{
public:
    struct Retention
    {
        qint64 fullResolutionSecs = 6 * 3600;
        qint64 minuteResolutionSecs = 2 * 86400;
        qint64 keepSecs = 7 * 86400;
    };

    static constexpr qint64 kDefaultBudgetBytes = 500LL * 1024 * 1024;
    /// Points per chart series at most (about one per pixel of a wide chart).
    static constexpr int kChartPoints = 2000;

    /// Opens (creating) the database; path empty: <AppDataLocation>/history.sqlite.
    explicit HistoryStore(const QString &path = {});
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    /// Opens the database, migrating one of the earlier format (every sample kept).
    Status open();
    QString path() const { return m_path; }
    QString connectionName() const { return m_connection; }

    /// Records one sample (every partition of every group) in one transaction.
    Status record(const QString &cluster, const RawLagSample &sample);

    /// The last `count` observations of a partition, oldest first (to seed LagMonitor).
    QList<OffsetObservation> recent(const QString &cluster, const QString &group, const TopicPartition &tp, int count);
    /// Earliest time (ms) of the trailing run of samples whose committed offset is
    /// `committed`: since when the offset has not changed, as far as the history goes back.
    std::optional<qint64> unchangedSince(const QString &cluster, const QString &group, const TopicPartition &tp,
                                         qint64 committed);
    /// The groups recorded in the cluster's latest sample (the previous run of a CLI
    /// check), to notice the ones that have since disappeared.
    QStringList groupsInLastSample(const QString &cluster);
    /// All series of a cluster's group (for seeding every partition at once).
    QList<TopicPartition> partitionsOf(const QString &cluster, const QString &group);

    /// A group's history between two times at chart resolution: at most about `maxPoints`
    /// buckets; per bucket the last sample, plus the lowest and highest lag when the bucket
    /// holds several samples (counters interpolated there, so rates stay right).
    GroupHistory chart(const QString &cluster, const QString &group, qint64 fromMs, qint64 toMs,
                       int maxPoints = kChartPoints);
    QList<GroupHistoryPoint> groupHistory(const QString &cluster, const QString &group, qint64 fromMs, qint64 toMs);
    /// Every stored sample of a partition between two times, oldest first.
    QList<OffsetObservation> partitionHistory(const QString &cluster, const QString &group, const TopicPartition &tp,
                                              qint64 fromMs, qint64 toMs);
    /// Lag per topic of a group over time (sum over its partitions).
    QHash<QString, QList<QPair<qint64, qint64>>> topicHistory(const QString &cluster, const QString &group,
                                                               qint64 fromMs, qint64 toMs);
    /// Lag per partition ("topic/partition") of a group over time.
    QHash<QString, QList<QPair<qint64, qint64>>> partitionLagHistory(const QString &cluster, const QString &group,
                                                                      qint64 fromMs, qint64 toMs);

    /// Stores a reconstruction's points apart from the sampled ones (schema 2, table
    /// `reconstructed`): a point within half a step of a sampled one is left out (the sample
    /// stands), and earlier reconstructed points in the range are replaced. Returns the points stored.
    Result<qint64> recordReconstructed(const QString &cluster, const LagReconstruction &reconstruction);
    /// A partition's points between two times, sampled and reconstructed in time order (a
    /// reconstructed point within half its step of a sampled one is not shown).
    QList<HistoryPoint> partitionPoints(const QString &cluster, const QString &group, const TopicPartition &tp,
                                        qint64 fromMs, qint64 toMs);
    /// The earliest sampled point of any series of the group (ms), -1 without any: a group the
    /// console has watched for less than a chart's range is reconstructed before that.
    qint64 earliestSampleMs(const QString &cluster, const QString &group);

    /// Thins and expires old samples. Returns the number of samples removed.
    qint64 prune(qint64 nowMs, const Retention &retention);
    qint64 prune(qint64 nowMs) { return prune(nowMs, Retention{}); }
    /// Keeps a connection's history within `maxBytes`, dropping its oldest data first
    /// (down to 90% of the budget, so it is not done again every round). Returns the samples removed.
    qint64 enforceBudget(const QString &cluster, qint64 maxBytes);
    /// Folds the write-ahead log into the database and truncates it.
    void checkpoint();

    HistoryUsage usage(const QString &cluster);
    /// How far back `budgetBytes` reaches with the thinning of `retention`, for `series`
    /// partition series sampled every `intervalSecs` at `bytesPerSample`: the whole
    /// retention, or less when the budget runs out first (seconds).
    static qint64 retentionFor(qint64 budgetBytes, int series, double bytesPerSample, int intervalSecs,
                               const Retention &retention);

    qint64 sampleRowCount();
    qint64 fileSizeBytes();

private:
    struct Chunk
    {
        qint64 t0 = 0;
        qint64 t1 = 0;
        int n = 0;
        int res = 0;
        QByteArray data;
    };
    Status migrate();
    QList<OffsetPoint> load(qint64 sid, qint64 fromS, qint64 toS);
    /// The points of a series' chunks within [fromS, toS], in time order (no database access:
    /// may run on any thread).
    static QList<OffsetPoint> decodeRange(qint64 sid, const QList<Chunk> &chunks, qint64 fromS, qint64 toS);
    /// Sampled points merged with the reconstructed ones (flags alike, same length).
    QList<OffsetPoint> loadMerged(qint64 sid, qint64 fromS, qint64 toS, QVector<bool> *reconstructed);
    /// The same for sampled points already read.
    QList<OffsetPoint> withReconstructed(qint64 sid, const QList<OffsetPoint> &sampled, qint64 fromS, qint64 toS,
                                         QVector<bool> *reconstructed);
    QList<QPair<OffsetPoint, qint64>> loadReconstructed(qint64 sid, qint64 fromS, qint64 toS); ///< with each chunk's step
    QList<Chunk> chunksOf(qint64 sid, qint64 fromS, qint64 toS);
    bool storeChunk(qint64 sid, const QList<OffsetPoint> &points, int res);
    qint64 rewriteSeries(qint64 sid, qint64 nowS, const Retention &retention);
    qint64 seriesId(const QString &cluster, const QString &group, const TopicPartition &tp, bool create);
    KafkaError sqlError(const QString &what, const QString &detail) const;

    QString m_path;
    QString m_connection;
    QHash<QString, qint64> m_seriesCache;
    qint64 m_lastCheckpointMs = 0;
};

} // namespace kops
