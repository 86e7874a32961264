// `kafka-ops serve` at scale on a real broker: creates (once) GROUPS consumer groups with
// committed offsets on PARTITIONS partitions each, starts `kafka-ops serve` on them, then
// for WINDOW seconds scrapes /metrics every 250 ms while the service keeps sampling every
// INTERVAL seconds, and prints the scrape latencies, the sampling round durations, the
// size of /metrics, and the service's resident memory and CPU. Prints figures; not a test.
//
// Usage: bench_serve BOOTSTRAP [groups=9000] [partitions=5] [window-s=60] [interval-s=10] [--keep]
//        (KOPS_CLI=path/to/kafka-ops, default: next to this binary's build tree)
// The broker is shared: its groups and topics are deleted at the end unless --keep is given.
#include "benchgroups.h"
#include "rdkafkaclusterapi.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>
#include <unistd.h>

using namespace kops;

namespace {

const QString kPrefix = QStringLiteral("kops-bench-serve");

bool setUp(const QString &bootstrap, int groups, int partitions)
{
    return bench::setUpGroups(kPrefix, bootstrap, groups, partitions);
}

void cleanUp(const QString &bootstrap, int groups)
{
    bench::cleanUpGroups(kPrefix, bootstrap, groups);
}

struct ProcStat
{
    qint64 rssKb = 0;
    double cpuSeconds = 0;
};

ProcStat procStat(qint64 pid)
{
    ProcStat s;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:"))
                s.rssKb = line.mid(6).trimmed().split(' ').first().toLongLong();
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray all = stat.readAll();
        const QList<QByteArray> fields = all.mid(all.lastIndexOf(')') + 2).split(' ');
        // Fields after the command: state is index 0, utime is 11, stime is 12.
        if (fields.size() > 12)
            s.cpuSeconds = double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    return s;
}

struct Scrape
{
    double ms = 0;     ///< until the last byte arrived
    double firstMs = 0; ///< until the response headers arrived
    int status = 0;
    QByteArray body;
};

/// encoding: "identity" (the whole text) or "gzip" (the bytes as Prometheus receives them;
/// setting the header ourselves keeps Qt from inflating them, which is the scraper's cost).
Scrape get(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &encoding = "identity")
{
    QElapsedTimer t;
    t.start();
    QNetworkRequest request(url);
    request.setRawHeader("Accept-Encoding", encoding);
    QNetworkReply *reply = nam.get(request);
    Scrape s;
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply,
                     [&s, &t] { if (s.firstMs == 0) s.firstMs = double(t.nsecsElapsed()) / 1e6; });
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(60000);
    s.body = reply->readAll();
    s.ms = double(t.nsecsElapsed()) / 1e6;
    s.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return s;
}

