#include "charts/timeserieschart.h"

#include "charts/seriesreducer.h"

#include <QApplication>
#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
#include <qcustomplot.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <cmath>
#include <limits>

namespace kops {

namespace {

constexpr int kReplotDelayMs = 40;
constexpr double kMinSpan = 10;                // seconds: zooming in further shows nothing useful
constexpr double kMaxSpan = 400.0 * 24 * 3600; // seconds: bounds what one reduction pass scans
const QString kHoverLayer = QStringLiteral("hover");

const QColor kGridColor(0xe6, 0xe8, 0xeb);
const QColor kAxisColor(0xa0, 0xa6, 0xad);
const QColor kTextColor(0x4a, 0x51, 0x59);

QColor defaultColor(int index)
{
    static const QColor palette[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
                                     QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b)};
    return palette[index % int(std::size(palette))];
}

// 1.5k, 12M … so value axes stay narrow for lags in the millions.
QString compactNumber(double v)
{
    const double a = std::abs(v);
    if (a >= 1e9)
        return QString::number(v / 1e9, 'g', 3) + QLatin1Char('G');
    if (a >= 1e6)
        return QString::number(v / 1e6, 'g', 3) + QLatin1Char('M');
    if (a >= 1e3)
        return QString::number(v / 1e3, 'g', 3) + QLatin1Char('k');
    if (a < 1e-9)
        return QStringLiteral("0");
    return QString::number(v, 'g', 3);
}

QString exactNumber(double v)
{
    if (std::isnan(v))
        return QStringLiteral("–");
    const bool whole = std::abs(v - std::round(v)) < 1e-9;
    return QLocale().toString(v, 'f', whole ? 0 : 1);
}

class CompactTicker final : public QCPAxisTicker
{
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override { return compactNumber(tick); }
};

void styleAxis(QCPAxis *axis)
{
    axis->setBasePen(QPen(kAxisColor));
    axis->setTickPen(QPen(kAxisColor));
    axis->setSubTickPen(QPen(kAxisColor));
    axis->setTickLabelColor(kTextColor);
    axis->setLabelColor(kTextColor);
    axis->setTickLengthIn(0);
    axis->setTickLengthOut(4);
    axis->setSubTickLengthIn(0);
    axis->setSubTickLengthOut(2);
    axis->grid()->setPen(QPen(kGridColor));
    axis->grid()->setZeroLinePen(QPen(kGridColor));
}

// Index of the key nearest to `key` in an ascending vector (-1 when empty).
qsizetype nearestIndex(const QVector<double> &keys, double key)
{
    if (keys.isEmpty())
        return -1;
    const qsizetype i = std::lower_bound(keys.cbegin(), keys.cend(), key) - keys.cbegin();
    if (i == 0)
        return 0;
    if (i == keys.size())
        return i - 1;
    return key - keys[i - 1] <= keys[i] - key ? i - 1 : i;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_emptyText(tr("No data"))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    QCPAxisRect *rect = m_plot->axisRect();
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
    rect->setRangeDragAxes(m_plot->xAxis, m_plot->yAxis);
    rect->setRangeZoomAxes(m_plot->xAxis, m_plot->yAxis);

    auto dateTicker = QSharedPointer<QCPAxisTickerDateTime>::create();
    m_plot->xAxis->setTicker(dateTicker);
    m_plot->yAxis->setTicker(QSharedPointer<CompactTicker>::create());
    m_plot->yAxis2->setTicker(QSharedPointer<CompactTicker>::create());
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2})
        styleAxis(axis);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis2->grid()->setVisible(false);
    m_plot->yAxis2->setVisible(false);
    m_plot->yAxis->setRange(0, 1);
    m_plot->yAxis2->setRange(0, 1);

    // The legend gets its own row above the axis rect so it never covers data.
    QCPLegend *legend = m_plot->legend;
    legend->setVisible(true);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setTextColor(kTextColor);
    legend->setIconSize(18, 10);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setMargins(QMargins(0, 6, 0, 2));
    auto *legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(0);
    legendRow->setMargins(QMargins(0, 0, 0, 0));
    // Left-aligned next to the value axis: an empty element takes the rest of the row.
    legendRow->addElement(0, 0, legend);
    legendRow->addElement(0, 1, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactors({0.001, 1.0});
    auto *leftEdge = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msLeft, leftEdge);
    legendRow->setAutoMargins(QCP::msLeft);
    legendRow->setMarginGroup(QCP::msLeft, leftEdge);

    // Hover decorations live on their own buffered layer: moving the mouse repaints only that layer.
    m_plot->addLayer(kHoverLayer, m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_plot->layer(kHoverLayer)->setMode(QCPLayer::lmBuffered);

    m_markerLine = new QCPItemStraightLine(m_plot);
    m_markerLine->setPen(QPen(QColor(0x55, 0x55, 0x55), 1.5, Qt::DashLine));
    m_markerLine->setVisible(false);
    m_markerLine->setSelectable(false);
    m_markerLabel = new QCPItemText(m_plot);
    m_markerLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_markerLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_markerLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_markerLabel->setPadding(QMargins(4, 2, 4, 2));
    m_markerLabel->setColor(QColor(0x33, 0x33, 0x33));
    m_markerLabel->setBrush(QColor(255, 255, 255, 220));
    m_markerLabel->setVisible(false);
    m_markerLabel->setSelectable(false);

    m_emptyLabel = new QCPItemText(m_plot);
    m_emptyLabel->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyLabel->position->setCoords(0.5, 0.5);
    m_emptyLabel->setPositionAlignment(Qt::AlignCenter);
    m_emptyLabel->setColor(kTextColor);
    QFont emptyFont = font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.2);
    m_emptyLabel->setFont(emptyFont);
    m_emptyLabel->setText(m_emptyText);
    m_emptyLabel->setSelectable(false);

    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(kReplotDelayMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &TimeSeriesChart::updatePlot);
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange &range) { onRangeChanged(range.lower, range.upper); });
    connect(m_plot, &QCustomPlot::mousePress, this, &TimeSeriesChart::onMousePress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &TimeSeriesChart::onMouseMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &TimeSeriesChart::onMouseRelease);
    m_plot->installEventFilter(this);

    applyFollowRange();
    rebuildGraphs();
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::setSeries(const QList<Series> &series)
{
    m_series = series;
    rebuildGraphs();
    if (m_following)
        applyFollowRange();
    scheduleUpdate();
}

