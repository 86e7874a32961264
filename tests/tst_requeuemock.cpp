// Requeue of 10,000 dead letters on librdkafka's mock cluster with injected request errors, a broker
// outage, delayed acknowledgements, a cancel and a kill; the target must hold each record exactly once.
#include "mockcluster.h"
#include "partitionstream.h"
#include "rdkafkaclusterapi.h"
#include "requeueengine.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <QDir>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string_view>
#include <thread>

using namespace kops;
using kops::test::MockCluster;

namespace {

const QString kDlq = QStringLiteral("orders.DLT");
const QString kOrders = QStringLiteral("orders");
constexpr int kRecords = 10000;
constexpr int kDlqPartitions = 4;
constexpr int kOrderPartitions = 6;
constexpr int16_t kProduceApi = 0;

std::unique_ptr<RdKafkaClusterApi> api(const MockCluster &mock)
{
    RdKafkaClusterApi::Options o;
    o.timeoutMs = 5000;
    o.messageTimeoutMs = 3000; // shorter than the outage below: deliveries really fail
    return std::make_unique<RdKafkaClusterApi>(mock.clientProperties(), o);
}

QList<ConsumedRecord> readAll(ClusterApi &api, const QString &topic, int partitions)
{
    QList<ConsumedRecord> out;
    for (int p = 0; p < partitions; ++p) {
        qint64 offset = 0;
        while (true) {
            auto got = api.read({topic, p}, offset, 5000, 10000);
            if (!got || got.value().isEmpty())
                break;
            offset = got.value().last().offset + 1;
            out += got.value();
        }
    }
    return out;
}

// Counts the log messages that name an error code while it lives, so the test can tell a
// fault really reached the client.
class WarningCounter
{
    struct Sink final : spdlog::sinks::base_sink<std::mutex>
    {
        std::string code;
        std::atomic<int> count{0};
        void sink_it_(const spdlog::details::log_msg &msg) override
        {
            if (std::string_view(msg.payload.data(), msg.payload.size()).find(code) != std::string_view::npos)
                ++count;
        }
        void flush_() override {}
    };

public:
    explicit WarningCounter(std::string code) : m_sink(std::make_shared<Sink>())
    {
        m_sink->code = std::move(code);
        spdlog::default_logger()->sinks().push_back(m_sink);
    }
    ~WarningCounter()
    {
        auto &sinks = spdlog::default_logger()->sinks();
        sinks.erase(std::remove(sinks.begin(), sinks.end(), m_sink), sinks.end());
    }
    int count() const { return m_sink->count.load(); }

private:
    std::shared_ptr<Sink> m_sink;
};

} // namespace