double metricValue(const QByteArray &metrics, const QByteArray &name)
{
    const qsizetype at = metrics.indexOf('\n' + name + '{');
    if (at < 0)
        return -1;
    const qsizetype eol = metrics.indexOf('\n', at + 1);
    const QByteArray line = metrics.mid(at + 1, eol - at - 1);
    return line.mid(line.lastIndexOf(' ') + 1).toDouble();
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_serve BOOTSTRAP [groups=9000] [partitions=5] [window-s=60] [interval-s=10]\n");
        return 64;
    }
    bool keep = false;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--keep") == 0) {
            keep = true;
            std::copy(argv + i + 1, argv + argc, argv + i);
            --argc;
            break;
        }
    const QString bootstrap = QString::fromLocal8Bit(argv[1]);
    const int groups = argc > 2 ? std::atoi(argv[2]) : 9000;
    const int partitions = argc > 3 ? std::atoi(argv[3]) : 5;
    const int window = argc > 4 ? std::atoi(argv[4]) : 60;
    const int interval = argc > 5 ? std::atoi(argv[5]) : 10;
    QString cli = qEnvironmentVariable("KOPS_CLI");
    if (cli.isEmpty())
        cli = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../app/kafka-ops"));
    if (!setUp(bootstrap, groups, partitions))
        return 1;

    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    QProcess serve;
    serve.setProcessEnvironment(env);
    serve.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    serve.start(cli, {QStringLiteral("serve"), QStringLiteral("--bootstrap"), bootstrap, QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--interval"), QStringLiteral("%1s").arg(interval)});
    if (!serve.waitForStarted(10000) || !serve.waitForReadyRead(30000)) {
        std::fprintf(stderr, "kafka-ops serve did not start (%s)\n", qPrintable(cli));
        return 1;
    }
    const QString banner = QString::fromUtf8(serve.readLine()).trimmed();
    const auto m = QRegularExpression(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/")).match(banner);
    if (!m.hasMatch()) {
        std::fprintf(stderr, "unexpected banner: %s\n", qPrintable(banner));
        return 1;
    }
    std::printf("%s\n", qPrintable(banner));
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m.captured(1));
    QNetworkAccessManager nam;
    const qint64 pid = serve.processId();

    // First complete round.
    QElapsedTimer first;
    first.start();
    Scrape s;
    while ((s = get(nam, QUrl(base + QStringLiteral("/metrics")))).status != 200
           || metricValue(s.body, "kafka_ops_sampling_rounds_total") < 1) {
        QThread::msleep(250);
        if (first.elapsed() > 600000) {
            std::fprintf(stderr, "no complete round within 10 minutes\n");
            return 1;
        }
    }
    std::printf("first complete round after %.1f s: round %.2f s, %0.f groups in the snapshot\n",
                double(first.elapsed()) / 1000.0,
                metricValue(s.body, "kafka_ops_sampling_duration_seconds"), metricValue(s.body, "kafka_ops_consumergroups"));

    // Steady state: sampling every interval while /metrics is scraped every 250 ms.
    const ProcStat before = procStat(pid);
    QElapsedTimer wall;
    wall.start();
    QList<double> latencies;
    QList<double> gzipLatencies;
    QList<double> firstByte;
    qsizetype gzipBytes = 0;
    QList<double> roundSeconds;
    double lastRounds = metricValue(s.body, "kafka_ops_sampling_rounds_total");
    qint64 maxRss = before.rssKb;
    qsizetype bytes = 0;
    qsizetype series = 0;
    while (wall.elapsed() < qint64(window) * 1000) {
        s = get(nam, QUrl(base + QStringLiteral("/metrics")));
        if (s.status != 200) {
            std::fprintf(stderr, "/metrics answered %d\n", s.status);
            return 1;
        }
        latencies.append(s.ms);
        firstByte.append(s.firstMs);
        bytes = s.body.size();
        const Scrape z = get(nam, QUrl(base + QStringLiteral("/metrics")), "gzip");
        gzipLatencies.append(z.ms);
        firstByte.append(z.firstMs);
        gzipBytes = z.body.size();
        const double rounds = metricValue(s.body, "kafka_ops_sampling_rounds_total");
        if (rounds > lastRounds) {
            roundSeconds.append(metricValue(s.body, "kafka_ops_sampling_duration_seconds"));
            lastRounds = rounds;
        }
        maxRss = std::max(maxRss, procStat(pid).rssKb);
        QThread::msleep(250);
    }
    const ProcStat after = procStat(pid);
    series = 0;
    for (const QByteArray &line : s.body.split('\n'))
        if (!line.isEmpty() && !line.startsWith('#'))
            ++series;
    const double elapsed = double(wall.elapsed()) / 1000.0;
    const double errors = metricValue(s.body, "kafka_ops_sampling_errors_total");

    std::printf("\n%d groups x %d partitions requested; window %.0f s, interval %d s\n", groups, partitions, elapsed, interval);
    QStringList rounds;
    for (double r : std::as_const(roundSeconds))
        rounds << QString::number(r, 'f', 2);
    std::printf("sampling rounds in window: %lld (%s s), errors %.0f\n", qlonglong(roundSeconds.size()),
                qPrintable(rounds.join(QStringLiteral(", "))), errors);
    std::printf("/metrics: %lld series, %.1f MB as text, %.1f MB gzipped; %lld scrapes of each while sampling\n",
                qlonglong(series), double(bytes) / 1e6, double(gzipBytes) / 1e6, qlonglong(latencies.size()));
    std::printf("  gzip (as Prometheus asks): median %.1f ms, p99 %.1f ms, max %.1f ms to the last byte\n",
                percentile(gzipLatencies, 0.5), percentile(gzipLatencies, 0.99), percentile(gzipLatencies, 1.0));
    std::printf("  identity (40 MB-class text): median %.1f ms, p99 %.1f ms, max %.1f ms to the last byte\n",
                percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
    std::printf("  response headers: median %.1f ms, max %.1f ms\n", percentile(firstByte, 0.5), percentile(firstByte, 1.0));
    std::printf("kafka-ops serve: RSS %.0f MB after the first round, %.0f MB at the end, %.0f MB max; "
                "CPU %.1f%% of one core on average while sampled and scraped (%.1f s CPU in %.0f s)\n",
                double(before.rssKb) / 1024.0, double(after.rssKb) / 1024.0, double(maxRss) / 1024.0,
                100.0 * (after.cpuSeconds - before.cpuSeconds) / elapsed, after.cpuSeconds - before.cpuSeconds, elapsed);

    // At rest: sampling goes on, nobody scrapes.
    const ProcStat restStart = procStat(pid);
    QElapsedTimer rest;
    rest.start();
    qint64 restMaxRss = restStart.rssKb;
    while (rest.elapsed() < qint64(window / 2) * 1000) {
        QThread::msleep(500);
        restMaxRss = std::max(restMaxRss, procStat(pid).rssKb);
    }
    const ProcStat restEnd = procStat(pid);
    const double restSeconds = double(rest.elapsed()) / 1000.0;
    std::printf("at rest (sampling every %d s, no scrapes) for %.0f s: CPU %.1f%% of one core, RSS %.0f MB (max %.0f MB)\n",
                interval, restSeconds, 100.0 * (restEnd.cpuSeconds - restStart.cpuSeconds) / restSeconds,
                double(restEnd.rssKb) / 1024.0, double(restMaxRss) / 1024.0);

    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) == 3)
        std::printf("host: %ld cores, load average %.2f %.2f %.2f (shared machine)\n", sysconf(_SC_NPROCESSORS_ONLN), load[0],
                    load[1], load[2]);

    QElapsedTimer stop;
    stop.start();
    serve.terminate();
    serve.waitForFinished(60000);
    std::printf("kafka-ops serve stopped %.1f s after SIGTERM (exit %d)\n", double(stop.elapsed()) / 1000.0, serve.exitCode());
    if (!keep)
        cleanUp(bootstrap, groups);
    return 0;
}
