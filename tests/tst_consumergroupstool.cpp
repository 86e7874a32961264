// kafka-ops consumer-groups against Kafka 2.4's kafka-consumer-groups.sh on a real broker: the
// same arguments to both, stdout, stderr and exit code compared byte for byte. Runs with
// KOPS_TEST_BOOTSTRAP=host:port and KOPS_KAFKA_SH=path/to/kafka.sh (label realbroker); with
// KOPS_TEST_SASL_BOOTSTRAP (a SASL_PLAINTEXT listener, user admin/admin-secret) --command-config too.
#include "cli.h"
#include "rdkafkaclusterapi.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "realbrokercleanup.h"

#include <librdkafka/rdkafka.h>

using namespace kops;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

/// A member that stays in its group while the object lives, committing only what it is told.
class Member
{
public:
    Member(const QString &bootstrap, const QString &group, const QStringList &topics)
    {
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "group.id", group.toUtf8().constData(), errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "client.id", "kops-tool-member", errstr, sizeof errstr);
        rd_kafka_conf_set(conf, "enable.auto.commit", "false", errstr, sizeof errstr);
        m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
        rd_kafka_poll_set_consumer(m_rk);
        rd_kafka_topic_partition_list_t *subs = rd_kafka_topic_partition_list_new(int(topics.size()));
        for (const QString &t : topics)
            rd_kafka_topic_partition_list_add(subs, t.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(m_rk, subs);
        rd_kafka_topic_partition_list_destroy(subs);
    }
    ~Member()
    {
        rd_kafka_consumer_close(m_rk);
        rd_kafka_destroy(m_rk);
    }
    int assignedCount()
    {
        if (rd_kafka_message_t *m = rd_kafka_consumer_poll(m_rk, 200))
            rd_kafka_message_destroy(m);
        rd_kafka_topic_partition_list_t *assigned = nullptr;
        int count = 0;
        if (rd_kafka_assignment(m_rk, &assigned) == RD_KAFKA_RESP_ERR_NO_ERROR && assigned) {
            count = assigned->cnt;
            rd_kafka_topic_partition_list_destroy(assigned);
        }
        return count;
    }
    bool commit(const QList<PartitionOffset> &offsets)
    {
        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(int(offsets.size()));
        for (const PartitionOffset &po : offsets)
            rd_kafka_topic_partition_list_add(list, po.topic.toUtf8().constData(), po.partition)->offset = po.offset;
        const rd_kafka_resp_err_t err = rd_kafka_commit(m_rk, list, 0);
        rd_kafka_topic_partition_list_destroy(list);
        return err == RD_KAFKA_RESP_ERR_NO_ERROR;
    }

private:
    rd_kafka_t *m_rk = nullptr;
};

} // namespace

class TestConsumerGroupsTool final : public QObject
{
    Q_OBJECT
private:
    QString m_bootstrap;
    QString m_bin; ///< Kafka's bin folder
    QString m_suffix;
    QString m_topicA, m_topicB, m_topicC;
    QString m_active, m_empty, m_unknown;
    std::unique_ptr<RdKafkaClusterApi> m_api;
    std::unique_ptr<Member> m_member;
    QTemporaryDir m_dir;
    kops::test::BrokerCleanup m_cleanup; ///< every topic and group made here, deleted at the end

