// Real faults on a real broker (label realbroker): a PRIVATE single-node Kafka (never the shared
// one) is stopped and restarted in the middle of lag sampling, of a requeue and of an offset
// reset. Needs KOPS_KAFKA_SH=path/to/kafka.sh; skipped otherwise. Ports: KOPS_FAULT_KAFKA_PORT
// (21692, +1 and +2 too) and KOPS_FAULT_ZK_PORT (21681), both below the ephemeral range.
#include "dlq/requeueengine.h"
#include "lagservice.h"
#include "rdkafkaclusterapi.h"
#include "replay/resetexecutor.h"
#include "replay/resetpreview.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "forwardingclusterapi.h"
#include "realbrokercleanup.h"

#include <atomic>

using namespace kops;

namespace {

QList<QPair<QString, QString>> props(const QString &bootstrap)
{
    return {{QStringLiteral("bootstrap.servers"), bootstrap}};
}

/// Short timeouts: with the broker away, calls fail in seconds instead of tens of seconds.
std::unique_ptr<RdKafkaClusterApi> client(const QString &bootstrap)
{
    return std::make_unique<RdKafkaClusterApi>(props(bootstrap), RdKafkaClusterApi::Options{4000, 5000});
}

/// A private broker of kafka.sh in a temporary folder, stopped (ZooKeeper too) when it goes away.
class PrivateBroker
{
public:
    ~PrivateBroker()
    {
        if (m_started)
            run({QStringLiteral("stop")});
    }

    bool start(const QString &script, QString *why)
    {
        m_script = script;
        m_port = qEnvironmentVariableIsSet("KOPS_FAULT_KAFKA_PORT") ? qEnvironmentVariableIntValue("KOPS_FAULT_KAFKA_PORT") : 21692;
        m_zkPort = qEnvironmentVariableIsSet("KOPS_FAULT_ZK_PORT") ? qEnvironmentVariableIntValue("KOPS_FAULT_ZK_PORT") : 21681;
        m_started = true;
        const auto [code, out] = run({QStringLiteral("start")});
        if (code != 0) {
            *why = QStringLiteral("kafka.sh start failed (%1): %2").arg(code).arg(out);
            return false;
        }
        return answers(why);
    }
    QString bootstrap() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

    /// Stops the broker (TERM, as an operator or a rolling restart does); ZooKeeper stays.
    bool stopBroker() { return run({QStringLiteral("stop-broker"), QStringLiteral("0")}).first == 0 && !answersWithin(3000); }
    /// Starts it again on its data, retrying while ZooKeeper still holds the old registration.
    bool restartBroker(QString *why)
    {
        for (int attempt = 0; attempt < 5; ++attempt) {
            run({QStringLiteral("start-broker"), QStringLiteral("0")});
            if (answers(why))
                return true;
            run({QStringLiteral("stop-broker"), QStringLiteral("0")});
        }
        return false;
    }

private:
    QPair<int, QString> run(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KOPS_KAFKA_PORT"), QString::number(m_port));
        env.insert(QStringLiteral("KOPS_ZK_PORT"), QString::number(m_zkPort));
        env.insert(QStringLiteral("KOPS_KAFKA_DIR"), m_dir.path());
        env.insert(QStringLiteral("KOPS_KAFKA_HEAP"), QStringLiteral("384M"));
        env.remove(QStringLiteral("KOPS_KAFKA_BROKERS"));
        env.remove(QStringLiteral("KOPS_KAFKA_KEEP_DATA"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_script, args);
        if (!p.waitForFinished(240000)) {
            p.kill();
            p.waitForFinished();
            return {-1, QStringLiteral("kafka.sh %1 did not finish").arg(args.join(QLatin1Char(' ')))};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
    }
    bool answersWithin(int ms)
    {
        RdKafkaClusterApi api(props(bootstrap()), RdKafkaClusterApi::Options{2000, 2000});
        for (QDeadlineTimer deadline(ms); !deadline.hasExpired(); QThread::msleep(250)) {
            auto md = api.metadata();
            if (md.ok() && !md.value().brokers.isEmpty())
                return true;
        }
        return false;
    }
    bool answers(QString *why)
    {
        if (answersWithin(60000))
            return true;
        *why = QStringLiteral("the private broker at %1 does not answer").arg(bootstrap());
        return false;
    }

    QString m_script;
    QTemporaryDir m_dir;
    int m_port = 0;
    int m_zkPort = 0;
    bool m_started = false;
};

/// Stops the broker as the offsets are about to be written (after the executor's member check):
/// right before the write, or at the same time from another thread.
class StopBroker final : public kops::test::ForwardingClusterApi
{
public:
    enum When { BeforeApply, BeforeWrite, DuringWrite };
    StopBroker(ClusterApi &target, PrivateBroker &broker, When when) : ForwardingClusterApi(target), m_broker(broker), m_when(when) {}
    ~StopBroker() override { finish(); }

    Result<QList<PartitionOffset>> alterGroupOffsets(const QString &g, const QList<PartitionOffset> &o) override
    {
        if (m_when == BeforeWrite)
            m_stopped = m_broker.stopBroker();
        else if (m_when == DuringWrite)
            m_stopper.reset(QThread::create([this] { m_stopped = m_broker.stopBroker(); }));
        if (m_stopper)
            m_stopper->start();
        return target().alterGroupOffsets(g, o);
    }
    /// True once the broker is down (whichever way it was stopped).
    bool finish()
    {
        if (m_stopper) {
            m_stopper->wait();
            m_stopper.reset();
        }
        return m_when == BeforeApply || m_stopped;
    }

private:
    PrivateBroker &m_broker;
    When m_when;
    std::atomic<bool> m_stopped{false};
    std::unique_ptr<QThread> m_stopper;
};

} // namespace

class TestFaultsRealBroker final : public QObject
{
    Q_OBJECT

