// Not a test: the time to reconstruct a group's past lag on a real broker (issue: 6 hours at
// 1-minute resolution for a 12-partition group in under 2 s).
//
//   bench_lagrecon BOOTSTRAP [PARTITIONS=12] [HOURS=6] [STEP_SECONDS=60]
//
// Kafka stamps each offset commit with the broker's clock (OffsetCommit v2+), so a commit
// history cannot be written into the past. What it does instead:
//  - a topic whose records carry CreateTime stamps spread over the last HOURS (10 a minute per
//    partition), so offsets for timestamps answer over the whole range as on a real cluster;
//  - one commit per simulated step (HOURS * 60 of them, each for every partition), made now
//    in a few seconds of real time;
//  - the reconstruction runs on the real broker through LagReconstructor::reconstruct, with the
//    group's commit log read from __consumer_offsets as always, and only the commit times
//    re-stamped (k-th commit -> k steps after the start) before use, so every step has a
//    committed offset and every step costs its real offsets-for-timestamps lookup.
// It prints the whole time and its parts, checks every step against what was committed, and
// the time of the same call without re-stamping (commits only in the last seconds: steps
// before them need no lookup). Deletes what it made.
#include "groupcommitlog.h"
#include "lagreconstruction.h"
#include "rdkafkaclusterapi.h"

#include "forwardingclusterapi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>
#include <QUuid>

#include <cstdio>

using namespace kops;

