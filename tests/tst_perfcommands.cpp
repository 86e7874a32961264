// kafka-ops perf and kafka-ops audit as processes: on the demo cluster (the prepared ledger
// with duplicates and order breaks: exit 2; a lab run), on a clean topic of the mock cluster
// (exit 0), and bad arguments (exit 64).
#include "mockcluster.h"
#include "rdkafkaclusterapi.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

struct Run
{
    int code = -1;
    QByteArray out, err;
};

Run kafkaOps(const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), QDir::tempPath() + QStringLiteral("/kops-perf-cli-home"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath() + QStringLiteral("/kops-perf-cli-home/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir::tempPath() + QStringLiteral("/kops-perf-cli-home/data"));
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("KOPS_CLI"), args + QStringList{QStringLiteral("--lang"), QStringLiteral("en")});
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestPerfCommands : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariable("KOPS_CLI").isEmpty())
            QSKIP("KOPS_CLI is not set (ctest sets it)");
    }

    void auditOfTheDemoLedgerFindsWhatWasPrepared()
    {
        const Run r = kafkaOps({QStringLiteral("audit"), QStringLiteral("payments.ledger"), QStringLiteral("--demo"),
                                QStringLiteral("--id"), QStringLiteral("json:$.entryId"), QStringLiteral("--seq"),
                                QStringLiteral("json:$.seq"), QStringLiteral("--json")});
        QVERIFY2(r.code == 2, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("clean")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("scanned")).toInt(), 3000 + 24 + 2);
        QCOMPARE(o.value(QStringLiteral("duplicates")).toInt(), 24);
        QCOMPARE(o.value(QStringLiteral("orderBreaks")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("keysInSeveralPartitions")).toInt(), 2);
        const QJsonArray ex = o.value(QStringLiteral("examples")).toArray();
        QCOMPARE(ex.size(), 24 + 6 + 2);
        QCOMPARE(ex.first().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("duplicate"));

        // The same by header, in text, with the examples exported as JSON Lines.
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("findings.jsonl"));
        const Run t = kafkaOps({QStringLiteral("audit"), QStringLiteral("payments.ledger"), QStringLiteral("--demo"),
                                QStringLiteral("--id"), QStringLiteral("header:event-id"), QStringLiteral("--out"), out});
        QCOMPARE(t.code, 2);
        QVERIFY2(t.out.contains("Duplicates: 24"), t.out.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 24 + 2);
    }

    void cleanTopicExitsZero()
    {
        test::MockCluster mock(1);
        mock.createTopic(QStringLiteral("clean-orders"), 2);
        RdKafkaClusterApi api(mock.clientProperties());
        QList<OutgoingRecord> records;
        for (int i = 0; i < 500; ++i) {
            OutgoingRecord r;
            r.topic = QStringLiteral("clean-orders");
            r.key = QByteArray("k") + QByteArray::number(i % 7);
            r.value = QByteArray(R"({"seq":)") + QByteArray::number(i) + "}";
            records.append(r);
        }
        QVERIFY(api.produce(records).ok());
        const Run r = kafkaOps({QStringLiteral("audit"), QStringLiteral("clean-orders"), QStringLiteral("--bootstrap"),
                                mock.bootstrapServers(), QStringLiteral("--seq"), QStringLiteral("json:$.seq")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("Scanned 500 records"));
        QVERIFY(r.out.contains("Duplicates: 0"));
    }

    void labOnTheDemo()
    {
        const Run r = kafkaOps({QStringLiteral("perf"), QStringLiteral("--demo"), QStringLiteral("--partitions"),
                                QStringLiteral("1,2"), QStringLiteral("--records"), QStringLiteral("2000"),
                                QStringLiteral("--size"), QStringLiteral("50"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray points = o.value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), 2);
        for (const QJsonValue &p : points) {
            QCOMPARE(p.toObject().value(QStringLiteral("records")).toInt(), 2000);
            QVERIFY(p.toObject().value(QStringLiteral("produceRecordsPerSecond")).toDouble() > 0);
        }
        QVERIFY(o.value(QStringLiteral("recommendedPartitions")).toInt() > 0);
    }

    void badArguments()
    {
        QCOMPARE(kafkaOps({QStringLiteral("perf"), QStringLiteral("--demo"), QStringLiteral("--partitions"), QStringLiteral("x")}).code, 64);
        QCOMPARE(kafkaOps({QStringLiteral("audit"), QStringLiteral("--demo")}).code, 64);
        QCOMPARE(kafkaOps({QStringLiteral("audit"), QStringLiteral("t"), QStringLiteral("--demo"), QStringLiteral("--id"),
                           QStringLiteral("xpath:/a")})
                     .code,
                 64);
        const Run big = kafkaOps({QStringLiteral("perf"), QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:1"),
                                  QStringLiteral("--records"), QStringLiteral("10000000"), QStringLiteral("--size"),
                                  QStringLiteral("1000")});
        QCOMPARE(big.code, 1);
        QVERIFY2(big.err.contains("--yes"), big.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPerfCommands)
#include "tst_perfcommands.moc"
