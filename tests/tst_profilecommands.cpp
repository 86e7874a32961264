#include "cli.h"
#include "configprofile.h"
#include "fakeclusterapi.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run runInProcess(QStringList args, const cli::Environment &env = {})
{
    args.prepend(QStringLiteral("kafka-ops"));
    Run r;
    QTextStream out(&r.out), err(&r.err);
    r.code = cli::run(args, out, err, env);
    out.flush();
    err.flush();
    return r;
}

QStringList rulesOf(const QJsonObject &o)
{
    QStringList r;
    for (const QJsonValue &v : o.value(QStringLiteral("findings")).toArray())
        r << v.toObject().value(QStringLiteral("rule")).toString();
    return r;
}

} // namespace

class TestProfileCommands final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lintProducerNoLoss();
    void lintJvmExample();
    void lintTopic();
    void lintMalformedFile();
    void lintAgainstLiveTopic();
    void usageErrors();
    void exportAndList();
    void asProcess();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

void TestProfileCommands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console"));
    QVERIFY(m_dir.isValid());
}

QString TestProfileCommands::write(const QString &name, const QByteArray &content)
{
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

void TestProfileCommands::lintProducerNoLoss()
{
    const QString file = write(QStringLiteral("producer.properties"), "acks=1\nretries=3\n");
    Run r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--intent"),
                          QStringLiteral("no-loss"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    const QJsonArray findings = r.json().value(QStringLiteral("findings")).toArray();
    QCOMPARE(rulesOf(r.json()), (QStringList{QStringLiteral("producer.acks-loss"), QStringLiteral("producer.duplicates"),
                                             QStringLiteral("producer.reordering"), QStringLiteral("producer.retries-bounded")}));
    for (const QJsonValue &v : findings) {
        const QJsonObject f = v.toObject();
        QCOMPARE(f.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        QVERIFY(f.value(QStringLiteral("keys")).isArray());
        QVERIFY(!f.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(!f.value(QStringLiteral("fix")).toString().isEmpty());
    }
    // The same file for a throughput producer: no errors, exit 0.
    r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--intent"),
                      QStringLiteral("throughput")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("INFO     producer.acks-loss")));
}

void TestProfileCommands::lintJvmExample()
{
    const QString file = write(QStringLiteral("kafka-env"),
                               "export KAFKA_HEAP_OPTS=\"-Xmx16G -Xms16G\"\n"
                               "export KAFKA_JVM_PERFORMANCE_OPTS=\"-Xmn10G -XX:MetaspaceSize=256M -XX:+UseG1GC "
                               "-XX:MaxGCPauseMillis=50 -XX:G1HeapRegionSize=16M\"\n");
    Run r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--host-ram"),
                          QStringLiteral("32G")});
    QCOMPARE(r.code, 0); // warnings only
    QVERIFY(r.out.contains(QLatin1String("jvm profile")));
    QVERIFY(r.out.contains(QLatin1String("jvm.xmn-with-g1")));
    QVERIFY(r.out.contains(QLatin1String("Memory split: 32 GB host: heap 16 GB, page cache ~14 GB")));
    r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--type"), QStringLiteral("jvm"),
                      QStringLiteral("--host-ram"), QStringLiteral("32G"), QStringLiteral("--json")});
    QVERIFY(rulesOf(r.json()).contains(QStringLiteral("jvm.xmn-with-g1")));
    QVERIFY(rulesOf(r.json()).contains(QStringLiteral("jvm.heap-share")));
    QCOMPARE(r.json().value(QStringLiteral("memorySplit")).toObject().value(QStringLiteral("pageCache")).toDouble(),
             double(14LL << 30));
}

void TestProfileCommands::lintTopic()
{
    const QString file = write(QStringLiteral("orders-topic.properties"), "min.insync.replicas=3\nreplication.factor=2\n");
    const Run r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json().value(QStringLiteral("type")).toString(), QStringLiteral("topic"));
    QVERIFY(rulesOf(r.json()).contains(QStringLiteral("topic.min-isr-exceeds-rf")));
}

void TestProfileCommands::lintMalformedFile()
{
    const QString file = write(QStringLiteral("c.properties"), "group.id=g\nenable.auto.commit=false\n=x\n\x01\x02\n");
    const Run r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--type"),
                                QStringLiteral("consumer"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    const QJsonObject first = r.json().value(QStringLiteral("findings")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("rule")).toString(), QStringLiteral("file.malformed"));
    QCOMPARE(first.value(QStringLiteral("line")).toInt(), 3);
}

