#include "cli.h"
#include "connectionstore.h"
#include "fakeclusterapi.h"
#include "replay/resetjournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

#include <ctime>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

} // namespace

class TestResetCommands final : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<FakeClusterApi> m_fake;
    QTemporaryDir m_dir;

    CliRun run(QStringList args)
    {
        args.prepend(QStringLiteral("reset-offsets"));
        args.prepend(QStringLiteral("kafka-ops"));
        if (!args.contains(QStringLiteral("--profile")))
            args << QStringLiteral("--bootstrap") << QStringLiteral("fake:9092");
        QString out;
        QString err;
        QTextStream o(&out);
        QTextStream e(&err);
        cli::Environment env;
        auto factory = test::sharedFactory(m_fake);
        env.apiFactory = [factory](const QList<QPair<QString, QString>> &) { return factory(); };
        CliRun r;
        r.code = cli::run(args, o, e, env);
        o.flush();
        e.flush();
        r.out = out;
        r.err = err;
        return r;
    }
    qint64 committed(int partition) const
    {
        return m_fake->group(QStringLiteral("g")).committed.value({QStringLiteral("orders"), partition}, -1);
    }
    void makeActive()
    {
        FakeClusterApi::Group g = m_fake->group(QStringLiteral("g"));
        g.state = QStringLiteral("Stable");
        g.members = {{QStringLiteral("consumer-7"), QStringLiteral("billing-svc"), QStringLiteral("/10.9.8.7"), {},
                      {{QStringLiteral("orders"), 0}}}};
        m_fake->setGroup(QStringLiteral("g"), g);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Own name per test program, so test programs run in parallel never share a journal file.
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_resetcommands"));
        QFile::remove(ResetJournal::defaultPath());
        ConnectionProfile ro;
        ro.name = QStringLiteral("prod-ro");
        ro.bootstrapServers = QStringLiteral("fake:9092");
        ro.readOnly = true;
        QVERIFY(ConnectionStore().upsert(ro).ok());
    }
    void cleanupTestCase()
    {
        QFile::remove(ResetJournal::defaultPath());
        ConnectionStore().remove(QStringLiteral("prod-ro"));
    }
    void init()
    {
        m_fake = std::make_shared<FakeClusterApi>();
        m_fake->addTopic(QStringLiteral("orders"), 3);
        for (int i = 0; i < 10; ++i)
            for (int p = 0; p < 3; ++p)
                m_fake->append(QStringLiteral("orders"), p, 1000 * (i + 1));
        FakeClusterApi::Group g;
        g.committed.insert({QStringLiteral("orders"), 0}, 5);
        g.committed.insert({QStringLiteral("orders"), 1}, 8);
        m_fake->setGroup(QStringLiteral("g"), g);
    }

    void dryRunIsDefaultAndPrintsKafkaColumns()
    {
        const CliRun r = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--all-topics"),
                              QStringLiteral("--shift-by"), QStringLiteral("-3")});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QVERIFY2(lines.first().simplified()
                     == QStringLiteral("GROUP TOPIC PARTITION CURRENT-OFFSET NEW-OFFSET DELTA"),
                 qPrintable(r.out));
        QCOMPARE(lines.at(1).simplified(), QStringLiteral("g orders 0 5 2 -3"));
        QCOMPARE(lines.at(2).simplified(), QStringLiteral("g orders 1 8 5 -3"));
        QVERIFY(r.out.contains(QStringLiteral("Replay: 6 messages")));
        QVERIFY(r.out.contains(QStringLiteral("Dry run")));
        QCOMPARE(m_fake->alterCalls(), 0);
        QCOMPARE(committed(0), qint64(5));
    }

    void jsonDryRun()
    {
        const CliRun r = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--topic"),
                              QStringLiteral("orders:0,2"), QStringLiteral("--to-datetime"),
                              QStringLiteral("1970-01-01T00:00:07.500Z"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json();
        QVERIFY(o.value(QStringLiteral("id")).isNull());
        QCOMPARE(o.value(QStringLiteral("group")).toString(), QStringLiteral("g"));
        QCOMPARE(o.value(QStringLiteral("strategy")).toString(), QStringLiteral("--to-datetime 1970-01-01T00:00:07.500Z"));
        QCOMPARE(o.value(QStringLiteral("applied")).toBool(), false);
        const QJsonArray parts = o.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(parts.size(), 2);
        const QJsonObject p0 = parts.at(0).toObject();
        QCOMPARE(p0.value(QStringLiteral("current")).toInt(), 5);
        QCOMPARE(p0.value(QStringLiteral("target")).toInt(), 7);
        QCOMPARE(p0.value(QStringLiteral("delta")).toInt(), 2);
        QCOMPARE(p0.value(QStringLiteral("targetTimestamp")).toInt(), 8000);
        QVERIFY(parts.at(1).toObject().value(QStringLiteral("current")).isNull());
        QCOMPARE(o.value(QStringLiteral("skip")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("replay")).toInt(), 0);
    }

    void zonelessDateTimeIsUtcUnlessLocalTime()
    {
        qputenv("TZ", "Asia/Kolkata"); // UTC+05:30
        tzset();
        const QStringList base = {QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--topic"),
                                  QStringLiteral("orders:0"), QStringLiteral("--json"), QStringLiteral("--to-datetime")};
        const CliRun utc = run(base + QStringList{QStringLiteral("1970-01-01T00:00:07.500")});
        QCOMPARE(utc.json().value(QStringLiteral("partitions")).toArray().at(0).toObject().value(QStringLiteral("target")).toInt(), 7);
        const CliRun local = run(base + QStringList{QStringLiteral("1970-01-01T05:30:02.500"), QStringLiteral("--local-time")});
        QCOMPARE(local.json().value(QStringLiteral("partitions")).toArray().at(0).toObject().value(QStringLiteral("target")).toInt(), 2);
        qunsetenv("TZ");
        tzset();
    }

    void executeHistoryUndo()
    {
        const CliRun r = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--all-topics"),
                              QStringLiteral("--to-earliest"), QStringLiteral("--execute"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QString id = r.json().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(r.json().value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(committed(0), qint64(0));
        QCOMPARE(committed(1), qint64(0));

        const CliRun h = run({QStringLiteral("--history"), QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--json")});
        QCOMPARE(h.code, 0);
        const QJsonArray entries = QJsonDocument::fromJson(h.out.toUtf8()).array();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().toObject().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("applied"));
        const CliRun text = run({QStringLiteral("--history")});
        QVERIFY(text.out.startsWith(QStringLiteral("ID")));
        QVERIFY(text.out.contains(QStringLiteral("--to-earliest")));

        // The consumers process 7 records of partition 0 after the reset: the undo's dry run shows
        // the offset committed now and how many records would come round again.
        m_fake->alterGroupOffsets(QStringLiteral("g"), {PartitionOffset{QStringLiteral("orders"), 0, 7, {}, {}}});
        const CliRun preview = run({QStringLiteral("--undo"), id});
        QCOMPARE(preview.code, 0);
        QVERIFY2(preview.out.contains(QRegularExpression(QStringLiteral("g +orders +0 +7 +5 +-2\n"))), qPrintable(preview.out));
        const QString warning = QStringLiteral("The consumers of 'g' have processed 7 records since reset %1: undoing it "
                                               "makes them process 2 records again.").arg(id);
        QVERIFY2(preview.out.contains(QStringLiteral("Warning: ") + warning), qPrintable(preview.out));
        QCOMPARE(committed(0), qint64(7));
        const CliRun u = run({QStringLiteral("--undo"), id, QStringLiteral("--execute")});
        QVERIFY2(u.code == 0, qPrintable(u.err));
        QVERIFY2(u.err.contains(QStringLiteral("warning: ") + warning), qPrintable(u.err));
        QCOMPARE(committed(0), qint64(5));
        QCOMPARE(committed(1), qint64(8));
    }

    void activeMembersRefuseExecute()
    {
        makeActive();
        const CliRun r = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--all-topics"),
                              QStringLiteral("--to-latest"), QStringLiteral("--execute")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("consumer-7")) && r.err.contains(QStringLiteral("billing-svc"))
                     && r.err.contains(QStringLiteral("/10.9.8.7")) && r.err.contains(QStringLiteral("orders-0")),
                 qPrintable(r.err));
        QCOMPARE(m_fake->alterCalls(), 0);
        // A dry run still previews, with the members as a warning.
        const CliRun dry = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--all-topics"),
                                QStringLiteral("--to-latest")});
        QCOMPARE(dry.code, 0);
        QVERIFY(dry.err.contains(QStringLiteral("consumer-7")));
    }

    void readOnlyProfileRefusesExecute()
    {
        const CliRun r = run({QStringLiteral("--profile"), QStringLiteral("prod-ro"), QStringLiteral("--group"), QStringLiteral("g"),
                              QStringLiteral("--all-topics"), QStringLiteral("--to-latest"), QStringLiteral("--execute")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("read-only")), qPrintable(r.err));
        QCOMPARE(m_fake->alterCalls(), 0);
        const CliRun dry = run({QStringLiteral("--profile"), QStringLiteral("prod-ro"), QStringLiteral("--group"),
                                QStringLiteral("g"), QStringLiteral("--all-topics"), QStringLiteral("--to-latest")});
        QCOMPARE(dry.code, 0);
    }

    void badInputNamesTheProblem_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        const QString g = QStringLiteral("--group");
        QTest::newRow("date") << QStringList{g, QStringLiteral("g"), QStringLiteral("--all-topics"), QStringLiteral("--to-datetime"),
                                             QStringLiteral("2024-13-01T00:00:00.000"), QStringLiteral("--execute")}
                              << 64 << QStringLiteral("2024-13-01T00:00:00.000");
        QTest::newRow("duration") << QStringList{g, QStringLiteral("g"), QStringLiteral("--all-topics"),
                                                 QStringLiteral("--by-duration"), QStringLiteral("2h"), QStringLiteral("--execute")}
                                  << 64 << QStringLiteral("'2h'");
        QTest::newRow("unknown topic") << QStringList{g, QStringLiteral("g"), QStringLiteral("--topic"), QStringLiteral("nope"),
                                                      QStringLiteral("--to-earliest"), QStringLiteral("--execute")}
                                       << 1 << QStringLiteral("Topic 'nope' does not exist");
        QTest::newRow("partition out of range")
            << QStringList{g, QStringLiteral("g"), QStringLiteral("--topic"), QStringLiteral("orders:1,9"),
                           QStringLiteral("--to-earliest"), QStringLiteral("--execute")}
            << 1 << QStringLiteral("Partition 9 of topic 'orders' does not exist");
        QTest::newRow("no strategy") << QStringList{g, QStringLiteral("g"), QStringLiteral("--all-topics")} << 64
                                     << QStringLiteral("one strategy");
        QTest::newRow("two strategies") << QStringList{g, QStringLiteral("g"), QStringLiteral("--all-topics"),
                                                       QStringLiteral("--to-earliest"), QStringLiteral("--to-latest")}
                                        << 64 << QStringLiteral("--to-earliest, --to-latest");
        QTest::newRow("no scope") << QStringList{g, QStringLiteral("g"), QStringLiteral("--to-earliest")} << 64
                                  << QStringLiteral("--all-topics or --topic");
        QTest::newRow("no group") << QStringList{QStringLiteral("--all-topics"), QStringLiteral("--to-earliest")} << 64
                                  << QStringLiteral("--group");
        QTest::newRow("shift without commit") << QStringList{g, QStringLiteral("g"), QStringLiteral("--topic"),
                                                             QStringLiteral("orders"), QStringLiteral("--shift-by"),
                                                             QStringLiteral("1"), QStringLiteral("--execute")}
                                              << 1 << QStringLiteral("orders-2");
    }
    void badInputNamesTheProblem()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const CliRun r = run(args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QCOMPARE(m_fake->alterCalls(), 0);
        QCOMPARE(committed(0), qint64(5));
    }

    void malformedCsvChangesNothing()
    {
        const QString file = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("orders,0,3\norders;1;4\n");
        f.close();
        const CliRun r = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--from-file"), file,
                              QStringLiteral("--execute")});
        QCOMPARE(r.code, 64);
        QVERIFY2(r.err.contains(QStringLiteral("line 2")), qPrintable(r.err));
        QCOMPARE(m_fake->alterCalls(), 0);
    }

    void exportThenImport()
    {
        const QString file = m_dir.filePath(QStringLiteral("plan.csv"));
        const CliRun r = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--all-topics"),
                              QStringLiteral("--shift-by"), QStringLiteral("2"), QStringLiteral("--export"), file});
        QCOMPARE(r.code, 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), QStringLiteral("orders,0,7\norders,1,10\n"));
        QCOMPARE(m_fake->alterCalls(), 0);
        const CliRun apply = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--from-file"), file,
                                  QStringLiteral("--execute")});
        QVERIFY2(apply.code == 0, qPrintable(apply.err));
        QCOMPARE(committed(0), qint64(7));
        QCOMPARE(committed(1), qint64(10));
    }

    void clampWarningOnStderr()
    {
        const CliRun r = run({QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--topic"),
                              QStringLiteral("orders:0"), QStringLiteral("--to-offset"), QStringLiteral("99")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.err.contains(QStringLiteral("higher than latest offset")));
        QCOMPARE(r.out.split(QLatin1Char('\n')).at(1).simplified(), QStringLiteral("g orders 0 5 10 5"));
    }

    void asProcessExitCode()
    {
        const QString exe = qEnvironmentVariable("KOPS_CLI");
        QVERIFY2(!exe.isEmpty(), "KOPS_CLI must name the kafka-ops binary (ctest sets it)");
        QProcess p;
        p.start(exe, {QStringLiteral("reset-offsets"), QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:1"),
                      QStringLiteral("--group"), QStringLiteral("g"), QStringLiteral("--all-topics"),
                      QStringLiteral("--to-datetime"), QStringLiteral("last tuesday")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 64);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("last tuesday")));
    }
};

QTEST_GUILESS_MAIN(TestResetCommands)
#include "tst_resetcommands.moc"