    std::unique_ptr<PrivateBroker> m_broker;
    std::unique_ptr<kops::test::BrokerCleanup> m_cleanup;
    std::unique_ptr<RdKafkaClusterApi> m_api;
    QTemporaryDir m_dir;

    void createTopic(const QString &topic, int partitions)
    {
        NewTopic nt;
        nt.name = m_cleanup->topic(topic);
        nt.partitions = partitions;
        const Status s = m_api->createTopic(nt);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->metadata().ok() && m_api->metadata().value().topic(topic)
                                     && m_api->metadata().value().topic(topic)->partitions.size() == partitions,
                                 30000);
    }
    void produce(const QList<OutgoingRecord> &records)
    {
        auto reports = m_api->produce(records);
        QVERIFY2(reports.ok(), qPrintable(reports.ok() ? QString() : reports.error().toString()));
        for (const DeliveryReport &d : reports.value())
            QVERIFY2(d.errorCode.isEmpty(), qPrintable(d.errorMessage));
    }
    QHash<int, qint64> committed(ClusterApi &api, const QString &group, const QString &topic)
    {
        QHash<int, qint64> out;
        auto c = api.committedOffsets({group});
        if (c.ok())
            for (const PartitionOffset &po : c.value().value(group))
                if (po.topic == topic && !po.hasError() && po.offset >= 0)
                    out.insert(po.partition, po.offset);
        return out;
    }
    void restart()
    {
        // A client that lived through the outage may not shut down (librdkafka#4674):
        // RdKafkaHandle bounds that, and the next test starts with a fresh client anyway.
        QString why;
        QVERIFY2(m_broker->restartBroker(&why), qPrintable(why));
        m_api = client(m_broker->bootstrap());
        // Back means every partition has its leader again (they come some seconds after the broker answers).
        auto led = [this] {
            auto md = m_api->metadata();
            if (!md.ok() || md.value().topics.isEmpty())
                return false;
            for (const TopicInfo &t : md.value().topics)
                for (const PartitionInfo &p : t.partitions)
                    if (p.leader < 0 || !p.errorCode.isEmpty())
                        return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(led(), 60000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString script = qEnvironmentVariable("KOPS_KAFKA_SH");
        if (script.isEmpty())
            QSKIP("Fault tests skipped: set KOPS_KAFKA_SH=path/to/kafka.sh to run them on a private broker they stop and restart.");
        m_broker = std::make_unique<PrivateBroker>();
        QString why;
        QVERIFY2(m_broker->start(script, &why), qPrintable(why));
        m_cleanup = std::make_unique<kops::test::BrokerCleanup>(m_broker->bootstrap());
        m_api = client(m_broker->bootstrap());
    }

    void cleanupTestCase()
    {
        if (!m_broker)
            return;
        m_api.reset();
        QString error;
        const bool cleaned = m_cleanup->run(&error);
        m_cleanup.reset();
        m_broker.reset(); // stops the broker and ZooKeeper
        QVERIFY2(cleaned, qPrintable(error));
    }

    void brokerStoppedMidSampling()
    {
        const QString topic = QStringLiteral("kops16-lag-topic");
        const QString group = m_cleanup->group(QStringLiteral("kops16-lag-group"));
        createTopic(topic, 2);
        QList<OutgoingRecord> records;
        for (int p = 0; p < 2; ++p)
            for (int i = 0; i < 10; ++i) {
                OutgoingRecord r;
                r.topic = topic;
                r.partition = p;
                r.value = QByteArray::number(i);
                records.append(r);
            }
        produce(records);
        QVERIFY(m_api->alterGroupOffsets(group, {{topic, 0, 3, {}, {}}, {topic, 1, 3, {}, {}}}).ok());
        const qint64 lag = 14; // nothing consumes or produces meanwhile: every true sample says 14

        auto connection = std::make_shared<ConnectionContext>();
        connection->profile.name = QStringLiteral("kops16-faults");
        connection->createApi = [b = m_broker->bootstrap()]() -> std::unique_ptr<ClusterApi> { return client(b); };
        LagService::Options options;
        options.historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
        options.alertsPath = m_dir.filePath(QStringLiteral("alerts.sqlite"));
        LagService service(connection, LagSettings{}, options);
        QSignalSpy snapshots(&service, &LagService::lagSnapshotAvailable);
        QSignalSpy failures(&service, &LagService::samplingFailed);
        QSignalSpy history(&service, &LagService::groupHistoryAvailable);
        auto sampledRight = [&](int from) {
            for (int i = from; i < snapshots.size(); ++i) {
                const auto snap = snapshots.at(i).first().value<LagSnapshotPtr>();
                if (const GroupLag *g = snap->group(group); g && g->totalLag == lag)
                    return true;
            }
            return false;
        };
        service.start(1);
        QTRY_VERIFY_WITH_TIMEOUT(sampledRight(0), 60000);

        const qsizetype failuresBefore = failures.size(); // a coordinator still loading at the start is no outage
        const qint64 downAt = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(m_broker->stopBroker());
        // Sampling says plainly that it cannot read the cluster.
        QTRY_VERIFY_WITH_TIMEOUT(failures.size() > failuresBefore, 90000);
        const qint64 failedAtMs = QDateTime::currentMSecsSinceEpoch(); // no true sample can be taken from here until the restart
        const auto error = failures.last().first().value<KafkaError>();
        QVERIFY2(!error.code.isEmpty() && !error.message.isEmpty(), qPrintable(error.toString()));
        const int failedAt = int(snapshots.size());

        restart();
        QTRY_VERIFY_WITH_TIMEOUT(sampledRight(failedAt), 90000);

        // No snapshot ever showed the group with a wrong lag, a missing partition or no commit.
        for (const QList<QVariant> &s : std::as_const(snapshots)) {
            const auto snap = s.first().value<LagSnapshotPtr>();
            if (const GroupLag *g = snap->group(group)) {
                QCOMPARE(g->totalLag, lag);
                QCOMPARE(g->partitions.size(), 2);
                for (const PartitionLag &p : g->partitions)
                    QCOMPARE(p.lag.value_or(-1), qint64(7));
            }
        }
        // The history holds true points before and after the outage, nothing bogus from it.
        // A chart's range (the history comes at chart resolution: a range from 1970 is one point).
        service.requestGroupHistory(group, downAt - 600000, QDateTime::currentMSecsSinceEpoch() + 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!history.isEmpty(), 30000);
        const auto points = history.first().at(1).value<QList<GroupHistoryPoint>>();
        bool before = false, after = false;
        QStringList times; // for the message
        for (const GroupHistoryPoint &p : points) {
            QCOMPARE(p.totalLag, lag);
            before = before || p.atMs < downAt;
            after = after || p.atMs > failedAtMs;
            times.append(QString::number(p.atMs - downAt));
        }
        const QString seen = QStringLiteral("points at (ms from the stop): %1; failed at +%2").arg(times.join(u' ')).arg(failedAtMs - downAt);
        QVERIFY2(before, qPrintable(seen));
        QVERIFY2(after, qPrintable(seen));
    }

    void brokerStoppedMidRequeue()
    {
        constexpr int kRecords = 2000;
        const QString dlq = QStringLiteral("kops16-requeue-dlq");
        const QString target = QStringLiteral("kops16-requeue-target");
        createTopic(dlq, 2);
        createTopic(target, 2);
        QList<OutgoingRecord> records;
        for (int i = 0; i < kRecords; ++i) {
            OutgoingRecord r;
            r.topic = dlq;
            r.partition = i % 2;
            r.key = QByteArray::number(i);
            r.value = QByteArray(200, 'x');
            records.append(r);
        }
        produce(records);

        BrowseSelection selection;
        selection.topic = dlq;
        RequeueOptions ro;
        ro.target = RequeueOptions::Target::Topic;
        ro.targetTopic = target;
        ro.partitionPolicy = RequeueOptions::PartitionPolicy::ByKey;
        ro.batchSize = 100;
        ro.ratePerSecond = 400; // a few seconds: the broker goes away while records are on their way
        auto spec = RequeueSpec::resolve(*m_api, selection, {}, ro);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().toString()));

        RequeueJournal journal(m_dir.filePath(QStringLiteral("requeue.sqlite")));
        qint64 journalId = 0;
        bool stopped = false;
        {
            auto api = client(m_broker->bootstrap());
            RequeueEngine engine(*api, journal);
            engine.setMaxAttempts(2);
            engine.setRetryBackoffMs(200);
            auto first = engine.start(spec.value(), QStringLiteral("kops16-faults"), nullptr, [&](const RequeueProgress &p) {
                if (!stopped && p.sent >= 500) {
                    stopped = true;
                    QVERIFY(m_broker->stopBroker());
                }
            });
            QVERIFY2(stopped, "the broker was stopped while the requeue ran");
            // The run ends interrupted (or as an error), never "done" with records missing.
            if (first.ok()) {
                QVERIFY2(first.value().state != QLatin1String("done"), qPrintable(first.value().detail));
                journalId = first.value().journalId;
            } else {
                QVERIFY(!first.error().message.isEmpty());
            }
        } // the old producer is gone before the broker comes back: nothing of it lands later
        if (journalId == 0) {
            auto jobs = journal.list(1);
            QVERIFY(jobs.ok() && !jobs.value().isEmpty());
            journalId = jobs.value().first().id;
        }
        auto job = journal.job(journalId);
        QVERIFY(job.ok());
        QVERIFY2(job.value().state != QLatin1String("done"), qPrintable(job.value().state));

        restart();
        RequeueEngine again(*m_api, journal);
        auto resumed = again.resume(journalId);
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().toString()));
        QVERIFY2(resumed.value().state == QLatin1String("done"), qPrintable(resumed.value().state + QLatin1Char(' ') + resumed.value().detail));
        QVERIFY(resumed.value().failed.isEmpty());