class TestRequeueMock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively(); }

    void streamReadsManyPartitionsOnceInOrder()
    {
        // More partitions than the stream reads at once: groups follow each other, nothing is lost.
        MockCluster mock(2);
        mock.createTopic(kDlq, 20, 1);
        for (int p = 0; p < 20; ++p)
            mock.produce(kDlq, p, 50, QStringLiteral("p%1").arg(p));
        auto cluster = api(mock);
        DeadLetterReader reader(*cluster, {kDlq, {}, {BrowseStart::Mode::Oldest, 0}});
        QVERIFY(reader.open().ok());
        QCOMPARE(reader.total(), 1000);
        QHash<int, qint64> last;
        int n = 0;
        while (!reader.atEnd()) {
            auto page = reader.next(64, 1000);
            QVERIFY(page.ok());
            for (const DeadLetterRecord &r : page.value()) {
                QCOMPARE(r.record.offset, last.value(r.record.partition, -1) + 1);
                QCOMPARE(*r.record.value, QStringLiteral("p%1-%2").arg(r.record.partition).arg(r.record.offset).toUtf8());
                last[r.record.partition] = r.record.offset;
                ++n;
            }
            QVERIFY(n <= 1000);
        }
        QCOMPARE(n, 1000);
        DeadLetterReader newest(*cluster, {kDlq, {3, 17}, {BrowseStart::Mode::NewestN, 5}});
        QVERIFY(newest.open().ok());
        int m = 0;
        while (!newest.atEnd())
            m += int(newest.next(100, 1000).value().size());
        QCOMPARE(m, 10);
    }

    void forwardedRecordsKeepWhatTheyCarry()
    {
        // Records read from librdkafka are forwarded without copies: key, value (binary, empty,
        // null), header order and null header values must arrive as they were, the requeue's own
        // headers replaced (the count goes up), dead-letter headers stripped only when asked.
        MockCluster mock(1);
        mock.createTopic(kDlq, 1, 1);
        mock.createTopic(QStringLiteral("retry"), 1, 1);
        const QByteArray binary("\x00\x01\xff\x00bin", 7);
        QList<OutgoingRecord> seed;
        for (int i = 0; i < 4; ++i) {
            OutgoingRecord r;
            r.topic = kDlq;
            r.partition = 0;
            if (i != 1)
                r.key = QByteArray("k") + QByteArray::number(i);
            r.value = i == 0 ? binary : i == 1 ? QByteArray("") : i == 2 ? QByteArray("{\"a\":2}") : std::optional<QByteArray>();
            r.timestampMs = 1700000000000 + i;
            r.headers = {{QStringLiteral("trace-id"), QByteArray("t") + QByteArray::number(i)},
                         {QStringLiteral("kafka_dlt-original-topic"), kOrders.toUtf8()},
                         {QStringLiteral("kafka_dlt-original-timestamp"), QByteArray::number(1600000000000 + i)},
                         {QStringLiteral("empty"), std::nullopt},
                         {QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray("java.lang.IllegalStateException")}};
            if (i == 3)
                r.headers += {{requeuedFromHeader(), QByteArray("elsewhere/0/9")},
                              {requeueCountHeader(), QByteArray("1")},
                              {requeueJobHeader(), QByteArray("old-job")}};
            seed.append(r);
        }
        auto cluster = api(mock);
        auto delivered = cluster->produce(seed);
        QVERIFY(delivered.ok());
        for (const DeliveryReport &d : delivered.value())
            QVERIFY2(d.errorCode.isEmpty(), qPrintable(d.errorMessage));

        for (const bool strip : {true, false}) {
            RequeueJournal journal;
            RequeueEngine engine(*cluster, journal);
            RequeueOptions options;
            options.target = RequeueOptions::Target::Topic;
            options.targetTopic = QStringLiteral("retry");
            options.stripDeadLetterHeaders = strip;
            BrowseSelection sel;
            sel.topic = kDlq;
            auto spec = RequeueSpec::resolve(*cluster, sel, {}, options);
            QVERIFY(spec.ok());
            auto out = engine.start(spec.value(), QStringLiteral("mock"));
            QVERIFY(out.ok());
            QCOMPARE(out.value().state, QStringLiteral("done"));
        }
        const QList<ConsumedRecord> got = readAll(*cluster, QStringLiteral("retry"), 1);
        QCOMPARE(got.size(), 8);
        for (int n = 0; n < 8; ++n) {
            const ConsumedRecord &r = got.at(n);
            const OutgoingRecord &src = seed.at(n % 4);
            const bool stripped = n < 4;
            QCOMPARE(r.key, src.key);
            QCOMPARE(r.value, src.value);
            QCOMPARE(r.timestampMs, 1600000000000 + n % 4); // the original timestamp header
            QStringList names;
            for (const RecordHeader &h : r.headers)
                names.append(h.key);
            const QStringList expected = stripped
                ? QStringList{QStringLiteral("trace-id"), QStringLiteral("empty"), requeuedFromHeader(), requeueCountHeader(), requeueJobHeader()}
                : QStringList{QStringLiteral("trace-id"), QStringLiteral("kafka_dlt-original-topic"), QStringLiteral("kafka_dlt-original-timestamp"),
                              QStringLiteral("empty"), QStringLiteral("kafka_dlt-exception-fqcn"), requeuedFromHeader(),
                              requeueCountHeader(), requeueJobHeader()};
            QCOMPARE(names, expected);
            QCOMPARE(r.headers.at(0).value, src.headers.at(0).value);
            QVERIFY(!r.headers.at(stripped ? 1 : 3).value); // a null header value stays null
            QCOMPARE(*r.headers.at(names.indexOf(requeuedFromHeader())).value, kDlq.toUtf8() + "/0/" + QByteArray::number(n % 4));
            QCOMPARE(*r.headers.at(names.indexOf(requeueCountHeader())).value, QByteArray(n % 4 == 3 ? "2" : "1"));
            QVERIFY(*r.headers.at(names.indexOf(requeueJobHeader())).value != QByteArray("old-job"));
        }
    }

    void aForwardedRecordSentTwiceKeepsItsHeaders()
    {
        // The producer takes a forwarded record's headers from its message; a resend (after a
        // failed report) must find them again.
        MockCluster mock(1);
        mock.createTopic(kDlq, 1, 1);
        mock.createTopic(QStringLiteral("again"), 1, 1);
        auto cluster = api(mock);
        OutgoingRecord seed;
        seed.topic = kDlq;
        seed.partition = 0;
        seed.value = QByteArray("v");
        seed.headers = {{QStringLiteral("a"), QByteArray("1")}, {QStringLiteral("drop-me"), QByteArray("x")}};
        QVERIFY(cluster->produce({seed}).ok());
        auto stream = PartitionStream::open(*cluster, kDlq, {{0, 0, 1}});
        OutgoingRecord out;
        while (!stream->atEnd() && !out.forwarded)
            QVERIFY(stream->visit(10, 1000, [&](const RecordView &v) { out.forwarded = v.retain(); }).ok());
        QVERIFY(out.forwarded);
        out.topic = QStringLiteral("again");
        out.partition = 0;
        out.dropHeaders = {QByteArray("drop-me")};
        out.headers = {{QStringLiteral("b"), QByteArray("2")}};
        for (int send = 0; send < 2; ++send) {
            auto reports = cluster->produce({out});
            QVERIFY(reports.ok());
            QVERIFY2(reports.value().first().errorCode.isEmpty(), qPrintable(reports.value().first().errorMessage));
        }
        out = {};
        stream.reset(); // after the message it held is released
        const QList<ConsumedRecord> got = readAll(*cluster, QStringLiteral("again"), 1);
        QCOMPARE(got.size(), 2);
        for (const ConsumedRecord &r : got) {
            QCOMPARE(r.value, std::optional<QByteArray>(QByteArray("v")));
            QCOMPARE(r.headers.size(), 2);
            QCOMPARE(r.headers.at(0).key, QStringLiteral("a"));
            QCOMPARE(r.headers.at(1).key, QStringLiteral("b"));
        }
    }

    void tenThousandExactlyOnceThroughFaults()
    {
        MockCluster mock(3);
        mock.createTopic(kDlq, kDlqPartitions, 1);
        mock.createTopic(kOrders, kOrderPartitions, 1);
        {
            auto seed = api(mock);
            QList<OutgoingRecord> batch;
            for (int i = 0; i < kRecords; ++i) {
                OutgoingRecord r;
                r.topic = kDlq;
                r.partition = i % kDlqPartitions;
                r.key = QStringLiteral("key-%1").arg(i).toUtf8();
                r.value = QStringLiteral("{\"order\":%1}").arg(i).toUtf8();
                r.headers = {{QStringLiteral("kafka_dlt-original-topic"), kOrders.toUtf8()},
                             {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % kOrderPartitions)},
                             {QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray("java.lang.IllegalStateException")}};
                batch.append(r);
                if (batch.size() == 2000) {
                    auto reports = seed->produce(batch);
                    QVERIFY(reports.ok());
                    for (const DeliveryReport &d : reports.value())
                        QVERIFY2(d.errorCode.isEmpty(), qPrintable(d.errorMessage));
                    batch.clear();
                }
            }
        }

        RequeueOptions options;
        options.partitionPolicy = RequeueOptions::PartitionPolicy::Original;
        options.batchSize = 400;
        qint64 journalId = 0;
        qint64 sentTotal = 0;

        // Run 1: retriable Produce errors (the idempotent producer retries them), then a cancel.
        {
            auto cluster = api(mock);
            RequeueJournal journal;
            RequeueEngine engine(*cluster, journal);
            BrowseSelection sel;
            sel.topic = kDlq;
            auto spec = RequeueSpec::resolve(*cluster, sel, {}, options);
            QVERIFY(spec.ok());
            auto plan = engine.plan(spec.value());
            QCOMPARE(plan.value().perTarget.value(kOrders), kRecords);
            rd_kafka_mock_push_request_errors(mock.handle(), kProduceApi, 6, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
                                              RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
                                              RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
                                              RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION);
            RequeueEngine::Control control;
            auto out = engine.start(spec.value(), QStringLiteral("mock"), &control, [&](const RequeueProgress &p) {
                if (p.sent >= 2500)
                    control.cancel = true;
            });
            QVERIFY(out.ok());
            QCOMPARE(out.value().state, QStringLiteral("cancelled"));
            journalId = out.value().journalId;
            sentTotal += out.value().progress.sent;
            qInfo() << "run 1 (cancelled): sent" << out.value().progress.sent;
        }

        // Run 2: resumed, then "killed" after a batch was produced but before it was journalled.
        {
            auto cluster = api(mock);
            RequeueJournal journal;
            RequeueEngine engine(*cluster, journal);
            int produced = 0;
            engine.killAfterProduceForTest = [&produced](int) { return ++produced == 4; };
            auto out = engine.resume(journalId);
            QVERIFY(out.ok());
            QCOMPARE(out.value().state, QStringLiteral("killed"));
            qInfo() << "run 2 (killed): journalled" << out.value().progress.sent << "already" << out.value().progress.alreadySent;
        }

        // The kill left a produced batch in the target that the journal does not know of.
        qint64 inTargetAfterKill = 0;
        qint64 journalledAfterKill = 0;
        {
            auto check = api(mock);
            inTargetAfterKill = readAll(*check, kOrders, kOrderPartitions).size();
            RequeueJournal journal;
            journalledAfterKill = journal.deliveredCount(journalId).value();
            qInfo() << "after the kill: in the target" << inTargetAfterKill << "journalled" << journalledAfterKill;
            QVERIFY2(inTargetAfterKill > journalledAfterKill, "the kill must leave an un-journalled batch behind");
        }

        // Run 3: resumed after the kill; a broker goes down for 5 s (deliveries time out after 3 s)
        // and another acknowledges one produce only after 4 s (written, but reported as failed).
        {
            auto cluster = api(mock);
            WarningCounter transportErrors("_TRANSPORT");
            // An idle connection to the stopped broker shows as a refused reconnect instead.
            WarningCounter refusedConnects("Connection refused");
            RequeueJournal journal;
            RequeueEngine engine(*cluster, journal);
            engine.setMaxAttempts(12);
            engine.setRetryBackoffMs(300);
            std::thread restorer;
            int produced = 0;
            engine.killAfterProduceForTest = [&](int) {
                if (++produced == 2) {
                    rd_kafka_mock_broker_push_request_error_rtts(mock.handle(), 2, kProduceApi, 1,
                                                                 RD_KAFKA_RESP_ERR_NO_ERROR, 4000);
                    mock.setBrokerDown(3, true);
                    restorer = std::thread([&mock] {
                        std::this_thread::sleep_for(std::chrono::seconds(5));
                        mock.setBrokerDown(3, false);
                    });
                }
                return false;
            };
            auto out = engine.resume(journalId);
            if (restorer.joinable())
                restorer.join();
            QVERIFY(out.ok());
            qInfo() << "run 3:" << out.value().state << "sent" << out.value().progress.sent << "already"
                    << out.value().progress.alreadySent << out.value().detail;
            QVERIFY(out.value().progress.alreadySent >= 2500); // the cancelled and the killed runs' records
            // Reconciliation recovered the un-journalled batch: counted as already sent, not sent again.
            QVERIFY2(out.value().progress.alreadySent >= inTargetAfterKill,
                     qPrintable(QStringLiteral("already sent %1, in the target before the run %2")
                                    .arg(out.value().progress.alreadySent).arg(inTargetAfterKill)));
            QVERIFY2(produced >= 2, "the outage was never started");
            QVERIFY2(transportErrors.count() + refusedConnects.count() > 0, "the outage never reached the client");
            if (out.value().state != QLatin1String("done")) {
                // Gave up during the outage: one more resume finishes it.
                engine.killAfterProduceForTest = {};
                auto again = engine.resume(journalId);
                QVERIFY(again.ok());
                QCOMPARE(again.value().state, QStringLiteral("done"));
            }
        }

        // The target holds every dead letter exactly once, in its original partition.
        auto check = api(mock);
        const QList<ConsumedRecord> target = readAll(*check, kOrders, kOrderPartitions);
        QHash<QString, int> seen;
        for (const ConsumedRecord &r : target) {
            QString from;
            bool keptOriginal = false; // resent records keep the headers they were read with
            for (const RecordHeader &h : r.headers) {
                if (h.key == requeuedFromHeader())
                    from = QString::fromUtf8(h.value.value_or(QByteArray()));
                keptOriginal = keptOriginal || (h.key == QLatin1String("kafka_dlt-exception-fqcn")
                                                 && h.value == QByteArray("java.lang.IllegalStateException"));
            }
            QVERIFY(!from.isEmpty());
            QVERIFY2(keptOriginal, qPrintable(from));
            ++seen[from];
            const int i = r.key->mid(4).toInt();
            QCOMPARE(r.partition, i % kOrderPartitions);
            QCOMPARE(from, QStringLiteral("%1/%2/%3").arg(kDlq).arg(i % kDlqPartitions).arg(i / kDlqPartitions));
        }
        int duplicates = 0;
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            duplicates += it.value() > 1 ? 1 : 0;
        qInfo() << "target records" << target.size() << "distinct" << seen.size() << "duplicated" << duplicates;
        QCOMPARE(duplicates, 0);
        QCOMPARE(int(seen.size()), kRecords);
        QCOMPARE(int(target.size()), kRecords);
        RequeueJournal journal;
        QCOMPARE(journal.deliveredCount(journalId).value(), kRecords);
        QCOMPARE(journal.job(journalId).value().state, QStringLiteral("done"));
        Q_UNUSED(sentTotal);
    }
};

QTEST_GUILESS_MAIN(TestRequeueMock)
#include "tst_requeuemock.moc"
