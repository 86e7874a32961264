#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

namespace kops {

/// Role carrying the raw value (number, not display text) that proxies sort on.
constexpr int RawValueRole = Qt::UserRole + 1;

/// headerData() of a table whose columns are named in order: the name of `section` for the
/// horizontal header's display role, nothing otherwise.
inline QVariant horizontalHeaderLabel(int section, Qt::Orientation orientation, int role, const QStringList &names)
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    return names.at(section);
}

/// Table model over a list of value rows identified by a key. setRows() applies the
/// difference to the previous list (removals, one dataChanged, one batched insert),
/// so views keep their selection and scroll position across refreshes.
template<typename Row>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    const Row &row(int i) const { return m_rows.at(i); }
    const QList<Row> &rows() const { return m_rows; }

    void setRows(QList<Row> rows)
    {
        QHash<QString, qsizetype> incoming;
        for (qsizetype i = 0; i < rows.size(); ++i)
            incoming.insert(key(rows.at(i)), i);

        // Remove rows that disappeared, in contiguous blocks from the end.
        for (qsizetype i = m_rows.size() - 1; i >= 0;) {
            if (incoming.contains(key(m_rows.at(i)))) {
                --i;
                continue;
            }
            qsizetype first = i;
            while (first > 0 && !incoming.contains(key(m_rows.at(first - 1))))
                --first;
            beginRemoveRows({}, int(first), int(i));
            m_rows.remove(first, i - first + 1);
            endRemoveRows();
            i = first - 1;
        }
        // Update the survivors in place.
        QHash<QString, qsizetype> existing;
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            existing.insert(key(m_rows.at(i)), i);
            m_rows[i] = rows.at(incoming.value(key(m_rows.at(i))));
        }
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, columnCount() - 1));
        // Append the newcomers in one insert.
        QList<Row> added;
        for (const Row &r : rows)
            if (!existing.contains(key(r)))
                added.append(r);
        if (!added.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
            m_rows.append(added);
            endInsertRows();
        }
    }

protected:
    virtual QString key(const Row &row) const = 0;

private:
    QList<Row> m_rows;
};

} // namespace kops
