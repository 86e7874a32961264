#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <array>
#include <optional>

namespace kops {

/// Latencies in microseconds in log-linear buckets (64 per power of two: under 1.6 % error),
/// so a lab of any size keeps a few kilobytes, never one value per record.
class LatencyHistogram final
{
public:
    void add(qint64 micros);
    void merge(const LatencyHistogram &other);
    qint64 count() const { return m_count; }
    /// The value at quantile q (0..1) in microseconds; nullopt when empty.
    std::optional<double> quantile(double q) const;
    qint64 maxMicros() const { return m_max; }

    static int bucketOf(qint64 micros);
    /// The middle of a bucket's range (what quantile() reports).
    static double valueOf(int bucket);
    static constexpr int kBuckets = 128 + 57 * 64;

private:
    std::array<qint64, kBuckets> m_counts{};
    qint64 m_count = 0;
    qint64 m_max = 0;
};

/// The figures of one partition count of a throughput lab.
struct PerfPoint
{
    int partitions = 0;
    qint64 records = 0;       ///< acknowledged
    qint64 failed = 0;        ///< delivery reports with an error
    qint64 bytes = 0;         ///< payload bytes acknowledged
    qint64 consumed = 0;
    double produceSeconds = 0;
    double consumeSeconds = 0;
    double produceRecordsPerSecond = 0;
    double produceMBPerSecond = 0;
    double consumeRecordsPerSecond = 0;
    std::optional<double> ackP50Ms, ackP99Ms;
    std::optional<double> endToEndP50Ms, endToEndP99Ms;
    QString error; ///< why this count has no (or partial) figures
};

/// Fills the rates of a point from its counts and times.
void finishPoint(PerfPoint &point, const LatencyHistogram &ack, const LatencyHistogram &endToEnd);

/// The index of the smallest partition count whose produce rate reaches `share` of the best
/// one (the advice of "measure, then take the knee"); -1 when no point has a rate.
int smallestReaching(const QList<PerfPoint> &points, double share = 0.9);
/// The index of the point with the best produce rate; -1 when none.
int bestPoint(const QList<PerfPoint> &points);

} // namespace kops
