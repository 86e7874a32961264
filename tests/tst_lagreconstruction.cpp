// Lag reconstruction from commit logs (LagReconstructor::build, pure) on synthetic series:
// gaps, rewinds, compaction holes, tombstones, CreateTime and LogAppendTime, retention; and
// how the history keeps reconstructed points apart from sampled ones (schema 2, migration).
#include "groupcommitlog.h"
#include "historystore.h"
#include "lagreconstruction.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

constexpr qint64 kMin = 60'000;
const TopicPartition kP0{QStringLiteral("orders"), 0};
const TopicPartition kP1{QStringLiteral("orders"), 1};

GroupCommitLog logOf(const QList<GroupCommit> &commits)
{
    GroupCommitLog log;
    log.group = QStringLiteral("g");
    log.commits = commits;
    return log;
}

PartitionWatermarks marks(const TopicPartition &tp, qint64 low, qint64 high)
{
    PartitionWatermarks w;
    w.topic = tp.topic;
    w.partition = tp.partition;
    w.low = low;
    w.high = high;
    return w;
}

/// Offsets-for-times answers from a producer that wrote `perMinute` records a minute from
/// t = 0 (record i at i * 60000 / perMinute): first offset with timestamp > t.
QList<QHash<TopicPartition, qint64>> steadyAnswers(const QList<qint64> &times, const QList<TopicPartition> &tps,
                                                   qint64 perMinute, qint64 high)
{
    QList<QHash<TopicPartition, qint64>> out;
    for (const qint64 t : times) {
        QHash<TopicPartition, qint64> at;
        const qint64 n = t * perMinute / kMin + 1; // records 0..floor(t * perMinute / kMin)
        for (const TopicPartition &tp : tps)
            at.insert(tp, n >= high ? -1 : n);
        out.append(at);
    }
    return out;
}

RawPartitionSample rawSample(const TopicPartition &tp, qint64 committed, qint64 logEnd)
{
    RawPartitionSample p;
    p.topic = tp.topic;
    p.partition = tp.partition;
    p.committed = committed;
    p.logStart = 0;
    p.logEnd = logEnd;
    return p;
}

const ReconstructedPartition *partitionOf(const LagReconstruction &r, const TopicPartition &tp)
{
    for (const ReconstructedPartition &p : r.partitions)
        if (p.tp == tp)
            return &p;
    return nullptr;
}

} // namespace

class TestLagReconstruction : public QObject
{
    Q_OBJECT

private slots:
    void javaHashPlacesGroups()
    {
        QCOMPARE(commitlog::javaStringHash(QStringLiteral("hello")), 99162322);
        QCOMPARE(commitlog::javaStringHash(QString()), 0);
        // Integer.MIN_VALUE: Kafka's Utils.abs maps it to 0, not to a negative partition.
        QCOMPARE(commitlog::javaStringHash(QStringLiteral("polygenelubricants")), std::numeric_limits<qint32>::min());
        QCOMPARE(commitlog::offsetsPartitionFor(QStringLiteral("polygenelubricants"), 50), 0);
        // "console-consumer" hashes negative: abs, then modulo.
        const qint32 h = commitlog::javaStringHash(QStringLiteral("my-group-\u4e2d"));
        QCOMPARE(commitlog::offsetsPartitionFor(QStringLiteral("my-group-\u4e2d"), 50), int((quint32(h) & 0x7fffffffu) % 50));
    }

