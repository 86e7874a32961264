#pragma once

#include "consolepage.h"
#include "historystore.h"
#include "lagtypes.h"

#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace kops {

class GroupDetailPanel;
class LagGroupsModel;
class LagService;
class LagStatusProxyModel;
class StatusBanner;

/// Consumer lag: one row per group (status, state, members, lag, time lag, trend, drain),
/// and for the selected group the lag chart and partition table. Fed by LagService
/// snapshots; updates in place, keeping selection and scroll.
class ConsumersPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit ConsumersPage(QWidget *parent = nullptr);

    QString title() const override { return tr("Consumers"); }
    QLineEdit *filterField() const override { return m_filter; }
    void setConnection(ConnectionContextPtr connection) override;
    void setLagService(LagService *service);
    void showLag(const LagSnapshotPtr &snapshot);
    void showFailure(const KafkaError &error);

    void selectGroup(const QString &groupId);
    QString selectedGroup() const;
    StatusBanner *banner() const { return m_banner; }
    QString summaryText() const;
    LagGroupsModel *groupsModel() const { return m_groups; }
    GroupDetailPanel *detail() const { return m_detail; }

signals:
    void replayRequested(const QString &groupId, const QDateTime &from);
    /// Replay from offsets the group had committed at a reconstructed past time.
    void replayFromOffsetsRequested(const QString &groupId, const QDateTime &at, const QList<kops::PartitionOffset> &offsets);
    void settingsRequested();

private:
    void publishVisibleGroups();
    void showSamplingState();

    QPointer<LagService> m_service;
    ConnectionContextPtr m_connection;
    LagSnapshotPtr m_last;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_problemsOnly = nullptr;
    QLabel *m_summary = nullptr;
    StatusBanner *m_banner = nullptr;
    qint64 m_lastRoundMs = 0;   ///< end of the last round in which every group was read
    qint64 m_failedAtMs = 0;    ///< 0 unless the latest round failed
    KafkaError m_failure;
    QTableView *m_view = nullptr;
    LagGroupsModel *m_groups = nullptr;
    LagStatusProxyModel *m_proxy = nullptr;
    GroupDetailPanel *m_detail = nullptr;
    QTimer *m_visibleTimer = nullptr;
    bool m_fitted = false;
};

} // namespace kops
