#pragma once

#include "alerts.h"
#include "keyedtablemodel.h"
#include "lagtypes.h"

#include <QCoreApplication>
#include <QColor>

namespace kops {

/// Role carrying a group's recent total lags (QVector<double>) for the sparkline.
constexpr int TrendRole = Qt::UserRole + 2;
/// Role telling whether a group's values are stale (bool): a later sampling round failed.
constexpr int StaleRole = Qt::UserRole + 3;

/// Colour of a health status (background of the status cell, chart accents).
QColor healthColor(HealthStatus status);

/// One row per consumer group: status, state, members, lag, time lag, trend, drain.
class LagGroupsModel final : public KeyedTableModel<GroupLag>
{
    Q_DECLARE_TR_FUNCTIONS(kops::LagGroupsModel) // tr() in the context lupdate files it under
public:
    enum Column { Status, Group, State, Members, TotalLag, MaxTimeLag, LastCommit, Trend, Drain, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    int rowOf(const QString &groupId) const;

    /// Rows sampled before `ms` are stale (a later sampling round failed): greyed, with
    /// their age. 0: nothing is stale.
    void setStaleBefore(qint64 ms);
    qint64 staleBefore() const { return m_staleBefore; }
    bool isStale(const GroupLag &g) const { return m_staleBefore > 0 && g.sampledAtMs < m_staleBefore; }

protected:
    QString key(const GroupLag &g) const override { return g.groupId; }

private:
    qint64 m_staleBefore = 0;
};

/// The partitions of one group with lag, time lag and health.
class LagPartitionsModel final : public KeyedTableModel<PartitionLag>
{
    Q_DECLARE_TR_FUNCTIONS(kops::LagPartitionsModel) // tr() in the context lupdate files it under
public:
    /// Status and lag first: the table shares the width with the chart, the rest may scroll.
    enum Column { Status, Topic, Partition, Lag, TimeLag, Committed, LogEnd, Member, Host, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString key(const PartitionLag &p) const override { return p.topic + QLatin1Char('/') + QString::number(p.partition); }
};

/// Alert history: newest first.
class AlertsModel final : public KeyedTableModel<Alert>
{
    Q_DECLARE_TR_FUNCTIONS(kops::AlertsModel) // tr() in the context lupdate files it under
public:
    enum Column { Time, Group, Topic, Status, Lag, TimeLag, State, Reason, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString key(const Alert &a) const override { return QString::number(a.id); }
};

} // namespace kops