void TimeSeriesChart::appendPoint(int seriesIndex, double key, double value)
{
    if (seriesIndex < 0 || seriesIndex >= m_series.size())
        return;
    Series &s = m_series[seriesIndex];
    if (s.keys.isEmpty() || key >= s.keys.constLast()) {
        s.keys.append(key);
        s.values.append(value);
    } else {
        const qsizetype at = std::upper_bound(s.keys.cbegin(), s.keys.cend(), key) - s.keys.cbegin();
        s.keys.insert(at, key);
        s.values.insert(at, value);
    }
    if (m_following)
        applyFollowRange();
    scheduleUpdate();
}

void TimeSeriesChart::setVisibleSpan(qint64 seconds)
{
    m_span = std::clamp<qint64>(seconds, qint64(kMinSpan), qint64(kMaxSpan));
    m_following = true;
    applyFollowRange();
}

void TimeSeriesChart::followLatest()
{
    m_following = true;
    applyFollowRange();
}

void TimeSeriesChart::setVisibleRange(double keyMin, double keyMax)
{
    m_following = false;
    setRangeInternal(keyMin, keyMax);
}

double TimeSeriesChart::visibleKeyMin() const
{
    return m_plot->xAxis->range().lower;
}

double TimeSeriesChart::visibleKeyMax() const
{
    return m_plot->xAxis->range().upper;
}

void TimeSeriesChart::setLeftAxisLabel(const QString &label)
{
    m_plot->yAxis->setLabel(label);
    scheduleUpdate();
}

void TimeSeriesChart::setRightAxisLabel(const QString &label)
{
    m_plot->yAxis2->setLabel(label);
    scheduleUpdate();
}

QString TimeSeriesChart::emptyTextShown() const
{
    return m_emptyLabel->visible() ? m_emptyLabel->text() : QString();
}

void TimeSeriesChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    m_emptyLabel->setText(text);
    scheduleUpdate();
}

