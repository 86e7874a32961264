#include "perfmodels.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace kops {

namespace {

QVariant msText(const std::optional<double> &v)
{
    if (!v)
        return QStringLiteral("–");
    return QLocale().toString(*v, 'f', *v >= 100 ? 0 : (*v >= 10 ? 1 : 2));
}

} // namespace

QVariant PerfPointModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_points.size())
        return {};
    const PerfPoint &p = m_points.at(index.row());
    const QLocale locale;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Partitions: return p.partitions;
        case RecordsPerSecond: return locale.toString(qRound64(p.produceRecordsPerSecond));
        case MBPerSecond: return locale.toString(p.produceMBPerSecond, 'f', 2);
        case AckP50: return msText(p.ackP50Ms);
        case AckP99: return msText(p.ackP99Ms);
        case EndToEndP50: return msText(p.endToEndP50Ms);
        case EndToEndP99: return msText(p.endToEndP99Ms);
        case ConsumePerSecond: return locale.toString(qRound64(p.consumeRecordsPerSecond));
        case Note: return p.error;
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Partitions: return p.partitions;
        case RecordsPerSecond: return p.produceRecordsPerSecond;
        case MBPerSecond: return p.produceMBPerSecond;
        case AckP50: return p.ackP50Ms.value_or(-1);
        case AckP99: return p.ackP99Ms.value_or(-1);
        case EndToEndP50: return p.endToEndP50Ms.value_or(-1);
        case EndToEndP99: return p.endToEndP99Ms.value_or(-1);
        case ConsumePerSecond: return p.consumeRecordsPerSecond;
        case Note: return p.error;
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Note)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && index.row() == m_recommended) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && index.column() == Note)
        return p.error;
    return {};
}

QVariant PerfPointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Partitions: return tr("Partitions");
    case RecordsPerSecond: return tr("Records/s");
    case MBPerSecond: return tr("MB/s");
    case AckP50: return tr("Ack p50 ms");
    case AckP99: return tr("Ack p99 ms");
    case EndToEndP50: return tr("End-to-end p50 ms");
    case EndToEndP99: return tr("End-to-end p99 ms");
    case ConsumePerSecond: return tr("Consumed/s");
    case Note: return tr("Note");
    default: return {};
    }
}

void PerfPointModel::clear()
{
    beginResetModel();
    m_points.clear();
    m_recommended = -1;
    endResetModel();
}

void PerfPointModel::append(const PerfPoint &point)
{
    const int row = int(m_points.size());
    beginInsertRows({}, row, row);
    m_points.append(point);
    endInsertRows();
}

void PerfPointModel::setRecommended(int row)
{
    m_recommended = row;
    if (!m_points.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_points.size()) - 1, ColumnCount - 1), {Qt::FontRole});
}

QString AuditFindingModel::kindText(AuditFindingKind kind)
{
    switch (kind) {
    case AuditFindingKind::Duplicate: return tr("Duplicate");
    case AuditFindingKind::OrderBreak: return tr("Order break");
    case AuditFindingKind::KeyInSeveralPartitions: return tr("Key in several partitions");
    }
    return QString();
}

QVariant AuditFindingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const AuditFinding &f = m_findings.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Kind: return kindText(f.kind);
        case Partition: return f.partition;
        case Offset: return f.offset;
        case Timestamp:
            return f.timestampMs >= 0 ? QDateTime::fromMSecsSinceEpoch(f.timestampMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                                      : QStringLiteral("–");
        case Key: return f.key ? QString::fromUtf8(*f.key) : tr("(null)");
        case Detail: {
            switch (f.kind) {
            case AuditFindingKind::Duplicate:
                return f.id.isEmpty() ? tr("same key and value as %1/%2").arg(f.earlierPartition).arg(f.earlierOffset)
                                      : tr("same id %1 as %2/%3").arg(f.id).arg(f.earlierPartition).arg(f.earlierOffset);
            case AuditFindingKind::OrderBreak:
                return tr("sequence %1 after %2 (at %3/%4)")
                    .arg(f.sequence.value_or(0))
                    .arg(f.earlierSequence.value_or(0))
                    .arg(f.earlierPartition)
                    .arg(f.earlierOffset);
            case AuditFindingKind::KeyInSeveralPartitions:
                return tr("key also in partition %1").arg(f.earlierPartition);
            }
            return {};
        }
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Kind: return int(f.kind);
        case Partition: return f.partition;
        case Offset: return f.offset;
        case Timestamp: return f.timestampMs;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::ToolTipRole)
        return tr("Double-click to open this record in the Dead letters browser");
    return {};
}

QVariant AuditFindingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind: return tr("Finding");
    case Partition: return tr("Partition");
    case Offset: return tr("Offset");
    case Timestamp: return tr("Timestamp (UTC)");
    case Key: return tr("Key");
    case Detail: return tr("Detail");
    default: return {};
    }
}

void AuditFindingModel::setFindings(const QList<AuditFinding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

} // namespace kops
