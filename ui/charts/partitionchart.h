#pragma once

#include <QList>
#include <QWidget>

#include <optional>

class QCustomPlot;

namespace kops {

/// The throughput lab's chart: produce and consume rate (left axis) and acknowledgement and
/// end-to-end p99 latency (right axis) against the partition count (log 2 axis). Keeps
/// QCustomPlot's API inside ui/charts, as TimeSeriesChart does.
class PartitionChart final : public QWidget
{
    Q_OBJECT
public:
    struct Point
    {
        int partitions = 0;
        double produceRate = 0;
        double consumeRate = 0;
        std::optional<double> ackP99Ms;
        std::optional<double> endToEndP99Ms;
    };
    explicit PartitionChart(QWidget *parent = nullptr);

    void setPoints(const QList<Point> &points);
    /// Marks the recommended count with a vertical line (nullopt: none).
    void setRecommended(std::optional<int> partitions);
    int pointCount() const { return int(m_points.size()); }

private:
    void rebuild();

    QCustomPlot *m_plot = nullptr;
    QList<Point> m_points;
    std::optional<int> m_recommended;
};

} // namespace kops
