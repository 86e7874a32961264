#include "javaorder.h"

#include <algorithm>
#include <numeric>

namespace kops::kafkatool {

namespace {

// Java int arithmetic wraps; do it on unsigned to stay defined.
qint32 wrap(quint32 v)
{
    return qint32(v);
}

int tableSizeFor(int cap)
{
    int n = 1;
    while (n < cap)
        n <<= 1;
    return n;
}

quint32 spread(qint32 h)
{
    const quint32 u = quint32(h);
    return u ^ (u >> 16);
}

/// scala.collection.immutable.HashMap.improve in Scala 2.11.
quint32 scalaImprove(qint32 hcode)
{
    quint32 h = quint32(hcode) + ~(quint32(hcode) << 9);
    h = h ^ (h >> 14);
    h = h + (h << 4);
    return h ^ (h >> 10);
}

} // namespace

qint32 javaStringHash(const QString &s)
{
    quint32 h = 0;
    for (QChar c : s)
        h = 31 * h + c.unicode();
    return wrap(h);
}

qint32 javaTopicPartitionHash(const TopicPartition &tp)
{
    quint32 result = 1;
    result = 31 * result + quint32(tp.partition);
    result = 31 * result + quint32(javaStringHash(tp.topic));
    return wrap(result);
}

int javaHashMapGrownCapacity(int n)
{
    int cap = 16;
    while (n > cap * 3 / 4)
        cap <<= 1;
    return cap;
}

int javaHashMapSizedCapacity(int n)
{
    int cap = tableSizeFor(std::max(n, 1));
    while (n > cap * 3 / 4)
        cap <<= 1;
    return cap;
}

int javaHashSetCopyCapacity(int n)
{
    return tableSizeFor(std::max(int(float(n) / 0.75f) + 1, 16));
}

QList<int> javaHashMapOrder(const QList<qint32> &hashes, int capacity)
{
    QList<int> order(hashes.size());
    std::iota(order.begin(), order.end(), 0);
    const quint32 mask = quint32(capacity) - 1;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return (spread(hashes.at(a)) & mask) < (spread(hashes.at(b)) & mask); });
    return order;
}

QList<int> scalaImmutableMapOrder(const QList<qint32> &hashes)
{
    QList<int> order(hashes.size());
    std::iota(order.begin(), order.end(), 0);
    if (hashes.size() <= 4)
        return order;
    // A hash trie indexed by 5 bits at a time from the lowest: iteration compares those chunks in turn.
    auto key = [&](int i) {
        const quint32 h = scalaImprove(hashes.at(i));
        quint64 k = 0;
        for (int level = 0; level < 35; level += 5)
            k = (k << 5) | ((h >> level) & 0x1f);
        return k;
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    return order;
}

namespace {

/// scala.collection.mutable.LongMap's slot layout (open addressing, MurmurHash3 finalizer).
class LongMapLayout
{
public:
    explicit LongMapLayout(int initialBufferSize)
    {
        int n = 1;
        while (n < initialBufferSize)
            n <<= 1;
        m_mask = ((n - 1) & 0x3FFFFFFF) | 0x7;
        m_keys = QList<qint64>(m_mask + 1, 0);
    }
    void insert(qint64 k)
    {
        if (k == 0) {
            m_hasZero = true;
            return;
        }
        m_keys[seekEmpty(k)] = k;
        ++m_size;
        if (m_size > 0.5 * m_mask)
            repack();
    }
    QList<qint64> order() const
    {
        QList<qint64> out;
        if (m_hasZero)
            out.append(0);
        for (qint64 k : m_keys)
            if (k != 0)
                out.append(k);
        return out;
    }
    int size() const { return m_size + (m_hasZero ? 1 : 0); }

private:
    int toIndex(qint64 k) const
    {
        const quint32 h = quint32(quint64(k) ^ (quint64(k) >> 32));
        const quint32 x = (h ^ (h >> 16)) * 0x85EBCA6Bu;
        return int((x ^ (x >> 13)) & quint32(m_mask));
    }
    int seekEmpty(qint64 k) const
    {
        int e = toIndex(k);
        int x = 0;
        while (m_keys.at(e) != 0) {
            ++x;
            e = (e + 2 * (x + 1) * x - 3) & m_mask;
        }
        return e;
    }
    void repack()
    {
        int m = m_mask;
        if (m_size >= 0.5 * m_mask)
            m = ((m << 1) + 1) & 0x3FFFFFFF;
        while (m > 8 && 8 * m_size < m)
            m >>= 1;
        const QList<qint64> old = m_keys;
        m_mask = m;
        m_keys = QList<qint64>(m_mask + 1, 0);
        for (qint64 k : old)
            if (k != 0)
                m_keys[seekEmpty(k)] = k;
    }

    int m_mask = 7;
    int m_size = 0;
    bool m_hasZero = false;
    QList<qint64> m_keys;
};

} // namespace

QList<int> brokerPartitionOrder(int partitionCount)
{
    LongMapLayout created(16);
    for (int p = 0; p < partitionCount; ++p)
        created.insert(p);
    // Each metadata update copies the map into one sized for its contents.
    LongMapLayout copy(created.size());
    for (qint64 k : created.order())
        copy.insert(k);
    QList<int> out;
    for (qint64 k : copy.order())
        out.append(int(k));
    return out;
}

} // namespace kops::kafkatool
