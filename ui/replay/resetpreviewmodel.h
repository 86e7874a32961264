#pragma once

#include "replay/resetplanner.h"

#include <QAbstractTableModel>

namespace kops {

/// The partitions of a reset plan: current, target, difference and the record time at the target.
/// Rows that skip messages (moving forwards) are highlighted.
class ResetPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TopicColumn, PartitionColumn, CurrentColumn, TargetColumn, DeltaColumn, TargetTimeColumn, NoteColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole, SkipsRole };

    explicit ResetPreviewModel(QObject *parent = nullptr);

    void setPartitions(const QList<PlannedPartition> &partitions);
    const QList<PlannedPartition> &partitions() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PlannedPartition> m_rows;
};

/// Local time with milliseconds, as the console shows record timestamps.
QString formatTimestamp(qint64 ms);

} // namespace kops
