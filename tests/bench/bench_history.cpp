// Lag history at scale, on synthetic series recorded through HistoryStore as the sampler
// does (one transaction per round, a simulated clock):
//  1. bytes per partition-sample by kind of series (steady consumers at 1-1000 msg/s, stopped
//     consumers, idle partitions, bursts, offset resets) and for a mix of them;
//  2. chart query times for a group of 50 partitions over 15 min, 6 h, 2 days and 7 days
//     (7 days sampled every 10 s, thinned hourly as the console does);
//  3. the disk budget under a day sampled every second (size every simulated hour);
//  4. resident memory while KOPS_BENCH_SERIES series (default 50,000: 10,000 groups x 5) are
//     recorded in batches of 500 groups for 300 rounds, across the rounds that seal every
//     open chunk at once (128 and 256), trimming the heap after each round as the sampler does.
// Prints figures; not a test.
//
// Usage: bench_history [series-per-kind=200] [budget-day-series=100] [budget-MB=4]
//        (KOPS_BENCH_PARTS=2 runs only part 2, and so on; part 4 runs only when asked)
#include "historystore.h"
#include "procstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include <malloc.h>

using namespace kops;

namespace {

constexpr qint64 kStart = 1'760'000'000'000;

/// One partition's offsets as a consumer group sees them, advanced by `step` seconds.
struct Series
{
    enum Kind { Steady, Stopped, Idle, Burst, Reset };
    Kind kind = Steady;
    double rate = 10;     ///< msgs/s produced
    qint64 logEnd = 0;
    qint64 committed = 0;
    qint64 lastCommitAt = 0;
    qint64 burstLeft = 0;
    QRandomGenerator rng;

