#include "auditrules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHashFunctions>

namespace kops {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kops::Audit", text);
}

constexpr quint64 kOffsetMask = (quint64(1) << 48) - 1;

std::optional<QByteArray> cut(QByteArrayView bytes, bool present)
{
    if (!present)
        return std::nullopt;
    return bytes.first(std::min<qsizetype>(200, bytes.size())).toByteArray();
}

} // namespace

QString auditFindingKindName(AuditFindingKind kind)
{
    switch (kind) {
    case AuditFindingKind::Duplicate:
        return QStringLiteral("duplicate");
    case AuditFindingKind::OrderBreak:
        return QStringLiteral("order-break");
    case AuditFindingKind::KeyInSeveralPartitions:
        return QStringLiteral("key-in-several-partitions");
    }
    return QString();
}

QString AuditFinding::description() const
{
    switch (kind) {
    case AuditFindingKind::Duplicate:
        return id.isEmpty() ? tr("Same key and value as %1/%2").arg(earlierPartition).arg(earlierOffset)
                            : tr("Same id %1 as %2/%3").arg(id).arg(earlierPartition).arg(earlierOffset);
    case AuditFindingKind::OrderBreak:
        return tr("Sequence %1 after %2 (at %3/%4)")
            .arg(sequence.value_or(0))
            .arg(earlierSequence.value_or(0))
            .arg(earlierPartition)
            .arg(earlierOffset);
    case AuditFindingKind::KeyInSeveralPartitions:
        return tr("Key also in partition %1").arg(earlierPartition);
    }
    return QString();
}