        // Every source record exactly once in the target, counted by its kops-requeued-from header.
        QHash<QByteArray, int> seen;
        for (int p = 0; p < 2; ++p) {
            qint64 next = 0;
            while (true) {
                auto page = m_api->read({target, p}, next, 1000, 10000);
                QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
                if (page.value().isEmpty())
                    break;
                for (const ConsumedRecord &r : page.value())
                    for (const RecordHeader &h : r.headers)
                        if (h.key == requeuedFromHeader())
                            ++seen[h.value.value_or(QByteArray())];
                next = page.value().last().offset + 1;
            }
        }
        QCOMPARE(int(seen.size()), kRecords);
        for (int i = 0; i < kRecords; ++i) {
            const QByteArray from = dlq.toUtf8() + '/' + QByteArray::number(i % 2) + '/' + QByteArray::number(i / 2);
            QVERIFY2(seen.value(from) == 1, qPrintable(QStringLiteral("%1 seen %2 times").arg(QString::fromUtf8(from)).arg(seen.value(from))));
        }
    }

    void brokerStoppedMidReset_data()
    {
        QTest::addColumn<int>("when");
        QTest::newRow("gone before the reset") << int(StopBroker::BeforeApply);
        QTest::newRow("gone between the member check and the write") << int(StopBroker::BeforeWrite);
        QTest::newRow("stopping while the write is sent") << int(StopBroker::DuringWrite);
    }

    void brokerStoppedMidReset()
    {
        QFETCH(int, when);
        constexpr int kPartitions = 6;
        const QString topic = m_cleanup->topic(QStringLiteral("kops16-reset-topic-%1").arg(when));
        const QString group = m_cleanup->group(QStringLiteral("kops16-reset-group-%1").arg(when));
        createTopic(topic, kPartitions);
        QList<OutgoingRecord> records;
        QList<PartitionOffset> start;
        for (int p = 0; p < kPartitions; ++p) {
            for (int i = 0; i < 10; ++i) {
                OutgoingRecord r;
                r.topic = topic;
                r.partition = p;
                r.value = QByteArray::number(i);
                records.append(r);
            }
            start.append({topic, p, 8, {}, {}});
        }
        produce(records);
        QVERIFY(m_api->alterGroupOffsets(group, start).ok());
        QTRY_COMPARE_WITH_TIMEOUT(committed(*m_api, group, topic).size(), kPartitions, 30000);

        ResetScope scope;
        scope.topics = {{topic, {}}};
        auto plan = prepareResetPlan(*m_api, group, scope, ResetStrategy::toEarliest(), QDateTime::currentMSecsSinceEpoch());
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        ResetJournal journal(m_dir.filePath(QStringLiteral("reset-%1.sqlite").arg(when)));
        ConnectionProfile profile;
        profile.name = QStringLiteral("kops16-faults");

        Result<ResetOutcome> applied = KafkaError::make(QStringLiteral("_NOT_RUN"), QStringLiteral("not run"));
        {
            auto real = client(m_broker->bootstrap());
            StopBroker api(*real, *m_broker, StopBroker::When(when));
            ResetExecutor executor(api, journal, profile);
            if (when == int(StopBroker::BeforeApply))
                QVERIFY(m_broker->stopBroker());
            applied = executor.apply(plan.value());
            QVERIFY(api.finish());
        }
        restart();
        QHash<int, qint64> after;
        QTRY_VERIFY_WITH_TIMEOUT((after = committed(*m_api, group, topic)).size() == kPartitions, 60000);

        QSet<int> moved;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            QVERIFY2(it.value() == 8 || it.value() == 0, qPrintable(QString::number(it.value())));
            if (it.value() == 0)
                moved.insert(it.key());
        }
        if (!applied.ok()) {
            // An error means nothing was written.
            QVERIFY(!applied.error().message.isEmpty());
            QVERIFY2(moved.isEmpty(), qPrintable(applied.error().toString()));
            return;
        }
        const ResetOutcome &o = applied.value();
        QCOMPARE(o.offsets.size(), kPartitions);
        QSet<int> reportedWritten;
        QSet<QString> errors;
        for (const JournalOffset &jo : o.offsets) {
            if (jo.errorCode.isEmpty())
                reportedWritten.insert(jo.partition);
            else
                errors.insert(jo.errorCode + jo.errorMessage);
        }
        if (when != int(StopBroker::DuringWrite))
            QVERIFY2(reportedWritten.isEmpty(), "with the broker gone nothing can be reported written");
        if (errors.isEmpty() || !reportedWritten.isEmpty()) {
            QCOMPARE(moved, reportedWritten); // exactly as reported
        } else {
            // The request failed as a whole (one error for all): all old or all new, never half.
            QVERIFY2(moved.isEmpty() || moved.size() == kPartitions, qPrintable(QString::number(moved.size())));
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultsRealBroker)
#include "tst_faultsrealbroker.moc"
