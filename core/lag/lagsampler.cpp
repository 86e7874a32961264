#include "lagsampler.h"

#include <QDateTime>
#include <QSet>

#include <spdlog/spdlog.h>

namespace kops {

LagSampler::LagSampler() : LagSampler(Options{}) {}

LagSampler::LagSampler(Options options) : m_options(options) {}

Result<RawLagSample> LagSampler::sample(ClusterApi &api, const QStringList &groups)
{
    RawLagSample out;
    QStringList ids = groups;
    ids.removeDuplicates(); // one row per group, and the cluster rejects repeated names
    if (ids.isEmpty()) {
        auto listed = api.listGroups();
        if (!listed)
            return listed.error();
        for (const GroupListing &g : listed.value())
            if (g.protocolType == QLatin1String("consumer") || g.protocolType.isEmpty())
                ids << g.groupId;
    }

    QHash<QString, GroupDescription> described;
    for (qsizetype i = 0; i < ids.size(); i += m_options.describeChunk) {
        auto chunk = api.describeGroups(ids.mid(i, m_options.describeChunk));
        if (!chunk) {
            out.warnings << chunk.error().toString();
            continue;
        }
        for (const GroupDescription &d : chunk.value())
            described.insert(d.groupId, d);
    }
    if (!ids.isEmpty() && described.isEmpty() && !out.warnings.isEmpty())
        return KafkaError::make(QStringLiteral("_TRANSPORT"), out.warnings.first());

    auto committed = api.committedOffsets(ids);
    if (!committed)
        return committed.error();

    // Every partition any group committed for or is assigned: one batched watermark lookup.
    QSet<TopicPartition> all;
    for (const QString &id : std::as_const(ids)) {
        for (const PartitionOffset &po : committed.value().value(id))
            all.insert(po.tp());
        for (const GroupMember &m : described.value(id).members)
            for (const TopicPartition &tp : m.assignments)
                all.insert(tp);
    }
    QHash<TopicPartition, PartitionWatermarks> marks;
    if (!all.isEmpty()) {
        auto wm = api.watermarks(QList<TopicPartition>(all.cbegin(), all.cend()));
        if (!wm)
            return wm.error();
        for (const PartitionWatermarks &w : wm.value())
            marks.insert(w.tp(), w);
    }
    out.atMs = QDateTime::currentMSecsSinceEpoch();

    for (const QString &id : std::as_const(ids)) {
        const GroupDescription d = described.value(id);
        RawGroupSample g;
        g.groupId = id;
        g.state = d.state.isEmpty() ? QStringLiteral("Unknown") : d.state;
        g.memberCount = int(d.members.size());
        QHash<TopicPartition, const GroupMember *> owner;
        for (const GroupMember &m : d.members)
            for (const TopicPartition &tp : m.assignments)
                owner.insert(tp, &m);
        QSet<TopicPartition> seen;
        auto add = [&](const TopicPartition &tp, qint64 offset) {
            if (seen.contains(tp))
                return;
            seen.insert(tp);
            RawPartitionSample p;
            p.topic = tp.topic;
            p.partition = tp.partition;
            p.committed = offset;
            const PartitionWatermarks w = marks.value(tp);
            if (w.errorCode.isEmpty()) {
                p.logStart = w.low;
                p.logEnd = w.high;
            } else {
                out.warnings << QStringLiteral("%1/%2: %3").arg(tp.topic).arg(tp.partition).arg(w.errorMessage);
            }
            if (const GroupMember *m = owner.value(tp, nullptr)) {
                p.memberId = m->memberId;
                p.clientId = m->clientId;
                p.host = m->host;
            }
            g.partitions.append(p);
        };
        for (const PartitionOffset &po : committed.value().value(id))
            add(po.tp(), po.hasError() ? kNoOffset : po.offset);
        for (auto it = owner.cbegin(); it != owner.cend(); ++it)
            add(it.key(), kNoOffset);
        out.groups.append(std::move(g));
    }
    readTimestamps(api, out);
    return out;
}

void LagSampler::readTimestamps(ClusterApi &api, RawLagSample &sample)
{
    // Several groups may sit at the same offset of one partition: read each position once.
    QList<PartitionOffset> toRead;
    QSet<QPair<TopicPartition, qint64>> queued;
    for (RawGroupSample &g : sample.groups) {
        for (RawPartitionSample &p : g.partitions) {
            if (p.committed < 0 || p.logEnd <= p.committed || p.committed < p.logStart)
                continue;
            const auto key = qMakePair(p.tp(), p.committed);
            const auto cached = m_timestampCache.constFind(key);
            if (cached != m_timestampCache.cend()) {
                p.committedRecordTimestampMs = cached.value();
            } else if (!queued.contains(key) && toRead.size() < m_options.timestampReadBudget) {
                queued.insert(key);
                PartitionOffset po;
                po.topic = p.topic;
                po.partition = p.partition;
                po.offset = p.committed;
                toRead.append(po);
            }
        }
    }
    if (toRead.isEmpty())
        return;
    auto records = api.readAt(toRead, m_options.timestampReadTimeoutMs);
    if (!records) {
        sample.warnings << QStringLiteral("time lag estimated: %1").arg(records.error().toString());
        return;
    }
    if (m_timestampCache.size() + records.value().size() > m_options.cacheLimit)
        m_timestampCache.clear();
    for (const ConsumedRecord &r : records.value())
        if (r.timestampMs >= 0)
            m_timestampCache.insert(qMakePair(TopicPartition{r.topic, r.partition}, r.offset), r.timestampMs);
    for (RawGroupSample &g : sample.groups)
        for (RawPartitionSample &p : g.partitions) {
            const auto it = m_timestampCache.constFind(qMakePair(p.tp(), p.committed));
            if (it != m_timestampCache.cend())
                p.committedRecordTimestampMs = it.value();
        }
}

} // namespace kops
