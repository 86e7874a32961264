#include "groupcommitlog.h"

#include "commitstream.h"
#include "commitstreamdecoder.h"
#include "partitionstream.h"

#include <QCoreApplication>
#include <QDateTime>

namespace kops {

namespace commitlog {

Result<GroupCommitLog> readFor(ClusterApi &api, const QString &group)
{
    if (auto *source = dynamic_cast<GroupCommitLogSource *>(&api))
        return source->groupCommitLog(group);
    return read(api, group);
}

qint32 javaStringHash(const QString &s)
{
    quint32 h = 0;
    for (const QChar c : s)
        h = 31 * h + c.unicode();
    return qint32(h);
}

int offsetsPartitionFor(const QString &group, int partitions)
{
    if (partitions <= 0)
        return -1;
    return int((quint32(javaStringHash(group)) & 0x7fffffffu) % quint32(partitions));
}

namespace {

QString ownerText(const GroupMetadataMember &m)
{
    return QCoreApplication::translate("kops::Lag", "member %1 on %2").arg(m.clientId, m.clientHost);
}

} // namespace

Result<GroupCommitLog> read(ClusterApi &api, const QString &group)
{
    const QString topic = QString::fromLatin1(CommitStreamReader::kTopic);
    auto md = api.topicMetadata({topic});
    if (!md)
        return md.error();
    const TopicInfo *t = md.value().topic(topic);
    if (!t || !t->errorCode.isEmpty() || t->partitions.isEmpty())
        return KafkaError::make(t && !t->errorCode.isEmpty() ? t->errorCode : QStringLiteral("UNKNOWN_TOPIC_OR_PART"),
                                QCoreApplication::translate("kops::Lag", "%1 cannot be read here").arg(topic));
    GroupCommitLog log;
    log.group = group;
    log.readAtMs = QDateTime::currentMSecsSinceEpoch();
    log.offsetsPartition = offsetsPartitionFor(group, int(t->partitions.size()));
    auto marks = api.watermarks({{topic, log.offsetsPartition}});
    if (!marks)
        return marks.error();
    if (marks.value().isEmpty() || !marks.value().first().errorCode.isEmpty())
        return KafkaError::make(marks.value().isEmpty() ? QStringLiteral("UNKNOWN_TOPIC_OR_PART") : marks.value().first().errorCode,
                                QCoreApplication::translate("kops::Lag", "%1/%2 cannot be read here").arg(topic).arg(log.offsetsPartition));
    const PartitionWatermarks w = marks.value().first();
    log.logStartOffset = w.low;
    if (w.high <= w.low)
        return log;
    auto stream = PartitionStream::open(api, topic, {{log.offsetsPartition, w.low, w.high}});
    qint64 expected = w.low;
    while (!stream->atEnd()) {
        auto shown = stream->visit(20000, 10000, [&](const RecordView &r) {
            ++log.recordsRead;
            // A hole in the offsets: compaction removed records there (or a transaction
            // marker, which is not shown: counted as compaction, the cautious reading).
            if (r.offset > expected && log.firstHoleAt < 0)
                log.firstHoleAt = r.offset;
            expected = r.offset + 1;
            if (!r.hasKey())
                return;
            const auto key = offsetstopic::decodeKey(r.key().toByteArray());
            if (!key || key->group != group)
                return;
            if (key->kind == OffsetsTopicKey::Kind::GroupMetadata) {
                GroupAssignment a;
                a.atMs = r.timestampMs;
                if (r.hasValue())
                    if (const auto meta = offsetstopic::decodeGroupMetadataValue(r.value().toByteArray()))
                        for (const GroupMetadataMember &m : meta->members)
                            for (const auto &[tpc, part] : m.assignedPartitions)
                                a.owners.insert({tpc, part}, ownerText(m));
                log.assignments.append(a);
                return;
            }
            GroupCommit c;
            c.tp = {key->topic, key->partition};
            c.logOffset = r.offset;
            c.atMs = r.timestampMs;
            if (r.hasValue()) {
                const auto v = offsetstopic::decodeOffsetCommitValue(r.value().toByteArray());
                if (!v)
                    return;
                c.offset = v->offset;
                if (v->commitTimestampMs >= 0)
                    c.atMs = v->commitTimestampMs;
            }
            log.commits.append(c);
        });
        if (!shown)
            return shown.error();
    }
    return log;
}

} // namespace commitlog

} // namespace kops
