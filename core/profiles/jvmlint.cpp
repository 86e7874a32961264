// Rules for broker JVM profiles (heap, collector, G1 regions). Part of ConfigLinter.
#include "configkeys.h"

#include <QCoreApplication>
#include "configlinter.h"
#include "jvmadvisor.h"
#include "jvmoptions.h"

namespace kops::detail {

namespace {

constexpr qint64 kMB = 1024LL * 1024;
constexpr qint64 kGB = 1024LL * kMB;

LintFinding jvmFinding(const char *rule, Severity sev, QStringList keys, QString message, QMap<QString, QString> set,
                       QStringList remove, QString label)
{
    LintFinding f;
    f.rule = QString::fromLatin1(rule);
    f.severity = sev;
    f.keys = std::move(keys);
    f.message = std::move(message);
    f.docUrl = ConfigKeys::docUrl(ProfileType::Jvm, QString());
    f.fix.target = ProfileType::Jvm;
    f.fix.set = std::move(set);
    f.fix.remove = std::move(remove);
    f.fix.label = std::move(label);
    return f;
}

std::optional<qint64> sizeOf(const ConfigProfile &p, const char *key)
{
    const auto v = p.value(QString::fromLatin1(key));
    return v ? parseJvmSize(*v) : std::nullopt;
}

bool isOn(const ConfigProfile &p, const QString &key)
{
    return p.value(key).value_or(QString()) == QLatin1String("true");
}

bool usesG1(const ConfigProfile &p)
{
    const bool other = isOn(p, QStringLiteral("-XX:UseParallelGC")) || isOn(p, QStringLiteral("-XX:UseSerialGC"))
                       || isOn(p, QStringLiteral("-XX:UseConcMarkSweepGC")) || isOn(p, QStringLiteral("-XX:UseZGC"))
                       || isOn(p, QStringLiteral("-XX:UseShenandoahGC"));
    // Without a collector flag, JDK 9+ picks G1 on server-class machines (every broker host).
    return isOn(p, QStringLiteral("-XX:UseG1GC")) || !other;
}

/// The options that fix the young generation's size, as set in the profile.
QStringList youngKeys(const ConfigProfile &p)
{
    QStringList young;
    for (const char *k : {"-Xmn", "-XX:NewSize", "-XX:MaxNewSize"})
        if (p.settings.contains(QString::fromLatin1(k)))
            young << QString::fromLatin1(k);
    return young;
}

/// A third of the heap (the JVM's default NewRatio=2), in whole megabytes.
QString youngThird(qint64 heap)
{
    return formatJvmSize(std::max<qint64>(kMB, heap / 3 / kMB * kMB));
}

/// Sets the heap to `heap` and resolves what the new size invalidates, so one click never trades one
/// finding for another: -Xms follows -Xmx (jvm.xms-xmx), a young generation at least as large as the new
/// heap goes (G1 sizes it itself, jvm.xmn-with-g1) or becomes a third of it, and a G1 region size that no
/// longer fits the heap follows it (jvm.region-size).
ConfigFix heapFix(const ConfigProfile &p, qint64 heap)
{
    ConfigFix fix;
    fix.target = ProfileType::Jvm;
    fix.set = {{QStringLiteral("-Xmx"), formatJvmSize(heap)}, {QStringLiteral("-Xms"), formatJvmSize(heap)}};
    QStringList also;
    const bool g1 = usesG1(p);
    for (const QString &k : youngKeys(p)) {
        const std::optional<qint64> young = parseJvmSize(p.settings.value(k));
        if (!young || *young < heap)
            continue;
        if (g1) {
            fix.remove << k;
            also << QCoreApplication::translate("kops::Profiles", "remove %1").arg(JvmOptions::settingToToken(k, p.settings.value(k)));
        } else {
            fix.set.insert(k, youngThird(heap));
            also << JvmOptions::settingToToken(k, youngThird(heap));
        }
    }
    if (const auto regionText = p.value(QStringLiteral("-XX:G1HeapRegionSize")); regionText && g1) {
        const std::optional<qint64> region = parseJvmSize(*regionText);
        const qint64 regions = region && *region > 0 ? heap / *region : 0;
        if (regions < 512 || regions > 8192) {
            const QString rec = formatJvmSize(JvmAdvisor::recommendedRegionSize(heap));
            fix.set.insert(QStringLiteral("-XX:G1HeapRegionSize"), rec);
            also << QStringLiteral("-XX:G1HeapRegionSize=%1").arg(rec);
        }
    }
    fix.label = QCoreApplication::translate("kops::Profiles", "Set -Xmx%1 -Xms%1").arg(formatJvmSize(heap));
    if (!also.isEmpty())
        fix.label += QCoreApplication::translate("kops::Profiles", " (and %1 to fit the new heap)").arg(also.join(QStringLiteral(", ")));
    return fix;
}

LintFinding heapFinding(const char *rule, Severity sev, QString message, ConfigFix fix)
{
    LintFinding f = jvmFinding(rule, sev, {QStringLiteral("-Xmx")}, std::move(message), {}, {}, {});
    f.fix = std::move(fix);
    return f;
}

} // namespace

void lintJvm(const ConfigProfile &p, const LintContext &ctx, QList<LintFinding> &out)
{
    const std::optional<qint64> xmx = sizeOf(p, "-Xmx");
    // kafka-server-start.sh uses -Xmx1G -Xms1G when KAFKA_HEAP_OPTS is not set.
    const qint64 heap = xmx.value_or(kGB);
    const QString heapText = xmx ? QStringLiteral("-Xmx%1").arg(p.settings.value(QStringLiteral("-Xmx")))
                                 : QCoreApplication::translate("kops::Profiles", "-Xmx1G (kafka-server-start.sh default, assumed)");
    std::optional<qint64> ram = ctx.hostRam;
    if (!ram && !p.hostRam.isEmpty())
        ram = parseMemorySize(p.hostRam);

    const bool parallel = isOn(p, QStringLiteral("-XX:UseParallelGC")) || isOn(p, QStringLiteral("-XX:UseSerialGC"))
                          || isOn(p, QStringLiteral("-XX:UseConcMarkSweepGC"));
    const bool g1 = usesG1(p);

    if (ram && *ram > 0) {
        const MemorySplit split = memorySplit(*ram, heap);
        const double share = double(heap) / double(*ram);
        const double cacheShare = double(split.pageCache) / double(*ram);
        if (share > 0.35 || cacheShare < 0.5) {
            const qint64 rec = JvmAdvisor::recommendedHeap(*ram);
            const Severity sev = (cacheShare < 0.25) ? Severity::Error : Severity::Warning;
            out.append(heapFinding(
                "jvm.heap-share", sev,
                QCoreApplication::translate("kops::Profiles", "%1 takes %2% of a %3 host: only about %4 is left to the page cache (%5 minus the heap, "
                               "minus ~%6 for the OS, metaspace and direct buffers). Kafka serves consumers and "
                               "replication from the page cache, so a smaller heap is faster; %7 is plenty for a broker.")
                    .arg(heapText)
                    .arg(qRound(share * 100))
                    .arg(formatMemory(*ram), formatMemory(split.pageCache), formatMemory(*ram),
                         formatMemory(split.osReserve), formatMemory(rec)),
                heapFix(p, rec)));
        }
    }
    if (heap >= 32 * kGB)
        out.append(heapFinding("jvm.heap-compressed-oops", Severity::Warning,
                              QCoreApplication::translate("kops::Profiles", "%1 is at or above 32 GB: the JVM turns compressed object pointers off, "
                                             "so every reference doubles in size and a 32 GB heap holds less than a "
                                             "31 GB one.")
                                  .arg(heapText),
                              heapFix(p, 30 * kGB)));
    if (heap < kGB) {
        const qint64 rec = ram ? JvmAdvisor::recommendedHeap(*ram) : kGB;
        out.append(heapFinding("jvm.heap-too-small", Severity::Warning,
                              QCoreApplication::translate("kops::Profiles", "%1 is below 1 GB: a broker with more than a handful of partitions "
                                             "collects constantly or fails with OutOfMemoryError.")
                                  .arg(heapText),
                              heapFix(p, rec)));
    }
    const std::optional<qint64> xms = sizeOf(p, "-Xms");
    if (xmx && xms != xmx)
        out.append(jvmFinding("jvm.xms-xmx", Severity::Info, {QStringLiteral("-Xms"), QStringLiteral("-Xmx")},
                              xms ? QCoreApplication::translate("kops::Profiles", "-Xms%1 differs from -Xmx%2: the heap grows under load, and every "
                                                   "resize is a full pause.")
                                        .arg(p.settings.value(QStringLiteral("-Xms")), p.settings.value(QStringLiteral("-Xmx")))
                                  : QCoreApplication::translate("kops::Profiles", "-Xmx is set without -Xms: the heap starts small and grows under "
                                                   "load, with a full pause at each resize."),
                              {{QStringLiteral("-Xms"), p.settings.value(QStringLiteral("-Xmx"))}}, {},
                              QCoreApplication::translate("kops::Profiles", "Set -Xms%1").arg(p.settings.value(QStringLiteral("-Xmx")))));

    const QStringList young = youngKeys(p);
    for (const QString &k : young) {
        const std::optional<qint64> size = parseJvmSize(p.settings.value(k));
        if (!size || *size < heap)
            continue;
        const QString token = JvmOptions::settingToToken(k, p.settings.value(k));
        QMap<QString, QString> set;
        QStringList remove;
        QString label;
        if (g1) {
            remove << k;
            label = QCoreApplication::translate("kops::Profiles", "Remove %1 (G1 sizes the young generation itself)").arg(k);
        } else {
            set.insert(k, youngThird(heap));
            label = QCoreApplication::translate("kops::Profiles", "Set %1").arg(JvmOptions::settingToToken(k, youngThird(heap)));
        }
        out.append(jvmFinding("jvm.young-exceeds-heap", Severity::Error, {k, QStringLiteral("-Xmx")},
                              QCoreApplication::translate("kops::Profiles", "%1 asks for a young generation at least as large as the whole heap (%2): "
                                             "the JVM shrinks it to all but a sliver of the heap, so the old generation "
                                             "has almost no room and nearly every collection becomes a full one.")
                                  .arg(token, heapText),
                              set, remove, label));
    }
    if (g1 && !young.isEmpty()) {
        const QString pause = p.settings.value(QStringLiteral("-XX:MaxGCPauseMillis"), QCoreApplication::translate("kops::Profiles", "200 (default)"));
        QStringList shown;
        for (const QString &k : young)
            shown << JvmOptions::settingToToken(k, p.settings.value(k));
        out.append(jvmFinding("jvm.xmn-with-g1", Severity::Warning, young + QStringList{QStringLiteral("-XX:MaxGCPauseMillis")},
                              QCoreApplication::translate("kops::Profiles", "%1 fixes the young generation, but G1 meets MaxGCPauseMillis=%2 by resizing "
                                             "the young generation; with it fixed, the pause goal is ignored and young "
                                             "collections take as long as the fixed size dictates.")
                                  .arg(shown.join(QLatin1Char(' ')), pause),
                              {}, young, QCoreApplication::translate("kops::Profiles", "Remove %1").arg(young.join(QStringLiteral(", ")))));
    }
    if (parallel && heap >= 2 * kGB) {
        QStringList keys;
        for (const char *k : {"-XX:UseParallelGC", "-XX:UseSerialGC", "-XX:UseConcMarkSweepGC"})
            if (isOn(p, QString::fromLatin1(k)))
                keys << QString::fromLatin1(k);
        QMap<QString, QString> set{{QStringLiteral("-XX:UseG1GC"), QStringLiteral("true")}};
        if (!p.settings.contains(QStringLiteral("-XX:MaxGCPauseMillis")))
            set.insert(QStringLiteral("-XX:MaxGCPauseMillis"), QStringLiteral("20"));
        // G1 sizes the young generation to meet its pause goal: a fixed size goes with the old collector.
        QString label = QCoreApplication::translate("kops::Profiles", "Use G1 (-XX:+UseG1GC -XX:MaxGCPauseMillis=20)");
        if (!young.isEmpty())
            label += QCoreApplication::translate("kops::Profiles", " and remove %1").arg(young.join(QStringLiteral(", ")));
        out.append(jvmFinding("jvm.collector", Severity::Warning, keys,
                              QCoreApplication::translate("kops::Profiles", "%1 with a %2 heap: stop-the-world collections of the whole heap last "
                                             "seconds, long enough for ZooKeeper/KRaft sessions and follower fetches to "
                                             "time out. Kafka is tested with G1 (ZGC also suits large heaps).")
                                  .arg(keys.join(QStringLiteral(", ")), formatMemory(heap)),
                              set, keys + young, label));
    }
    if (const auto regionText = p.value(QStringLiteral("-XX:G1HeapRegionSize")); regionText && g1) {
        const std::optional<qint64> region = parseJvmSize(*regionText);
        const qint64 rec = JvmAdvisor::recommendedRegionSize(heap);
        const QMap<QString, QString> set{{QStringLiteral("-XX:G1HeapRegionSize"), formatJvmSize(rec)}};
        const QString label = QCoreApplication::translate("kops::Profiles", "Set -XX:G1HeapRegionSize=%1").arg(formatJvmSize(rec));
        const bool pow2 = region && *region > 0 && (*region & (*region - 1)) == 0;
        if (!region || !pow2 || *region < kMB || *region > 32 * kMB) {
            out.append(jvmFinding("jvm.region-size", Severity::Error, {QStringLiteral("-XX:G1HeapRegionSize")},
                                  QCoreApplication::translate("kops::Profiles", "G1HeapRegionSize=%1 is not a power of two between 1 and 32 MB; the JVM "
                                                 "rounds or rejects it.")
                                      .arg(*regionText),
                                  set, {}, label));
        } else {
            const qint64 regions = heap / *region;
            if (regions < 512 || regions > 8192)
                out.append(jvmFinding(
                    "jvm.region-size", Severity::Warning, {QStringLiteral("-XX:G1HeapRegionSize"), QStringLiteral("-Xmx")},
                    regions < 512
                        ? QCoreApplication::translate("kops::Profiles", "G1HeapRegionSize=%1 gives only %2 regions for %3: G1 has little room to pick "
                                         "regions and the young generation cannot shrink to meet its pause goal.")
                              .arg(*regionText)
                              .arg(regions)
                              .arg(formatMemory(heap))
                        : QCoreApplication::translate("kops::Profiles", "G1HeapRegionSize=%1 gives %2 regions for %3: records over half a region "
                                         "become humongous objects that fragment the heap.")
                              .arg(*regionText)
                              .arg(regions)
                              .arg(formatMemory(heap)),
                    set, {}, label));
        }
    }
}

} // namespace kops::detail
