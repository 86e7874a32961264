// The throughput lab and the audit on librdkafka's mock cluster: a small lab (two partition
// counts, two consumers), a cancel, the clean-up of a crashed lab's topics, an audit of a topic
// with prepared duplicates, reorders and a key in two partitions, and the teaching pair on the
// demo cluster (injected failures: duplicates and order breaks without idempotence, none with).
#include "democluster.h"
#include "forwardingclusterapi.h"
#include "mockcluster.h"
#include "perflab.h"
#include "rdkafkaclusterapi.h"
#include "topicaudit.h"

#include <QTest>

using namespace kops;

namespace {

/// The mock cannot create or delete topics through the admin API: the test does it.
class MockLabApi final : public test::ForwardingClusterApi
{
public:
    MockLabApi(test::MockCluster &mock, RdKafkaClusterApi &real) : ForwardingClusterApi(real), m_mock(mock), m_real(real) {}
    RdKafkaClusterApi *streamingClient() override { return &m_real; }
    Status createTopic(const NewTopic &t) override
    {
        m_mock.createTopic(t.name, t.partitions);
        created.append(t.name);
        return Done{};
    }
    Result<QList<TopicDeletion>> deleteTopics(const QStringList &topics) override
    {
        QList<TopicDeletion> out;
        for (const QString &t : topics) {
            deleted.append(t);
            out.append({t, {}, {}});
        }
        return out;
    }
    std::unique_ptr<PendingDelivery> produceAsync(const QList<OutgoingRecord> &r) override { return m_real.produceAsync(r); }
    /// The mock brokers do not answer DescribeGroups (and librdkafka 2.0.2 sometimes aborted on
    /// an assertion while the request was failing): groups in `liveGroups` have a member, the
    /// others are unknown to the cluster ("Dead", no members), as Kafka answers.
    Result<QList<GroupDescription>> describeGroups(const QStringList &groups) override
    {
        QList<GroupDescription> out;
        for (const QString &g : groups) {
            GroupDescription d;
            d.groupId = g;
            d.state = liveGroups.contains(g) ? QStringLiteral("Stable") : QStringLiteral("Dead");
            if (liveGroups.contains(g))
                d.members.append({QStringLiteral("m-1"), QStringLiteral("kops-perf"), QStringLiteral("/10.0.0.7"), {}, {}});
            out.append(d);
        }
        return out;
    }
    QStringList created, deleted, liveGroups;

private:
    test::MockCluster &m_mock;
    RdKafkaClusterApi &m_real;
};

OutgoingRecord keyed(const QString &topic, int partition, const QByteArray &key, int id, int seq)
{
    OutgoingRecord r;
    r.topic = topic;
    r.partition = partition;
    r.key = key;
    r.value = QByteArray(R"({"orderId":)") + QByteArray::number(id) + R"(,"seq":)" + QByteArray::number(seq) + "}";
    return r;
}

} // namespace

