// RequeueEngine over the fake cluster: plan, options, headers, failures, cancel/kill + resume, journal.
#include "fakeclusterapi.h"
#include "requeueengine.h"

#include <QDir>
#include <QStandardPaths>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <thread>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

const QString kDlq = QStringLiteral("orders.DLT");

// 2 DLQ partitions x 50 records. Even i: from "orders" partition i%4 (ts 5000+i); odd i: no original topic.
std::shared_ptr<FakeClusterApi> cluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(kDlq, 2);
    fake->addTopic(QStringLiteral("orders"), 4);
    fake->addTopic(QStringLiteral("retry"), 3);
    for (int p = 0; p < 2; ++p)
        for (int i = 0; i < 50; ++i) {
            QList<RecordHeader> h{{QStringLiteral("trace"), QByteArray("t")}};
            if (i % 2 == 0) {
                h.append({QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")});
                h.append({QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % 4)});
                h.append({QStringLiteral("kafka_dlt-original-timestamp"), QByteArray::number(5000 + i)});
                h.append({QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray("Boom")});
            }
            fake->append(kDlq, p, 100 + i, QStringLiteral("v%1-%2").arg(p).arg(i).toUtf8(),
                         QStringLiteral("k%1").arg(i).toUtf8(), h);
        }
    return fake;
}

RequeueSpec spec(FakeClusterApi &api, RequeueOptions options = {}, RecordFilterSpec filter = {})
{
    BrowseSelection sel;
    sel.topic = kDlq;
    auto s = RequeueSpec::resolve(api, sel, filter, options);
    return s.value();
}

QList<ConsumedRecord> all(FakeClusterApi &api, const QString &topic, int partitions)
{
    QList<ConsumedRecord> out;
    for (int p = 0; p < partitions; ++p)
        out += api.read({topic, p}, 0, 100000, 0).value();
    return out;
}

QString header(const ConsumedRecord &r, const QString &name)
{
    for (const RecordHeader &h : r.headers)
        if (h.key == name)
            return QString::fromUtf8(h.value.value_or(QByteArray()));
    return {};
}

bool hasHeader(const ConsumedRecord &r, const QString &name)
{
    return std::any_of(r.headers.cbegin(), r.headers.cend(), [&](const RecordHeader &h) { return h.key == name; });
}

// To the topic "retry" in pages of 10: the 100 records of cluster() in ten pages.
RequeueOptions toRetryInPagesOfTen()
{
    RequeueOptions o;
    o.target = RequeueOptions::Target::Topic;
    o.targetTopic = QStringLiteral("retry");
    o.batchSize = 10;
    return o;
}

// Empty when "retry" holds each of the 100 source records exactly once; else what it holds.
QString eachOnceInRetry(FakeClusterApi &api)
{
    const QList<ConsumedRecord> records = all(api, QStringLiteral("retry"), 3);
    QSet<QString> seen;
    bool duplicate = false;
    for (const ConsumedRecord &r : records) {
        const QString from = header(r, requeuedFromHeader());
        if (seen.contains(from))
            duplicate = true;
        seen.insert(from);
    }
    if (seen.size() == 100 && !duplicate && records.size() == 100)
        return {};
    return QStringLiteral("%1 records from %2 sources%3")
        .arg(records.size())
        .arg(seen.size())
        .arg(duplicate ? QStringLiteral(", some twice") : QString());
}

} // namespace

class TestRequeueEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively(); }

    void planCountsPerTarget()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        auto plan = engine.plan(spec(*fake));
        QVERIFY(plan.ok());
        QCOMPARE(plan.value().scanned, 100);
        QCOMPARE(plan.value().matched, 100);
        QCOMPARE(plan.value().perTarget.value(QStringLiteral("orders")), 50);
        QCOMPARE(plan.value().perTarget.value(QString()), 50);
        RequeueOptions toRetry;
        toRetry.target = RequeueOptions::Target::Topic;
        toRetry.targetTopic = QStringLiteral("retry");
        QCOMPARE(engine.plan(spec(*fake, toRetry)).value().perTarget.value(QStringLiteral("retry")), 100);
        QVERIFY(all(*fake, QStringLiteral("orders"), 4).isEmpty()); // a plan writes nothing
    }

    void requeueToOriginalKeepsEverything()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        RequeueOptions o;
        o.partitionPolicy = RequeueOptions::PartitionPolicy::Original;
        o.batchSize = 7;
        RecordFilterSpec f;
        f.errorClass = QStringLiteral("Boom");
        QList<RequeueProgress> progress;
        auto out = engine.start(spec(*fake, o, f), QStringLiteral("test"), nullptr,
                                [&](const RequeueProgress &p) { progress.append(p); });
        QVERIFY(out.ok());
        QCOMPARE(out.value().state, QStringLiteral("done"));
        QCOMPARE(out.value().progress.requested, 50);
        QCOMPARE(out.value().progress.sent, 50);
        QCOMPARE(out.value().progress.alreadySent, 0);
        QVERIFY(out.value().failed.isEmpty());
        QVERIFY(progress.size() > 5);
        const auto target = all(*fake, QStringLiteral("orders"), 4);
        QCOMPARE(target.size(), 50);
        for (const ConsumedRecord &r : target) {
            const QStringList from = header(r, requeuedFromHeader()).split(QLatin1Char('/'));
            QCOMPARE(from.size(), 3);
            QCOMPARE(from.at(0), kDlq);
            const int i = from.at(2).toInt();
            QCOMPARE(r.partition, i % 4);
            QCOMPARE(r.timestampMs, 5000 + i);
            QCOMPARE(*r.key, QStringLiteral("k%1").arg(i).toUtf8());
            QCOMPARE(*r.value, QStringLiteral("v%1-%2").arg(from.at(1)).arg(i).toUtf8());
            QCOMPARE(header(r, requeueCountHeader()), QStringLiteral("1"));
            QVERIFY(hasHeader(r, QStringLiteral("kafka_dlt-original-topic")));
            QCOMPARE(header(r, QStringLiteral("trace")), QStringLiteral("t"));
        }
        auto job = journal.job(out.value().journalId);
        QCOMPARE(job.value().state, QStringLiteral("done"));
        QCOMPARE(job.value().sent, 50);
        QCOMPARE(journal.list().value().size(), 1);
    }

    void rateLimitSpacesTheRecords()
    {
        // 50 matching records at 25 per second: on a virtual clock that only moves when the
        // engine waits, the run must wait until 2 s after its start before the last batch.
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        qint64 now = 1000;
        qint64 slept = 0;
        engine.setClock({[&] { return now; }, [&](qint64 ms) {
                             QVERIFY(ms > 0);
                             now += ms;
                             slept += ms;
                         }});
        RequeueOptions o;
        o.ratePerSecond = 25;
        o.batchSize = 10;
        RecordFilterSpec f;
        f.errorClass = QStringLiteral("Boom");
        auto out = engine.start(spec(*fake, o, f), QStringLiteral("test"));
        QVERIFY(out.ok());
        QCOMPARE(out.value().progress.sent, 50);
        QCOMPARE(slept, 2000); // no earlier than the rate allows, and no later

        // Without a limit the engine never waits.
        auto fake2 = cluster();
        RequeueJournal journal2;
        RequeueEngine unlimited(*fake2, journal2);
        qint64 waited = 0;
        unlimited.setClock({[] { return qint64(0); }, [&](qint64 ms) { waited += ms; }});
        RequeueOptions none;
        none.batchSize = 10;
        auto all = unlimited.start(spec(*fake2, none, f), QStringLiteral("test"));
        QVERIFY(all.ok());
        QCOMPARE(all.value().progress.sent, 50);
        QCOMPARE(waited, 0);
    }

    void recordsWithoutOriginalFail()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        auto out = engine.start(spec(*fake), QStringLiteral("test"));
        QCOMPARE(out.value().progress.sent, 50);
        QCOMPARE(out.value().failed.size(), 50);
        QVERIFY(out.value().failed.first().reason.contains(QStringLiteral("original topic")));
    }

    void toChosenTopicStripAndCount()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        RequeueOptions o;
        o.target = RequeueOptions::Target::Topic;
        o.targetTopic = QStringLiteral("retry");
        o.stripDeadLetterHeaders = true;
        o.partitionPolicy = RequeueOptions::PartitionPolicy::ByKey;
        o.timestampPolicy = RequeueOptions::TimestampPolicy::Now;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        auto out = engine.start(spec(*fake, o), QStringLiteral("test"));
        QCOMPARE(out.value().progress.sent, 100);
        const auto target = all(*fake, QStringLiteral("retry"), 3);
        QCOMPARE(target.size(), 100);
        for (const ConsumedRecord &r : target) {
            QVERIFY(!hasHeader(r, QStringLiteral("kafka_dlt-original-topic")));
            QVERIFY(hasHeader(r, QStringLiteral("trace")));
            QVERIFY(r.timestampMs >= before);
            QCOMPARE(r.partition, javaPartitionForKey(*r.key, 3));
        }

        // Requeueing requeued records counts up, and keeps a single kops-requeued-from.
        fake->addTopic(QStringLiteral("again"), 1);
        RequeueOptions again;
        again.target = RequeueOptions::Target::Topic;
        again.targetTopic = QStringLiteral("again");
        BrowseSelection sel;
        sel.topic = QStringLiteral("retry");
        auto out2 = engine.start(RequeueSpec::resolve(*fake, sel, {}, again).value(), QStringLiteral("test"));
        QCOMPARE(out2.value().progress.sent, 100);
        const auto twice = all(*fake, QStringLiteral("again"), 1);
        QCOMPARE(header(twice.first(), requeueCountHeader()), QStringLiteral("2"));
        QCOMPARE(std::count_if(twice.first().headers.cbegin(), twice.first().headers.cend(),
                               [](const RecordHeader &h) { return h.key == requeuedFromHeader(); }),
                 1);
    }

    void javaPartitioner()
    {
        // murmur2 values from Kafka's UtilsTest.testMurmur2, made positive as the partitioner does.
        const int all = std::numeric_limits<int>::max();
        QCOMPARE(javaPartitionForKey(QByteArray("21"), all), -973932308 & 0x7fffffff);
        QCOMPARE(javaPartitionForKey(QByteArray("foobar"), all), -790332482 & 0x7fffffff);
        QCOMPARE(javaPartitionForKey(QByteArray("a-little-bit-long-string"), all), -985981536 & 0x7fffffff);
        QCOMPARE(javaPartitionForKey(QByteArray("abc"), all), 479470107);
        QCOMPARE(javaPartitionForKey(QByteArray("21"), 10), (-973932308 & 0x7fffffff) % 10);
    }

    void explicitRecords()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        RequeueSpec s;
        s.sourceTopic = kDlq;
        s.records = {{0, 4}, {1, 10}, {1, 48}, {0, 999}};
        s.options.target = RequeueOptions::Target::Topic;
        s.options.targetTopic = QStringLiteral("retry");
        auto out = engine.start(s, QStringLiteral("test"));
        QCOMPARE(out.value().progress.sent, 3);
        QCOMPARE(out.value().failed.size(), 1);
        QCOMPARE(out.value().failed.first().offset, 999);
        QSet<QString> froms;
        for (const ConsumedRecord &r : all(*fake, QStringLiteral("retry"), 3))
            froms.insert(header(r, requeuedFromHeader()));
        QCOMPARE(froms, (QSet<QString>{kDlq + QStringLiteral("/0/4"), kDlq + QStringLiteral("/1/10"),
                                       kDlq + QStringLiteral("/1/48")}));
    }

    void cancelThenResume()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        const RequeueOptions o = toRetryInPagesOfTen();
        RequeueEngine::Control control;
        auto out = engine.start(spec(*fake, o), QStringLiteral("test"), &control, [&](const RequeueProgress &p) {
            if (p.sent >= 30)
                control.cancel = true;
        });
        QCOMPARE(out.value().state, QStringLiteral("cancelled"));
        QCOMPARE(out.value().progress.sent, 70); // the pages in flight when cancelled are delivered and journalled
        QCOMPARE(journal.job(out.value().journalId).value().state, QStringLiteral("cancelled"));
        auto resumed = engine.resume(out.value().journalId);
        QCOMPARE(resumed.value().state, QStringLiteral("done"));
        QCOMPARE(resumed.value().progress.alreadySent, 70);
        QCOMPARE(resumed.value().progress.sent, 30);
        const QString wrong = eachOnceInRetry(*fake);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
        QVERIFY(!engine.resume(out.value().journalId).ok()); // done: nothing to resume
    }

    void targetTruncatedByRetentionIsSaidNotResent()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        const RequeueOptions o = toRetryInPagesOfTen();
        engine.killAfterProduceForTest = [](int batch) { return batch == 3; };
        auto out = engine.start(spec(*fake, o), QStringLiteral("test"));
        QCOMPARE(out.value().state, QStringLiteral("killed"));
        const qsizetype written = all(*fake, QStringLiteral("retry"), 3).size();
        QVERIFY(written > journal.deliveredCount(out.value().journalId).value()); // some were never journalled
        // Retention deletes the start of partition 0 of the target before the resume.
        fake->setLogStart(QStringLiteral("retry"), 0, 5);
        RequeueJournal fresh;
        RequeueEngine again(*fake, fresh);
        auto resumed = again.resume(out.value().journalId);
        QVERIFY(resumed.ok());
        QCOMPARE(resumed.value().state, QStringLiteral("interrupted"));
        QVERIFY2(resumed.value().detail.contains(QStringLiteral("retry/0 no longer holds offsets 0 to 5"))
                     && resumed.value().detail.contains(QStringLiteral("could duplicate")),
                 qPrintable(resumed.value().detail));
        QCOMPARE(resumed.value().progress.sent, 0);
        qint64 now = 0;
        for (int p = 0; p < 3; ++p) {
            auto wm = fake->watermarks({{QStringLiteral("retry"), p}});
            now += wm.value().first().high;
        }
        QCOMPARE(now, qint64(written)); // nothing was sent again
    }

    void killedBeforeJournallingThenResume()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        const RequeueOptions o = toRetryInPagesOfTen();
        engine.killAfterProduceForTest = [](int batch) { return batch == 3; };
        auto out = engine.start(spec(*fake, o), QStringLiteral("test"));
        QCOMPARE(out.value().state, QStringLiteral("killed"));
        // Pages 0-2 journalled; page 3 produced but killed before its journal entry, pages 4-7 already on their way.
        QCOMPARE(all(*fake, QStringLiteral("retry"), 3).size(), 80);
        QCOMPARE(journal.deliveredCount(out.value().journalId).value(), 30);

        RequeueJournal fresh; // a new process
        RequeueEngine again(*fake, fresh);
        auto resumed = again.resume(out.value().journalId);
        QCOMPARE(resumed.value().state, QStringLiteral("done"));
        QCOMPARE(resumed.value().progress.alreadySent, 80); // found in the target by reconciliation
        QCOMPARE(resumed.value().progress.sent, 20);
        const QString wrong = eachOnceInRetry(*fake);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    void clusterDownInterruptsThenResume()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        engine.setMaxAttempts(2);
        engine.setRetryBackoffMs(1);
        const RequeueOptions o = toRetryInPagesOfTen();
        engine.killAfterProduceForTest = [&](int batch) {
            if (batch == 2)
                fake->setDown(true);
            return false;
        };
        auto out = engine.start(spec(*fake, o), QStringLiteral("test"));
        QVERIFY(out.ok());
        QCOMPARE(out.value().state, QStringLiteral("interrupted"));
        QVERIFY(!out.value().detail.isEmpty());
        fake->setDown(false);
        engine.killAfterProduceForTest = {};
        auto resumed = engine.resume(out.value().journalId);
        QCOMPARE(resumed.value().state, QStringLiteral("done"));
        const QString wrong = eachOnceInRetry(*fake);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong));
    }

    void pauseHoldsTheRequeue()
    {
        auto fake = cluster();
        RequeueJournal journal;
        RequeueEngine engine(*fake, journal);
        const RequeueOptions o = toRetryInPagesOfTen();
        RequeueEngine::Control control;
        qsizetype whilePaused = -1, laterWhilePaused = -2;
        std::thread operatorThread;
        // The operator pauses once 20 records are journalled (set in the engine's own progress
        // report, so the pause lands before the next page), looks twice, then resumes.
        auto out = engine.start(spec(*fake, o), QStringLiteral("test"), &control, [&](const RequeueProgress &p) {
            if (p.sent < 20 || operatorThread.joinable())
                return;
            control.pause = true;
            operatorThread = std::thread([&] {
                QThread::msleep(300);
                whilePaused = all(*fake, QStringLiteral("retry"), 3).size();
                QThread::msleep(300);
                laterWhilePaused = all(*fake, QStringLiteral("retry"), 3).size();
                control.pause = false;
            });
        });
        operatorThread.join();
        QCOMPARE(laterWhilePaused, whilePaused); // nothing moved while paused
        QVERIFY(whilePaused < 100);
        QCOMPARE(out.value().state, QStringLiteral("done"));
        QCOMPARE(all(*fake, QStringLiteral("retry"), 3).size(), 100);
    }

    void specSurvivesJson()
    {
        RequeueSpec s;
        s.sourceTopic = kDlq;
        s.ranges = {{1, 5, 9000000000LL}};
        s.filter.value = {QStringLiteral("x.*"), true};
        s.filter.fromTimeMs = 12;
        s.options.target = RequeueOptions::Target::Topic;
        s.options.targetTopic = QStringLiteral("t");
        s.options.partitionPolicy = RequeueOptions::PartitionPolicy::ByKey;
        s.options.ratePerSecond = 50;
        const RequeueSpec back = RequeueSpec::fromJson(s.toJson());
        QCOMPARE(back.ranges.first().end, 9000000000LL);
        QCOMPARE(back.filter.value.pattern, QStringLiteral("x.*"));
        QVERIFY(back.filter.value.regex);
        QCOMPARE(*back.filter.fromTimeMs, 12);
        QCOMPARE(back.options.targetTopic, QStringLiteral("t"));
        QCOMPARE(back.options.partitionPolicy, RequeueOptions::PartitionPolicy::ByKey);
        QCOMPARE(back.options.ratePerSecond, 50.0);
    }
};

QTEST_GUILESS_MAIN(TestRequeueEngine)
#include "tst_requeueengine.moc"
