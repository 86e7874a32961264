// Pure parts of the tools: partition mapping, consume rates, proposals, tier choice.
#include "delayqueue.h"
#include "delaytiers.h"
#include "drainplanner.h"

#include <QTest>

using namespace kops;

class TestDrainPlanner : public QObject
{
    Q_OBJECT

private slots:
    void murmur2MatchesKafka()
    {
        // org.apache.kafka.common.utils.UtilsTest.testMurmur2
        QCOMPARE(kafkaMurmur2("21"), -973932308);
        QCOMPARE(kafkaMurmur2("foobar"), -790332482);
        QCOMPARE(kafkaMurmur2("a-little-bit-long-string"), -985981536);
        QCOMPARE(kafkaMurmur2("a-little-bit-longer-string"), -1486304829);
        QCOMPARE(kafkaMurmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"), -58897971);
        QCOMPARE(kafkaMurmur2("abc"), 479470107);
    }

    void targetPartition()
    {
        // Same key, same partition whatever the source partition.
        const int a = drainTargetPartition(QByteArrayView("order-17"), 0, 24);
        QCOMPARE(drainTargetPartition(QByteArrayView("order-17"), 5, 24), a);
        QVERIFY(a >= 0 && a < 24);
        // Java: toPositive(murmur2) % n
        QCOMPARE(drainTargetPartition(QByteArrayView("21"), 0, 10), int((-973932308 & 0x7fffffff) % 10));
        // Null keys: the source partition's own target partition.
        QCOMPARE(drainTargetPartition(std::nullopt, 3, 24), 3);
        QCOMPARE(drainTargetPartition(std::nullopt, 30, 24), 6);
        // Keys spread over the partitions.
        QSet<int> used;
        for (int i = 0; i < 2000; ++i)
            used.insert(drainTargetPartition(QByteArray("k") + QByteArray::number(i), 0, 24));
        QCOMPARE(int(used.size()), 24);
    }

    void consumeRate()
    {
        QVERIFY(!consumeRateFrom({}).has_value());
        QVERIFY(!consumeRateFrom({{0, 5}}).has_value());
        // 10 records/s for 30 minutes.
        QList<QPair<qint64, qint64>> steady;
        for (int i = 0; i <= 30; ++i)
            steady.append({i * 60'000LL, i * 600LL});
        QCOMPARE(*consumeRateFrom(steady), 10.0);
        // Stopped for the last 20 minutes: the rate it had when it ran.
        QList<QPair<qint64, qint64>> stopped = steady;
        for (int i = 31; i <= 50; ++i)
            stopped.append({i * 60'000LL, 30 * 600LL});
        QCOMPARE(*consumeRateFrom(stopped), 10.0);
        // Never consumed: 0, not unknown.
        QCOMPARE(*consumeRateFrom({{0, 5}, {3'600'000, 5}}), 0.0);
        // An offset reset backwards is not a rate.
        QCOMPARE(*consumeRateFrom({{0, 5000}, {1'000'000, 10}}), 0.0);
    }

    void proposal()
    {
        // 1.2 M records, 100/s per consumer, 10 minutes: 20 partitions.
        QCOMPARE(proposePartitionCount(1'200'000, 100, 600, 6), 20);
        // Never narrower than the source.
        QCOMPARE(proposePartitionCount(1000, 100, 600, 12), 12);
        QCOMPARE(proposePartitionCount(0, 100, 600, 12), 12);
        // Capped.
        QCOMPARE(proposePartitionCount(1'000'000'000, 1, 60, 6, 500), 500);
        // Rounds up.
        QCOMPARE(proposePartitionCount(60'001, 100, 600, 1), 2);
    }

    void durations()
    {
        QCOMPARE(parseDelayDuration(QStringLiteral("90s")).value(), 90'000);
        QCOMPARE(parseDelayDuration(QStringLiteral("1h30m")).value(), 5'400'000);
        QCOMPARE(parseDelayDuration(QStringLiteral("500ms")).value(), 500);
        QCOMPARE(parseDelayDuration(QStringLiteral("2d")).value(), 172'800'000);
        QVERIFY(!parseDelayDuration(QStringLiteral("5 minutes")).ok());
        QVERIFY(!parseDelayDuration(QStringLiteral("")).ok());
        QCOMPARE(formatDelay(5'400'000), QStringLiteral("1h30m"));
        QCOMPARE(formatDelay(250), QStringLiteral("250ms"));
    }

    void tiers()
    {
        const auto tiers = defaultDelayTiers();
        QCOMPARE(tiers.size(), 10);
        QCOMPARE(delayTierTopic(QStringLiteral("P"), tiers.first()), QStringLiteral("P_1s"));
        QCOMPARE(delayTierTopic(QStringLiteral("P"), tiers.last()), QStringLiteral("P_2h"));
        auto parsed = parseDelayTiers(QStringLiteral("1m,5s,1s,5s"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), 3);
        QCOMPARE(parsed.value().first().name, QStringLiteral("1s"));
        QCOMPARE(parsed.value().last().ms, 60'000);
        QVERIFY(!parseDelayTiers(QStringLiteral("1s,soon")).ok());
    }

    void tierChoice()
    {
        const auto tiers = defaultDelayTiers();
        auto nameFor = [&](qint64 ms) { return tiers.at(chooseDelayTier(tiers, ms)).name; };
        QCOMPARE(nameFor(90'000), QStringLiteral("1m"));  // the largest not longer than 90 s
        QCOMPARE(nameFor(60'000), QStringLiteral("1m"));
        QCOMPARE(nameFor(59'999), QStringLiteral("30s"));
        QCOMPARE(nameFor(3 * 86'400'000LL), QStringLiteral("2h")); // days: cascades down from 2h
        QCOMPARE(nameFor(400), QStringLiteral("1s"));     // shorter than every tier: the shortest
        QCOMPARE(nameFor(-5), QStringLiteral("1s"));      // already due
        // A record leaves its tier when the tier's time is up, or at its due time if sooner.
        QCOMPARE(delayReadyAt(tiers.at(4), 1000, 500'000), 61'000);
        QCOMPARE(delayReadyAt(tiers.at(0), 1000, 1400), 1400);
    }

    void percentiles()
    {
        QList<qint64> v;
        for (int i = 100; i >= 1; --i)
            v.append(i);
        QCOMPARE(percentileOf(v, 50), 50);
        QCOMPARE(percentileOf(v, 99), 99);
        QCOMPARE(percentileOf(v, 100), 100);
        QList<qint64> empty;
        QCOMPARE(percentileOf(empty, 99), 0);
    }
};

QTEST_GUILESS_MAIN(TestDrainPlanner)
#include "tst_drainplanner.moc"
