#pragma once

#include "clusteroverview.h"
#include "consolepage.h"
#include "groupreport.h"

#include <QPointer>

class QLabel;
class QLineEdit;
class QTableView;

namespace kops {

class ClusterService;
class GroupPartitionsModel;
class GroupsModel;
class TextFilterProxyModel;

/// Consumer groups and, for the selected group, committed offsets, log-end offsets,
/// lag and owners per partition (what kafka-consumer-groups.sh --describe shows).
class ConsumersPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit ConsumersPage(QWidget *parent = nullptr);

    QString title() const override { return tr("Consumers"); }
    void setConnection(ConnectionContextPtr connection) override;
    void setService(ClusterService *service);
    void showGroups(const ClusterOverview &overview);
    void activated() override;

    GroupPartitionsModel *partitionsModel() const { return m_partitions; }
    QString selectedGroup() const { return m_selectedGroup; }
    void selectGroup(const QString &groupId);

private:
    void onGroupReport(const GroupReport &report);
    void onGroupReportFailed(const QString &groupId, const KafkaError &error);

    QPointer<ClusterService> m_service;
    QString m_selectedGroup;
    bool m_groupsFitted = false;
    bool m_partitionsFitted = false;
    QLineEdit *m_filter = nullptr;
    QTableView *m_groupView = nullptr;
    QTableView *m_partitionView = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailNote = nullptr;
    GroupsModel *m_groups = nullptr;
    TextFilterProxyModel *m_groupProxy = nullptr;
    GroupPartitionsModel *m_partitions = nullptr;
    TextFilterProxyModel *m_partitionProxy = nullptr;
};

} // namespace kops
