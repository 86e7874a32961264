#pragma once

#include "deadletterreader.h"

#include <QAbstractTableModel>
#include <QList>

namespace kops {

/// The browse table: a bounded window of dead letters. Pages are appended with one insert;
/// when the window holds more than maxRows rows or maxBytes of keys, values and headers,
/// the oldest rows leave with one remove, so memory never grows with the topic.
class DeadLetterModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PartitionColumn,
        OffsetColumn,
        TimestampColumn,
        KeyColumn,
        SizeColumn,
        OriginalTopicColumn,
        OriginalPartitionColumn,
        OriginalOffsetColumn,
        ErrorClassColumn,
        ErrorMessageColumn,
        ColumnCount
    };

    explicit DeadLetterModel(int maxRows = 2000, qint64 maxBytes = 128LL * 1024 * 1024, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void clear();
    void append(const QList<DeadLetterRecord> &page);
    const DeadLetterRecord &record(int row) const { return m_rows.at(row); }
    /// Rows that scrolled out of the window since clear().
    qint64 droppedRows() const { return m_dropped; }
    qint64 bytes() const { return m_bytes; }
    int maxRows() const { return m_maxRows; }

private:
    static qint64 weight(const DeadLetterRecord &r);

    QList<DeadLetterRecord> m_rows;
    QList<qint64> m_weights;
    int m_maxRows;
    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
};

} // namespace kops
