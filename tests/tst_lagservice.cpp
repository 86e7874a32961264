// LagService on its own thread over the fake cluster: groups on screen are sampled first, a
// failed round is reported (samplingFailed) and sampling resumes, the timestamp budget bounds
// record reads and the rest is estimated, and an alert hook that hangs or cannot start never
// holds up sampling (and is logged); a hung hook is killed at its bound with what it started;
// the alert command is a shell command line.
#include "fakeclusterapi.h"
#include "lagmonitor.h"
#include "lagsampler.h"
#include "lagservice.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>

#include <signal.h>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

// Counts log messages containing a text while it lives.
class LogCounter
{
    struct Sink final : spdlog::sinks::base_sink<std::mutex>
    {
        std::string text;
        std::atomic<int> count{0};
        void sink_it_(const spdlog::details::log_msg &msg) override
        {
            if (std::string_view(msg.payload.data(), msg.payload.size()).find(text) != std::string_view::npos)
                ++count;
        }
        void flush_() override {}
    };

public:
    explicit LogCounter(std::string text) : m_sink(std::make_shared<Sink>())
    {
        m_sink->text = std::move(text);
        spdlog::default_logger()->sinks().push_back(m_sink);
    }
    ~LogCounter()
    {
        auto &sinks = spdlog::default_logger()->sinks();
        sinks.erase(std::remove(sinks.begin(), sinks.end(), m_sink), sinks.end());
    }
    int count() const { return m_sink->count.load(); }

private:
    std::shared_ptr<Sink> m_sink;
};

// Groups g0..g{n-1}, each committed at 0 of its own partition of "orders" (20 records each).
std::shared_ptr<FakeClusterApi> cluster(int groups)
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(QStringLiteral("orders"), groups);
    for (int p = 0; p < groups; ++p) {
        for (int i = 0; i < 20; ++i)
            fake->append(QStringLiteral("orders"), p, 1'700'000'000'000LL + i * 1000);
        FakeClusterApi::Group g;
        g.committed[{QStringLiteral("orders"), p}] = 0;
        fake->setGroup(QStringLiteral("g%1").arg(p), g);
    }
    return fake;
}

ConnectionContextPtr connection(const std::shared_ptr<FakeClusterApi> &fake)
{
    auto c = std::make_shared<ConnectionContext>();
    c->profile.name = QStringLiteral("fake-lagservice");
    c->createApi = kops::test::sharedFactory(fake);
    return c;
}

qint64 readPid(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong() : -1;
}

/// The process exists and is not a zombie (a reaped or dead process is not running).
bool running(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text.at(close + 2) != 'Z' && text.at(close + 2) != 'X';
}

} // namespace

