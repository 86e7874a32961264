#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace kops {

/// How a broker host's RAM divides between the JVM heap, the OS page cache and the rest.
struct MemorySplit
{
    qint64 ram = 0;
    qint64 heap = 0;
    qint64 osReserve = 0; ///< kernel, metaspace, direct buffers, thread stacks
    qint64 pageCache = 0; ///< what is left: Kafka serves recent reads from here
    QString describe() const; ///< "32 GB host: heap 16 GB, page cache ~14 GB, OS and off-heap ~2 GB"
};

/// Room the OS and the JVM's off-heap memory need outside heap and page cache.
qint64 osReserveFor(qint64 ram);
MemorySplit memorySplit(qint64 ram, qint64 heap);

/// Recommends broker heap and JVM flags from host RAM, write throughput and how far back consumers re-read.
class JvmAdvisor final
{
public:
    struct Input
    {
        qint64 hostRam = 0;
        double writeMBps = 50;     ///< produced into this broker, MB/s
        double rereadMinutes = 10; ///< consumers that fall behind re-read this much recent data
    };
    struct Advice
    {
        MemorySplit split;
        qint64 pageCacheNeeded = 0; ///< writeMBps x rereadMinutes, kept hot in the page cache
        QMap<QString, QString> settings; ///< JVM profile settings (-Xmx, -Xms, -XX:...)
        QStringList reasons;
        bool pageCacheShort = false;
        QString commandLine() const;
    };

    /// Heap the advisor recommends for a host (ignoring throughput).
    static qint64 recommendedHeap(qint64 hostRam, double writeMBps = 50);
    /// Power-of-two G1 region size for a heap, about 2048 regions, 1..32 MB.
    static qint64 recommendedRegionSize(qint64 heap);
    static Advice advise(const Input &input);
};

} // namespace kops
