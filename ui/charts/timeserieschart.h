#pragma once

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <optional>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPItemTracer;
class QMouseEvent;

namespace kops {

/// A time chart for live metrics (consumer lag, rates). The only class in ui/ that uses QCustomPlot:
/// it keeps every point, but hands the plot only what the visible range needs at pixel resolution,
/// and coalesces updates into one queued replot every 40 ms.
class TimeSeriesChart final : public QWidget
{
    Q_OBJECT
public:
    struct Series
    {
        QString name;
        QColor color;
        QVector<double> keys;   // seconds since the epoch, ascending
        QVector<double> values; // NaN = no sample (the line breaks)
        bool rightAxis = false;
        bool stepLine = false;
        bool dashed = false; // e.g. points reconstructed rather than sampled
    };

    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    /// Replaces all series; keeps the visible range unless the chart follows the latest key.
    void setSeries(const QList<Series> &series);
    /// Appends one sample (keys older than the series' last one are inserted in order).
    void appendPoint(int seriesIndex, double key, double value);
    int seriesCount() const { return static_cast<int>(m_series.size()); }

    /// Shows the last `seconds` up to the latest key and follows new data until the user pans or zooms.
    void setVisibleSpan(qint64 seconds);
    qint64 visibleSpan() const { return m_span; }
    void followLatest();
    bool isFollowingLatest() const { return m_following; }
    /// Shows a fixed time range (stops following).
    void setVisibleRange(double keyMin, double keyMax);
    double visibleKeyMin() const;
    double visibleKeyMax() const;

    void setLeftAxisLabel(const QString &label);
    void setRightAxisLabel(const QString &label);
    void setEmptyText(const QString &text);
    /// The text drawn over an empty plot; empty while the plot shows data.
    QString emptyTextShown() const;

    void setMarker(std::optional<QDateTime> time);
    /// Events drawn as thin vertical lines with a short label (e.g. offset resets); keys in
    /// seconds since the epoch. Replaces the previous events.
    void setEvents(const QList<QPair<double, QString>> &events);
    int eventCount() const { return int(m_eventLines.size()); }
    std::optional<QDateTime> marker() const { return m_marker; }

    /// Points currently handed to the plot (after reduction), summed over all series.
    int visiblePointCount() const { return m_visiblePointCount; }
    /// Runs a pending coalesced update now (tests, benchmarks, screenshots).
    void refreshNow();

signals:
    /// The user clicked (without dragging) the plot area at this time.
    void timestampClicked(const QDateTime &time);
    /// The visible time range changed, by the user or by following new data.
    void visibleRangeChanged(double keyMin, double keyMax);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleUpdate();
    void updatePlot();
    void rebuildGraphs();
    void applyFollowRange();
    void setRangeInternal(double keyMin, double keyMax);
    void onRangeChanged(double keyMin, double keyMax);
    void updateTicker(double span);
    void rescaleValueAxes();
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);
    void showTooltip(const QPoint &pos);
    void hideTooltip();
    double latestKey() const;

    QCustomPlot *m_plot = nullptr;
    QList<QCPGraph *> m_graphs;
    QList<QCPItemTracer *> m_tracers;
    QCPItemStraightLine *m_markerLine = nullptr;
    QCPItemText *m_markerLabel = nullptr;
    QList<QCPItemStraightLine *> m_eventLines;
    QList<QCPItemText *> m_eventLabels;
    QCPItemText *m_emptyLabel = nullptr;
    QList<Series> m_series;
    QTimer m_updateTimer;
    qint64 m_span = 900;
    bool m_following = true;
    bool m_settingRange = false;
    std::optional<QDateTime> m_marker;
    std::optional<QPoint> m_pressPos;
    int m_visiblePointCount = 0;
    int m_layoutPasses = 0;
    QString m_emptyText;
};

} // namespace kops