    Run java(const QStringList &args)
    {
        QProcess p;
        p.start(m_bin + QStringLiteral("/kafka-consumer-groups.sh"), args);
        p.waitForFinished(120000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    Run ours(const QStringList &args)
    {
        QString out, err;
        QTextStream o(&out), e(&err);
        Run r;
        r.code = cli::run(QStringList{QStringLiteral("kafka-ops"), QStringLiteral("consumer-groups")} + args, o, e);
        o.flush();
        e.flush();
        r.out = out;
        r.err = err;
        return r;
    }
    /// log4j lines carry the time they were written; a Java stack trace (after "Error: ... failed
    /// due to" on stdout) has no equivalent in kafka-ops.
    static QString normalizedErr(QString err)
    {
        static const QRegularExpression time(QStringLiteral(R"(^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] )"),
                                             QRegularExpression::MultilineOption);
        static const QRegularExpression trace(QStringLiteral(R"(^(java\.\S+Exception\b.*|\tat .*|\t\.\.\. \d+ more|Caused by: .*)\n)"),
                                              QRegularExpression::MultilineOption);
        return err.replace(time, QStringLiteral("[TIME] ")).remove(trace);
    }
    /// Both tools, same arguments: the same bytes on stdout and stderr, the same exit code.
    void compare(const QStringList &args, const QString &bootstrap = {})
    {
        const QStringList full = QStringList{QStringLiteral("--bootstrap-server"), bootstrap.isEmpty() ? m_bootstrap : bootstrap} + args;
        const Run j = java(full);
        const Run o = ours(full);
        const QString what = args.join(QLatin1Char(' '));
        if (j.out != o.out)
            qWarning().noquote() << "kafka-consumer-groups.sh" << what << "printed:\n" << j.out << "\nkafka-ops printed:\n" << o.out;
        QCOMPARE(o.out, j.out);
        QCOMPARE(normalizedErr(o.err), normalizedErr(j.err));
        QCOMPARE(o.code, j.code);
    }

private slots:
    void cleanupTestCase()
    {
        m_member.reset(); // leaves the group, so it can be deleted
        QString error;
        QVERIFY2(m_cleanup.run(&error), qPrintable(error));
    }

    void initTestCase()
    {
        m_bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (m_bootstrap.isEmpty())
            QSKIP("Set KOPS_TEST_BOOTSTRAP=host:port to compare with kafka-consumer-groups.sh on a real broker.");
        const QString kafkaSh = qEnvironmentVariable("KOPS_KAFKA_SH");
        if (kafkaSh.isEmpty())
            QSKIP("Set KOPS_KAFKA_SH=path/to/kafka.sh (the shared broker's script) to compare with kafka-consumer-groups.sh.");
        QProcess bin;
        bin.start(kafkaSh, {QStringLiteral("bin")});
        QVERIFY(bin.waitForFinished(30000));
        m_bin = QString::fromUtf8(bin.readAllStandardOutput()).trimmed();
        QVERIFY2(QFile::exists(m_bin + QStringLiteral("/kafka-consumer-groups.sh")), qPrintable(m_bin));

        m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
        m_topicA = QStringLiteral("kops-cgt-a-%1").arg(m_suffix);
        m_topicB = QStringLiteral("kops-cgt-b-%1").arg(m_suffix);
        m_topicC = QStringLiteral("kops-cgt-c-%1").arg(m_suffix);
        m_active = QStringLiteral("kops-cgt-active-%1").arg(m_suffix);
        m_empty = QStringLiteral("kops-cgt-empty-%1").arg(m_suffix);
        m_unknown = QStringLiteral("kops-cgt-unknown-%1").arg(m_suffix);
        m_api = std::make_unique<RdKafkaClusterApi>(QList<QPair<QString, QString>>{{QStringLiteral("bootstrap.servers"), m_bootstrap}});
        m_cleanup.setBootstrap(m_bootstrap);
        for (const QString &t : {m_topicA, m_topicB, m_topicC})
            m_cleanup.topic(t);
        for (const QString &g : {m_active, m_empty, m_unknown})
            m_cleanup.group(g);
        const QList<QPair<QString, int>> topics = {{m_topicA, 3}, {m_topicB, 2}, {m_topicC, 6}};
        for (const auto &[name, partitions] : topics) {
            NewTopic t;
            t.name = name;
            t.partitions = partitions;
            auto created = m_api->createTopic(t);
            QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        }
        // Different amounts per partition, none on some; produced once, so log ends hold still.
        QList<OutgoingRecord> records;
        for (const auto &[name, partitions] : topics)
            for (int p = 0; p < partitions; p += 2)
                for (int i = 0; i < 3 + p * 2; ++i) {
                    OutgoingRecord r;
                    r.topic = name;
                    r.partition = p;
                    r.value = QByteArray::number(i);
                    records.append(r);
                }
        bool delivered = false;
        for (int attempt = 0; attempt < 20 && !delivered; ++attempt) {
            auto reports = m_api->produce(records);
            delivered = reports.ok() && std::all_of(reports.value().cbegin(), reports.value().cend(),
                                                    [](const DeliveryReport &d) { return d.errorCode.isEmpty(); });
            if (!delivered)
                QTest::qWait(500);
        }
        QVERIFY(delivered);

        // Empty group: commits on several topics, no member.
        auto altered = m_api->alterGroupOffsets(m_empty, {{m_topicA, 0, 2, {}, {}}, {m_topicA, 2, 7, {}, {}},
                                                         {m_topicB, 0, 1, {}, {}}, {m_topicB, 1, 0, {}, {}},
                                                         {m_topicC, 4, 5, {}, {}}});
        QVERIFY2(altered.ok(), qPrintable(altered.ok() ? QString() : altered.error().toString()));

        // Active group: one member owning 9 partitions, commits on two of them only.
        m_member = std::make_unique<Member>(m_bootstrap, m_active, QStringList{m_topicA, m_topicC});
        int assigned = 0;
        for (int i = 0; i < 300 && assigned < 9; ++i)
            assigned = m_member->assignedCount();
        QCOMPARE(assigned, 9);
        QVERIFY(m_member->commit({{m_topicA, 0, 1, {}, {}}, {m_topicC, 2, 4, {}, {}}}));
        bool stable = false;
        for (int i = 0; i < 100 && !stable; ++i) {
            auto d = m_api->describeGroups({m_active});
            stable = d.ok() && !d.value().isEmpty() && d.value().first().state == QLatin1String("Stable");
            if (!stable)
                m_member->assignedCount();
        }
        QVERIFY(stable);
    }

    void describeOffsets_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("active, commits on some partitions") << QStringList{QStringLiteral("--describe"), QStringLiteral("--group"), m_active};
        QTest::newRow("empty, several topics") << QStringList{QStringLiteral("--describe"), QStringLiteral("--group"), m_empty};
        QTest::newRow("unknown") << QStringList{QStringLiteral("--describe"), QStringLiteral("--group"), m_unknown};
        QTest::newRow("--offsets, three groups")
            << QStringList{QStringLiteral("--describe"), QStringLiteral("--offsets"), QStringLiteral("--group"), m_unknown,
                           QStringLiteral("--group"), m_empty, QStringLiteral("--group"), m_active};
    }
    void describeOffsets()
    {
        QFETCH(QStringList, args);
        compare(args);
    }

    void describeMembersAndState_data()
    {
        QTest::addColumn<QStringList>("args");
        for (const QString &g : {m_active, m_empty, m_unknown}) {
            const QString kind = g == m_active ? QStringLiteral("active") : g == m_empty ? QStringLiteral("empty") : QStringLiteral("unknown");
            QTest::newRow(qPrintable(kind + QStringLiteral(" --members")))
                << QStringList{QStringLiteral("--describe"), QStringLiteral("--members"), QStringLiteral("--group"), g};
            QTest::newRow(qPrintable(kind + QStringLiteral(" --members --verbose")))
                << QStringList{QStringLiteral("--describe"), QStringLiteral("--members"), QStringLiteral("--verbose"),
                               QStringLiteral("--group"), g};
            QTest::newRow(qPrintable(kind + QStringLiteral(" --state")))
                << QStringList{QStringLiteral("--describe"), QStringLiteral("--state"), QStringLiteral("--group"), g};
        }
    }
    void describeMembersAndState()
    {
        QFETCH(QStringList, args);
        compare(args);
    }

    void listHasTheToolsOrder()
    {
        // Other groups come and go on a shared broker: compare the lines of this test's groups,
        // whose relative order comes from the same hashing.
        const QStringList args{QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--list")};
        const Run j = java(args);
        const Run o = ours(args);
        QCOMPARE(o.code, j.code);
        auto mine = [&](const QString &text) {
            QStringList lines = text.split(QLatin1Char('\n'));
            lines.removeIf([&](const QString &l) { return !l.contains(m_suffix); });
            return lines;
        };
        QCOMPARE(mine(o.out), mine(j.out));
        QCOMPARE(mine(o.out).size(), 2);
    }

    void resetDryRuns_data()
    {
        QTest::addColumn<QStringList>("args");
        QFile csv(m_dir.filePath(QStringLiteral("plan.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(QStringLiteral("%1,0,1\n%2,1,99\n%1,2,0\n").arg(m_topicA, m_topicB).toUtf8());
        csv.close();
        const QList<QStringList> strategies = {
            {QStringLiteral("--to-earliest")},
            {QStringLiteral("--to-latest")},
            {QStringLiteral("--to-current")},
            {QStringLiteral("--to-offset"), QStringLiteral("3")},
            {QStringLiteral("--shift-by"), QStringLiteral("-1")},
            {QStringLiteral("--shift-by"), QStringLiteral("100")},
            {QStringLiteral("--to-datetime"), QStringLiteral("2020-01-01T00:00:00.000")},
            {QStringLiteral("--by-duration"), QStringLiteral("PT1H")},
            {QStringLiteral("--from-file"), csv.fileName()},
        };
        const QList<QStringList> scopes = {
            {QStringLiteral("--all-topics")},
            {QStringLiteral("--topic"), m_topicA},
            {QStringLiteral("--topic"), m_topicC},
            {QStringLiteral("--topic"), m_topicA + QStringLiteral(":0,2"), QStringLiteral("--topic"), m_topicB},
        };
        for (const QStringList &s : strategies)
            for (const QStringList &scope : scopes) {
                if (s.first() == QLatin1String("--from-file") && scope.first() != QLatin1String("--all-topics"))
                    continue;
                QTest::newRow(qPrintable(s.join(QLatin1Char(' ')) + QLatin1Char(' ') + scope.join(QLatin1Char(' '))))
                    << (QStringList{QStringLiteral("--reset-offsets"), QStringLiteral("--group"), m_empty} + scope + s
                        + QStringList{QStringLiteral("--dry-run")});
            }
        QTest::newRow("no --dry-run: the tool's warning")
            << QStringList{QStringLiteral("--reset-offsets"), QStringLiteral("--group"), m_empty, QStringLiteral("--all-topics"),
                           QStringLiteral("--to-earliest")};
        QTest::newRow("--export") << QStringList{QStringLiteral("--reset-offsets"), QStringLiteral("--group"), m_empty,
                                                 QStringLiteral("--all-topics"), QStringLiteral("--to-latest"),
                                                 QStringLiteral("--dry-run"), QStringLiteral("--export")};
        QTest::newRow("active group refused") << QStringList{QStringLiteral("--reset-offsets"), QStringLiteral("--group"), m_active,
                                                             QStringLiteral("--all-topics"), QStringLiteral("--to-earliest"),
                                                             QStringLiteral("--dry-run")};
    }
    void resetDryRuns()
    {
        QFETCH(QStringList, args);
        compare(args);
    }

    void extraAddsTimeLagOnlyWhenAsked()
    {
        const QStringList args{QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"),
                               QStringLiteral("--group"), m_empty};
        const Run plain = ours(args);
        const Run extra = ours(args + QStringList{QStringLiteral("--extra")});
        QCOMPARE(extra.code, 0);
        QVERIFY(!plain.out.contains(QLatin1String("TIME-LAG")));
        const QStringList lines = extra.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.first().endsWith(QLatin1String("CLIENT-ID       TIME-LAG")), qPrintable(extra.out));
        // a-0: committed 2 of 3 records (behind: an age in seconds); b-1: committed at its end (0s).
        static const QRegularExpression behind(QStringLiteral(R"(%1\s+0\s+2\s+3\s+1\s.*\s\d+s$)").arg(m_topicA));
        static const QRegularExpression caughtUp(QStringLiteral(R"(%1\s+1\s+0\s+0\s+0\s.*\s0s$)").arg(m_topicB));
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) { return behind.match(l).hasMatch(); }),
                 qPrintable(extra.out));
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) { return caughtUp.match(l).hasMatch(); }),
                 qPrintable(extra.out));
    }

    void deleteGroups()
    {
        // Each tool deletes the same two groups, recreated before each run, next to an active
        // and an unknown one.
        const QString d1 = m_cleanup.group(QStringLiteral("kops-cgt-del1-%1").arg(m_suffix));
        const QString d2 = m_cleanup.group(QStringLiteral("kops-cgt-del2-%1").arg(m_suffix));
        const QStringList args{QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--delete"),
                               QStringLiteral("--group"), d1, QStringLiteral("--group"), m_unknown,
                               QStringLiteral("--group"), m_active, QStringLiteral("--group"), d2};
        QList<Run> runs;
        for (int tool = 0; tool < 2; ++tool) {
            for (const QString &g : {d1, d2}) {
                auto altered = m_api->alterGroupOffsets(g, {{m_topicA, 0, 1, {}, {}}});
                QVERIFY2(altered.ok(), qPrintable(altered.ok() ? QString() : altered.error().toString()));
            }
            runs.append(tool == 0 ? java(args) : ours(args));
        }
        QVERIFY2(runs[0].out.contains(QLatin1String("deleted successfully")), qPrintable(runs[0].out));
        QCOMPARE(runs[1].out, runs[0].out);
        QCOMPARE(normalizedErr(runs[1].err), normalizedErr(runs[0].err));
        QCOMPARE(runs[1].code, runs[0].code);
        auto gone = m_api->describeGroups({d1, d2});
        QVERIFY(gone.ok());
        for (const GroupDescription &d : gone.value())
            QCOMPARE(d.state, QStringLiteral("Dead"));
    }

    void commandConfigOnSasl()
    {
        const QString sasl = qEnvironmentVariable("KOPS_TEST_SASL_BOOTSTRAP");
        if (sasl.isEmpty())
            QSKIP("Set KOPS_TEST_SASL_BOOTSTRAP=host:port (SASL_PLAINTEXT, admin/admin-secret) to compare --command-config.");
        QFile props(m_dir.filePath(QStringLiteral("client.properties")));
        QVERIFY(props.open(QIODevice::WriteOnly));
        props.write("security.protocol=SASL_PLAINTEXT\n"
                    "sasl.mechanism=SCRAM-SHA-256\n"
                    "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n"
                    "    username=\"admin\" password=\"admin-secret\";\n");
        props.close();
        compare({QStringLiteral("--command-config"), props.fileName(), QStringLiteral("--describe"), QStringLiteral("--group"), m_empty},
                sasl);
    }
};

QTEST_GUILESS_MAIN(TestConsumerGroupsTool)
#include "tst_consumergroupstool.moc"
