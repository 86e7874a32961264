// HistoryStore::chart: a group's history at chart resolution, from its compressed series.
#include "historystore.h"

#include "lagmonitor.h"

#include <QSqlDatabase>
#include <QtConcurrent/QtConcurrentMap>
#include <QSqlQuery>
#include <QThreadPool>
#include <QVariant>

#include <algorithm>
#include <numeric>

namespace kops {

namespace {

struct Selected
{
    qsizetype lo = 0, hi = 0, last = 0;
};

/// Lowest and highest lag (the later one of equals) and the last point of points[begin, end).
Selected select(const QList<OffsetPoint> &points, qsizetype begin, qsizetype end)
{
    Selected s{begin, begin, end - 1};
    for (qsizetype k = begin; k < end; ++k) {
        if (points[k].chartLag() <= points[s.lo].chartLag())
            s.lo = k;
        if (points[k].chartLag() >= points[s.hi].chartLag())
            s.hi = k;
    }
    return s;
}

struct LagBucket
{
    qint64 lastTs = 0;
    qint64 sumLast = 0, sumMin = 0, sumMax = 0;
    qint64 minTsSum = 0, maxTsSum = 0;
    int series = 0;
    bool several = false; ///< some series had more than one point here
};

struct GroupBucket
{
    LagBucket lag;
    qint64 sumLogEnd = 0, sumCommitted = 0, consumed = 0;
    bool reset = false;
    bool reconstructed = false; ///< a series' last point here was reconstructed from the commit log
};

void add(LagBucket &b, const QList<OffsetPoint> &points, const Selected &s, bool several)
{
    b.lastTs = std::max(b.lastTs, points[s.last].ts);
    b.sumLast += points[s.last].chartLag();
    b.sumMin += points[s.lo].chartLag();
    b.sumMax += points[s.hi].chartLag();
    b.minTsSum += points[s.lo].ts;
    b.maxTsSum += points[s.hi].ts;
    ++b.series;
    b.several = b.several || several;
}

/// The extra points of a bucket that held several samples: its lowest and highest lag
/// (seconds, value), in time order, before its last point.
QList<QPair<qint64, qint64>> extremes(const LagBucket &b, qint64 bucketStart)
{
    QList<QPair<qint64, qint64>> out;
    if (!b.several || b.lastTs - 1 < bucketStart)
        return out;
    const auto at = [&](qint64 tsSum) { return std::clamp(tsSum / b.series, bucketStart, b.lastTs - 1); };
    if (b.sumMin != b.sumLast)
        out.append({at(b.minTsSum), b.sumMin});
    if (b.sumMax != b.sumLast && b.sumMax != b.sumMin)
        out.append({at(b.maxTsSum), b.sumMax});
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

GroupHistory HistoryStore::chart(const QString &cluster, const QString &group, qint64 fromMs, qint64 toMs, int maxPoints)
{
    GroupHistory out;
    const qint64 fromS = fromMs / 1000;
    const qint64 toS = toMs / 1000;
    if (toS < fromS)
        return out;
    const qint64 width = std::max<qint64>(1, (toS - fromS + maxPoints) / std::max(1, maxPoints));
    // Buckets in arrays (a bucket with no series is empty): no tree lookups per sample.
    const qsizetype buckets = qsizetype((toS - fromS) / width + 1);
    QVector<GroupBucket> groupBuckets(buckets);
    QHash<QString, QVector<LagBucket>> topicBuckets;
    QHash<QString, QVector<LagBucket>> partitionBuckets;
    QList<QPair<qint64, TopicPartition>> series;
    {
        QSqlQuery q(QSqlDatabase::database(connectionName(), false));
        q.prepare(QStringLiteral("SELECT id, topic, part FROM series WHERE cluster=? AND grp=? ORDER BY topic, part"));
        q.addBindValue(cluster);
        q.addBindValue(group);
        if (q.exec())
            while (q.next())
                series.append({q.value(0).toLongLong(), TopicPartition{q.value(1).toString(), q.value(2).toInt()}});
    }
    // The chunks are read here (the database connection belongs to this thread) and decoded
    // in parallel, which is most of a long range's time; then summed up in series order.
    QList<QList<Chunk>> chunks;
    chunks.reserve(series.size());
    for (const auto &[sid, tp] : std::as_const(series))
        chunks.append(chunksOf(sid, fromS, toS));
    QList<qsizetype> order(series.size());
    std::iota(order.begin(), order.end(), 0);
    // On a pool of its own: chart() itself runs on the global pool (LagService), and two charts
    // waiting there for decode tasks queued behind them on a 2-thread pool never finished
    // (nor did the GUI's painting, which uses that pool too).
    static QThreadPool decoders;
    const QList<QList<OffsetPoint>> decoded = QtConcurrent::blockingMapped(&decoders, order, [&](qsizetype k) {
        return decodeRange(series[k].first, chunks[k], fromS, toS);
    });
    chunks.clear();
    for (qsizetype k = 0; k < series.size(); ++k) {
        const TopicPartition &tp = series[k].second;
        // Points reconstructed from the commit log join the samples, flagged.
        QVector<bool> rebuilt;
        const QList<OffsetPoint> points = withReconstructed(series[k].first, decoded[k], fromS, toS, &rebuilt);
        if (points.isEmpty())
            continue;
        // Consumption from each partition's own steps, so that an offset reset or its undo
        // (a jump of the committed offset) is marked instead of counted as consumption.
        const QVector<bool> resets = LagMonitor::resetSteps(points.size(), [&](qsizetype j) { return points[j].committed; });
        QVector<LagBucket> &byTopic = topicBuckets[tp.topic];
        QVector<LagBucket> &byPartition = partitionBuckets[tp.topic + QLatin1Char('/') + QString::number(tp.partition)];
        if (byTopic.isEmpty())
            byTopic.resize(buckets);
        if (byPartition.isEmpty())
            byPartition.resize(buckets);
        qsizetype i = 0;
        while (i < points.size()) {
            const qint64 bucket = (points[i].ts - fromS) / width;
            qsizetype end = i;
            GroupBucket &g = groupBuckets[bucket];
            while (end < points.size() && (points[end].ts - fromS) / width == bucket) {
                if (end > 0) {
                    if (resets[end])
                        g.reset = true;
                    else if (points[end - 1].committed >= 0 && points[end].committed > points[end - 1].committed)
                        g.consumed += points[end].committed - points[end - 1].committed;
                }
                ++end;
            }
            const Selected s = select(points, i, end);
            const bool several = end - i > 1;
            add(g.lag, points, s, several);
            g.reconstructed = g.reconstructed || rebuilt[s.last];
            g.sumLogEnd += std::max<qint64>(0, points[s.last].logEnd);
            g.sumCommitted += std::max<qint64>(0, points[s.last].committed);
            add(byTopic[bucket], points, s, several);
            add(byPartition[bucket], points, s, several);
            i = end;
        }
    }

    std::optional<GroupHistoryPoint> previous;
    for (qsizetype bucket = 0; bucket < buckets; ++bucket) {
        const GroupBucket &g = groupBuckets[bucket];
        if (g.lag.series == 0)
            continue;
        GroupHistoryPoint last{g.lag.lastTs * 1000, g.lag.sumLast, g.sumLogEnd, g.sumCommitted, g.consumed, g.reset,
                               g.reconstructed};
        // Extremes between the previous point and this one carry interpolated counters, so
        // the produce and consume rates drawn from them do not jump.
        qint64 consumedLeft = last.consumed;
        for (const auto &[ts, lag] : extremes(g.lag, fromS + bucket * width)) {
            GroupHistoryPoint p{ts * 1000, lag, last.sumLogEnd, last.sumCommitted, 0, false, g.reconstructed};
            if (previous && last.atMs > previous->atMs) {
                const double span = double(last.atMs - previous->atMs);
                const double f = double(p.atMs - previous->atMs) / span;
                p.sumLogEnd = previous->sumLogEnd + qint64(f * double(last.sumLogEnd - previous->sumLogEnd));
                p.sumCommitted = previous->sumCommitted + qint64(f * double(last.sumCommitted - previous->sumCommitted));
                const qint64 since = out.points.isEmpty() ? previous->atMs : out.points.last().atMs;
                p.consumed = std::min(consumedLeft, qint64(double(last.consumed) * double(p.atMs - since) / span));
                consumedLeft -= p.consumed;
            }
            out.points.append(p);
        }
        last.consumed = consumedLeft;
        out.points.append(last);
        previous = last;
    }
    const auto fill = [&](const QHash<QString, QVector<LagBucket>> &in,
                          QHash<QString, QList<QPair<qint64, qint64>>> &lines) {
        for (auto it = in.cbegin(); it != in.cend(); ++it) {
            QList<QPair<qint64, qint64>> &line = lines[it.key()];
            line.reserve(buckets + buckets / 2);
            for (qsizetype bucket = 0; bucket < buckets; ++bucket) {
                const LagBucket &b = it.value()[bucket];
                if (b.series == 0)
                    continue;
                for (const auto &[ts, lag] : extremes(b, fromS + bucket * width))
                    line.append({ts * 1000, lag});
                line.append({b.lastTs * 1000, b.sumLast});
            }
        }
    };
    fill(topicBuckets, out.byTopic);
    fill(partitionBuckets, out.byPartition);
    return out;
}

} // namespace kops