QJsonObject AuditFinding::toJson(const QString &topic) const
{
    QJsonObject o{{QStringLiteral("kind"), auditFindingKindName(kind)},
                  {QStringLiteral("topic"), topic},
                  {QStringLiteral("partition"), partition},
                  {QStringLiteral("offset"), offset},
                  {QStringLiteral("timestamp"), timestampMs},
                  {QStringLiteral("key"), key ? QJsonValue(QString::fromUtf8(*key)) : QJsonValue()},
                  {QStringLiteral("earlierPartition"), earlierPartition},
                  {QStringLiteral("earlierOffset"), earlierOffset},
                  {QStringLiteral("description"), description()}};
    if (timestampMs >= 0)
        o.insert(QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(Qt::ISODateWithMs));
    if (sequence)
        o.insert(QStringLiteral("sequence"), *sequence);
    if (earlierSequence)
        o.insert(QStringLiteral("earlierSequence"), *earlierSequence);
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

AuditEngine::AuditEngine(Options options) : m_options(std::move(options))
{
    if (m_options.expectedRecords > 0)
        m_identities.reserve(m_options.expectedRecords / std::max(1, m_options.sliceCount));
}

quint64 AuditEngine::digest(QByteArrayView bytes, quint64 seed)
{
    return quint64(qHashBits(bytes.data(), size_t(bytes.size()), size_t(seed)));
}

const AuditCounts &AuditEngine::counts() const
{
    m_counts.distinctRecords = m_identities.size();
    m_counts.distinctKeys = m_keys.size();
    m_counts.tableBytes = std::max(m_counts.tableBytes, qint64(m_identities.bytes() + m_keys.bytes()));
    return m_counts;
}

void AuditEngine::example(AuditFinding finding, int &count)
{
    if (count >= m_options.maxExamples)
        return;
    ++count;
    m_examples.append(std::move(finding));
}

void AuditEngine::checkSequence(const RecordView &r, qint64 seq, qint64 &lastSeq, qint64 &lastOffset, int lastPartition,
                                bool &hasSeq)
{
    if (hasSeq && seq < lastSeq) {
        ++m_counts.orderBreaks;
        AuditFinding f;
        f.kind = AuditFindingKind::OrderBreak;
        f.partition = r.partition;
        f.offset = r.offset;
        f.timestampMs = r.timestampMs;
        f.key = cut(r.key(), r.hasKey());
        f.earlierPartition = lastPartition;
        f.earlierOffset = lastOffset;
        f.sequence = seq;
        f.earlierSequence = lastSeq;
        example(std::move(f), m_orderExamples);
    }
    lastSeq = seq;
    lastOffset = r.offset;
    hasSeq = true;
}

void AuditEngine::add(const RecordView &r)
{
    ++m_counts.scanned;
    QJsonDocument json;
    const bool needsJson = m_options.id.needsJson() || m_options.sequence.needsJson();
    if (needsJson && r.hasValue())
        json = QJsonDocument::fromJson(r.value().toByteArray());
    // The key is copied only into an example, never per record.
    auto key = [&r] { return cut(r.key(), r.hasKey()); };

    // Duplicates: the id field's bytes, or key and value bytes (null and empty told apart).
    std::optional<QByteArray> id;
    quint64 identity = 0;
    bool haveIdentity = true;
    if (m_options.id.isSet()) {
        id = m_options.id.bytes(r, &json);
        if (id)
            identity = digest(*id, 0x1d);
        else {
            ++m_counts.withoutId;
            haveIdentity = false;
        }
    } else {
        const quint64 k = r.hasKey() ? digest(r.key(), 0x6b) : 0x6b6b;
        identity = digest(r.value(), k ^ (r.hasValue() ? 0x76 : 0x7676));
    }
    if (haveIdentity && inSlice(identity)) {
        bool inserted = false;
        const quint64 here = (quint64(quint32(r.partition)) << 48) | (quint64(r.offset) & kOffsetMask);
        const quint64 first = m_identities.findOrInsert(identity, here, inserted);
        if (!inserted) {
            ++m_counts.duplicates;
            AuditFinding f;
            f.kind = AuditFindingKind::Duplicate;
            f.partition = r.partition;
            f.offset = r.offset;
            f.timestampMs = r.timestampMs;
            f.key = key();
            f.earlierPartition = int(first >> 48);
            f.earlierOffset = qint64(first & kOffsetMask);
            if (id)
                f.id = QString::fromUtf8(id->left(200));
            example(std::move(f), m_dupExamples);
        }
    }

    const std::optional<qint64> seq = m_options.sequence.isSet() ? m_options.sequence.number(r, &json) : std::nullopt;
    if (m_options.sequence.isSet() && !seq)
        ++m_counts.withoutSequence;
    if (!r.hasKey()) {
        // Null keys: ordering holds within a partition only (slice 0 keeps this small state).
        if (seq && m_options.slice == 0) {
            PartitionState &p = m_nullKeyPartitions[r.partition];
            checkSequence(r, *seq, p.lastSequence, p.lastOffset, r.partition, p.hasSequence);
        }
        return;
    }
    const quint64 keyDigest = digest(r.key(), 0x4b);
    if (!inSlice(keyDigest))
        return;
    bool inserted = false;
    KeyState &k = m_keys.findOrInsert(keyDigest, KeyState{r.partition, r.partition, 0, -1, false, false}, inserted);
    if (k.firstPartition != r.partition && !k.reported) {
        k.reported = true;
        ++m_counts.keysInSeveralPartitions;
        AuditFinding f;
        f.kind = AuditFindingKind::KeyInSeveralPartitions;
        f.partition = r.partition;
        f.offset = r.offset;
        f.timestampMs = r.timestampMs;
        f.key = key();
        f.earlierPartition = k.firstPartition;
        example(std::move(f), m_keyExamples);
    }
    if (!seq)
        return;
    // Records of one key in different partitions have no order between them: compare within the partition.
    if (k.lastPartition != r.partition) {
        k.lastPartition = r.partition;
        k.hasSequence = false;
    }
    checkSequence(r, *seq, k.lastSequence, k.lastOffset, k.lastPartition, k.hasSequence);
}

} // namespace kops
