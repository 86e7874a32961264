// Real-broker suite (CTest label "realbroker"): a group's past lag reconstructed from the
// commit log (__consumer_offsets) and offsets for timestamps, against the Apache Kafka broker
// named by KOPS_TEST_BOOTSTRAP=host:port; skipped otherwise. The test commits offsets at known
// times (a few seconds apart over about a minute, records produced between commits with
// known timestamps), then reconstructs from a fresh history and compares with what was
// committed at each time (exactly) and with the records written up to it (exactly: the
// records carry the test's own CreateTime stamps). Then the same through `kafka-ops
// lag-history --json` as a process.
#include "historystore.h"
#include "lagreconstruction.h"
#include "rdkafkaclusterapi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "realbrokercleanup.h"

#include <memory>

using namespace kops;
using kops::test::cleanup;

namespace {

constexpr int kPartitions = 3;

/// One commit of the test: the offsets, and when the call started and returned.
struct Commit
{
    qint64 beforeMs = 0;
    qint64 afterMs = 0;
    QList<qint64> offsets; ///< per partition
};

} // namespace

class TestLagReconstructionRealBroker : public QObject
{
    Q_OBJECT

private:
    QString m_bootstrap;
    std::unique_ptr<RdKafkaClusterApi> m_api;
    QString m_topic;
    QList<Commit> m_commits;
    QList<QList<qint64>> m_timestamps; ///< per partition: each record's CreateTime, in offset order
    qint64 m_startMs = 0;

    /// The commit in force at t, or -1 before the first; -2 when t is within a commit call.
    int commitAt(qint64 t) const
    {
        int found = -1;
        for (int i = 0; i < m_commits.size(); ++i) {
            if (t >= m_commits[i].beforeMs && t < m_commits[i].afterMs + 50)
                return -2; // the broker stamped it somewhere in there: not a fair question
            if (m_commits[i].afterMs + 50 <= t)
                found = i;
        }
        return found;
    }