void TimeSeriesChart::setMarker(std::optional<QDateTime> time)
{
    m_marker = std::move(time);
    if (m_marker) {
        const double key = m_marker->toMSecsSinceEpoch() / 1000.0;
        m_markerLine->point1->setCoords(key, 0);
        m_markerLine->point2->setCoords(key, 1);
        m_markerLabel->position->setCoords(key, 0.0);
        m_markerLabel->setText(QLocale().toString(m_marker->toLocalTime(), QStringLiteral("dd MMM HH:mm:ss")));
    }
    m_markerLine->setVisible(m_marker.has_value());
    m_markerLabel->setVisible(m_marker.has_value());
    scheduleUpdate();
}

void TimeSeriesChart::setEvents(const QList<QPair<double, QString>> &events)
{
    for (QCPItemStraightLine *line : std::as_const(m_eventLines))
        m_plot->removeItem(line);
    for (QCPItemText *label : std::as_const(m_eventLabels))
        m_plot->removeItem(label);
    m_eventLines.clear();
    m_eventLabels.clear();
    // A few hundred lines would hide the data: beyond that, the latest ones.
    constexpr qsizetype kMaxEvents = 200;
    const qsizetype first = std::max<qsizetype>(0, events.size() - kMaxEvents);
    const QColor color(137, 87, 229); // the REWIND colour
    for (qsizetype i = first; i < events.size(); ++i) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setPen(QPen(color, 1, Qt::DotLine));
        line->setSelectable(false);
        line->point1->setCoords(events[i].first, 0);
        line->point2->setCoords(events[i].first, 1);
        m_eventLines.append(line);
        auto *label = new QCPItemText(m_plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(events[i].first, 1.0);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(3, 1, 3, 1));
        label->setColor(color);
        label->setText(events[i].second);
        label->setSelectable(false);
        m_eventLabels.append(label);
    }
    scheduleUpdate();
}

void TimeSeriesChart::refreshNow()
{
    m_updateTimer.stop();
    updatePlot();
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_layoutPasses = 0;
    scheduleUpdate();
}

bool TimeSeriesChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        hideTooltip();
    return QWidget::eventFilter(watched, event);
}

