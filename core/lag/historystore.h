#pragma once

#include "healthevaluator.h"
#include "kafkaerror.h"
#include "lagtypes.h"

#include <QHash>
#include <QString>

namespace kops {

/// One point of a group's history: totals over its partitions at one sample time.
struct GroupHistoryPoint
{
    qint64 atMs = 0;
    qint64 totalLag = 0;
    qint64 sumLogEnd = 0;    ///< for the produce rate
    qint64 sumCommitted = 0; ///< sum of committed offsets (moves with resets too)
    qint64 consumed = 0;     ///< messages consumed since the previous point, offset resets excluded
    bool offsetReset = false; ///< a committed offset was reset (or the reset undone) at this point
};

/// Lag history in SQLite (QtSql) in the user's data directory: every sample per
/// partition, inserted in one transaction per sample, about 40 bytes per
/// partition-sample. Older points are thinned out gradually (full resolution for 6 h,
/// one a minute to 2 days, one per 10 minutes to the retention limit) instead of being
/// dropped all at once. One instance per thread (its own QSqlDatabase connection).
class HistoryStore final
{
public:
    struct Retention
    {
        qint64 fullResolutionSecs = 6 * 3600;
        qint64 minuteResolutionSecs = 2 * 86400;
        qint64 keepSecs = 7 * 86400;
    };

    /// Opens (creating) the database; path empty: <AppDataLocation>/history.sqlite.
    explicit HistoryStore(const QString &path = {});
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

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

    QList<GroupHistoryPoint> groupHistory(const QString &cluster, const QString &group, qint64 fromMs, qint64 toMs);
    QList<OffsetObservation> partitionHistory(const QString &cluster, const QString &group, const TopicPartition &tp,
                                              qint64 fromMs, qint64 toMs);
    /// Lag per topic of a group over time (sum over its partitions).
    QHash<QString, QList<QPair<qint64, qint64>>> topicHistory(const QString &cluster, const QString &group,
                                                               qint64 fromMs, qint64 toMs);

    /// Lag per partition ("topic/partition") of a group over time.
    QHash<QString, QList<QPair<qint64, qint64>>> partitionLagHistory(const QString &cluster, const QString &group,
                                                                      qint64 fromMs, qint64 toMs);

    /// Thins and expires old samples. Returns the number of rows deleted.
    qint64 prune(qint64 nowMs, const Retention &retention);
    qint64 prune(qint64 nowMs) { return prune(nowMs, Retention{}); }

    qint64 sampleRowCount();
    qint64 fileSizeBytes();

private:
    QHash<QString, QList<QPair<qint64, qint64>>> lagSeries(const QString &cluster, const QString &group, qint64 fromMs,
                                                           qint64 toMs, const QString &keyExpr);
    qint64 seriesId(const QString &cluster, const QString &group, const TopicPartition &tp, bool create);
    KafkaError sqlError(const QString &what, const QString &detail) const;

    QString m_path;
    QString m_connection;
    QHash<QString, qint64> m_seriesCache;
};

} // namespace kops
