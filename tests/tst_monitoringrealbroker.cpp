// Real-broker suite (CTest label "realbroker") for headless monitoring: `kafka-ops alerts`
// as a monitoring plugin and `kafka-ops serve`, run as processes against the Apache Kafka
// broker named by KOPS_TEST_BOOTSTRAP=host:port; skipped otherwise. Uniquely named
// topics and groups; each process gets its own empty data and config directories.
#include "prometheusparser.h"
#include "connectionstore.h"
#include "lagsettings.h"
#include "rdkafkaclusterapi.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "realbrokercleanup.h"

#include <librdkafka/rdkafka.h>

using namespace kops;
using kops::test::cleanup;
using kops::test::unique;
using kops::test::PromSample;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

QByteArray httpGet(const QUrl &url, int *status = nullptr)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

std::optional<double> valueOf(const QList<PromSample> &all, const QString &name, const QMap<QString, QString> &labels)
{
    for (const PromSample &s : all)
        if (s.name == name && s.labels == labels)
            return s.value;
    return std::nullopt;
}

/// Deletes a consumer group with the Admin API, as an operator (or offset expiry) would.
QString deleteGroup(const QString &bootstrap, const QString &group)
{
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk)
        return QString::fromUtf8(errstr);
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    rd_kafka_DeleteGroup_t *del = rd_kafka_DeleteGroup_new(group.toUtf8().constData());
    rd_kafka_DeleteGroups(rk, &del, 1, nullptr, queue);
    rd_kafka_DeleteGroup_destroy(del);
    QString error = QStringLiteral("no answer");
    if (rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 30000)) {
        if (rd_kafka_event_error(ev)) {
            error = QString::fromUtf8(rd_kafka_event_error_string(ev));
        } else {
            size_t n = 0;
            const rd_kafka_group_result_t **results =
                rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(ev), &n);
            error = n == 1 && !rd_kafka_group_result_error(results[0])
                        ? QString()
                        : QString::fromUtf8(n == 1 ? rd_kafka_error_string(rd_kafka_group_result_error(results[0])) : "?");
        }
        rd_kafka_event_destroy(ev);
    }
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(rk);
    return error;
}

} // namespace

class TestMonitoringRealBroker : public QObject
{
    Q_OBJECT

private:
    QString m_bootstrap;
    QString m_cli;
    QTemporaryDir m_home;
    std::unique_ptr<RdKafkaClusterApi> m_api;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.filePath(QStringLiteral("state")));
        return env;
    }

    Run kafkaOps(const QStringList &args, const QString &bootstrap = {})
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(m_cli, QStringList(args) << QStringLiteral("--bootstrap") << (bootstrap.isEmpty() ? m_bootstrap : bootstrap));
        Run r;
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
        }
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    /// A topic of `partitions` x `records`, written an hour ago, and a group committed at `committed`.
    QPair<QString, QString> laggingGroup(int partitions, int records, qint64 committed)
    {
        const QString topic = unique(QStringLiteral("kops-mon"));
        NewTopic nt;
        nt.name = topic;
        nt.partitions = partitions;
        const Status created = m_api->createTopic(nt);
        if (!created.ok())
            qWarning() << created.error().toString();
        produce(topic, partitions, records, QDateTime::currentMSecsSinceEpoch() - 3600 * 1000);
        const QString group = unique(QStringLiteral("kops-mon-group"));
        QList<PartitionOffset> offsets;
        for (int p = 0; p < partitions; ++p) {
            PartitionOffset po;
            po.topic = topic;
            po.partition = p;
            po.offset = committed;
            offsets.append(po);
        }
        auto altered = m_api->alterGroupOffsets(group, offsets);
        if (!altered.ok())
            qWarning() << altered.error().toString();
        return {topic, group};
    }

    void produce(const QString &topic, int partitions, int perPartition, qint64 timestampMs)
    {
        QList<OutgoingRecord> records;
        for (int p = 0; p < partitions; ++p)
            for (int i = 0; i < perPartition; ++i) {
                OutgoingRecord r;
                r.topic = topic;
                r.partition = p;
                r.value = QByteArray("v");
                r.timestampMs = timestampMs;
                records.append(r);
            }
        auto reports = m_api->produce(records);
        QVERIFY(reports.ok());
        for (const DeliveryReport &d : reports.value())
            QVERIFY2(d.errorCode.isEmpty(), qPrintable(d.errorMessage));
    }