void TimeSeriesChart::scheduleUpdate()
{
    // Not restarted while pending: a continuous drag still gets a refresh every 40 ms.
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void TimeSeriesChart::rebuildGraphs()
{
    hideTooltip();
    for (QCPItemTracer *tracer : std::as_const(m_tracers))
        m_plot->removeItem(tracer);
    m_tracers.clear();
    m_plot->clearGraphs();
    m_graphs.clear();

    bool anyRight = false;
    for (int i = 0; i < m_series.size(); ++i) {
        const Series &s = m_series[i];
        const QColor color = s.color.isValid() ? s.color : defaultColor(i);
        QCPGraph *graph = m_plot->addGraph(m_plot->xAxis, s.rightAxis ? m_plot->yAxis2 : m_plot->yAxis);
        graph->setName(s.name);
        graph->setPen(QPen(color, 1.5, s.dashed ? Qt::DashLine : Qt::SolidLine));
        graph->setLineStyle(s.stepLine ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
        graph->setAdaptiveSampling(false); // data is already reduced to pixel resolution
        if (!s.rightAxis) {
            QColor fill = color;
            fill.setAlpha(28);
            graph->setBrush(fill);
        }
        m_graphs.append(graph);
        anyRight = anyRight || s.rightAxis;

        auto *tracer = new QCPItemTracer(m_plot);
        tracer->setLayer(kHoverLayer);
        tracer->setInterpolating(false);
        tracer->setStyle(QCPItemTracer::tsCircle);
        tracer->setSize(7);
        tracer->setPen(QPen(color, 1.5));
        tracer->setBrush(Qt::white);
        tracer->setVisible(false);
        tracer->setSelectable(false);
        m_tracers.append(tracer);
    }
    m_plot->yAxis2->setVisible(anyRight);
    m_visiblePointCount = 0;
}

void TimeSeriesChart::applyFollowRange()
{
    const double latest = latestKey();
    setRangeInternal(latest - double(m_span), latest);
}

void TimeSeriesChart::setRangeInternal(double keyMin, double keyMax)
{
    m_settingRange = true;
    m_plot->xAxis->setRange(keyMin, keyMax);
    m_settingRange = false;
    // rangeChanged is not emitted when the range did not change; the data may have.
    scheduleUpdate();
}

void TimeSeriesChart::onRangeChanged(double keyMin, double keyMax)
{
    if (!m_settingRange) {
        m_following = false; // the user panned or zoomed
        const double span = keyMax - keyMin;
        if (span < kMinSpan || span > kMaxSpan) {
            const double centre = (keyMin + keyMax) / 2;
            const double bounded = std::clamp(span, kMinSpan, kMaxSpan);
            setRangeInternal(centre - bounded / 2, centre + bounded / 2);
            return;
        }
    }
    updateTicker(keyMax - keyMin);
    scheduleUpdate();
    emit visibleRangeChanged(keyMin, keyMax);
}

void TimeSeriesChart::updateTicker(double span)
{
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (!ticker)
        return;
    QString format;
    if (span <= 300)
        format = QStringLiteral("HH:mm:ss");
    else if (span <= 86400)
        format = QStringLiteral("HH:mm");
    else if (span <= 45 * 86400)
        format = QStringLiteral("dd MMM HH:mm");
    else
        format = QStringLiteral("dd MMM yyyy");
    ticker->setDateTimeFormat(format);
    const int labelWidth = QFontMetrics(m_plot->xAxis->tickLabelFont()).horizontalAdvance(format) + 40;
    ticker->setTickCount(std::max(2, m_plot->axisRect()->width() / std::max(1, labelWidth)));
}

void TimeSeriesChart::updatePlot()
{
    const QCPRange range = m_plot->xAxis->range();
    // Lay out now (QCustomPlot does it only inside replot) so the reduction uses the real plot width.
    if (m_plot->viewport() != m_plot->rect())
        m_plot->setViewport(m_plot->rect());
    for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
        m_plot->plotLayout()->update(phase);
    int width = m_plot->axisRect()->width();
    if (width < 16)
        width = std::max(16, m_plot->width() - 100); // before the first layout pass
    const int columns = int(std::ceil(width * devicePixelRatioF()));

    bool hasData = false;
    m_visiblePointCount = 0;
    for (int i = 0; i < m_graphs.size() && i < m_series.size(); ++i) {
        const Series &s = m_series[i];
        hasData = hasData || !s.keys.isEmpty();
        const ReducedSeries reduced = reduceToPixels(s.keys, s.values, range.lower, range.upper, columns);
        QVector<QCPGraphData> points(reduced.keys.size());
        for (qsizetype p = 0; p < reduced.keys.size(); ++p)
            points[p] = QCPGraphData(reduced.keys[p], reduced.values[p]);
        m_graphs[i]->data()->set(points, true);
        // Dense M4 output is a column of vertical strokes per pixel: antialiasing it costs most of the
        // replot time (about half, measured with bench_chart) and changes nothing visible.
        const bool dense = points.size() > 2 * columns;
        m_graphs[i]->setAntialiased(!dense);
        m_graphs[i]->setAntialiasedFill(!dense);
        m_visiblePointCount += int(points.size());
    }
    m_emptyLabel->setVisible(!hasData);
    m_plot->yAxis->setTickLabels(hasData); // no made-up 0…1 scale without data
    m_plot->yAxis2->setTickLabels(hasData);
    if (m_marker) {
        // Keep the marker's label inside the plot: to the left of the line near the right edge.
        const bool nearRight = m_markerLabel->position->key() > range.lower + 0.75 * range.size();
        m_markerLabel->setPositionAlignment((nearRight ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    }
    m_plot->legend->setVisible(hasData && !m_graphs.isEmpty());
    updateTicker(range.size());
    rescaleValueAxes();
    m_plot->replot(QCustomPlot::rpQueuedRefresh);

    // The axis rect width is known only after a layout pass (and changes with tick label widths).
    if (m_plot->axisRect()->width() != width && m_layoutPasses++ < 2)
        scheduleUpdate();
    else
        m_layoutPasses = 0;
}

void TimeSeriesChart::rescaleValueAxes()
{
    const QCPRange keys = m_plot->xAxis->range();
    for (QCPAxis *axis : {m_plot->yAxis, m_plot->yAxis2}) {
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        // The reduced data keeps every column's extremes, so scanning it is exact and cheap.
        for (QCPGraph *graph : std::as_const(m_graphs)) {
            if (graph->valueAxis() != axis)
                continue;
            for (const QCPGraphData &d : *graph->data()) {
                if (d.key < keys.lower || d.key > keys.upper || std::isnan(d.value))
                    continue;
                lo = std::min(lo, d.value);
                hi = std::max(hi, d.value);
            }
        }
        if (lo > hi) {
            axis->setRange(0, 1);
            continue;
        }
        lo = std::min(0.0, lo);
        hi = std::max(0.0, hi);
        if (hi - lo < 1e-9)
            hi = lo + 1;
        const double pad = (hi - lo) * 0.08;
        axis->setRange(lo < 0 ? lo - pad : 0.0, hi > 0 ? hi + pad : 0.0);
    }
}

void TimeSeriesChart::onMousePress(QMouseEvent *event)
{
    hideTooltip();
    if (event->button() == Qt::LeftButton)
        m_pressPos = event->pos();
    else
        m_pressPos.reset();
}

void TimeSeriesChart::onMouseMove(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton)
        return;
    showTooltip(event->pos());
}

void TimeSeriesChart::onMouseRelease(QMouseEvent *event)
{
    const std::optional<QPoint> press = std::exchange(m_pressPos, std::nullopt);
    if (!press || event->button() != Qt::LeftButton)
        return;
    if ((event->pos() - *press).manhattanLength() >= QApplication::startDragDistance())
        return;
    if (!m_plot->axisRect()->rect().contains(event->pos()))
        return;
    const double key = m_plot->xAxis->pixelToCoord(event->pos().x());
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qRound64(key * 1000));
    setMarker(time);
    emit timestampClicked(time);
}

void TimeSeriesChart::showTooltip(const QPoint &pos)
{
    if (!m_plot->axisRect()->rect().contains(pos)) {
        hideTooltip();
        return;
    }
    const double mouseKey = m_plot->xAxis->pixelToCoord(pos.x());
    // The time shown is that of the sample nearest to the mouse over all series.
    double bestKey = std::numeric_limits<double>::quiet_NaN();
    for (const Series &s : std::as_const(m_series)) {
        const qsizetype i = nearestIndex(s.keys, mouseKey);
        if (i >= 0 && (std::isnan(bestKey) || std::abs(s.keys[i] - mouseKey) < std::abs(bestKey - mouseKey)))
            bestKey = s.keys[i];
    }
    if (std::isnan(bestKey) || std::abs(m_plot->xAxis->coordToPixel(bestKey) - pos.x()) > 60) {
        hideTooltip();
        return;
    }

    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qRound64(bestKey * 1000));
    QString text = QStringLiteral("<b>%1</b>").arg(QLocale().toString(time, QStringLiteral("ddd dd MMM yyyy HH:mm:ss")));
    for (int i = 0; i < m_series.size(); ++i) {
        const Series &s = m_series[i];
        const qsizetype at = nearestIndex(s.keys, bestKey);
        if (at < 0)
            continue;
        const QColor color = m_graphs[i]->pen().color();
        text += QStringLiteral("<br/><span style=\"color:%1\">&#9632;</span> %2: <b>%3</b>")
                    .arg(color.name(), s.name.toHtmlEscaped(), exactNumber(s.values[at]));
        // Attached only while shown: a tracer on a graph without data complains on every replot.
        const bool visible = !std::isnan(s.values[at]) && !m_graphs[i]->data()->isEmpty();
        m_tracers[i]->setGraph(visible ? m_graphs[i] : nullptr);
        m_tracers[i]->setGraphKey(s.keys[at]);
        m_tracers[i]->setVisible(visible);
    }
    m_plot->layer(kHoverLayer)->replot();
    QToolTip::showText(m_plot->mapToGlobal(pos + QPoint(14, 14)), text, m_plot);
}

void TimeSeriesChart::hideTooltip()
{
    bool changed = false;
    for (QCPItemTracer *tracer : std::as_const(m_tracers)) {
        changed = changed || tracer->visible();
        tracer->setVisible(false);
        tracer->setGraph(nullptr);
    }
    if (changed)
        m_plot->layer(kHoverLayer)->replot();
    QToolTip::hideText();
}

double TimeSeriesChart::latestKey() const
{
    double latest = -std::numeric_limits<double>::infinity();
    for (const Series &s : m_series) {
        if (!s.keys.isEmpty())
            latest = std::max(latest, s.keys.constLast());
    }
    if (std::isinf(latest))
        return double(QDateTime::currentSecsSinceEpoch());
    return latest;
}

} // namespace kops
