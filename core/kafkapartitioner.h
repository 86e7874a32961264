#pragma once

#include <QByteArrayView>

namespace kops {

/// Kafka's default partitioner hash (org.apache.kafka.common.utils.Utils.murmur2, seed
/// 0x9747b28c), so a key lands where a Java producer would put it.
qint32 kafkaMurmur2(QByteArrayView key);

/// The Java DefaultPartitioner's partition of a keyed record: toPositive(murmur2(key)) modulo
/// the partitions (-1 when there are none).
int javaPartitionForKey(QByteArrayView key, int partitionCount);

} // namespace kops
