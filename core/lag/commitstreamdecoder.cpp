#include "commitstreamdecoder.h"

#include <QtEndian>

namespace kops::offsetstopic {

namespace {

/// Big-endian reader over Kafka's primitive types; any short read sets failed.
class Reader
{
public:
    explicit Reader(const QByteArray &bytes) : m_data(bytes) {}

    bool failed() const { return m_failed; }
    bool atEnd() const { return m_pos == m_data.size(); }

    qint16 int16() { return read<qint16>(); }
    qint32 int32() { return read<qint32>(); }
    qint64 int64() { return read<qint64>(); }

    /// STRING / NULLABLE_STRING: int16 length, -1 = null (returned empty).
    QString string()
    {
        const qint16 len = int16();
        if (m_failed || len < 0)
            return {};
        if (!need(len))
            return {};
        const QString s = QString::fromUtf8(m_data.constData() + m_pos, len);
        m_pos += len;
        return s;
    }

    /// BYTES / NULLABLE_BYTES: int32 length, -1 = null (returned empty).
    QByteArray bytes()
    {
        const qint32 len = int32();
        if (m_failed || len < 0)
            return {};
        if (!need(len))
            return {};
        const QByteArray b = m_data.mid(m_pos, len);
        m_pos += len;
        return b;
    }

    /// ARRAY length; a negative (null) array is empty. Bounded by the bytes left, so a
    /// corrupt count cannot make the caller loop for billions of elements.
    qint32 arrayLength(int minElementSize)
    {
        const qint32 n = int32();
        if (m_failed || n < 0)
            return 0;
        if (qint64(n) * minElementSize > m_data.size() - m_pos) {
            m_failed = true;
            return 0;
        }
        return n;
    }

private:
    template<typename T> T read()
    {
        if (!need(qsizetype(sizeof(T))))
            return T(0);
        const T v = qFromBigEndian<T>(m_data.constData() + m_pos);
        m_pos += qsizetype(sizeof(T));
        return v;
    }

    bool need(qsizetype n)
    {
        if (m_failed || n > m_data.size() - m_pos) {
            m_failed = true;
            return false;
        }
        return true;
    }

    const QByteArray &m_data;
    qsizetype m_pos = 0;
    bool m_failed = false;
};

} // namespace

std::optional<OffsetsTopicKey> decodeKey(const QByteArray &key)
{
    Reader r(key);
    OffsetsTopicKey k;
    k.version = r.int16();
    if (r.failed())
        return std::nullopt;
    if (k.version == 0 || k.version == 1) {
        k.kind = OffsetsTopicKey::Kind::OffsetCommit;
        k.group = r.string();
        k.topic = r.string();
        k.partition = r.int32();
    } else if (k.version == 2) {
        k.kind = OffsetsTopicKey::Kind::GroupMetadata;
        k.group = r.string();
    } else {
        return std::nullopt;
    }
    if (r.failed())
        return std::nullopt;
    return k;
}

std::optional<OffsetCommitValue> decodeOffsetCommitValue(const QByteArray &value)
{
    Reader r(value);
    OffsetCommitValue v;
    v.version = r.int16();
    if (r.failed() || v.version < 0 || v.version > 3)
        return std::nullopt;
    v.offset = r.int64();
    if (v.version == 3) {
        const qint32 epoch = r.int32();
        if (epoch >= 0)
            v.leaderEpoch = epoch;
    }
    v.metadata = r.string();
    v.commitTimestampMs = r.int64();
    if (v.version == 1)
        v.expireTimestampMs = r.int64();
    if (r.failed())
        return std::nullopt;
    return v;
}

std::optional<QList<QPair<QString, int>>> decodeConsumerAssignment(const QByteArray &assignment)
{
    Reader r(assignment);
    const qint16 version = r.int16();
    if (r.failed() || version < 0)
        return std::nullopt;
    QList<QPair<QString, int>> out;
    const qint32 topics = r.arrayLength(6);
    for (qint32 i = 0; i < topics && !r.failed(); ++i) {
        const QString topic = r.string();
        const qint32 parts = r.arrayLength(4);
        for (qint32 j = 0; j < parts && !r.failed(); ++j)
            out.append({topic, r.int32()});
    }
    // user data follows; it is the assignor's business
    if (r.failed())
        return std::nullopt;
    return out;
}

std::optional<GroupMetadataValue> decodeGroupMetadataValue(const QByteArray &value)
{
    Reader r(value);
    GroupMetadataValue g;
    g.version = r.int16();
    if (r.failed() || g.version < 0 || g.version > 3)
        return std::nullopt;
    g.protocolType = r.string();
    g.generation = r.int32();
    g.protocol = r.string();
    g.leader = r.string();
    if (g.version >= 2) {
        const qint64 ts = r.int64();
        if (ts >= 0)
            g.currentStateTimestampMs = ts;
    }
    const qint32 members = r.arrayLength(2 + 2 + 2 + 4 + 4 + 4);
    for (qint32 i = 0; i < members && !r.failed(); ++i) {
        GroupMetadataMember m;
        m.memberId = r.string();
        if (g.version >= 3)
            m.groupInstanceId = r.string();
        m.clientId = r.string();
        m.clientHost = r.string();
        if (g.version >= 1)
            m.rebalanceTimeoutMs = r.int32();
        m.sessionTimeoutMs = r.int32();
        m.subscription = r.bytes();
        m.assignment = r.bytes();
        if (g.protocolType == QLatin1String("consumer") && !m.assignment.isEmpty())
            m.assignedPartitions = decodeConsumerAssignment(m.assignment).value_or(QList<QPair<QString, int>>{});
        g.members.append(m);
    }
    if (r.failed())
        return std::nullopt;
    return g;
}

} // namespace kops::offsetstopic
