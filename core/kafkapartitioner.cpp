#include "kafkapartitioner.h"

namespace kops {

qint32 kafkaMurmur2(QByteArrayView key)
{
    // org.apache.kafka.common.utils.Utils.murmur2
    const auto *data = reinterpret_cast<const unsigned char *>(key.data());
    const qsizetype length = key.size();
    const quint32 seed = 0x9747b28c;
    const quint32 m = 0x5bd1e995;
    const int r = 24;
    quint32 h = seed ^ quint32(length);
    const qsizetype length4 = length / 4;
    for (qsizetype i = 0; i < length4; ++i) {
        const qsizetype i4 = i * 4;
        quint32 k = quint32(data[i4 + 0]) | (quint32(data[i4 + 1]) << 8) | (quint32(data[i4 + 2]) << 16)
                    | (quint32(data[i4 + 3]) << 24);
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
    }
    switch (length % 4) {
    case 3:
        h ^= quint32(data[(length & ~3) + 2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= quint32(data[(length & ~3) + 1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= quint32(data[length & ~3]);
        h *= m;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return qint32(h);
}

int javaPartitionForKey(QByteArrayView key, int partitionCount)
{
    if (partitionCount <= 0)
        return -1;
    return int((quint32(kafkaMurmur2(key)) & 0x7fffffffu) % quint32(partitionCount));
}

} // namespace kops
