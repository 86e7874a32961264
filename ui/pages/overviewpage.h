#pragma once

#include "clusteroverview.h"
#include "consolepage.h"

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;
class QTabWidget;

namespace kops {

class BrokersModel;
class GroupsModel;
class TextFilterProxyModel;
class TopicsModel;

/// Cluster Overview: summary figures, brokers, topics and consumer groups.
class OverviewPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit OverviewPage(QWidget *parent = nullptr);

    QString title() const override { return tr("Overview"); }
    QLineEdit *filterField() const override;
    void setConnection(ConnectionContextPtr connection) override;

    void showOverview(const ClusterOverview &overview);
    void showFailure(const KafkaError &error);

    TopicsModel *topicsModel() const { return m_topics; }
    GroupsModel *groupsModel() const { return m_groups; }

private:
    QLabel *addFigure(const QString &caption);
    QTableView *makeTable(QAbstractItemModel *model);

    ClusterOverview m_last;
    bool m_hasData = false;
    bool m_showInternal = false;
    QWidget *m_figuresFrame = nullptr;
    QList<QLabel *> m_figures;
    QList<QTableView *> m_tables;
    QLabel *m_clusterId = nullptr;
    QLabel *m_controller = nullptr;
    QLabel *m_brokerCount = nullptr;
    QLabel *m_topicCount = nullptr;
    QLabel *m_partitionCount = nullptr;
    QLabel *m_underReplicated = nullptr;
    QLabel *m_groupCount = nullptr;
    QLabel *m_groupsNote = nullptr;
    QLabel *m_emptyState = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_topicFilter = nullptr;
    QLineEdit *m_groupFilter = nullptr;
    BrokersModel *m_brokers = nullptr;
    TopicsModel *m_topics = nullptr;
    GroupsModel *m_groups = nullptr;
    TextFilterProxyModel *m_topicProxy = nullptr;
    TextFilterProxyModel *m_groupProxy = nullptr;
    TextFilterProxyModel *m_brokerProxy = nullptr;
};

} // namespace kops
