#pragma once

#include "replay/resetjournal.h"

#include <QAbstractTableModel>

namespace kops {

/// Past offset resets from the journal, newest first.
class ResetHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, TimeColumn, ConnectionColumn, GroupColumn, StrategyColumn, PartitionsColumn, OutcomeColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit ResetHistoryModel(QObject *parent = nullptr);

    void setEntries(const QList<JournalEntry> &entries);
    const JournalEntry *entry(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<JournalEntry> m_entries;
};

} // namespace kops
