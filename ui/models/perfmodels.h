#pragma once

#include "auditrules.h"
#include "perfstats.h"

#include <QAbstractTableModel>

namespace kops {

/// The throughput lab's table: one row per partition count, appended as each count finishes.
class PerfPointModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Partitions, RecordsPerSecond, MBPerSecond, AckP50, AckP99, EndToEndP50, EndToEndP99, ConsumePerSecond, Note, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_points.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void clear();
    void append(const PerfPoint &point);
    /// Marks the recommended row (bold); -1: none.
    void setRecommended(int row);
    const QList<PerfPoint> &points() const { return m_points; }

private:
    QList<PerfPoint> m_points;
    int m_recommended = -1;
};

/// The audit's examples: kind, partition, offset, time, key, what was found.
class AuditFindingModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Kind, Partition, Offset, Timestamp, Key, Detail, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_findings.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setFindings(const QList<AuditFinding> &findings);
    const AuditFinding &finding(int row) const { return m_findings.at(row); }
    static QString kindText(AuditFindingKind kind);

private:
    QList<AuditFinding> m_findings;
};

} // namespace kops