class TestPerfMock : public QObject
{
    Q_OBJECT
private slots:
    void smallLabMeasuresEveryCount()
    {
        test::MockCluster mock(3);
        RdKafkaClusterApi real(mock.clientProperties());
        MockLabApi api(mock, real);
        PerfSettings s;
        s.partitionCounts = {1, 4};
        s.records = 3000;
        s.recordSize = 200;
        s.consumers = 2;
        QList<PerfProgress::Phase> phases;
        QList<int> done;
        auto report = PerfLab::run(api, s, nullptr, [&](const PerfProgress &p) { phases.append(p.phase); },
                                   [&](const PerfPoint &p) { done.append(p.partitions); });
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        const PerfReport &r = report.value();
        QCOMPARE(done, (QList<int>{1, 4}));
        QCOMPARE(r.points.size(), 2);
        for (const PerfPoint &p : r.points) {
            QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
            QCOMPARE(p.records, 3000);
            QCOMPARE(p.bytes, 3000 * 200);
            QVERIFY(p.consumed >= 3000);
            QVERIFY(p.produceRecordsPerSecond > 0);
            QVERIFY(p.consumeRecordsPerSecond > 0);
            QVERIFY(p.ackP50Ms && p.ackP99Ms && *p.ackP50Ms <= *p.ackP99Ms);
            QVERIFY(p.endToEndP50Ms && p.endToEndP99Ms);
        }
        QVERIFY(phases.contains(PerfProgress::Phase::Consuming));
        QCOMPARE(api.created.size(), 2);
        QVERIFY(api.created.first().startsWith(QStringLiteral("kops-perf-")));
        QVERIFY(api.created.first().endsWith(QStringLiteral("-p1")));
        QCOMPARE(api.deleted, api.created);
        QVERIFY(r.keptTopics.isEmpty());
        QVERIFY(r.recommendedIndex() >= 0);
        // The written topics hold what was produced.
        auto wm = real.watermarks({{api.created.at(1), 0}, {api.created.at(1), 1}, {api.created.at(1), 2}, {api.created.at(1), 3}});
        QVERIFY(wm.ok());
        qint64 sum = 0;
        for (const PartitionWatermarks &w : wm.value())
            sum += w.high - w.low;
        QCOMPARE(sum, 3000);
    }

    void cancelDeletesTheTopic()
    {
        test::MockCluster mock(1);
        RdKafkaClusterApi real(mock.clientProperties());
        MockLabApi api(mock, real);
        PerfSettings s;
        s.partitionCounts = {2, 4, 8};
        s.records = 5'000'000;
        PerfLab::Control control;
        auto report = PerfLab::run(api, s, &control, [&](const PerfProgress &p) {
            if (p.phase == PerfProgress::Phase::Producing && p.produced > 1000)
                control.cancel = true;
        });
        QVERIFY(report.ok());
        QVERIFY(report.value().cancelled);
        QCOMPARE(api.created.size(), 1);
        QCOMPARE(api.deleted, api.created);
        QVERIFY(report.value().points.first().records < 5'000'000);
    }

    void leftoversOfACrashedLabAreDeleted()
    {
        test::MockCluster mock(1);
        RdKafkaClusterApi real(mock.clientProperties());
        MockLabApi api(mock, real);
        const QString stale = QStringLiteral("kops-perf-20200101000000-abc123-p4");
        const QString fresh = PerfLab::topicName(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"))
                                                     + QStringLiteral("-def456"),
                                                 2);
        // An old lab topic whose group still has members: a lab running in another process.
        const QString running = QStringLiteral("kops-perf-20200101000000-ghi789-p1");
        api.liveGroups = {running + QStringLiteral("-group")};
        mock.createTopic(stale, 4);
        mock.createTopic(fresh, 2);
        mock.createTopic(running, 1);
        mock.createTopic(QStringLiteral("orders"), 1);
        QTRY_VERIFY(real.topicMetadata({stale, fresh, running}).ok());
        QStringList notDeleted;
        auto cleaned = PerfLab::cleanLeftovers(api, &notDeleted);
        QVERIFY(cleaned.ok());
        QCOMPARE(cleaned.value(), QStringList{stale});
        // A lab that started a moment ago, or whose consumers are there, may be running elsewhere.
        QCOMPARE(api.deleted, QStringList{stale});
    }

