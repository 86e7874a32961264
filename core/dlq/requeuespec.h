#pragma once

#include "deadletterreader.h"
#include "kafkapartitioner.h"

#include <QJsonObject>

namespace kops {

/// How records are requeued: where to, which partition and timestamp, what to strip, how fast.
struct RequeueOptions
{
    enum class Target { Original, Topic };
    enum class PartitionPolicy { Original, ByKey, ProducerDefault };
    enum class TimestampPolicy { Original, Now };

    Target target = Target::Original;
    QString targetTopic; ///< with Target::Topic
    bool stripDeadLetterHeaders = false;
    PartitionPolicy partitionPolicy = PartitionPolicy::ProducerDefault;
    TimestampPolicy timestampPolicy = TimestampPolicy::Original;
    double ratePerSecond = 0; ///< 0: unlimited
    int batchSize = 5000;
};

/// A source offset range [start, end) of one partition, fixed when the requeue is planned
/// (so that "newest 100" means the same records when the requeue is resumed).
struct SourceRange
{
    int partition = -1;
    qint64 start = 0;
    qint64 end = 0;
};

/// Everything a requeue needs to run, and to be resumed from the journal.
struct RequeueSpec
{
    QString sourceTopic;
    QList<SourceRange> ranges;              ///< with filter: every matching record in these ranges
    QList<std::pair<int, qint64>> records;  ///< or exactly these (partition, offset); wins when not empty
    RecordFilterSpec filter;
    RequeueOptions options;
    QList<HeaderMappingRule> headerRules; ///< in-house dead-letter header names

    QJsonObject toJson() const;
    static RequeueSpec fromJson(const QJsonObject &o);
    /// The spec for a selection + filter, with the ranges resolved now.
    static Result<RequeueSpec> resolve(ClusterApi &api, const BrowseSelection &selection, const RecordFilterSpec &filter,
                                       const RequeueOptions &options, const QList<HeaderMappingRule> &headerRules = {});
};

/// Header names the requeue writes.
inline QString requeuedFromHeader() { return QStringLiteral("kops-requeued-from"); }
inline QString requeueCountHeader() { return QStringLiteral("kops-requeue-count"); }
inline QString requeueJobHeader() { return QStringLiteral("kops-requeue-job"); }

} // namespace kops
