// Real-broker suite (CTest label "realbroker"): lag health from the commit stream
// (__consumer_offsets) against the Apache Kafka broker named by KOPS_TEST_BOOTSTRAP=host:port;
// skipped otherwise. The two stuck cases OffsetFetch cannot tell apart: a member that stays
// in its group but stopped committing, and one that commits the same offset again and again.
#include "commitstreamfile.h"
#include "lagmonitor.h"
#include "lagsampler.h"
#include "rdkafkaclusterapi.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "realbrokercleanup.h"

#include <librdkafka/rdkafka.h>

#include <memory>

using namespace kops;
using kops::test::cleanup;
using kops::test::unique;

namespace {

/// A real group member (librdkafka high-level consumer, manual commits only).
class Member
{
public:
    Member(const QString &bootstrap, const QString &group, const QString &topic, const QString &clientId)
    {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        const QList<QPair<QByteArray, QByteArray>> props{
            {"bootstrap.servers", bootstrap.toUtf8()}, {"group.id", group.toUtf8()},
            {"client.id", clientId.toUtf8()},          {"enable.auto.commit", "false"},
            {"auto.offset.reset", "earliest"},          {"session.timeout.ms", "30000"}};
        for (const auto &p : props)
            rd_kafka_conf_set(conf, p.first.constData(), p.second.constData(), errstr, sizeof errstr);
        m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        rd_kafka_poll_set_consumer(m_rk);
        rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(sub, topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(m_rk, sub);
        rd_kafka_topic_partition_list_destroy(sub);
        m_topic = topic;
    }

    ~Member()
    {
        rd_kafka_consumer_close(m_rk);
        rd_kafka_destroy(m_rk);
    }

    /// Polls (stays alive in the group) until it owns a partition or the time is up.
    bool waitAssigned(int ms)
    {
        const QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired()) {
            poll(100);
            rd_kafka_topic_partition_list_t *a = nullptr;
            rd_kafka_assignment(m_rk, &a);
            const bool assigned = a && a->cnt > 0;
            if (a)
                rd_kafka_topic_partition_list_destroy(a);
            if (assigned)
                return true;
        }
        return false;
    }

    void poll(int ms)
    {
        const QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired())
            if (rd_kafka_message_t *m = rd_kafka_consumer_poll(m_rk, 20))
                rd_kafka_message_destroy(m);
    }

    rd_kafka_resp_err_t commit(qint64 offset)
    {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(list, m_topic.toUtf8().constData(), 0)->offset = offset;
        const rd_kafka_resp_err_t err = rd_kafka_commit(m_rk, list, 0);
        rd_kafka_topic_partition_list_destroy(list);
        return err;
    }

private:
    rd_kafka_t *m_rk = nullptr;
    QString m_topic;
};

} // namespace

class TestCommitStreamRealBroker : public QObject
{
    Q_OBJECT

private:
    QString m_bootstrap;
    std::unique_ptr<RdKafkaClusterApi> m_api;

    /// A one-partition topic holding `count` records.
    bool createWithRecords(const QString &topic, int count)
    {
        NewTopic nt;
        nt.name = topic;
        nt.partitions = 1;
        if (!m_api->createTopic(nt).ok())
            return false;
        QList<OutgoingRecord> records;
        for (int i = 0; i < count; ++i) {
            OutgoingRecord r;
            r.topic = topic;
            r.partition = 0;
            r.value = QByteArray("v");
            records.append(r);
        }
        return m_api->produce(records).ok();
    }

private slots:
    void initTestCase()
    {
        m_bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (m_bootstrap.isEmpty())
            QSKIP("Real-broker suite skipped: set KOPS_TEST_BOOTSTRAP=host:port to run it against a Kafka broker.");
        m_api = std::make_unique<RdKafkaClusterApi>(
            QList<QPair<QString, QString>>{{QStringLiteral("bootstrap.servers"), m_bootstrap}});
        cleanup().setBootstrap(m_bootstrap);
        QVERIFY(m_api->metadata().ok());
    }

    void cleanupTestCase()
    {
        QString error;
        QVERIFY2(cleanup().run(&error), qPrintable(error));
    }

