#pragma once

#include "clusterapi.h"
#include "configlinter.h"

namespace kops {

/// Checks a producer profile against the live target topic: min.insync.replicas and
/// unclean.leader.election.enable from describeConfigs, replication factor from topicMetadata.
class LiveCheck final
{
public:
    /// The topic's facts as a lint context, or the cluster's error (unknown topic, down...).
    static Result<LintContext> topicContext(ClusterApi &api, const QString &topic);
    /// Only the findings that need both the profile and the live topic.
    static Result<QList<LintFinding>> check(ClusterApi &api, const ConfigProfile &producer, const QString &topic);
    static bool needsTopic(const LintFinding &finding);
};

} // namespace kops
