#pragma once

#include "clusterapi.h"
#include "clustertypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace kops {

/// One partition of a group as kafka-consumer-groups.sh --describe shows it.
struct GroupPartitionRow
{
    QString topic;
    int partition = -1;
    std::optional<qint64> committed; ///< nullopt: assigned but never committed
    qint64 logEnd = kNoOffset;       ///< kNoOffset when the watermark could not be read
    std::optional<qint64> lag;       ///< logEnd - committed; may be negative after truncation
    QString memberId;                ///< empty: no member owns the partition
    QString clientId;
    QString host;
};

/// The committed offsets, log-end offsets, lag and ownership of one group.
struct GroupReport
{
    QString groupId;
    QString state;
    QList<GroupMember> members;
    QList<GroupPartitionRow> rows; ///< sorted by topic, partition

    qint64 totalLag() const; ///< sum of positive lags of committed partitions
    QJsonObject toJson() const;
};

/// Pure: merges a description, its committed offsets and the watermarks into rows.
GroupReport buildGroupReport(const GroupDescription &description, const QList<PartitionOffset> &committed,
                             const QList<PartitionWatermarks> &watermarks);

/// One line of `kafka-ops groups`.
struct GroupSummary
{
    QString groupId;
    QString state;
    int memberCount = 0;
    std::optional<qint64> totalLag; ///< nullopt when the group has no committed offsets
};

/// Reads description, committed offsets and watermarks for one group.
/// A group that does not exist gives GROUP_ID_NOT_FOUND, as kafka-consumer-groups.sh does.
Result<GroupReport> fetchGroupReport(ClusterApi &api, const QString &groupId);

/// Lists every group with state, member count and total lag, in batched requests.
Result<QList<GroupSummary>> fetchGroupSummaries(ClusterApi &api);

} // namespace kops
