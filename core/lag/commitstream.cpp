#include "commitstream.h"

#include "commitstreamfile.h"
#include "partitionstream.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QFile>

#include <spdlog/spdlog.h>

namespace kops {

bool CommitStreamState::apply(const QByteArray &key, const std::optional<QByteArray> &value)
{
    const std::optional<OffsetsTopicKey> k = offsetstopic::decodeKey(key);
    if (!k) {
        ++m_skipped;
        return false;
    }
    if (k->kind == OffsetsTopicKey::Kind::GroupMetadata) {
        if (!value) { // group deleted (its offsets get their own tombstones)
            auto it = m_groups.find(k->group);
            if (it != m_groups.end()) {
                it->metadata.reset();
                if (it->commits.isEmpty())
                    m_groups.erase(it);
            }
            ++m_applied;
            return true;
        }
        auto meta = offsetstopic::decodeGroupMetadataValue(*value);
        if (!meta) {
            ++m_skipped;
            return false;
        }
        m_groups[k->group].metadata = std::move(meta);
        ++m_applied;
        return true;
    }
    const TopicPartition tp{k->topic, k->partition};
    if (!value) { // offset deleted or expired
        auto it = m_groups.find(k->group);
        if (it != m_groups.end()) {
            it->commits.remove(tp);
            if (it->commits.isEmpty() && !it->metadata)
                m_groups.erase(it);
        }
        ++m_applied;
        return true;
    }
    const auto v = offsetstopic::decodeOffsetCommitValue(*value);
    if (!v) {
        ++m_skipped;
        return false;
    }
    StreamCommit &c = m_groups[k->group].commits[tp];
    if (c.commitsOfOffset > 0 && c.offset == v->offset) {
        ++c.commitsOfOffset;
    } else {
        c.changeSeen = c.commitsOfOffset > 0;
        c.offset = v->offset;
        c.offsetSinceMs = v->commitTimestampMs;
        c.commitsOfOffset = 1;
    }
    c.commitMs = v->commitTimestampMs;
    c.leaderEpoch = v->leaderEpoch;
    c.metadata = v->metadata;
    ++m_applied;
    return true;
}

void CommitStreamState::restore(QHash<QString, StreamGroup> groups, qint64 applied, qint64 skipped)
{
    m_groups = std::move(groups);
    m_applied = applied;
    m_skipped = skipped;
}

const StreamGroup *CommitStreamState::group(const QString &groupId) const
{
    const auto it = m_groups.constFind(groupId);
    return it == m_groups.cend() ? nullptr : &it.value();
}

CommitStreamReader::CommitStreamReader() : CommitStreamReader(Options{}) {}

CommitStreamReader::CommitStreamReader(Options options) : m_options(options) {}

Status CommitStreamReader::update(ClusterApi &api)
{
    const QString topic = QString::fromLatin1(kTopic);
    if (m_positions.isEmpty()) {
        auto md = api.topicMetadata({topic});
        if (!md)
            return md.error();
        const TopicInfo *t = md.value().topic(topic);
        if (!t || !t->errorCode.isEmpty() || t->partitions.isEmpty())
            return KafkaError::make(t && !t->errorCode.isEmpty() ? t->errorCode : QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                    QCoreApplication::translate("kops::Lag", "%1 cannot be read here").arg(topic));
        m_clusterId = md.value().clusterId;
        m_partitions = int(t->partitions.size());
    }
    if (m_positions.isEmpty() && !restoreSaved(m_clusterId, m_partitions)) {
        QList<PartitionTimestamp> query;
        const qint64 from = QDateTime::currentMSecsSinceEpoch() - m_options.lookBackMs;
        for (int p = 0; p < m_partitions; ++p) {
            if (m_options.lookBackMs > 0)
                query.append(PartitionTimestamp{topic, p, from});
            m_positions.insert(p, -2); // -2: log start until the look-back is resolved
        }
        if (!query.isEmpty()) {
            auto offsets = api.offsetsForTimes(query);
            if (!offsets) {
                m_positions.clear();
                return offsets.error();
            }
            for (const PartitionOffset &po : offsets.value())
                if (!po.hasError())
                    m_positions[po.partition] = po.offset; // -1: nothing that recent, start at the end
        }
        m_coversSinceMs = m_options.lookBackMs > 0 ? from : 0;
    }

    QList<TopicPartition> parts;
    for (auto it = m_positions.cbegin(); it != m_positions.cend(); ++it)
        parts.append({topic, it.key()});
    auto marks = api.watermarks(parts);
    if (!marks)
        return marks.error();
    QList<StreamRange> ranges;
    QHash<int, qint64> ends;
    for (const PartitionWatermarks &w : marks.value()) {
        if (!w.errorCode.isEmpty())
            return KafkaError::make(w.errorCode, QStringLiteral("%1/%2: %3").arg(topic).arg(w.partition).arg(w.errorMessage));
        qint64 &pos = m_positions[w.partition];
        if (m_checkRestored && pos > w.high) {
            // Past the end: not the log the state was saved from (the topic was recreated, or
            // the cluster behind this connection is another one). Read the look-back instead.
            spdlog::info("saved commit stream state does not match {}/{} (position {} > end {}): read again", topic.toStdString(),
                         w.partition, pos, w.high);
            m_positions.clear();
            m_state = CommitStreamState();
            m_resumedFromMs = -1;
            m_checkRestored = false;
            m_lastSaveMs = -1; // the state read now replaces the file at once
            QFile::remove(m_options.statePath);
            return update(api);
        }
        if (pos == -2 || pos < w.low)
            pos = w.low;
        else if (pos == -1)
            pos = w.high;
        if (pos < w.high) {
            ranges.append({w.partition, pos, w.high});
            ends.insert(w.partition, w.high);
        }
    }
    // Every partition with new records at once, in place (one fetch per leader instead of one
    // read per partition and chunk: a first round reads the look-back in a fraction of the time).
    if (!ranges.isEmpty()) {
        auto stream = PartitionStream::open(api, topic, ranges);
        while (!stream->atEnd()) {
            auto shown = stream->visit(m_options.readChunk, m_options.readTimeoutMs, [this](const RecordView &r) {
                if (r.hasKey())
                    m_state.apply(r.key().toByteArray(),
                                  r.hasValue() ? std::optional<QByteArray>(r.value().toByteArray()) : std::nullopt);
                m_positions[r.partition] = r.offset + 1;
            });
            if (!shown)
                return shown.error(); // what was read stays applied; the next round continues from there
        }
        // The stream ends a partition at its end, or earlier at the last stable offset of an open
        // transaction (read_committed): a few transaction markers may be all that is left, more
        // than that are records of an open transaction, read once it is committed.
        for (auto it = ends.cbegin(); it != ends.cend(); ++it) {
            qint64 &pos = m_positions[it.key()];
            if (it.value() - pos <= 16)
                pos = it.value();
        }
    }
    m_upToDateAtMs = QDateTime::currentMSecsSinceEpoch();
    m_checkRestored = false;
    saveIfDue();
    return Done{};
}

bool CommitStreamReader::restoreSaved(const QString &clusterId, int partitions)
{
    if (m_options.statePath.isEmpty())
        return false;
    std::optional<SavedCommitStream> saved = commitstreamfile::load(m_options.statePath);
    if (!saved)
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 wantedSince = m_options.lookBackMs > 0 ? now - m_options.lookBackMs : 0;
    const char *why = nullptr;
    if (saved->clusterId != clusterId)
        why = "another cluster";
    else if (saved->partitions != partitions)
        why = "another partition count";
    else if (now - saved->savedAtMs > m_options.stateMaxAgeMs || saved->savedAtMs > now + 60'000)
        why = "too old";
    else if (saved->coversSinceMs > wantedSince + 60'000)
        why = "covers less than the look-back";
    if (why) {
        spdlog::info("saved commit stream state not used ({})", why);
        return false;
    }
    m_state.restore(std::move(saved->groups), saved->applied, saved->skipped);
    m_positions = saved->positions;
    m_coversSinceMs = saved->coversSinceMs;
    m_resumedFromMs = saved->savedAtMs;
    m_checkRestored = true;
    m_lastSaveMs = QDateTime::currentMSecsSinceEpoch(); // what is on disk is recent
    spdlog::info("commit stream continues from the state saved at {} ({} groups)", saved->savedAtMs,
                 m_state.groups().size());
    return true;
}

bool CommitStreamReader::save()
{
    if (m_options.statePath.isEmpty() || m_positions.isEmpty() || m_upToDateAtMs < 0)
        return false;
    SavedCommitStream s;
    s.clusterId = m_clusterId;
    s.partitions = m_partitions;
    s.savedAtMs = m_upToDateAtMs;
    s.coversSinceMs = m_coversSinceMs;
    s.positions = m_positions;
    s.groups = m_state.groups();
    s.applied = m_state.recordsApplied();
    s.skipped = m_state.recordsSkipped();
    QString why;
    if (!commitstreamfile::save(m_options.statePath, s, &why)) {
        spdlog::warn("commit stream state not saved to {}: {}", m_options.statePath.toStdString(), why.toStdString());
        return false;
    }
    m_lastSaveMs = QDateTime::currentMSecsSinceEpoch();
    return true;
}

void CommitStreamReader::saveIfDue()
{
    if (m_options.statePath.isEmpty())
        return;
    if (m_lastSaveMs < 0 || QDateTime::currentMSecsSinceEpoch() - m_lastSaveMs >= m_options.saveEveryMs)
        save();
}

} // namespace kops
