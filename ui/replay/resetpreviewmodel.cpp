#include "resetpreviewmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

namespace kops {

QString formatTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

ResetPreviewModel::ResetPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void ResetPreviewModel::setPartitions(const QList<PlannedPartition> &partitions)
{
    beginResetModel();
    m_rows = partitions;
    endResetModel();
}

int ResetPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResetPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResetPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PlannedPartition &p = m_rows.at(index.row());
    const auto delta = p.delta();
    if (role == SkipsRole)
        return p.skipCount() > 0;
    if (role == SortRole) {
        switch (index.column()) {
        case TopicColumn:
            return p.topic;
        case PartitionColumn:
            return p.partition;
        case CurrentColumn:
            return p.current ? QVariant(*p.current) : QVariant(qint64(-1));
        case TargetColumn:
            return p.target;
        case DeltaColumn:
            return delta ? QVariant(*delta) : QVariant(qint64(0));
        case TargetTimeColumn:
            return p.targetTimestampMs ? QVariant(*p.targetTimestampMs) : QVariant(qint64(-1));
        case NoteColumn:
            return p.note;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TopicColumn:
            return p.topic;
        case PartitionColumn:
            return p.partition;
        case CurrentColumn:
            return p.current ? QString::number(*p.current) : tr("none");
        case TargetColumn:
            return QString::number(p.target);
        case DeltaColumn:
            if (!delta)
                return QStringLiteral("-");
            if (*delta < 0)
                return tr("%1 (replay %2)").arg(*delta).arg(-*delta);
            if (*delta > 0)
                return tr("+%1 (SKIP %1)").arg(*delta);
            return tr("0 (unchanged)");
        case TargetTimeColumn:
            return p.targetTimestampMs ? formatTimestamp(*p.targetTimestampMs) : tr("log end (no record)");
        case NoteColumn:
            return p.note;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != TopicColumn && index.column() != NoteColumn
        && index.column() != TargetTimeColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && p.skipCount() > 0)
        return QBrush(QColor(255, 214, 204));
    if (role == Qt::FontRole && p.skipCount() > 0 && index.column() == DeltaColumn) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && p.skipCount() > 0)
        return tr("Moving forwards: %1 messages will be skipped and never processed by this group.").arg(p.skipCount());
    return {};
}

QVariant ResetPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TopicColumn:
        return tr("Topic");
    case PartitionColumn:
        return tr("Partition");
    case CurrentColumn:
        return tr("Current offset");
    case TargetColumn:
        return tr("New offset");
    case DeltaColumn:
        return tr("Difference");
    case TargetTimeColumn:
        return tr("Record time at new offset");
    case NoteColumn:
        return tr("Note");
    }
    return {};
}

} // namespace kops