namespace {

/// The real cluster, with the group's commit log re-stamped one step per commit round.
class RestampingApi final : public test::ForwardingClusterApi, public GroupCommitLogSource
{
public:
    RestampingApi(RdKafkaClusterApi &real, qint64 startMs, qint64 stepMs, int partitions)
        : ForwardingClusterApi(real), m_real(real), m_startMs(startMs), m_stepMs(stepMs), m_partitions(partitions)
    {
    }
    Result<GroupCommitLog> groupCommitLog(const QString &group) override
    {
        QElapsedTimer t;
        t.start();
        auto log = commitlog::read(m_real, group);
        readMs = t.elapsed();
        if (!log)
            return log;
        for (qsizetype i = 0; i < log.value().commits.size(); ++i)
            log.value().commits[i].atMs = m_startMs + (i / m_partitions) * m_stepMs + 1;
        return log;
    }
    Result<QList<PartitionOffset>> offsetsForTimes(const QList<PartitionTimestamp> &q) override
    {
        QElapsedTimer t;
        t.start();
        auto r = m_real.offsetsForTimes(q);
        lookupMs += t.nsecsElapsed() / 1e6;
        return r;
    }
    qint64 readMs = 0;
    double lookupMs = 0;

private:
    RdKafkaClusterApi &m_real;
    qint64 m_startMs;
    qint64 m_stepMs;
    int m_partitions;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_lagrecon BOOTSTRAP [PARTITIONS=12] [HOURS=6] [STEP_SECONDS=60]\n");
        return 64;
    }
    const QString bootstrap = args.at(1);
    const int partitions = args.size() > 2 ? args.at(2).toInt() : 12;
    const int hours = args.size() > 3 ? args.at(3).toInt() : 6;
    const qint64 stepMs = (args.size() > 4 ? args.at(4).toLongLong() : 60) * 1000;
    const int steps = int(hours * 3600'000LL / stepMs);
    RdKafkaClusterApi api({{QStringLiteral("bootstrap.servers"), bootstrap}});
    const QString name = QStringLiteral("i17-bench-") + QUuid::createUuid().toString(QUuid::Id128).left(10);
    if (auto made = api.createTopic({name, partitions, 1, {}}); !made.ok()) {
        std::fprintf(stderr, "create topic: %s\n", qPrintable(made.error().toString()));
        return 1;
    }
    QThread::msleep(1000);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = (now - hours * 3600'000LL) / stepMs * stepMs;
    // 10 records a step per partition, stamped within their step.
    constexpr int perStep = 10;
    QElapsedTimer setup;
    setup.start();
    for (int s = 0; s < steps; s += 20) {
        QList<OutgoingRecord> batch;
        for (int k = s; k < std::min(steps, s + 20); ++k)
            for (int p = 0; p < partitions; ++p)
                for (int i = 0; i < perStep; ++i) {
                    OutgoingRecord r;
                    r.topic = name;
                    r.partition = p;
                    r.value = QByteArray("x");
                    r.timestampMs = start + k * stepMs + i * (stepMs / perStep) + 1;
                    batch.append(r);
                }
        if (auto sent = api.produce(batch); !sent) {
            std::fprintf(stderr, "produce: %s\n", qPrintable(sent.error().toString()));
            return 1;
        }
    }
    // Commit k: partition p is behind by (k + p) % 25 records of what step k had written.
    QList<QList<qint64>> committed;
    for (int k = 0; k < steps; ++k) {
        QList<PartitionOffset> offsets;
        QList<qint64> row;
        for (int p = 0; p < partitions; ++p) {
            const qint64 o = std::max<qint64>(0, qint64(k + 1) * perStep - (k + p) % 25);
            offsets.append({name, p, o, {}, {}});
            row.append(o);
        }
        committed.append(row);
        if (auto done = api.alterGroupOffsets(name, offsets); !done) {
            std::fprintf(stderr, "commit: %s\n", qPrintable(done.error().toString()));
            return 1;
        }
    }
    std::printf("set-up: %d partitions, %d records with CreateTime over %d h, %d commit rounds in %.1f s of real time\n",
                partitions, steps * partitions * perStep, hours, steps, setup.elapsed() / 1000.0);

    RestampingApi restamped(api, start, stepMs, partitions);
    LagReconstructor::Options o;
    o.stepMs = stepMs;
    const qint64 to = start + qint64(steps) * stepMs - 1;
    int bad = 0;
    for (int run = 0; run < 3; ++run) {
        restamped.readMs = 0;
        restamped.lookupMs = 0;
        QElapsedTimer t;
        t.start();
        auto r = LagReconstructor::reconstruct(restamped, name, start, to, o);
        const qint64 ms = t.elapsed();
        if (!r) {
            std::fprintf(stderr, "reconstruct: %s\n", qPrintable(r.error().toString()));
            return 1;
        }
        int points = 0;
        for (const ReconstructedPartition &p : r.value().partitions)
            for (const OffsetObservation &obs : p.points) {
                ++points;
                const int k = int((obs.atMs - start) / stepMs) - 1; // the commit stamped one step earlier + 1 ms
                const qint64 expected = k >= 0 ? committed[k][p.tp.partition] : -1;
                const qint64 expectedEnd = qint64(k + 1) * perStep; // the records of the steps before
                if (k >= 0 && (obs.committed != expected || obs.logEnd != expectedEnd))
                    ++bad;
            }
        std::printf("run %d: %d h at %lld s for %d partitions: %lld ms (commit log %lld ms for %lld records, %d lookups %.0f ms), "
                    "%d points, %d not as committed\n",
                    run + 1, hours, stepMs / 1000, partitions, ms, restamped.readMs, r.value().recordsRead, r.value().lookups,
                    restamped.lookupMs, points, bad);
    }
    {
        QElapsedTimer t;
        t.start();
        auto r = LagReconstructor::reconstruct(api, name, now - hours * 3600'000LL, QDateTime::currentMSecsSinceEpoch(), o);
        const QString reach = !r ? r.error().toString()
                              : r.value().reachedMs < 0 ? QStringLiteral("no step since the first commit")
                                                        : QDateTime::fromMSecsSinceEpoch(r.value().reachedMs).toString(Qt::ISODate);
        std::printf("as the broker stamped the commits (all within the last %.1f s): %lld ms, %d lookups, reached: %s\n",
                    setup.elapsed() / 1000.0, t.elapsed(), r ? r.value().lookups : -1, qPrintable(reach));
    }
    api.deleteGroups({name});
    api.deleteTopics({name});
    return bad == 0 ? 0 : 1;
}
