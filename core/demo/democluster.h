#pragma once

#include "clusterapi.h"
#include "clustertypes.h"
#include "kafkaerror.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace kops {
struct GroupCommitLog;
}

namespace kops::demo {

/// One consumer group of the demo as the demo itself knows it (the mock cluster cannot
/// list or describe groups): its topics, whether its consumer runs, and who that is.
struct DemoGroup
{
    QString groupId;
    QStringList topics;
    bool running = false;
    QString memberId; ///< stable for one run of the group's consumer
    QString clientId;
    QString host;
    QList<TopicPartition> assignment;
};

/// The demo cluster: librdkafka's mock cluster (three brokers on loopback) with real
/// librdkafka producers and consumers driven inside this process, so the console shows its
/// whole job without any Kafka. It seeds a day of records, dead letters and committed
/// offsets at start, then keeps producing and consuming at rates that vary over time on
/// its own thread. Destroying it stops the traffic and the brokers.
class DemoCluster final
{
public:
    struct Options
    {
        int tickMs = 1000; ///< traffic is produced and consumed once per tick
        int rewindAfterSecs = 75; ///< when fraud-scoring is rewound once (0: never)
    };

    /// Builds and seeds the cluster and starts its traffic.
    static Result<std::shared_ptr<DemoCluster>> start(Options options);
    static Result<std::shared_ptr<DemoCluster>> start() { return start(Options{}); }
    ~DemoCluster();
    DemoCluster(const DemoCluster &) = delete;
    DemoCluster &operator=(const DemoCluster &) = delete;

    /// "Demo (simulated, in this process)": the connection name the front ends show.
    static QString name();
    /// The demo's own lag history and alerts, apart from every real cluster's; replaced at each start.
    static QString historyPath();
    static QString alertsPath();
    /// The demo's example configuration profiles (demoprofiles.h), apart from the user's own.
    static QString profilesPath();

    QString bootstrapServers() const;
    QList<QPair<QString, QString>> clientProperties() const;
    qint64 startedAtMs() const { return m_startedAtMs; }

    QStringList groupIds() const;
    std::optional<DemoGroup> group(const QString &groupId) const;
    /// Every partition of the group's topics (what it commits for).
    QList<TopicPartition> groupPartitions(const QString &groupId) const;
    /// Stops (closes) or starts the group's consumer; returns once the consumer thread has
    /// done it, so no commit of a stopped consumer can follow.
    void setGroupRunning(const QString &groupId, bool running);

    /// Creates a topic on the mock cluster (it cannot through CreateTopics).
    Status createTopic(const NewTopic &topic);
    /// The throughput lab's teaching preset: the next produce requests to each broker fail the
    /// way networks do: some are refused with a retriable error while later batches pass and,
    /// with lostAcknowledgements, some are written but answered too late (the client times out
    /// and sends them again). A handful per broker, used up by the lab's first requests. The mock brokers do not check an idempotent producer's sequence
    /// numbers, so lost acknowledgements would duplicate its records where a real broker drops
    /// the resent batch: ask for them only for a producer without idempotence.
    void injectProduceFailures(bool lostAcknowledgements);

    /// Static configs (the mock cannot describe them): brokers' and topics' usual settings.
    QList<ConfigResource> configs(ConfigResourceType type, const QStringList &names) const;

    /// Writes the last 24 hours of lag history of the demo groups, consistent with the
    /// seeded records and commits, into the history database at path (for this cluster's
    /// name only). Call before sampling starts.
    Status seedHistory(const QString &historyPath) const;

    /// A group's commits as its story made them (once a minute over the seeded day, until it
    /// stopped), for lag reconstruction: the mock cluster has no `__consumer_offsets`.
    GroupCommitLog commitLog(const QString &groupId) const;
    /// The first offset whose timestamp is >= t, for a time of the seeded day (at or before
    /// start) of a seeded partition: its records are in time order from offset 0 and every
    /// later one is stamped after start. nullopt for other times or partitions.
    std::optional<qint64> seededOffsetForTime(const TopicPartition &tp, qint64 t) const;

    /// A factory for ClusterApi objects that answer from this demo where the mock cannot.
    static ClusterApiFactory apiFactory(const std::shared_ptr<DemoCluster> &demo);

private:
    struct Traffic;
    explicit DemoCluster(Options options);
    Status build();
    void run();
    QList<TopicPartition> partitionsOf(const QString &groupId) const; ///< m_mutex held
    /// A group's committed offset at a time of the seeded day (and at start), from its story.
    qint64 seededCommitted(const QString &group, const TopicPartition &tp, qint64 at) const;

    Options m_options;
    rd_kafka_s *m_rk = nullptr;
    rd_kafka_mock_cluster_s *m_mcluster = nullptr;
    qint64 m_startedAtMs = 0;
    QString m_bootstrap;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_applied;
    bool m_stop = false;
    QHash<QString, DemoGroup> m_groups;
    QHash<QString, bool> m_wanted;      ///< requested running state per group
    QHash<QString, int> m_topicPartitions;
    QHash<QString, QHash<QString, QString>> m_topicConfigs;
    /// Timestamps of the seeded records per "topic/partition" (offset = index), for the history.
    QHash<TopicPartition, QList<qint64>> m_seededTimestamps;
    QHash<QString, qint64> m_groupDelayMs; ///< how far behind the groups that keep up are, in time

    std::unique_ptr<Traffic> m_traffic;
    std::thread m_thread;
};

} // namespace kops::demo