    qint64 recordsUpTo(int partition, qint64 t) const
    {
        const QList<qint64> &ts = m_timestamps[partition];
        return std::upper_bound(ts.cbegin(), ts.cend(), t) - ts.cbegin();
    }

private slots:
    void initTestCase()
    {
        m_bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (m_bootstrap.isEmpty())
            QSKIP("KOPS_TEST_BOOTSTRAP is not set: no real broker to test against");
        cleanup().setBootstrap(m_bootstrap);
        m_api = std::make_unique<RdKafkaClusterApi>(QList<QPair<QString, QString>>{{QStringLiteral("bootstrap.servers"), m_bootstrap}});
        m_topic = cleanup().unique(QStringLiteral("i17-recon"));
        QVERIFY(m_api->createTopic({m_topic, kPartitions, 1, {}}).ok());
        for (int i = 0; i < 50; ++i) {
            auto md = m_api->topicMetadata({m_topic});
            if (md && md.value().topic(m_topic) && md.value().topic(m_topic)->errorCode.isEmpty())
                break;
            QThread::msleep(200);
        }
        m_timestamps.resize(kPartitions);

        // 14 rounds 4 s apart: records produced (with the test's timestamps), then a commit:
        // partition 0 keeps up, 1 falls behind and is rewound at round 5, 2 stops after round 8.
        m_startMs = QDateTime::currentMSecsSinceEpoch();
        QList<qint64> committed(kPartitions, 0);
        for (int round = 0; round < 14; ++round) {
            QList<OutgoingRecord> batch;
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (int p = 0; p < kPartitions; ++p)
                for (int k = 0; k < 5 + round; ++k) {
                    OutgoingRecord r;
                    r.topic = m_topic;
                    r.partition = p;
                    r.value = QByteArray("v");
                    r.timestampMs = now - 1000 + k * 10; // in order, all before the commit below
                    batch.append(r);
                    m_timestamps[p].append(r.timestampMs);
                }
            auto sent = m_api->produce(batch);
            QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().toString()));
            committed[0] = m_timestamps[0].size();
            committed[1] = round == 5 ? committed[1] / 2 : qint64(m_timestamps[1].size()) - 3 * round;
            if (round <= 8)
                committed[2] = m_timestamps[2].size();
            // Partition 2 is no longer committed at all after round 8 (a commit of the same
            // offset would be a STALL: commits keep arriving).
            QList<PartitionOffset> offsets;
            for (int p = 0; p < (round <= 8 ? kPartitions : 2); ++p)
                offsets.append({m_topic, p, committed[p], {}, {}});
            Commit c;
            c.beforeMs = QDateTime::currentMSecsSinceEpoch();
            auto done = m_api->alterGroupOffsets(m_topic, offsets);
            c.afterMs = QDateTime::currentMSecsSinceEpoch();
            QVERIFY2(done, qPrintable(done ? QString() : done.error().toString()));
            for (const PartitionOffset &po : done.value())
                QVERIFY2(!po.hasError(), qPrintable(po.errorMessage));
            c.offsets = committed;
            m_commits.append(c);
            QThread::msleep(4000);
        }
    }

    void cleanupTestCase()
    {
        m_api.reset();
        QString error;
        QVERIFY2(cleanup().run(&error), qPrintable(error));
    }

    // Every reconstructed step's committed offsets are the ones committed last before it, its
    // log ends the records stamped up to it; the rewind and the stop show in the statuses.
    void reconstructsWhatWasCommitted()
    {
        LagReconstructor::Options o;
        o.stepMs = 1000;
        o.windowSize = 5;
        const qint64 from = m_startMs - 5000;
        const qint64 to = QDateTime::currentMSecsSinceEpoch();
        auto r = LagReconstructor::reconstruct(*m_api, m_topic, from, to, o);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r.value().partitions.size(), kPartitions);
        QVERIFY(r.value().lookups > 0);
        int compared = 0;
        for (const ReconstructedPartition &p : r.value().partitions) {
            QCOMPARE(p.tp.topic, m_topic);
            QVERIFY(!p.points.isEmpty());
            // Nothing before the first commit: the reach is the first commit, not compaction.
            QVERIFY(p.reachedMs >= m_commits.first().beforeMs - 1000);
            for (const OffsetObservation &obs : p.points) {
                const int c = commitAt(obs.atMs);
                QVERIFY2(c != -1, qPrintable(QStringLiteral("a point at %1, before the first commit").arg(obs.atMs)));
                if (c == -2)
                    continue;
                QCOMPARE(obs.committed, m_commits[c].offsets[p.tp.partition]);
                QCOMPARE(obs.logEnd, recordsUpTo(p.tp.partition, obs.atMs));
                ++compared;
            }
        }
        QVERIFY2(compared > 3 * 40, qPrintable(QString::number(compared)));
        bool rewound = false;
        for (const ReconstructedStatus &s : r.value().statuses)
            rewound = rewound || s.status == HealthStatus::Rewind;
        QVERIFY(rewound);
        QCOMPARE(r.value().statusSpans().last().status, HealthStatus::Stop); // partition 2 stopped, no member

        // Stored into a fresh history: the chart holds them, marked reconstructed.
        QTemporaryDir dir;
        HistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store.open().ok());
        QVERIFY(store.recordReconstructed(QStringLiteral("real"), r.value()));
        const GroupHistory chart = store.chart(QStringLiteral("real"), m_topic, from, to);
        QVERIFY(!chart.points.isEmpty());
        for (const GroupHistoryPoint &p : chart.points)
            QVERIFY(p.reconstructed);
    }

    // kafka-ops lag-history GROUP --since --step --json: the points, each marked reconstructed
    // (a fresh history: nothing sampled), with the committed offsets of the test.
    void cliPrintsTheReconstructedPoints()
    {
        QTemporaryDir home;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        cli.setProcessEnvironment(env);
        const qint64 sinceS = (QDateTime::currentMSecsSinceEpoch() - m_startMs) / 1000 + 10;
        cli.start(qEnvironmentVariable("KOPS_CLI"), {QStringLiteral("lag-history"), m_topic, QStringLiteral("--since"),
                                                     QStringLiteral("%1s").arg(sinceS), QStringLiteral("--step"),
                                                     QStringLiteral("2s"), QStringLiteral("--json"), QStringLiteral("-b"), m_bootstrap});
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonObject out = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(out.value(QStringLiteral("group")).toString(), m_topic);
        const QJsonArray points = out.value(QStringLiteral("points")).toArray();
        QVERIFY(points.size() > 3 * 20);
        int compared = 0;
        for (const QJsonValue &v : points) {
            const QJsonObject p = v.toObject();
            QVERIFY(p.value(QStringLiteral("reconstructed")).toBool());
            for (const char *key : {"time", "topic", "partition", "committed", "logEnd", "lag", "reconstructed"})
                QVERIFY2(p.contains(QLatin1String(key)), key);
            const int c = commitAt(qint64(p.value(QStringLiteral("timeMs")).toDouble()));
            if (c < 0)
                continue;
            const int partition = p.value(QStringLiteral("partition")).toInt();
            QCOMPARE(qint64(p.value(QStringLiteral("committed")).toDouble()), m_commits[c].offsets[partition]);
            QCOMPARE(qint64(p.value(QStringLiteral("lag")).toDouble()),
                     recordsUpTo(partition, qint64(p.value(QStringLiteral("timeMs")).toDouble())) - m_commits[c].offsets[partition]);
            ++compared;
        }
        QVERIFY(compared > 3 * 15);
        QCOMPARE(out.value(QStringLiteral("reconstructedStatuses")).toArray().last().toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("STOP"));

        // A group with no commits: nothing to reconstruct, said so, exit 0; a bad --since: usage.
        QProcess none;
        none.setProcessEnvironment(env);
        none.start(qEnvironmentVariable("KOPS_CLI"), {QStringLiteral("lag-history"), m_topic + QStringLiteral("-none"),
                                                      QStringLiteral("--since"), QStringLiteral("10m"), QStringLiteral("-b"), m_bootstrap});
        QVERIFY(none.waitForFinished(120000));
        QCOMPARE(none.exitCode(), 0);
        const QString noneOut = QString::fromUtf8(none.readAllStandardOutput());
        QVERIFY2(noneOut.startsWith(QStringLiteral("No lag history of group")) && noneOut.contains(QStringLiteral("no commit of it"))
                     && noneOut.count(QLatin1Char('\n')) == 1,
                 qPrintable(noneOut)); // one sentence, no table header over nothing
        QProcess bad;
        bad.start(qEnvironmentVariable("KOPS_CLI"), {QStringLiteral("lag-history"), m_topic, QStringLiteral("--since"),
                                                     QStringLiteral("soon"), QStringLiteral("-b"), m_bootstrap});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 64);
    }
};

QTEST_GUILESS_MAIN(TestLagReconstructionRealBroker)
#include "tst_lagreconstructionrealbroker.moc"
