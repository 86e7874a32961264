// The throughput lab and the audit on a real broker (label "realbroker"; KOPS_TEST_BOOTSTRAP):
// a lab over two partition counts with two consumers deletes its topics; a crashed lab's topic is
// cleaned at the next start; an audit finds prepared duplicates and order breaks by header.
#include "perflab.h"
#include "rdkafkaclusterapi.h"
#include "realbrokercleanup.h"
#include "topicaudit.h"

#include <QTest>
#include <QUuid>

using namespace kops;

class TestPerfRealBroker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (m_bootstrap.isEmpty())
            QSKIP("Real-broker suite skipped: set KOPS_TEST_BOOTSTRAP=host:port to run it against a Kafka broker.");
        m_api = std::make_unique<RdKafkaClusterApi>(QList<QPair<QString, QString>>{{QStringLiteral("bootstrap.servers"), m_bootstrap}});
        m_cleanup.setBootstrap(m_bootstrap);
        QVERIFY(m_api->metadata().ok());
    }

    void labDeletesItsTopics()
    {
        PerfSettings s;
        s.partitionCounts = {1, 3};
        s.records = 20000;
        s.recordSize = 100;
        s.consumers = 2;
        s.acks = QStringLiteral("all");
        s.compression = QStringLiteral("lz4");
        auto report = PerfLab::run(*m_api, s);
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        for (const QString &t : report.value().topics)
            m_cleanup.topic(t);
        QCOMPARE(report.value().points.size(), 2);
        for (const PerfPoint &p : report.value().points) {
            QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
            QCOMPARE(p.records, 20000);
            QVERIFY(p.consumed >= 20000);
            QVERIFY(p.ackP99Ms && p.endToEndP99Ms);
            qInfo("%d partitions: %.0f records/s, ack p99 %.1f ms, e2e p99 %.1f ms, consumed %.0f/s", p.partitions,
                  p.produceRecordsPerSecond, *p.ackP99Ms, *p.endToEndP99Ms, p.consumeRecordsPerSecond);
        }
        QVERIFY(report.value().keptTopics.isEmpty());
        auto md = m_api->metadata();
        QVERIFY(md.ok());
        for (const TopicInfo &t : md.value().topics)
            QVERIFY2(!report.value().topics.contains(t.name) || !t.errorCode.isEmpty(), qPrintable(t.name));
    }

    void crashedLabIsCleanedAtTheNextStart()
    {
        const QString stale = QStringLiteral("kops-perf-20200101000000-%1-p2").arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
        m_cleanup.topic(stale);
        QVERIFY(m_api->createTopic({stale, 2, 1, {}}).ok());
        auto cleaned = PerfLab::cleanLeftovers(*m_api);
        QVERIFY(cleaned.ok());
        QVERIFY(cleaned.value().contains(stale));
    }

    void auditByHeaders()
    {
        const QString topic = m_cleanup.topic(QStringLiteral("i13-audit-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8)));
        QVERIFY(m_api->createTopic({topic, 2, 1, {}}).ok());
        QList<OutgoingRecord> records;
        auto rec = [&](int partition, const QByteArray &key, int id, int seq) {
            OutgoingRecord r;
            r.topic = topic;
            r.partition = partition;
            r.key = key;
            r.value = QByteArray("payload-") + QByteArray::number(id);
            r.headers = {{QStringLiteral("event-id"), QByteArray::number(id)}, {QStringLiteral("seq"), QByteArray::number(seq)}};
            return r;
        };
        for (int i = 0; i < 1000; ++i)
            records.append(rec(i % 2, QByteArray("k") + QByteArray::number(i % 2), i, i));
        records.append(rec(0, "k0", 10, 10));   // duplicate id 10, and 10 after 998: a break
        records.append(rec(1, "k1", 2000, 5));  // 5 after 999: a break
        records.append(rec(1, "k0", 2001, 1001)); // k0 in partition 1 too
        QVERIFY(m_api->produce(records).ok());
        AuditSpec spec;
        spec.topic = topic;
        spec.id = FieldSource::parse(QStringLiteral("header:event-id")).value();
        spec.seq = FieldSource::parse(QStringLiteral("header:seq")).value();
        auto r = TopicAudit::run(*m_api, spec);
        QVERIFY(r.ok());
        QCOMPARE(r.value().scanned, 1003);
        QCOMPARE(r.value().duplicates, 1);
        QCOMPARE(r.value().orderBreaks, 2);
        QCOMPARE(r.value().keysInSeveralPartitions, 1);
        qInfo("audit: %.0f records/s", r.value().recordsPerSecond);
    }

    void cleanupTestCase() { m_cleanup.run(); }

private:
    QString m_bootstrap;
    std::unique_ptr<RdKafkaClusterApi> m_api;
    test::BrokerCleanup m_cleanup;
};

QTEST_GUILESS_MAIN(TestPerfRealBroker)
#include "tst_perfrealbroker.moc"
