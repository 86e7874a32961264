// kafka-ops lag / alerts, in-process against the fake cluster.
#include "cli.h"
#include "fakeclusterapi.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run kafkaOps(QStringList args, const std::shared_ptr<FakeClusterApi> &fake)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    cli::Environment env;
    env.apiFactory = [fake](const QList<QPair<QString, QString>> &) { return kops::test::sharedFactory(fake)(); };
    args.prepend(QStringLiteral("kafka-ops"));
    args << QStringLiteral("--bootstrap") << QStringLiteral("fake:9092");
    r.code = cli::run(args, out, err, env);
    out.flush();
    err.flush();
    return r;
}

std::shared_ptr<FakeClusterApi> cluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(QStringLiteral("orders"), 2);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 100; ++i)
        fake->append(QStringLiteral("orders"), 0, now - (100 - i) * 1000);
    FakeClusterApi::Group lagging;
    lagging.committed[{QStringLiteral("orders"), 0}] = 40; // record produced 60 s ago
    fake->setGroup(QStringLiteral("billing"), lagging);
    FakeClusterApi::Group current;
    current.committed[{QStringLiteral("orders"), 0}] = 100;
    fake->setGroup(QStringLiteral("audit"), current);
    return fake;
}

} // namespace

class TestLagCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).removeRecursively();
    }

    void lagJsonHasTheDocumentedShape()
    {
        const Run r = kafkaOps({QStringLiteral("lag"), QStringLiteral("--json")}, cluster());
        QCOMPARE(r.code, 0);
        const QJsonArray groups = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(groups.size(), 2);
        const QJsonObject billing = groups.at(1).toObject();
        QCOMPARE(billing.value(QStringLiteral("group")).toString(), QStringLiteral("billing"));
        QCOMPARE(billing.value(QStringLiteral("totalLag")).toInteger(), 60);
        QCOMPARE(billing.value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
        QVERIFY(billing.contains(QStringLiteral("state")));
        QVERIFY(billing.contains(QStringLiteral("reason")));
        const double timeLag = billing.value(QStringLiteral("maxTimeLagSeconds")).toDouble();
        QVERIFY2(timeLag >= 59.0 && timeLag < 62.0, qPrintable(QString::number(timeLag)));
        const QJsonObject p = billing.value(QStringLiteral("partitions")).toArray().first().toObject();
        for (const char *key : {"topic", "partition", "committed", "logEnd", "lag", "timeLagSeconds", "timeLagEstimated", "status"})
            QVERIFY2(p.contains(QLatin1String(key)), key);
        QCOMPARE(p.value(QStringLiteral("lag")).toInteger(), 60);
        QCOMPARE(p.value(QStringLiteral("timeLagEstimated")).toBool(), false);
    }

    void lagTextAndGroupFilter()
    {
        const Run r = kafkaOps({QStringLiteral("lag"), QStringLiteral("--group"), QStringLiteral("audit")}, cluster());
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("TOTAL-LAG")));
        QVERIFY(r.out.contains(QLatin1String("audit")));
        QVERIFY(!r.out.contains(QLatin1String("billing")));
    }

    void alertsExitCodes()
    {
        auto fake = cluster();
        Run r = kafkaOps({QStringLiteral("alerts")}, fake);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("All 2 consumer groups are OK")));
        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--max-lag"), QStringLiteral("50")}, fake);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.contains(QLatin1String("ERR billing: orders/0: lag 60 above the limit of 50")));
        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--max-time-lag"), QStringLiteral("30"), QStringLiteral("--json")}, fake);
        QCOMPARE(r.code, 2);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("problems")).toArray().size(), 1);
    }

    void stoppedConsumerTurnsStopAcrossRunsThroughHistory()
    {
        // Each run records its sample; later runs evaluate over the window from history.
        auto fake = cluster();
        Run r;
        for (int i = 0; i < 10; ++i) {
            fake->append(QStringLiteral("orders"), 0, QDateTime::currentMSecsSinceEpoch());
            r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), QStringLiteral("billing")}, fake);
            QTest::qWait(1100); // history keeps one sample per second
        }
        QCOMPARE(r.code, 2);
        // The fake has no __consumer_offsets: OffsetFetch, whose reason says what it cannot know.
        QVERIFY2(r.out.startsWith(QLatin1String("STOP billing: orders/0: offset 40 unchanged for ")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("no member (commit times unknown: OffsetFetch)")), qPrintable(r.out));
    }

    void watchPrintsOneLinePerGroupPerInterval()
    {
        const Run r = kafkaOps({QStringLiteral("lag"), QStringLiteral("--watch"), QStringLiteral("--interval"),
                                QStringLiteral("1"), QStringLiteral("--count"), QStringLiteral("2")},
                               cluster());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.count(QLatin1Char('\n')), 4);
        QCOMPARE(r.out.count(QLatin1String(" billing ")), 2);
    }

    void serveRefusesBadOptionsBeforeListening()
    {
        auto fake = cluster();
        for (const QStringList &args : {QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere:port")},
                                        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000")},
                                        QStringList{QStringLiteral("--interval"), QStringLiteral("0s")},
                                        QStringList{QStringLiteral("--interval"), QStringLiteral("soon")},
                                        QStringList{QStringLiteral("--profile"), QStringLiteral("a"), QStringLiteral("--profile"),
                                                    QStringLiteral("b")}}) {
            const Run r = kafkaOps(QStringList{QStringLiteral("serve")} + args, fake);
            QVERIFY2(r.code == int(cli::ExitUsage), qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") + r.err));
            QVERIFY(r.out.isEmpty()); // never started serving
        }
    }

    void badIntervalIsUsageError()
    {
        QCOMPARE(kafkaOps({QStringLiteral("lag"), QStringLiteral("--watch"), QStringLiteral("--interval"), QStringLiteral("x")},
                          cluster())
                     .code,
                 int(cli::ExitUsage));
    }

    void unreachableClusterIsUnknown()
    {
        auto fake = cluster();
        fake->setDown(true);
        Run r = kafkaOps({QStringLiteral("alerts")}, fake);
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.startsWith(QLatin1String("error:")));
        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--format"), QStringLiteral("plugin")}, fake);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.startsWith(QLatin1String("KAFKA LAG UNKNOWN - ")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("cannot reach fake:9092")));
        // lag is a report, not a check: it keeps the CLI's general failure code.
        QCOMPARE(kafkaOps({QStringLiteral("lag")}, fake).code, 1);
    }

    void unknownGroupIsNeverOk()
    {
        auto fake = cluster();
        Run r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), QStringLiteral("no-such-group-xyz"),
                          QStringLiteral("--max-lag"), QStringLiteral("1")},
                         fake);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.startsWith(QLatin1String("UNKNOWN no-such-group-xyz: group not found")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("OK")));

        r = kafkaOps({QStringLiteral("lag"), QStringLiteral("--group"), QStringLiteral("no-such-group-xyz"),
                      QStringLiteral("--json")},
                     fake);
        QCOMPARE(r.code, 0);
        const QJsonObject g = QJsonDocument::fromJson(r.out.toUtf8()).array().first().toObject();
        QCOMPARE(g.value(QStringLiteral("status")).toString(), QStringLiteral("UNKNOWN"));
        QCOMPARE(g.value(QStringLiteral("state")).toString(), QStringLiteral("Dead"));

        r = kafkaOps({QStringLiteral("lag"), QStringLiteral("--group"), QStringLiteral("no-such-group-xyz")}, fake);
        QVERIFY2(r.out.contains(QLatin1String("UNKNOWN")), qPrintable(r.out));
    }

    void groupWithoutAnyCommitIsUnknown()
    {
        auto fake = cluster();
        FakeClusterApi::Group starting;
        starting.state = QStringLiteral("Stable");
        GroupMember m;
        m.memberId = QStringLiteral("m-1");
        m.clientId = QStringLiteral("c-1");
        m.host = QStringLiteral("/10.0.0.1");
        m.assignments = {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 1}};
        starting.members = {m};
        fake->setGroup(QStringLiteral("fresh"), starting);
        const Run r = kafkaOps({QStringLiteral("alerts")}, fake);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.contains(QLatin1String("UNKNOWN fresh: no committed offsets (2 partitions assigned")),
                 qPrintable(r.out));
    }

    void exitCodesFollowTheMonitoringPluginConvention()
    {
        auto fake = cluster();
        FakeClusterApi::Group ahead; // committed beyond the log end: WARN (truncation)
        ahead.committed[{QStringLiteral("orders"), 0}] = 150;
        fake->setGroup(QStringLiteral("ahead"), ahead);
        Run r = kafkaOps({QStringLiteral("alerts")}, fake);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.startsWith(QLatin1String("WARN ahead: orders/0: committed offset 150 is beyond the log end")),
                 qPrintable(r.out));
        // WARN and UNKNOWN: UNKNOWN.
        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), QStringLiteral("ahead"), QStringLiteral("--group"),
                      QStringLiteral("ghost")},
                     fake);
        QCOMPARE(r.code, 3);
        // CRITICAL and UNKNOWN: CRITICAL.
        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--group"), QStringLiteral("billing"), QStringLiteral("--group"),
                      QStringLiteral("ghost"), QStringLiteral("--max-lag"), QStringLiteral("10")},
                     fake);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.contains(QLatin1String("ERR billing:")));
        QVERIFY(r.out.contains(QLatin1String("UNKNOWN ghost:")));
    }

    void pluginFormatHasStatusLineAndPerfData()
    {
        auto fake = cluster();
        Run r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--format"), QStringLiteral("plugin"),
                          QStringLiteral("--max-lag"), QStringLiteral("50")},
                         fake);
        QCOMPARE(r.code, 2);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QStringList parts = lines.first().split(QStringLiteral(" | "));
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.first(), QStringLiteral("KAFKA LAG CRITICAL - 2 consumer groups: 1 critical, 1 ok; "
                                               "ERR billing: orders/0: lag 60 above the limit of 50"));
        const QStringList perf = parts.last().split(QLatin1Char(' '));
        QVERIFY2(perf.contains(QStringLiteral("'billing/lag'=60;;50;0")), qPrintable(parts.last()));
        QVERIFY2(perf.contains(QStringLiteral("'audit/lag'=0;;50;0")), qPrintable(parts.last()));
        const QString timeLag = perf.filter(QStringLiteral("'billing/time_lag'=")).value(0);
        QVERIFY2(QRegularExpression(QStringLiteral("^'billing/time_lag'=(59|60|61)(\\.\\d+)?s;;;0$")).match(timeLag).hasMatch(),
                 qPrintable(timeLag));
        QCOMPARE(lines.last(), QStringLiteral("ERR billing: orders/0: lag 60 above the limit of 50"));

        r = kafkaOps({QStringLiteral("alerts"), QStringLiteral("--format"), QStringLiteral("plugin")}, fake);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("KAFKA LAG OK - 2 consumer groups: 2 ok | ")), qPrintable(r.out));
        QCOMPARE(kafkaOps({QStringLiteral("alerts"), QStringLiteral("--format"), QStringLiteral("xml")}, fake).code,
                 int(cli::ExitUsage));
    }

    void vanishedGroupIsReportedGoneOnce()
    {
        auto fake = cluster();
        Run r = kafkaOps({QStringLiteral("alerts")}, fake);
        QCOMPARE(r.code, 0);
        fake->removeGroup(QStringLiteral("billing")); // offsets expired
        QTest::qWait(1100);                             // history keeps one sample per second
        r = kafkaOps({QStringLiteral("alerts")}, fake);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.contains(QLatin1String("UNKNOWN billing: gone: the cluster no longer has this group")),
                 qPrintable(r.out));
        QTest::qWait(1100);
        r = kafkaOps({QStringLiteral("alerts")}, fake);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("All 1 consumer groups are OK")), qPrintable(r.out));

        // lag says it too, as a warning beside its table.
        FakeClusterApi::Group again;
        again.committed[{QStringLiteral("orders"), 0}] = 10;
        fake->setGroup(QStringLiteral("payments"), again);
        QTest::qWait(1100);
        QCOMPARE(kafkaOps({QStringLiteral("lag")}, fake).code, 0);
        fake->removeGroup(QStringLiteral("payments"));
        QTest::qWait(1100);
        r = kafkaOps({QStringLiteral("lag")}, fake);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QLatin1String("warning: consumer group payments is gone: ")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestLagCommands)
#include "tst_lagcommands.moc"
