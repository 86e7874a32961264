// The read-only switch enforced in core: a read-only connection's ClusterApi refuses every write
// (produce, offsets, topic creation) before it reaches the cluster, whichever engine or command
// asks, and still reads.
#include "connectioncontext.h"
#include "fakeclusterapi.h"
#include "readonlyclusterapi.h"
#include "replay/resetexecutor.h"
#include "replay/resetpreview.h"
#include "requeueengine.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

const QString kDlq = QStringLiteral("orders.DLT");

std::shared_ptr<FakeClusterApi> cluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(kDlq, 1);
    fake->addTopic(QStringLiteral("orders"), 2);
    for (int i = 0; i < 20; ++i)
        fake->append(kDlq, 0, 1000 + i, QStringLiteral("v%1").arg(i).toUtf8(), QStringLiteral("k%1").arg(i).toUtf8(),
                     {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")},
                      {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % 2)}});
    FakeClusterApi::Group g;
    g.committed.insert({QStringLiteral("orders"), 0}, 7);
    fake->setGroup(QStringLiteral("g"), g);
    return fake;
}

std::unique_ptr<ClusterApi> readOnlyApi(const std::shared_ptr<FakeClusterApi> &fake)
{
    ConnectionProfile p;
    p.name = QStringLiteral("prod");
    p.readOnly = true;
    return guardedFactory(p, kops::test::sharedFactory(fake))();
}

int records(FakeClusterApi &fake, const QString &topic, int partitions)
{
    int n = 0;
    for (int p = 0; p < partitions; ++p)
        n += int(fake.read({topic, p}, 0, 100000, 0).value().size());
    return n;
}

void verifyRefusal(const KafkaError &e)
{
    QCOMPARE(e.code, QStringLiteral("READ_ONLY"));
    QVERIFY2(e.message.startsWith(QLatin1String("Connection 'prod' is read-only: ")), qPrintable(e.message));
    QVERIFY2(e.message.endsWith(QLatin1String("Nothing was changed.")), qPrintable(e.message));
}

} // namespace

