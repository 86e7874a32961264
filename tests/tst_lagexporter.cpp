// kafka-ops serve in-process: LagExporter over the fake cluster, /metrics read back with
// the Prometheus client's own parser and compared with /api/groups (the `lag --json` shape).
#include "fakeclusterapi.h"
#include "lagexporter.h"
#include "prometheusparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace kops;
using kops::test::FakeClusterApi;
using kops::test::PromSample;
using kops::cli::LagExporter;

namespace {

const QString kOddGroup = QStringLiteral("odd \"group\"\\name\nline2");

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

Reply request(const QByteArray &verb, const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.sendCustomRequest(QNetworkRequest(url), verb);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(30000);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return r;
}

std::shared_ptr<FakeClusterApi> cluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(QStringLiteral("orders"), 2);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 100; ++i) {
        fake->append(QStringLiteral("orders"), 0, now - (100 - i) * 1000);
        if (i < 30)
            fake->append(QStringLiteral("orders"), 1, now - (100 - i) * 1000);
    }
    FakeClusterApi::Group lagging;
    lagging.committed[{QStringLiteral("orders"), 0}] = 40;
    lagging.committed[{QStringLiteral("orders"), 1}] = 30;
    fake->setGroup(QStringLiteral("billing"), lagging);
    FakeClusterApi::Group current;
    current.committed[{QStringLiteral("orders"), 0}] = 100;
    fake->setGroup(QStringLiteral("audit"), current);
    FakeClusterApi::Group ahead; // committed beyond the log end: negative lag, never clamped
    ahead.committed[{QStringLiteral("orders"), 1}] = 45;
    fake->setGroup(QStringLiteral("ahead"), ahead);
    FakeClusterApi::Group odd;
    odd.committed[{QStringLiteral("orders"), 1}] = 5;
    fake->setGroup(kOddGroup, odd);
    return fake;
}

LagExporter::ClusterSpec spec(const QString &name, const std::shared_ptr<FakeClusterApi> &fake,
                              const QStringList &watched = {})
{
    auto connection = std::make_shared<ConnectionContext>();
    connection->profile.name = name;
    connection->createApi = kops::test::sharedFactory(fake);
    LagExporter::ClusterSpec s;
    s.connection = connection;
    s.settings.watchedGroups = watched;
    return s;
}

/// Waits until every cluster had a complete round and that state has been rendered.
bool waitUntilServed(LagExporter &exporter, int clusters)
{
    QSignalSpy rendered(&exporter, &LagExporter::rendered);
    for (int i = 0; i < 200; ++i) {
        const QByteArray m = exporter.metrics();
        if (m.count("kafka_ops_sampling_rounds_total{") == clusters && !m.contains("_rounds_total{cluster=\"east\"} 0")
            && !m.contains("_rounds_total{cluster=\"west\"} 0") && !m.contains("_rounds_total{cluster=\"fake:9092\"} 0"))
            return true;
        rendered.wait(500);
    }
    return false;
}

QList<PromSample> samplesOf(const QList<PromSample> &all, const QString &name)
{
    QList<PromSample> out;
    for (const PromSample &s : all)
        if (s.name == name)
            out.append(s);
    return out;
}

std::optional<double> valueOf(const QList<PromSample> &all, const QString &name, const QMap<QString, QString> &labels)
{
    for (const PromSample &s : all)
        if (s.name == name && s.labels == labels)
            return s.value;
    return std::nullopt;
}

} // namespace

