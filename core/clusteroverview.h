#pragma once

#include "clusterapi.h"

#include <QDateTime>
#include <QHash>

namespace kops {

/// Everything the Cluster Overview shows, fetched in one go (an immutable snapshot).
struct ClusterOverview
{
    ClusterMetadata metadata;
    QHash<QString, qint64> messagesByTopic; ///< sum of high - low watermarks
    QList<GroupListing> groups;
    QString groupsError; ///< non-empty when groups could not be listed (ACLs, old broker...)
    QDateTime fetchedAt;
    qint64 elapsedMs = 0;
};

/// Metadata, watermarks (batched) and groups. Only a metadata failure fails the whole call.
Result<ClusterOverview> fetchClusterOverview(ClusterApi &api);

} // namespace kops

Q_DECLARE_METATYPE(kops::ClusterOverview)
