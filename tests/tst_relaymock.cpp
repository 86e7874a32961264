// The transactional relay (drain and delay router) on librdkafka's mock cluster: kills between
// produce and commit, injected request errors, restarts; every record arrives exactly once.
#include "delayqueue.h"
#include "drainplanner.h"
#include "drainservice.h"
#include "mockcluster.h"
#include "forwardingclusterapi.h"
#include "rdkafkaclusterapi.h"
#include "relayjournal.h"
#include "relaytestutil.h"
#include "transactionalrelay.h"

#include <librdkafka/rdkafka_mock.h>

#include <QDateTime>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace kops;
using namespace kops::test;

namespace {

/// The mock cluster as a drain sees it: groups are described as empty (the mock cannot
/// describe groups), everything else is the librdkafka client's.
class EmptyGroupsApi final : public ForwardingClusterApi
{
public:
    explicit EmptyGroupsApi(RdKafkaClusterApi &real) : ForwardingClusterApi(real), m_real(real) {}
    Result<QList<GroupDescription>> describeGroups(const QStringList &ids) override
    {
        QList<GroupDescription> out;
        for (const QString &id : ids)
            out.append(GroupDescription{id, QStringLiteral("Empty"), {}, 1, false, {}, {}, {}});
        return out;
    }
    RdKafkaClusterApi *streamingClient() override { return &m_real; }

private:
    RdKafkaClusterApi &m_real;
};

/// src (4 partitions, 10,000 keyed records) and dst (8) on a three-broker mock cluster, and a
/// drain of src into dst for `group` up to src's current ends.
struct MockDrain
{
    MockCluster mock{3};
    QTemporaryDir dir;
    std::unique_ptr<RelayJournal> journal;
    TransactionalRelay::Options options;
    DrainRouter router{QStringLiteral("dst"), 8};
    bool ready = false;

    explicit MockDrain(const QString &group)
    {
        mock.createTopic(QStringLiteral("src"), 4, 3);
        mock.createTopic(QStringLiteral("dst"), 8, 3);
        produceKeyed(mock.clientProperties(), QStringLiteral("src"), 10000);
        journal = std::make_unique<RelayJournal>(dir.filePath(QStringLiteral("j.sqlite")));
        RdKafkaClusterApi api(mock.clientProperties());
        ready = drainRelayOptions(api, mock.clientProperties(), group, QStringLiteral("src"), 4, 700, 10000, &options);
    }
};

} // namespace

