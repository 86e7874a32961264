// Memory of the console (offscreen) or `kafka-ops lag --watch` sampling many groups on a
// real broker for a long time: creates (once) GROUPS consumer groups with committed offsets
// on PARTITIONS partitions each (prefix "i19-mem"), starts the program in its own temporary
// home, and prints its resident memory (and the size of its lag history) every minute.
// Prints figures; not a test.
//
// Usage: bench_lagmemory BOOTSTRAP [groups=10000] [partitions=5] [minutes=120] [console|cli] [--keep]
//        (the programs are taken from this build tree; the groups are deleted at the end
//        unless --keep is given)
#include "rdkafkaclusterapi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace kops;

namespace {

constexpr int kGroupsPerTopic = 100;
const QString kPrefix = QStringLiteral("i19-mem");

QString topicName(int t)
{
    return QStringLiteral("%1-t%2").arg(kPrefix).arg(t, 4, 10, QLatin1Char('0'));
}

QString groupName(int g)
{
    return QStringLiteral("%1-g%2").arg(kPrefix).arg(g, 5, 10, QLatin1Char('0'));
}

bool setUp(const QString &bootstrap, int groups, int partitions)
{
    const QList<QPair<QString, QString>> props{{QStringLiteral("bootstrap.servers"), bootstrap}};
    RdKafkaClusterApi api(props, {30000, 30000});
    auto listed = api.listGroups();
    if (!listed) {
        std::fprintf(stderr, "cannot list groups: %s\n", qPrintable(listed.error().toString()));
        return false;
    }
    QSet<QString> existing;
    for (const GroupListing &g : listed.value())
        existing.insert(g.groupId);
    QList<int> missing;
    for (int g = 0; g < groups; ++g)
        if (!existing.contains(groupName(g)))
            missing.append(g);
    std::printf("broker lists %lld groups; %lld of the %d bench groups to create\n", qlonglong(existing.size()),
                qlonglong(missing.size()), groups);
    if (missing.isEmpty())
        return true;

    QElapsedTimer t;
    t.start();
    const int topics = (groups + kGroupsPerTopic - 1) / kGroupsPerTopic;
    for (int i = 0; i < topics; ++i) {
        NewTopic nt;
        nt.name = topicName(i);
        nt.partitions = partitions;
        const Status s = api.createTopic(nt);
        if (!s.ok() && s.error().code != QLatin1String("TOPIC_ALREADY_EXISTS")) {
            std::fprintf(stderr, "create %s: %s\n", qPrintable(nt.name), qPrintable(s.error().toString()));
            return false;
        }
    }
    // 200 records per partition, so every group lags and time lag is read from the log.
    QList<OutgoingRecord> records;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < topics; ++i)
        for (int p = 0; p < partitions; ++p)
            for (int r = 0; r < 200; ++r) {
                OutgoingRecord rec;
                rec.topic = topicName(i);
                rec.partition = p;
                rec.value = QByteArray("bench");
                rec.timestampMs = now - (200 - r) * 1000;
                records.append(rec);
            }
    auto produced = api.produce(records);
    if (!produced) {
        std::fprintf(stderr, "produce: %s\n", qPrintable(produced.error().toString()));
        return false;
    }
    std::printf("created %d topics x %d partitions, %lld records in %.1f s\n", topics, partitions,
                qlonglong(records.size()), double(t.elapsed()) / 1000.0);

    // Commit offsets for each group (one OffsetCommit per group), from a few clients at once.
    t.restart();
    constexpr int kWorkers = 4;
    QList<QList<int>> chunks(kWorkers);
    for (qsizetype i = 0; i < missing.size(); ++i)
        chunks[i % kWorkers].append(missing[i]);
    std::atomic<int> failures{0};
    QtConcurrent::blockingMap(chunks, [&](const QList<int> &chunk) {
        RdKafkaClusterApi client(props, {30000, 30000});
        for (int g : chunk) {
            QList<PartitionOffset> offsets;
            for (int p = 0; p < partitions; ++p) {
                PartitionOffset po;
                po.topic = topicName(g / kGroupsPerTopic);
                po.partition = p;
                po.offset = 10 + (g * 7 + p * 13) % 180; // lags between 10 and 190
                offsets.append(po);
            }
            auto r = client.alterGroupOffsets(groupName(g), offsets);
            if (!r || std::any_of(r.value().cbegin(), r.value().cend(), [](const PartitionOffset &po) { return po.hasError(); }))
                ++failures;
        }
    });
    std::printf("committed offsets for %lld groups in %.1f s (%d failed)\n", qlonglong(missing.size()),
                double(t.elapsed()) / 1000.0, failures.load());
    return failures == 0;
}

