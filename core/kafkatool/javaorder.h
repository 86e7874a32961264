#pragma once

#include "clustertypes.h"

#include <QList>
#include <QString>

namespace kops::kafkatool {

/// java.lang.String.hashCode over UTF-16 code units.
qint32 javaStringHash(const QString &s);
/// org.apache.kafka.common.TopicPartition.hashCode.
qint32 javaTopicPartitionHash(const TopicPartition &tp);

/// Table size of a java.util.HashMap after n put()s from the default constructor.
int javaHashMapGrownCapacity(int n);
/// Table size of new java.util.HashMap<>(n) once filled.
int javaHashMapSizedCapacity(int n);
/// Table size of new java.util.HashSet<>(collection of n).
int javaHashSetCopyCapacity(int n);

/// Iteration order (indexes into `hashes`) of a java.util.HashMap of the given table size whose
/// keys were inserted in the order given: by bucket, then by insertion within a bucket.
QList<int> javaHashMapOrder(const QList<qint32> &hashes, int capacity);

/// Iteration order of a Scala 2.11 immutable.Map built by adding keys in the order given:
/// insertion order up to 4 entries (Map1..Map4), hash-trie order beyond.
QList<int> scalaImmutableMapOrder(const QList<qint32> &hashes);

/// Partition ids 0..n-1 in the order a Kafka 2.4 broker lists them in a metadata response (its
/// metadata cache keeps them in a scala.collection.mutable.LongMap: 0 first, then by slot).
QList<int> brokerPartitionOrder(int partitionCount);

/// Applies an order to a list.
template <typename T>
QList<T> reordered(const QList<T> &items, const QList<int> &order)
{
    QList<T> out;
    out.reserve(order.size());
    for (int i : order)
        out.append(items.at(i));
    return out;
}

} // namespace kops::kafkatool
