// Lag sampling benchmark on librdkafka's embedded mock cluster: prints the time of one
// sampling round (committed offsets, watermarks, record timestamps), of evaluating it and
// of recording it in the history, for growing numbers of groups and partitions. The mock
// cannot list or describe groups, so the watched groups are given explicitly and their
// committed offsets are read for known partitions (still one concurrent request per group).
// Usage: bench_lag [max-groups]   (default 10000)
#include "historystore.h"
#include "lagmonitor.h"
#include "lagsampler.h"
#include "mockcluster.h"
#include "mockgroupsapi.h"
#include "rdkafkaclusterapi.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>

#include <cstdio>

using namespace kops;

namespace {

struct Scenario
{
    int groups;
    int partitions;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int maxGroups = argc > 1 ? std::atoi(argv[1]) : 10000;
    constexpr int kPartitionsPerTopic = 50;
    std::printf("%8s %10s %12s %12s %12s %12s %12s %10s\n", "groups", "partitions", "setup ms", "sample ms",
                "2nd sample", "evaluate ms", "history ms", "B/row");
    for (const Scenario sc : {Scenario{10, 100}, Scenario{100, 1000}, Scenario{1000, 10000}, Scenario{10000, 50000}}) {
        if (sc.groups > maxGroups)
            break;
        QElapsedTimer setup;
        setup.start();
        kops::test::MockCluster mock(3);
        const int topics = sc.partitions / kPartitionsPerTopic;
        for (int t = 0; t < topics; ++t)
            mock.createTopic(QStringLiteral("bench-%1").arg(t), kPartitionsPerTopic, 1);
        RdKafkaClusterApi real(mock.clientProperties(), {30000});
        // A few records per topic so some partitions lag and need a timestamp read.
        QList<OutgoingRecord> records;
        for (int t = 0; t < topics; ++t)
            for (int i = 0; i < 4; ++i) {
                OutgoingRecord r;
                r.topic = QStringLiteral("bench-%1").arg(t);
                r.partition = i;
                r.value = QByteArray("v");
                records.append(r);
            }
        real.produce(records);
        // Each group commits on every partition of one topic (groups share topics when there are more groups).
        QHash<QString, QList<TopicPartition>> groups;
        for (int g = 0; g < sc.groups; ++g) {
            const QString topic = QStringLiteral("bench-%1").arg(g % topics);
            QList<TopicPartition> parts;
            QList<PartitionOffset> offsets;
            for (int p = 0; p < kPartitionsPerTopic; ++p) {
                parts.append({topic, p});
                PartitionOffset po;
                po.topic = topic;
                po.partition = p;
                po.offset = 0;
                offsets.append(po);
            }
            groups.insert(QStringLiteral("group-%1").arg(g), parts);
            // Committing is one slow admin round trip per group on the mock: the first 200
            // groups commit, the rest are sampled the same way but answer "no commit".
            if (g < 200)
                real.alterGroupOffsets(QStringLiteral("group-%1").arg(g), offsets);
        }
        const qint64 setupMs = setup.elapsed();

        kops::test::MockGroupsApi api(real, groups);
        LagSampler sampler;
        QElapsedTimer timer;
        timer.start();
        auto raw = sampler.sample(api, groups.keys());
        const qint64 sampleMs = timer.elapsed();
        if (!raw) {
            std::printf("sampling failed: %s\n", qPrintable(raw.error().toString()));
            return 1;
        }
        timer.restart();
        auto again = sampler.sample(api, groups.keys()); // timestamps now cached
        const qint64 secondMs = timer.elapsed();
        LagMonitor monitor;
        timer.restart();
        monitor.ingest(raw.value());
        const qint64 evalMs = timer.elapsed();
        QTemporaryDir dir;
        HistoryStore history(dir.filePath(QStringLiteral("h.sqlite")));
        history.open();
        history.record(QStringLiteral("bench"), raw.value()); // creates the series rows
        RawLagSample next = again ? again.value() : raw.value();
        next.atMs += 10'000;
        timer.restart();
        history.record(QStringLiteral("bench"), next);
        const qint64 historyMs = timer.elapsed();
        for (int i = 2; i < 10; ++i) { // size per sample once the series table is amortized
            next.atMs += 10'000;
            history.record(QStringLiteral("bench"), next);
        }
        const double bytes = double(history.fileSizeBytes()) / double(std::max<qint64>(1, history.sampleRowCount()));
        int rows = 0;
        for (const RawGroupSample &g : raw.value().groups)
            rows += int(g.partitions.size());
        std::printf("%8d %10d %12lld %12lld %12lld %12lld %12lld %10.1f   (%d group-partitions)\n", sc.groups,
                    sc.partitions, setupMs, sampleMs, secondMs, evalMs, historyMs, bytes, rows);
        std::fflush(stdout);
    }
    return 0;
}
