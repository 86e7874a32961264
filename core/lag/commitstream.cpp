#include "commitstream.h"

#include <QCoreApplication>

#include <QDateTime>

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
        QList<PartitionTimestamp> query;
        const qint64 from = QDateTime::currentMSecsSinceEpoch() - m_options.lookBackMs;
        for (const PartitionInfo &p : t->partitions) {
            if (m_options.lookBackMs > 0)
                query.append(PartitionTimestamp{topic, p.partition, from});
            m_positions.insert(p.partition, -2); // -2: log start until the look-back is resolved
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
    for (const PartitionWatermarks &w : marks.value()) {
        if (!w.errorCode.isEmpty())
            return KafkaError::make(w.errorCode, QStringLiteral("%1/%2: %3").arg(topic).arg(w.partition).arg(w.errorMessage));
        qint64 &pos = m_positions[w.partition];
        if (pos == -2 || pos < w.low)
            pos = w.low;
        else if (pos == -1)
            pos = w.high;
        while (pos < w.high) {
            auto records = api.read({topic, w.partition}, pos, m_options.readChunk, m_options.readTimeoutMs);
            if (!records)
                return records.error();
            if (records.value().isEmpty()) {
                // Transaction markers are never handed out: a few may be all that is left. An
                // empty answer with more than that left is a read that timed out.
                if (w.high - pos > 16)
                    return KafkaError::make(QStringLiteral("_TIMED_OUT"),
                                            QCoreApplication::translate("kops::Lag", "Reading %1/%2 from offset %3 timed out").arg(topic).arg(w.partition).arg(pos));
                pos = w.high;
                break;
            }
            for (const ConsumedRecord &r : records.value()) {
                if (r.key)
                    m_state.apply(*r.key, r.value);
                pos = r.offset + 1;
            }
        }
    }
    m_upToDateAtMs = QDateTime::currentMSecsSinceEpoch();
    return Done{};
}

} // namespace kops
