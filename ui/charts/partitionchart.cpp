#include "partitionchart.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

#include <functional>

#include <algorithm>

namespace kops {

PartitionChart::PartitionChart(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("partitionPlot"));
    layout->addWidget(m_plot);
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    ticker->setLogBase(2);
    ticker->setSubTickCount(0);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->xAxis->setNumberPrecision(0);
    m_plot->xAxis->setLabel(tr("Partitions"));
    m_plot->yAxis->setLabel(tr("Records/s"));
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("p99 latency (ms)"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setBrush(QColor(255, 255, 255, 200));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    setMinimumHeight(180);
    rebuild();
}

void PartitionChart::setPoints(const QList<Point> &points)
{
    m_points = points;
    std::sort(m_points.begin(), m_points.end(), [](const Point &a, const Point &b) { return a.partitions < b.partitions; });
    rebuild();
}

void PartitionChart::setRecommended(std::optional<int> partitions)
{
    m_recommended = partitions;
    rebuild();
}

void PartitionChart::rebuild()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    struct Line
    {
        QString name;
        QColor color;
        bool right;
        Qt::PenStyle style;
        std::function<std::optional<double>(const Point &)> value;
    };
    const QList<Line> lines{
        {tr("Produced records/s"), QColor(0x1f, 0x77, 0xb4), false, Qt::SolidLine, [](const Point &p) { return std::optional<double>(p.produceRate); }},
        {tr("Consumed records/s"), QColor(0x2c, 0xa0, 0x2c), false, Qt::SolidLine, [](const Point &p) { return std::optional<double>(p.consumeRate); }},
        {tr("Ack p99 ms"), QColor(0xd6, 0x27, 0x28), true, Qt::DashLine, [](const Point &p) { return p.ackP99Ms; }},
        {tr("End-to-end p99 ms"), QColor(0xff, 0x7f, 0x0e), true, Qt::DashLine, [](const Point &p) { return p.endToEndP99Ms; }},
    };
    double leftMax = 1, rightMax = 1;
    for (const Line &l : lines) {
        QCPGraph *g = m_plot->addGraph(m_plot->xAxis, l.right ? m_plot->yAxis2 : m_plot->yAxis);
        g->setName(l.name);
        QPen pen(l.color, 2, l.style);
        g->setPen(pen);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, l.color, l.color, 6));
        for (const Point &p : std::as_const(m_points)) {
            if (const auto v = l.value(p)) {
                g->addData(p.partitions, *v);
                (l.right ? rightMax : leftMax) = std::max(l.right ? rightMax : leftMax, *v);
            }
        }
    }
    int lo = 1, hi = 32;
    if (!m_points.isEmpty()) {
        lo = m_points.first().partitions;
        hi = std::max(lo * 2, m_points.last().partitions);
    }
    m_plot->xAxis->setRange(lo / 1.4, hi * 1.4);
    // Whole records a second on the left: at least 0-10 (an empty chart would label 0-1 as 0,0,1,1).
    m_plot->yAxis->setRange(0, std::max(10.0, leftMax * 1.15));
    m_plot->yAxis2->setRange(0, rightMax * 1.15);
    if (m_recommended) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(*m_recommended, 0);
        line->point2->setCoords(*m_recommended, 1);
        line->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DotLine));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace kops