class TestRelayMock : public QObject
{
    Q_OBJECT

private:
    /// Each of the `count` source records exactly once in dst, in source order per key.
    void checkExactlyOnce(const MockCluster &mock, int count)
    {
        const auto records = readCommitted(mock.clientProperties(), QStringLiteral("dst"), 8);
        const auto seen = originCounts(records, QStringLiteral("kops-drained-from"));
        int dups = 0;
        QStringList dupList;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            if (it.value() > 1) {
                dups += it.value() - 1;
                dupList << it.key();
            }
        dupList.sort();
        if (!dupList.isEmpty())
            qWarning("duplicates: %s ... %s", qPrintable(dupList.first()), qPrintable(dupList.last()));
        QCOMPARE(dups, 0);
        QCOMPARE(int(seen.size()), count);
        QCOMPARE(int(records.size()), count);
        // Same key -> same partition, in source order (per source topic).
        QHash<QByteArray, QPair<int, qint64>> lastOf;
        for (const ReadBack &r : records) {
            if (!r.hasKey)
                continue;
            QCOMPARE(r.partition, drainTargetPartition(QByteArrayView(r.key), 0, 8));
            QString t;
            int p = -1;
            qint64 o = -1;
            QVERIFY(parseRelayOrigin(r.headers.value(QStringLiteral("kops-drained-from")), &t, &p, &o));
            const QByteArray keyOf = t.toUtf8() + '\0' + r.key;
            if (lastOf.contains(keyOf) && lastOf.value(keyOf).first == p)
                QVERIFY2(lastOf.value(keyOf).second < o, "order per key kept");
            lastOf[keyOf] = {p, o};
            QCOMPARE(r.headers.value(QStringLiteral("h")), QByteArray("x"));
        }
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void originHeaderRoundTrip()
    {
        QString t;
        int p = -1;
        qint64 o = -1;
        QVERIFY(parseRelayOrigin(relayOrigin(QStringLiteral("a.b-c"), 7, 123456789012), &t, &p, &o));
        QCOMPARE(t, QStringLiteral("a.b-c"));
        QCOMPARE(p, 7);
        QCOMPARE(o, 123456789012);
        QVERIFY(!parseRelayOrigin("nonsense", &t, &p, &o));
        QVERIFY(!parseRelayOrigin("t/x/1", &t, &p, &o));
    }

    void drainSurvivesKills_data()
    {
        QTest::addColumn<bool>("beforeCommit");
        QTest::newRow("killed after produce") << false;
        QTest::newRow("killed after the offsets, before the commit") << true;
    }

    void drainSurvivesKills()
    {
        QFETCH(bool, beforeCommit);
        MockDrain d(QStringLiteral("g1"));
        QVERIFY(d.ready);

        // Three runs killed at different transactions, then one to the end.
        for (int killAt : {2, 4, 3}) {
            TransactionalRelay relay(d.options, d.router, *d.journal);
            auto hook = [killAt](int txn) { return txn == killAt; };
            if (beforeCommit)
                relay.killBeforeCommitForTest = hook;
            else
                relay.killAfterProduceForTest = hook;
            auto r = relay.run();
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("_KILLED"));
        }
        TransactionalRelay relay(d.options, d.router, *d.journal);
        auto done = relay.run();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QCOMPARE(done.value().remaining, 0);
        if (!beforeCommit) // the mock keeps a killed transaction's records: found, not written again
            QVERIFY(done.value().reconciled > 0);
        checkExactlyOnce(d.mock, 10000);
    }

    // Two topics of a group in one drain (DrainService, as the CLI and the page run it), killed
    // after produce and restarted: each record of both once, in order per key per topic.
    void drainOfTwoTopicsSurvivesAKill()
    {
        MockCluster mock(3);
        mock.createTopic(QStringLiteral("src"), 4, 3);
        mock.createTopic(QStringLiteral("src2"), 4, 3);
        mock.createTopic(QStringLiteral("dst"), 8, 3);
        produceKeyed(mock.clientProperties(), QStringLiteral("src"), 6000);
        produceKeyed(mock.clientProperties(), QStringLiteral("src2"), 4000);
        RdKafkaClusterApi client(mock.clientProperties());
        EmptyGroupsApi api(client); // the mock cannot describe groups: "g-two" has no members
        DrainRequest request;
        request.group = QStringLiteral("g-two");
        request.topics = {QStringLiteral("src"), QStringLiteral("src2")};
        request.target = QStringLiteral("dst");
        auto plan = DrainService::plan(api, request, nullptr);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(plan.value().partitions.size(), 8);
        QCOMPARE(plan.value().backlog, 10000);
        QVERIFY(plan.value().targetExists);
        QCOMPARE(plan.value().toJson().value(QStringLiteral("topic")).toString(), QStringLiteral("src,src2"));
        QTemporaryDir dir;
        RelayJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
        auto killed = DrainService::run(api, plan.value(), journal, QStringLiteral("mock"), nullptr, {}, [](TransactionalRelay &relay) {
            relay.killAfterProduceForTest = [](int txn) { return txn == 1; }; // one transaction holds it all
        });
        QVERIFY(!killed.ok());
        QVERIFY2(killed.error().code == QStringLiteral("_KILLED"), qPrintable(killed.error().toString()));
        auto done = DrainService::run(api, plan.value(), journal, QStringLiteral("mock"));
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QCOMPARE(done.value().remaining, 0);
        QVERIFY(done.value().reconciled > 0); // the mock keeps the killed transaction's records
        checkExactlyOnce(mock, 10000);
        const auto records = readCommitted(mock.clientProperties(), QStringLiteral("dst"), 8);
        QSet<QString> from;
        for (const ReadBack &r : records)
            from.insert(QString::fromUtf8(r.headers.value(QStringLiteral("kops-drained-from")).split('/').first()));
        QCOMPARE(from, QSet<QString>({QStringLiteral("src"), QStringLiteral("src2")}));
        auto jobs = journal.list(QStringLiteral("drain"));
        QVERIFY(jobs.ok());
        QCOMPARE(jobs.value().first().spec.value(QStringLiteral("topics")).toArray().size(), 2);
    }

