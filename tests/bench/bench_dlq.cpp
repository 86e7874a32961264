// Not a test: prints dead-letter figures measured on a real Kafka broker, each next to the reference
// tool's (kcat) on the same data in the same run. Both sides run as processes, timed the same way
// (wall clock, CPU and peak memory of the child from wait4).
//
//   bench_dlq --bootstrap HOST:PORT [--records 1000000] [--requeue-records 200000] [--runs 2]
//             [--cli PATH/kafka-ops]
//
// It fills (fresh topics each run) a 4-partition topic of ~100-byte
// Spring Kafka dead letters, then runs:
//   scan      kafka-ops dlq browse T --value-contains NOTHING        vs kcat -C -e -t T
//   requeue   kafka-ops dlq requeue T200k --to NEW --execute          vs kcat -C -e | kcat -P
//   export    kafka-ops dlq export T200k --out F.jsonl                vs kcat -C -J -e
//   first page / jump to a timestamp of the 1M topic (whole process)
#include <librdkafka/rdkafka.h>

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <QtEndian>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

constexpr int kPartitions = 4;
// Record times start two hours ago (older ones would fall to the broker's time retention).
const qint64 kBaseTime = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;

void say(const QString &s)
{
    std::cout << s.toStdString() << std::endl;
}

struct Measured
{
    double wallMs = 0;
    double cpuMs = 0;
    double maxRssMb = 0;
    int exitCode = -1;
};

/// Runs argv (through /bin/sh when it is one string with a pipe) with stdout to outFile.
Measured run(const QStringList &argv, const QString &outFile = QStringLiteral("/dev/null"))
{
    std::vector<QByteArray> store;
    for (const QString &a : argv)
        store.push_back(a.toLocal8Bit());
    std::vector<char *> cargv;
    for (QByteArray &b : store)
        cargv.push_back(b.data());
    cargv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, outFile.toLocal8Bit().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, "/tmp/bench_dlq.stderr", O_WRONLY | O_CREAT | O_APPEND, 0644);
    Measured m;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    pid_t pid = 0;
    if (posix_spawnp(&pid, cargv[0], &fa, nullptr, cargv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&fa);
        return m;
    }
    posix_spawn_file_actions_destroy(&fa);
    // ru_maxrss of a spawned child starts at this process's own peak (exec keeps the larger of the
    // two), so the child's peak is read from its /proc status while it runs.
    int status = 0;
    rusage ru{};
    const QString statusPath = QStringLiteral("/proc/%1/status").arg(pid);
    qint64 hwmKb = 0;
    while (wait4(pid, &status, WNOHANG, &ru) == 0) {
        QFile f(statusPath);
        if (f.open(QIODevice::ReadOnly))
            for (const QByteArray &line : f.readAll().split('\n'))
                if (line.startsWith("VmHWM:"))
                    hwmKb = std::max(hwmKb, line.mid(6).trimmed().split(' ').value(0).toLongLong());
        usleep(2000);
    }
    m.wallMs = double(QDateTime::currentMSecsSinceEpoch() - t0);
    m.cpuMs = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0
              + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    m.maxRssMb = double(hwmKb) / 1024.0; // for a pipeline through sh: sh's own, not its children's
    m.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return m;
}

Measured shell(const QString &command)
{
    // sh's own rusage includes its waited children (the whole pipeline).
    return run({QStringLiteral("/bin/sh"), QStringLiteral("-c"), command});
}

rd_kafka_t *client(rd_kafka_type_t type, const QString &bootstrap, std::initializer_list<std::pair<const char *, const char *>> extra = {})
{
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), errstr, sizeof errstr);
    for (const auto &kv : extra)
        rd_kafka_conf_set(conf, kv.first, kv.second, errstr, sizeof errstr);
    return rd_kafka_new(type, conf, errstr, sizeof errstr);
}