class TestLagService final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;

    LagService::Options options(int batchSize = 500)
    {
        ++m_n;
        LagService::Options o;
        o.historyPath = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(m_n));
        o.alertsPath = m_dir.filePath(QStringLiteral("alerts-%1.sqlite").arg(m_n));
        o.batchSize = batchSize;
        return o;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void groupsOnScreenAreSampledFirst()
    {
        auto fake = cluster(6);
        LagService service(connection(fake), LagSettings{}, options(2));
        QSignalSpy snapshots(&service, &LagService::lagSnapshotAvailable);
        QSignalSpy rounds(&service, &LagService::samplingRoundFinished);
        service.setPriorityGroups({QStringLiteral("g5"), QStringLiteral("g3")});
        service.start(3600);
        QVERIFY(rounds.wait(20000));
        QCOMPARE(rounds.first().at(2).toInt(), 6);
        // Three batches of two: the first snapshot holds exactly the two groups on screen.
        QVERIFY(snapshots.size() >= 3);
        const auto first = snapshots.first().first().value<LagSnapshotPtr>();
        QVERIFY(!first->roundComplete);
        QStringList ids;
        for (const GroupLag &g : first->groups)
            ids << g.groupId;
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("g3"), QStringLiteral("g5")}));
        QVERIFY(snapshots.last().first().value<LagSnapshotPtr>()->roundComplete);
        QCOMPARE(snapshots.last().first().value<LagSnapshotPtr>()->groups.size(), 6);
    }

    void failedRoundIsReportedAndSamplingResumes()
    {
        auto fake = cluster(2);
        fake->setDown(true);
        LagService service(connection(fake), LagSettings{}, options());
        QSignalSpy failed(&service, &LagService::samplingFailed);
        QSignalSpy snapshots(&service, &LagService::lagSnapshotAvailable);
        service.start(3600);
        QVERIFY(failed.wait(20000));
        const auto error = failed.first().first().value<KafkaError>();
        QVERIFY2(!error.code.isEmpty() && !error.message.isEmpty(), qPrintable(error.toString()));
        QCOMPARE(snapshots.size(), 0);
        fake->setDown(false);
        service.sampleNow();
        QVERIFY(snapshots.wait(20000));
        QCOMPARE(snapshots.last().first().value<LagSnapshotPtr>()->groups.size(), 2);
    }

    void timestampReadsStayWithinTheBudget()
    {
        // Five groups at different positions, a budget of two record reads per sample: two time
        // lags are read from the cluster, the other three are left for the estimate.
        auto fake = cluster(5);
        LagSampler::Options o;
        o.timestampReadBudget = 2;
        LagSampler sampler(o);
        auto sample = sampler.sample(*fake);
        QVERIFY(sample.ok());
        int read = 0;
        int unread = 0;
        for (const RawGroupSample &g : sample.value().groups)
            for (const RawPartitionSample &p : g.partitions)
                (p.committedRecordTimestampMs ? read : unread) += 1;
        QCOMPARE(read, 2);
        QCOMPARE(unread, 3);
        // The next sample reads two more (the first two are cached), until all are known.
        auto next = sampler.sample(*fake);
        read = 0;
        for (const RawGroupSample &g : next.value().groups)
            for (const RawPartitionSample &p : g.partitions)
                read += p.committedRecordTimestampMs ? 1 : 0;
        QCOMPARE(read, 4);
    }

    void timeLagBeyondTheBudgetIsEstimated()
    {
        // With no record read allowed, the time lag comes from the history of the log end (when
        // the committed record appeared) and is marked as an estimate, never as measured.
        auto fake = cluster(1);
        FakeClusterApi::Group g;
        g.committed[{QStringLiteral("orders"), 0}] = 20; // caught up: the next record is offset 20
        fake->setGroup(QStringLiteral("g0"), g);
        LagSampler::Options so;
        so.timestampReadBudget = 0;
        LagSampler sampler(so);
        LagMonitor monitor;
        const qint64 t0 = 1'700'000'100'000LL;
        std::optional<PartitionLag> last;
        for (int round = 0; round < 3; ++round) {
            auto raw = sampler.sample(*fake);
            QVERIFY(raw.ok());
            for (const RawGroupSample &rg : raw.value().groups)
                for (const RawPartitionSample &rp : rg.partitions)
                    QVERIFY(!rp.committedRecordTimestampMs); // nothing read: over budget
            RawLagSample s = raw.value();
            s.atMs = t0 + round * 60'000;
            const LagSnapshot snap = monitor.ingest(s);
            QVERIFY(snap.group(QStringLiteral("g0")));
            last = snap.group(QStringLiteral("g0"))->partitions.first();
            for (int i = 0; i < 30; ++i) // record 20 onwards appear between this sample and the next
                fake->append(QStringLiteral("orders"), 0, t0 + round * 60'000 + 30'000);
        }
        QVERIFY(last && last->timeLagSeconds);
        QVERIFY(last->timeLagEstimated);
        QVERIFY2(*last->timeLagSeconds > 0 && *last->timeLagSeconds <= 120, qPrintable(QString::number(*last->timeLagSeconds)));
    }

    void hangingAlertHookNeverHoldsUpSampling()
    {
        auto fake = cluster(1); // lag 20 on g0
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        const QString received = m_dir.filePath(QStringLiteral("hook-received.json"));
        const QString pidFile = m_dir.filePath(QStringLiteral("hook-hang.pid"));
        // The hook reads the alert, then hangs far longer than this test runs.
        settings.alertCommand = QStringLiteral("echo $$ > '%1'; cat > '%2'; sleep 60").arg(pidFile, received);
        auto o = options();
        o.alertCommandTimeoutMs = 120000;
        LagService service(connection(fake), settings, o);
        QSignalSpy alerts(&service, &LagService::alertsRaised);
        QSignalSpy rounds(&service, &LagService::samplingRoundFinished);
        service.start(3600);
        QVERIFY(alerts.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(received).size() > 0 && QFileInfo(pidFile).size() > 0, 10000);
        const qint64 hook = readPid(pidFile);
        QVERIFY(hook > 0);
        // Three more rounds finish while the hook still hangs.
        for (int i = 0; i < 3; ++i) {
            const int before = int(rounds.size());
            service.sampleNow();
            QTRY_VERIFY_WITH_TIMEOUT(rounds.size() > before, 20000);
        }
        QVERIFY2(running(hook), "the hook still runs: sampling did not wait for it");
        ::kill(pid_t(-hook), SIGKILL);
        QFile f(received);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll().contains("\"g0\""), "the hook received the alert as JSON");
    }

    void hungAlertHookIsKilledAtItsBoundAndLogged()
    {
        auto fake = cluster(1);
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        const QString shellPid = m_dir.filePath(QStringLiteral("hook-bound.pid"));
        const QString childPid = m_dir.filePath(QStringLiteral("hook-bound-child.pid"));
        // A shell that waits for a child: the bound must take both.
        settings.alertCommand = QStringLiteral("sleep 60 & echo $! > '%1'; echo $$ > '%2'; wait").arg(childPid, shellPid);
        auto o = options();
        o.alertCommandTimeoutMs = 1000;
        LogCounter killed("killed");
        LagService service(connection(fake), settings, o);
        QSignalSpy alerts(&service, &LagService::alertsRaised);
        service.start(3600);
        QVERIFY(alerts.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(shellPid).size() > 0 && QFileInfo(childPid).size() > 0, 10000);
        const qint64 shell = readPid(shellPid), child = readPid(childPid);
        QVERIFY(shell > 0 && child > 0);
        // Well before the hook's own 60 s: gone because the service killed it.
        QTRY_VERIFY_WITH_TIMEOUT(!running(shell) && !running(child), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(killed.count() > 0, 10000);
    }

    void alertCommandIsAShellCommandLine()
    {
        auto fake = cluster(1);
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("with space")));
        const QString received = m_dir.filePath(QStringLiteral("with space/received.json"));
        // Single quotes keep the path one word, as in a terminal.
        settings.alertCommand = QStringLiteral("cat > '%1'").arg(received);
        LagService service(connection(fake), settings, options());
        QSignalSpy alerts(&service, &LagService::alertsRaised);
        service.start(3600);
        QVERIFY(alerts.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(received).size() > 0, 10000);
        QFile f(received);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("\"g0\""));
    }

    void alertHookThatCannotStartIsLoggedAndSamplingGoesOn()
    {
        auto fake = cluster(1);
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        settings.alertCommand = QStringLiteral("/nonexistent/kops-alert-hook --flag");
        LogCounter logged("alert command");
        LagService service(connection(fake), settings, options());
        QSignalSpy alerts(&service, &LagService::alertsRaised);
        QSignalSpy rounds(&service, &LagService::samplingRoundFinished);
        service.start(3600);
        QVERIFY(alerts.wait(20000)); // the alert still reaches the console
        QTRY_VERIFY_WITH_TIMEOUT(logged.count() > 0, 10000);
        const int before = int(rounds.size());
        service.sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.size() > before, 20000);
    }
};

QTEST_GUILESS_MAIN(TestLagService)
#include "tst_lagservice.moc"
