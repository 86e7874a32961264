// The throughput lab's statistics: latency histogram quantiles, rates, the 90 % recommendation,
// settings parsing and the producer properties the lab sets.
#include "perflab.h"
#include "perfstats.h"

#include <QJsonArray>
#include <QTest>

using namespace kops;

class TestPerfStats : public QObject
{
    Q_OBJECT
private slots:
    void bucketsRoundTripWithinTwoPercent()
    {
        for (qint64 v : {0LL, 1LL, 127LL, 128LL, 129LL, 1000LL, 65'537LL, 1'000'000LL, 3'600'000'000LL}) {
            const double back = LatencyHistogram::valueOf(LatencyHistogram::bucketOf(v));
            QVERIFY2(std::abs(back - double(v)) <= std::max(1.0, double(v) * 0.016), qPrintable(QString::number(v)));
        }
        QVERIFY(LatencyHistogram::bucketOf(std::numeric_limits<qint64>::max()) < LatencyHistogram::kBuckets);
    }

    void quantilesOfKnownSamples()
    {
        LatencyHistogram h;
        QVERIFY(!h.quantile(0.5));
        for (int i = 1; i <= 1000; ++i)
            h.add(i * 1000); // 1 ms .. 1 s
        QCOMPARE(h.count(), 1000);
        QVERIFY(std::abs(*h.quantile(0.5) - 500'000) <= 500'000 * 0.016);
        QVERIFY(std::abs(*h.quantile(0.99) - 990'000) <= 990'000 * 0.016);
        QVERIFY(*h.quantile(1.0) <= 1'000'000);
        QVERIFY(*h.quantile(0.0) >= 990); // nearest rank 1: the smallest sample
    }

    void mergeAddsCounts()
    {
        LatencyHistogram a, b;
        for (int i = 0; i < 99; ++i)
            a.add(100);
        b.add(1'000'000);
        a.merge(b);
        QCOMPARE(a.count(), 100);
        QVERIFY(*a.quantile(0.99) < 200);
        QVERIFY(*a.quantile(1.0) > 900'000);
    }

    void ratesFromCountsAndTimes()
    {
        PerfPoint p;
        p.records = 200'000;
        p.bytes = 200'000 * 100;
        p.produceSeconds = 2.0;
        p.consumed = 200'000;
        p.consumeSeconds = 4.0;
        LatencyHistogram ack, e2e;
        ack.add(2000);
        finishPoint(p, ack, e2e);
        QCOMPARE(p.produceRecordsPerSecond, 100'000.0);
        QVERIFY(std::abs(p.produceMBPerSecond - 9.5367) < 0.001);
        QCOMPARE(p.consumeRecordsPerSecond, 50'000.0);
        QVERIFY(p.ackP50Ms && std::abs(*p.ackP50Ms - 2.0) < 0.05);
        QVERIFY(!p.endToEndP99Ms);
    }

    void smallestCountReachingNinetyPercent()
    {
        auto point = [](int n, double rate) {
            PerfPoint p;
            p.partitions = n;
            p.produceRecordsPerSecond = rate;
            return p;
        };
        QList<PerfPoint> points{point(1, 40'000), point(2, 70'000), point(4, 95'000), point(8, 100'000), point(16, 98'000)};
        QCOMPARE(bestPoint(points), 3);
        QCOMPARE(points.at(smallestReaching(points, 0.9)).partitions, 4);
        points[2].produceRecordsPerSecond = 89'000;
        QCOMPARE(points.at(smallestReaching(points, 0.9)).partitions, 8);
        QCOMPARE(smallestReaching({}, 0.9), -1);
        QCOMPARE(smallestReaching({point(1, 0)}, 0.9), -1);
        PerfReport r;
        r.points = points;
        QVERIFY(r.verdict().startsWith(QStringLiteral("8 partition")));
        QCOMPARE(r.toJson().value(QStringLiteral("recommendedPartitions")).toInt(), 8);
        QCOMPARE(r.toCsv().count(QLatin1Char('\n')), 6);
    }

    void parsesPartitionLists()
    {
        QCOMPARE(PerfSettings::parsePartitions(QStringLiteral("1, 2,4,8")).value(), (QList<int>{1, 2, 4, 8}));
        QVERIFY(!PerfSettings::parsePartitions(QStringLiteral("1,x")));
        QVERIFY(!PerfSettings::parsePartitions(QStringLiteral("0")));
        QVERIFY(!PerfSettings::parsePartitions(QString()));
    }

    void producerPropertiesFromSettingsAndProfile()
    {
        PerfSettings s;
        s.acks = QStringLiteral("all");
        s.idempotence = true;
        s.compression = QStringLiteral("lz4");
        s.batchSize = 65536;
        auto props = s.producerProperties();
        auto value = [&](const char *k) {
            for (const auto &[key, v] : props)
                if (key == QLatin1String(k))
                    return v;
            return QString();
        };
        QCOMPARE(value("acks"), QStringLiteral("-1"));
        QCOMPARE(value("enable.idempotence"), QStringLiteral("true"));
        QCOMPARE(value("compression.type"), QStringLiteral("lz4"));
        QCOMPARE(value("batch.size"), QStringLiteral("65536"));
        QCOMPARE(value("linger.ms"), QStringLiteral("5"));

        PerfSettings p;
        p.profileSettings = {{QStringLiteral("acks"), QStringLiteral("1")},
                             {QStringLiteral("delivery.timeout.ms"), QStringLiteral("60000")},
                             {QStringLiteral("buffer.memory"), QStringLiteral("33554432")}};
        p.acks.clear();
        p.lingerMs = -1;
        QStringList ignored;
        props = p.producerProperties(&ignored);
        QCOMPARE(value("acks"), QStringLiteral("1"));
        QCOMPARE(value("message.timeout.ms"), QStringLiteral("60000"));
        QCOMPARE(ignored, QStringList{QStringLiteral("buffer.memory")});
    }

    void sizeEstimate()
    {
        PerfSettings s;
        QCOMPARE(s.estimatedBytes(), 6LL * 200'000 * 100);
        s.records = 2'000'000;
        s.recordSize = 1000;
        QVERIFY(s.estimatedBytes() > PerfSettings::kConfirmBytes);
    }
};

QTEST_GUILESS_MAIN(TestPerfStats)
#include "tst_perfstats.moc"
