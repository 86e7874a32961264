// Lag history in SQLite: batched records, queries, restart, thinning, size per sample,
// migration of the earlier format and the disk budget.
#include "historystore.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QFileInfo>
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

    void steadySeriesCostUnderTwoBytesPerPartitionSample()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        QRandomGenerator rng(7);
        // 200 partitions consumed at ~10 msg/s with noise, 600 samples (past a chunk seal).
        QList<qint64> committed(200, 1'000'000), logEnd(200, 1'000'500);
        for (int i = 0; i < 600; ++i) {
            RawLagSample r = sample(T0 + i * 10'000, 0, 0, 0);
            for (int p = 0; p < 200; ++p) {
                logEnd[p] += 90 + rng.bounded(21);
                committed[p] = logEnd[p] - 20 - rng.bounded(40);
                RawPartitionSample s;
                s.topic = QStringLiteral("orders");
                s.partition = p;
                s.committed = committed[p];
                s.logEnd = logEnd[p];
                r.groups[0].partitions.append(s);
            }
            QVERIFY(store.record(QStringLiteral("c"), r).ok());
        }
        QCOMPARE(store.prune(T0 + 600 * 10'000), 0); // merges the chunks of past hours, drops nothing
        QCOMPARE(store.sampleRowCount(), 200 * 600);
        const HistoryUsage u = store.usage(QStringLiteral("c"));
        QCOMPARE(u.series, 200);
        QCOMPARE(u.samples, 200 * 600);
        qInfo("%.2f bytes per partition-sample (connection share), file %lld bytes", u.bytesPerSample(),
              qlonglong(store.fileSizeBytes()));
        QVERIFY(u.bytesPerSample() < 2.0);
        QVERIFY(double(store.fileSizeBytes()) / double(u.samples) < 3.0); // with SQLite's page overhead
        // Every sample comes back exactly, across the sealed chunks and the open one.
        const auto all = store.partitionHistory(QStringLiteral("c"), QStringLiteral("g"), {QStringLiteral("orders"), 199},
                                                T0, T0 + 6000'000);
        QCOMPARE(all.size(), 600);
        QCOMPARE(all.last().logEnd, logEnd[199]);
        QCOMPARE(all.last().committed, committed[199]);
        QCOMPARE(store.groupsInLastSample(QStringLiteral("c")), QStringList{QStringLiteral("g")});
    }

    // A history database of the earlier format (one row per sample) keeps every sample.
    void migratesTheEarlierFormatWithoutLosingSamples()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        int rows = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE series(id INTEGER PRIMARY KEY, cluster TEXT NOT NULL, "
                                          "grp TEXT NOT NULL, topic TEXT NOT NULL, part INTEGER NOT NULL, "
                                          "UNIQUE(cluster, grp, topic, part))")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE samples(sid INTEGER NOT NULL, ts INTEGER NOT NULL, "
                                          "committed INTEGER, log_end INTEGER, PRIMARY KEY(sid, ts)) WITHOUT ROWID")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO series VALUES(1,'prod','g','orders',0),(2,'prod','g','orders',1),"
                                          "(3,'test','h','t',0)")));
            db.transaction();
            q.prepare(QStringLiteral("INSERT INTO samples VALUES(?,?,?,?)"));
            for (int sid = 1; sid <= 3; ++sid)
                for (int i = 0; i < 5000; ++i) {
                    q.addBindValue(sid);
                    q.addBindValue(T0 / 1000 + (i < 4000 ? i * 60 : 4000 * 60 + (i - 4000) * 10));
                    q.addBindValue(i % 100 == 3 ? QVariant() : QVariant(qint64(i) * 50 + sid));
                    q.addBindValue(i % 333 == 4 ? QVariant() : QVariant(qint64(i) * 60 + 100));
                    QVERIFY(q.exec());
                    ++rows;
                }
            QVERIFY(db.commit());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        const qint64 before = QFileInfo(path).size();
        HistoryStore store(path);
        QVERIFY(store.open().ok());
        QCOMPARE(store.sampleRowCount(), rows);
        const auto obs = store.partitionHistory(QStringLiteral("prod"), QStringLiteral("g"), {QStringLiteral("orders"), 1},
                                                0, std::numeric_limits<qint64>::max() / 2);
        QCOMPARE(obs.size(), 5000);
        for (int i = 0; i < 5000; ++i) {
            QCOMPARE(obs[i].atMs, (T0 / 1000 + (i < 4000 ? i * 60 : 4000 * 60 + (i - 4000) * 10)) * 1000);
            QCOMPARE(obs[i].committed, i % 100 == 3 ? kNoOffset : qint64(i) * 50 + 2);
            QCOMPARE(obs[i].logEnd, i % 333 == 4 ? kNoOffset : qint64(i) * 60 + 100);
        }
        QCOMPARE(store.partitionsOf(QStringLiteral("test"), QStringLiteral("h")).size(), 1);
        const qint64 after = store.fileSizeBytes();
        qInfo("migrated %d samples: %lld bytes before, %lld after", rows, qlonglong(before), qlonglong(after));
        QVERIFY(after < before / 4);
        // Recording goes on in the new format, and a second open does not migrate again.
        QVERIFY(store.record(QStringLiteral("prod"), sample(T0 + 90'000'000, 2, 5, 6)).ok());
        HistoryStore again(path);
        QVERIFY(again.open().ok());
        QCOMPARE(again.sampleRowCount(), rows + 2);
    }

    // Thinning keeps, per bucket, the lowest and highest lag and the last sample.
    void aSpikeSurvivesThinningAndTheWeekChart()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        const qint64 now = T0 + 7LL * 86400 * 1000;
        // One sample every 10 s for 7 days; one of them, 4 days old, with a lag spike.
        const qint64 spikeIndex = (3LL * 86400 + 12'340) / 10;
        qint64 produced = 1'000'000;
        qint64 index = 0;
        for (qint64 t = T0 + 1000; t <= now; t += 10'000, ++index) {
            produced += 100;
            const qint64 lag = index == spikeIndex ? 90'000 : 50;
            QVERIFY(store.record(QStringLiteral("c"), sample(t, 1, produced - lag, produced)).ok());
        }
        const qint64 before = store.sampleRowCount();
        QVERIFY(store.prune(now) > 0);
        QVERIFY(store.sampleRowCount() < before / 3);
        const GroupHistory week = store.chart(QStringLiteral("c"), QStringLiteral("g"), now - 7 * 86400'000, now);
        QVERIFY(week.points.size() <= 3 * HistoryStore::kChartPoints);
        qint64 highest = 0;
        for (const GroupHistoryPoint &p : week.points)
            highest = std::max(highest, p.totalLag);
        QCOMPARE(highest, 90'000);
        qint64 highestPartition = 0;
        for (const auto &p : week.byPartition.value(QStringLiteral("orders/0")))
            highestPartition = std::max(highestPartition, p.second);
        QCOMPARE(highestPartition, 90'000);
        // Rates drawn from the chart's counters stay near 10 msg/s, spike points included.
        for (qsizetype i = 1; i < week.points.size(); ++i) {
            const double dt = double(week.points[i].atMs - week.points[i - 1].atMs) / 1000.0;
            if (dt > 0)
                QVERIFY2(double(week.points[i].sumLogEnd - week.points[i - 1].sumLogEnd) / dt < 20.0,
                         qPrintable(QString::number(i)));
        }
    }

    // Recording leaves no statement open: the checkpoint (every minute while sampling) folds the
    // log in and cuts it to nothing.
    void checkpointAfterRecordCutsTheLog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        HistoryStore store(path);
        QVERIFY(store.open().ok());
        qint64 e = 0;
        for (int i = 0; i < 300; ++i) {
            e += 1000;
            QVERIFY(store.record(QStringLiteral("c"), sample(T0 + i * 10'000, 20, e / 2, e)).ok());
        }
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
        store.fileSizeBytes(); // checkpoints first
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
    }

    void diskBudgetDropsTheOldestDataFirst()
    {
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        QRandomGenerator rng(3);
        qint64 e = 0;
        for (int i = 0; i < 3000; ++i) {
            e += rng.bounded(5000);
            QVERIFY(store.record(QStringLiteral("big"), sample(T0 + i * 10'000, 20, e / 2, e)).ok());
            QVERIFY(store.record(QStringLiteral("other"), sample(T0 + i * 10'000, 2, e / 2, e)).ok());
        }
        const HistoryUsage big = store.usage(QStringLiteral("big"));
        const HistoryUsage other = store.usage(QStringLiteral("other"));
        const qint64 budget = big.bytes / 2;
        const QString path = dir.filePath(QStringLiteral("h.sqlite"));
        const qint64 fileBefore = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        QVERIFY(store.enforceBudget(QStringLiteral("big"), budget) > 0);
        const HistoryUsage after = store.usage(QStringLiteral("big"));
        QVERIFY(after.bytes <= budget);
        // The freed pages go back to the file system and the log is folded in and cut (an
        // incremental_vacuum stepped once freed one page and blocked that checkpoint).
        QCOMPARE(QFileInfo(path + QStringLiteral("-wal")).size(), 0);
        QVERIFY2(QFileInfo(path).size() < fileBefore * 3 / 4,
                 qPrintable(QStringLiteral("%1 -> %2 bytes").arg(fileBefore).arg(QFileInfo(path).size())));
        QVERIFY(after.oldestMs > big.oldestMs);              // the oldest went
        QCOMPARE(after.newestMs, big.newestMs);              // the newest stayed
        QCOMPARE(store.usage(QStringLiteral("other")).samples, other.samples); // another connection's history untouched
        QCOMPARE(store.enforceBudget(QStringLiteral("big"), budget), 0);       // within budget: nothing to do
    }

    void retentionTheBudgetBuys()
    {
        const HistoryStore::Retention r;
        // Little history: the whole retention.
        QCOMPARE(HistoryStore::retentionFor(500LL << 20, 100, 2.0, 10, r), r.keepSecs);
        // 50,000 series at 10 s: 6 h cost 50,000 * 2160 * 2 B = 216 MB; 500 MB reaches beyond.
        const qint64 reach = HistoryStore::retentionFor(500LL << 20, 50'000, 2.0, 10, r);
        QVERIFY(reach > r.fullResolutionSecs);
        QVERIFY(reach < r.keepSecs);
        // A tiny budget reaches part of the full-resolution window.
        QVERIFY(HistoryStore::retentionFor(10LL << 20, 50'000, 2.0, 10, r) < r.fullResolutionSecs);
    }

    void brokenPathIsAnError()
    {
        HistoryStore store(QStringLiteral("/proc/no/such/dir/h.sqlite"));
        QVERIFY(!store.open().ok());
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
