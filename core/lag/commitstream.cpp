#include "commitstream.h"

#include "partitionstream.h"

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
    QList<StreamRange> ranges;
    QHash<int, qint64> ends;
    for (const PartitionWatermarks &w : marks.value()) {
        if (!w.errorCode.isEmpty())
            return KafkaError::make(w.errorCode, QStringLiteral("%1/%2: %3").arg(topic).arg(w.partition).arg(w.errorMessage));
        qint64 &pos = m_positions[w.partition];
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
    return Done{};
}

} // namespace kops
