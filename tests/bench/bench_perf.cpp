// Not a test: the throughput lab's producer next to Kafka's own kafka-producer-perf-test.sh,
// and the audit's scan rate next to `kcat -C -e`, on a real broker with the same settings.
//
//   build/tests/bench/bench_perf [bootstrap=127.0.0.1:19092] [records=500000] [size=100] [partitions=4] [acks=all]
//
// Needs KOPS_KAFKA_SH (or /work/shared/kafka/kafka.sh) for Kafka's bin directory, and kcat.
#include "perflab.h"
#include "rdkafkaclusterapi.h"
#include "topicaudit.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

#include <cstdio>

using namespace kops;

namespace {

QString kafkaBin()
{
    QString sh = qEnvironmentVariable("KOPS_KAFKA_SH", QStringLiteral("/work/shared/kafka/kafka.sh"));
    QProcess p;
    p.start(sh, {QStringLiteral("bin")});
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString bootstrap = args.value(1, QStringLiteral("127.0.0.1:19092"));
    const qint64 records = args.value(2, QStringLiteral("500000")).toLongLong();
    const int size = args.value(3, QStringLiteral("100")).toInt();
    const int partitions = args.value(4, QStringLiteral("4")).toInt();
    const QString acks = args.value(5, QStringLiteral("all"));
    RdKafkaClusterApi api({{QStringLiteral("bootstrap.servers"), bootstrap}});
    const QString id = QUuid::createUuid().toString(QUuid::Id128).left(8);

    // 1. Producer: the lab (one producer, one consumer reading along) and kafka-producer-perf-test.sh.
    PerfSettings s;
    s.partitionCounts = {partitions};
    s.records = records;
    s.recordSize = size;
    s.acks = acks;
    s.lingerMs = 5;
    s.replicationFactor = 1;
    auto lab = PerfLab::run(api, s);
    if (!lab || lab.value().points.isEmpty() || lab.value().points.first().records == 0) {
        std::fprintf(stderr, "lab failed: %s\n", lab ? qPrintable(lab.value().points.value(0).error) : qPrintable(lab.error().message));
        return 1;
    }
    const PerfPoint ours = lab.value().points.first();

    const QString topic = QStringLiteral("i13-bench-") + id;
    api.createTopic({topic, partitions, 1, {}});
    QThread::msleep(2000);
    QProcess perf;
    const QStringList perfArgs{QStringLiteral("--topic"), topic, QStringLiteral("--num-records"), QString::number(records),
                               QStringLiteral("--record-size"), QString::number(size), QStringLiteral("--throughput"),
                               QStringLiteral("-1"), QStringLiteral("--producer-props"),
                               QStringLiteral("bootstrap.servers=") + bootstrap, QStringLiteral("acks=") + acks,
                               QStringLiteral("linger.ms=5")};
    perf.start(kafkaBin() + QStringLiteral("/kafka-producer-perf-test.sh"), perfArgs);
    perf.waitForFinished(600000);
    const QString perfOut = QString::fromUtf8(perf.readAllStandardOutput());
    double kafkaRate = 0;
    const auto lines = perfOut.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (!lines.isEmpty()) {
        const auto m = QRegularExpression(QStringLiteral("records sent, ([0-9.]+) records/sec")).match(lines.last());
        if (m.hasMatch())
            kafkaRate = m.captured(1).toDouble();
    }

    std::printf("settings: %lld records x %d B, %d partitions, acks=%s, linger.ms=5, no compression, broker %s\n", records, size,
                partitions, qPrintable(acks), qPrintable(bootstrap));
    std::printf("producer  kafka-ops perf lab:          %10.0f records/s (%.1f MB/s), ack p50 %.1f ms p99 %.1f ms (1 consumer reading along)\n",
                ours.produceRecordsPerSecond, ours.produceMBPerSecond, ours.ackP50Ms.value_or(-1), ours.ackP99Ms.value_or(-1));
    std::printf("producer  kafka-producer-perf-test.sh: %10.0f records/s\n", kafkaRate);
    std::printf("producer  ratio ours/kafka:            %10.2f\n", kafkaRate > 0 ? ours.produceRecordsPerSecond / kafkaRate : 0.0);
    if (kafkaRate <= 0)
        std::printf("kafka-producer-perf-test.sh output:\n%s\n%s\n", qPrintable(perfOut), perf.readAllStandardError().constData());

    // 2. Audit scan next to kcat reading the same topic to the end. perf-test sends one payload
    // over and over (every record a duplicate: the digest table stays small), so the audit reads
    // a topic of distinct records too, keyed over 1,000 keys, with a JSON sequence number.
    const QString distinct = QStringLiteral("i13-bench-distinct-") + id;
    api.createTopic({distinct, partitions, 1, {}});
    QThread::msleep(2000);
    for (qint64 i = 0; i < records; i += 10000) {
        QList<OutgoingRecord> batch;
        for (qint64 j = i; j < std::min(records, i + 10000); ++j) {
            OutgoingRecord r;
            r.topic = distinct;
            r.key = QByteArray("key-") + QByteArray::number(j % 1000);
            QByteArray v = QByteArray(R"({"seq":)") + QByteArray::number(j) + R"(,"pad":")";
            v += QByteArray(std::max<qsizetype>(0, size - v.size() - 2), 'x') + "\"}";
            r.value = v;
            batch.append(r);
        }
        if (auto sent = api.produce(batch); !sent) {
            std::fprintf(stderr, "filling %s failed: %s\n", qPrintable(distinct), qPrintable(sent.error().message));
            break;
        }
    }
    auto runKcat = [&](const QString &t) {
        QElapsedTimer clock;
        clock.start();
        QProcess kcat;
        kcat.setStandardOutputFile(QProcess::nullDevice());
        kcat.start(QStringLiteral("kcat"), {QStringLiteral("-C"), QStringLiteral("-b"), bootstrap, QStringLiteral("-t"), t,
                                            QStringLiteral("-e"), QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("beginning")});
        kcat.waitForFinished(600000);
        return double(clock.elapsed()) / 1000.0;
    };
    for (const bool withSeq : {false, true}) {
        AuditSpec d;
        d.topic = distinct;
        if (withSeq)
            d.seq = FieldSource::parse(QStringLiteral("json:$.seq")).value();
        auto a = TopicAudit::run(api, d);
        const double kcatSecs = runKcat(distinct);
        if (!a) {
            std::fprintf(stderr, "audit failed: %s\n", qPrintable(a.error().message));
            continue;
        }
        const double kcatRate = double(a.value().scanned) / kcatSecs;
        // Per record read: a topic above the digest limit is read once per pass.
        std::printf("audit     distinct records%s: %10.0f records/s read (%lld records x %d pass(es), %.2f s, tables %.1f MB); "
                    "kcat -C -e %10.0f records/s; ratio %.2f\n",
                    withSeq ? ", --seq json:$.seq" : ", key+value digests", a.value().recordsPerSecond, a.value().scanned,
                    a.value().passes, a.value().seconds, double(a.value().tableBytes) / 1048576.0, kcatRate,
                    a.value().recordsPerSecond / kcatRate);
    }
    api.deleteTopics({distinct});

