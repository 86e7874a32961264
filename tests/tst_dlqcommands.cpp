// kafka-ops dlq browse/requeue/export/import/journal: in-process against the fake cluster, and
// once as a real process against the mock cluster.
#include "cli.h"
#include "connectionstore.h"
#include "fakeclusterapi.h"
#include "mockcluster.h"
#include "rdkafkaclusterapi.h"
#include "requeuejournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <tuple>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

const QString kDlq = QStringLiteral("orders.DLT");

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> l;
        for (const QString &s : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            l.append(QJsonDocument::fromJson(s.toUtf8()).object());
        return l;
    }
};

Run kafkaOps(QStringList args, const std::shared_ptr<FakeClusterApi> &fake, bool withBootstrap = true)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    cli::Environment env;
    env.apiFactory = [fake](const QList<QPair<QString, QString>> &) { return kops::test::sharedFactory(fake)(); };
    args.prepend(QStringLiteral("kafka-ops"));
    if (withBootstrap)
        args << QStringLiteral("--bootstrap") << QStringLiteral("fake:9092");
    r.code = cli::run(args, out, err, env);
    out.flush();
    err.flush();
    return r;
}

QStringList args(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Partition 0: 10 Spring dead letters from "orders" (odd: NullPointerException, even: Validation);
// partition 1: a Connect record with binary value and null key, and a record without DLQ headers.
std::shared_ptr<FakeClusterApi> cluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(kDlq, 2);
    fake->addTopic(QStringLiteral("orders"), 3);
    fake->addTopic(QStringLiteral("copy"), 1);
    for (int i = 0; i < 10; ++i)
        fake->append(kDlq, 0, 1000 * (i + 1), QStringLiteral("{\"id\":%1}").arg(i).toUtf8(), QStringLiteral("k%1").arg(i).toUtf8(),
                     {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")},
                      {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % 3)},
                      {QStringLiteral("kafka_dlt-original-offset"), QByteArray::number(100 + i)},
                      {QStringLiteral("kafka_dlt-exception-fqcn"),
                       i % 2 ? QByteArray("java.lang.NullPointerException") : QByteArray("com.acme.ValidationException")},
                      {QStringLiteral("kafka_dlt-exception-message"), QByteArray("bad ") + QByteArray::number(i)},
                      {QStringLiteral("tenant"), i < 5 ? QByteArray("acme") : QByteArray("globex")}});
    fake->append(kDlq, 1, 500, QByteArray("\xff\x00\xfe", 3), std::nullopt,
                 {{QStringLiteral("__connect.errors.topic"), QByteArray("payments")},
                  {QStringLiteral("__connect.errors.partition"), QByteArray("\x00\x00\x00\x02", 4)},
                  {QStringLiteral("__connect.errors.offset"), QByteArray("\x00\x00\x00\x00\x00\x00\x00\x07", 8)},
                  {QStringLiteral("__connect.errors.exception.class.name"), QByteArray("DataException")},
                  {QStringLiteral("bin"), QByteArray("\x80", 1)}});
    fake->append(kDlq, 1, 600, "plain", QByteArray("pk"));
    return fake;
}

} // namespace

class TestDlqCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_dlqcommands"));
        QFile::remove(RequeueJournal::defaultPath());
        ConnectionProfile ro;
        ro.name = QStringLiteral("dlq-ro");
        ro.bootstrapServers = QStringLiteral("fake:9092");
        ro.readOnly = true;
        QVERIFY(ConnectionStore().upsert(ro).ok());
    }
    void cleanupTestCase()
    {
        QFile::remove(RequeueJournal::defaultPath());
        ConnectionStore().remove(QStringLiteral("dlq-ro"));
    }

    void browseJsonShape()
    {
        const Run r = kafkaOps(args("dlq browse orders.DLT --json"), cluster());
        QCOMPARE(r.code, 0);
        const auto lines = r.lines();
        QCOMPARE(lines.size(), 12);
        const QJsonObject first = lines.first();
        for (const char *k : {"partition", "offset", "timestamp", "key", "value", "headers", "original", "error", "format"})
            QVERIFY2(first.contains(QLatin1String(k)), k);
        QCOMPARE(first.value(QStringLiteral("format")).toString(), QStringLiteral("spring"));
        QCOMPARE(first.value(QStringLiteral("value")).toString(), QStringLiteral("{\"id\":0}"));
        QCOMPARE(first.value(QStringLiteral("original")).toObject().value(QStringLiteral("offset")).toInt(), 100);
        QCOMPARE(first.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(), QStringLiteral("bad 0"));
        const QJsonObject connect = lines.at(10);
        QCOMPARE(connect.value(QStringLiteral("format")).toString(), QStringLiteral("connect"));
        QVERIFY(connect.value(QStringLiteral("key")).isNull());
        QCOMPARE(connect.value(QStringLiteral("valueBase64")).toString(), QStringLiteral("/wD+"));
        QCOMPARE(connect.value(QStringLiteral("original")).toObject().value(QStringLiteral("partition")).toInt(), 2);
        QCOMPARE(connect.value(QStringLiteral("original")).toObject().value(QStringLiteral("offset")).toInt(), 7);
        QCOMPARE(connect.value(QStringLiteral("headers")).toArray().last().toObject().value(QStringLiteral("valueBase64")).toString(),
                 QStringLiteral("gA=="));
        const QJsonObject plain = lines.at(11);
        QVERIFY(plain.value(QStringLiteral("original")).isNull());
        QVERIFY(plain.value(QStringLiteral("error")).isNull());
        QVERIFY(plain.value(QStringLiteral("format")).isNull());
    }

    void browseFilters_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<int>("count");
        QTest::newRow("error class") << QStringLiteral("--error-class NullPointer") << 5;
        QTest::newRow("original topic") << QStringLiteral("--original-topic payments") << 1;
        QTest::newRow("key contains") << QStringLiteral("--key-contains k1") << 1;
        QTest::newRow("value regex") << QStringLiteral("--value-regex \\{\"id\":[2-4]\\}") << 3;
        QTest::newRow("header") << QStringLiteral("--header tenant=glob") << 5;
        QTest::newRow("header name") << QStringLiteral("--header bin") << 1;
        QTest::newRow("partition") << QStringLiteral("--partition 1") << 2;
        QTest::newRow("newest") << QStringLiteral("--newest 3") << 5;
        QTest::newRow("from offset") << QStringLiteral("--from-offset 8 --partition 0") << 2;
        QTest::newRow("from time") << QStringLiteral("--from-time 7000 --partition 0") << 4;
        QTest::newRow("limit") << QStringLiteral("--limit 4") << 4;
        QTest::newRow("combined") << QStringLiteral("--error-class Validation --header tenant=acme") << 3;
    }

    void browseFilters()
    {
        QFETCH(QString, options);
        QFETCH(int, count);
        QStringList a = args("dlq browse orders.DLT --json");
        a += options.split(QLatin1Char(' '));
        const Run r = kafkaOps(a, cluster());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines().size(), count);
    }

    void browseText()
    {
        const Run r = kafkaOps(args("dlq browse orders.DLT --partition 0"), cluster());
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("orders/1/101")));
        QVERIFY(r.out.contains(QStringLiteral("java.lang.NullPointerException")));
        QVERIFY2(r.err.contains(QStringLiteral("10 of 10 scanned records matched")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("java.lang.NullPointerException: 5")));
    }

    void inHouseHeaderRules()
    {
        auto fake = cluster();
        fake->addTopic(QStringLiteral("acme.dlq"), 1);
        fake->append(QStringLiteral("acme.dlq"), 0, 1, "v", QByteArray("k"),
                     {{QStringLiteral("acme-src"), QByteArray("inventory")},
                      {QStringLiteral("acme-part"), QByteArray("\x00\x00\x00\x01", 4)},
                      {QStringLiteral("acme-err"), QByteArray("StockException")}});
        const Run r = kafkaOps({QStringLiteral("dlq"), QStringLiteral("browse"), QStringLiteral("acme.dlq"), QStringLiteral("--json"),
                                QStringLiteral("--header-rule"), QStringLiteral("topic=acme-src,partition=acme-part,error-class=acme-err"),
                                QStringLiteral("--error-class"), QStringLiteral("Stock")},
                               fake);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines().size(), 1);
        const QJsonObject o = r.lines().first();
        QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("custom"));
        QCOMPARE(o.value(QStringLiteral("original")).toObject().value(QStringLiteral("topic")).toString(), QStringLiteral("inventory"));
        QCOMPARE(o.value(QStringLiteral("original")).toObject().value(QStringLiteral("partition")).toInt(), 1);
        const Run without = kafkaOps(args("dlq browse acme.dlq --json"), fake);
        QVERIFY(without.lines().first().value(QStringLiteral("format")).isNull());
        // The rule travels with the requeue (and its journal entry, for --resume).
        fake->addTopic(QStringLiteral("inventory"), 2);
        const Run rq = kafkaOps({QStringLiteral("dlq"), QStringLiteral("requeue"), QStringLiteral("acme.dlq"), QStringLiteral("--execute"),
                                 QStringLiteral("--json"), QStringLiteral("--partition-policy"), QStringLiteral("original"),
                                 QStringLiteral("--strip-dlq-headers"),
                                 QStringLiteral("--header-rule"), QStringLiteral("topic=acme-src,partition=acme-part,error-class=acme-err")},
                                fake);
        QCOMPARE(rq.code, 0);
        const auto moved = fake->read({QStringLiteral("inventory"), 1}, 0, 10, 0).value();
        QCOMPARE(moved.size(), 1);
        for (const RecordHeader &h : moved.first().headers)
            QVERIFY2(!h.key.startsWith(QStringLiteral("acme-")), qPrintable(h.key)); // stripped by the rule's names
        QCOMPARE(kafkaOps(args("dlq browse acme.dlq --header-rule colour=x"), fake).code, 64);
    }

    void usageErrors()
    {
        auto fake = cluster();
        QCOMPARE(kafkaOps(args("dlq"), fake).code, 64);
        QCOMPARE(kafkaOps(args("dlq explode orders.DLT"), fake).code, 64);
        QCOMPARE(kafkaOps(args("dlq browse orders.DLT --newest 3 --from-offset 1"), fake).code, 64);
        QCOMPARE(kafkaOps(args("dlq browse orders.DLT --value-regex (x"), fake).code, 64);
        QCOMPARE(kafkaOps(args("dlq browse"), fake).code, 64);
        const Run missing = kafkaOps(args("dlq browse nope"), fake);
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains(QStringLiteral("does not exist")));
        QCOMPARE(missing.out, QString()); // one message: no table header above it
    }

    void requeueRefusesALimitItCouldNotKeep()
    {
        auto fake = cluster();
        const Run r = kafkaOps(args("dlq requeue orders.DLT --to copy --limit 1 --execute"), fake);
        QCOMPARE(r.code, 64);
        QVERIFY2(r.err.contains(QStringLiteral("--limit is for browse and export")), qPrintable(r.err));
        QCOMPARE(fake->read({QStringLiteral("copy"), 0}, 0, 100, 0).value().size(), 0);
    }

    void requeueDryRunIsDefault()
    {
        auto fake = cluster();
        // 'payments' (a Connect record's original topic) does not exist: refused in one line naming it.
        const Run refused = kafkaOps(args("dlq requeue orders.DLT --json"), fake);
        QCOMPARE(refused.code, 1);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(refused.err.contains(QStringLiteral("Target topic 'payments' does not exist")), qPrintable(refused.err));
        const Run r = kafkaOps(args("dlq requeue orders.DLT --json --create-topics"), fake);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.lines().first().value(QStringLiteral("createTopics")).toArray(), QJsonArray{QStringLiteral("payments")});
        QVERIFY(!fake->metadata().value().topic(QStringLiteral("payments"))); // a dry run creates nothing
        const QJsonObject o = r.lines().first();
        QVERIFY(o.value(QStringLiteral("dryRun")).toBool());
        QCOMPARE(o.value(QStringLiteral("matched")).toInt(), 12);
        QCOMPARE(o.value(QStringLiteral("targets")).toObject().value(QStringLiteral("orders")).toInt(), 10);
        QCOMPARE(o.value(QStringLiteral("targets")).toObject().value(QStringLiteral("payments")).toInt(), 1);
        QCOMPARE(fake->read({QStringLiteral("orders"), 0}, 0, 100, 0).value().size(), 0);
        const Run text = kafkaOps(args("dlq requeue orders.DLT --to copy"), fake);
        QVERIFY(text.out.contains(QStringLiteral("Dry run: 12 of 12")));
    }

    void requeueExecuteAndResume()
    {
        auto fake = cluster();
        const Run r = kafkaOps(args("dlq requeue orders.DLT --error-class NullPointer --partition-policy original --execute --json"), fake);
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.lines().first();
        QCOMPARE(o.value(QStringLiteral("requested")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("sent")).toInt(), 5);
        QCOMPARE(o.value(QStringLiteral("alreadySent")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("failed")).toArray().size(), 0);
        QVERIFY(o.value(QStringLiteral("journalId")).toInt() > 0);
        int inOrders = 0;
        for (int p = 0; p < 3; ++p) {
            const QList<ConsumedRecord> records = fake->read({QStringLiteral("orders"), p}, 0, 100, 0).value();
            for (const ConsumedRecord &c : records) {
                ++inOrders;
                QCOMPARE(c.partition, QString::fromUtf8(*c.key).mid(1).toInt() % 3);
            }
        }
        QCOMPARE(inOrders, 5);
        const Run again = kafkaOps({QStringLiteral("dlq"), QStringLiteral("requeue"), QStringLiteral("--resume"),
                                    QString::number(o.value(QStringLiteral("journalId")).toInt())},
                                   fake);
        QCOMPARE(again.code, 64); // already complete

        // A target topic that does not exist refuses the whole requeue before anything is written.
        const Run refused = kafkaOps(args("dlq requeue orders.DLT --partition 1 --execute --json"), fake);
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("'payments' does not exist")), qPrintable(refused.err));
        QCOMPARE(fake->read({kDlq, 1}, 0, 100, 0).value().size(), 2);
        // --create-topics makes it (as many partitions as the source); a record without an original topic still fails.
        const Run partial = kafkaOps(args("dlq requeue orders.DLT --partition 1 --execute --json --create-topics"), fake);
        QCOMPARE(partial.code, 2);
        QCOMPARE(fake->metadata().value().topic(QStringLiteral("payments"))->partitions.size(), 2);
        QCOMPARE(partial.lines().first().value(QStringLiteral("sent")).toInt(), 1);
        const QJsonArray failed = partial.lines().first().value(QStringLiteral("failed")).toArray();
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("No original topic")));

        const Run journal = kafkaOps(args("dlq journal --json"), fake);
        QCOMPARE(journal.code, 0);
        QVERIFY(QJsonDocument::fromJson(journal.out.toUtf8()).array().size() >= 2);
    }

    void readOnlyProfileRefusesWrites()
    {
        auto fake = cluster();
        const Run r = kafkaOps(args("dlq requeue orders.DLT --to copy --execute --profile dlq-ro"), fake, false);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("read-only")), qPrintable(r.err));
        QCOMPARE(fake->read({QStringLiteral("copy"), 0}, 0, 100, 0).value().size(), 0);
        // A dry run and browsing are fine on a read-only connection.
        QCOMPARE(kafkaOps(args("dlq requeue orders.DLT --to copy --profile dlq-ro"), fake, false).code, 0);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("x.jsonl"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"value\":\"v\"}\n");
        f.close();
        const Run imp = kafkaOps({QStringLiteral("dlq"), QStringLiteral("import"), file, QStringLiteral("--to"),
                                  QStringLiteral("copy"), QStringLiteral("--profile"), QStringLiteral("dlq-ro")},
                                 fake, false);
        QCOMPARE(imp.code, 1);
        QVERIFY(imp.err.contains(QStringLiteral("read-only")));
        QCOMPARE(fake->read({QStringLiteral("copy"), 0}, 0, 100, 0).value().size(), 0);
    }

    void exportThenImport()
    {
        auto fake = cluster();
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("dead.jsonl"));
        const Run ex = kafkaOps({QStringLiteral("dlq"), QStringLiteral("export"), kDlq, QStringLiteral("--partition"),
                                 QStringLiteral("1"), QStringLiteral("--out"), file},
                                fake);
        QCOMPARE(ex.code, 0);
        QVERIFY(ex.out.contains(QStringLiteral("Exported 2 records")));
        const Run im = kafkaOps({QStringLiteral("dlq"), QStringLiteral("import"), file, QStringLiteral("--to"),
                                 QStringLiteral("copy"), QStringLiteral("--json")},
                                fake);
        QCOMPARE(im.code, 0);
        QCOMPARE(im.lines().first().value(QStringLiteral("imported")).toInt(), 2);
        const auto copied = fake->read({QStringLiteral("copy"), 0}, 0, 100, 0).value();
        const auto source = fake->read({kDlq, 1}, 0, 100, 0).value();
        QCOMPARE(copied.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(copied.at(i).value, source.at(i).value);
            QCOMPARE(copied.at(i).key.has_value(), source.at(i).key.has_value());
            QCOMPARE(copied.at(i).headers.size(), source.at(i).headers.size());
            for (int h = 0; h < copied.at(i).headers.size(); ++h)
                QCOMPARE(copied.at(i).headers.at(h).value, source.at(i).headers.at(h).value);
            QCOMPARE(copied.at(i).timestampMs, source.at(i).timestampMs);
        }
        QFile bad(dir.filePath(QStringLiteral("bad.jsonl")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"value\":\"ok\"}\nnot json\n");
        bad.close();
        const Run broken = kafkaOps({QStringLiteral("dlq"), QStringLiteral("import"), bad.fileName(), QStringLiteral("--to"),
                                     QStringLiteral("copy")},
                                    fake);
        QCOMPARE(broken.code, 64);
        QVERIFY2(broken.err.contains(QStringLiteral(":2:")), qPrintable(broken.err));
    }

    void browseAsAProcessOnTheMockCluster()
    {
        const QString exe = qEnvironmentVariable("KOPS_CLI");
        QVERIFY2(!exe.isEmpty(), "KOPS_CLI must name the kafka-ops binary (ctest sets it)");
        kops::test::MockCluster mock(1);
        mock.createTopic(kDlq, 2, 1);
        {
            RdKafkaClusterApi api(mock.clientProperties());
            QList<OutgoingRecord> records;
            for (int i = 0; i < 20; ++i)
                records.append({kDlq, i % 2, QByteArray("k") + QByteArray::number(i), QByteArray("v") + QByteArray::number(i),
                                {{QStringLiteral("x-original-topic"), QByteArray("src")},
                                 {QStringLiteral("x-original-offset"), QByteArray::number(i)}},
                                0});
            QVERIFY(api.produce(records).ok());
        }
        QProcess p;
        p.start(exe, {QStringLiteral("dlq"), QStringLiteral("browse"), kDlq, QStringLiteral("--bootstrap"), mock.bootstrapServers(),
                      QStringLiteral("--json"), QStringLiteral("--value-contains"), QStringLiteral("v1")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        int n = 0;
        for (const QByteArray &l : lines) {
            if (l.trimmed().isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(l).object();
            QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("generic"));
            QCOMPARE(o.value(QStringLiteral("original")).toObject().value(QStringLiteral("topic")).toString(), QStringLiteral("src"));
            ++n;
        }
        QCOMPARE(n, 11); // v1, v10..v19

        // Requeue as a process: dry run first (nothing written), then --execute with its JSON outcome.
        mock.createTopic(QStringLiteral("src"), 3, 1);
        // The child is not in Qt's test mode: its journal goes to a temporary XDG data home, not the user's.
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        QProcess dry;
        dry.setProcessEnvironment(env);
        dry.start(exe, {QStringLiteral("dlq"), QStringLiteral("requeue"), kDlq, QStringLiteral("--bootstrap"), mock.bootstrapServers(),
                        QStringLiteral("--json")});
        QVERIFY(dry.waitForFinished(60000));
        QCOMPARE(dry.exitCode(), 0);
        const QJsonObject plan = QJsonDocument::fromJson(dry.readAllStandardOutput().trimmed()).object();
        QCOMPARE(plan.value(QStringLiteral("targets")).toObject().value(QStringLiteral("src")).toInt(), 20);
        QProcess run;
        run.setProcessEnvironment(env);
        run.start(exe, {QStringLiteral("dlq"), QStringLiteral("requeue"), kDlq, QStringLiteral("--bootstrap"), mock.bootstrapServers(),
                        QStringLiteral("--json"), QStringLiteral("--execute"), QStringLiteral("--value-contains"), QStringLiteral("v1")});
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        const QJsonObject outcome = QJsonDocument::fromJson(run.readAllStandardOutput().trimmed()).object();
        QCOMPARE(outcome.value(QStringLiteral("requested")).toInt(), 11);
        QCOMPARE(outcome.value(QStringLiteral("sent")).toInt(), 11);
        QCOMPARE(outcome.value(QStringLiteral("alreadySent")).toInt(), 0);
        QVERIFY(outcome.value(QStringLiteral("failed")).toArray().isEmpty());
        QVERIFY(outcome.value(QStringLiteral("journalId")).toInt() > 0);
        RdKafkaClusterApi check(mock.clientProperties());
        qint64 inSrc = 0;
        const auto marks = check.watermarks({{QStringLiteral("src"), 0}, {QStringLiteral("src"), 1}, {QStringLiteral("src"), 2}});
        QVERIFY(marks.ok());
        for (const PartitionWatermarks &w : marks.value())
            inSrc += w.messageCount();
        QCOMPARE(inSrc, 11);
        QVERIFY(!QDir(home.path()).entryList(QDir::AllDirs | QDir::NoDotAndDotDot).isEmpty()); // the journal went there

        auto runCli = [&](const QStringList &args) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(exe, QStringList{QStringLiteral("dlq")} + args + QStringList{QStringLiteral("--bootstrap"), mock.bootstrapServers()});
            p.waitForFinished(60000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()));
        };
        auto journalled = [&] {
            const auto [code, out, err] = runCli({QStringLiteral("journal"), QStringLiteral("--json")});
            return QJsonDocument::fromJson(out.toUtf8()).array().size();
        };

        // Off a terminal, progress comes as whole lines (never carriage returns); -q prints none.
        {
            const auto [code, out, err] = runCli({QStringLiteral("requeue"), kDlq, QStringLiteral("--to"), QStringLiteral("src"),
                                                  QStringLiteral("--execute")});
            QCOMPARE(code, 0);
            QVERIFY2(!err.contains(QLatin1Char('\r')), qPrintable(err));
            QVERIFY2(err.contains(QStringLiteral(" sent, ")), qPrintable(err));
            for (const QString &line : err.split(QLatin1Char('\n')))
                QVERIFY2(line.size() < 200, qPrintable(line));
            QVERIFY2(out.contains(QStringLiteral("20 sent")), qPrintable(out));
        }
        {
            const auto [code, out, err] = runCli({QStringLiteral("requeue"), kDlq, QStringLiteral("--to"), QStringLiteral("src"),
                                                  QStringLiteral("--execute"), QStringLiteral("-q")});
            QCOMPARE(code, 0);
            QVERIFY2(!err.contains(QStringLiteral(" sent, ")), qPrintable(err));
        }

        // A missing target topic is refused up front with one line naming it: nothing journalled, nothing sent.
        const int jobsBefore = journalled();
        for (const QStringList &mode : {QStringList{QStringLiteral("--execute")}, QStringList{QStringLiteral("--dry-run")}}) {
            const auto [code, out, err] = runCli(QStringList{QStringLiteral("requeue"), kDlq, QStringLiteral("--to"),
                                                             QStringLiteral("no-such-target")} + mode);
            QCOMPARE(code, 1);
            QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0);
            QVERIFY2(err.contains(QStringLiteral("'no-such-target' does not exist")) && err.contains(QStringLiteral("--create-topics")),
                     qPrintable(err));
        }
        QCOMPARE(journalled(), jobsBefore);
        auto md = check.metadata();
        QVERIFY(md.ok());
        QVERIFY(!md.value().topic(QStringLiteral("no-such-target")));
    }
};

QTEST_GUILESS_MAIN(TestDlqCommands)
#include "tst_dlqcommands.moc"
