// Lag history in SQLite: batched records, queries, restart, thinning and size per sample.
#include "historystore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;

RawLagSample sample(qint64 atMs, int partitions, qint64 committed, qint64 logEnd, const QString &group = QStringLiteral("g"))
{
    RawGroupSample g;
    g.groupId = group;
    for (int p = 0; p < partitions; ++p) {
        RawPartitionSample s;
        s.topic = QStringLiteral("orders");
        s.partition = p;
        s.committed = committed;
        s.logEnd = logEnd + p;
        g.partitions.append(s);
    }
    RawLagSample r;
    r.atMs = atMs;
    r.groups = {g};
    return r;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void unchangedSinceFindsWhenTheOffsetLastChanged()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        const qint64 committed[] = {100, 200, 100, 100, 100};
        for (int i = 0; i < 5; ++i)
            QVERIFY(store.record(QStringLiteral("prod"), sample(T0 + i * 60'000, 1, committed[i], 1000)).ok());
        const TopicPartition tp{QStringLiteral("orders"), 0};
        QCOMPARE(store.unchangedSince(QStringLiteral("prod"), QStringLiteral("g"), tp, 100).value_or(-1), T0 + 120'000);
        // an offset that is not the latest one has no trailing run
        QVERIFY(!store.unchangedSince(QStringLiteral("prod"), QStringLiteral("g"), tp, 200));
        QVERIFY(!store.unchangedSince(QStringLiteral("prod"), QStringLiteral("other"), tp, 100));
    }

    // Issue 15, 11: a reset and its undo were plotted as a consume-rate spike.
    void offsetResetsAreMarkedNotConsumed()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        const qint64 committed[] = {900, 950, 0, 0, 950, 1000};
        for (int i = 0; i < 6; ++i)
            QVERIFY(store.record(QStringLiteral("prod"), sample(T0 + i * 10'000, 2, committed[i], 1000)).ok());
        const auto points = store.groupHistory(QStringLiteral("prod"), QStringLiteral("g"), T0, T0 + 60'000);
        QCOMPARE(points.size(), 6);
        QList<bool> resets;
        QList<qint64> consumed;
        for (const GroupHistoryPoint &p : points) {
            resets << p.offsetReset;
            consumed << p.consumed;
        }
        QCOMPARE(resets, (QList<bool>{false, false, true, false, true, false}));
        QCOMPARE(consumed, (QList<qint64>{0, 100, 0, 0, 0, 100})); // two partitions
    }

    void recordsAndQueriesSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        {
            HistoryStore store(path);
            QVERIFY(store.open().ok());
            for (int i = 0; i < 5; ++i)
                QVERIFY(store.record(QStringLiteral("prod"), sample(T0 + i * 10'000, 3, 100 + i, 200 + 10 * i)).ok());
        }
        HistoryStore store(path); // a restart
        QVERIFY(store.open().ok());
        const auto recent = store.recent(QStringLiteral("prod"), QStringLiteral("g"), {QStringLiteral("orders"), 1}, 3);
        QCOMPARE(recent.size(), 3);
        QCOMPARE(recent.first().atMs, T0 + 20'000);
        QCOMPARE(recent.last().committed, 104);
        QCOMPARE(recent.last().logEnd, 241);

        const auto points = store.groupHistory(QStringLiteral("prod"), QStringLiteral("g"), T0, T0 + 60'000);
        QCOMPARE(points.size(), 5);
        QCOMPARE(points.first().totalLag, (200 - 100) + (201 - 100) + (202 - 100));
        QCOMPARE(store.partitionsOf(QStringLiteral("prod"), QStringLiteral("g")).size(), 3);
        QVERIFY(store.groupHistory(QStringLiteral("other"), QStringLiteral("g"), T0, T0 + 60'000).isEmpty());
        const auto topics = store.topicHistory(QStringLiteral("prod"), QStringLiteral("g"), T0, T0 + 60'000);
        QCOMPARE(topics.value(QStringLiteral("orders")).size(), 5);
        const auto partitions = store.partitionLagHistory(QStringLiteral("prod"), QStringLiteral("g"), T0, T0 + 60'000);
        QCOMPARE(partitions.size(), 3);
        QCOMPARE(partitions.value(QStringLiteral("orders/2")).last().second, (240 + 2) - 104);
    }

    void noCommitIsStoredAsNull()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        QVERIFY(store.record(QStringLiteral("c"), sample(T0, 1, kNoOffset, 50)).ok());
        const auto obs = store.recent(QStringLiteral("c"), QStringLiteral("g"), {QStringLiteral("orders"), 0}, 10);
        QCOMPARE(obs.size(), 1);
        QCOMPARE(obs.first().committed, kNoOffset);
    }

    void pruneThinsGraduallyAndExpires()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        const qint64 now = T0 + 10LL * 86400 * 1000;
        // One sample every 10 s over the last day, every 60 s before that, for one partition.
        for (qint64 t = T0; t <= now; t += (t < now - 86400'000 ? 60'000 : 10'000))
            QVERIFY(store.record(QStringLiteral("c"), sample(t, 1, 1, 2)).ok());
        const qint64 before = store.sampleRowCount();
        store.prune(now);
        const auto count = [&](qint64 fromMs, qint64 toMs) {
            return store.partitionHistory(QStringLiteral("c"), QStringLiteral("g"), {QStringLiteral("orders"), 0}, fromMs, toMs)
                .size();
        };
        QVERIFY(store.sampleRowCount() < before);
        QCOMPARE(count(now - 3600'000 + 1000, now), 360);                    // last hour untouched
        QVERIFY(qAbs(count(now - 24 * 3600'000, now - 23 * 3600'000) - 60) <= 1); // a minute apart
        QVERIFY(qAbs(count(now - 4 * 86400'000, now - 4 * 86400'000 + 3600'000) - 6) <= 1); // 10 minutes apart
        QVERIFY(count(now - 7 * 86400'000 + 1000, now - 6 * 86400'000) > 100);  // thinned, not dropped
        QCOMPARE(count(T0, now - 7 * 86400'000 - 1000), 0);                  // beyond retention
    }

    void aboutFortyBytesPerPartitionSample()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        for (int i = 0; i < 200; ++i)
            QVERIFY(store.record(QStringLiteral("c"), sample(T0 + i * 10'000, 200, 1'000'000 + i * 100, 1'000'500 + i * 120)).ok());
        const double perSample = double(store.fileSizeBytes()) / double(store.sampleRowCount());
        qInfo("%.1f bytes per partition-sample (file incl. WAL)", perSample);
        QVERIFY(perSample < 100.0);
    }

    void brokenPathIsAnError()
    {
        HistoryStore store(QStringLiteral("/proc/no/such/dir/h.sqlite"));
        QVERIFY(!store.open().ok());
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
