#pragma once

#include "clustertypes.h"
#include "keyedtablemodel.h"

#include <QCoreApplication>
#include <QHash>
#include <QSortFilterProxyModel>

namespace kops {

/// Brokers of the Cluster Overview.
class BrokersModel final : public KeyedTableModel<BrokerInfo>
{
    Q_DECLARE_TR_FUNCTIONS(kops::BrokersModel) // tr() in the context lupdate files it under
public:
    enum Column { Id, Host, Port, Rack, Controller, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setControllerId(int id) { m_controllerId = id; }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString key(const BrokerInfo &b) const override { return QString::number(b.id); }

private:
    int m_controllerId = -1;
};

/// One row of the topics table.
struct TopicRow
{
    TopicInfo topic;
    std::optional<qint64> messages;
};

/// Topics of the Cluster Overview; under-replicated topics are highlighted.
class TopicsModel final : public KeyedTableModel<TopicRow>
{
    Q_DECLARE_TR_FUNCTIONS(kops::TopicsModel) // tr() in the context lupdate files it under
public:
    enum Column { Name, Partitions, ReplicationFactor, UnderReplicated, Messages, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString key(const TopicRow &r) const override { return r.topic.name; }
};

/// Consumer groups with their state.
class GroupsModel final : public KeyedTableModel<GroupListing>
{
    Q_DECLARE_TR_FUNCTIONS(kops::GroupsModel) // tr() in the context lupdate files it under
public:
    enum Column { GroupId, State, ProtocolType, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString key(const GroupListing &g) const override { return g.groupId; }
};

/// Sorts on RawValueRole and filters rows whose first column contains a text.
class TextFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TextFilterProxyModel(QObject *parent = nullptr);
    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace kops
