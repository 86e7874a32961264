#include "resethistorymodel.h"

#include "resetpreviewmodel.h"

namespace kops {

ResetHistoryModel::ResetHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResetHistoryModel::setEntries(const QList<JournalEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const JournalEntry *ResetHistoryModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int ResetHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ResetHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResetHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const JournalEntry &e = m_entries.at(index.row());
    if (role == SortRole) {
        switch (index.column()) {
        case IdColumn:
            return e.id;
        case TimeColumn:
            return e.timeMs;
        case PartitionsColumn:
            return int(e.offsets.size());
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    if (role == Qt::ToolTipRole)
        return e.outcomeDetail;
    switch (index.column()) {
    case IdColumn:
        return QString::number(e.id);
    case TimeColumn:
        return formatTimestamp(e.timeMs);
    case ConnectionColumn:
        return e.connection;
    case GroupColumn:
        return e.group;
    case StrategyColumn:
        return e.strategy;
    case PartitionsColumn:
        return int(e.offsets.size());
    case OutcomeColumn:
        return e.undoOf ? tr("%1 (undo of %2)").arg(e.outcome).arg(*e.undoOf) : e.outcome;
    }
    return {};
}

QVariant ResetHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case TimeColumn:
        return tr("Time");
    case ConnectionColumn:
        return tr("Connection");
    case GroupColumn:
        return tr("Group");
    case StrategyColumn:
        return tr("Strategy");
    case PartitionsColumn:
        return tr("Partitions");
    case OutcomeColumn:
        return tr("Outcome");
    }
    return {};
}

} // namespace kops
