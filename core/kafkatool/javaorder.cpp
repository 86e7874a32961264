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

} // namespace kops::kafkatool