    void drainThroughRequestErrors()
    {
        MockDrain d(QStringLiteral("g2"));
        QVERIFY(d.ready);
        TransactionalRelay relay(d.options, d.router, *d.journal);
        int aborts = 0;
        relay.killAfterProduceForTest = [&](int txn) {
            // Every third transaction: the next produce requests and the commit fail.
            if (txn % 3 == 0) {
                rd_kafka_mock_push_request_errors(d.mock.handle(), 0 /* Produce */, 2,
                                                  RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED,
                                                  RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
                rd_kafka_mock_push_request_errors(d.mock.handle(), 26 /* EndTxn */, 1, RD_KAFKA_RESP_ERR_NOT_COORDINATOR);
                ++aborts;
            }
            return false;
        };
        auto done = relay.run();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QVERIFY(aborts > 0);
        QVERIFY(done.value().aborted > 0);
        checkExactlyOnce(d.mock, 10000);
    }

    // Aborts that do not finish (librdkafka 2.0 can wait for a producer-id bump or requests in
    // flight past any timeout): the relay starts its producer again, which fences the old one
    // and aborts its open transaction, and goes on; each record still arrives once.
    void drainRecoversFromAbortsThatDoNotFinish()
    {
        MockDrain d(QStringLiteral("g3"));
        QVERIFY(d.ready);
        TransactionalRelay relay(d.options, d.router, *d.journal);
        int stuck = 0;
        relay.killAfterProduceForTest = [&](int txn) {
            if (txn % 4 == 0) // the next produce requests fail: this transaction is aborted
                rd_kafka_mock_push_request_errors(d.mock.handle(), 0 /* Produce */, 2,
                                                  RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED,
                                                  RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED);
            return false;
        };
        relay.abortTimesOutForTest = [&](int) {
            ++stuck;
            return true;
        };
        auto done = relay.run();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QVERIFY(stuck > 0);
        QCOMPARE(done.value().producerRestarts, qint64(stuck));
        QCOMPARE(done.value().aborted, qint64(stuck));
        QCOMPARE(done.value().remaining, 0);
        checkExactlyOnce(d.mock, 10000);
    }

    void delayRouterForwardsOnceWhenDue()
    {
        MockCluster mock(3);
        const QList<DelayTier> tiers{{QStringLiteral("1s"), 1000}, {QStringLiteral("2s"), 2000}};
        DelayQueue queue(QStringLiteral("dq"), tiers);
        for (const QString &t : queue.tierTopics())
            mock.createTopic(t, 2, 3);
        mock.createTopic(QStringLiteral("out"), 3, 3);
        RdKafkaClusterApi api(mock.clientProperties());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<DelayedRecord> records;
        for (int i = 0; i < 300; ++i) {
            DelayedRecord r;
            r.target = QStringLiteral("out");
            r.dueMs = now + (i % 7) * 700; // 0 .. 4.2 s: cascades 2s -> 1s
            r.key = QByteArray("k") + QByteArray::number(i % 13);
            r.value = QByteArray::number(i);
            r.headers.append({QStringLiteral("trace"), QByteArray("t") + QByteArray::number(i)});
            records.append(r);
        }
        auto sent = queue.send(api, records);
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().toString()));
        QCOMPARE(sent.value().at(3).tierTopic, QStringLiteral("dq_2s")); // 2.1 s left
        QCOMPARE(sent.value().at(1).tierTopic, QStringLiteral("dq_1s")); // 0.7 s left: the shortest

