#include "perfstats.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace kops {

int LatencyHistogram::bucketOf(qint64 micros)
{
    if (micros < 128)
        return int(std::max<qint64>(0, micros));
    const int e = 63 - std::countl_zero(quint64(micros)); // >= 7
    const int shift = e - 6;
    const int idx = 128 + (e - 7) * 64 + int((quint64(micros) >> shift) - 64);
    return std::min(idx, kBuckets - 1);
}

double LatencyHistogram::valueOf(int bucket)
{
    if (bucket < 128)
        return bucket;
    const int e = (bucket - 128) / 64 + 7;
    const int shift = e - 6;
    const quint64 mantissa = quint64((bucket - 128) % 64 + 64);
    const double low = double(mantissa << shift);
    return low + double(quint64(1) << shift) / 2.0;
}

void LatencyHistogram::add(qint64 micros)
{
    ++m_counts[size_t(bucketOf(micros))];
    ++m_count;
    m_max = std::max(m_max, micros);
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_count += other.m_count;
    m_max = std::max(m_max, other.m_max);
}

std::optional<double> LatencyHistogram::quantile(double q) const
{
    if (m_count == 0)
        return std::nullopt;
    // The smallest value with at least q of the samples at or below it (nearest rank).
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(std::clamp(q, 0.0, 1.0) * double(m_count))));
    qint64 seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_counts[size_t(i)];
        if (seen >= rank)
            return std::min(valueOf(i), double(m_max));
    }
    return double(m_max);
}

void finishPoint(PerfPoint &point, const LatencyHistogram &ack, const LatencyHistogram &endToEnd)
{
    if (point.produceSeconds > 0) {
        point.produceRecordsPerSecond = double(point.records) / point.produceSeconds;
        point.produceMBPerSecond = double(point.bytes) / point.produceSeconds / (1024.0 * 1024.0);
    }
    if (point.consumeSeconds > 0)
        point.consumeRecordsPerSecond = double(point.consumed) / point.consumeSeconds;
    auto ms = [](std::optional<double> us) { return us ? std::optional<double>(*us / 1000.0) : std::nullopt; };
    point.ackP50Ms = ms(ack.quantile(0.5));
    point.ackP99Ms = ms(ack.quantile(0.99));
    point.endToEndP50Ms = ms(endToEnd.quantile(0.5));
    point.endToEndP99Ms = ms(endToEnd.quantile(0.99));
}

int bestPoint(const QList<PerfPoint> &points)
{
    int best = -1;
    for (int i = 0; i < points.size(); ++i)
        if (points.at(i).produceRecordsPerSecond > 0
            && (best < 0 || points.at(i).produceRecordsPerSecond > points.at(best).produceRecordsPerSecond))
            best = i;
    return best;
}

int smallestReaching(const QList<PerfPoint> &points, double share)
{
    const int best = bestPoint(points);
    if (best < 0)
        return -1;
    const double bar = points.at(best).produceRecordsPerSecond * share;
    int pick = -1;
    for (int i = 0; i < points.size(); ++i)
        if (points.at(i).produceRecordsPerSecond >= bar
            && (pick < 0 || points.at(i).partitions < points.at(pick).partitions))
            pick = i;
    return pick;
}

} // namespace kops
