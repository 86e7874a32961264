#pragma once

#include "clustertypes.h"
#include "kafkaerror.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace kops {

/// A batch being produced: wait() gives what ClusterApi::produce() would have returned.
class PendingDelivery
{
public:
    virtual ~PendingDelivery() = default;
    virtual Result<QList<DeliveryReport>> wait() = 0;
};

/// The service boundary to a Kafka cluster. Every call blocks the calling thread
/// (never the GUI thread: see ClusterService) and returns within its timeout.
/// The real implementation is RdKafkaClusterApi; tests substitute fakes here for
/// what librdkafka's mock cluster cannot do (group listing/describe, configs...).
class ClusterApi
{
public:
    virtual ~ClusterApi() = default;

    /// Brokers, controller, cluster id and all topics with partitions, leaders, replicas, ISR.
    virtual Result<ClusterMetadata> metadata() = 0;
    /// Metadata restricted to the given topics (unknown topics come back with an error code).
    virtual Result<ClusterMetadata> topicMetadata(const QStringList &topics) = 0;

    virtual Result<QList<GroupListing>> listGroups() = 0;
    /// One description per requested group; a group-level failure is in its errorCode.
    virtual Result<QList<GroupDescription>> describeGroups(const QStringList &groupIds) = 0;
    /// Committed offsets of each group (all partitions it has committed for), requests issued concurrently.
    virtual Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &groupIds) = 0;
    /// Committed offsets of one group for the given partitions only (offset kNoOffset where none).
    virtual Result<QList<PartitionOffset>> committedOffsetsFor(const QString &groupId,
                                                               const QList<TopicPartition> &partitions) = 0;

    /// Low/high watermarks, batched per leader (not one request per partition).
    virtual Result<QList<PartitionWatermarks>> watermarks(const QList<TopicPartition> &partitions) = 0;
    /// Earliest offset whose timestamp is >= the given time; -1 (end) when there is none.
    virtual Result<QList<PartitionOffset>> offsetsForTimes(const QList<PartitionTimestamp> &query) = 0;

    /// Kafka only accepts this for groups with no active members; per-partition errors are returned.
    virtual Result<QList<PartitionOffset>> alterGroupOffsets(const QString &groupId,
                                                             const QList<PartitionOffset> &offsets) = 0;

    /// Deletes groups with no active members; one answer per group. The default says the
    /// client cannot (fakes that do not model it).
    virtual Result<QList<GroupDeletion>> deleteGroups(const QStringList &groupIds);

    virtual Result<QList<ConfigResource>> describeConfigs(ConfigResourceType type, const QStringList &names) = 0;
    virtual Status createTopic(const NewTopic &topic) = 0;
    /// Deletes topics (their records too: irreversible); one answer per topic, an error code
    /// where that topic was not deleted. The call fails as a whole only when the cluster
    /// could not be asked.
    virtual Result<QList<TopicDeletion>> deleteTopics(const QStringList &topics) = 0;

    /// Produces the batch and waits for every delivery report (or the timeout).
    virtual Result<QList<DeliveryReport>> produce(const QList<OutgoingRecord> &records) = 0;
    /// Starts producing the batch and returns without waiting for its acknowledgements, so the
    /// caller can prepare the next batch meanwhile; batches keep their order. Call no other
    /// method of this ClusterApi from another thread meanwhile. The default produces at once.
    virtual std::unique_ptr<PendingDelivery> produceAsync(const QList<OutgoingRecord> &records);
    /// The librdkafka client that answers this API's reads, for streaming many records through
    /// one consumer (dead letters, requeue); nullptr: read through read() (fakes, test decorators).
    virtual class RdKafkaClusterApi *streamingClient() { return nullptr; }
    /// Reads up to maxRecords from one partition starting at offset, without a consumer group.
    virtual Result<QList<ConsumedRecord>> read(const TopicPartition &tp, qint64 offset, int maxRecords,
                                               int timeoutMs) = 0;
    /// The record at each position, read together (several positions of one partition in one
    /// pass, within a bounded span of the smallest); positions with no record there (end of
    /// log, deleted, beyond the span) are simply missing from the answer.
    virtual Result<QList<ConsumedRecord>> readAt(const QList<PartitionOffset> &positions, int timeoutMs);
};

/// "2.0.2": the librdkafka the program runs with.
QString librdkafkaVersion();

using ClusterApiFactory = std::function<std::unique_ptr<ClusterApi>()>;

} // namespace kops
