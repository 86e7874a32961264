// Burrow-style health rules and thresholds, pure logic.
#include "healthevaluator.h"

#include <QTest>

using namespace kops;

namespace {

// Observations one minute apart: pairs of (committed, logEnd).
QList<OffsetObservation> window(const QList<QPair<qint64, qint64>> &points)
{
    QList<OffsetObservation> w;
    qint64 t = 1'700'000'000'000;
    for (const auto &p : points) {
        w.append({t, p.first, p.second});
        t += 60'000;
    }
    return w;
}

HealthEvaluator::Input input(const QList<QPair<qint64, qint64>> &points, bool active = true, int n = 5)
{
    HealthEvaluator::Input in;
    in.window = window(points);
    in.windowSize = n;
    in.ownedByActiveMember = active;
    return in;
}

} // namespace

class TestHealthEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void caughtUpIsOk()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 10}, {20, 20}, {30, 30}, {40, 40}, {50, 50}}));
        QCOMPARE(v.status, HealthStatus::Ok);
        QCOMPARE(v.reason, QStringLiteral("caught up"));
    }

    void zeroLagAnywhereInWindowIsOk()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 10}, {10, 20}, {10, 30}, {10, 40}, {10, 50}}));
        QCOMPARE(v.status, HealthStatus::Ok);
    }

    void stoppedConsumerWithoutMembersIsStop()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 20}, {10, 30}, {10, 40}, {10, 50}, {10, 4220}}, false));
        QCOMPARE(v.status, HealthStatus::Stop);
        // OffsetFetch shows the offset, not whether it was committed again: say what is known.
        QCOMPARE(v.reason, QStringLiteral("offset 10 unchanged for 4 min, lag 4,210, no member (commit times unknown: OffsetFetch)"));
    }

    void sameOffsetWithActiveMemberIsStall()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 20}, {10, 20}, {10, 25}, {10, 25}, {10, 30}}, true));
        QCOMPARE(v.status, HealthStatus::Stall);
        QCOMPARE(v.reason, QStringLiteral("offset 10 unchanged for 4 min, lag 20 while an active member owns the partition "
                                          "(commit times unknown: OffsetFetch)"));
    }

    // With commit times (commit stream): the duration is since the offset last changed, not
    // the window's length, and the two stuck cases are told apart by the commits themselves.
    void commitsOfTheSameOffsetKeepArrivingIsStall()
    {
        auto in = input({{10, 20}, {10, 30}, {10, 40}, {10, 50}, {10, 4220}}, false);
        const qint64 now = in.window.last().atMs;
        in.commitTimesKnown = true;
        in.lastCommitMs = now - 3'000;
        in.commitsOfOffset = 12;
        in.offsetSinceMs = in.window.first().atMs - 110'000; // 4 min window + 110 s = 5 min 50 s
        const auto v = HealthEvaluator::evaluate(in);
        QCOMPARE(v.status, HealthStatus::Stall);
        QCOMPARE(v.reason, QStringLiteral("offset 10 unchanged for 5 min 50 s, lag 4,210: commits keep arriving with the "
                                          "same offset (12 commits of it, last 3 s ago)"));
    }

    void memberAliveButNotCommittingIsStall()
    {
        auto in = input({{10, 20}, {10, 30}, {10, 40}, {10, 50}, {10, 4220}}, true);
        in.owner = QStringLiteral("member consumer-1 on /10.0.0.7");
        in.commitTimesKnown = true;
        in.lastCommitMs = in.window.first().atMs - 110'000;
        in.commitsOfOffset = 1;
        in.offsetSinceMs = in.lastCommitMs;
        const auto v = HealthEvaluator::evaluate(in);
        QCOMPARE(v.status, HealthStatus::Stall);
        QCOMPARE(v.reason, QStringLiteral("offset 10 unchanged for 5 min 50 s, lag 4,210, last commit 5 min 50 s ago: "
                                          "member consumer-1 on /10.0.0.7 owns the partition but commits nothing"));
    }

    void noCommitForLongerThanTheWindowAndNoMemberIsStop()
    {
        auto in = input({{10, 20}, {10, 30}, {10, 40}, {10, 50}, {10, 4220}}, false);
        in.commitTimesKnown = true;
        in.lastCommitMs = in.window.first().atMs - 110'000;
        in.commitsOfOffset = 1;
        in.offsetSinceMs = in.lastCommitMs;
        const auto v = HealthEvaluator::evaluate(in);
        QCOMPARE(v.status, HealthStatus::Stop);
        QCOMPARE(v.reason, QStringLiteral("offset 10 unchanged for 5 min 50 s, lag 4,210, last commit 5 min 50 s ago, no member"));
    }

    void commitsWithinTheWindowEvenWithoutAMemberAreNotStop()
    {
        // A standalone consumer (assign(), no group membership) re-committing its offset.
        auto in = input({{10, 20}, {10, 30}, {10, 40}, {10, 50}, {10, 60}}, false);
        in.commitTimesKnown = true;
        in.lastCommitMs = in.window.last().atMs - 65'000;
        in.commitsOfOffset = 5;
        const auto v = HealthEvaluator::evaluate(in);
        QCOMPARE(v.status, HealthStatus::Stall);
        QVERIFY(v.reason.contains(QLatin1String("commits keep arriving with the same offset (5 commits of it, last 1 min 5 s ago)")));
    }

    void lagGrowingAcrossWindowIsWarn()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 20}, {15, 30}, {20, 40}, {25, 50}, {30, 60}}));
        QCOMPARE(v.status, HealthStatus::Warn);
        QCOMPARE(v.reason, QStringLiteral("lag never decreased over 4 min and rose from 10 to 30 while the offset moves"));
    }

    void lagThatNeverDecreasedAndEndedHigherIsWarnEvenWithFlatSteps()
    {
        // The rule (README and code): WARN when the lag never decreased across the window and
        // ended higher; it need not grow at every step (10, 10, 15, 15, 20).
        const auto v = HealthEvaluator::evaluate(input({{10, 20}, {15, 25}, {20, 35}, {25, 40}, {30, 50}}));
        QCOMPARE(v.status, HealthStatus::Warn);
        QCOMPARE(v.reason, QStringLiteral("lag never decreased over 4 min and rose from 10 to 20 while the offset moves"));
    }

    void flatLagWhileMovingIsOk()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 20}, {15, 25}, {20, 30}, {25, 35}, {30, 40}}));
        QCOMPARE(v.status, HealthStatus::Ok);
    }

    void lagThatShrinksOnceIsOk()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 20}, {15, 30}, {28, 35}, {30, 50}, {35, 60}}));
        QCOMPARE(v.status, HealthStatus::Ok);
    }

    void backwardsCommitIsRewind()
    {
        const auto v = HealthEvaluator::evaluate(input({{100, 120}, {110, 130}, {20, 140}}));
        QCOMPARE(v.status, HealthStatus::Rewind);
        QVERIFY(v.reason.contains(QLatin1String("from 110 to 20")));
    }

    void partialWindowDoesNotStopOrWarn()
    {
        const auto v = HealthEvaluator::evaluate(input({{10, 20}, {10, 30}}, false));
        QCOMPARE(v.status, HealthStatus::Ok);
        QVERIFY(v.reason.contains(QLatin1String("evaluating")));
    }

    void noCommitIsNotZeroLag()
    {
        const auto v = HealthEvaluator::evaluate(input({{kNoOffset, 20}}));
        QCOMPARE(v.status, HealthStatus::Ok);
        QCOMPARE(v.reason, QStringLiteral("no commit"));
    }

    void truncationIsFlagged()
    {
        const auto v = HealthEvaluator::evaluate(input({{150, 100}}));
        QCOMPARE(v.status, HealthStatus::Warn);
        QVERIFY(v.reason.contains(QLatin1String("beyond the log end")));
    }

    void thresholdsRaiseErr()
    {
        auto in = input({{10, 20}, {20, 30}, {30, 2000}});
        in.maxLag = 1000;
        auto v = HealthEvaluator::evaluate(in);
        QCOMPARE(v.status, HealthStatus::Err);
        QCOMPARE(v.reason, QStringLiteral("lag 1,970 above the limit of 1,000"));

        auto t = input({{10, 20}});
        t.timeLagSeconds = 720;
        t.maxTimeLagSeconds = 300;
        v = HealthEvaluator::evaluate(t);
        QCOMPARE(v.status, HealthStatus::Err);
        QVERIFY(v.reason.contains(QLatin1String("12 min")));
        t.maxTimeLagSeconds = 900;
        QCOMPARE(HealthEvaluator::evaluate(t).status, HealthStatus::Ok);
    }

    void worstPartitionDecidesTheGroup()
    {
        PartitionLag a;
        a.topic = QStringLiteral("t");
        a.partition = 0;
        a.lag = 5;
        a.status = HealthStatus::Warn;
        a.reason = QStringLiteral("lag grew");
        PartitionLag b = a;
        b.partition = 1;
        b.status = HealthStatus::Stop;
        b.reason = QStringLiteral("no commit for 12 min, lag 4,210");
        PartitionLag c = a;
        c.partition = 2;
        c.status = HealthStatus::Ok;
        const auto v = HealthEvaluator::worst({a, b, c});
        QCOMPARE(v.status, HealthStatus::Stop);
        QCOMPARE(v.reason, QStringLiteral("t/1: no commit for 12 min, lag 4,210 (+1 more partitions not OK)"));
    }

    void durationsReadNaturally()
    {
        QCOMPARE(formatDuration(45), QStringLiteral("45 s"));
        QCOMPARE(formatDuration(720), QStringLiteral("12 min"));
        QCOMPARE(formatDuration(3 * 3600 + 300), QStringLiteral("3 h 5 min"));
        QCOMPARE(formatDuration(2 * 86400 + 4 * 3600), QStringLiteral("2 d 4 h"));
    }
};

QTEST_GUILESS_MAIN(TestHealthEvaluator)
#include "tst_healthevaluator.moc"