/// Records in the topic (sum of high - low), or -1 when it does not exist.
qint64 countRecords(rd_kafka_t *rk, const QString &topic)
{
    qint64 total = 0;
    for (int p = 0; p < kPartitions; ++p) {
        int64_t lo = 0, hi = 0;
        if (rd_kafka_query_watermark_offsets(rk, topic.toUtf8().constData(), p, &lo, &hi, 10000))
            return -1;
        total += hi - lo;
    }
    return total;
}

bool createTopic(rd_kafka_t *rk, const QString &topic, int partitions)
{
    char errstr[512];
    rd_kafka_NewTopic_t *nt = rd_kafka_NewTopic_new(topic.toUtf8().constData(), partitions, 1, errstr, sizeof errstr);
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    rd_kafka_CreateTopics(rk, &nt, 1, nullptr, q);
    rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 30000);
    bool ok = ev != nullptr;
    if (ev) {
        size_t n = 0;
        const rd_kafka_topic_result_t **res = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &n);
        ok = n == 1 && (rd_kafka_topic_result_error(res[0]) == RD_KAFKA_RESP_ERR_NO_ERROR
                        || rd_kafka_topic_result_error(res[0]) == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS);
        rd_kafka_event_destroy(ev);
    }
    rd_kafka_queue_destroy(q);
    rd_kafka_NewTopic_destroy(nt);
    QThread::msleep(1000); // metadata propagation
    return ok;
}