    void stepTimesAreAligned()
    {
        QCOMPARE(LagReconstructor::stepTimes(90'000, 250'000, kMin), QList<qint64>({120'000, 180'000, 240'000}));
        QVERIFY(LagReconstructor::stepTimes(5, 4, kMin).isEmpty());
    }

    // Committed(T) = the last commit at or before T, through a long gap without commits:
    // the lag keeps growing and the window then judges STOP (nobody owns it).
    void gapHoldsTheLastCommitAndStops()
    {
        const GroupCommitLog log = logOf({{kP0, 0, 0, 10}, {kP0, 30'000, 50, 11}, {kP0, 90'000, 100, 12}});
        LagReconstructor::Options o;
        o.windowSize = 5;
        const QList<qint64> times = LagReconstructor::stepTimes(0, 20 * kMin, kMin);
        const auto r = LagReconstructor::build(log, 0, 20 * kMin, o, {{kP0, marks(kP0, 0, 100'000)}}, {},
                                               steadyAnswers(times, {kP0}, 100, 100'000));
        const ReconstructedPartition *p = partitionOf(r, kP0);
        QVERIFY(p);
        QCOMPARE(p->points.size(), 21);
        QCOMPARE(p->points[0].committed, 0);
        QCOMPARE(p->points[1].committed, 50);  // at 60 s: the commit at 30 s
        QCOMPARE(p->points[2].committed, 100); // at 120 s: the commit at 90 s
        QCOMPARE(p->points[20].committed, 100);
        QCOMPARE(p->points[20].logEnd, 2001); // records 0..2000 have timestamps <= 20 min
        QCOMPARE(p->limit, ReachLimit::WholeRange);
        QCOMPARE(r.reachedMs, 0);
        QVERIFY(!r.statuses.isEmpty());
        QCOMPARE(r.statuses.last().status, HealthStatus::Stop);
        QVERIFY2(r.statuses.last().reason.contains(QStringLiteral("unchanged for 18 min 30 s")), qPrintable(r.statuses.last().reason));
        const QList<StatusSpan> spans = r.statusSpans();
        QCOMPARE(spans.last().status, HealthStatus::Stop);
        QCOMPARE(spans.last().toMs, 20 * kMin);
        // "STOP since": the first step whose window held only the unchanged offset.
        QCOMPARE(spans.last().fromMs, 6 * kMin);
    }

    // An offset moved back is seen at the step after it, and judged REWIND over the window.
    void rewindIsKept()
    {
        const GroupCommitLog log = logOf({{kP0, 0, 100, 1}, {kP0, kMin, 200, 2}, {kP0, 2 * kMin + 5000, 50, 3},
                                          {kP0, 3 * kMin, 60, 4}});
        LagReconstructor::Options o;
        o.windowSize = 3;
        const QList<qint64> times = LagReconstructor::stepTimes(0, 4 * kMin, kMin);
        const auto r = LagReconstructor::build(log, 0, 4 * kMin, o, {{kP0, marks(kP0, 0, 1000)}}, {},
                                               steadyAnswers(times, {kP0}, 100, 1000));
        const ReconstructedPartition *p = partitionOf(r, kP0);
        QCOMPARE(p->points[2].committed, 200);
        QCOMPARE(p->points[3].committed, 60);
        QCOMPARE(r.statuses[3].status, HealthStatus::Rewind);
        QVERIFY(r.statuses[3].reason.contains(QStringLiteral("moved back from 200 to 60")));
        const QList<PartitionOffset> then = r.committedAt(3 * kMin + 10'000);
        QCOMPARE(then.size(), 1);
        QCOMPARE(then.first().tp(), kP0);
        QCOMPARE(then.first().offset, 60);
    }

    // Compaction keeps only the newest record of what it cleaned: a partition's history starts
    // at its oldest surviving commit, and the reason says compaction when there were holes.
    void compactionHoleLimitsTheReach()
    {
        GroupCommitLog log = logOf({{kP0, 10 * kMin, 500, 400}, {kP0, 11 * kMin, 510, 401}, {kP1, 2 * kMin, 7, 300}});
        log.firstHoleAt = 350; // holes before partition 0's oldest commit, not before partition 1's
        const QList<qint64> times = LagReconstructor::stepTimes(0, 12 * kMin, kMin);
        const auto r = LagReconstructor::build(log, 0, 12 * kMin, {}, {{kP0, marks(kP0, 0, 9999)}, {kP1, marks(kP1, 0, 9999)}}, {},
                                               steadyAnswers(times, {kP0, kP1}, 60, 9999));
        QCOMPARE(partitionOf(r, kP0)->reachedMs, 10 * kMin);
        QCOMPARE(partitionOf(r, kP0)->limit, ReachLimit::Compaction);
        QCOMPARE(partitionOf(r, kP0)->points.size(), 3);
        QCOMPARE(partitionOf(r, kP1)->reachedMs, 2 * kMin);
        QCOMPARE(partitionOf(r, kP1)->limit, ReachLimit::FirstCommit);
        QCOMPARE(r.reachedMs, 2 * kMin);
        QCOMPARE(r.limit, ReachLimit::FirstCommit);
        QVERIFY(r.reachText().contains(reachLimitText(ReachLimit::FirstCommit)));
        // A commit log that is not Kafka's (the demo's) says the log starts there.
        GroupCommitLog synthetic = logOf({{kP0, 5 * kMin, 3, -1}});
        const auto s = LagReconstructor::build(synthetic, 0, 6 * kMin, {}, {{kP0, marks(kP0, 0, 9999)}}, {},
                                               steadyAnswers(times, {kP0}, 60, 9999));
        QCOMPARE(s.limit, ReachLimit::CommitLog);
    }

    // A tombstone (offset expired or deleted) ends the committed offset: "no commit" then.
    void tombstoneMeansNoCommit()
    {
        const GroupCommitLog log = logOf({{kP0, 0, 40, 1}, {kP0, 90'000, kNoOffset, 2}});
        const QList<qint64> times = LagReconstructor::stepTimes(0, 2 * kMin, kMin);
        const auto r = LagReconstructor::build(log, 0, 2 * kMin, {}, {{kP0, marks(kP0, 0, 500)}}, {},
                                               steadyAnswers(times, {kP0}, 60, 500));
        const ReconstructedPartition *p = partitionOf(r, kP0);
        QCOMPARE(p->points.size(), 3);
        QCOMPARE(p->points[1].committed, 40);
        QCOMPARE(p->points[2].committed, kNoOffset);
        QVERIFY(!p->points[2].lag());
    }

    // CreateTime stamps come from producer clocks: a log end from timestamps below the committed
    // offset is raised to it (and said), never a negative lag; log ends never move back. With
    // LogAppendTime the broker's own times place it, and -1 (no record after T) is the log end.
    void createTimeAndLogAppendTime()
    {
        const GroupCommitLog log = logOf({{kP0, 0, 100, 1}, {kP1, 0, 100, 2}});
        const QList<qint64> times = LagReconstructor::stepTimes(0, 3 * kMin, kMin);
        // Answers: 90 (below the commit), 150, 120 (a late-stamped record), -1.
        QList<QHash<TopicPartition, qint64>> answers;
        for (const qint64 a : {90, 150, 120, -1})
            answers.append({{kP0, a}, {kP1, a < 0 ? a : a + 20}});
        const auto r = LagReconstructor::build(log, 0, 3 * kMin, {}, {{kP0, marks(kP0, 0, 400)}, {kP1, marks(kP1, 0, 400)}},
                                               QSet<QString>{}, answers);
        const ReconstructedPartition *p = partitionOf(r, kP0);
        QCOMPARE(p->points[0].logEnd, 100); // raised to the committed offset
        QCOMPARE(p->points[1].logEnd, 150);
        QCOMPARE(p->points[2].logEnd, 150); // never back
        QCOMPARE(p->points[3].logEnd, 400); // nothing after T: the log end now
        QCOMPARE(p->logEndRaised, 1);
        QVERIFY(!p->logAppendTime);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.first().contains(QStringLiteral("orders/0")));

        // The same partition on a LogAppendTime topic: exact, nothing to raise.
        const auto la = LagReconstructor::build(logOf({{kP0, 0, 80, 1}}), 0, 3 * kMin, {}, {{kP0, marks(kP0, 0, 400)}},
                                                {QStringLiteral("orders")}, answers);
        QVERIFY(partitionOf(la, kP0)->logAppendTime);
        QCOMPARE(partitionOf(la, kP0)->points[0].logEnd, 90);
        QCOMPARE(partitionOf(la, kP0)->logEndRaised, 0);
        QVERIFY(la.warnings.isEmpty());
    }

    // Records up to T deleted by retention: the log end at T is unknown unless the committed
    // offset pins it; the reach then stops where the records begin.
    void retentionStopsTheReach()
    {
        const GroupCommitLog log = logOf({{kP0, 0, 10, 1}, {kP0, 3 * kMin, 600, 2}});
        const QList<qint64> times = LagReconstructor::stepTimes(0, 4 * kMin, kMin);
        QList<QHash<TopicPartition, qint64>> answers;
        for (const qint64 a : {500, 500, 520, 610, 700})
            answers.append({{kP0, a}});
        const auto r = LagReconstructor::build(log, 0, 4 * kMin, {}, {{kP0, marks(kP0, 500, 800)}}, {}, answers);
        const ReconstructedPartition *p = partitionOf(r, kP0);
        QCOMPARE(p->reachedMs, 2 * kMin);
        QCOMPARE(p->limit, ReachLimit::Retention);
        QCOMPARE(p->points.first().logEnd, 520);
    }

    // Who owned a partition then (group metadata) decides STALL against STOP, as live.
    void ownershipAtThatTime()
    {
        GroupCommitLog log = logOf({{kP0, 0, 5, 1}});
        GroupAssignment a;
        a.atMs = 0;
        a.owners.insert(kP0, QStringLiteral("member c-1 on /10.0.0.7"));
        log.assignments = {a, GroupAssignment{6 * kMin, {}}};
        LagReconstructor::Options o;
        o.windowSize = 3;
        const QList<qint64> times = LagReconstructor::stepTimes(0, 8 * kMin, kMin);
        const auto r = LagReconstructor::build(log, 0, 8 * kMin, o, {{kP0, marks(kP0, 0, 9999)}}, {},
                                               steadyAnswers(times, {kP0}, 60, 9999));
        QCOMPARE(r.statuses[5].status, HealthStatus::Stall);
        QVERIFY(r.statuses[5].reason.contains(QStringLiteral("member c-1 on /10.0.0.7")));
        QCOMPARE(r.statuses[7].status, HealthStatus::Stop);
    }

    // Reconstructed points go beside the sampled ones: a sample always stands, the chart and
    // the partition points say which is which, and a second reconstruction replaces the first.
    void historyKeepsSamplesAndFlagsReconstructed()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        const QString cluster = QStringLiteral("c");
        // Sampled every 60 s from minute 10 to minute 12 (at +5 s).
        for (int m = 10; m <= 12; ++m) {
            RawLagSample s;
            s.atMs = m * kMin + 5000;
            RawGroupSample g;
            g.groupId = QStringLiteral("g");
            g.partitions.append(rawSample(kP0, 1000 + m, 2000 + m));
            s.groups.append(g);
            QVERIFY(store.record(cluster, s).ok());
        }
        QCOMPARE(store.earliestSampleMs(cluster, QStringLiteral("g")), 10 * kMin + 5000);
        LagReconstruction r;
        r.group = QStringLiteral("g");
        r.fromMs = 0;
        r.toMs = 12 * kMin;
        r.stepMs = kMin;
        ReconstructedPartition p;
        p.tp = kP0;
        for (int m = 0; m <= 12; ++m)
            p.points.append({m * kMin, 100 + m, 300 + m});
        r.partitions.append(p);
        auto stored = store.recordReconstructed(cluster, r);
        QVERIFY(stored);
        QCOMPARE(stored.value(), 10); // minutes 10, 11, 12 have samples within half a step
        const QList<HistoryPoint> points = store.partitionPoints(cluster, QStringLiteral("g"), kP0, 0, 13 * kMin);
        QCOMPARE(points.size(), 13);
        for (int m = 0; m < 10; ++m) {
            QVERIFY(points[m].reconstructed);
            QCOMPARE(points[m].obs.committed, 100 + m);
        }
        for (int m = 10; m <= 12; ++m) {
            QVERIFY(!points[m].reconstructed);
            QCOMPARE(points[m].obs.committed, 1000 + m); // the samples, untouched
        }
        const GroupHistory chart = store.chart(cluster, QStringLiteral("g"), 0, 13 * kMin);
        QCOMPARE(chart.points.size(), 13);
        QVERIFY(chart.points.first().reconstructed);
        QVERIFY(!chart.points.last().reconstructed);
        QCOMPARE(chart.points.first().totalLag, 200);
        // The sampled history the live rules read is the samples only.
        QCOMPARE(store.recent(cluster, QStringLiteral("g"), kP0, 100).size(), 3);

        // Again over minutes 0..4 with other values: those are replaced, 5..9 stay.
        r.toMs = 4 * kMin;
        r.partitions[0].points.clear();
        for (int m = 0; m <= 4; ++m)
            r.partitions[0].points.append({m * kMin, 10 + m, 30 + m});
        QVERIFY(store.recordReconstructed(cluster, r));
        const QList<HistoryPoint> again = store.partitionPoints(cluster, QStringLiteral("g"), kP0, 0, 13 * kMin);
        QCOMPARE(again.size(), 13);
        QCOMPARE(again[0].obs.committed, 10);
        QCOMPARE(again[4].obs.committed, 14);
        QCOMPARE(again[5].obs.committed, 105);
    }

    // A database of schema 1 (no `reconstructed` table, user_version 0) opens as schema 2 with
    // every sample kept, and takes reconstructed points.
    void schemaOneIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        const QString cluster = QStringLiteral("c");
        {
            HistoryStore store(path);
            QVERIFY(store.open().ok());
            for (int i = 0; i < 200; ++i) {
                RawLagSample s;
                s.atMs = 1'700'000'000'000 + i * 10'000LL;
                RawGroupSample g;
                g.groupId = QStringLiteral("g");
                g.partitions.append(rawSample(kP0, 5 + i, 10 + 2 * i));
                s.groups.append(g);
                QVERIFY(store.record(cluster, s).ok());
            }
        }
        {
            // Back to schema 1, as the previous release wrote it.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DROP TABLE reconstructed")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=0")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
        HistoryStore store(path);
        QVERIFY(store.open().ok());
        {
            QSqlQuery q(QSqlDatabase::database(store.connectionName(), false));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
        }
        const auto all = store.partitionHistory(cluster, QStringLiteral("g"), kP0, 0, std::numeric_limits<qint64>::max() / 2);
        QCOMPARE(all.size(), 200);
        QCOMPARE(all.last().committed, 204);
        LagReconstruction r;
        r.group = QStringLiteral("g");
        r.fromMs = 1'600'000'000'000;
        r.toMs = 1'600'000'600'000;
        r.stepMs = kMin;
        ReconstructedPartition p;
        p.tp = kP0;
        p.points.append({1'600'000'000'000, 1, 2});
        r.partitions.append(p);
        QVERIFY(store.recordReconstructed(cluster, r));
        QCOMPARE(store.partitionPoints(cluster, QStringLiteral("g"), kP0, 0, std::numeric_limits<qint64>::max() / 2).size(), 201);
    }
};

QTEST_GUILESS_MAIN(TestLagReconstruction)
#include "tst_lagreconstruction.moc"
