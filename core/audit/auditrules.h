#pragma once

#include <QCoreApplication>

#include "fieldsource.h"

#include <QHash>
#include <QJsonObject>

#include <algorithm>

#include <vector>

namespace kops {

/// 64-bit digests of what an audit must remember, in an open-addressing table: 8 bytes of
/// digest plus the value per slot, at most half full. No record bytes are kept.
template<typename V>
class DigestTable final
{
public:
    /// The value for digest, inserted as `fresh` when absent; `inserted` says which.
    V &findOrInsert(quint64 digest, const V &fresh, bool &inserted)
    {
        if (digest == 0)
            digest = 1; // 0 marks an empty slot
        if ((m_size + 1) * 2 > qsizetype(m_keys.size()))
            grow();
        const quint64 mask = m_keys.size() - 1;
        for (quint64 i = mix(digest) & mask;; i = (i + 1) & mask) {
            if (m_keys[i] == digest) {
                inserted = false;
                return m_values[i];
            }
            if (m_keys[i] == 0) {
                m_keys[i] = digest;
                m_values[i] = fresh;
                ++m_size;
                inserted = true;
                return m_values[i];
            }
        }
    }
    qsizetype size() const { return m_size; }
    /// Room for n digests without growing (growing rehashes every digest so far).
    void reserve(qsizetype n)
    {
        size_t capacity = 64;
        while (capacity < size_t(n) * 2)
            capacity *= 2;
        if (capacity > m_keys.size())
            grow(capacity);
    }
    qsizetype bytes() const { return qsizetype(m_keys.size() * (sizeof(quint64) + sizeof(V))); }
    static constexpr qsizetype kBytesPerSlot = sizeof(quint64) + sizeof(V);

private:
    static quint64 mix(quint64 x) { return x * 0x9E3779B97F4A7C15ull >> 7; }
    void grow(size_t capacity = 0)
    {
        std::vector<quint64> keys(std::max<size_t>({64, m_keys.size() * 2, capacity}), 0);
        std::vector<V> values(keys.size());
        const quint64 mask = keys.size() - 1;
        for (size_t j = 0; j < m_keys.size(); ++j) {
            if (m_keys[j] == 0)
                continue;
            quint64 i = mix(m_keys[j]) & mask;
            while (keys[i] != 0)
                i = (i + 1) & mask;
            keys[i] = m_keys[j];
            values[i] = m_values[j];
        }
        m_keys.swap(keys);
        m_values.swap(values);
    }

    std::vector<quint64> m_keys;
    std::vector<V> m_values;
    qsizetype m_size = 0;
};

enum class AuditFindingKind { Duplicate, OrderBreak, KeyInSeveralPartitions };
QString auditFindingKindName(AuditFindingKind kind); ///< "duplicate", "order-break", "key-in-several-partitions"

/// One example of a finding: the record where it was seen and the earlier record it relates to.
struct AuditFinding
{
    Q_DECLARE_TR_FUNCTIONS(kops::AuditFinding) // tr() in its members: the context lupdate gives them
public:
    AuditFindingKind kind = AuditFindingKind::Duplicate;
    int partition = -1;
    qint64 offset = -1;
    qint64 timestampMs = -1;
    std::optional<QByteArray> key; ///< cut at 200 bytes
    int earlierPartition = -1;     ///< the first copy, the previous sequence number, the key's first partition
    qint64 earlierOffset = -1;
    std::optional<qint64> sequence, earlierSequence;
    QString id;                    ///< the id (when taken from a field), cut at 200 characters

    QString description() const;
    QJsonObject toJson(const QString &topic) const;
};

/// What the rules count; merged over passes.
struct AuditCounts
{
    qint64 scanned = 0;            ///< records looked at (in this slice's rules or not)
    qint64 duplicates = 0;         ///< records whose identity appeared before
    qint64 orderBreaks = 0;        ///< records whose sequence number is lower than the previous one of their key (partition for null keys)
    qint64 keysInSeveralPartitions = 0;
    qint64 withoutId = 0;          ///< an id field was asked for but the record has none
    qint64 withoutSequence = 0;
    qint64 distinctRecords = 0;    ///< identities remembered
    qint64 distinctKeys = 0;
    qint64 tableBytes = 0;         ///< largest memory of the digest tables in any pass
};

/// The audit's rules over records in scan order (in order within each partition). Remembers
/// digests only: identity (id field, or key and value bytes) -> first position; key -> first
/// partition, previous sequence number and position. With sliceCount > 1 it applies the
/// digest rules only to digests of one slice, so several passes give the exact answer with a
/// table 1/sliceCount the size.
class AuditEngine final
{
public:
    struct Options
    {
        FieldSource id;
        FieldSource sequence;
        int maxExamples = 100; ///< kept per kind
        int slice = 0;
        int sliceCount = 1;
        qint64 expectedRecords = 0; ///< records this pass will see (tables are sized for their slice once)
    };
    explicit AuditEngine(Options options);

    void add(const RecordView &record);
    const AuditCounts &counts() const;
    const QList<AuditFinding> &examples() const { return m_examples; }

    static quint64 digest(QByteArrayView bytes, quint64 seed = 0);

private:
    struct KeyState
    {
        qint32 firstPartition = -1;
        qint32 lastPartition = -1;
        qint64 lastSequence = 0;
        qint64 lastOffset = -1;
        bool hasSequence = false;
        bool reported = false;
    };
    struct PartitionState
    {
        qint64 lastSequence = 0;
        qint64 lastOffset = -1;
        bool hasSequence = false;
    };
    bool inSlice(quint64 d) const { return m_options.sliceCount <= 1 || int((d >> 40) % quint64(m_options.sliceCount)) == m_options.slice; }
    void example(AuditFinding finding, int &count);
    void checkSequence(const RecordView &r, qint64 seq, qint64 &lastSeq, qint64 &lastOffset, int lastPartition, bool &hasSeq);

    Options m_options;
    DigestTable<quint64> m_identities; ///< -> partition << 48 | offset
    DigestTable<KeyState> m_keys;
    QHash<int, PartitionState> m_nullKeyPartitions;
    mutable AuditCounts m_counts;
    QList<AuditFinding> m_examples;
    int m_dupExamples = 0, m_orderExamples = 0, m_keyExamples = 0;
};

} // namespace kops
