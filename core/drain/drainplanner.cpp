#include "drainplanner.h"

#include <algorithm>
#include <cmath>

namespace kops {

qint32 kafkaMurmur2(QByteArrayView key)
{
    // org.apache.kafka.common.utils.Utils.murmur2
    const auto *data = reinterpret_cast<const unsigned char *>(key.data());
    const qsizetype length = key.size();
    const quint32 seed = 0x9747b28c;
    const quint32 m = 0x5bd1e995;
    const int r = 24;
    quint32 h = seed ^ quint32(length);
    const qsizetype length4 = length / 4;
    for (qsizetype i = 0; i < length4; ++i) {
        const qsizetype i4 = i * 4;
        quint32 k = quint32(data[i4 + 0]) | (quint32(data[i4 + 1]) << 8) | (quint32(data[i4 + 2]) << 16)
                    | (quint32(data[i4 + 3]) << 24);
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
    }
    switch (length % 4) {
    case 3:
        h ^= quint32(data[(length & ~3) + 2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= quint32(data[(length & ~3) + 1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= quint32(data[length & ~3]);
        h *= m;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return qint32(h);
}

int drainTargetPartition(std::optional<QByteArrayView> key, int sourcePartition, int targetPartitions)
{
    if (targetPartitions <= 0)
        return 0;
    if (!key)
        return sourcePartition % targetPartitions;
    // Utils.toPositive(murmur2(key)) % numPartitions, as the Java DefaultPartitioner.
    return int((quint32(kafkaMurmur2(*key)) & 0x7fffffffu) % quint32(targetPartitions));
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
