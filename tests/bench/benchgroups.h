#pragma once
// Benchmarks that need many consumer groups on a real broker: topics PREFIX-tNNNN of kGroupsPerTopic
// groups each, groups PREFIX-gNNNNN with committed offsets, created when missing and deleted afterwards.
// Shared by bench_serve and bench_lagmemory.

#include "rdkafkaclusterapi.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QtConcurrent/QtConcurrentMap>

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <cstdio>
#include <vector>

namespace kops::bench {

constexpr int kGroupsPerTopic = 100;

inline QString topicName(const QString &prefix, int t)
{
    return QStringLiteral("%1-t%2").arg(prefix).arg(t, 4, 10, QLatin1Char('0'));
}

inline QString groupName(const QString &prefix, int g)
{
    return QStringLiteral("%1-g%2").arg(prefix).arg(g, 5, 10, QLatin1Char('0'));
}

inline bool setUpGroups(const QString &prefix, const QString &bootstrap, int groups, int partitions)
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
        if (!existing.contains(groupName(prefix, g)))
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
        nt.name = topicName(prefix, i);
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
                rec.topic = topicName(prefix, i);
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
                po.topic = topicName(prefix, g / kGroupsPerTopic);
                po.partition = p;
                po.offset = 10 + (g * 7 + p * 13) % 180; // lags between 10 and 190
                offsets.append(po);
            }
            auto r = client.alterGroupOffsets(groupName(prefix, g), offsets);
            if (!r || std::any_of(r.value().cbegin(), r.value().cend(), [](const PartitionOffset &po) { return po.hasError(); }))
                ++failures;
        }
    });
    std::printf("committed offsets for %lld groups in %.1f s (%d failed)\n", qlonglong(missing.size()),
                double(t.elapsed()) / 1000.0, failures.load());
    return failures == 0;
}

/// Deletes the bench's groups (DeleteGroups, 500 per request) and topics.
inline void cleanUpGroups(const QString &prefix, const QString &bootstrap, int groups)
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
            batch.push_back(rd_kafka_DeleteGroup_new(groupName(prefix, g).toUtf8().constData()));
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
        del.push_back(rd_kafka_DeleteTopic_new(topicName(prefix, t).toUtf8().constData()));
    rd_kafka_DeleteTopics(rk, del.data(), del.size(), nullptr, queue);
    rd_kafka_DeleteTopic_destroy_array(del.data(), del.size());
    if (rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 60000))
        rd_kafka_event_destroy(ev);
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(rk);
    std::printf("cleaned up: deleted %d groups and %d topics (run with --keep to keep them)\n", deleted, topics);
}

} // namespace kops::bench
