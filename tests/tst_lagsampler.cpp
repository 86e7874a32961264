// LagSampler against librdkafka's mock cluster (watermarks, record timestamps) and the
// fake cluster (groups, members); time lag must match the age of the committed record.
#include "fakeclusterapi.h"
#include "lagmonitor.h"
#include "lagsampler.h"
#include "mockcluster.h"
#include "mockgroupsapi.h"
#include "rdkafkaclusterapi.h"

#include <QDateTime>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;
using kops::test::MockCluster;
using kops::test::MockGroupsApi;

class TestLagSampler : public QObject
{
    Q_OBJECT

private slots:
    void timeLagMatchesTheAgeOfTheCommittedRecord()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("orders"), 2);
        RdKafkaClusterApi real(mock.clientProperties());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<OutgoingRecord> records;
        for (int i = 0; i < 10; ++i) {
            OutgoingRecord r;
            r.topic = QStringLiteral("orders");
            r.partition = 0;
            r.value = QByteArray("x");
            r.timestampMs = now - (600 - i * 10) * 1000; // 600 s .. 510 s old
            records.append(r);
        }
        auto produced = real.produce(records);
        QVERIFY(produced.ok());
        PartitionOffset po;
        po.topic = QStringLiteral("orders");
        po.partition = 0;
        po.offset = 3; // the record produced 570 s ago
        QVERIFY(real.alterGroupOffsets(QStringLiteral("billing"), {po}).ok());

        MockGroupsApi api(real, {{QStringLiteral("billing"), {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 1}}}});
        LagSampler sampler;
        auto raw = sampler.sample(api, {QStringLiteral("billing")});
        QVERIFY2(raw.ok(), qPrintable(raw.ok() ? QString() : raw.error().toString()));
        QCOMPARE(raw.value().groups.size(), 1);
        const RawPartitionSample &p = raw.value().groups.first().partitions.first();
        QCOMPARE(p.committed, 3);
        QCOMPARE(p.logEnd, 10);
        QCOMPARE(p.committedRecordTimestampMs.value(), now - 570'000);
        QCOMPARE(sampler.cachedTimestamps(), 1);
        // The mock cluster has no __consumer_offsets: OffsetFetch, and the sample says so.
        QVERIFY2(raw.value().offsetSource.startsWith(QLatin1String("OffsetFetch (commit stream unavailable:")),
                 qPrintable(raw.value().offsetSource));
        QVERIFY(!raw.value().groups.first().fromCommitStream);
        QVERIFY(!p.lastCommitMs);

        LagMonitor monitor;
        const LagSnapshot snap = monitor.ingest(raw.value());
        const PartitionLag &lag = snap.groups.first().partitions.first();
        QCOMPARE(lag.lag.value(), 7);
        QVERIFY(!lag.timeLagEstimated);
        const double expected = double(raw.value().atMs - (now - 570'000)) / 1000.0;
        QVERIFY(qAbs(lag.timeLagSeconds.value() - expected) < 1.0);
        QVERIFY(lag.timeLagSeconds.value() >= 570.0 && lag.timeLagSeconds.value() < 600.0);
    }

    void groupsMembersAndNoCommitFromTheFake()
    {
        FakeClusterApi fake;
        fake.addTopic(QStringLiteral("t"), 3);
        for (int i = 0; i < 5; ++i)
            fake.append(QStringLiteral("t"), 0, 1000 + i);
        FakeClusterApi::Group g;
        g.state = QStringLiteral("Stable");
        g.members = {GroupMember{QStringLiteral("m1"), QStringLiteral("c1"), QStringLiteral("/h"), {},
                                 {{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}}}};
        g.committed[{QStringLiteral("t"), 0}] = 2;
        fake.setGroup(QStringLiteral("g"), g);
        fake.setGroup(QStringLiteral("idle"), FakeClusterApi::Group{});
        LagSampler sampler;
        auto raw = sampler.sample(fake); // lists all groups
        QVERIFY(raw.ok());
        QCOMPARE(raw.value().groups.size(), 2);
        const RawGroupSample &rg = raw.value().groups.at(0).groupId == QLatin1String("g") ? raw.value().groups.at(0)
                                                                                          : raw.value().groups.at(1);
        QCOMPARE(rg.memberCount, 1);
        QCOMPARE(rg.partitions.size(), 2); // committed t/0 plus assigned t/1 without commit
        QCOMPARE(rg.partitions.at(0).committedRecordTimestampMs.value(), 1002);
        QCOMPARE(rg.partitions.at(1).committed, kNoOffset);
        QCOMPARE(rg.partitions.at(0).memberId, QStringLiteral("m1"));
    }

    void downClusterFailsTheSample()
    {
        FakeClusterApi fake;
        fake.setDown(true);
        LagSampler sampler;
        QVERIFY(!sampler.sample(fake).ok());
    }
};

QTEST_GUILESS_MAIN(TestLagSampler)
#include "tst_lagsampler.moc"
