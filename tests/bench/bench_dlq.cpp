// Not a test: prints figures for dead-letter browsing, scanning and requeueing on librdkafka's mock
// cluster (in a child process, so this process's memory is the reader's alone), next to kcat.
//   bench_dlq [RECORDS]          (default 1,000,000)
#include "deadletterreader.h"
#include "mockcluster.h"
#include "rdkafkaclusterapi.h"
#include "requeueengine.h"

#include <librdkafka/rdkafka.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <cstdio>
#include <sys/resource.h>
#include <iostream>

using namespace kops;

namespace {

const char *const kDlq = "bench.DLT";
// The mock keeps about 5 MB per partition and drops older segments: 20,000 records each fit.
int g_partitions = 4;
constexpr qint64 kPerPartition = 20000;
constexpr int kRequeuePartitions = 5;
constexpr qint64 kBaseTime = 1700000000000LL;

QString vm(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return QString::fromLatin1(line.mid(int(qstrlen(field)) + 1).simplified());
    return {};
}

double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

void say(const QString &s)
{
    std::cout << s.toStdString() << std::endl;
}

// Child: a mock cluster holding `count` Spring dead letters, alive until stdin closes.
int serve(qint64 count)
{
    kops::test::MockCluster mock(1);
    mock.createTopic(QString::fromLatin1(kDlq), g_partitions, 1);
    mock.createTopic(QStringLiteral("bench.target"), g_partitions, 1);
    mock.createTopic(QStringLiteral("kcat.target"), g_partitions, 1);
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", mock.bootstrapServers().toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "linger.ms", "50", errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "batch.num.messages", "10000", errstr, sizeof errstr);
    rd_kafka_conf_set(conf, "queue.buffering.max.messages", "1000000", errstr, sizeof errstr);
    rd_kafka_t *p = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    const QByteArray exClass("com.acme.orders.ValidationException");
    for (qint64 i = 0; i < count; ++i) {
        const QByteArray key = "order-" + QByteArray::number(i);
        const QByteArray value = "{\"order\":" + QByteArray::number(i) + ",\"customer\":\"c-" + QByteArray::number(i % 977)
                                 + "\",\"amount\":" + QByteArray::number(i % 10000) + ",\"items\":[1,2,3]}";
        const QByteArray part = QByteArray::number(i % 12);
        const QByteArray off = QByteArray::number(i);
        rd_kafka_headers_t *h = rd_kafka_headers_new(4);
        rd_kafka_header_add(h, "kafka_dlt-original-topic", -1, "orders", 6);
        rd_kafka_header_add(h, "kafka_dlt-original-partition", -1, part.constData(), part.size());
        rd_kafka_header_add(h, "kafka_dlt-original-offset", -1, off.constData(), off.size());
        rd_kafka_header_add(h, "kafka_dlt-exception-fqcn", -1, exClass.constData(), exClass.size());
        rd_kafka_vu_t vus[7];
        vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
        vus[0].u.cstr = kDlq;
        vus[1].vtype = RD_KAFKA_VTYPE_PARTITION;
        vus[1].u.i32 = int32_t(i % g_partitions);
        vus[2].vtype = RD_KAFKA_VTYPE_KEY;
        vus[2].u.mem.ptr = const_cast<char *>(key.constData());
        vus[2].u.mem.size = size_t(key.size());
        vus[3].vtype = RD_KAFKA_VTYPE_VALUE;
        vus[3].u.mem.ptr = const_cast<char *>(value.constData());
        vus[3].u.mem.size = size_t(value.size());
        vus[4].vtype = RD_KAFKA_VTYPE_HEADERS;
        vus[4].u.headers = h;
        vus[5].vtype = RD_KAFKA_VTYPE_MSGFLAGS;
        vus[5].u.i = RD_KAFKA_MSG_F_COPY;
        vus[6].vtype = RD_KAFKA_VTYPE_TIMESTAMP;
        vus[6].u.i64 = kBaseTime + i;
        while (rd_kafka_error_t *e = rd_kafka_produceva(p, vus, 7)) {
            rd_kafka_error_destroy(e);
            rd_kafka_poll(p, 10);
        }
        rd_kafka_poll(p, 0);
    }
    rd_kafka_flush(p, 120000);
    rd_kafka_destroy(p);
    std::cout << "READY " << mock.bootstrapServers().toStdString() << std::endl;
    char c;
    while (std::cin.get(c)) {
    }
    return 0;
}

double runKcat(const QString &shell)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), shell});
    p.waitForFinished(600000);
    return double(t.elapsed());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    const qint64 count = args.size() > 1 ? args.value(args.value(1) == QLatin1String("--serve") ? 2 : 1).toLongLong() : 1000000;
    g_partitions = int(std::max<qint64>(kRequeuePartitions, (count + kPerPartition - 1) / kPerPartition));
    if (args.value(1) == QLatin1String("--serve"))
        return serve(count);
    const QString dlq = QString::fromLatin1(kDlq);

    QElapsedTimer fill;
    fill.start();
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(app.applicationFilePath(), {QStringLiteral("--serve"), QString::number(count)});
    QString bootstrap;
    while (server.waitForReadyRead(600000)) {
        const QString line = QString::fromUtf8(server.readLine()).trimmed();
        if (line.startsWith(QLatin1String("READY "))) {
            bootstrap = line.mid(6);
            break;
        }
    }
    if (bootstrap.isEmpty()) {
        say(QStringLiteral("mock cluster did not start"));
        return 1;
    }
    say(QStringLiteral("mock cluster with %1 records in %2 partitions ready in %3 s (%4)")
            .arg(count).arg(g_partitions).arg(double(fill.elapsed()) / 1000.0, 0, 'f', 1).arg(bootstrap));
    say(QStringLiteral("RSS at start: %1").arg(vm("VmRSS:")));
    const QList<QPair<QString, QString>> props{{QStringLiteral("bootstrap.servers"), bootstrap}};

    // First page, cold (new client: connection set-up included) and warm.
    {
        RdKafkaClusterApi api(props);
        for (const char *label : {"cold", "warm"}) {
            QElapsedTimer t;
            t.start();
            BrowseSelection sel{dlq, {}, {BrowseStart::Mode::Oldest, 0}};
            DeadLetterReader reader(api, sel);
            const bool ok = reader.open().ok();
            auto page = reader.next(200);
            say(QStringLiteral("first page (%1): %2 records in %3 ms%4")
                    .arg(QLatin1String(label)).arg(page ? page.value().size() : 0).arg(t.elapsed()).arg(ok ? QString() : QStringLiteral(" (open failed)")));
        }
        QElapsedTimer t;
        t.start();
        DeadLetterReader jump(api, {dlq, {0}, {BrowseStart::Mode::Offset, count / g_partitions / 2}});
        jump.open();
        auto page = jump.next(200);
        say(QStringLiteral("jump to offset %1 of partition 0: %2 records in %3 ms")
                .arg(count / g_partitions / 2).arg(page ? page.value().size() : 0).arg(t.elapsed()));
        t.restart();
        DeadLetterReader byTime(api, {dlq, {}, {BrowseStart::Mode::Time, kBaseTime + count / 2}});
        byTime.open();
        auto tpage = byTime.next(200);
        say(QStringLiteral("jump to a timestamp: %1 records in %2 ms (the mock answers offsetsForTimes with -1, so this "
                           "times the lookup round trip plus an empty read, not a real seek)")
                .arg(tpage ? tpage.value().size() : 0).arg(t.elapsed()));
    }

    // Filter scan of the whole topic (nothing matches, so every record is read and tested).
    double scanMs = 0;
    {
        RdKafkaClusterApi api(props);
        RecordFilterSpec f;
        f.value = {QStringLiteral("needle-that-is-not-there"), false};
        QElapsedTimer t;
        t.start();
        const double cpu0 = cpuMs();
        ScanOptions o;
        auto r = scanDeadLetters(api, {dlq, {}, {BrowseStart::Mode::Oldest, 0}}, RecordFilter(f), o);
        scanMs = double(t.elapsed());
        say(QStringLiteral("filter scan used %1 ms of CPU").arg(cpuMs() - cpu0));
        say(QStringLiteral("filter scan: %1 of %6 records in %2 ms = %3 records/s; RSS now %4, peak %5")
                .arg(r ? r.value().scanned : -1).arg(scanMs).arg(qRound64(double(count) * 1000.0 / scanMs))
                .arg(vm("VmRSS:"), vm("VmHWM:")).arg(r ? r.value().total : -1));
    }
    const double kcatScanMs = runKcat(QStringLiteral("kcat -C -e -q -b %1 -t %2 -o beginning").arg(bootstrap, dlq));
    say(QStringLiteral("kcat -C -e: %1 ms = %2 records/s; scan speed / kcat = %3")
            .arg(kcatScanMs).arg(qRound64(double(count) * 1000.0 / kcatScanMs)).arg(kcatScanMs / scanMs, 0, 'f', 2));

    // Requeue of the first partitions to another topic, against kcat piping the same records.
    qint64 requeued = 0;
    double requeueMs = 0;
    {
        RdKafkaClusterApi api(props);
        RequeueJournal journal;
        RequeueEngine engine(api, journal);
        RequeueOptions options;
        options.target = RequeueOptions::Target::Topic;
        options.targetTopic = QStringLiteral("bench.target");
        options.batchSize = 5000;
        BrowseSelection sel{dlq, {}, {BrowseStart::Mode::Oldest, 0}};
        for (int p = 0; p < kRequeuePartitions; ++p)
            sel.partitions.append(p);
        auto spec = RequeueSpec::resolve(api, sel, {}, options);
        QElapsedTimer t;
        t.start();
        auto out = engine.start(spec.value(), QStringLiteral("bench"));
        requeueMs = double(t.elapsed());
        requeued = out ? out.value().progress.sent : -1;
        if (out && !out.value().detail.isEmpty())
            say(QStringLiteral("requeue detail: %1").arg(out.value().detail));
        say(QStringLiteral("requeue (journal, headers, idempotent producer): %1 sent (%2) in %3 ms = %4 records/s; RSS peak %5")
                .arg(requeued).arg(out ? out.value().state : out.error().toString())
                .arg(requeueMs).arg(qRound64(double(requeued) * 1000.0 / requeueMs)).arg(vm("VmHWM:")));
    }
    QString partitions;
    for (int p = 0; p < kRequeuePartitions; ++p)
        partitions += QString::number(p) + QLatin1Char(' ');
    const double kcatCopyMs = runKcat(
        QStringLiteral("for p in %3; do kcat -C -e -q -b %1 -t %2 -p $p -o beginning -K '\\t'; done | kcat -P -q -b %1 -t kcat.target -K '\\t'")
            .arg(bootstrap, dlq, partitions));
    say(QStringLiteral("kcat copy of the same records (key+value only, no headers): %1 ms = %2 records/s; requeue speed / kcat = %3")
            .arg(kcatCopyMs).arg(qRound64(double(requeued) * 1000.0 / kcatCopyMs)).arg(kcatCopyMs / requeueMs, 0, 'f', 2));
    {
        RdKafkaClusterApi api(props);
        QList<TopicPartition> tps;
        for (int p = 0; p < g_partitions; ++p)
            tps.append({QStringLiteral("kcat.target"), p});
        qint64 copied = 0;
        if (auto wm = api.watermarks(tps))
            for (const PartitionWatermarks &w : wm.value())
                copied += w.messageCount();
        say(QStringLiteral("(kcat copied %1 records)").arg(copied));
    }

    server.closeWriteChannel();
    server.waitForFinished(30000);
    return 0;
}
