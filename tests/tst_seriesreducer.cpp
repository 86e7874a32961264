// Unit tests of the M4 pixel reduction behind the live charts.
#include "charts/seriesreducer.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace kops;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Series
{
    QVector<double> keys, values;
};

// A noisy random walk with one point per second, so every pixel column holds many points.
Series randomWalk(int count, quint32 seed = 42)
{
    QRandomGenerator rng(seed);
    Series s;
    s.keys.reserve(count);
    s.values.reserve(count);
    double v = 1000;
    for (int i = 0; i < count; ++i) {
        v += rng.bounded(200.0) - 100.0;
        s.keys.append(1.7e9 + i);
        s.values.append(v);
    }
    return s;
}

int columnOf(double key, double keyMin, double keyMax, int columns)
{
    return std::clamp(static_cast<int>((key - keyMin) * columns / (keyMax - keyMin)), 0, columns - 1);
}

bool containsPoint(const ReducedSeries &r, double key, double value)
{
    for (qsizetype i = 0; i < r.keys.size(); ++i) {
        if (r.keys[i] == key && (r.values[i] == value || (std::isnan(value) && std::isnan(r.values[i]))))
            return true;
    }
    return false;
}

} // namespace

class TestSeriesReducer : public QObject
{
    Q_OBJECT

private slots:
    void emptyInput()
    {
        const ReducedSeries r = reduceToPixels({}, {}, 0, 100, 100);
        QVERIFY(r.keys.isEmpty());
        QVERIFY(r.values.isEmpty());
        QVERIFY(reduceToPixels({}, {}, 0, 0, 0).keys.isEmpty());
    }

    void singlePoint()
    {
        const ReducedSeries r = reduceToPixels({5.0}, {7.0}, 0, 10, 100);
        QCOMPARE(r.keys, QVector<double>{5.0});
        QCOMPARE(r.values, QVector<double>{7.0});
    }

    void fewPointsAreReturnedUnchanged()
    {
        const Series s = randomWalk(399);
        const ReducedSeries r = reduceToPixels(s.keys, s.values, s.keys[100], s.keys[200], 100);
        QCOMPARE(r.keys, s.keys);
        QCOMPARE(r.values, s.values);
    }

    void mismatchedSizesUseTheShorter()
    {
        const ReducedSeries r = reduceToPixels({1, 2, 3}, {10, 20}, 0, 5, 10);
        QCOMPARE(r.keys.size(), 2);
        QCOMPARE(r.values.size(), 2);
    }

