#include "democlusterapi.h"

#include <QCoreApplication>

#include "democluster.h"

namespace kops::demo {

DemoClusterApi::DemoClusterApi(std::shared_ptr<DemoCluster> demo)
    : m_demo(std::move(demo)), m_real(m_demo->clientProperties())
{
}

DemoClusterApi::~DemoClusterApi() = default;

Result<QList<GroupListing>> DemoClusterApi::listGroups()
{
    QList<GroupListing> out;
    for (const QString &id : m_demo->groupIds()) {
        const auto g = m_demo->group(id);
        out.append({id, g && g->running ? QStringLiteral("Stable") : QStringLiteral("Empty"), QStringLiteral("consumer")});
    }
    return out;
}

Result<QList<GroupDescription>> DemoClusterApi::describeGroups(const QStringList &groupIds)
{
    QList<GroupDescription> out;
    for (const QString &id : groupIds) {
        GroupDescription d;
        d.groupId = id;
        d.coordinatorId = 1;
        const auto g = m_demo->group(id);
        if (!g) {
            // Kafka describes an unknown group as Dead with no members.
            d.state = QStringLiteral("Dead");
        } else if (g->running) {
            d.state = QStringLiteral("Stable");
            d.assignor = QStringLiteral("range");
            d.members.append({g->memberId, g->clientId, g->host, {}, g->assignment});
        } else {
            d.state = QStringLiteral("Empty");
        }
        out.append(d);
    }
    return out;
}

Result<QHash<QString, QList<PartitionOffset>>> DemoClusterApi::committedOffsets(const QStringList &groupIds)
{
    // The mock cannot list every offset a group committed: ask for the demo's partitions
    // of the group (and of every topic for a group the demo does not run, e.g. a replay's).
    QHash<QString, QList<TopicPartition>> wanted;
    QList<TopicPartition> everything;
    for (const QString &id : groupIds) {
        QList<TopicPartition> partitions = m_demo->groupPartitions(id);
        if (partitions.isEmpty()) {
            if (everything.isEmpty()) {
                auto meta = m_real.metadata();
                if (!meta)
                    return meta.error();
                for (const TopicInfo &t : meta.value().topics)
                    for (const PartitionInfo &p : t.partitions)
                        everything.append({t.name, p.partition});
            }
            partitions = everything;
        }
        wanted.insert(id, partitions);
    }
    auto fetched = m_real.committedOffsetsFor(wanted);
    if (!fetched)
        return fetched;
    for (auto &offsets : fetched.value())
        offsets.removeIf([](const PartitionOffset &po) { return po.offset < 0 && !po.hasError(); });
    return fetched;
}

Result<QList<PartitionOffset>> DemoClusterApi::offsetsForTimes(const QList<PartitionTimestamp> &query)
{
    QList<PartitionOffset> out(query.size());
    QList<TopicPartition> partitions;
    for (const PartitionTimestamp &q : query)
        partitions.append({q.topic, q.partition});
    auto marks = m_real.watermarks(partitions);
    if (!marks)
        return marks.error();
    // Per query: the first offset in [lo, hi) whose timestamp is >= the time (hi: none).
    struct Search
    {
        qint64 lo = 0;
        qint64 hi = 0;
        qint64 end = 0;
    };
    QList<Search> searches(query.size());
    QList<bool> known(query.size(), false); ///< answered from the seeded day's stamps
    for (qsizetype i = 0; i < query.size(); ++i) {
        const PartitionTimestamp &q = query.at(i);
        PartitionOffset &po = out[i];
        po.topic = q.topic;
        po.partition = q.partition;
        const auto wm = std::find_if(marks.value().cbegin(), marks.value().cend(), [&](const PartitionWatermarks &w) {
            return w.topic == q.topic && w.partition == q.partition;
        });
        if (wm == marks.value().cend() || !wm->errorCode.isEmpty()) {
            po.errorCode = wm == marks.value().cend() ? QStringLiteral("UNKNOWN_TOPIC_OR_PART") : wm->errorCode;
            po.errorMessage = wm == marks.value().cend() ? QCoreApplication::translate("kops::Demo", "The topic or partition does not exist.")
                                                         : wm->errorMessage;
            continue;
        }
        if (q.timestampMs == -2) {
            po.offset = wm->low;
        } else if (q.timestampMs == -1) {
            po.offset = wm->high;
        } else if (const auto seeded = m_demo->seededOffsetForTime({q.topic, q.partition}, q.timestampMs)) {
            // A time of the seeded day: the demo knows its records' stamps (no reads needed,
            // which lag reconstruction asks for at every step of a chart).
            po.offset = *seeded < wm->high ? *seeded : -1;
            known[i] = true;
        } else {
            searches[i] = {wm->low, wm->high, wm->high};
        }
    }
    // Every partition's next probe read together, about 16 rounds for a million records.
    for (;;) {
        QList<PartitionOffset> probes;
        QHash<TopicPartition, qsizetype> probeOf;
        for (qsizetype i = 0; i < query.size(); ++i) {
            const Search &s = searches.at(i);
            if (s.lo < s.hi && out.at(i).errorCode.isEmpty()) {
                const qint64 mid = s.lo + (s.hi - s.lo) / 2;
                probes.append({query.at(i).topic, query.at(i).partition, mid, {}, {}});
                probeOf.insert({query.at(i).topic, query.at(i).partition}, i);
            }
        }
        if (probes.isEmpty())
            break;
        auto read = m_real.readAt(probes, 5000);
        if (!read)
            return read.error();
        QHash<TopicPartition, qint64> found;
        for (const ConsumedRecord &r : read.value())
            found.insert({r.topic, r.partition}, r.timestampMs);
        for (const PartitionOffset &probe : std::as_const(probes)) {
            Search &s = searches[probeOf.value(probe.tp())];
            const auto ts = found.constFind(probe.tp());
            // A record missing (deleted, a transaction marker) counts as earlier: search on.
            if (ts != found.cend() && *ts >= query.at(probeOf.value(probe.tp())).timestampMs)
                s.hi = probe.offset;
            else
                s.lo = probe.offset + 1;
        }
    }
    for (qsizetype i = 0; i < query.size(); ++i) {
        if (query.at(i).timestampMs < 0 || !out.at(i).errorCode.isEmpty() || known.at(i))
            continue;
        const Search &s = searches.at(i);
        out[i].offset = s.lo >= s.end ? -1 : s.lo;
    }
    return out;
}

Result<GroupCommitLog> DemoClusterApi::groupCommitLog(const QString &groupId)
{
    return m_demo->commitLog(groupId);
}

Result<QList<ConfigResource>> DemoClusterApi::describeConfigs(ConfigResourceType type, const QStringList &names)
{
    return m_demo->configs(type, names);
}

Result<QList<TopicDeletion>> DemoClusterApi::deleteTopics(const QStringList &topics)
{
    QList<TopicDeletion> out;
    for (const QString &t : topics)
        out.append({t, QStringLiteral("_NOT_IMPLEMENTED"),
                    QCoreApplication::translate("kops::Demo", "The demo cluster cannot delete topics.")});
    return out;
}

Status DemoClusterApi::createTopic(const NewTopic &topic)
{
    return m_demo->createTopic(topic);
}

} // namespace kops::demo