void TestProfileCommands::lintAgainstLiveTopic()
{
    auto fake = std::make_shared<test::FakeClusterApi>();
    fake->addTopic(QStringLiteral("payments"), 3, 3);
    fake->setTopicConfig(QStringLiteral("payments"), QStringLiteral("min.insync.replicas"), QStringLiteral("1"));
    cli::Environment env;
    env.apiFactory = [fake](const QList<QPair<QString, QString>> &) { return test::sharedFactory(fake)(); };
    const QString file = write(QStringLiteral("p.properties"), "acks=all\n");
    Run r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--type"),
                          QStringLiteral("producer"), QStringLiteral("--topic"), QStringLiteral("payments"),
                          QStringLiteral("--bootstrap"), QStringLiteral("fake:9092"), QStringLiteral("--json")},
                         env);
    QCOMPARE(r.code, 1);
    QCOMPARE(rulesOf(r.json()), QStringList{QStringLiteral("producer.min-isr-loss")});
    fake->setTopicConfig(QStringLiteral("payments"), QStringLiteral("min.insync.replicas"), QStringLiteral("2"));
    r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--type"),
                      QStringLiteral("producer"), QStringLiteral("--topic"), QStringLiteral("payments"),
                      QStringLiteral("--bootstrap"), QStringLiteral("fake:9092")},
                     env);
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("Checked against live topic 'payments'")));
    // Unknown topic: an error, exit 1, message on stderr.
    r = runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--topic"),
                      QStringLiteral("nope"), QStringLiteral("--bootstrap"), QStringLiteral("fake:9092")},
                     env);
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QLatin1String("nope")));
}

void TestProfileCommands::usageErrors()
{
    QCOMPARE(runInProcess({QStringLiteral("profile")}).code, int(cli::ExitUsage));
    QCOMPARE(runInProcess({QStringLiteral("profile"), QStringLiteral("frobnicate")}).code, int(cli::ExitUsage));
    QCOMPARE(runInProcess({QStringLiteral("profile"), QStringLiteral("lint")}).code, int(cli::ExitUsage));
    const QString file = write(QStringLiteral("x.properties"), "acks=all\n");
    QCOMPARE(runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--type"),
                           QStringLiteral("broker-xyz")})
                 .code,
             int(cli::ExitUsage));
    QCOMPARE(runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--topic"),
                           QStringLiteral("t")})
                 .code,
             int(cli::ExitUsage)); // no --bootstrap
    QCOMPARE(runInProcess({QStringLiteral("profile"), QStringLiteral("lint"), m_dir.filePath(QStringLiteral("missing"))}).code,
             1);
}

void TestProfileCommands::exportAndList()
{
    Run r = runInProcess({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("jvm-32g-host"),
                          QStringLiteral("--format"), QStringLiteral("env")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("export KAFKA_HEAP_OPTS=\"-Xmx6G -Xms6G\"")));
    r = runInProcess({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("producer-no-loss")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("\nacks=all\n")));
    QCOMPARE(runInProcess({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("producer-no-loss"),
                           QStringLiteral("--format"), QStringLiteral("env")})
                 .code,
             int(cli::ExitUsage));
    QCOMPARE(runInProcess({QStringLiteral("profile"), QStringLiteral("export"), QStringLiteral("nope")}).code, 1);
    r = runInProcess({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(arr.size(), builtInTemplates().size());
    r = runInProcess({QStringLiteral("profile"), QStringLiteral("advise"), QStringLiteral("--host-ram"), QStringLiteral("32G")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QLatin1String("-Xmx6G")));
}

void TestProfileCommands::asProcess()
{
    const QString exe = qEnvironmentVariable("KOPS_CLI");
    QVERIFY2(!exe.isEmpty(), "KOPS_CLI must name the kafka-ops binary (ctest sets it)");
    const QString file = write(QStringLiteral("producer2.properties"), "acks=1\nretries=3\nenable.idempotence=false\n");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
    p.setProcessEnvironment(env);
    p.start(exe, {QStringLiteral("profile"), QStringLiteral("lint"), file, QStringLiteral("--intent"),
                  QStringLiteral("no-loss"), QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QVERIFY(rulesOf(o).contains(QStringLiteral("producer.duplicates")));
    QVERIFY(rulesOf(o).contains(QStringLiteral("producer.reordering")));

    const QString good = write(QStringLiteral("good-producer.properties"), "acks=all\nenable.idempotence=true\n");
    p.start(exe, {QStringLiteral("profile"), QStringLiteral("lint"), good, QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("findings")).toArray().size(), 0);

    p.start(exe, {QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(p.readAllStandardOutput().contains("jvm-64g-host"));
}

QTEST_GUILESS_MAIN(TestProfileCommands)
#include "tst_profilecommands.moc"