/// Deletes the bench's groups (DeleteGroups, 500 per request) and topics.
void cleanUp(const QString &bootstrap, int groups)
{
    char errstr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), errstr, sizeof errstr);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk)
        return;
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    int deleted = 0;
    for (int first = 0; first < groups; first += 500) {
        std::vector<rd_kafka_DeleteGroup_t *> batch;
        for (int g = first; g < std::min(groups, first + 500); ++g)
            batch.push_back(rd_kafka_DeleteGroup_new(groupName(g).toUtf8().constData()));
        rd_kafka_DeleteGroups(rk, batch.data(), batch.size(), nullptr, queue);
        rd_kafka_DeleteGroup_destroy_array(batch.data(), batch.size());
        if (rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 60000)) {
            size_t n = 0;
            const rd_kafka_group_result_t **results =
                rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(ev), &n);
            for (size_t i = 0; i < n; ++i)
                deleted += rd_kafka_group_result_error(results[i]) ? 0 : 1;
            rd_kafka_event_destroy(ev);
        }
    }
    const int topics = (groups + kGroupsPerTopic - 1) / kGroupsPerTopic;
    std::vector<rd_kafka_DeleteTopic_t *> del;
    for (int t = 0; t < topics; ++t)
        del.push_back(rd_kafka_DeleteTopic_new(topicName(t).toUtf8().constData()));
    rd_kafka_DeleteTopics(rk, del.data(), del.size(), nullptr, queue);
    rd_kafka_DeleteTopic_destroy_array(del.data(), del.size());
    if (rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 60000))
        rd_kafka_event_destroy(ev);
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(rk);
    std::printf("cleaned up: deleted %d groups and %d topics (run with --keep to keep them)\n", deleted, topics);
}

qint64 statusKb(qint64 pid, const char *key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(int(qstrlen(key))).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const bool keep = args.removeAll(QStringLiteral("--keep")) > 0;
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_lagmemory BOOTSTRAP [groups] [partitions] [minutes] [console|cli] [--keep]\n");
        return 2;
    }
    const QString bootstrap = args.at(1);
    const int groups = args.size() > 2 ? args.at(2).toInt() : 10000;
    const int partitions = args.size() > 3 ? args.at(3).toInt() : 5;
    const int minutes = args.size() > 4 ? args.at(4).toInt() : 120;
    const bool cli = args.size() > 5 && args.at(5) == QLatin1String("cli");
    if (!setUp(bootstrap, groups, partitions))
        return 1;

    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString appDir = QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/");
    QProcess p;
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(home.filePath(QStringLiteral("stderr.txt")));
    const QString wrapper = qEnvironmentVariable("KOPS_BENCH_WRAPPER"); // e.g. heaptrack
    QStringList command = cli ? QStringList{appDir + QStringLiteral("kafka-ops"), QStringLiteral("lag"),
                                            QStringLiteral("--bootstrap"), bootstrap, QStringLiteral("--watch")}
                              : QStringList{appDir + QStringLiteral("kafka-ops-console"), QStringLiteral("--bootstrap"),
                                            bootstrap};
    if (!wrapper.isEmpty())
        command = wrapper.split(QLatin1Char(' '), Qt::SkipEmptyParts) + command;
    p.start(command.first(), command.mid(1));
    if (!p.waitForStarted()) {
        std::fprintf(stderr, "cannot start %s\n", qPrintable(command.join(QLatin1Char(' '))));
        return 1;
    }
    std::printf("%s: %d groups x %d partitions, RSS every minute for %d minutes\n",
                qPrintable(command.join(QLatin1Char(' '))), groups, partitions, minutes);
    std::printf("%6s %10s %10s %12s\n", "minute", "RSS MB", "anon MB", "history MB");
    QList<double> rss;
    for (int minute = 0; minute <= minutes && p.state() == QProcess::Running; ++minute) {
        if (minute > 0)
            p.waitForFinished(60'000);
        if (p.state() != QProcess::Running)
            break;
        const qint64 pid = p.processId();
        const double mb = double(statusKb(pid, "VmRSS:")) / 1024.0;
        const double anon = double(statusKb(pid, "RssAnon:")) / 1024.0;
        qint64 history = 0;
        for (const QFileInfo &f : QDir(home.filePath(QStringLiteral("data"))).entryInfoList(QDir::Files))
            history += f.size();
        for (const QString &sub : QDir(home.filePath(QStringLiteral("data"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            for (const QFileInfo &f : QDir(home.filePath(QStringLiteral("data/") + sub)).entryInfoList(QDir::Files))
                history += f.size();
        rss.append(mb);
        std::printf("%6d %10.1f %10.1f %12.1f\n", minute, mb, anon, double(history) / 1048576.0);
        std::fflush(stdout);
    }
    if (p.state() != QProcess::Running) {
        QFile err(home.filePath(QStringLiteral("stderr.txt")));
        err.open(QIODevice::ReadOnly);
        std::printf("the program ended early (exit %d, %s); its last output:\n%s\n", p.exitCode(),
                    p.exitStatus() == QProcess::CrashExit ? "crashed" : "exited", err.readAll().right(3000).constData());
    }
    if (rss.size() > 11) {
        const auto [lo, hi] = std::minmax_element(rss.cbegin() + 10, rss.cend());
        std::printf("after minute 10: RSS between %.1f and %.1f MB (%.1f%% of the lower)\n", *lo, *hi,
                    100.0 * (*hi - *lo) / *lo);
    }
    p.terminate();
    if (!p.waitForFinished(30'000))
        p.kill();
    if (!keep)
        cleanUp(bootstrap, groups);
    return 0;
}
