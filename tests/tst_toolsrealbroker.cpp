// The tools on a real broker (KOPS_TEST_BOOTSTRAP): a drain of 100,000 records from two topics with the
// kafka-ops process killed (SIGKILL) in the middle, a drain whose aborts do not finish (producer
// restarts), and delays of 1 s .. 2 min through the tiers with the router killed and restarted;
// every record arrives once, never early.
#include "delayqueue.h"
#include "drainplanner.h"
#include "drainservice.h"
#include "rdkafkaclusterapi.h"
#include "realbrokercleanup.h"
#include "relayjournal.h"
#include "relaytestutil.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace kops;
using namespace kops::test;

class TestToolsRealBroker : public QObject
{
    Q_OBJECT

    QString m_bootstrap;
    QTemporaryDir m_home;
    BrokerCleanup m_cleanup; ///< every topic and group made here, deleted at the end

    QList<QPair<QString, QString>> props() const { return {{QStringLiteral("bootstrap.servers"), m_bootstrap}}; }

    QProcess *cli(const QStringList &args)
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path()); // the relay journal goes here
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::SeparateChannels);
        p->start(qEnvironmentVariable("KOPS_CLI"), QStringList{args.first(), QStringLiteral("--bootstrap"), m_bootstrap} + args.mid(1));
        return p;
    }

    qint64 endSum(RdKafkaClusterApi &api, const QString &topic, int partitions)
    {
        QList<TopicPartition> tps;
        for (int p = 0; p < partitions; ++p)
            tps.append({topic, p});
        auto w = api.watermarks(tps);
        qint64 sum = 0;
        if (w)
            for (const auto &m : w.value())
                sum += m.high;
        return sum;
    }

    /// Creates `topic` with `partitions` partitions and waits until the broker lists them all.
    static bool createAndWait(RdKafkaClusterApi &api, const QString &topic, int partitions)
    {
        if (!api.createTopic({topic, partitions, 1, {}}).ok())
            return false;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000) {
            auto m = api.topicMetadata({topic});
            if (m.ok() && m.value().topics.value(0).partitions.size() == partitions)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        m_bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (m_bootstrap.isEmpty())
            QSKIP("KOPS_TEST_BOOTSTRAP is not set (host:port of a Kafka broker)");
        QVERIFY(!qEnvironmentVariable("KOPS_CLI").isEmpty());
        m_cleanup.setBootstrap(m_bootstrap);
    }

    void cleanupTestCase()
    {
        QString error;
        QVERIFY2(m_cleanup.run(&error), qPrintable(error));
    }

    void drainWithKillNine()
    {
        const QString id = QString::number(QRandomGenerator::global()->generate() % 1000000);
        const QString src = m_cleanup.topic(QStringLiteral("12-drain-src-") + id);
        const QString src2 = m_cleanup.topic(QStringLiteral("12-drain-srcb-") + id); // a second topic of the group
        const QString dst = m_cleanup.topic(QStringLiteral("12-drain-dst-") + id);
        const QString group = m_cleanup.group(QStringLiteral("12-drain-group-") + id);
        m_cleanup.group(QStringLiteral("relay-test-reader"));
        m_cleanup.group(group + QStringLiteral(".kops-reconcile"));
        RdKafkaClusterApi api(props());
        QVERIFY(createAndWait(api, src, 4));
        QVERIFY(createAndWait(api, src2, 4));
        produceKeyed(props(), src, 60000);
        produceKeyed(props(), src2, 40000);
        QCOMPARE(endSum(api, src, 4), 60000);
        QCOMPARE(endSum(api, src2, 4), 40000);

        // Both topics in one drain (--topic twice).
        const QStringList args{QStringLiteral("drain"), QStringLiteral("--group"), group, QStringLiteral("--topic"), src,
                               QStringLiteral("--topic"), src2,
                               QStringLiteral("--to"), dst, QStringLiteral("--partitions"), QStringLiteral("12"),
                               QStringLiteral("--create"), QStringLiteral("--execute")};
        // First run: killed with SIGKILL once part of the backlog is in the target.
        QProcess *first = cli(args);
        QVERIFY(first->waitForStarted());
        bool partly = false;
        for (int i = 0; i < 600 && !partly && first->state() == QProcess::Running; ++i) {
            QTest::qWait(50);
            const qint64 n = api.topicMetadata({dst}).ok() && !api.topicMetadata({dst}).value().topics.value(0).partitions.isEmpty()
                                 ? endSum(api, dst, 12)
                                 : 0;
            partly = n > 20000;
        }
        QVERIFY2(partly, qPrintable(QString::fromUtf8(first->readAllStandardError())));
        first->kill();
        first->waitForFinished();
        const qint64 atKill = endSum(api, dst, 12);
        QVERIFY2(atKill < 100000 + 12 * 2, "killed before the end"); // markers count as offsets too

        QProcess *second = cli(args);
        QVERIFY(second->waitForFinished(180000));
        QVERIFY2(second->exitCode() == 0, qPrintable(QString::fromUtf8(second->readAllStandardError())));
        const QString out = QString::fromUtf8(second->readAllStandardOutput());
        QVERIFY2(out.contains(group + QStringLiteral("-drained")), qPrintable(out)); // what to run next

        const auto records = readCommitted(props(), dst, 12);
        const auto seen = originCounts(records, QStringLiteral("kops-drained-from"));
        int dups = 0;
        for (int c : seen)
            dups += c > 1 ? c - 1 : 0;
        QCOMPARE(dups, 0);
        QCOMPARE(int(seen.size()), 100000);
        QCOMPARE(int(records.size()), 100000);
        auto committed = api.committedOffsetsFor(group, {{src, 0}, {src, 1}, {src, 2}, {src, 3}, {src2, 0}, {src2, 1}, {src2, 2}, {src2, 3}});
        QVERIFY(committed.ok());
        qint64 sum = 0;
        for (const auto &o : committed.value())
            sum += o.offset;
        QCOMPARE(sum, 100000);
    }

    // Every third transaction fails after its records were acknowledged, and its abort "does
    // not finish": the relay starts a new producer with the same transactional id. On a real
    // broker that fences the old producer and the coordinator aborts its open transaction, so
    // read_committed never shows those records: each of the 20,000 once, the group at the end.
    void drainWhoseAbortsDoNotFinish()
    {
        const QString id = QString::number(QRandomGenerator::global()->generate() % 1000000);
        const QString src = m_cleanup.topic(QStringLiteral("12-stuck-src-") + id);
        const QString dst = m_cleanup.topic(QStringLiteral("12-stuck-dst-") + id);
        const QString group = m_cleanup.group(QStringLiteral("12-stuck-group-") + id);
        m_cleanup.group(QStringLiteral("relay-test-reader"));
        m_cleanup.group(group + QStringLiteral(".kops-reconcile"));
        RdKafkaClusterApi api(props());
        QVERIFY(createAndWait(api, src, 4));
        QVERIFY(createAndWait(api, dst, 6));
        produceKeyed(props(), src, 20000);
        QCOMPARE(endSum(api, src, 4), 20000);

        TransactionalRelay::Options o;
        QVERIFY(drainRelayOptions(api, props(), group, src, 4, 1500, 20000, &o));
        QTemporaryDir dir;
        RelayJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
        DrainRouter router(dst, 6);
        TransactionalRelay relay(o, router, journal);
        QSet<int> failed;
        relay.failAfterProduceForTest = [&](int txn) {
            if (txn % 3 != 0)
                return false;
            failed.insert(txn);
            return true;
        };
        relay.abortTimesOutForTest = [](int) { return true; };
        auto done = relay.run();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QVERIFY(!failed.isEmpty());
        QCOMPARE(done.value().producerRestarts, qint64(failed.size()));
        QCOMPARE(done.value().remaining, 0);

        const auto records = readCommitted(props(), dst, 6);
        const auto seen = originCounts(records, QStringLiteral("kops-drained-from"));
        int dups = 0;
        for (int c : seen)
            dups += c > 1 ? c - 1 : 0;
        QCOMPARE(dups, 0);
        QCOMPARE(int(seen.size()), 20000);
        QCOMPARE(int(records.size()), 20000);
        auto committed = api.committedOffsetsFor(group, {{src, 0}, {src, 1}, {src, 2}, {src, 3}});
        QVERIFY(committed.ok());
        qint64 sum = 0;
        for (const auto &c : committed.value())
            sum += c.offset;
        QCOMPARE(sum, 20000);
        // The aborted transactions' records are in the log (and their abort markers), unseen.
        QVERIFY(endSum(api, dst, 6) > 20000 + qint64(failed.size()));
    }

    // A record due in 4 s waits in the router's memory while the 50 due sooner behind it in its
    // tier partition go out and commit; the router stops there as a kill would (no commit, no
    // abort) and a new one takes over: each record once, the first one last, none early.
    void delayRouterKilledWhileARecordWaitsInMemory()
    {
        const QString id = QString::number(QRandomGenerator::global()->generate() % 1000000);
        const QString prefix = QStringLiteral("12-mem-") + id;
        const QString target = m_cleanup.topic(QStringLiteral("12-mem-out-") + id);
        const QList<DelayTier> tiers{{QStringLiteral("5s"), 5000}, {QStringLiteral("10s"), 10000}};
        DelayQueue queue(prefix, tiers);
        for (const QString &t : queue.tierTopics())
            m_cleanup.topic(t);
        m_cleanup.group(queue.routerGroup());
        m_cleanup.group(queue.routerGroup() + QStringLiteral(".kops-reconcile"));
        m_cleanup.group(QStringLiteral("relay-test-reader"));
        RdKafkaClusterApi api(props());
        QVERIFY(createAndWait(api, target, 1));
        QVERIFY(queue.create(api, 1).ok());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<DelayedRecord> records = oneDueLastAheadOfFifty(target, now);
        auto sent = queue.send(api, records);
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().toString()));
        QCOMPARE(sent.value().first().offset, 0);

        QTemporaryDir dir;
        {
            RelayJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
            TransactionalRelay::Control control;
            std::atomic<bool> committedAll{false};
            auto r = queue.run(
                api, journal, QStringLiteral("real"), &control,
                [&](const RelayProgress &p) { committedAll = committedAll || p.produced >= 50; }, {},
                [&](TransactionalRelay &relay) { relay.killAfterProduceForTest = [&](int) { return committedAll.load(); }; });
            QVERIFY(!r.ok());
        }
        auto firstRun = readCommitted(props(), target, 1);
        QCOMPARE(int(firstRun.size()), 50);
        for (const ReadBack &r : firstRun)
            QVERIFY2(r.value != "0", "the record due last is still waiting");
        auto committed = api.committedOffsetsFor(queue.routerGroup(), {{queue.tierTopics().first(), 0}});
        QVERIFY(committed.ok());
        QVERIFY2(committed.value().isEmpty() || committed.value().first().offset <= 0,
                 "the tier's committed offset does not pass the record still waiting");

        const auto got = routeAfterRestart(queue, props(), dir.filePath(QStringLiteral("j.sqlite")), QStringLiteral("real"),
                                           target, 1, 51, {60, 500, 2000});
        QSet<QByteArray> values;
        for (const ReadBack &r : got) {
            values.insert(r.value);
            QVERIFY2(r.timestampMs >= records.at(r.value.toInt()).dueMs, "forwarded at or after its due time");
        }
        QCOMPARE(int(values.size()), 51);
        QCOMPARE(int(got.size()), 51);
        QCOMPARE(got.last().value, QByteArray("0"));
    }

    void delaysThroughTiersWithRestart()
    {
        const QString id = QString::number(QRandomGenerator::global()->generate() % 1000000);
        const QString prefix = QStringLiteral("12-delay-") + id;
        const QString target = m_cleanup.topic(QStringLiteral("12-delay-out-") + id);
        const QString tiers = QStringLiteral("1s,5s,10s,30s,1m");
        for (const QString &t : DelayQueue(prefix, parseDelayTiers(tiers).value()).tierTopics())
            m_cleanup.topic(t);
        m_cleanup.group(QStringLiteral("kops-delay-router-") + prefix);
        m_cleanup.group(QStringLiteral("kops-delay-router-") + prefix + QStringLiteral(".kops-reconcile"));
        RdKafkaClusterApi api(props());
        QVERIFY(api.createTopic({target, 2, 1, {}}).ok());
        QProcess *create = cli({QStringLiteral("delay"), QStringLiteral("create"), QStringLiteral("--prefix"), prefix,
                                QStringLiteral("--tiers"), tiers, QStringLiteral("--partitions"), QStringLiteral("2")});
        QVERIFY(create->waitForFinished(60000));
        QVERIFY2(create->exitCode() == 0, qPrintable(QString::fromUtf8(create->readAllStandardError())));

        auto parsed = parseDelayTiers(tiers);
        DelayQueue queue(prefix, parsed.value());
        const QList<qint64> delays{1000, 3000, 7000, 15'000, 45'000, 90'000, 120'000};
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<DelayedRecord> records;
        QHash<QByteArray, qint64> dueOf;
        for (int i = 0; i < delays.size() * 5; ++i) {
            DelayedRecord r;
            r.target = target;
            r.dueMs = now + delays.at(i % delays.size());
            r.key = QByteArray("k") + QByteArray::number(i);
            r.value = QByteArray("v") + QByteArray::number(i);
            dueOf.insert(*r.value, r.dueMs);
            records.append(r);
        }
        QTRY_VERIFY_WITH_TIMEOUT(queue.missingTiers(api).ok() && queue.missingTiers(api).value().isEmpty(), 20000);
        auto sent = queue.send(api, records);
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().toString()));

        const QStringList run{QStringLiteral("delay"), QStringLiteral("run"), QStringLiteral("--prefix"), prefix,
                              QStringLiteral("--tiers"), tiers};
        QProcess *router = cli(run);
        QVERIFY(router->waitForStarted());
        QTest::qWait(20000); // the 1 s .. 15 s ones are out by now; 45 s .. 2 min still wait in the tiers
        router->kill();      // SIGKILL, mid-transaction or not
        router->waitForFinished();
        QProcess *again = cli(run);
        QVERIFY(again->waitForStarted());
        QList<ReadBack> got;
        for (int i = 0; i < 150 && got.size() < records.size(); ++i) {
            QTest::qWait(1000);
            got = readCommitted(props(), target, 2);
        }
        QTest::qWait(3000);
        got = readCommitted(props(), target, 2);
        again->terminate();
        again->waitForFinished();
        QCOMPARE(int(got.size()), int(records.size()));
        QSet<QByteArray> values;
        for (const ReadBack &r : got) {
            values.insert(r.value);
            QVERIFY2(r.timestampMs >= dueOf.value(r.value), "not before its due time");
            QVERIFY(!r.headers.contains(QStringLiteral("kops-delay-due")));
            QVERIFY(r.headers.contains(QStringLiteral("kops-delay-lateness-ms")));
        }
        QCOMPARE(int(values.size()), int(records.size()));
    }
};

QTEST_GUILESS_MAIN(TestToolsRealBroker)
#include "tst_toolsrealbroker.moc"
