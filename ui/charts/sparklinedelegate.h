#pragma once

#include <QStyledItemDelegate>

namespace kops {

/// Paints a small trend line from the QVector<double> stored under a model role (e.g. the recent lag
/// of a consumer group); the last value is a dot, red when the trend rises and green otherwise.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SparklineDelegate(int role, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Red when the last finite value is above the first (lag growing), green otherwise.
    static QColor trendColor(const QVector<double> &values);
    static QColor risingColor();
    static QColor fallingColor();

    int role() const { return m_role; }

private:
    int m_role;
};

} // namespace kops
