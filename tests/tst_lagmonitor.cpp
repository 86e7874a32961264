// LagMonitor: raw samples to lag, time lag, rates, drain and health over time.
#include "lagmonitor.h"

#include <QTest>

#include <cmath>

using namespace kops;

namespace {

RawLagSample sampleAt(qint64 atMs, qint64 committed, qint64 logEnd, bool member = false, qint64 logStart = 0)
{
    RawPartitionSample p;
    p.topic = QStringLiteral("orders");
    p.partition = 0;
    p.committed = committed;
    p.logStart = logStart;
    p.logEnd = logEnd;
    if (member) {
        p.memberId = QStringLiteral("m-1");
        p.host = QStringLiteral("/10.0.0.1");
    }
    RawGroupSample g;
    g.groupId = QStringLiteral("billing");
    g.state = member ? QStringLiteral("Stable") : QStringLiteral("Empty");
    g.memberCount = member ? 1 : 0;
    g.partitions = {p};
    RawLagSample s;
    s.atMs = atMs;
    s.groups = {g};
    return s;
}

constexpr qint64 T0 = 1'700'000'000'000;

} // namespace

class TestLagMonitor : public QObject
{
    Q_OBJECT

private slots:
    // Memory per partition is bounded: a day of samples every 10 s keeps memoryLength
    // observations, the health window as sampled, older ones thinned but reaching back to the
    // first, and the moment the committed offset last changed.
    void observationsAreBoundedAndStillReachBack()
    {
        LagMonitor::Options o;
        o.windowSize = 10;
        o.memoryLength = 60;
        LagMonitor monitor(o);
        ObservationSeries h;
        const qint64 stoppedAt = T0 + 3600'000; // committed offset stops moving after an hour
        for (qint64 t = T0; t < T0 + 86400'000; t += 10'000) {
            const qint64 committed = std::min(t, stoppedAt) / 1000;
            h.push_back(OffsetObservation{t, committed, t / 1000 + 500});
            monitor.bound(h);
            QVERIFY(h.size() <= 60);
        }
        QCOMPARE(h.size(), size_t(60));
        QCOMPARE(h.front().atMs, T0); // reaches back as far
        for (size_t i = h.size() - 11; i + 1 < h.size(); ++i)
            QCOMPARE(h[i + 1].atMs - h[i].atMs, qint64(10'000)); // the window as sampled
        // The first observation at the stopped offset is kept: "unchanged since" stays exact.
        const auto firstStopped = std::find_if(h.cbegin(), h.cend(), [](const OffsetObservation &x) {
            return x.committed == stoppedAt / 1000;
        });
        QVERIFY(firstStopped != h.cend());
        QCOMPARE(firstStopped->atMs, stoppedAt);
        // An estimate for an old offset is within the gap around it.
        const std::optional<double> age = LagMonitor::estimateTimeLag(h, (T0 + 7200'000) / 1000 + 500, T0 + 86400'000);
        QVERIFY(age);
        QVERIFY2(std::abs(*age - (86400.0 - 7200.0)) < 3600.0, qPrintable(QString::number(*age)));
    }

    // Memory of a console open for days: a group that is gone leaves nothing behind.
    void forgottenGroupsLeaveNothingBehind()
    {
        LagMonitor monitor;
        const TopicPartition tp{QStringLiteral("orders"), 0};
        for (int i = 0; i < 5; ++i)
            monitor.ingest(sampleAt(T0 + i * 10'000, 100 + i, 200));
        QVERIFY(monitor.hasObservations(QStringLiteral("billing"), tp));
        monitor.forgetGroups({QStringLiteral("other")});
        QVERIFY(monitor.hasObservations(QStringLiteral("billing"), tp));
        monitor.forgetGroups({QStringLiteral("billing")});
        QVERIFY(!monitor.hasObservations(QStringLiteral("billing"), tp));
        // Seen again, it starts afresh: one observation, no trend yet.
        const LagSnapshot snap = monitor.ingest(sampleAt(T0 + 60'000, 110, 200));
        QCOMPARE(snap.groups.first().trend.size(), 1);
    }

    // The console keeps each round's snapshot (table, detail) while the next round is taken, so a
    // group's sparkline is shared when the next point is added. It must still hold only its last
    // points: with append + removeFirst, Qt kept the freed front space through every detach and
    // the block grew by a point a round, ~100 MB over 10,000 groups in two hours.
    void sharedTrendStaysItsLengthInMemory()
    {
        LagMonitor::Options o;
        o.trendLength = 30;
        LagMonitor monitor(o);
        LagSnapshot held;
        for (int i = 0; i < 1000; ++i) {
            held = monitor.ingest(sampleAt(T0 + i * 10'000, 100 + i, 200 + 2 * i));
            const QVector<double> &trend = held.groups.first().trend;
            QCOMPARE(trend.size(), std::min(i + 1, 30));
            QVERIFY2(trend.capacity() <= 64, qPrintable(QStringLiteral("round %1: capacity %2").arg(i).arg(trend.capacity())));
        }
        const QVector<double> &trend = held.groups.first().trend;
        QCOMPARE(trend.first(), double(200 + 2 * 970 - (100 + 970))); // the last 30 points, oldest first
        QCOMPARE(trend.last(), double(200 + 2 * 999 - (100 + 999)));
    }

    void durationIsSinceTheOffsetLastChangedNotTheWindowLength()
    {
        // Window of 3 samples a minute apart; the offset stopped 6 minutes ago.
        LagMonitor::Options o;
        o.windowSize = 3;
        LagMonitor monitor(o);
        monitor.ingest(sampleAt(T0, 90, 100));
        LagSnapshot snap;
        for (int i = 1; i <= 6; ++i)
            snap = monitor.ingest(sampleAt(T0 + i * 60'000, 100, 100 + i * 10));
        const PartitionLag &p = snap.groups.first().partitions.first();
        QCOMPARE(p.status, HealthStatus::Stop);
        QCOMPARE(p.offsetUnchangedSeconds.value_or(-1), 300.0);
        QVERIFY2(p.reason.startsWith(QLatin1String("offset 100 unchanged for 5 min, lag 60")), qPrintable(p.reason));
        QVERIFY(!p.lastCommitAgeSeconds); // OffsetFetch: unknown, never made up
    }

    void durationSpansRestartsThroughTheHistoryLookup()
    {
        // A restarted monitor holds only the window; the stored history knows more.
        LagMonitor::Options o;
        o.windowSize = 3;
        LagMonitor monitor(o);
        int lookups = 0;
        monitor.setSinceLookup([&](const QString &g, const TopicPartition &tp, qint64 committed) -> std::optional<qint64> {
            ++lookups;
            if (g == QLatin1String("billing") && tp.partition == 0 && committed == 100)
                return T0 - 290'000;
            return std::nullopt;
        });
        monitor.seed(QStringLiteral("billing"), {QStringLiteral("orders"), 0},
                     {{T0 - 60'000, 100, 150}, {T0, 100, 160}});
        const LagSnapshot snap = monitor.ingest(sampleAt(T0 + 60'000, 100, 170));
        const PartitionLag &p = snap.groups.first().partitions.first();
        QCOMPARE(p.offsetUnchangedSeconds.value_or(-1), 350.0);
        QVERIFY2(p.reason.startsWith(QLatin1String("offset 100 unchanged for 5 min 50 s, lag 70")), qPrintable(p.reason));
        monitor.ingest(sampleAt(T0 + 120'000, 100, 180));
        QCOMPARE(lookups, 1); // asked once, then remembered
    }

    void commitTimesFromTheStreamGiveTheLastCommitAge()
    {
        LagMonitor::Options o;
        o.windowSize = 3;
        LagMonitor monitor(o);
        LagSnapshot snap;
        for (int i = 0; i < 3; ++i) {
            RawLagSample s = sampleAt(T0 + i * 60'000, 100, 150 + i * 10, true);
            s.groups[0].fromCommitStream = true;
            s.groups[0].partitions[0].clientId = QStringLiteral("consumer-1");
            s.groups[0].partitions[0].lastCommitMs = T0 - 230'000;
            s.groups[0].partitions[0].offsetSinceMs = T0 - 230'000;
            s.groups[0].partitions[0].commitsOfOffset = 1;
            snap = monitor.ingest(s);
        }
        const GroupLag &g = snap.groups.first();
        QCOMPARE(g.offsetSource, QStringLiteral("commit stream"));
        QCOMPARE(g.lastCommitAgeSeconds.value_or(-1), 350.0);
        QCOMPARE(g.status, HealthStatus::Stall);
        QCOMPARE(g.partitions.first().reason,
                 QStringLiteral("offset 100 unchanged for 5 min 50 s, lag 70, last commit 5 min 50 s ago: "
                                "member consumer-1 on /10.0.0.1 owns the partition but commits nothing"));
    }

    void stoppedConsumerLagKeepsGrowingAndTurnsStop()
    {
        LagMonitor monitor({5, 30, 360, {}});
        qint64 lastLag = -1;
        HealthStatus status = HealthStatus::Ok;
        for (int i = 0; i < 6; ++i) {
            const LagSnapshot snap = monitor.ingest(sampleAt(T0 + i * 10'000, 100, 100 + 50 * (i + 1)));
            const GroupLag &g = snap.groups.first();
            QVERIFY(g.totalLag > lastLag); // recomputed against the log end, no commit needed
            lastLag = g.totalLag;
            status = g.status;
        }
        QCOMPARE(status, HealthStatus::Stop);
        QCOMPARE(lastLag, 300);
    }

    void sameOffsetWithMemberTurnsStall()
    {
        LagMonitor monitor({5, 30, 360, {}});
        LagSnapshot snap;
        for (int i = 0; i < 5; ++i)
            snap = monitor.ingest(sampleAt(T0 + i * 10'000, 100, 150, true));
        QCOMPARE(snap.groups.first().status, HealthStatus::Stall);
        QCOMPARE(snap.groups.first().partitions.first().host, QStringLiteral("/10.0.0.1"));
    }

    void resetBackwardsShowsRewind()
    {
        LagMonitor monitor({5, 30, 360, {}});
        monitor.ingest(sampleAt(T0, 500, 500));
        const LagSnapshot snap = monitor.ingest(sampleAt(T0 + 10'000, 100, 500));
        QCOMPARE(snap.groups.first().status, HealthStatus::Rewind);
        QCOMPARE(snap.groups.first().totalLag, 400);
    }

    void noCommitIsNotZero()
    {
        LagMonitor monitor;
        const LagSnapshot snap = monitor.ingest(sampleAt(T0, kNoOffset, 100, true));
        const PartitionLag &p = snap.groups.first().partitions.first();
        QVERIFY(!p.committed.has_value());
        QVERIFY(!p.lag.has_value());
        QCOMPARE(snap.groups.first().totalLag, 0);
        QCOMPARE(p.reason, QStringLiteral("no commit"));
    }

    void truncationIsNegativeAndRetentionLossCounted()
    {
        LagMonitor monitor;
        LagSnapshot snap = monitor.ingest(sampleAt(T0, 120, 100));
        QCOMPARE(snap.groups.first().partitions.first().lag.value(), -20);
        QVERIFY(snap.groups.first().partitions.first().truncated);

        LagMonitor other;
        snap = other.ingest(sampleAt(T0, 10, 100, false, 40));
        const PartitionLag &p = snap.groups.first().partitions.first();
        QCOMPARE(p.lostToRetention, 30);
        QVERIFY(p.reason.contains(QLatin1String("30 messages lost to retention")));
    }

    void timeLagFromTheRecordTimestamp()
    {
        LagMonitor monitor;
        RawLagSample s = sampleAt(T0, 100, 150);
        s.groups[0].partitions[0].committedRecordTimestampMs = T0 - 42'500;
        const LagSnapshot snap = monitor.ingest(s);
        const PartitionLag &p = snap.groups.first().partitions.first();
        QCOMPARE(p.timeLagSeconds.value(), 42.5);
        QVERIFY(!p.timeLagEstimated);
        QCOMPARE(snap.groups.first().maxTimeLagSeconds.value(), 42.5);
    }

    void timeLagEstimatedFromHistoryWhenUnreadable()
    {
        LagMonitor monitor;
        monitor.ingest(sampleAt(T0, 100, 100));           // log end at 100
        monitor.ingest(sampleAt(T0 + 60'000, 100, 130));  // record 100 appeared in between
        const LagSnapshot snap = monitor.ingest(sampleAt(T0 + 120'000, 100, 160));
        const PartitionLag &p = snap.groups.first().partitions.first();
        QVERIFY(p.timeLagEstimated);
        QCOMPARE(p.timeLagSeconds.value(), 90.0); // produced around T0+30s, now T0+120s
    }

    void zeroLagMeansZeroTimeLag()
    {
        LagMonitor monitor;
        const LagSnapshot snap = monitor.ingest(sampleAt(T0, 100, 100));
        QCOMPARE(snap.groups.first().partitions.first().timeLagSeconds.value(), 0.0);
    }

    void ratesAndDrainTime()
    {
        LagMonitor monitor({10, 30, 360, {}});
        monitor.ingest(sampleAt(T0, 0, 1000));
        LagSnapshot snap = monitor.ingest(sampleAt(T0 + 10'000, 200, 1100)); // +100 produced, +200 consumed in 10 s
        const GroupLag &g = snap.groups.first();
        QCOMPARE(g.produceRate, 10.0);
        QCOMPARE(g.consumeRate, 20.0);
        QCOMPARE(g.totalLag, 900);
        QCOMPARE(g.drainSeconds.value(), 90.0);
        QVERIFY(!g.growing);

        // One step where producers were ahead is not a trend: never "growing" from it.
        LagMonitor slow({10, 30, 360, {}});
        slow.ingest(sampleAt(T0, 0, 1000));
        snap = slow.ingest(sampleAt(T0 + 10'000, 50, 1100));
        QVERIFY(!snap.groups.first().growing);
        // Sustained: lag 1000, 1050, 1300, 1450, 1600 over 40 s, fitted over the window.
        for (int i = 2; i <= 4; ++i)
            snap = slow.ingest(sampleAt(T0 + i * 10'000, 50 * i, 1000 + 200 * i));
        QVERIFY2(snap.groups.first().growing, qPrintable(QString::number(snap.groups.first().totalLag)));
        QCOMPARE(snap.groups.first().drainText(), QStringLiteral("growing"));
    }

    // Issue 15, 11: a healthy group at lag 6 showed a red "growing" after one noisy step.
    void tinyNoisyLagIsNotGrowing()
    {
        LagMonitor monitor({10, 30, 360, {}});
        const qint64 lags[] = {0, 3, 1, 4, 0, 2, 5, 1, 2, 6};
        qint64 end = 10'000;
        LagSnapshot snap;
        for (int i = 0; i < 10; ++i) {
            end += 50; // 5 msgs/s produced and consumed
            snap = monitor.ingest(sampleAt(T0 + i * 10'000, end - lags[i], end, true));
        }
        const GroupLag &g = snap.groups.first();
        QCOMPARE(g.totalLag, 6);
        QVERIFY(!g.growing);
        QVERIFY2(g.drainText() != QLatin1String("growing") && g.drainText() != QLatin1String("not draining"),
                 qPrintable(g.drainText()));
        QVERIFY(g.drainSeconds.value() < 5);
    }

    void drainTimeFollowsTheTrend()
    {
        LagMonitor monitor({10, 30, 360, {}});
        LagSnapshot snap;
        // Lag falls 100 per 10 s from 5000, with +-40 of noise around the line.
        for (int i = 0; i < 10; ++i) {
            const qint64 lag = 5000 - 100 * i + (i % 2 ? 40 : -40);
            snap = monitor.ingest(sampleAt(T0 + i * 10'000, 100'000 + 200 * i, 100'000 + 200 * i + lag, true));
        }
        const GroupLag &g = snap.groups.first();
        QVERIFY(!g.growing);
        // 4140 left at 10 msgs/s.
        QVERIFY2(std::abs(g.drainSeconds.value() - 414.0) < 25.0, qPrintable(QString::number(*g.drainSeconds)));
    }

    // Issue 15, 11: resetting a group's offsets and undoing it was taken for consumption.
    void offsetResetIsNotConsumption()
    {
        const QList<OffsetObservation> steps{{T0, 900, 1000},          {T0 + 10'000, 950, 1000},
                                             {T0 + 20'000, 0, 1000},    {T0 + 30'000, 0, 1000},
                                             {T0 + 40'000, 950, 1000},  {T0 + 50'000, 1000, 1000}};
        QCOMPARE(LagMonitor::resetSteps(steps), (QVector<bool>{false, false, true, false, true, false}));

        LagMonitor monitor({10, 30, 360, {}});
        LagSnapshot snap;
        for (const OffsetObservation &o : steps)
            snap = monitor.ingest(sampleAt(o.atMs, o.committed, o.logEnd));
        const PartitionLag &p = snap.groups.first().partitions.first();
        QVERIFY(p.resetInWindow);
        QCOMPARE(p.consumeRate, 2.0); // 100 consumed in 50 s; the reset and undo are not consumption
        QVERIFY(!snap.groups.first().growing);
    }

    void mostSpecificThresholdWins()
    {
        LagMonitor monitor({5, 30, 360,
                            {LagThreshold{{}, {}, 10'000, std::nullopt},
                             LagThreshold{QStringLiteral("billing"), {}, 100, std::nullopt},
                             LagThreshold{QStringLiteral("billing"), QStringLiteral("orders"), 1000, std::nullopt}}});
        QCOMPARE(monitor.thresholdFor(QStringLiteral("billing"), QStringLiteral("orders")).maxLag.value(), 1000);
        QCOMPARE(monitor.thresholdFor(QStringLiteral("billing"), QStringLiteral("x")).maxLag.value(), 100);
        QCOMPARE(monitor.thresholdFor(QStringLiteral("other"), QStringLiteral("orders")).maxLag.value(), 10'000);
        const LagSnapshot snap = monitor.ingest(sampleAt(T0, 0, 1500));
        QCOMPARE(snap.groups.first().status, HealthStatus::Err);
    }

    void seedRestoresTheWindowAfterRestart()
    {
        LagMonitor monitor({5, 30, 360, {}});
        QList<OffsetObservation> past;
        for (int i = 0; i < 4; ++i)
            past.append({T0 + i * 10'000, 100, 150 + i});
        monitor.seed(QStringLiteral("billing"), {QStringLiteral("orders"), 0}, past);
        const LagSnapshot snap = monitor.ingest(sampleAt(T0 + 40'000, 100, 160));
        QCOMPARE(snap.groups.first().status, HealthStatus::Stop);
    }
};

QTEST_GUILESS_MAIN(TestLagMonitor)
#include "tst_lagmonitor.moc"
