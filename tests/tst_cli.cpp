// kafka-ops tested two ways: in-process against the fake cluster (group listing and
// describe, which the mock cannot do) and as a process against the mock cluster.
#include "cli.h"
#include "clicontext.h"
#include "fakeclusterapi.h"
#include "kafkatool/consumergroupsoutput.h"
#include "mockcluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;
using kops::test::MockCluster;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runInProcess(const QStringList &args, const std::shared_ptr<FakeClusterApi> &fake)
{
    CliRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    cli::Environment env;
    env.apiFactory = [fake](const QList<QPair<QString, QString>> &) {
        return kops::test::sharedFactory(fake)();
    };
    QStringList full = args;
    full.prepend(QStringLiteral("kafka-ops"));
    r.exitCode = cli::run(full, out, err, env);
    out.flush();
    err.flush();
    return r;
}

CliRun runProcess(const QStringList &args, int timeoutMs = 20000)
{
    CliRun r;
    QProcess p;
    p.start(qEnvironmentVariable("KOPS_CLI"), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

std::shared_ptr<FakeClusterApi> sampleCluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(QStringLiteral("orders"), 2);
    for (int i = 0; i < 20; ++i)
        fake->append(QStringLiteral("orders"), i % 2, 1000 + i);
    FakeClusterApi::Group active;
    active.state = QStringLiteral("Stable");
    GroupMember m;
    m.memberId = QStringLiteral("consumer-1-uuid");
    m.clientId = QStringLiteral("consumer-1");
    m.host = QStringLiteral("/10.1.2.3");
    m.assignments = {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 1}};
    active.members = {m};
    active.committed[{QStringLiteral("orders"), 0}] = 7;
    fake->setGroup(QStringLiteral("billing"), active);
    FakeClusterApi::Group idle;
    idle.committed[{QStringLiteral("orders"), 1}] = 10;
    fake->setGroup(QStringLiteral("audit"), idle);
    return fake;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    // The rows of an empty group follow the Java client's HashMap of the broker's OffsetFetch
    // answer. Two of these topics share a bucket: the broker wrote b before a, as it met them in
    // the group's offsets (kafka-consumer-groups.sh 2.4.1 printed this order in CI).
    void consumerGroupsCommittedOrderFollowsTheBrokersMap()
    {
        const auto tp = [](const char *t, int p) { return TopicPartition{QStringLiteral("kops-cgt-%1-cf40eb5a39").arg(QLatin1String(t)), p}; };
        const QList<TopicPartition> committed{tp("a", 0), tp("a", 2), tp("b", 0), tp("b", 1), tp("c", 4)};
        QCOMPARE(kafkatool::committedOrder(committed), QList<TopicPartition>({tp("c", 4), tp("b", 0), tp("a", 2), tp("b", 1), tp("a", 0)}));
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(!qEnvironmentVariable("KOPS_CLI").isEmpty(), "KOPS_CLI must point at the kafka-ops binary (set by ctest)");
    }

    void describeGroupJson()
    {
        auto r = runInProcess({QStringLiteral("describe-group"), QStringLiteral("billing"), QStringLiteral("--bootstrap"),
                               QStringLiteral("fake:9092"), QStringLiteral("--json")},
                              sampleCluster());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("group")).toString(), QStringLiteral("billing"));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));
        QCOMPARE(o.value(QStringLiteral("members")).toArray().size(), 1);
        const QJsonArray parts = o.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("committed")).toInteger(), 7);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("logEnd")).toInteger(), 10);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("lag")).toInteger(), 3);
        QCOMPARE(parts.at(0).toObject().value(QStringLiteral("host")).toString(), QStringLiteral("/10.1.2.3"));
        QVERIFY(parts.at(1).toObject().value(QStringLiteral("committed")).isNull());
    }

    void describeGroupText()
    {
        auto r = runInProcess({QStringLiteral("describe-group"), QStringLiteral("audit"), QStringLiteral("--bootstrap"),
                               QStringLiteral("fake:9092")},
                              sampleCluster());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("CURRENT-OFFSET")));
        QVERIFY(r.out.contains(QLatin1String("no active members")));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList cells = lines.last().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QCOMPARE(cells, (QStringList{QStringLiteral("audit"), QStringLiteral("orders"), QStringLiteral("1"),
                                     QStringLiteral("10"), QStringLiteral("10"), QStringLiteral("0"), QStringLiteral("-"),
                                     QStringLiteral("-"), QStringLiteral("-")}));
    }

    void unknownGroupExitsNonZero()
    {
        auto r = runInProcess({QStringLiteral("describe-group"), QStringLiteral("ghost"), QStringLiteral("--bootstrap"),
                               QStringLiteral("fake:9092")},
                              sampleCluster());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QLatin1String("ghost")));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }

    void groupsListsStateMembersLag()
    {
        auto r = runInProcess({QStringLiteral("groups"), QStringLiteral("--bootstrap"), QStringLiteral("fake:9092"),
                               QStringLiteral("--json")},
                              sampleCluster());
        QCOMPARE(r.exitCode, 0);
        const QJsonArray arr = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(arr.size(), 2);
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("group")).toString(), QStringLiteral("audit"));
        QCOMPARE(arr.at(0).toObject().value(QStringLiteral("totalLag")).toInteger(), 0);
        QCOMPARE(arr.at(1).toObject().value(QStringLiteral("members")).toInt(), 1);
        QCOMPARE(arr.at(1).toObject().value(QStringLiteral("totalLag")).toInteger(), 3);
    }

    void displayWidthCountsWideCharactersTwice()
    {
        QCOMPARE(cli::displayWidth(QStringLiteral("billing")), 7);
        QCOMPARE(cli::displayWidth(QStringLiteral("订单消费者组")), 12);
        QCOMPARE(cli::displayWidth(QStringLiteral("ｏｋ")), 4);                 // fullwidth forms
        QCOMPARE(cli::displayWidth(QStringLiteral("한국")), 4);                 // Hangul syllables
        QCOMPARE(cli::displayWidth(QString::fromUcs4(U"\U00020000x")), 3);   // CJK extension B, outside the BMP
        QCOMPARE(cli::displayWidth(QStringLiteral("e\u0301")), 1);             // combining accent
    }

    void tableColumnsAlignByDisplayWidth()
    {
        const QString table = cli::formatTable({QStringLiteral("GROUP"), QStringLiteral("STATE"), QStringLiteral("LAG")},
                                               {{QStringLiteral("订单消费者组"), QStringLiteral("稳定"), QStringLiteral("3")},
                                                {QStringLiteral("billing"), QStringLiteral("Stable"), QStringLiteral("12")},
                                                {QStringLiteral("审计-audit"), QStringLiteral("空"), QStringLiteral("0")}});
        const QStringList lines = table.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        // Where each column starts on screen: the display width of everything before it.
        auto columnStarts = [](const QString &line) {
            QList<int> starts{0};
            for (qsizetype i = 1; i < line.size(); ++i)
                if (line[i - 1] == QLatin1Char(' ') && line[i] != QLatin1Char(' '))
                    starts << cli::displayWidth(line.left(i));
            return starts;
        };
        const QList<int> expected{0, 14, 22}; // the widest first column is 12 columns, plus two blanks
        for (const QString &line : lines) {
            QCOMPARE(columnStarts(line), expected);
            QVERIFY2(!line.endsWith(QLatin1Char(' ')), qPrintable(line));
        }
    }

    void groupNamesInChineseKeepTheTableAligned()
    {
        auto fake = sampleCluster();
        FakeClusterApi::Group chinese;
        chinese.committed[{QStringLiteral("orders"), 0}] = 9;
        fake->setGroup(QStringLiteral("订单服务"), chinese);
        auto r = runInProcess({QStringLiteral("groups"), QStringLiteral("--bootstrap"), QStringLiteral("fake:9092")}, fake);
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(r.out.contains(QStringLiteral("订单服务")));
        const int stateColumn = cli::displayWidth(lines.first().left(lines.first().indexOf(QLatin1String("STATE"))));
        for (const QString &line : lines.mid(1)) {
            // The second column starts after the first cell and its padding blanks.
            const qsizetype second = line.indexOf(QRegularExpression(QStringLiteral("(?<= )\\S")));
            QVERIFY2(second > 0, qPrintable(line));
            QCOMPARE(cli::displayWidth(line.left(second)), stateColumn);
        }
    }

    void downClusterIsOneLineError()
    {
        auto fake = sampleCluster();
        fake->setDown(true);
        auto r = runInProcess({QStringLiteral("groups"), QStringLiteral("--bootstrap"), QStringLiteral("fake:9092")}, fake);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith(QLatin1String("error: ")));
    }

    void badArgumentsAreUsageErrors()
    {
        auto fake = sampleCluster();
        QCOMPARE(runInProcess({QStringLiteral("describe-group"), QStringLiteral("--bootstrap"), QStringLiteral("x:1")}, fake).exitCode,
                 int(cli::ExitUsage));
        QCOMPARE(runInProcess({QStringLiteral("nosuch")}, fake).exitCode, int(cli::ExitUsage));
        QCOMPARE(runInProcess({QStringLiteral("topics"), QStringLiteral("--frobnicate")}, fake).exitCode, int(cli::ExitUsage));
        QCOMPARE(runInProcess({QStringLiteral("topics")}, fake).exitCode, int(cli::ExitUsage)); // no cluster given
        QCOMPARE(runInProcess({QStringLiteral("topics"), QStringLiteral("--bootstrap"), QStringLiteral("x:1"),
                               QStringLiteral("-X"), QStringLiteral("nonsense")},
                              fake)
                     .exitCode,
                 int(cli::ExitUsage));
        QCOMPARE(runInProcess({QStringLiteral("topics"), QStringLiteral("--profile"), QStringLiteral("nope")}, fake).exitCode,
                 int(cli::ExitFailure));
    }

    // --- as a process, against librdkafka's mock cluster ---

    void versionAsProcess()
    {
        auto r = runProcess({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("kafka-ops ")));
        // The program allocates with jemalloc: with glibc's malloc a console sampling 10,000
        // groups grew by 80 MB in two hours (tests/bench/bench_lagmemory).
        QVERIFY2(r.out.contains(QLatin1String("jemalloc ")), qPrintable(r.out));
    }

    void clusterAndTopicsAgainstMock()
    {
        MockCluster mock(3);
        mock.createTopic(QStringLiteral("events"), 3, 3);
        mock.produce(QStringLiteral("events"), 1, 25);
        auto r = runProcess({QStringLiteral("cluster"), QStringLiteral("--bootstrap"), mock.bootstrapServers(),
                             QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject c = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(c.value(QStringLiteral("brokers")).toArray().size(), 3);
        QVERIFY(c.value(QStringLiteral("partitions")).toInt() >= 3);

        r = runProcess({QStringLiteral("topics"), QStringLiteral("--bootstrap"), mock.bootstrapServers(), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray topics = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QJsonObject events;
        for (const QJsonValue &v : topics)
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("events"))
                events = v.toObject();
        QCOMPARE(events.value(QStringLiteral("partitions")).toInt(), 3);
        QCOMPARE(events.value(QStringLiteral("replicationFactor")).toInt(), 3);
        QCOMPARE(events.value(QStringLiteral("messages")).toInteger(), 25);

        r = runProcess({QStringLiteral("topics"), QStringLiteral("--bootstrap"), mock.bootstrapServers()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("REPLICATION-FACTOR")));
    }

    // How fast it answers is bench material; here: one line naming the address and the cause
    // (runProcess gives up after 20 s, so a hang fails too).
    void stoppedBrokerGivesOneClearErrorLine()
    {
        auto r = runProcess({QStringLiteral("cluster"), QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("cannot reach 127.0.0.1:1 (Connection refused)")), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
