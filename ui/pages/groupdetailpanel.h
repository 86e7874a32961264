#pragma once

#include "historystore.h"
#include "lagservice.h"
#include "lagtypes.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kops {

class LagPartitionsModel;
class TextFilterProxyModel;
class TimeSeriesChart;

/// The selected group: lag over time (total or per topic) with produce/consume rates,
/// "Replay from here" for a clicked time, and the partition table.
class GroupDetailPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit GroupDetailPanel(QWidget *parent = nullptr);

    void clear(const QString &message);
    void setGroup(const QString &groupId);
    QString groupId() const { return m_group; }
    /// The group's name, or the message shown when no group is selected.
    QString headline() const;
    /// Seconds of history the chart shows (15 min .. 7 days).
    qint64 rangeSeconds() const;
    enum class View { Total, PerTopic, PerPartition };
    View view() const;

    using SeriesByKey = QHash<QString, QList<QPair<qint64, qint64>>>;
    void showHistory(const QList<GroupHistoryPoint> &points, const SeriesByKey &byTopic, const SeriesByKey &byPartition);
    void showLive(const GroupLag &group, qint64 atMs);
    /// The group's past rebuilt from the commit log: how far back, why it stops there, the
    /// status it had; a click on a reconstructed time then replays from the offsets committed then.
    void showReconstruction(const LagReconstructionPtr &reconstruction);
    void showReconstructionError(const KafkaError &error);
    QString reconstructionText() const;

    TimeSeriesChart *chart() const { return m_chart; }
    LagPartitionsModel *partitionsModel() const { return m_partitions; }
    QPushButton *replayButton() const { return m_replay; }

signals:
    void historyWanted(const QString &groupId, qint64 fromMs, qint64 toMs);
    void replayRequested(const QString &groupId, const QDateTime &from);
    void replayFromOffsetsRequested(const QString &groupId, const QDateTime &at, const QList<kops::PartitionOffset> &offsets);

private:
    void requestHistory();
    /// The reconstruction's offsets when `time` is a reconstructed point (else empty).
    QList<PartitionOffset> reconstructedOffsetsAt(const QDateTime &time) const;

    QString m_group;
    QLabel *m_title = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_recon = nullptr;
    LagReconstructionPtr m_reconstruction;
    QList<QPair<qint64, qint64>> m_reconstructedSpans; ///< ms ranges of reconstructed chart points
    QComboBox *m_range = nullptr;
    QComboBox *m_view = nullptr;
    QPushButton *m_replay = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    QTableView *m_table = nullptr;
    LagPartitionsModel *m_partitions = nullptr;
    TextFilterProxyModel *m_proxy = nullptr;
    bool m_fitted = false;
    bool m_haveHistory = false;
};

} // namespace kops
