#include "deadlettermodel.h"

#include <QCoreApplication>

#include "deadletterjson.h"
#include "models/keyedtablemodel.h"

#include <QDateTime>

namespace kops {

namespace {

QString keyText(const std::optional<QByteArray> &key)
{
    if (!key)
        return QCoreApplication::translate("kops::DeadLetterModel", "(null)");
    if (key->isEmpty())
        return QCoreApplication::translate("kops::DeadLetterModel", "(empty)");
    if (!isValidUtf8(*key))
        return QCoreApplication::translate("kops::DeadLetterModel", "(binary, %1 B)").arg(key->size());
    QString s = QString::fromUtf8(key->left(256)).simplified();
    if (s.size() > 64)
        s = s.left(63) + QChar(0x2026);
    return s;
}

} // namespace

DeadLetterModel::DeadLetterModel(int maxRows, qint64 maxBytes, QObject *parent)
    : QAbstractTableModel(parent), m_maxRows(std::max(1, maxRows)), m_maxBytes(maxBytes)
{
}

int DeadLetterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeadLetterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 DeadLetterModel::weight(const DeadLetterRecord &r)
{
    qint64 w = 256 + r.record.key.value_or(QByteArray()).size() + r.record.value.value_or(QByteArray()).size();
    for (const RecordHeader &h : r.record.headers)
        w += 64 + h.key.size() * 2 + h.value.value_or(QByteArray()).size();
    return w;
}

QVariant DeadLetterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const DeadLetterRecord &r = m_rows.at(index.row());
    const bool raw = role == RawValueRole;
    if (role != Qt::DisplayRole && !raw && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case PartitionColumn: return r.record.partition;
    case OffsetColumn: return r.record.offset;
    case TimestampColumn:
        if (raw)
            return r.record.timestampMs;
        return r.record.timestampMs >= 0
                   ? QDateTime::fromMSecsSinceEpoch(r.record.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs)
                   : QStringLiteral("-");
    case KeyColumn: return raw ? QVariant(r.record.key.value_or(QByteArray())) : QVariant(keyText(r.record.key));
    case SizeColumn: return r.record.value ? r.record.value->size() : 0;
    case OriginalTopicColumn: return r.info.originalTopic;
    case OriginalPartitionColumn: return r.info.originalPartition ? QVariant(*r.info.originalPartition) : QVariant();
    case OriginalOffsetColumn: return r.info.originalOffset ? QVariant(*r.info.originalOffset) : QVariant();
    case ErrorClassColumn: return r.info.errorClass;
    case ErrorMessageColumn:
        return role == Qt::DisplayRole ? QVariant(r.info.errorMessage.left(200).simplified()) : QVariant(r.info.errorMessage);
    case ColumnCount: break;
    }
    return {};
}

QVariant DeadLetterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case PartitionColumn: return tr("Partition");
    case OffsetColumn: return tr("Offset");
    case TimestampColumn: return tr("Timestamp (UTC)");
    case KeyColumn: return tr("Key");
    case SizeColumn: return tr("Size");
    case OriginalTopicColumn: return tr("Original topic");
    case OriginalPartitionColumn: return tr("Orig. partition");
    case OriginalOffsetColumn: return tr("Orig. offset");
    case ErrorClassColumn: return tr("Error class");
    case ErrorMessageColumn: return tr("Error message");
    case ColumnCount: break;
    }
    return {};
}

void DeadLetterModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_weights.clear();
    m_bytes = 0;
    m_dropped = 0;
    endResetModel();
}

void DeadLetterModel::append(const QList<DeadLetterRecord> &page)
{
    if (page.isEmpty())
        return;
    // A page larger than the window only contributes its tail.
    const qsizetype skip = std::max<qsizetype>(0, page.size() - m_maxRows);
    m_dropped += skip;
    QList<qint64> weights;
    qint64 added = 0;
    for (qsizetype i = skip; i < page.size(); ++i) {
        weights.append(weight(page.at(i)));
        added += weights.last();
    }
    // Drop the oldest rows first, in one remove, so the window never exceeds its bounds.
    qsizetype drop = 0;
    qint64 bytesAfter = m_bytes + added;
    const qsizetype incoming = page.size() - skip;
    while (drop < m_rows.size() && (m_rows.size() - drop + incoming > m_maxRows || bytesAfter > m_maxBytes)) {
        bytesAfter -= m_weights.at(drop);
        ++drop;
    }
    if (drop > 0) {
        beginRemoveRows({}, 0, int(drop - 1));
        m_rows.remove(0, drop);
        m_weights.remove(0, drop);
        m_bytes = bytesAfter - added;
        m_dropped += drop;
        endRemoveRows();
    }
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + incoming - 1));
    m_rows.append(page.mid(skip));
    m_weights.append(weights);
    m_bytes += added;
    endInsertRows();
}

} // namespace kops
