#pragma once

#include "clusterapi.h"

#include <memory>

namespace kops {

/// An offset range [from, end) of one partition to stream.
struct StreamRange
{
    int partition = -1;
    qint64 from = 0;
    qint64 end = 0;
};

/// Reads offset ranges of several partitions of one topic forwards, all partitions at once.
/// Pages come in arrival order (interleaved across partitions, in order within one).
class PartitionStream
{
public:
    virtual ~PartitionStream() = default;
    /// Up to maxRecords records; may be empty before the end (nothing arrived within timeoutMs).
    virtual Result<QList<ConsumedRecord>> next(int maxRecords, int timeoutMs) = 0;
    virtual bool atEnd() const = 0;

    /// Over librdkafka (one consumer handle, every range assigned at once) when api is an
    /// RdKafkaClusterApi, else over ClusterApi::read() a partition at a time (fakes).
    static std::unique_ptr<PartitionStream> open(ClusterApi &api, const QString &topic, const QList<StreamRange> &ranges);
};

} // namespace kops