class TestReadOnlyClusterApi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    }

    void everyWriteIsRefusedAndReadsPassThrough()
    {
        auto fake = cluster();
        auto api = readOnlyApi(fake);
        QVERIFY(api->metadata().ok());
        QCOMPARE(api->committedOffsets({QStringLiteral("g")}).value().value(QStringLiteral("g")).size(), 1);
        QCOMPARE(api->read({kDlq, 0}, 0, 100, 0).value().size(), 20);

        OutgoingRecord r;
        r.topic = QStringLiteral("orders");
        r.partition = 0;
        r.value = QByteArray("x");
        const auto produced = api->produce({r});
        QVERIFY(!produced.ok());
        verifyRefusal(produced.error());
        const auto async = api->produceAsync({r})->wait();
        QVERIFY(!async.ok());
        verifyRefusal(async.error());
        const auto altered = api->alterGroupOffsets(QStringLiteral("g"), {PartitionOffset{QStringLiteral("orders"), 0, 0, {}, {}}});
        QVERIFY(!altered.ok());
        verifyRefusal(altered.error());
        QVERIFY(altered.error().message.contains(QLatin1String("group 'g'")));
        const auto created = api->createTopic({QStringLiteral("new-topic"), 3, 1});
        QVERIFY(!created.ok());
        verifyRefusal(created.error());
        QVERIFY(created.error().message.contains(QLatin1String("'new-topic'")));
        const auto deletedTopics = api->deleteTopics({QStringLiteral("orders")});
        QVERIFY(!deletedTopics.ok());
        verifyRefusal(deletedTopics.error());
        QVERIFY(deletedTopics.error().message.contains(QLatin1String("orders")));
        const auto deletedGroups = api->deleteGroups({QStringLiteral("g")});
        QVERIFY(!deletedGroups.ok());
        verifyRefusal(deletedGroups.error());

        // Nothing reached the cluster.
        QCOMPARE(records(*fake, QStringLiteral("orders"), 2), 0);
        QCOMPARE(fake->alterCalls(), 0);
        QCOMPARE(fake->group(QStringLiteral("g")).committed.value({QStringLiteral("orders"), 0}), 7);
        QVERIFY(!fake->metadata().value().topic(QStringLiteral("new-topic")));
        QVERIFY(fake->metadata().value().topic(QStringLiteral("orders")));
    }

    void writableConnectionsAreUntouched()
    {
        auto fake = cluster();
        ConnectionProfile p;
        p.name = QStringLiteral("dev");
        auto api = guardedFactory(p, kops::test::sharedFactory(fake))();
        OutgoingRecord r;
        r.topic = QStringLiteral("orders");
        r.partition = 0;
        r.value = QByteArray("x");
        QVERIFY(api->produce({r}).ok());
        QCOMPARE(records(*fake, QStringLiteral("orders"), 2), 1);
        const auto deleted = api->deleteTopics({QStringLiteral("orders")});
        QVERIFY(deleted.ok());
        QCOMPARE(deleted.value().size(), 1);
        QVERIFY(deleted.value().first().errorCode.isEmpty());
        QVERIFY(!fake->metadata().value().topic(QStringLiteral("orders")));
    }

    void requeueWritesNothing()
    {
        auto fake = cluster();
        auto api = readOnlyApi(fake);
        RequeueJournal journal;
        RequeueEngine engine(*api, journal);
        engine.setMaxAttempts(1);
        engine.setRetryBackoffMs(0);
        BrowseSelection sel;
        sel.topic = kDlq;
        auto spec = RequeueSpec::resolve(*api, sel, {}, {});
        QVERIFY(spec.ok());
        auto out = engine.start(spec.value(), QStringLiteral("prod"));
        QVERIFY(!out.ok() || out.value().state != QLatin1String("done"));
        const QString said = out.ok() ? out.value().detail : out.error().toString();
        QVERIFY2(said.contains(QLatin1String("read-only")), qPrintable(said));
        QCOMPARE(records(*fake, QStringLiteral("orders"), 2), 0);

        // Creating missing target topics is refused too.
        const auto created = engine.createTopics({QStringLiteral("orders.retry")}, kDlq);
        QVERIFY(!created.ok());
        verifyRefusal(created.error());
        QVERIFY(!fake->metadata().value().topic(QStringLiteral("orders.retry")));
    }

    void resetWritesNothing()
    {
        // Even when the caller forgot the switch (a profile copy without it), core refuses.
        auto fake = cluster();
        auto api = readOnlyApi(fake);
        QTemporaryDir dir;
        ResetJournal journal(dir.filePath(QStringLiteral("journal.sqlite")));
        ConnectionProfile forgot;
        forgot.name = QStringLiteral("prod");
        ResetScope scope;
        scope.topics = {{QStringLiteral("orders"), {}}};
        auto plan = prepareResetPlan(*api, QStringLiteral("g"), scope, ResetStrategy::toEarliest(), 0);
        QVERIFY(plan.ok());
        ResetExecutor ex(*api, journal, forgot);
        auto r = ex.apply(plan.value());
        const QString said = r.ok() ? (r.value().offsets.isEmpty() ? QString() : r.value().offsets.first().errorMessage)
                                    : r.error().toString();
        QVERIFY(!r.ok() || !r.value().complete());
        QVERIFY2(said.contains(QLatin1String("read-only")), qPrintable(said));
        QCOMPARE(fake->alterCalls(), 0);
        QCOMPARE(fake->group(QStringLiteral("g")).committed.value({QStringLiteral("orders"), 0}), 7);
    }
};

QTEST_GUILESS_MAIN(TestReadOnlyClusterApi)
#include "tst_readonlyclusterapi.moc"