    void auditFindsPreparedDuplicatesAndReorders()
    {
        test::MockCluster mock(1);
        RdKafkaClusterApi api(mock.clientProperties());
        const QString topic = QStringLiteral("audit-mock");
        mock.createTopic(topic, 3);
        QList<OutgoingRecord> records;
        for (int i = 0; i < 300; ++i)
            records.append(keyed(topic, i % 3, QByteArray("key-") + QByteArray::number(i % 3), i, i / 3));
        records.append(records.at(30));                                        // p0: a duplicate (same bytes)
        records.append(keyed(topic, 1, "key-1", 31, 5));                       // p1: seq 5 after 99, and id 31 again
        records.append(keyed(topic, 2, "key-0", 1000, 200));                   // key-0 now in partition 2 as well
        QVERIFY(api.produce(records).ok());

        AuditSpec bytes;
        bytes.topic = topic;
        auto plain = TopicAudit::run(api, bytes);
        QVERIFY(plain.ok());
        QCOMPARE(plain.value().scanned, 303);
        QCOMPARE(plain.value().duplicates, 1);
        QCOMPARE(plain.value().keysInSeveralPartitions, 1);
        QCOMPARE(plain.value().examples.first().offset, 100);
        QCOMPARE(plain.value().examples.first().earlierOffset, 10);

        AuditSpec fields = bytes;
        fields.id = FieldSource::parse(QStringLiteral("json:$.orderId")).value();
        fields.seq = FieldSource::parse(QStringLiteral("json:$.seq")).value();
        fields.digestLimit = 100; // four passes
        QList<AuditProgress> progress;
        auto full = TopicAudit::run(api, fields, nullptr, [&](const AuditProgress &p) { progress.append(p); });
        QVERIFY(full.ok());
        const AuditReport &r = full.value();
        QCOMPARE(r.passes, 4);
        QCOMPARE(r.duplicates, 2);  // orderId 30 twice, orderId 31 twice
        QCOMPARE(r.orderBreaks, 2); // p0: the copy of seq 10 after 99; p1: 5 after 99
        QCOMPARE(r.keysInSeveralPartitions, 1);
        QVERIFY(!r.clean());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().pass, 4);
        bool sawBreak = false;
        for (const AuditFinding &f : r.examples)
            if (f.kind == AuditFindingKind::OrderBreak && f.partition == 1) {
                sawBreak = true;
                QCOMPARE(*f.sequence, 5);
                QCOMPARE(*f.earlierSequence, 99);
                QCOMPARE(f.offset, 100);
            }
        QVERIFY(sawBreak);
    }

    void teachingPairOnTheDemo()
    {
        demo::DemoCluster::Options options;
        options.rewindAfterSecs = 0;
        auto started = demo::DemoCluster::start(options);
        QVERIFY(started.ok());
        auto demo = started.value();
        auto api = demo::DemoCluster::apiFactory(demo)();
        auto bad = PerfLab::run(*api, perfPreset(PerfPreset::RetriesWithoutIdempotence), nullptr, {}, {},
                                [demo](const QString &, int) { demo->injectProduceFailures(true); });
        QVERIFY(bad.ok());
        const PerfReport &b = bad.value();
        QCOMPARE(b.points.size(), 1);
        const PerfAuditSummary sb = b.audits.value(4);
        qInfo("without idempotence: %lld records, %lld duplicates, %lld order breaks", b.points.first().records,
              sb.duplicates, sb.orderBreaks);
        QVERIFY(sb.scanned >= 20000);
        QVERIFY(sb.duplicates > 0);
        QVERIFY(sb.orderBreaks > 0);
        QCOMPARE(b.keptTopics.size(), 1); // the mock cannot delete topics; they go with the demo

        // The same refused requests; lost acknowledgements are left out for the idempotent
        // producer (the mock does not check sequence numbers: see injectProduceFailures).
        auto good = PerfLab::run(*api, perfPreset(PerfPreset::Idempotent), nullptr, {}, {},
                                 [demo](const QString &, int) { demo->injectProduceFailures(false); });
        QVERIFY(good.ok());
        const PerfAuditSummary sg = good.value().audits.value(4);
        qInfo("with idempotence: %lld records, %lld duplicates, %lld order breaks", good.value().points.first().records,
              sg.duplicates, sg.orderBreaks);
        QCOMPARE(sg.scanned, 20000);
        QCOMPARE(sg.duplicates, 0);
        QCOMPARE(sg.orderBreaks, 0);
    }
};

QTEST_GUILESS_MAIN(TestPerfMock)
#include "tst_perfmock.moc"
