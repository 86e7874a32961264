// The compressed chunk of a partition series: exact round trips, appends that resume.
#include "offsetchunk.h"

#include <QRandomGenerator>
#include <QTest>

using namespace kops;

namespace {

QList<OffsetPoint> roundTrip(const QList<OffsetPoint> &points)
{
    QList<OffsetPoint> out;
    if (!decodeOffsetChunk(OffsetChunkEncoder::encode(points), int(points.size()), &out))
        return {};
    return out;
}

bool same(const QList<OffsetPoint> &a, const QList<OffsetPoint> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].ts != b[i].ts || a[i].committed != b[i].committed || a[i].logEnd != b[i].logEnd)
            return false;
    return true;
}

} // namespace

class TestOffsetChunk : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsEverythingExactly()
    {
        QRandomGenerator rng(19);
        QList<OffsetPoint> points;
        qint64 ts = 1'700'000'000, c = 5'000'000'000LL, e = 5'000'000'100LL;
        for (int i = 0; i < 3000; ++i) {
            ts += 10 + int(rng.bounded(3)) - 1;
            e += rng.bounded(2000);
            if (i % 97 == 0)
                c = 0; // a reset to the start
            else if (i % 13 != 0)
                c = std::min(e, c + qint64(rng.bounded(2500)));
            OffsetPoint p{ts, c, e};
            if (i % 211 == 5)
                p.committed = kNoOffset; // no commit
            if (i % 307 == 7)
                p.logEnd = kNoOffset; // log end unreadable
            if (i == 1500)
                p.ts -= 40; // out of order: kept as written
            if (i == 2000)
                p.logEnd = std::numeric_limits<qint64>::max() - 1;
            points.append(p);
        }
        QVERIFY(same(roundTrip(points), points));
        QVERIFY(same(roundTrip({}), {}));
        QVERIFY(same(roundTrip({OffsetPoint{5, kNoOffset, kNoOffset}}), {OffsetPoint{5, kNoOffset, kNoOffset}}));
    }

    void appendsResumeFromTheStoredState()
    {
        QList<OffsetPoint> points;
        for (int i = 0; i < 500; ++i)
            points.append(OffsetPoint{1000 + i * 10, 100 + i * 7 + (i % 5), 200 + i * 9});
        QByteArray data;
        int count = 0;
        for (const OffsetPoint &p : points) {
            OffsetChunkEncoder next;
            if (count > 0)
                QVERIFY(OffsetChunkEncoder::resume(data, count, &next));
            next.append(p);
            data = next.data();
            count = next.count();
        }
        OffsetChunkEncoder whole; // one encoder appending every point: the same bytes
        for (const OffsetPoint &p : points)
            whole.append(p);
        QCOMPARE(data, whole.data());
        QList<OffsetPoint> back;
        QVERIFY(decodeOffsetChunk(data, 500, &back));
        QVERIFY(same(back, points));
        OffsetChunkEncoder broken;
        QVERIFY(!OffsetChunkEncoder::resume(data.left(data.size() / 2), count, &broken));
    }

    void steadySeriesCostAlmostNothing()
    {
        // A stopped consumer (committed fixed) on an idle partition, sampled every 10 s.
        QList<OffsetPoint> idle;
        for (int i = 0; i < 1000; ++i)
            idle.append(OffsetPoint{1'700'000'000 + i * 10, 42, 4242});
        const QByteArray data = OffsetChunkEncoder::encode(idle);
        qInfo("idle series: %lld bytes for 1000 points", qlonglong(data.size()));
        QVERIFY(data.size() < 1000 / 8 + 32); // a bit a point
    }

    void damagedChunkIsAnErrorNotACrash()
    {
        QList<OffsetPoint> points;
        for (int i = 0; i < 100; ++i)
            points.append(OffsetPoint{i, i * 1000, i * 2000});
        const QByteArray data = OffsetChunkEncoder::encode(points);
        QList<OffsetPoint> out;
        QVERIFY(!decodeOffsetChunk(data.left(data.size() / 2), 100, &out));
        QVERIFY(out.size() < 100);
        out.clear();
        QVERIFY(!decodeOffsetChunk(QByteArray("\x07garbage"), 10, &out));
    }
};

QTEST_GUILESS_MAIN(TestOffsetChunk)
#include "tst_offsetchunk.moc"