/// Spring Kafka dead letters of ~100 bytes with binary partition/offset headers, timestamps kBaseTime + i.
bool fill(const QString &bootstrap, const QString &topic, qint64 count)
{
    rd_kafka_t *admin = client(RD_KAFKA_PRODUCER, bootstrap);
    const qint64 have = countRecords(admin, topic);
    if (have == count) {
        rd_kafka_destroy(admin);
        say(QStringLiteral("reusing %1 (%2 records)").arg(topic).arg(count));
        return true;
    }
    if (have >= 0) {
        say(QStringLiteral("%1 exists with %2 records, not %3: use another --records or a fresh broker").arg(topic).arg(have).arg(count));
        rd_kafka_destroy(admin);
        return false;
    }
    createTopic(admin, topic, kPartitions);
    rd_kafka_destroy(admin);
    rd_kafka_t *p = client(RD_KAFKA_PRODUCER, bootstrap,
                           {{"linger.ms", "20"}, {"batch.num.messages", "10000"}, {"queue.buffering.max.messages", "500000"},
                            {"enable.idempotence", "true"}});
    const QByteArray topicName = topic.toUtf8();
    const char *classes[] = {"com.acme.orders.ValidationException", "org.springframework.kafka.support.serializer.DeserializationException",
                             "java.lang.NullPointerException"};
    for (qint64 i = 0; i < count; ++i) {
        const QByteArray key = "order-" + QByteArray::number(i);
        const QByteArray value = "{\"order\":" + QByteArray::number(i) + ",\"customer\":\"c-" + QByteArray::number(i % 977)
                                 + "\",\"amount\":" + QByteArray::number(i % 10000) + ",\"items\":[1,2,3]}";
        const qint32 part = qToBigEndian(qint32(i % 12));
        const qint64 off = qToBigEndian(qint64(i));
        const char *cls = classes[i % 3];
        rd_kafka_headers_t *h = rd_kafka_headers_new(5);
        rd_kafka_header_add(h, "kafka_dlt-original-topic", -1, "orders", 6);
        rd_kafka_header_add(h, "kafka_dlt-original-partition", -1, &part, sizeof part);
        rd_kafka_header_add(h, "kafka_dlt-original-offset", -1, &off, sizeof off);
        rd_kafka_header_add(h, "kafka_dlt-exception-fqcn", -1, cls, -1);
        rd_kafka_header_add(h, "kafka_dlt-exception-message", -1, "Validation failed", -1);
        rd_kafka_vu_t vus[7];
        vus[0].vtype = RD_KAFKA_VTYPE_TOPIC;
        vus[0].u.cstr = topicName.constData();
        vus[1].vtype = RD_KAFKA_VTYPE_PARTITION;
        vus[1].u.i32 = int32_t(i % kPartitions);
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
    rd_kafka_flush(p, 300000);
    const qint64 now = countRecords(p, topic);
    rd_kafka_destroy(p);
    say(QStringLiteral("filled %1 with %2 records").arg(topic).arg(now));
    return now == count;
}

QString figure(const Measured &m)
{
    return QStringLiteral("%1 s (CPU %2 s, peak RSS %3 MB, exit %4)")
        .arg(m.wallMs / 1000.0, 0, 'f', 2)
        .arg(m.cpuMs / 1000.0, 0, 'f', 2)
        .arg(m.maxRssMb, 0, 'f', 0)
        .arg(m.exitCode);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Dead-letter figures on a real broker next to kcat."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("bootstrap"), QStringLiteral("A real Kafka broker."), QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("records"), QStringLiteral("Records in the scanned topic."), QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("requeue-records"), QStringLiteral("Records requeued and exported."), QStringLiteral("N"),
                      QStringLiteral("200000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each job."), QStringLiteral("N"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("cli"), QStringLiteral("The kafka-ops binary."), QStringLiteral("PATH")});
    parser.process(app);
    const QString bootstrap = parser.isSet(QStringLiteral("bootstrap")) ? parser.value(QStringLiteral("bootstrap"))
                                                                        : qEnvironmentVariable("KOPS_TEST_BOOTSTRAP");
    if (bootstrap.isEmpty()) {
        say(QStringLiteral("bench_dlq needs --bootstrap HOST:PORT of a real Kafka broker (the mock cluster's speed means nothing)."));
        return 64;
    }
    const QString cli = parser.isSet(QStringLiteral("cli"))
                            ? parser.value(QStringLiteral("cli"))
                            : QDir(app.applicationDirPath()).absoluteFilePath(QStringLiteral("../../app/kafka-ops"));
    if (!QFileInfo(cli).isExecutable()) {
        say(QStringLiteral("no kafka-ops at %1 (use --cli)").arg(cli));
        return 64;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("kcat")).isEmpty()) {
        say(QStringLiteral("kcat is not installed (apt-get install kcat): there is nothing to compare with."));
        return 64;
    }
    const qint64 records = parser.value(QStringLiteral("records")).toLongLong();
    const qint64 requeueRecords = parser.value(QStringLiteral("requeue-records")).toLongLong();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(6);
    const QString big = QStringLiteral("bench-dlq-%1-%2").arg(records).arg(tag);
    const QString small = QStringLiteral("bench-dlq-%1-%2").arg(requeueRecords).arg(tag);
    if (!fill(bootstrap, big, records) || !fill(bootstrap, small, requeueRecords))
        return 1;

    // The console's state (journal, logs) goes to a throw-away home, as for a first-time user.
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_STATE_HOME", home.filePath(QStringLiteral("state")).toUtf8());
    const QString b = bootstrap;
    say(QStringLiteral("broker %1, kafka-ops %2, %3 run(s) each; ratio = reference time / our time (>= 1 is as fast)")
            .arg(b, cli).arg(runs));

    for (int i = 0; i < runs; ++i) {
        const Measured ours = run({cli, QStringLiteral("dlq"), QStringLiteral("browse"), big, QStringLiteral("--value-contains"),
                                   QStringLiteral("NOTHING-MATCHES-THIS"), QStringLiteral("-q"), QStringLiteral("--bootstrap"), b});
        const Measured ref = run({QStringLiteral("kcat"), QStringLiteral("-C"), QStringLiteral("-e"), QStringLiteral("-q"),
                                  QStringLiteral("-b"), b, QStringLiteral("-t"), big, QStringLiteral("-o"), QStringLiteral("beginning")});
        say(QStringLiteral("scan %1 records  | kafka-ops dlq browse --value-contains: %2 | kcat -C -e: %3 | ratio %4")
                .arg(records).arg(figure(ours), figure(ref)).arg(ref.wallMs / ours.wallMs, 0, 'f', 2));
    }
    for (int i = 0; i < runs; ++i) {
        const QString target = QStringLiteral("bench-requeue-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        const QString kcatTarget = target + QStringLiteral("-kcat");
        // Both targets exist before the clocks start: the same job on both sides.
        rd_kafka_t *admin = client(RD_KAFKA_PRODUCER, b);
        createTopic(admin, target, kPartitions);
        createTopic(admin, kcatTarget, kPartitions);
        const Measured ours = run({cli, QStringLiteral("dlq"), QStringLiteral("requeue"), small, QStringLiteral("--to"), target,
                                   QStringLiteral("--execute"), QStringLiteral("-q"), QStringLiteral("--bootstrap"), b});
        const Measured ref = shell(QStringLiteral("kcat -C -e -q -b %1 -t %2 -o beginning -K '\\t' | kcat -P -q -b %1 -t %3 -K '\\t'")
                                       .arg(b, small, kcatTarget));
        const qint64 ourCount = countRecords(admin, target), refCount = countRecords(admin, kcatTarget);
        rd_kafka_destroy(admin);
        say(QStringLiteral("requeue %1 records | kafka-ops dlq requeue --execute (journal, headers): %2, %3 in target | "
                           "kcat -C | kcat -P (key+value only): %4, %5 in target | ratio %6")
                .arg(requeueRecords).arg(figure(ours)).arg(ourCount).arg(figure(ref)).arg(refCount)
                .arg(ref.wallMs / ours.wallMs, 0, 'f', 2));
    }
    for (int i = 0; i < runs; ++i) {
        const QString out = home.filePath(QStringLiteral("export.jsonl"));
        const Measured ours = run({cli, QStringLiteral("dlq"), QStringLiteral("export"), small, QStringLiteral("--out"), out,
                                   QStringLiteral("-q"), QStringLiteral("--bootstrap"), b});
        const qint64 ourSize = QFileInfo(out).size();
        const Measured ref = run({QStringLiteral("kcat"), QStringLiteral("-C"), QStringLiteral("-J"), QStringLiteral("-e"),
                                  QStringLiteral("-q"), QStringLiteral("-b"), b, QStringLiteral("-t"), small,
                                  QStringLiteral("-o"), QStringLiteral("beginning")},
                                 home.filePath(QStringLiteral("kcat.json")));
        say(QStringLiteral("export %1 records | kafka-ops dlq export: %2, %3 MB | kcat -C -J -e: %4, %5 MB | ratio %6")
                .arg(requeueRecords).arg(figure(ours)).arg(double(ourSize) / 1e6, 0, 'f', 1).arg(figure(ref))
                .arg(double(QFileInfo(home.filePath(QStringLiteral("kcat.json"))).size()) / 1e6, 0, 'f', 1)
                .arg(ref.wallMs / ours.wallMs, 0, 'f', 2));
    }
    for (int i = 0; i < runs; ++i) {
        const Measured first = run({cli, QStringLiteral("dlq"), QStringLiteral("browse"), big, QStringLiteral("--limit"),
                                    QStringLiteral("200"), QStringLiteral("--bootstrap"), b});
        const Measured jump = run({cli, QStringLiteral("dlq"), QStringLiteral("browse"), big, QStringLiteral("--from-time"),
                                   QString::number(kBaseTime + records / 2), QStringLiteral("--limit"), QStringLiteral("200"),
                                   QStringLiteral("--bootstrap"), b});
        say(QStringLiteral("first page of %1 (200 records, whole process): %2 | jump to a timestamp: %3")
                .arg(big, figure(first), figure(jump)));
    }
    return 0;
}
