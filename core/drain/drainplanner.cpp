#include "drainplanner.h"

#include <algorithm>
#include <cmath>

namespace kops {

int drainTargetPartition(std::optional<QByteArrayView> key, int sourcePartition, int targetPartitions)
{
    if (targetPartitions <= 0)
        return 0;
    if (!key)
        return sourcePartition % targetPartitions;
    return javaPartitionForKey(*key, targetPartitions);
}

std::optional<double> consumeRateFrom(const QList<QPair<qint64, qint64>> &points, qint64 windowMs)
{
    if (points.size() < 2)
        return std::nullopt;
    auto rate = [](const QPair<qint64, qint64> &a, const QPair<qint64, qint64> &b) -> double {
        if (b.first <= a.first || b.second < a.second)
            return 0; // no time, or an offset reset
        return double(b.second - a.second) * 1000.0 / double(b.first - a.first);
    };
    const auto &last = points.last();
    qsizetype from = points.size() - 2;
    while (from > 0 && last.first - points.at(from).first < windowMs)
        --from;
    const double recent = rate(points.at(from), last);
    if (recent > 0)
        return recent;
    double best = 0;
    qsizetype j = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        j = std::max(j, i + 1);
        while (j < points.size() && points.at(j).first - points.at(i).first < windowMs)
            ++j;
        if (j >= points.size())
            break;
        best = std::max(best, rate(points.at(i), points.at(j)));
    }
    return best > 0 ? std::optional<double>(best) : std::optional<double>(0.0);
}

int proposePartitionCount(qint64 backlog, double perConsumerRate, qint64 targetSeconds, int sourcePartitions, int cap)
{
    const int floor = std::max(1, sourcePartitions);
    if (backlog <= 0 || perConsumerRate <= 0 || targetSeconds <= 0)
        return std::min(floor, cap);
    const double needed = std::ceil(double(backlog) / (perConsumerRate * double(targetSeconds)));
    return int(std::clamp<double>(needed, floor, std::max(floor, cap)));
}

} // namespace kops