    void advance(qint64 now, int step)
    {
        const auto noisy = [&](double mean) {
            // Poisson-like: normal with variance = mean (mean large), or Bernoulli draws (small).
            if (mean < 20) {
                qint64 n = 0;
                for (int i = 0; i < int(std::ceil(mean * 4)); ++i)
                    n += rng.generateDouble() < 0.25 ? 1 : 0;
                return n;
            }
            const double u1 = std::max(1e-12, rng.generateDouble()), u2 = rng.generateDouble();
            const double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
            return std::max<qint64>(0, qint64(mean + z * std::sqrt(mean)));
        };
        switch (kind) {
        case Steady:
        case Reset:
            logEnd += noisy(rate * step);
            // Commits every 5 s of what was read, with a few hundred ms of records in flight.
            if (now - lastCommitAt >= 5) {
                lastCommitAt = now;
                committed = std::max(committed, logEnd - noisy(rate * 0.3));
            }
            if (kind == Reset && rng.bounded(3600 / step) == 0)
                committed = std::max<qint64>(0, committed - qint64(rate * 3600)); // replay the last hour
            break;
        case Stopped:
            logEnd += noisy(rate * step);
            break;
        case Idle:
            break;
        case Burst:
            if (burstLeft == 0 && rng.bounded(360 / step) == 0)
                burstLeft = 10'000 + rng.bounded(90'000);
            if (burstLeft > 0) {
                const qint64 n = std::min<qint64>(burstLeft, 5'000 * step);
                logEnd += n;
                burstLeft -= n;
            }
            committed = std::min(logEnd, committed + 2'000 * step);
            break;
        }
    }
};

QList<Series> makeSeries(Series::Kind kind, int count, quint32 seed)
{
    QList<Series> out;
    QRandomGenerator rng(seed);
    for (int i = 0; i < count; ++i) {
        Series s;
        s.kind = kind;
        s.rng.seed(seed * 1000 + quint32(i));
        s.rate = std::pow(10.0, rng.generateDouble() * 3); // 1-1000 msg/s, log-uniform
        s.logEnd = qint64(rng.bounded(1'000'000'000));
        s.committed = kind == Series::Stopped ? s.logEnd - rng.bounded(100'000) : s.logEnd;
        out.append(s);
    }
    return out;
}

RawLagSample round(QList<Series> &series, qint64 atMs, int step, int partitionsPerGroup)
{
    RawLagSample r;
    r.atMs = atMs;
    for (qsizetype i = 0; i < series.size(); ++i) {
        if (i % partitionsPerGroup == 0) {
            RawGroupSample g;
            g.groupId = QStringLiteral("g%1").arg(i / partitionsPerGroup);
            r.groups.append(g);
        }
        Series &s = series[i];
        s.advance(atMs / 1000, step);
        RawPartitionSample p;
        p.topic = QStringLiteral("t");
        p.partition = int(i % partitionsPerGroup);
        p.committed = s.committed;
        p.logEnd = s.logEnd;
        r.groups.last().partitions.append(p);
    }
    return r;
}

void bytesPerSample(int perKind)
{
    std::printf("1. Bytes per partition-sample, %d series per kind, 6 h sampled every 10 s (2,160 samples each),\n   pruned hourly as the console does (no thinning yet: all at full resolution)\n",
                perKind);
    std::printf("   %-34s %10s %12s %12s\n", "series", "samples", "B/sample", "file B/smp");
    struct Case
    {
        const char *name;
        QList<QPair<Series::Kind, double>> kinds;
    };
    const QList<Case> cases{
        {"steady consumers (1-1000 msg/s)", {{Series::Steady, 1.0}}},
        {"stopped consumers", {{Series::Stopped, 1.0}}},
        {"idle partitions", {{Series::Idle, 1.0}}},
        {"bursts", {{Series::Burst, 1.0}}},
        {"offset resets (hourly)", {{Series::Reset, 1.0}}},
        {"mix 40/20/25/10/5", {{Series::Steady, .4}, {Series::Stopped, .2}, {Series::Idle, .25}, {Series::Burst, .1},
                               {Series::Reset, .05}}},
    };
    for (const Case &c : cases) {
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("KOPS_BENCH_KEEP"));
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        store.open();
        QList<Series> series;
        quint32 seed = 1;
        for (const auto &[kind, share] : c.kinds)
            series += makeSeries(kind, std::max(1, int(perKind * share)), seed++);
        for (int i = 0; i < 2160; ++i) {
            store.record(QStringLiteral("bench"), round(series, kStart + i * 10'000LL, 10, 5));
            if (i % 360 == 359)
                store.prune(kStart + i * 10'000LL); // hourly, as the console does
        }
        const HistoryUsage u = store.usage(QStringLiteral("bench"));
        if (!dir.autoRemove())
            std::printf("   (kept %s)\n", qPrintable(store.path()));
        std::printf("   %-34s %10lld %12.2f %12.2f\n", c.name, qlonglong(u.samples), u.bytesPerSample(),
                    double(store.fileSizeBytes()) / double(u.samples));
        std::fflush(stdout);
    }
}

void decodeSpeed()
{
    QList<Series> series = makeSeries(Series::Steady, 50, 5);
    QList<QByteArray> chunks;
    QList<int> counts;
    qint64 points = 0;
    for (Series &s : series) {
        QList<OffsetPoint> pts;
        for (int i = 0; i < 11'000; ++i) {
            s.advance(1'760'000'000 + i * 10, 10);
            pts.append(OffsetPoint{1'760'000'000 + i * 10, s.committed, s.logEnd});
        }
        for (qsizetype i = 0; i < pts.size(); i += 512) {
            chunks.append(OffsetChunkEncoder::encode(pts.mid(i, 512)));
            counts.append(int(pts.mid(i, 512).size()));
        }
        points += pts.size();
    }
    QList<double> ms;
    for (int r = 0; r < 10; ++r) {
        QElapsedTimer t;
        t.start();
        qint64 n = 0;
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            QList<OffsetPoint> out;
            decodeOffsetChunk(chunks[i], counts[i], &out);
            n += out.size();
        }
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("   decoding alone: %lld points (50 series of 11,000, a 7-day chart's worth) in %.1f ms (median of 10)\n",
                qlonglong(points), ms[5]);
}

void chartQueries()
{
    std::printf("2. Chart query of one group of 50 partitions (7 days every 10 s, thinned hourly; %d points max)\n",
                HistoryStore::kChartPoints);
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    store.open();
    QList<Series> series = makeSeries(Series::Steady, 50, 99);
    QElapsedTimer fill;
    fill.start();
    const qint64 days = 7;
    const qint64 end = kStart + days * 86400'000;
    for (qint64 t = kStart; t < end; t += 10'000) {
        store.record(QStringLiteral("bench"), round(series, t, 10, 50));
        if ((t - kStart) % 3600'000 == 0)
            store.prune(t);
    }
    store.prune(end);
    const HistoryUsage u = store.usage(QStringLiteral("bench"));
    std::printf("   recorded in %.1f s: %lld samples kept, %.2f B/sample, %.1f MB\n", double(fill.elapsed()) / 1000.0,
                qlonglong(u.samples), u.bytesPerSample(), double(u.bytes) / 1048576.0);
    std::printf("   %-10s %10s %10s %10s %10s\n", "range", "points", "median ms", "max ms", "cold ms");
    for (const auto &[name, secs] : QList<QPair<const char *, qint64>>{
             {"15 min", 900}, {"6 h", 6 * 3600}, {"2 days", 2 * 86400}, {"7 days", 7 * 86400}}) {
        QList<double> ms;
        qsizetype points = 0;
        double cold = 0;
        for (int i = 0; i < 15; ++i) {
            // A fresh store each time, as the console's query thread opens one per request.
            QElapsedTimer t;
            t.start();
            HistoryStore reader(store.path());
            reader.open();
            const GroupHistory h = reader.chart(QStringLiteral("bench"), QStringLiteral("g0"), end - secs * 1000, end);
            const double took = double(t.nsecsElapsed()) / 1e6;
            if (i == 0)
                cold = took;
            ms.append(took);
            points = h.points.size();
        }
        std::sort(ms.begin(), ms.end());
        std::printf("   %-10s %10lld %10.1f %10.1f %10.1f\n", name, qlonglong(points), ms[ms.size() / 2], ms.last(), cold);
    }
}

void budgetDay(int seriesCount, int budgetMB)
{
    std::printf("\n3. Disk budget of %d MB: %d series sampled every second for a day (budget checked every 10 min,\n"
                "   thinning hourly, as the console does)\n",
                budgetMB, seriesCount);
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    store.open();
    QList<Series> series = makeSeries(Series::Steady, seriesCount, 7);
    const qint64 budget = qint64(budgetMB) * 1024 * 1024;
    qint64 maxBytes = 0, maxFile = 0, maxMain = 0;
    std::printf("   %6s %12s %12s %12s %12s %14s\n", "hour", "conn MB", "file MB", "of it WAL MB", "samples", "oldest (h ago)");
    QElapsedTimer wall;
    wall.start();
    for (qint64 s = 0; s <= 86400; ++s) {
        const qint64 t = kStart + s * 1000;
        store.record(QStringLiteral("bench"), round(series, t, 1, 10));
        if (s % 3600 == 0 && s > 0)
            store.prune(t);
        if (s % 600 == 0)
            store.enforceBudget(QStringLiteral("bench"), budget);
        if (s % 600 == 1) {
            const HistoryUsage u = store.usage(QStringLiteral("bench"));
            maxBytes = std::max(maxBytes, u.bytes);
            maxFile = std::max(maxFile, u.fileBytes);
            maxMain = std::max(maxMain, QFileInfo(store.path()).size());
            if (s % 3600 == 1)
                std::printf("   %6lld %12.2f %12.2f %12.2f %12lld %14.1f\n", s / 3600, double(u.bytes) / 1048576.0,
                            double(u.fileBytes) / 1048576.0,
                            double(QFileInfo(store.path() + QStringLiteral("-wal")).size()) / 1048576.0, qlonglong(u.samples),
                            double(t - u.oldestMs) / 3600'000.0);
            std::fflush(stdout);
        }
    }
    // The log is checkpointed once a minute of wall time: here that is many simulated minutes of
    // writes, so "with its log" overstates what a console sampling in real time keeps.
    std::printf("   largest: connection %.2f MB, file %.2f MB without its log, %.2f MB with it (budget %d MB); %.0f s of "
                "wall time\n",
                double(maxBytes) / 1048576.0, double(maxMain) / 1048576.0, double(maxFile) / 1048576.0, budgetMB,
                double(wall.elapsed()) / 1000.0);
}

} // namespace

void sealMemory(int seriesCount)
{
    std::printf("\n4. Resident memory recording %d series in batches of 500 groups, 300 rounds\n", seriesCount);
    std::printf("   %6s %10s %10s %10s\n", "round", "RSS MB", "anon MB", "round ms");
    QTemporaryDir dir;
    HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    if (const Status s = store.open(); !s) {
        std::printf("   cannot open: %s\n", qPrintable(s.error().toString()));
        return;
    }
    QList<Series> series = makeSeries(Series::Steady, seriesCount, 4);
    constexpr int kGroupsPerBatch = 500;
    constexpr int kPartitions = 5;
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer t;
        t.start();
        const RawLagSample all = round(series, kStart + i * 10'000LL, 10, kPartitions);
        for (qsizetype g = 0; g < all.groups.size(); g += kGroupsPerBatch) {
            RawLagSample batch;
            batch.atMs = all.atMs;
            batch.groups = all.groups.mid(g, kGroupsPerBatch);
            store.record(QStringLiteral("bench"), batch);
        }
#ifdef __GLIBC__
        malloc_trim(0);
#endif
        const qint64 ms = t.elapsed();
        if (i % 16 == 0 || (i % 128) <= 1 || (i % 128) == 127 || i == 299)
            std::printf("   %6d %10.1f %10.1f %10lld\n", i, double(bench::statusKb(0, "VmRSS:")) / 1024.0,
                        double(bench::statusKb(0, "RssAnon:")) / 1024.0, ms);
        std::fflush(stdout);
    }
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int perKind = args.size() > 1 ? args.at(1).toInt() : 200;
    const int daySeries = args.size() > 2 ? args.at(2).toInt() : 100;
    const int budgetMB = args.size() > 3 ? args.at(3).toInt() : 4;
    const QString parts = qEnvironmentVariable("KOPS_BENCH_PARTS", QStringLiteral("12c3"));
    if (parts.contains(QLatin1Char('1')))
        bytesPerSample(perKind);
    if (parts.contains(QLatin1Char('2'))) {
        std::printf("\n");
        decodeSpeed();
        if (parts.contains(QLatin1Char('c')) || parts == QLatin1String("12c3"))
            chartQueries();
    }
    if (parts.contains(QLatin1Char('3')))
        budgetDay(daySeries, budgetMB);
    if (parts.contains(QLatin1Char('4')))
        sealMemory(qEnvironmentVariableIntValue("KOPS_BENCH_SERIES") > 0 ? qEnvironmentVariableIntValue("KOPS_BENCH_SERIES")
                                                                          : 50'000);
    return 0;
}
