// Not a test: one full lag sampling round (committed offsets, log ends, statuses, time lag of
// the lagging partitions) on a real broker, from the commit stream and from OffsetFetch.
// Creates its own uniquely named topics and groups, and deletes them at the end.
//
//   bench_lagstream BOOTSTRAP GROUPS PARTITIONS [ROUNDS] [--keep]
//   bench_lagstream 127.0.0.1:19092 1000 10 3
//   bench_lagstream 127.0.0.1:19092 10000 5 3
#include "lagmonitor.h"
#include "lagsampler.h"
#include "rdkafkaclusterapi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QUuid>
#include <QtConcurrent/QtConcurrentMap>

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <cstdio>
#include <vector>

using namespace kops;

namespace {

constexpr int kGroupsPerTopic = 50;
constexpr int kRecordsPerPartition = 200;

QString g_prefix;

QString topicName(int t)
{
    return QStringLiteral("%1-t%2").arg(g_prefix).arg(t, 5, 10, QLatin1Char('0'));
}

QString groupName(int g)
{
    return QStringLiteral("%1-g%2").arg(g_prefix).arg(g, 6, 10, QLatin1Char('0'));
}

bool setUp(const QList<QPair<QString, QString>> &props, int groups, int partitions)
{
    RdKafkaClusterApi api(props, {30000, 30000});
    QElapsedTimer t;
    t.start();
    const int topics = (groups + kGroupsPerTopic - 1) / kGroupsPerTopic;
    QList<OutgoingRecord> records;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < topics; ++i) {
        NewTopic nt;
        nt.name = topicName(i);
        nt.partitions = partitions;
        if (const Status s = api.createTopic(nt); !s.ok()) {
            std::fprintf(stderr, "create %s: %s\n", qPrintable(nt.name), qPrintable(s.error().toString()));
            return false;
        }
        for (int p = 0; p < partitions; ++p)
            for (int r = 0; r < kRecordsPerPartition; ++r) {
                OutgoingRecord rec;
                rec.topic = nt.name;
                rec.partition = p;
                rec.value = QByteArray("bench");
                rec.timestampMs = now - (kRecordsPerPartition - r) * 1000;
                records.append(rec);
            }
    }
    if (auto produced = api.produce(records); !produced) {
        std::fprintf(stderr, "produce: %s\n", qPrintable(produced.error().toString()));
        return false;
    }
    std::printf("created %d topics x %d partitions, %lld records in %.1f s\n", topics, partitions,
                qlonglong(records.size()), double(t.elapsed()) / 1000.0);

    // One OffsetCommit per group, from a few clients at once. A quarter of the groups are
    // caught up; the others lag 10 to 190 messages.
    t.restart();
    constexpr int kWorkers = 4;
    QList<QList<int>> chunks(kWorkers);
    for (int g = 0; g < groups; ++g)
        chunks[g % kWorkers].append(g);
    std::atomic<int> failures{0};
    QtConcurrent::blockingMap(chunks, [&](const QList<int> &chunk) {
        RdKafkaClusterApi client(props, {30000, 30000});
        for (int g : chunk) {
            QList<PartitionOffset> offsets;
            for (int p = 0; p < partitions; ++p) {
                PartitionOffset po;
                po.topic = topicName(g / kGroupsPerTopic);
                po.partition = p;
                po.offset = g % 4 == 0 ? kRecordsPerPartition : 10 + (g * 7 + p * 13) % 180;
                offsets.append(po);
            }
            auto r = client.alterGroupOffsets(groupName(g), offsets);
            if (!r || std::any_of(r.value().cbegin(), r.value().cend(), [](const PartitionOffset &po) { return po.hasError(); }))
                ++failures;
        }
    });
    std::printf("committed offsets for %d groups in %.1f s (%d failed)\n", groups, double(t.elapsed()) / 1000.0,
                failures.load());
    return failures == 0;
}

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
    std::printf("cleaned up: deleted %d groups and %d topics\n", deleted, topics);
}

/// Rounds of one sampler (kept between rounds, as LagService keeps it) over the groups.
void measure(const QList<QPair<QString, QString>> &props, const QStringList &groups, bool stream, int rounds)
{
    RdKafkaClusterApi api(props, {30000, 30000});
    LagSampler::Options so;
    so.readCommitStream = stream;
    LagSampler sampler(so);
    LagMonitor monitor;
    for (int r = 1; r <= rounds; ++r) {
        QElapsedTimer t;
        t.start();
        auto raw = sampler.sample(api, groups);
        const qint64 sampled = t.elapsed();
        if (!raw) {
            std::printf("  round %d failed: %s\n", r, qPrintable(raw.error().toString()));
            return;
        }
        const LagSnapshot snap = monitor.ingest(raw.value());
        const qint64 total = t.elapsed();
        qint64 parts = 0, lagging = 0, read = 0, estimated = 0, withCommitTime = 0;
        for (const GroupLag &g : snap.groups)
            for (const PartitionLag &p : g.partitions) {
                ++parts;
                withCommitTime += p.lastCommitAgeSeconds ? 1 : 0;
                if (p.lag && *p.lag > 0) {
                    ++lagging;
                    if (p.timeLagSeconds)
                        (p.timeLagEstimated ? estimated : read) += 1;
                }
            }
        std::printf("  %-13s round %d: %6lld ms (sample %lld ms, evaluate %lld ms); %lld groups, %lld partitions, "
                    "%lld lagging (time lag read %lld, estimated %lld), %lld with a commit time; stream records %lld\n",
                    stream ? "commit stream" : "OffsetFetch", r, qlonglong(total), qlonglong(sampled),
                    qlonglong(total - sampled), qlonglong(snap.groups.size()), parts, lagging, read, estimated,
                    withCommitTime, qlonglong(sampler.commitStream().state().recordsApplied()));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: bench_lagstream BOOTSTRAP GROUPS PARTITIONS [ROUNDS] [--keep]\n");
        return 64;
    }
    const QString bootstrap = args[1];
    const int groups = args[2].toInt();
    const int partitions = args[3].toInt();
    const int rounds = args.size() > 4 && !args[4].startsWith(QLatin1String("--")) ? args[4].toInt() : 3;
    const bool keep = args.contains(QStringLiteral("--keep"));
    g_prefix = QStringLiteral("kops-bls-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QList<QPair<QString, QString>> props{{QStringLiteral("bootstrap.servers"), bootstrap}};
    std::printf("bench_lagstream: %d groups x %d partitions on %s (prefix %s)\n", groups, partitions,
                qPrintable(bootstrap), qPrintable(g_prefix));
    if (!setUp(props, groups, partitions)) {
        cleanUp(bootstrap, groups);
        return 1;
    }
    QStringList names;
    for (int g = 0; g < groups; ++g)
        names << groupName(g);
    std::printf("one sampler per source, kept across rounds (the first stream round reads __consumer_offsets from its start):\n");
    measure(props, names, true, rounds);
    measure(props, names, false, rounds);
    if (!keep)
        cleanUp(bootstrap, groups);
    return 0;
}
