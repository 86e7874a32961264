#include "clusteroverview.h"

#include <QCoreApplication>

#include <QElapsedTimer>

namespace kops {

Result<ClusterOverview> fetchClusterOverview(ClusterApi &api)
{
    QElapsedTimer timer;
    timer.start();
    ClusterOverview o;
    auto md = api.metadata();
    if (!md)
        return md.error();
    o.metadata = std::move(md).value();

    QList<TopicPartition> all;
    for (const TopicInfo &t : o.metadata.topics)
        for (const PartitionInfo &p : t.partitions)
            all.append({t.name, p.partition});
    if (!all.isEmpty()) {
        auto wm = api.watermarks(all);
        if (wm) {
            for (const PartitionWatermarks &w : wm.value())
                o.messagesByTopic[w.topic] += w.messageCount();
        }
    }

    auto groups = api.listGroups();
    if (groups) {
        o.groups = std::move(groups).value();
        // Brokers before 2.6 do not report states in ListGroups; describe those groups instead.
        QStringList unknown;
        for (const GroupListing &g : o.groups)
            if (g.state.isEmpty() || g.state == QStringLiteral("Unknown"))
                unknown << g.groupId;
        if (!unknown.isEmpty()) {
            auto described = api.describeGroups(unknown);
            if (described) {
                QHash<QString, QString> states;
                for (const GroupDescription &d : described.value())
                    states.insert(d.groupId, d.state);
                for (GroupListing &g : o.groups)
                    if (states.contains(g.groupId))
                        g.state = states.value(g.groupId);
            }
        }
    } else {
        o.groupsError = groups.error().toString();
    }
    o.fetchedAt = QDateTime::currentDateTime();
    o.elapsedMs = timer.elapsed();
    return o;
}

} // namespace kops