    AuditSpec spec;
    spec.topic = topic;
    auto audit = TopicAudit::run(api, spec);
    QElapsedTimer kcatClock;
    kcatClock.start();
    QProcess kcat;
    kcat.setStandardOutputFile(QProcess::nullDevice());
    kcat.start(QStringLiteral("kcat"), {QStringLiteral("-C"), QStringLiteral("-b"), bootstrap, QStringLiteral("-t"), topic,
                                        QStringLiteral("-e"), QStringLiteral("-q"), QStringLiteral("-o"), QStringLiteral("beginning")});
    kcat.waitForFinished(600000);
    const double kcatSeconds = double(kcatClock.elapsed()) / 1000.0;
    if (!audit) {
        std::fprintf(stderr, "audit failed: %s\n", qPrintable(audit.error().message));
    } else {
        const double kcatRate = double(audit.value().scanned) / kcatSeconds;
        std::printf("audit     perf-test topic (all one payload): %10.0f records/s (%lld records, %.2f s, %lld duplicates)\n",
                    audit.value().recordsPerSecond, audit.value().scanned, audit.value().seconds, audit.value().duplicates);
        std::printf("audit     kcat -C -e:                          %10.0f records/s (%.2f s, process start included)\n", kcatRate, kcatSeconds);
        std::printf("audit     ratio ours/kcat:                     %10.2f\n", audit.value().recordsPerSecond / kcatRate);
    }
    api.deleteTopics({topic});
    return 0;
}