    /// A second process continues the stream from the state the first saved: same commits, only
    /// the records written since are read; a saved state that does not fit the log is dropped.
    void aSecondRunContinuesFromTheSavedState()
    {
        const QString topic = unique(QStringLiteral("kops-cs-saved"));
        QVERIFY(createWithRecords(topic, 50));
        const QString group = unique(QStringLiteral("kops-cs-saved-g"));
        Member m(m_bootstrap, group, topic, QStringLiteral("saved-1"));
        QVERIFY(m.waitAssigned(60000));
        QCOMPARE(m.commit(5), RD_KAFKA_RESP_ERR_NO_ERROR);

        QTemporaryDir dir;
        CommitStreamReader::Options o;
        o.lookBackMs = 60 * 60 * 1000;
        o.statePath = commitstreamfile::pathFor(dir.path(), QStringLiteral("real broker"));
        const TopicPartition tp{topic, 0};
        auto committedIn = [&](const CommitStreamReader &r) -> qint64 {
            const StreamGroup *g = r.state().group(group);
            return g && g->commits.contains(tp) ? g->commits.value(tp).offset : -1;
        };

        CommitStreamReader first(o);
        QVERIFY(first.update(*m_api).ok());
        QCOMPARE(first.resumedFromMs(), qint64(-1));
        QCOMPARE(committedIn(first), qint64(5));
        QVERIFY(QFile::exists(o.statePath)); // saved after the first read

        QCOMPARE(m.commit(9), RD_KAFKA_RESP_ERR_NO_ERROR);
        CommitStreamReader second(o);
        QVERIFY(second.update(*m_api).ok());
        QVERIFY(second.resumedFromMs() > 0);
        QCOMPARE(committedIn(second), qint64(9));
        CommitStreamReader fresh(CommitStreamReader::Options{o.lookBackMs, o.readChunk, o.readTimeoutMs, QString()});
        QVERIFY(fresh.update(*m_api).ok());
        QCOMPARE(committedIn(fresh), qint64(9));
        const StreamCommit a = second.state().group(group)->commits.value(tp);
        const StreamCommit b = fresh.state().group(group)->commits.value(tp);
        QCOMPARE(a.commitMs, b.commitMs);
        QCOMPARE(a.offsetSinceMs, b.offsetSinceMs);
        QCOMPARE(a.changeSeen, b.changeSeen);
        QVERIFY(second.state().group(group)->metadata.has_value());
        // What the second run read itself: the commits since the first, not the whole look-back.
        const qint64 readBySecond = second.state().recordsApplied() - first.state().recordsApplied();
        QVERIFY2(readBySecond >= 1 && readBySecond < fresh.state().recordsApplied(),
                 qPrintable(QStringLiteral("%1 of %2").arg(readBySecond).arg(fresh.state().recordsApplied())));

        // Positions past the log's end (another cluster behind the same name): read again.
        second.save();
        auto saved = commitstreamfile::load(o.statePath);
        QVERIFY(saved);
        for (qint64 &pos : saved->positions)
            pos += 1'000'000'000;
        saved->groups.clear();
        QVERIFY(commitstreamfile::save(o.statePath, *saved));
        CommitStreamReader mismatched(o);
        QVERIFY(mismatched.update(*m_api).ok());
        QCOMPARE(mismatched.resumedFromMs(), qint64(-1));
        QCOMPARE(committedIn(mismatched), qint64(9));

        // Another cluster id: not used either.
        saved = commitstreamfile::load(o.statePath);
        QVERIFY(saved);
        saved->clusterId = QStringLiteral("another-cluster");
        saved->groups.clear();
        QVERIFY(commitstreamfile::save(o.statePath, *saved));
        CommitStreamReader other(o);
        QVERIFY(other.update(*m_api).ok());
        QCOMPARE(other.resumedFromMs(), qint64(-1));
        QCOMPARE(committedIn(other), qint64(9));
    }