private slots:
    void initTestCase()
    {
        m_bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (m_bootstrap.isEmpty())
            QSKIP("Real-broker suite skipped: set KOPS_TEST_BOOTSTRAP=host:port to run it against a Kafka broker.");
        m_cli = qEnvironmentVariable("KOPS_CLI");
        QVERIFY2(!m_cli.isEmpty(), "KOPS_CLI names the kafka-ops binary (set by CTest)");
        m_api = std::make_unique<RdKafkaClusterApi>(QList<QPair<QString, QString>>{{QStringLiteral("bootstrap.servers"), m_bootstrap}});
        cleanup().setBootstrap(m_bootstrap);
        QVERIFY(m_api->metadata().ok());
    }

    void cleanupTestCase()
    {
        QString error;
        QVERIFY2(cleanup().run(&error), qPrintable(error));
    }

    void unknownGroupIsUnknownNeverOk()
    {
        const QString ghost = unique(QStringLiteral("no-such-group"));
        Run r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), ghost, QStringLiteral("--max-lag"), QStringLiteral("1")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.startsWith(QStringLiteral("UNKNOWN %1: group not found").arg(ghost)), qPrintable(r.out + r.err));

        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), ghost, QStringLiteral("--format"), QStringLiteral("plugin")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.startsWith(QLatin1String("KAFKA LAG UNKNOWN - 1 consumer group: 1 unknown; UNKNOWN ")), qPrintable(r.out));

        r = kafkaOps({QStringLiteral("lag"), QStringLiteral("--group"), ghost, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject g = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(g.value(QStringLiteral("group")).toString(), ghost);
        QCOMPARE(g.value(QStringLiteral("status")).toString(), QStringLiteral("UNKNOWN"));
        QCOMPARE(g.value(QStringLiteral("state")).toString(), QStringLiteral("Dead"));
    }

    void unreachableClusterIsUnknown()
    {
        const Run r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--format"), QStringLiteral("plugin")},
                               QStringLiteral("127.0.0.1:1"));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.startsWith(QLatin1String("KAFKA LAG UNKNOWN - ")), qPrintable(r.out));
    }

    void refusedCredentialsAreUnknown()
    {
        // The test broker's SASL listener is next to the plaintext one (see ../shared/kafka/README.md).
        const QString host = m_bootstrap.section(QLatin1Char(':'), 0, 0);
        const int port = m_bootstrap.section(QLatin1Char(':'), 1).toInt();
        const Run r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("-X"), QStringLiteral("security.protocol=SASL_PLAINTEXT"),
                                QStringLiteral("-X"), QStringLiteral("sasl.mechanism=PLAIN"), QStringLiteral("-X"),
                                QStringLiteral("sasl.username=alice"), QStringLiteral("-X"),
                                QStringLiteral("sasl.password=wrong-password"), QStringLiteral("--format"), QStringLiteral("plugin")},
                               QStringLiteral("%1:%2").arg(host).arg(port + 1));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.startsWith(QLatin1String("KAFKA LAG UNKNOWN - ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("uthentication"), Qt::CaseInsensitive), qPrintable(r.out));
    }

    void laggingGroupIsCriticalWithPerformanceData()
    {
        const auto [topic, group] = laggingGroup(1, 10, 3);
        Run r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), group, QStringLiteral("--max-lag"),
                          QStringLiteral("5"), QStringLiteral("--format"), QStringLiteral("plugin")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.out.startsWith(QStringLiteral("KAFKA LAG CRITICAL - 1 consumer group: 1 critical; ERR %1: %2/0: lag 7 above the limit of 5 | '%1/lag'=7;;5;0 '%1/time_lag'=")
                                      .arg(group, topic)),
                 qPrintable(r.out));
        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), group, QStringLiteral("--max-lag"), QStringLiteral("100")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("All 1 consumer groups are OK.")), qPrintable(r.out));
    }

    void deletedGroupIsReportedGoneOnce()
    {
        const auto [topic, group] = laggingGroup(1, 5, 5);
        Run r = kafkaOps({QStringLiteral("alerts")});
        QVERIFY2(r.code >= 0 && r.code <= 3, qPrintable(r.err));
        QVERIFY2(!r.out.contains(group + QStringLiteral(": gone")), qPrintable(r.out));
        const QString deleted = deleteGroup(m_bootstrap, group);
        QVERIFY2(deleted.isEmpty(), qPrintable(deleted));
        QTest::qWait(1100); // the history keeps one sample per second
        r = kafkaOps({QStringLiteral("alerts")});
        QVERIFY2(r.out.contains(QStringLiteral("UNKNOWN %1: gone: the cluster no longer has this group").arg(group)),
                 qPrintable(r.out + r.err));
        QVERIFY2(r.code == 2 || r.code == 3, qPrintable(QString::number(r.code))); // others on the broker may be CRITICAL
        QTest::qWait(1100);
        r = kafkaOps({QStringLiteral("alerts")});
        QVERIFY2(!r.out.contains(group), qPrintable(r.out));
    }

    void serveFollowsAGrowingLagAndAgreesWithLagJson()
    {
        const auto [topic, group] = laggingGroup(2, 10, 4); // lag 6 per partition
        QProcess serve;
        serve.setProcessEnvironment(environment());
        serve.start(m_cli, {QStringLiteral("serve"), QStringLiteral("--bootstrap"), m_bootstrap, QStringLiteral("--group"), group,
                            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--interval"),
                            QStringLiteral("1s")});
        QVERIFY(serve.waitForStarted(10000));
        QVERIFY(serve.waitForReadyRead(30000));
        const QString banner = QString::fromUtf8(serve.readLine());
        const auto m = QRegularExpression(QStringLiteral("^Serving http://127\\.0\\.0\\.1:(\\d+)/metrics")).match(banner);
        QVERIFY2(m.hasMatch(), qPrintable(banner));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m.captured(1));

        const QMap<QString, QString> p0{{QStringLiteral("cluster"), m_bootstrap},
                                        {QStringLiteral("consumergroup"), group},
                                        {QStringLiteral("topic"), topic},
                                        {QStringLiteral("partition"), QStringLiteral("0")}};
        auto scrape = [&] {
            QString error;
            const QList<PromSample> samples = kops::test::parsePrometheusText(httpGet(QUrl(base + QStringLiteral("/metrics"))), &error);
            if (!error.isEmpty())
                qWarning() << error;
            return samples;
        };
        auto lagOf = [&](const QList<PromSample> &s) { return valueOf(s, QStringLiteral("kafka_consumergroup_lag"), p0); };
        QList<PromSample> samples;
        for (int i = 0; i < 60 && lagOf(samples) != 6.0; ++i) {
            QTest::qWait(500);
            samples = scrape();
        }
        QCOMPARE(lagOf(samples).value_or(-1), 6.0);

        // The lag grows as records arrive and nobody consumes them.
        produce(topic, 2, 15, QDateTime::currentMSecsSinceEpoch());
        for (int i = 0; i < 60 && lagOf(samples) != 21.0; ++i) {
            QTest::qWait(500);
            samples = scrape();
        }
        QCOMPARE(lagOf(samples).value_or(-1), 21.0);
        QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_total_lag"),
                         {{QStringLiteral("cluster"), m_bootstrap}, {QStringLiteral("consumergroup"), group}})
                     .value_or(-1),
                 42.0);
        int status = 0;
        httpGet(QUrl(base + QStringLiteral("/healthz")), &status);
        QCOMPARE(status, 200);

        // Nothing moves now: serve's /metrics, its /api/groups and a separate `lag --json` see the same sample.
        const Run lag = kafkaOps({QStringLiteral("lag"), QStringLiteral("--group"), group, QStringLiteral("--json")});
        QCOMPARE(lag.code, 0);
        const QJsonObject viaCli = QJsonDocument::fromJson(lag.out.toUtf8()).array().first().toObject();
        const QJsonObject viaServe = QJsonDocument::fromJson(httpGet(QUrl(base + QStringLiteral("/api/groups")))).array().first().toObject();
        samples = scrape();
        for (const QJsonObject &g : {viaCli, viaServe}) {
            QCOMPARE(g.value(QStringLiteral("group")).toString(), group);
            QCOMPARE(g.value(QStringLiteral("totalLag")).toDouble(), 42.0);
            const QJsonArray parts = g.value(QStringLiteral("partitions")).toArray();
            QCOMPARE(parts.size(), 2);
            for (const QJsonValue &pv : parts) {
                const QJsonObject p = pv.toObject();
                QMap<QString, QString> labels = p0;
                labels[QStringLiteral("partition")] = QString::number(p.value(QStringLiteral("partition")).toInt());
                QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_lag"), labels).value_or(-1),
                         p.value(QStringLiteral("lag")).toDouble());
                QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_committed_offset"), labels).value_or(-1),
                         p.value(QStringLiteral("committed")).toDouble());
                labels.remove(QStringLiteral("consumergroup"));
                QCOMPARE(valueOf(samples, QStringLiteral("kafka_partition_log_end_offset"), labels).value_or(-1),
                         p.value(QStringLiteral("logEnd")).toDouble());
                // The record at the committed offset was written an hour ago: both read its timestamp.
                const double t = p.value(QStringLiteral("timeLagSeconds")).toDouble();
                QVERIFY2(t >= 3600 && t < 3600 + 600, qPrintable(QString::number(t)));
                QCOMPARE(p.value(QStringLiteral("timeLagEstimated")).toBool(), false);
            }
        }
        const double served = valueOf(samples, QStringLiteral("kafka_consumergroup_lag_seconds"), p0).value_or(-1);
        QVERIFY2(served >= 3600 && served < 3600 + 600, qPrintable(QString::number(served)));

        serve.terminate();
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    void serveWatchesSeveralProfilesWithTheirThresholdsAndAlertHook()
    {
        const auto [topic, group] = laggingGroup(1, 10, 4); // lag 6
        // Two saved profiles on the same broker, as the console saves them; "strict" has a
        // max-lag of 3 and an alert command, "lenient" none.
        const QString config = m_home.filePath(QStringLiteral("config/kafka-ops-console"));
        QList<ConnectionProfile> profiles;
        for (const QString &name : {QStringLiteral("strict"), QStringLiteral("lenient")}) {
            ConnectionProfile p;
            p.name = name;
            p.bootstrapServers = m_bootstrap;
            profiles.append(p);
        }
        QVERIFY(ConnectionStore(config + QStringLiteral("/connections.json")).save(profiles).ok());
        const QString hookOut = m_home.filePath(unique(QStringLiteral("alerts")) + QStringLiteral(".jsonl"));
        LagSettings strict;
        strict.watchedGroups = {group};
        LagThreshold limit;
        limit.maxLag = 3;
        strict.thresholds = {limit};
        strict.alertCommand = QStringLiteral("sh -c \"cat >> '%1'\"").arg(hookOut);
        QVERIFY(LagSettings::save(QStringLiteral("strict"), strict, config + QStringLiteral("/lag-settings.json")).ok());
        LagSettings lenient;
        lenient.watchedGroups = {group};
        QVERIFY(LagSettings::save(QStringLiteral("lenient"), lenient, config + QStringLiteral("/lag-settings.json")).ok());

        QProcess serve;
        serve.setProcessEnvironment(environment());
        serve.start(m_cli, {QStringLiteral("serve"), QStringLiteral("--profile"), QStringLiteral("strict"), QStringLiteral("--profile"),
                            QStringLiteral("lenient"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--interval"), QStringLiteral("1s")});
        QVERIFY(serve.waitForStarted(10000));
        QVERIFY(serve.waitForReadyRead(30000));
        const QString banner = QString::fromUtf8(serve.readLine());
        QVERIFY2(banner.contains(QLatin1String("for strict, lenient")), qPrintable(banner));
        const auto m = QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/")).match(banner);
        QVERIFY2(m.hasMatch(), qPrintable(banner));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m.captured(1));

        auto status = [&](const QList<PromSample> &samples, const QString &cluster) {
            for (const PromSample &s : samples)
                if (s.name == QLatin1String("kafka_consumergroup_status") && s.value == 1
                    && s.labels.value(QStringLiteral("cluster")) == cluster && s.labels.value(QStringLiteral("consumergroup")) == group)
                    return s.labels.value(QStringLiteral("status"));
            return QString();
        };
        QList<PromSample> samples;
        for (int i = 0; i < 60 && (status(samples, QStringLiteral("strict")).isEmpty() || status(samples, QStringLiteral("lenient")).isEmpty()); ++i) {
            QTest::qWait(500);
            QString error;
            samples = kops::test::parsePrometheusText(httpGet(QUrl(base + QStringLiteral("/metrics"))), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QCOMPARE(status(samples, QStringLiteral("strict")), QStringLiteral("ERR"));
        QCOMPARE(status(samples, QStringLiteral("lenient")), QStringLiteral("OK"));
        for (const QString &cluster : {QStringLiteral("strict"), QStringLiteral("lenient")})
            QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_lag"),
                             {{QStringLiteral("cluster"), cluster}, {QStringLiteral("consumergroup"), group},
                              {QStringLiteral("topic"), topic}, {QStringLiteral("partition"), QStringLiteral("0")}})
                         .value_or(-1),
                     6.0);
        int code = 0;
        httpGet(QUrl(base + QStringLiteral("/api/groups")), &code);
        QCOMPARE(code, 400); // two clusters: say which
        const QJsonArray strictGroups =
            QJsonDocument::fromJson(httpGet(QUrl(base + QStringLiteral("/api/groups?cluster=strict")))).array();
        QCOMPARE(strictGroups.size(), 1);
        QCOMPARE(strictGroups.first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ERR"));

        // The alert command got the incident, once, as JSON.
        QByteArray hook;
        for (int i = 0; i < 60 && hook.isEmpty(); ++i) {
            QTest::qWait(500);
            QFile f(hookOut);
            if (f.open(QIODevice::ReadOnly))
                hook = f.readAll();
        }
        QTest::qWait(2500); // a few more rounds: still one alert
        QFile f(hookOut);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject alert = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(alert.value(QStringLiteral("cluster")).toString(), QStringLiteral("strict"));
        QCOMPARE(alert.value(QStringLiteral("group")).toString(), group);
        QCOMPARE(alert.value(QStringLiteral("status")).toString(), QStringLiteral("ERR"));

        serve.terminate();
        QVERIFY(serve.waitForFinished(30000));
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMonitoringRealBroker)
#include "tst_monitoringrealbroker.moc"
