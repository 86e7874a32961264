#pragma once

#include "alerts.h"
#include "connectioncontext.h"
#include "historystore.h"
#include "lagreconstruction.h"
#include "lagsettings.h"
#include "lagtypes.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>

#include <memory>

namespace kops {

class LagWorker;

using LagReconstructionPtr = std::shared_ptr<const LagReconstruction>;

/// Samples consumer lag for one connection on its own thread, every interval: groups in
/// batches (the ones on screen first), each batch recorded in the history and evaluated,
/// and a snapshot emitted after each batch, so 10,000 groups never block the GUI and the
/// visible ones update first. Raises alerts (stored, command hook) per incident.
class LagService final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString historyPath; ///< empty: default location
        QString alertsPath;  ///< empty: default location
        int batchSize = 500;
        int alertCommandTimeoutMs = AlertHook::kDefaultTimeoutMs; ///< a hung alert command is killed then
    };

    LagService(ConnectionContextPtr connection, LagSettings settings, Options options, QObject *parent = nullptr);
    LagService(ConnectionContextPtr connection, LagSettings settings, QObject *parent = nullptr);
    ~LagService() override;

    QString clusterKey() const { return m_connection->profile.name; }

    void start(int intervalSeconds);
    void sampleNow();
    void setSettings(const LagSettings &settings);
    /// Groups shown on screen: sampled first in every round.
    void setPriorityGroups(const QStringList &groups);

    /// The group's chart (groupHistoryAvailable). When the history holds less than the range
    /// (a group the console has not watched that long), its past is first reconstructed from
    /// the commit log off the GUI thread (groupReconstructed, or groupReconstructionFailed),
    /// stored marked as reconstructed, and the chart sent again.
    void requestGroupHistory(const QString &group, qint64 fromMs, qint64 toMs);
    /// Reconstruction resolution for a chart range: 1 minute up to 6 hours, coarser beyond
    /// (about 360 steps), so a 7-day chart costs no more lookups than a 6-hour one.
    static qint64 reconstructionStepMs(qint64 rangeMs);
    /// What this connection's history costs on disk (historyUsageAvailable).
    void requestHistoryUsage();
    void requestAlerts();
    void acknowledgeAlert(qint64 id);
    /// Acknowledges several alerts at once; the list is sent again once, after all of them.
    void acknowledgeAlerts(const QList<qint64> &ids);

signals:
    void lagSnapshotAvailable(const kops::LagSnapshotPtr &snapshot);
    void samplingFailed(const kops::KafkaError &error);
    /// A whole round (every group) was sampled; durationMs from its start to its last batch.
    void samplingRoundFinished(qint64 atMs, qint64 durationMs, int groups);
    /// The alerts raised by one sampling round, all at once (one notification per round).
    void alertsRaised(const QList<kops::Alert> &alerts);
    void alertsListed(const QList<kops::Alert> &alerts);
    /// The past of a group was rebuilt from the commit log (and stored, marked reconstructed).
    void groupReconstructed(const QString &group, const kops::LagReconstructionPtr &reconstruction);
    void groupReconstructionFailed(const QString &group, const kops::KafkaError &error);
    /// intervalSeconds: the sampling interval the history is recorded at.
    void historyUsageAvailable(const kops::HistoryUsage &usage, int intervalSeconds);
    /// byTopic / byPartition: lag series keyed "topic" / "topic/partition".
    void groupHistoryAvailable(const QString &group, const QList<kops::GroupHistoryPoint> &points,
                               const QHash<QString, QList<QPair<qint64, qint64>>> &byTopic,
                               const QHash<QString, QList<QPair<qint64, qint64>>> &byPartition);

private:
    void reconstructIfNeeded(const QString &group, qint64 fromMs, qint64 toMs);

    ConnectionContextPtr m_connection;
    QString m_historyPath;
    QString m_alertsPath;
    QThread m_thread;
    LagWorker *m_worker = nullptr;
    int m_intervalSeconds = 10;
    int m_windowSize = 10;
    QSet<QString> m_reconstructing;           ///< groups being reconstructed now
    QHash<QString, qint64> m_reconstructedFrom; ///< per group: how far back this session reconstructed
    QHash<QString, LagReconstructionPtr> m_reconstructions; ///< the last one per group, shown again on reopening
};

} // namespace kops

Q_DECLARE_METATYPE(QList<kops::Alert>)
Q_DECLARE_METATYPE(QList<kops::GroupHistoryPoint>)
Q_DECLARE_METATYPE(kops::HistoryUsage)
Q_DECLARE_METATYPE(kops::LagReconstructionPtr)
