// Integration tests of the librdkafka-backed ClusterApi against the embedded mock cluster.
#include "mockcluster.h"
#include "rdkafkaclusterapi.h"

#include <QTest>

using namespace kops;
using kops::test::MockCluster;

class TestRdKafkaClusterApi : public QObject
{
    Q_OBJECT

private slots:
    void metadataListsBrokersTopicsAndPartitions()
    {
        MockCluster mock(3);
        mock.createTopic(QStringLiteral("orders"), 4, 3);
        mock.createTopic(QStringLiteral("payments"), 2, 1);
        RdKafkaClusterApi api(mock.clientProperties());
        auto md = api.metadata();
        QVERIFY2(md.ok(), qPrintable(md.ok() ? QString() : md.error().toString()));
        QCOMPARE(md.value().brokers.size(), 3);
        const TopicInfo *orders = md.value().topic(QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(orders->partitions.size(), 4);
        QCOMPARE(orders->replicationFactor(), 3);
        QCOMPARE(orders->partitions.at(2).partition, 2);
        QVERIFY(orders->partitions.at(0).leader >= 1);
        QCOMPARE(md.value().partitionCount(), 6);
        QCOMPARE(md.value().underReplicatedCount(), 0);
    }

    void watermarksAreBatchedAndCorrect()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 3);
        mock.produce(QStringLiteral("t"), 0, 5);
        mock.produce(QStringLiteral("t"), 2, 12);
        RdKafkaClusterApi api(mock.clientProperties());
        auto wm = api.watermarks({{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}, {QStringLiteral("t"), 2}});
        QVERIFY2(wm.ok(), qPrintable(wm.ok() ? QString() : wm.error().toString()));
        QCOMPARE(wm.value().size(), 3);
        QCOMPARE(wm.value().at(0).low, 0);
        QCOMPARE(wm.value().at(0).high, 5);
        QCOMPARE(wm.value().at(1).high, 0);
        QCOMPARE(wm.value().at(2).high, 12);
        QCOMPARE(wm.value().at(2).messageCount(), 12);
    }

    // The mock answers OffsetFetch only for named partitions; the all-partitions form
    // (committedOffsets) is covered by the real-broker suite.
    void committedOffsetsForPartitions()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 2);
        mock.produce(QStringLiteral("t"), 0, 10);
        mock.commit(QStringLiteral("g1"), QStringLiteral("t"), 0, 7);
        RdKafkaClusterApi api(mock.clientProperties());
        auto committed = api.committedOffsetsFor(QStringLiteral("g1"), {{QStringLiteral("t"), 0}, {QStringLiteral("t"), 1}});
        QVERIFY2(committed.ok(), qPrintable(committed.ok() ? QString() : committed.error().toString()));
        QCOMPARE(committed.value().size(), 2);
        QCOMPARE(committed.value().at(0).offset, 7);
        QCOMPARE(committed.value().at(1).offset, kNoOffset);
    }

    void committedOffsetsOfManyGroupsAreAnswered()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 1);
        RdKafkaClusterApi api(mock.clientProperties());
        QStringList groups;
        for (int i = 0; i < 50; ++i)
            groups << QStringLiteral("g%1").arg(i);
        auto committed = api.committedOffsets(groups);
        QVERIFY2(committed.ok(), qPrintable(committed.ok() ? QString() : committed.error().toString()));
        QCOMPARE(committed.value().size(), 50);
    }

    void alterOffsetsThenReadBack()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 1);
        mock.produce(QStringLiteral("t"), 0, 10);
        RdKafkaClusterApi api(mock.clientProperties());
        PartitionOffset po;
        po.topic = QStringLiteral("t");
        po.partition = 0;
        po.offset = 4;
        auto altered = api.alterGroupOffsets(QStringLiteral("g"), {po});
        QVERIFY2(altered.ok(), qPrintable(altered.ok() ? QString() : altered.error().toString()));
        QCOMPARE(altered.value().size(), 1);
        QVERIFY(!altered.value().first().hasError());
        auto committed = api.committedOffsetsFor(QStringLiteral("g"), {{QStringLiteral("t"), 0}});
        QVERIFY(committed.ok());
        QCOMPARE(committed.value().size(), 1);
        QCOMPARE(committed.value().first().offset, 4);
    }

    void produceAndReadKeepKeyValueHeaders()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 1);
        RdKafkaClusterApi api(mock.clientProperties());
        OutgoingRecord r;
        r.topic = QStringLiteral("t");
        r.partition = 0;
        r.key = QByteArray("k1");
        r.value = QByteArray("\x00\x01binary", 8);
        r.headers = {{QStringLiteral("h"), QByteArray("v")}, {QStringLiteral("null"), std::nullopt}};
        r.timestampMs = 1700000000123;
        OutgoingRecord nullRecord;
        nullRecord.topic = QStringLiteral("t");
        nullRecord.partition = 0;
        auto reports = api.produce({r, nullRecord});
        QVERIFY(reports.ok());
        QCOMPARE(reports.value().size(), 2);
        QVERIFY2(reports.value().at(0).errorCode.isEmpty(), qPrintable(reports.value().at(0).errorCode));
        QCOMPARE(reports.value().at(0).offset, 0);
        QCOMPARE(reports.value().at(1).offset, 1);

        auto records = api.read({QStringLiteral("t"), 0}, 0, 10, 5000);
        QVERIFY2(records.ok(), qPrintable(records.ok() ? QString() : records.error().toString()));
        QCOMPARE(records.value().size(), 2);
        const ConsumedRecord &first = records.value().first();
        QCOMPARE(first.key.value(), QByteArray("k1"));
        QCOMPARE(first.value.value(), QByteArray("\x00\x01binary", 8));
        QCOMPARE(first.timestampMs, 1700000000123);
        QCOMPARE(first.headers.size(), 2);
        QCOMPARE(first.headers.at(0).key, QStringLiteral("h"));
        QCOMPARE(first.headers.at(0).value.value(), QByteArray("v"));
        QVERIFY(!first.headers.at(1).value.has_value());
        QVERIFY(!records.value().at(1).key.has_value());
        QVERIFY(!records.value().at(1).value.has_value());
    }

    void fatalErrorTearsDownAndReconnects()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 1);
        RdKafkaClusterApi api(mock.clientProperties());
        OutgoingRecord r;
        r.topic = QStringLiteral("t");
        r.partition = 0;
        r.value = QByteArray("one");
        auto first = api.produce({r});
        QVERIFY(first.ok());
        QVERIFY(first.value().first().errorCode.isEmpty());
        QVERIFY(api.injectFatalErrorForTest());
        // The next call finds the handle fatal, builds a new one and succeeds.
        r.value = QByteArray("two");
        auto second = api.produce({r});
        QVERIFY(second.ok());
        QVERIFY2(second.value().first().errorCode.isEmpty(), qPrintable(second.value().first().errorCode));
        QCOMPARE(second.value().first().offset, 1);
    }

    void readFromTheEndReturnsNothingQuickly()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 1);
        mock.produce(QStringLiteral("t"), 0, 3);
        RdKafkaClusterApi api(mock.clientProperties());
        auto records = api.read({QStringLiteral("t"), 0}, 3, 10, 5000);
        QVERIFY(records.ok());
        QVERIFY(records.value().isEmpty());
    }

    void unreachableBootstrapFailsClearly()
    {
        RdKafkaClusterApi api({{QStringLiteral("bootstrap.servers"), QStringLiteral("127.0.0.1:1")}});
        auto md = api.metadata();
        QVERIFY(!md.ok());
        QVERIFY2(md.error().message.contains(QLatin1String("cannot reach 127.0.0.1:1 (Connection refused)")),
                 qPrintable(md.error().toString()));
        QVERIFY(!md.error().code.isEmpty());
    }

    void brokerDownMidwayGivesAnError()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 1);
        RdKafkaClusterApi api(mock.clientProperties(), {3000});
        QVERIFY(api.metadata().ok());
        mock.setBrokerDown(1, true);
        auto wm = api.watermarks({{QStringLiteral("t"), 0}});
        const bool failed = !wm.ok() || !wm.value().first().errorCode.isEmpty();
        QVERIFY(failed);
        mock.setBrokerDown(1, false);
    }

    void unknownPropertyIsAnErrorNotACrash()
    {
        RdKafkaClusterApi api({{QStringLiteral("bootstrap.servers"), QStringLiteral("127.0.0.1:1")},
                               {QStringLiteral("no.such.property"), QStringLiteral("1")}});
        auto md = api.metadata();
        QVERIFY(!md.ok());
        QVERIFY(md.error().message.contains(QLatin1String("no.such.property")));
    }

    void unknownPartitionWatermarkIsPerPartitionError()
    {
        MockCluster mock;
        mock.createTopic(QStringLiteral("t"), 1);
        RdKafkaClusterApi api(mock.clientProperties(), {3000});
        auto wm = api.watermarks({{QStringLiteral("t"), 0}, {QStringLiteral("t"), 7}});
        QVERIFY2(wm.ok(), qPrintable(wm.ok() ? QString() : wm.error().toString()));
        QCOMPARE(wm.value().size(), 2);
        QVERIFY(wm.value().at(0).errorCode.isEmpty());
        QVERIFY(!wm.value().at(1).errorCode.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRdKafkaClusterApi)
#include "tst_rdkafkaclusterapi.moc"