    void outputIsBoundedAndOrdered_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("fromIndex");
        QTest::addColumn<int>("toIndex");
        QTest::newRow("all, 1200 px") << 100000 << 1200 << 0 << 99999;
        QTest::newRow("middle, 300 px") << 100000 << 300 << 20000 << 60000;
        QTest::newRow("one column") << 10000 << 1 << 0 << 9999;
        QTest::newRow("range wider than data") << 50000 << 500 << -1000 << 60000;
        QTest::newRow("range left of data") << 50000 << 500 << -5000 << -1000;
        QTest::newRow("range right of data") << 50000 << 500 << 60000 << 70000;
    }

    void outputIsBoundedAndOrdered()
    {
        QFETCH(int, count);
        QFETCH(int, columns);
        QFETCH(int, fromIndex);
        QFETCH(int, toIndex);
        const Series s = randomWalk(count);
        const double keyMin = 1.7e9 + fromIndex;
        const double keyMax = 1.7e9 + toIndex;
        const ReducedSeries r = reduceToPixels(s.keys, s.values, keyMin, keyMax, columns);
        QCOMPARE(r.keys.size(), r.values.size());
        QVERIFY2(r.keys.size() <= 4 * columns + 2, qPrintable(QString::number(r.keys.size())));
        QVERIFY(std::is_sorted(r.keys.cbegin(), r.keys.cend()));
        QVERIFY(std::adjacent_find(r.keys.cbegin(), r.keys.cend()) == r.keys.cend()); // no duplicates
        // Every output point is an input point.
        for (qsizetype i = 0; i < r.keys.size(); ++i) {
            const auto idx = static_cast<qsizetype>(r.keys[i] - 1.7e9);
            QCOMPARE(r.values[i], s.values[idx]);
        }
    }

    void keepsFirstMinMaxLastOfEveryColumn()
    {
        const int columns = 250;
        const Series s = randomWalk(200000, 7);
        const double keyMin = s.keys[30000] + 0.5;
        const double keyMax = s.keys[170000] + 0.5;
        const ReducedSeries r = reduceToPixels(s.keys, s.values, keyMin, keyMax, columns);
        QVERIFY(r.keys.size() < 4 * columns + 3);

        struct Expected
        {
            qsizetype first = -1, last = -1, min = -1, max = -1;
        };
        QVector<Expected> expected(columns);
        for (qsizetype i = 0; i < s.keys.size(); ++i) {
            if (s.keys[i] < keyMin || s.keys[i] > keyMax)
                continue;
            Expected &e = expected[columnOf(s.keys[i], keyMin, keyMax, columns)];
            if (e.first < 0)
                e.first = e.min = e.max = i;
            e.last = i;
            if (s.values[i] < s.values[e.min])
                e.min = i;
            if (s.values[i] > s.values[e.max])
                e.max = i;
        }
        for (int c = 0; c < columns; ++c) {
            const Expected &e = expected[c];
            QVERIFY(e.first >= 0);
            for (qsizetype i : {e.first, e.min, e.max, e.last})
                QVERIFY2(containsPoint(r, s.keys[i], s.values[i]), qPrintable(QStringLiteral("column %1").arg(c)));
        }
        // Extremes over the whole visible range are therefore kept too (what y auto-scaling relies on).
        double visibleMax = -1e300;
        for (qsizetype i = 30001; i <= 170000; ++i)
            visibleMax = std::max(visibleMax, s.values[i]);
        QCOMPARE(*std::max_element(r.values.cbegin() + 1, r.values.cend() - 1), visibleMax);
    }

    void keepsOneNeighbourOnEachSide()
    {
        const Series s = randomWalk(100000);
        const double keyMin = s.keys[1000] - 0.5; // first inside: index 1000, left neighbour 999
        const double keyMax = s.keys[9000] + 0.5; // last inside: 9000, right neighbour 9001
        const ReducedSeries r = reduceToPixels(s.keys, s.values, keyMin, keyMax, 100);
        QCOMPARE(r.keys.first(), s.keys[999]);
        QCOMPARE(r.values.first(), s.values[999]);
        QCOMPARE(r.keys[1], s.keys[1000]);
        QCOMPARE(r.keys.last(), s.keys[9001]);
        QCOMPARE(r.values.last(), s.values[9001]);
        QCOMPARE(r.keys[r.keys.size() - 2], s.keys[9000]);
    }

    void noNeighbourBeyondTheData()
    {
        const Series s = randomWalk(10000);
        const ReducedSeries r = reduceToPixels(s.keys, s.values, s.keys.first() - 100, s.keys.last() + 100, 100);
        QCOMPARE(r.keys.first(), s.keys.first());
        QCOMPARE(r.keys.last(), s.keys.last());
    }

    void keyOnRangeBoundaryIsInside()
    {
        const Series s = randomWalk(10000);
        const ReducedSeries r = reduceToPixels(s.keys, s.values, s.keys[2000], s.keys[8000], 100);
        QCOMPARE(r.keys.first(), s.keys[1999]);
        QCOMPARE(r.keys[1], s.keys[2000]);
        QCOMPARE(r.keys.last(), s.keys[8001]);
        QCOMPARE(r.keys[r.keys.size() - 2], s.keys[8000]);
    }

    void nanGapsSurvive()
    {
        Series s = randomWalk(100000);
        // A long gap spanning many columns, and a single missing sample inside a dense column.
        for (int i = 40000; i < 50000; ++i)
            s.values[i] = kNaN;
        s.values[70000] = kNaN;
        const int columns = 200;
        const ReducedSeries r = reduceToPixels(s.keys, s.values, s.keys.first(), s.keys.last(), columns);
        QVERIFY(r.keys.size() <= 4 * columns + 2);
        QVERIFY(std::is_sorted(r.keys.cbegin(), r.keys.cend()));

        // The long gap: NaN points separate the last value before and the first value after it.
        QVERIFY(containsPoint(r, s.keys[39999], s.values[39999]));
        QVERIFY(containsPoint(r, s.keys[50000], s.values[50000]));
        QVERIFY(containsPoint(r, s.keys[40000], kNaN));
        for (qsizetype i = 0; i < r.keys.size(); ++i) {
            if (r.keys[i] >= s.keys[40000] && r.keys[i] < s.keys[50000])
                QVERIFY(std::isnan(r.values[i]));
        }
        // The single missing sample still breaks the line.
        QVERIFY(containsPoint(r, s.keys[70000], kNaN));
        const auto at = std::find(r.keys.cbegin(), r.keys.cend(), s.keys[70000]) - r.keys.cbegin();
        QVERIFY(at > 0 && at < r.keys.size() - 1);
        QVERIFY(!std::isnan(r.values[at - 1]));
        QVERIFY(!std::isnan(r.values[at + 1]));
    }

    void allNanStaysNan()
    {
        const QVector<double> keys = randomWalk(5000).keys;
        const QVector<double> values(keys.size(), kNaN);
        const ReducedSeries r = reduceToPixels(keys, values, keys.first(), keys.last(), 50);
        QVERIFY(!r.keys.isEmpty());
        QVERIFY(r.keys.size() <= 50 + 2);
        for (double v : r.values)
            QVERIFY(std::isnan(v));
    }

    void keysAllEqual()
    {
        QVector<double> keys(1000, 1.7e9);
        QVector<double> values;
        for (int i = 0; i < 1000; ++i)
            values.append((i * 37) % 101);
        for (auto range : {std::pair{1.7e9, 1.7e9}, std::pair{1.7e9 - 10, 1.7e9 + 10}}) {
            const ReducedSeries r = reduceToPixels(keys, values, range.first, range.second, 100);
            QVERIFY(r.keys.size() <= 4);
            QCOMPARE(r.values.first(), values.first());
            QCOMPARE(r.values.last(), values.last());
            QVERIFY(r.values.contains(0.0));
            QVERIFY(r.values.contains(100.0));
        }
    }

    void zeroColumnsMeansOne()
    {
        const Series s = randomWalk(1000);
        const ReducedSeries r = reduceToPixels(s.keys, s.values, s.keys.first(), s.keys.last(), 0);
        QVERIFY(r.keys.size() <= 4);
        QCOMPARE(r.keys.first(), s.keys.first());
        QCOMPARE(r.keys.last(), s.keys.last());
    }
};

QTEST_APPLESS_MAIN(TestSeriesReducer)
#include "tst_seriesreducer.moc"
