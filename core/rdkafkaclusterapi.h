#pragma once

#include "clusterapi.h"

#include <QHash>
#include <QList>
#include <QPair>

#include <memory>
#include <optional>

namespace kops {

namespace rdk {
struct SendQueue;
}

class RdKafkaHandle;

/// ClusterApi over librdkafka's C API. Not thread-safe: use it from one thread
/// (ClusterService's worker, or the CLI's main thread).
class RdKafkaClusterApi final : public ClusterApi
{
public:
    struct Options
    {
        int timeoutMs = 8000; ///< per call; keeps an unreachable cluster under 10 s
        int messageTimeoutMs = 30000; ///< produce: a record not acknowledged by then is reported failed
    };

    explicit RdKafkaClusterApi(QList<QPair<QString, QString>> properties);
    RdKafkaClusterApi(QList<QPair<QString, QString>> properties, Options options);
    ~RdKafkaClusterApi() override;

    Result<ClusterMetadata> metadata() override;
    Result<ClusterMetadata> topicMetadata(const QStringList &topics) override;
    Result<QList<GroupListing>> listGroups() override;
    Result<QList<GroupDescription>> describeGroups(const QStringList &groupIds) override;
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &groupIds) override;
    Result<QList<PartitionOffset>> committedOffsetsFor(const QString &groupId,
                                                       const QList<TopicPartition> &partitions) override;
    /// Committed offsets of several groups for given partitions, requests issued concurrently.
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsetsFor(const QHash<QString, QList<TopicPartition>> &groups);
    Result<QList<PartitionWatermarks>> watermarks(const QList<TopicPartition> &partitions) override;
    Result<QList<PartitionOffset>> offsetsForTimes(const QList<PartitionTimestamp> &query) override;
    Result<QList<GroupDeletion>> deleteGroups(const QStringList &groupIds) override;
    Result<QList<PartitionOffset>> alterGroupOffsets(const QString &groupId,
                                                     const QList<PartitionOffset> &offsets) override;
    Result<QList<ConfigResource>> describeConfigs(ConfigResourceType type, const QStringList &names) override;
    Status createTopic(const NewTopic &topic) override;
    Result<QList<TopicDeletion>> deleteTopics(const QStringList &topics) override;
    Result<QList<DeliveryReport>> produce(const QList<OutgoingRecord> &records) override;
    std::unique_ptr<PendingDelivery> produceAsync(const QList<OutgoingRecord> &records) override;
    RdKafkaClusterApi *streamingClient() override { return this; }
    Result<QList<ConsumedRecord>> read(const TopicPartition &tp, qint64 offset, int maxRecords, int timeoutMs) override;
    Result<QList<ConsumedRecord>> readAt(const QList<PartitionOffset> &positions, int timeoutMs) override;

    /// The client properties this api connects with (for core classes that need their own handle).
    const QList<QPair<QString, QString>> &properties() const { return m_props; }

    /// Test hook: raises a librdkafka fatal error on the producer, as a broker-side
    /// idempotence failure would, so tests can check that the client reconnects.
    bool injectFatalErrorForTest();

private:
    Result<RdKafkaHandle *> admin();
    Result<RdKafkaHandle *> producer();
    Result<RdKafkaHandle *> reader();
    Result<QList<ConfigResource>> describeConfigs(ConfigResourceType type, const QStringList &names, int timeoutMs);
    using OffsetRequest = QPair<QString, std::optional<QList<TopicPartition>>>;
    Result<QHash<QString, QList<PartitionOffset>>> fetchCommitted(const QList<OffsetRequest> &requests);
    Result<RdKafkaHandle *> ensure(std::unique_ptr<RdKafkaHandle> &slot, int kind);
    /// librdkafka request timeout for a group (coordinator) request whose answer this client
    /// waits for `waitMs`: longer than the wait, so that librdkafka never times such a request
    /// out itself (see retireAdmin()).
    static int coordinatorRequestTimeoutMs(qint64 waitMs);
    /// Destroys the admin handle: called when group requests are still outstanding after this
    /// client stopped waiting for them. librdkafka 2.0.x aborts the process
    /// (rd_kafka_enq_once_del_source_return: eonce->refcnt > 0) when it times out a group
    /// request whose coordinator lookup is still pending and the lookup completes later;
    /// destroying the handle first fails those lookups on its safe path instead. The caller
    /// destroys its result queue (and events) first.
    void retireAdmin(qsizetype outstanding, const char *what);

    QList<QPair<QString, QString>> m_props;
    Options m_options;
    std::unique_ptr<RdKafkaHandle> m_admin;
    std::unique_ptr<RdKafkaHandle> m_producer;
    int m_batchesInFlight = 0; ///< produceAsync batches not drained: the producer is not replaced meanwhile
    std::unique_ptr<rdk::SendQueue> m_sendQueue; ///< hands produceAsync batches to librdkafka, one at a time
    std::unique_ptr<RdKafkaHandle> m_reader;
    QHash<int, QString> m_racks; ///< broker id -> rack, asked once per broker
};

} // namespace kops
