#pragma once

#include "delayqueue.h"
#include "drainservice.h"
#include "models/keyedtablemodel.h"
#include "relayjournal.h"

#include <QCoreApplication>

namespace kops {

/// A rate for the Tools tables and texts: whole numbers from 100 up, else 1 or 2 decimals.
QString rateText(double perSecond);

/// The source partitions of a drain plan: where the group stands on each and how fast it consumed.
class DrainPartitionsModel final : public KeyedTableModel<DrainPartition>
{
    Q_DECLARE_TR_FUNCTIONS(kops::DrainPartitionsModel)
public:
    enum Column { Topic, Partition, Committed, LogEnd, Backlog, ConsumeRate, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString key(const DrainPartition &p) const override { return p.topic + QLatin1Char('/') + QString::number(p.partition); }
};

/// A drain as the journal remembers it, with the source ranges it relayed.
struct DrainJobRow
{
    RelayJob job;
    QList<RelayRange> ranges;
};

/// Recent drains from the relay journal.
class DrainJournalModel final : public KeyedTableModel<DrainJobRow>
{
    Q_DECLARE_TR_FUNCTIONS(kops::DrainJournalModel)
public:
    enum Column { Started, Who, Group, From, Into, State, Records, Ranges, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString key(const DrainJobRow &r) const override { return QString::number(r.job.id); }
};

/// The tiers of a delay queue: backlog, oldest due and next due per tier.
class DelayTiersModel final : public KeyedTableModel<DelayTierStatus>
{
    Q_DECLARE_TR_FUNCTIONS(kops::DelayTiersModel)
public:
    enum Column { Tier, Topic, Partitions, Backlog, OldestDue, NextDue, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// "now" for the "in 5s" texts (tests pin it).
    void setNow(qint64 ms) { m_nowMs = ms; }

protected:
    QString key(const DelayTierStatus &s) const override { return s.topic; }

private:
    qint64 m_nowMs = 0; ///< 0: the clock
};

/// Delay-router runs from the relay journal: when, who, which queue, state, counts and lateness.
class RouterRunsModel final : public KeyedTableModel<RelayJob>
{
    Q_DECLARE_TR_FUNCTIONS(kops::RouterRunsModel)
public:
    enum Column { Started, Queue, State, Forwarded, Retiered, LatenessP50, LatenessP99, LatenessMax, Who, Connection, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    /// A run still "running" in the journal that has not reported for this long was killed.
    static constexpr qint64 kSilentMs = 30000;

    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void setNow(qint64 ms) { m_nowMs = ms; }
    /// The state as shown: running, stopped, failed, or interrupted (killed without a word).
    QString stateText(const RelayJob &job) const;

protected:
    QString key(const RelayJob &j) const override { return QString::number(j.id); }

private:
    qint64 m_nowMs = 0;
};

} // namespace kops
