#include "charts/sparklinedelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace kops {

namespace {

constexpr int kPreferredWidth = 100;
constexpr double kDotRadius = 2.5;

} // namespace

SparklineDelegate::SparklineDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{
}

QColor SparklineDelegate::risingColor()
{
    return QColor(0xd6, 0x27, 0x28);
}

QColor SparklineDelegate::fallingColor()
{
    return QColor(0x2c, 0xa0, 0x2c);
}

QColor SparklineDelegate::trendColor(const QVector<double> &values)
{
    const auto finite = [](double v) { return std::isfinite(v); };
    const auto first = std::find_if(values.cbegin(), values.cend(), finite);
    const auto last = std::find_if(values.crbegin(), values.crend(), finite);
    if (first == values.cend() || last == values.crend())
        return fallingColor();
    return *last > *first ? risingColor() : fallingColor();
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Background, selection and focus as the style draws them, without text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVector<double> values = index.data(m_role).value<QVector<double>>();
    double lo = 0;
    double hi = 0;
    int finiteCount = 0;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        lo = finiteCount == 0 ? v : std::min(lo, v);
        hi = finiteCount == 0 ? v : std::max(hi, v);
        ++finiteCount;
    }
    if (finiteCount == 0)
        return;

    const QRectF area = QRectF(option.rect).adjusted(4 + kDotRadius, 3 + kDotRadius, -4 - kDotRadius, -3 - kDotRadius);
    if (area.width() <= 1 || area.height() <= 1)
        return;
    const double range = hi - lo;
    const auto pointAt = [&](qsizetype i) {
        const double x = values.size() > 1 ? area.left() + area.width() * double(i) / double(values.size() - 1)
                                           : area.right();
        const double y = range > 0 ? area.bottom() - area.height() * (values[i] - lo) / range : area.center().y();
        return QPointF(x, y);
    };

    const QColor color = trendColor(values);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    QPainterPath path;
    bool penDown = false;
    qsizetype lastFinite = -1;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) {
            penDown = false; // a gap in the samples
            continue;
        }
        if (penDown)
            path.lineTo(pointAt(i));
        else
            path.moveTo(pointAt(i));
        penDown = true;
        lastFinite = i;
    }
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QColor lineColor = selected ? option.palette.color(QPalette::HighlightedText) : color;
    painter->setPen(QPen(lineColor, 1.3));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(pointAt(lastFinite), kDotRadius, kDotRadius);
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QSize base = QStyledItemDelegate::sizeHint(opt, index);
    return QSize(kPreferredWidth, std::max(base.height(), opt.fontMetrics.height() + 6));
}

} // namespace kops
