#include "lagsampler.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QSet>

#include <spdlog/spdlog.h>

namespace kops {

LagSampler::LagSampler() : LagSampler(Options{}) {}

LagSampler::LagSampler(Options options) : m_options(options), m_stream(options.stream) {}

bool LagSampler::updateStream(ClusterApi &api, QString *why)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < m_streamRetryAtMs) {
        *why = m_streamError;
        return false;
    }
    const Status s = m_stream.update(api);
    if (s.ok())
        return true;
    // Not allowed (ACLs), or no such topic (mock cluster): OffsetFetch for a while, then retry
    // from scratch (positions may be stale by then).
    m_streamError = s.error().toString();
    m_streamRetryAtMs = now + m_options.streamRetryMs;
    m_stream = CommitStreamReader(m_options.stream);
    spdlog::info("commit stream unavailable, reading committed offsets with OffsetFetch: {}", m_streamError.toStdString());
    *why = m_streamError;
    return false;
}

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

    // Committed offsets: from the commit stream (with their commit times) for the groups it
    // has seen, OffsetFetch for the others (or all of them when the stream cannot be read).
    QString streamWhy;
    const bool stream = m_options.readCommitStream && updateStream(api, &streamWhy);
    QStringList toFetch;
    QSet<QString> fromStream;
    Result<QHash<QString, QList<PartitionOffset>>> committed = QHash<QString, QList<PartitionOffset>>{};
    for (const QString &id : std::as_const(ids)) {
        const StreamGroup *sg = stream ? m_stream.state().group(id) : nullptr;
        if (!sg || sg->commits.isEmpty()) {
            toFetch << id;
            continue;
        }
        fromStream.insert(id);
        QList<PartitionOffset> &list = committed.value()[id];
        for (auto it = sg->commits.cbegin(); it != sg->commits.cend(); ++it) {
            PartitionOffset po;
            po.topic = it.key().topic;
            po.partition = it.key().partition;
            po.offset = it.value().offset;
            list.append(po);
        }
    }
    if (!toFetch.isEmpty()) {
        auto fetched = api.committedOffsets(toFetch);
        if (!fetched)
            return fetched.error();
        for (auto it = fetched.value().cbegin(); it != fetched.value().cend(); ++it)
            committed.value().insert(it.key(), it.value());
    }
    if (stream)
        out.offsetSource = offsetSourceName(true);
    else if (m_options.readCommitStream)
        out.offsetSource = QCoreApplication::translate("kops::Lag", "OffsetFetch (commit stream unavailable: %1)").arg(streamWhy);
    else
        out.offsetSource = offsetSourceName(false);

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
        g.fromCommitStream = fromStream.contains(id);
        const StreamGroup *sg = g.fromCommitStream ? m_stream.state().group(id) : nullptr;
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
            if (sg) {
                const auto c = sg->commits.constFind(tp);
                if (c != sg->commits.cend() && c->offset == offset) {
                    p.lastCommitMs = c->commitMs;
                    p.offsetSinceMs = c->offsetSinceMs;
                    p.commitsOfOffset = c->commitsOfOffset;
                }
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
    // The budget counts partitions read: readAt reads all the positions of a partition (many
    // groups at different offsets of one topic) in one pass.
    QSet<TopicPartition> queuedPartitions;
    for (RawGroupSample &g : sample.groups) {
        for (RawPartitionSample &p : g.partitions) {
            if (p.committed < 0 || p.logEnd <= p.committed || p.committed < p.logStart)
                continue;
            const auto key = qMakePair(p.tp(), p.committed);
            const auto cached = m_timestampCache.constFind(key);
            if (cached != m_timestampCache.cend()) {
                p.committedRecordTimestampMs = cached.value();
            } else if (!queued.contains(key)
                       && (queuedPartitions.contains(key.first)
                           || queuedPartitions.size() < m_options.timestampReadBudget)) {
                queued.insert(key);
                queuedPartitions.insert(key.first);
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
        sample.warnings << QCoreApplication::translate("kops::Lag", "time lag estimated: %1").arg(records.error().toString());
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
