#include "rdkafkaclusterapi.h"
#include "replay/resetexecutor.h"
#include "replay/resetpreview.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include "realbrokercleanup.h"

using namespace kops;

/// Replay against a real broker: runs only with KOPS_TEST_BOOTSTRAP=host:port (label realbroker).
class TestResetRealBroker final : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RdKafkaClusterApi> m_api;
    QString m_topic;
    QString m_group;
    kops::test::BrokerCleanup m_cleanup; ///< the topic and group made here, deleted at the end
    qint64 m_base = 0;
    static constexpr int kRecords = 10;

    ResetScope scope() const
    {
        ResetScope s;
        s.topics = {{m_topic, {}}};
        return s;
    }
    ResetPlan plan(const ResetStrategy &strategy)
    {
        auto p = prepareResetPlan(*m_api, m_group, scope(), strategy, QDateTime::currentMSecsSinceEpoch());
        if (!p.ok())
            qFatal("planning %s failed: %s", qPrintable(strategy.describe()), qPrintable(p.error().toString()));
        return p.value();
    }
    QHash<int, qint64> committed()
    {
        auto c = m_api->committedOffsets({m_group});
        QHash<int, qint64> out;
        if (c.ok())
            for (const PartitionOffset &po : c.value().value(m_group))
                if (po.topic == m_topic && !po.hasError())
                    out.insert(po.partition, po.offset);
        return out;
    }

private slots:
    void cleanupTestCase()
    {
        QString error;
        QVERIFY2(m_cleanup.run(&error), qPrintable(error));
    }

    void initTestCase()
    {
        const QString bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (bootstrap.isEmpty())
            QSKIP("Set KOPS_TEST_BOOTSTRAP=host:port to run the replay tests against a real Kafka broker.");
        m_api = std::make_unique<RdKafkaClusterApi>(QList<QPair<QString, QString>>{{QStringLiteral("bootstrap.servers"), bootstrap}});
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(12);
        m_cleanup.setBootstrap(bootstrap);
        m_topic = m_cleanup.topic(QStringLiteral("kops-replay-test-%1").arg(suffix));
        m_group = m_cleanup.group(QStringLiteral("kops-replay-group-%1").arg(suffix));
        NewTopic t;
        t.name = m_topic;
        t.partitions = 2;
        auto created = m_api->createTopic(t);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));

        // Timestamps an hour ago, one second apart, identical on both partitions.
        m_base = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
        QList<OutgoingRecord> records;
        for (int p = 0; p < 2; ++p)
            for (int i = 0; i < kRecords; ++i) {
                OutgoingRecord r;
                r.topic = m_topic;
                r.partition = p;
                r.value = QByteArray::number(i);
                r.timestampMs = m_base + i * 1000;
                records.append(r);
            }
        // The new topic's metadata may take a moment to reach every broker.
        bool delivered = false;
        for (int attempt = 0; attempt < 20 && !delivered; ++attempt) {
            auto reports = m_api->produce(records);
            delivered = reports.ok()
                && std::all_of(reports.value().cbegin(), reports.value().cend(),
                               [](const DeliveryReport &d) { return d.errorCode.isEmpty(); });
            if (!delivered)
                QThread::msleep(500);
        }
        QVERIFY2(delivered, "could not produce the test records");

        auto set = m_api->alterGroupOffsets(m_group, {PartitionOffset{m_topic, 0, 5, {}, {}}, PartitionOffset{m_topic, 1, 5, {}, {}}});
        QVERIFY(set.ok());
        for (const PartitionOffset &po : set.value())
            QVERIFY2(!po.hasError(), qPrintable(po.errorMessage));
        QCOMPARE(committed().value(0), qint64(5));
    }

    void plansMatchKafka()
    {
        const ResetPlan byTime = plan(ResetStrategy::toDatetime(m_base + 2500));
        QCOMPARE(byTime.partitions.size(), 2);
        for (const PlannedPartition &p : byTime.partitions) {
            QCOMPARE(p.target, qint64(3));
            QCOMPARE(p.targetTimestampMs, std::optional<qint64>(m_base + 3000));
        }
        const ResetPlan future = plan(ResetStrategy::toDatetime(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000));
        QCOMPARE(future.partitions.first().target, qint64(kRecords)); // nothing at/after: log end
        const ResetPlan before = plan(ResetStrategy::toDatetime(m_base - 60000));
        QCOMPARE(before.partitions.first().target, qint64(0));
        const ResetPlan shift = plan(ResetStrategy::shiftBy(-2));
        QCOMPARE(shift.partitions.first().target, qint64(3));
        const ResetPlan shiftClamped = plan(ResetStrategy::shiftBy(100));
        QCOMPARE(shiftClamped.partitions.first().target, qint64(kRecords));
        QCOMPARE(shiftClamped.warnings.size(), 2);
        QCOMPARE(plan(ResetStrategy::toEarliest()).partitions.first().target, qint64(0));
        QCOMPARE(plan(ResetStrategy::toLatest()).partitions.first().target, qint64(kRecords));
    }

    void executeAndUndo()
    {
        QTemporaryDir dir;
        ResetJournal journal(dir.filePath(QStringLiteral("journal.sqlite")));
        ConnectionProfile profile;
        profile.name = QStringLiteral("realbroker");
        ResetExecutor executor(*m_api, journal, profile);
        auto applied = executor.apply(plan(ResetStrategy::toDatetime(m_base + 2500)));
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
        QVERIFY(applied.value().complete());
        QCOMPARE(committed().value(0), qint64(3));
        QCOMPARE(committed().value(1), qint64(3));
        auto undone = executor.undo(applied.value().journalId);
        QVERIFY2(undone.ok(), qPrintable(undone.ok() ? QString() : undone.error().toString()));
        QVERIFY(undone.value().complete());
        QCOMPARE(committed().value(0), qint64(5));
        QCOMPARE(committed().value(1), qint64(5));
    }
};

QTEST_GUILESS_MAIN(TestResetRealBroker)
#include "tst_resetrealbroker.moc"
