#include "jvmadvisor.h"

#include <QCoreApplication>

#include "jvmoptions.h"

#include <algorithm>
#include <cmath>

namespace kops {

namespace {
constexpr qint64 kMB = 1024LL * 1024;
constexpr qint64 kGB = 1024LL * kMB;
} // namespace

qint64 osReserveFor(qint64 ram)
{
    return std::max<qint64>(kGB, ram / 16);
}

MemorySplit memorySplit(qint64 ram, qint64 heap)
{
    MemorySplit s;
    s.ram = ram;
    s.heap = heap;
    s.osReserve = osReserveFor(ram);
    s.pageCache = std::max<qint64>(0, ram - heap - s.osReserve);
    return s;
}

QString MemorySplit::describe() const
{
    return QCoreApplication::translate("kops::Profiles", "%1 host: heap %2, page cache ~%3, OS and off-heap ~%4")
        .arg(formatMemory(ram), formatMemory(heap), formatMemory(pageCache), formatMemory(osReserve));
}

qint64 JvmAdvisor::recommendedHeap(qint64 hostRam, double writeMBps)
{
    // Kafka keeps little on the heap: 4-6 GB serve most brokers; very busy ones get a little more.
    // Never more than a quarter of the host, so the page cache keeps the lion's share.
    const qint64 cap = writeMBps > 300 ? 8 * kGB : 6 * kGB;
    const qint64 quarter = (hostRam / 4) / kGB * kGB;
    return std::clamp<qint64>(quarter, kGB, cap);
}

qint64 JvmAdvisor::recommendedRegionSize(qint64 heap)
{
    qint64 region = kMB;
    while (region * 2 <= heap / 2048 && region < 32 * kMB)
        region *= 2;
    return region;
}

QString JvmAdvisor::Advice::commandLine() const
{
    return JvmOptions::toCommandLine(settings);
}

JvmAdvisor::Advice JvmAdvisor::advise(const Input &in)
{
    Advice a;
    const qint64 heap = recommendedHeap(in.hostRam, in.writeMBps);
    a.split = memorySplit(in.hostRam, heap);
    a.pageCacheNeeded = qint64(std::max(0.0, in.writeMBps) * 60.0 * std::max(0.0, in.rereadMinutes) * double(kMB));
    a.pageCacheShort = a.pageCacheNeeded > a.split.pageCache;
    const QString h = formatJvmSize(heap);
    a.settings.insert(QStringLiteral("-Xmx"), h);
    a.settings.insert(QStringLiteral("-Xms"), h);
    a.settings.insert(QStringLiteral("-XX:UseG1GC"), QStringLiteral("true"));
    a.settings.insert(QStringLiteral("-XX:MaxGCPauseMillis"), QStringLiteral("20"));
    a.settings.insert(QStringLiteral("-XX:InitiatingHeapOccupancyPercent"), QStringLiteral("35"));
    a.settings.insert(QStringLiteral("-XX:G1HeapRegionSize"), formatJvmSize(recommendedRegionSize(heap)));
    a.settings.insert(QStringLiteral("-XX:MetaspaceSize"), QStringLiteral("96M"));
    a.settings.insert(QStringLiteral("-XX:ExplicitGCInvokesConcurrent"), QStringLiteral("true"));

    a.reasons << QCoreApplication::translate("kops::Profiles", "Heap %1: Kafka keeps records in the page cache, not on the heap; %2 covers request "
                                "buffers and metadata at %3 MB/s, and stays at or below a quarter of the host.")
                     .arg(formatMemory(heap), formatMemory(heap))
                     .arg(in.writeMBps, 0, 'f', 0);
    a.reasons << QCoreApplication::translate("kops::Profiles", "-Xms equal to -Xmx: the heap never resizes, so no pause for growing it.");
    a.reasons << QCoreApplication::translate("kops::Profiles", "G1 with MaxGCPauseMillis=20 and no fixed young generation: G1 sizes the young "
                                "generation itself to meet the pause goal.");
    a.reasons << QCoreApplication::translate("kops::Profiles", "G1HeapRegionSize %1: about %2 regions for this heap.")
                     .arg(formatJvmSize(recommendedRegionSize(heap)))
                     .arg(heap / recommendedRegionSize(heap));
    a.reasons << QCoreApplication::translate("kops::Profiles", "Memory split: %1.").arg(a.split.describe());
    if (a.pageCacheShort)
        a.reasons << QCoreApplication::translate("kops::Profiles", "Consumers re-reading %1 minutes at %2 MB/s need about %3 of page cache, but only "
                                    "%4 is left: they will read from disk. Add RAM or shorten the catch-up window.")
                         .arg(in.rereadMinutes, 0, 'f', 0)
                         .arg(in.writeMBps, 0, 'f', 0)
                         .arg(formatMemory(a.pageCacheNeeded), formatMemory(a.split.pageCache));
    else
        a.reasons << QCoreApplication::translate("kops::Profiles", "Consumers re-reading %1 minutes at %2 MB/s need about %3 of page cache; %4 is "
                                    "available, so catch-up reads come from memory.")
                         .arg(in.rereadMinutes, 0, 'f', 0)
                         .arg(in.writeMBps, 0, 'f', 0)
                         .arg(formatMemory(a.pageCacheNeeded), formatMemory(a.split.pageCache));
    return a;
}

} // namespace kops