class TestLagExporter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LagExporter::Options options()
    {
        LagExporter::Options o;
        o.intervalSeconds = 3600; // one round, so /metrics and /api/groups stay on one sample
        o.historyPath = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_n));
        o.alertsPath = m_dir.filePath(QStringLiteral("alerts-%1.sqlite").arg(m_n));
        return o;
    }
    int m_n = 0;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listenAddressesDefaultToLoopback()
    {
        using L = QPair<QHostAddress, quint16>;
        QCOMPARE(LagExporter::parseListen(QStringLiteral("9411")), std::optional<L>(L(QHostAddress::LocalHost, 9411)));
        QCOMPARE(LagExporter::parseListen(QStringLiteral(":9308")), std::optional<L>(L(QHostAddress::LocalHost, 9308)));
        QCOMPARE(LagExporter::parseListen(QStringLiteral("localhost:9308")), std::optional<L>(L(QHostAddress::LocalHost, 9308)));
        QCOMPARE(LagExporter::parseListen(QStringLiteral("0.0.0.0:9308")), std::optional<L>(L(QHostAddress(QStringLiteral("0.0.0.0")), 9308)));
        QCOMPARE(LagExporter::parseListen(QStringLiteral("[::1]:9308")), std::optional<L>(L(QHostAddress::LocalHostIPv6, 9308)));
        QCOMPARE(LagExporter::parseListen(QStringLiteral("10.1.2.3:0")), std::optional<L>(L(QHostAddress(QStringLiteral("10.1.2.3")), 0)));
        for (const QString &bad : {QStringLiteral(""), QStringLiteral("::1:9308"), QStringLiteral("host:"), QStringLiteral("1.2.3.4:70000"),
                                   QStringLiteral("nowhere:port"), QStringLiteral("[::1]9308"), QStringLiteral("-1")})
            QVERIFY2(!LagExporter::parseListen(bad), qPrintable(bad));
        QCOMPARE(LagExporter::parseInterval(QStringLiteral("10s")), std::optional<int>(10));
        QCOMPARE(LagExporter::parseInterval(QStringLiteral("30")), std::optional<int>(30));
        QCOMPARE(LagExporter::parseInterval(QStringLiteral("2m")), std::optional<int>(120));
        QCOMPARE(LagExporter::parseInterval(QStringLiteral("1h")), std::optional<int>(3600));
        for (const QString &bad : {QStringLiteral("0s"), QStringLiteral("2d"), QStringLiteral("soon"), QStringLiteral("25h")})
            QVERIFY2(!LagExporter::parseInterval(bad), qPrintable(bad));
    }

    void metricsEqualTheGroupsJsonOfTheSameSample()
    {
        const QString name = QStringLiteral("fake:9092");
        LagExporter exporter({spec(name, cluster(),
                                   {QStringLiteral("ahead"), QStringLiteral("audit"), QStringLiteral("billing"), kOddGroup,
                                    QStringLiteral("ghost")})},
                             options());
        auto port = exporter.start(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        QVERIFY(waitUntilServed(exporter, 1));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port.value());
        const Reply metrics = request("GET", QUrl(base + QStringLiteral("/metrics")));
        const Reply groups = request("GET", QUrl(base + QStringLiteral("/api/groups")));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.contentType.startsWith("text/plain; version=0.0.4"));
        QCOMPARE(metrics.body, exporter.metrics()); // served gzipped (the client asks for it), same text
        QCOMPARE(groups.status, 200);

        QString error;
        const QList<PromSample> samples = kops::test::parsePrometheusText(metrics.body, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!samples.isEmpty());
        for (const PromSample &s : samples)
            QVERIFY2(s.labels.value(QStringLiteral("cluster")) == name, qPrintable(s.name));
        QCOMPARE(samplesOf(samples, QStringLiteral("kafka_ops_sampling_errors_total")).size(), 1);
        for (const PromSample &s : samples)
            if (s.family == QLatin1String("kafka_ops_sampling_errors") || s.family == QLatin1String("kafka_ops_sampling_rounds"))
                QCOMPARE(s.type, QStringLiteral("counter"));
            else
                QVERIFY2(s.type == QLatin1String("gauge"), qPrintable(s.family));

        const QJsonArray arr = QJsonDocument::fromJson(groups.body).array();
        QCOMPARE(arr.size(), 5);
        int partitionsCompared = 0;
        for (const QJsonValue &gv : arr) {
            const QJsonObject g = gv.toObject();
            const QString id = g.value(QStringLiteral("group")).toString();
            const QMap<QString, QString> gl{{QStringLiteral("cluster"), name}, {QStringLiteral("consumergroup"), id}};
            // Exactly one status series is 1, and it is the JSON's status.
            int ones = 0;
            for (const PromSample &s : samplesOf(samples, QStringLiteral("kafka_consumergroup_status"))) {
                if (s.labels.value(QStringLiteral("consumergroup")) != id)
                    continue;
                QCOMPARE(s.labels.size(), 3);
                if (s.value == 1) {
                    ++ones;
                    QCOMPARE(s.labels.value(QStringLiteral("status")), g.value(QStringLiteral("status")).toString());
                } else {
                    QCOMPARE(s.value, 0.0);
                }
            }
            QCOMPARE(ones, 1);
            QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_members"), gl).value_or(-1),
                     g.value(QStringLiteral("members")).toDouble());
            QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_total_lag"), gl).value_or(-1),
                     g.value(QStringLiteral("totalLag")).toDouble());
            QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_consume_rate"), gl).value_or(-1),
                     g.value(QStringLiteral("consumeRate")).toDouble());
            QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_max_lag_seconds"), gl),
                     g.value(QStringLiteral("maxTimeLagSeconds")).isNull()
                         ? std::optional<double>()
                         : std::optional<double>(g.value(QStringLiteral("maxTimeLagSeconds")).toDouble()));
            for (const QJsonValue &pv : g.value(QStringLiteral("partitions")).toArray()) {
                const QJsonObject p = pv.toObject();
                QMap<QString, QString> pl = gl;
                pl.insert(QStringLiteral("topic"), p.value(QStringLiteral("topic")).toString());
                pl.insert(QStringLiteral("partition"), QString::number(p.value(QStringLiteral("partition")).toInt()));
                auto expect = [&](const char *metric, const char *field) {
                    const QJsonValue v = p.value(QLatin1String(field));
                    const auto got = valueOf(samples, QLatin1String(metric), pl);
                    if (v.isNull())
                        QVERIFY2(!got, metric);
                    else
                        QVERIFY2(got && *got == v.toDouble(), qPrintable(QStringLiteral("%1 of %2: %3 vs %4")
                                                                             .arg(QLatin1String(metric), id)
                                                                             .arg(got.value_or(-1))
                                                                             .arg(v.toDouble())));
                };
                expect("kafka_consumergroup_lag", "lag");
                expect("kafka_consumergroup_committed_offset", "committed");
                expect("kafka_consumergroup_current_offset", "committed");
                expect("kafka_consumergroup_lag_seconds", "timeLagSeconds");
                QMap<QString, QString> tl = pl;
                tl.remove(QStringLiteral("consumergroup"));
                QCOMPARE(valueOf(samples, QStringLiteral("kafka_partition_log_end_offset"), tl).value_or(-1),
                         p.value(QStringLiteral("logEnd")).toDouble());
                QCOMPARE(valueOf(samples, QStringLiteral("kafka_topic_partition_current_offset"), tl).value_or(-1),
                         p.value(QStringLiteral("logEnd")).toDouble());
                ++partitionsCompared;
            }
        }
        QCOMPARE(partitionsCompared, 5);
        QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_lag"),
                         {{QStringLiteral("cluster"), name},
                          {QStringLiteral("consumergroup"), QStringLiteral("ahead")},
                          {QStringLiteral("topic"), QStringLiteral("orders")},
                          {QStringLiteral("partition"), QStringLiteral("1")}})
                     .value_or(0),
                 -15.0);
        // The numbers themselves, not only their agreement.
        const QMap<QString, QString> billing0{{QStringLiteral("cluster"), name},
                                              {QStringLiteral("consumergroup"), QStringLiteral("billing")},
                                              {QStringLiteral("topic"), QStringLiteral("orders")},
                                              {QStringLiteral("partition"), QStringLiteral("0")}};
        QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_lag"), billing0).value_or(-1), 60.0);
        const double timeLag = valueOf(samples, QStringLiteral("kafka_consumergroup_lag_seconds"), billing0).value_or(-1);
        QVERIFY2(timeLag >= 59 && timeLag < 65, qPrintable(QString::number(timeLag)));
        QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_status"),
                         {{QStringLiteral("cluster"), name},
                          {QStringLiteral("consumergroup"), QStringLiteral("ghost")},
                          {QStringLiteral("status"), QStringLiteral("UNKNOWN")}})
                     .value_or(-1),
                 1.0);
        // A group without commits has no lag series (never a 0 lag per partition).
        for (const PromSample &s : samplesOf(samples, QStringLiteral("kafka_consumergroup_lag")))
            QVERIFY(s.labels.value(QStringLiteral("consumergroup")) != QLatin1String("ghost"));
        QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_lag_sum"),
                         {{QStringLiteral("cluster"), name},
                          {QStringLiteral("consumergroup"), kOddGroup},
                          {QStringLiteral("topic"), QStringLiteral("orders")}})
                     .value_or(-1),
                 25.0);
        QCOMPARE(valueOf(samples, QStringLiteral("kafka_ops_up"), {{QStringLiteral("cluster"), name}}).value_or(-1), 1.0);

        const Reply health = request("GET", QUrl(base + QStringLiteral("/healthz")));
        QCOMPARE(health.status, 200);
        QVERIFY2(health.body.startsWith("ok\n"), health.body.constData());
    }

    void severalClustersEachCarryTheirLabel()
    {
        LagExporter exporter({spec(QStringLiteral("east"), cluster()), spec(QStringLiteral("west"), cluster())}, options());
        auto port = exporter.start(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        QVERIFY(waitUntilServed(exporter, 2));
        QString error;
        const QList<PromSample> samples = kops::test::parsePrometheusText(exporter.metrics(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &c : {QStringLiteral("east"), QStringLiteral("west")})
            QCOMPARE(valueOf(samples, QStringLiteral("kafka_consumergroup_lag"),
                             {{QStringLiteral("cluster"), c},
                              {QStringLiteral("consumergroup"), QStringLiteral("billing")},
                              {QStringLiteral("topic"), QStringLiteral("orders")},
                              {QStringLiteral("partition"), QStringLiteral("1")}})
                         .value_or(-1),
                     0.0);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port.value());
        QCOMPARE(request("GET", QUrl(base + QStringLiteral("/api/groups"))).status, 400);
        const Reply east = request("GET", QUrl(base + QStringLiteral("/api/groups?cluster=east")));
        QCOMPARE(east.status, 200);
        QCOMPARE(QJsonDocument::fromJson(east.body).array().size(), 4);
        QCOMPARE(request("GET", QUrl(base + QStringLiteral("/api/groups?cluster=north"))).status, 404);
    }

    void onlyReadsAreReachable()
    {
        LagExporter exporter({spec(QStringLiteral("fake:9092"), cluster())}, options());
        auto port = exporter.start(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port.value());
        for (const QByteArray &verb : {QByteArray("POST"), QByteArray("PUT"), QByteArray("DELETE"), QByteArray("PATCH")})
            for (const QString &path : {QStringLiteral("/metrics"), QStringLiteral("/api/groups"), QStringLiteral("/healthz")}) {
                const int status = request(verb, QUrl(base + path)).status;
                QVERIFY2(status >= 400, qPrintable(QStringLiteral("%1 %2 -> %3").arg(QString::fromLatin1(verb), path).arg(status)));
            }
        QCOMPARE(request("GET", QUrl(base + QStringLiteral("/api/groups/billing/reset"))).status, 404);
    }

    void unreachableClusterIsUnhealthyAndCounted()
    {
        auto fake = cluster();
        fake->setDown(true);
        LagExporter exporter({spec(QStringLiteral("down"), fake)}, options());
        auto port = exporter.start(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        QSignalSpy rendered(&exporter, &LagExporter::rendered);
        for (int i = 0; i < 100 && !exporter.metrics().contains("kafka_ops_sampling_errors_total{cluster=\"down\"} 1"); ++i)
            rendered.wait(500);
        QVERIFY(exporter.metrics().contains("kafka_ops_sampling_errors_total{cluster=\"down\"} 1"));
        QVERIFY(exporter.metrics().contains("kafka_ops_up{cluster=\"down\"} 0"));
        const Reply health = request("GET", QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(port.value())));
        QCOMPARE(health.status, 503);
        QVERIFY2(health.body.contains("down: no complete sample yet; last error: ") && health.body.contains("cannot reach"),
                 health.body.constData());
        // The port is taken now: a second exporter says so instead of serving nothing.
        LagExporter second({spec(QStringLiteral("down"), fake)}, options());
        QVERIFY(!second.start(QHostAddress::LocalHost, port.value()).ok());
    }

    void vanishedGroupIsReportedGoneOnce()
    {
        auto fake = cluster();
        fake->removeGroup(QStringLiteral("ahead")); // WARN: an alert of its own
        auto connection = std::make_shared<ConnectionContext>();
        connection->profile.name = QStringLiteral("fake:9092");
        connection->createApi = kops::test::sharedFactory(fake);
        LagService::Options o;
        o.historyPath = m_dir.filePath(QStringLiteral("gone-history.sqlite"));
        o.alertsPath = m_dir.filePath(QStringLiteral("gone-alerts.sqlite"));
        LagService service(connection, LagSettings{}, o);
        QSignalSpy rounds(&service, &LagService::samplingRoundFinished);
        QSignalSpy alerts(&service, &LagService::alertsRaised);
        service.start(3600);
        QVERIFY(rounds.wait(30000));
        QCOMPARE(rounds.last().at(2).toInt(), 3);
        QCOMPARE(alerts.size(), 0);

        fake->removeGroup(QStringLiteral("billing"));
        service.sampleNow();
        QVERIFY(rounds.wait(30000));
        QCOMPARE(alerts.size(), 1);
        const QList<Alert> raised = alerts.first().first().value<QList<Alert>>();
        QCOMPARE(raised.size(), 1);
        QCOMPARE(raised.first().group, QStringLiteral("billing"));
        QCOMPARE(raised.first().status, HealthStatus::Unknown);
        QVERIFY(raised.first().reason.startsWith(QLatin1String("gone:")));

        service.sampleNow();
        QVERIFY(rounds.wait(30000));
        QCOMPARE(alerts.size(), 1); // once, not every round
        AlertStore store(o.alertsPath);
        QVERIFY(store.open().ok());
        QCOMPARE(store.list(10, QStringLiteral("fake:9092")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLagExporter)
#include "tst_lagexporter.moc"