        QTemporaryDir dir;
        RelayJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
        // One run killed mid-way, then a run until everything arrived.
        {
            TransactionalRelay::Control control;
            auto r = queue.run(api, journal, QStringLiteral("mock"), &control, {}, {}, [](TransactionalRelay &relay) {
                relay.killAfterProduceForTest = [](int txn) { return txn >= 5; };
            });
            QVERIFY(!r.ok());
        }
        const auto got = routeAfterRestart(queue, mock.clientProperties(), dir.filePath(QStringLiteral("j.sqlite")),
                                           QStringLiteral("mock"), QStringLiteral("out"), 3, 300, {80, 250, 1500});
        QCOMPARE(distinctValues(got), 300);
        QCOMPARE(int(got.size()), 300);
        QSet<QByteArray> values;
        for (const ReadBack &r : got) {
            values.insert(r.value);
            const int i = r.value.toInt();
            QVERIFY2(r.timestampMs >= now + (i % 7) * 700, "forwarded at or after its due time");
            QVERIFY(!r.headers.contains(QStringLiteral("kops-delay-due")));
            QVERIFY(!r.headers.contains(QStringLiteral("kops-delay-target")));
            QVERIFY(r.headers.value(QStringLiteral("kops-delay-lateness-ms")).toLongLong() >= 0);
            QCOMPARE(r.headers.value(QStringLiteral("trace")), QByteArray("t") + QByteArray::number(i));
        }
        QCOMPARE(int(values.size()), 300);
    }

    // A record due in 4 s waits in memory while the 50 due sooner behind it in the same tier
    // partition go out; the router is killed after those are committed (the tier's committed
    // offset still before the waiting one) and restarted: each record once, the 50 not again.
    void delayRouterWaitsInMemoryAndSurvivesAKill()
    {
        MockCluster mock(3);
        const QList<DelayTier> tiers{{QStringLiteral("5s"), 5000}, {QStringLiteral("10s"), 10000}};
        DelayQueue queue(QStringLiteral("mem"), tiers);
        for (const QString &t : queue.tierTopics())
            mock.createTopic(t, 1, 3);
        mock.createTopic(QStringLiteral("out"), 1, 3);
        RdKafkaClusterApi api(mock.clientProperties());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<DelayedRecord> records = oneDueLastAheadOfFifty(QStringLiteral("out"), now);
        auto sent = queue.send(api, records);
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().toString()));
        QCOMPARE(sent.value().first().tierTopic, QStringLiteral("mem_5s"));
        QCOMPARE(sent.value().first().offset, 0);

        QTemporaryDir dir;
        RelayJournal journal(dir.filePath(QStringLiteral("j.sqlite")));
        {
            TransactionalRelay::Control control;
            std::atomic<bool> committedAll{false};
            auto r = queue.run(
                api, journal, QStringLiteral("mock"), &control,
                [&](const RelayProgress &p) {
                    if (p.produced >= 50) {
                        QCOMPARE(p.waitingInMemory, 1);
                        committedAll = true;
                    }
                },
                {}, [&](TransactionalRelay &relay) { relay.killAfterProduceForTest = [&](int) { return committedAll.load(); }; });
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("_KILLED"));
        }
        auto firstRun = readCommitted(mock.clientProperties(), QStringLiteral("out"), 1);
        QCOMPARE(int(firstRun.size()), 50);
        for (const ReadBack &r : firstRun)
            QVERIFY2(r.value != "0", "the record due last is still waiting");
        RdKafkaClusterApi check(mock.clientProperties());
        auto committed = check.committedOffsetsFor(queue.routerGroup(), {{QStringLiteral("mem_5s"), 0}});
        QVERIFY(committed.ok());
        QVERIFY2(committed.value().isEmpty() || committed.value().first().offset <= 0,
                 "the tier's committed offset does not pass the record still waiting");

        const auto got = routeAfterRestart(queue, mock.clientProperties(), dir.filePath(QStringLiteral("j.sqlite")),
                                           QStringLiteral("mock"), QStringLiteral("out"), 1, 51, {60, 250, 1500});
        QCOMPARE(distinctValues(got), 51);
        QCOMPARE(int(got.size()), 51);
        QCOMPARE(got.last().value, QByteArray("0")); // after the 50 that were behind it in its tier
        for (const ReadBack &r : got)
            QVERIFY2(r.timestampMs >= records.at(r.value.toInt()).dueMs, "forwarded at or after its due time");
    }
};

QTEST_GUILESS_MAIN(TestRelayMock)
#include "tst_relaymock.moc"
