// Real-broker suite for dead letters (label "realbroker"; needs KOPS_TEST_BOOTSTRAP):
// Spring, Connect and Karafka style dead letters (binary and text numbers) are decoded, then
// requeued to their original topics through a simulated kill and a resume, and every one
// arrives exactly once with key, value and headers intact plus the kops headers.
#include "deadletterheaders.h"
#include "deadletterreader.h"
#include "rdkafkaclusterapi.h"
#include "requeueengine.h"
#include "requeuejournal.h"
#include "requeuespec.h"

#include <librdkafka/rdkafka.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include "realbrokercleanup.h"
#include "support/bigendian.h"

#include <tuple>

using namespace kops;
using kops::test::be32;
using kops::test::be64;
using kops::test::cleanup;

namespace {

QString unique(const QString &prefix)
{
    return cleanup().unique(prefix, 10);
}

} // namespace

class TestDlqRealBroker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RdKafkaClusterApi> m_api;

    void create(const QString &topic, int partitions)
    {
        NewTopic nt;
        nt.name = topic;
        nt.partitions = partitions;
        const Status s = m_api->createTopic(nt);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_api->metadata().ok() && m_api->metadata().value().topic(topic)
                                     && m_api->metadata().value().topic(topic)->partitions.size() == partitions,
                                 15000);
    }

    QList<ConsumedRecord> readAll(const QString &topic, int partitions)
    {
        QList<ConsumedRecord> out;
        for (int p = 0; p < partitions; ++p) {
            qint64 next = 0;
            while (true) {
                auto page = m_api->read({topic, p}, next, 500, 5000);
                if (!page || page.value().isEmpty())
                    break;
                out.append(page.value());
                next = page.value().last().offset + 1;
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString bootstrap = qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
        if (bootstrap.isEmpty())
            QSKIP("Real-broker suite skipped: set KOPS_TEST_BOOTSTRAP=host:port to run it against a Kafka broker.");
        m_api = std::make_unique<RdKafkaClusterApi>(QList<QPair<QString, QString>>{{QStringLiteral("bootstrap.servers"), bootstrap}});
        cleanup().setBootstrap(bootstrap);
        QVERIFY(m_api->metadata().ok());
    }

    void cleanupTestCase()
    {
        QString error;
        QVERIFY2(cleanup().run(&error), qPrintable(error));
    }

    void decodeAndRequeueExactlyOnce()
    {
        const QString dlq = unique(QStringLiteral("kops-dlq"));
        const QString spring = unique(QStringLiteral("kops-orig-spring"));
        const QString connect = unique(QStringLiteral("kops-orig-connect"));
        const QString karafka = unique(QStringLiteral("kops-orig-karafka"));
        create(dlq, 2);
        for (const QString &t : {spring, connect, karafka})
            create(t, 3);

        QList<OutgoingRecord> records;
        auto add = [&](int i, QList<RecordHeader> headers) {
            OutgoingRecord r;
            r.topic = dlq;
            r.partition = i % 2;
            r.key = QStringLiteral("key-%1").arg(i).toUtf8();
            r.value = QStringLiteral("{\"n\":%1}").arg(i).toUtf8();
            headers.append({QStringLiteral("trace-id"), QStringLiteral("t-%1").arg(i).toUtf8()});
            r.headers = headers;
            records.append(r);
        };
        for (int i = 0; i < 4; ++i) // Spring, numbers in binary
            add(i, {{QStringLiteral("kafka_dlt-original-topic"), spring.toUtf8()},
                    {QStringLiteral("kafka_dlt-original-partition"), be32(i % 3)},
                    {QStringLiteral("kafka_dlt-original-offset"), be64(1000 + i)},
                    {QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray("java.lang.IllegalStateException")},
                    {QStringLiteral("kafka_dlt-exception-message"), QByteArray("bad order")}});
        for (int i = 4; i < 8; ++i) // Spring, numbers as text
            add(i, {{QStringLiteral("kafka_dlt-original-topic"), spring.toUtf8()},
                    {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % 3)},
                    {QStringLiteral("kafka_dlt-original-offset"), QByteArray::number(2000 + i)},
                    {QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray("java.lang.NullPointerException")}});
        for (int i = 8; i < 12; ++i) // Kafka Connect
            add(i, {{QStringLiteral("__connect.errors.topic"), connect.toUtf8()},
                    {QStringLiteral("__connect.errors.partition"), QByteArray::number(i % 3)},
                    {QStringLiteral("__connect.errors.offset"), QByteArray::number(3000 + i)},
                    {QStringLiteral("__connect.errors.exception.class.name"), QByteArray("org.apache.kafka.connect.errors.DataException")},
                    {QStringLiteral("__connect.errors.connector.name"), QByteArray("jdbc-sink")}});
        for (int i = 12; i < 16; ++i) // Karafka
            add(i, {{QStringLiteral("source_topic"), karafka.toUtf8()},
                    {QStringLiteral("source_partition"), QByteArray::number(i % 3)},
                    {QStringLiteral("source_offset"), QByteArray::number(4000 + i)}});
        auto produced = m_api->produce(records);
        QVERIFY(produced.ok());
        for (const DeliveryReport &d : produced.value())
            QVERIFY2(d.errorCode.isEmpty(), qPrintable(d.errorMessage));

        // Browse and decode.
        BrowseSelection selection;
        selection.topic = dlq;
        DeadLetterReader reader(*m_api, selection);
        QVERIFY(reader.open().ok());
        QList<DeadLetterRecord> browsed;
        for (int guard = 0; !reader.atEnd() && guard < 50; ++guard) {
            auto page = reader.next(100, 5000);
            QVERIFY(page.ok());
            browsed.append(page.value());
        }
        QCOMPARE(browsed.size(), 16);
        for (const DeadLetterRecord &r : browsed) {
            const int i = QString::fromUtf8(r.record.key.value()).mid(4).toInt();
            QCOMPARE(r.info.originalPartition.value(), i % 3);
            if (i < 8) {
                QCOMPARE(r.info.format, DeadLetterFormat::Spring);
                QCOMPARE(r.info.originalTopic, spring);
                QCOMPARE(r.info.originalOffset.value(), i < 4 ? 1000 + i : 2000 + i);
                QVERIFY(r.info.errorClass.startsWith(QLatin1String("java.lang.")));
            } else if (i < 12) {
                QCOMPARE(r.info.format, DeadLetterFormat::Connect);
                QCOMPARE(r.info.originalTopic, connect);
                QCOMPARE(r.info.originalOffset.value(), 3000 + i);
                QCOMPARE(r.info.connectorName, QStringLiteral("jdbc-sink"));
            } else {
                QCOMPARE(r.info.format, DeadLetterFormat::Karafka);
                QCOMPARE(r.info.originalTopic, karafka);
                QCOMPARE(r.info.originalOffset.value(), 4000 + i);
            }
        }

        // Requeue to the original topics and partitions; "kill" after the first batch, then resume.
        QTemporaryDir dir;
        RequeueJournal journal(dir.filePath(QStringLiteral("requeue.sqlite")));
        RequeueOptions options;
        options.partitionPolicy = RequeueOptions::PartitionPolicy::Original;
        options.batchSize = 5;
        auto spec = RequeueSpec::resolve(*m_api, selection, {}, options);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().toString()));
        RequeueEngine engine(*m_api, journal);
        engine.killAfterProduceForTest = [](int batch) { return batch == 0; };
        auto first = engine.start(spec.value(), QStringLiteral("realbroker"));
        QVERIFY(first.ok());
        QVERIFY(first.value().state != QLatin1String("done"));
        engine.killAfterProduceForTest = {};
        RequeueEngine again(*m_api, journal);
        auto resumed = again.resume(first.value().journalId);
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().toString()));
        QCOMPARE(resumed.value().state, QStringLiteral("done"));
        QVERIFY(resumed.value().failed.isEmpty());

        QHash<QString, int> seen;
        for (const QString &t : {spring, connect, karafka}) {
            for (const ConsumedRecord &r : readAll(t, 3)) {
                const QString key = QString::fromUtf8(r.key.value_or(QByteArray()));
                ++seen[key];
                const int i = key.mid(4).toInt();
                QCOMPARE(r.partition, i % 3);
                QCOMPARE(r.value.value(), QStringLiteral("{\"n\":%1}").arg(i).toUtf8());
                bool trace = false, from = false, count = false;
                for (const RecordHeader &h : r.headers) {
                    trace = trace || (h.key == QLatin1String("trace-id") && h.value == QStringLiteral("t-%1").arg(i).toUtf8());
                    from = from || (h.key == requeuedFromHeader() && h.value.value_or(QByteArray()).startsWith(dlq.toUtf8() + '/'));
                    count = count || h.key == requeueCountHeader();
                }
                QVERIFY(trace);
                QVERIFY(from);
                QVERIFY(count);
            }
        }
        QCOMPARE(seen.size(), 16);
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }

    void browseFromATimeAndFilterOnTheBroker()
    {
        // Offsets for timestamps exist only on a real broker (the mock answers -1).
        const QString dlq = unique(QStringLiteral("kops-dlq-time"));
        create(dlq, 3);
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 600000;
        QList<OutgoingRecord> records;
        for (int i = 0; i < 300; ++i)
            records.append({dlq, i % 3, QByteArray::number(i), QByteArray("value-") + QByteArray::number(i),
                            {{QStringLiteral("kafka_dlt-exception-fqcn"), i % 2 ? QByteArray("java.lang.NullPointerException")
                                                                             : QByteArray("com.acme.ValidationException")}},
                            t0 + i * 1000});
        auto produced = m_api->produce(records);
        QVERIFY(produced.ok());
        // From t0 + 150.5 s: records 151..299, i.e. 50 or 49 per partition from the right offsets.
        DeadLetterReader reader(*m_api, {dlq, {}, {BrowseStart::Mode::Time, t0 + 150500}});
        QVERIFY(reader.open().ok());
        QCOMPARE(reader.total(), 149);
        QSet<QByteArray> keys;
        while (!reader.atEnd()) {
            auto page = reader.next(100, 5000);
            QVERIFY(page.ok());
            for (const DeadLetterRecord &r : page.value()) {
                QVERIFY(r.record.timestampMs >= t0 + 150500);
                keys.insert(*r.record.key);
            }
        }
        QCOMPARE(keys.size(), 149);
        QVERIFY(keys.contains("151") && keys.contains("299") && !keys.contains("150"));
        // A filtered scan over the whole topic counts the same as the producer wrote.
        RecordFilterSpec f;
        f.errorClass = QStringLiteral("NullPointer");
        f.value = {QStringLiteral("value-1"), false};
        auto scan = scanDeadLetters(*m_api, {dlq, {}, {BrowseStart::Mode::Oldest, 0}}, RecordFilter(f), {});
        QVERIFY(scan.ok());
        QCOMPARE(scan.value().scanned, 300);
        int expected = 0;
        for (int i = 0; i < 300; ++i)
            expected += (i % 2 && QByteArray::number(i).startsWith('1')) ? 1 : 0;
        QCOMPARE(scan.value().matched, expected);
    }

    void transactionalSourceShowsAndRequeuesCommittedRecordsOnly()
    {
        // A dead-letter topic written in transactions: control markers leave gaps in the offsets, and
        // an aborted transaction's records stay in the log. Browse, scan and requeue see committed ones only.
        const QString dlq = unique(QStringLiteral("kops-dlq-tx"));
        const QString target = unique(QStringLiteral("kops-dlq-tx-target"));
        create(dlq, 1);
        create(target, 1);
        char errstr[256];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "bootstrap.servers", qEnvironmentVariable("KOPS_TEST_BOOTSTRAP").toUtf8().constData(), errstr,
                          sizeof errstr);
        rd_kafka_conf_set(conf, "transactional.id", unique(QStringLiteral("kops-tx")).toUtf8().constData(), errstr, sizeof errstr);
        rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        QVERIFY(p);
        auto check = [](rd_kafka_error_t *e) {
            if (!e)
                return true;
            qWarning() << rd_kafka_error_string(e);
            rd_kafka_error_destroy(e);
            return false;
        };
        QVERIFY(check(rd_kafka_init_transactions(p, 30000)));
        const QByteArray topic = dlq.toUtf8();
        auto transaction = [&](const char *prefix, int count, bool commit) {
            if (!check(rd_kafka_begin_transaction(p)))
                return false;
            for (int i = 0; i < count; ++i) {
                const QByteArray value = QByteArray(prefix) + QByteArray::number(i);
                rd_kafka_headers_t *h = rd_kafka_headers_new(1);
                rd_kafka_header_add(h, "kafka_dlt-original-topic", -1, "orders", -1);
                rd_kafka_vu_t vus[4];
                vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
                vus[0].u.cstr = topic.constData();
                vus[1].vtype = RD_KAFKA_VTYPE_VALUE;
                vus[1].u.mem.ptr = const_cast<char *>(value.constData());
                vus[1].u.mem.size = size_t(value.size());
                vus[2].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
                vus[2].u.i = RD_KAFKA_MSG_F_COPY;
                vus[3].vtype = RD_KAFKA_VTYPE_HEADERS;
                vus[3].u.headers = h;
                if (!check(rd_kafka_produceva(p, vus, 4)))
                    return false;
            }
            rd_kafka_flush(p, 10000);
            return check(commit ? rd_kafka_commit_transaction(p, 30000) : rd_kafka_abort_transaction(p, 30000));
        };
        QVERIFY(transaction("committed-a-", 10, true));
        QVERIFY(transaction("aborted-", 5, false));
        QVERIFY(transaction("committed-b-", 3, true));
        rd_kafka_destroy(p);

        // The coordinator writes the last commit marker after commit_transaction returns: wait for it
        // (18 records and 3 control markers below the high watermark), then read.
        QTRY_VERIFY_WITH_TIMEOUT(m_api->watermarks({{dlq, 0}}).ok() && m_api->watermarks({{dlq, 0}}).value().first().high == 21,
                                 30000);
        DeadLetterReader reader(*m_api, {dlq, {}, {BrowseStart::Mode::Oldest, 0}});
        QVERIFY(reader.open().ok());
        QCOMPARE(reader.total(), 21);
        QStringList seen;
        while (!reader.atEnd()) {
            auto page = reader.next(100, 5000);
            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
            for (const DeadLetterRecord &r : page.value())
                seen.append(QString::fromUtf8(*r.record.value));
        }
        QCOMPARE(seen.size(), 13);
        QVERIFY2(!seen.join(QLatin1Char(' ')).contains(QStringLiteral("aborted")), qPrintable(seen.join(QLatin1Char(' '))));
        QCOMPARE(seen.last(), QStringLiteral("committed-b-2"));

        RequeueJournal journal;
        RequeueEngine engine(*m_api, journal);
        RequeueOptions options;
        options.target = RequeueOptions::Target::Topic;
        options.targetTopic = target;
        BrowseSelection sel;
        sel.topic = dlq;
        auto spec = RequeueSpec::resolve(*m_api, sel, {}, options);
        QVERIFY(spec.ok());
        QCOMPARE(engine.plan(spec.value()).value().matched, 13);
        auto out = engine.start(spec.value(), QStringLiteral("realbroker"));
        QVERIFY(out.ok());
        QCOMPARE(out.value().state, QStringLiteral("done"));
        QCOMPARE(out.value().progress.sent, 13);
        const QList<ConsumedRecord> copied = readAll(target, 1);
        QCOMPARE(copied.size(), 13);
        for (const ConsumedRecord &r : copied)
            QVERIFY(r.value->startsWith("committed-"));
    }

    void missingTargetIsRefusedThenCreated()
    {
        // Auto topic creation is on in the test broker: the check must not create the topic by asking.
        const QString exe = qEnvironmentVariable("KOPS_CLI");
        QVERIFY2(!exe.isEmpty(), "KOPS_CLI must name the kafka-ops binary (ctest sets it)");
        const QString dlq = unique(QStringLiteral("kops-dlq-missing"));
        const QString target = unique(QStringLiteral("kops-requeue-target"));
        create(dlq, 2);
        QList<OutgoingRecord> records;
        for (int i = 0; i < 50; ++i)
            records.append({dlq, i % 2, QByteArray::number(i), QByteArray("v") + QByteArray::number(i),
                            {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")}}, 0});
        auto produced = m_api->produce(records);
        QVERIFY(produced.ok());
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        auto runCli = [&](const QStringList &args) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(exe, QStringList{QStringLiteral("dlq"), QStringLiteral("requeue"), dlq, QStringLiteral("--to"), target,
                                     QStringLiteral("--bootstrap"), qEnvironmentVariable("KOPS_TEST_BOOTSTRAP")} + args);
            p.waitForFinished(120000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()));
        };
        for (const QString &mode : {QStringLiteral("--dry-run"), QStringLiteral("--execute")}) {
            const auto [code, out, err] = runCli({mode});
            QCOMPARE(code, 1);
            QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0);
            QVERIFY2(err.contains(QStringLiteral("'%1' does not exist").arg(target)), qPrintable(err));
            QVERIFY2(out.isEmpty(), qPrintable(out));
        }
        auto md = m_api->metadata();
        QVERIFY(md.ok());
        QVERIFY2(!md.value().topic(target), "refusing must not create the topic (auto.create.topics.enable)");

        const auto [code, out, err] = runCli({QStringLiteral("--execute"), QStringLiteral("--create-topics"),
                                              QStringLiteral("--partitions"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(code, 0);
        const QJsonObject outcome = QJsonDocument::fromJson(out.trimmed().toUtf8()).object();
        QCOMPARE(outcome.value(QStringLiteral("sent")).toInt(), 50);
        QCOMPARE(outcome.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        md = m_api->metadata();
        QVERIFY(md.ok() && md.value().topic(target));
        QCOMPARE(md.value().topic(target)->partitions.size(), 3);
        QCOMPARE(readAll(target, 3).size(), 50);
    }
};

QTEST_GUILESS_MAIN(TestDlqRealBroker)
#include "tst_dlqrealbroker.moc"