    void aliveButNotCommittingAndCommittingTheSameOffsetAreTwoStalls()
    {
        const QString topicA = unique(QStringLiteral("kops-cs-a"));
        const QString topicB = unique(QStringLiteral("kops-cs-b"));
        for (const QString &t : {topicA, topicB})
            QVERIFY(createWithRecords(t, 100));
        const QString silent = unique(QStringLiteral("kops-cs-silent"));
        const QString repeating = unique(QStringLiteral("kops-cs-repeat"));
        Member a(m_bootstrap, silent, topicA, QStringLiteral("silent-1"));
        Member b(m_bootstrap, repeating, topicB, QStringLiteral("repeat-1"));
        QVERIFY(a.waitAssigned(60000));
        QVERIFY(b.waitAssigned(60000));
        QCOMPARE(a.commit(10), RD_KAFKA_RESP_ERR_NO_ERROR); // once, then never again

        LagSampler::Options so;
        so.stream.lookBackMs = 10 * 60 * 1000;
        LagSampler sampler(so);
        LagMonitor::Options mo;
        mo.windowSize = 3;
        LagMonitor monitor(mo);
        LagSnapshot snap;
        QList<qint64> sampledAt;
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(b.commit(10), RD_KAFKA_RESP_ERR_NO_ERROR); // the same offset, every time
            auto raw = sampler.sample(*m_api, {silent, repeating});
            QVERIFY2(raw.ok(), qPrintable(raw.ok() ? QString() : raw.error().toString()));
            QCOMPARE(raw.value().offsetSource, QStringLiteral("commit stream"));
            sampledAt << raw.value().atMs;
            snap = monitor.ingest(raw.value());
            a.poll(1200); // both stay alive in their groups between samples
            b.poll(10);
        }

        const GroupLag *ga = snap.group(silent);
        const GroupLag *gb = snap.group(repeating);
        QVERIFY(ga && gb);
        qInfo().noquote() << "silent:" << ga->reason << "\nrepeating:" << gb->reason;
        QCOMPARE(ga->offsetSource, QStringLiteral("commit stream"));
        QCOMPARE(ga->memberCount, 1);
        QCOMPARE(ga->status, HealthStatus::Stall);
        QVERIFY2(ga->reason.contains(QLatin1String("offset 10 unchanged for ")), qPrintable(ga->reason));
        QVERIFY2(ga->reason.contains(QLatin1String("member silent-1 on ")), qPrintable(ga->reason));
        QVERIFY2(ga->reason.contains(QLatin1String("owns the partition but commits nothing")), qPrintable(ga->reason));
        // Durations from the commit itself, not the window (the window is the last 3 samples).
        const double span = double(sampledAt.last() - sampledAt.first()) / 1000.0;
        QVERIFY(ga->lastCommitAgeSeconds);
        QVERIFY2(*ga->lastCommitAgeSeconds >= span, qPrintable(QString::number(*ga->lastCommitAgeSeconds)));
        QVERIFY(*ga->partitions.first().offsetUnchangedSeconds >= span);

        QCOMPARE(gb->status, HealthStatus::Stall);
        QVERIFY2(gb->reason.contains(QLatin1String("commits keep arriving with the same offset (4 commits of it")),
                 qPrintable(gb->reason));
        QVERIFY2(gb->reason.contains(QLatin1String("member repeat-1 on ")), qPrintable(gb->reason));
        QVERIFY(gb->lastCommitAgeSeconds && *gb->lastCommitAgeSeconds < *ga->lastCommitAgeSeconds);

        // kafka-ops lag --json: the last commit's age and the source, from a fresh process.
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("KOPS_CLI"), {QStringLiteral("lag"), QStringLiteral("--json"), QStringLiteral("-q"),
                                                   QStringLiteral("--group"), silent, QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonArray groups = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
        QCOMPARE(groups.size(), 1);
        const QJsonObject g = groups.first().toObject();
        QCOMPARE(g.value(QStringLiteral("offsetSource")).toString(), QStringLiteral("commit stream"));
        QVERIFY(g.value(QStringLiteral("lastCommitAgeSeconds")).toDouble(-1) >= span);
        QVERIFY(g.value(QStringLiteral("partitions")).toArray().first().toObject().value(QStringLiteral("lastCommitAgeSeconds")).isDouble());
    }
};

QTEST_GUILESS_MAIN(TestCommitStreamRealBroker)
#include "tst_commitstreamrealbroker.moc"
