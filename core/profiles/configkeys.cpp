#include "configkeys.h"

#include "jvmoptions.h"

#include <QCoreApplication>

#include <limits>

namespace kops {

namespace {

using T = ProfileType;
using V = ValueType;
constexpr double kIntMax = std::numeric_limits<qint32>::max();
constexpr double kLongMax = 9.2e18;

KeyInfo key(const char *name, QList<ProfileType> scopes, ValueType type, const char *def, const char *summary,
            std::optional<double> min = std::nullopt, std::optional<double> max = std::nullopt,
            const char *unit = "", QStringList enums = {}, bool important = false)
{
    KeyInfo k;
    k.name = QString::fromLatin1(name);
    k.scopes = std::move(scopes);
    k.valueType = type;
    k.defaultValue = QString::fromLatin1(def);
    k.summary = QString::fromUtf8(summary); // marked with QT_TRANSLATE_NOOP, translated when shown
    k.min = min;
    k.max = max;
    k.unit = QString::fromLatin1(unit);
    k.enumValues = std::move(enums);
    k.important = important;
    return k;
}

QStringList words(const char *list)
{
    return QString::fromLatin1(list).split(QLatin1Char(','));
}

QList<KeyInfo> buildTable()
{
    const QList<T> P{T::Producer}, C{T::Consumer}, PC{T::Producer, T::Consumer}, Tp{T::Topic}, J{T::Jvm};
    const QStringList compression = words("none,gzip,snappy,lz4,zstd");
    QList<KeyInfo> k{
        // --- common client keys ---
        key("bootstrap.servers", PC, V::List, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "host:port pairs used to discover the cluster.")),
        key("client.id", PC, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Name sent to brokers for logging and quotas.")),
        key("security.protocol", PC, V::Enum, "PLAINTEXT",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Protocol used to talk to brokers."),
            {}, {}, "", words("PLAINTEXT,SSL,SASL_PLAINTEXT,SASL_SSL")),
        key("sasl.mechanism", PC, V::String, "GSSAPI",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "SASL mechanism, e.g. PLAIN, SCRAM-SHA-512.")),
        key("sasl.jaas.config", PC, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "JAAS login module configuration.")),
        key("ssl.truststore.location", PC, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Trust store file.")),
        key("ssl.truststore.password", PC, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Trust store password.")),
        key("ssl.keystore.location", PC, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Key store file.")),
        key("ssl.keystore.password", PC, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Key store password.")),
        key("ssl.key.password", PC, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Private key password.")),
        key("ssl.endpoint.identification.algorithm", PC, V::String, "https",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Host name verification.")),
        key("request.timeout.ms", PC, V::Int, "30000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "How long to wait for a broker response before retrying."),
            0, kIntMax, "ms", {}, true),
        key("retry.backoff.ms", PC, V::Long, "100",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Pause before retrying a failed request."), 0, kLongMax, "ms"),
        key("reconnect.backoff.ms", PC, V::Long, "50",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Pause before reconnecting to a broker."), 0, kLongMax, "ms"),
        key("reconnect.backoff.max.ms", PC, V::Long, "1000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Upper bound of the reconnect back-off."), 0, kLongMax, "ms"),
        key("connections.max.idle.ms", PC, V::Long, "540000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Close idle connections after this."), {}, kLongMax, "ms"),
        key("metadata.max.age.ms", PC, V::Long, "300000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Refresh metadata at least this often."), 0, kLongMax, "ms"),
        key("receive.buffer.bytes", PC, V::Int, "32768",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "TCP receive buffer (-1: OS default)."), -1, kIntMax, "bytes"),
        key("send.buffer.bytes", PC, V::Int, "131072",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "TCP send buffer (-1: OS default)."), -1, kIntMax, "bytes"),
        key("client.dns.lookup", PC, V::Enum, "use_all_dns_ips",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "How host names are resolved."),
            {}, {}, "", words("use_all_dns_ips,resolve_canonical_bootstrap_servers_only")),
        key("interceptor.classes", PC, V::List, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Interceptor classes.")),
        key("metric.reporters", PC, V::List, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Metric reporter classes.")),
        // --- producer ---
        key("acks", P, V::Enum, "all",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "How many replicas must acknowledge a write: 0 none, 1 the leader, all every in-sync replica."),
            {}, {}, "", words("all,-1,0,1"), true),
        key("enable.idempotence", P, V::Bool, "true",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Broker de-duplicates retried batches and keeps their order (needs acks=all, retries > 0, in-flight <= 5)."),
            {}, {}, "", {}, true),
        key("retries", P, V::Int, "2147483647",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "How often a failed send is retried within delivery.timeout.ms."),
            0, kIntMax, "", {}, true),
        key("max.in.flight.requests.per.connection", P, V::Int, "5",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Unacknowledged requests per broker connection."),
            1, kIntMax, "", {}, true),
        key("delivery.timeout.ms", P, V::Int, "120000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Upper bound on the time to report success or failure of a send, retries included."),
            0, kIntMax, "ms", {}, true),
        key("linger.ms", P, V::Long, "0",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Wait this long for more records to fill a batch."),
            0, kLongMax, "ms", {}, true),
        key("batch.size", P, V::Int, "16384",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Maximum batch size per partition."), 0, kIntMax, "bytes", {}, true),
        key("compression.type", P, V::Enum, "none",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Compression codec for batches."), {}, {}, "", compression, true),
        key("buffer.memory", P, V::Long, "33554432",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Memory for records waiting to be sent."), 0, kLongMax, "bytes"),
        key("max.block.ms", P, V::Long, "60000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "How long send() blocks when the buffer is full or metadata missing."),
            0, kLongMax, "ms"),
        key("max.request.size", P, V::Int, "1048576",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Largest request the producer sends."), 0, kIntMax, "bytes"),
        key("key.serializer", P, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Serializer class for keys.")),
        key("value.serializer", P, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Serializer class for values.")),
        key("partitioner.class", P, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Partitioner class.")),
        key("partitioner.ignore.keys", P, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Ignore keys when choosing a partition.")),
        key("transactional.id", P, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Enables transactions; needs idempotence.")),
        key("transaction.timeout.ms", P, V::Int, "60000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Longest a transaction may stay open."), 0, kIntMax, "ms"),
        key("metadata.max.idle.ms", P, V::Long, "300000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Forget topics not produced to for this long."),
            5000, kLongMax, "ms"),
        // --- consumer ---
        key("group.id", C, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Consumer group the consumer joins."), {}, {}, "", {}, true),
        key("group.instance.id", C, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Static membership id.")),
        key("enable.auto.commit", C, V::Bool, "true",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Commit offsets in the background, whether or not the records were processed."),
            {}, {}, "", {}, true),
        key("auto.commit.interval.ms", C, V::Int, "5000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Interval of background commits."), 0, kIntMax, "ms"),
        key("auto.offset.reset", C, V::Enum, "latest",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Where a group without committed offset starts: earliest, latest or none (fail)."),
            {}, {}, "", words("earliest,latest,none"), true),
        key("isolation.level", C, V::Enum, "read_uncommitted",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Whether records of aborted transactions are returned."),
            {}, {}, "", words("read_uncommitted,read_committed"), true),
        key("max.poll.records", C, V::Int, "500",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Most records one poll() returns."), 1, kIntMax, "", {}, true),
        key("max.poll.interval.ms", C, V::Int, "300000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Longest gap between polls before the consumer is removed from the group."),
            1, kIntMax, "ms", {}, true),
        key("session.timeout.ms", C, V::Int, "45000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Heartbeat timeout of group membership."),
            {}, kIntMax, "ms", {}, true),
        key("heartbeat.interval.ms", C, V::Int, "3000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Heartbeat period."), {}, kIntMax, "ms"),
        key("fetch.min.bytes", C, V::Int, "1",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Least data a fetch waits for."), 0, kIntMax, "bytes"),
        key("fetch.max.bytes", C, V::Int, "52428800",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Most data one fetch returns."), 0, kIntMax, "bytes"),
        key("fetch.max.wait.ms", C, V::Int, "500",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Longest a fetch waits for fetch.min.bytes."), 0, kIntMax, "ms"),
        key("max.partition.fetch.bytes", C, V::Int, "1048576",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Most data per partition per fetch."), 0, kIntMax, "bytes"),
        key("partition.assignment.strategy", C, V::List, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Assignor classes, in order of preference.")),
        key("key.deserializer", C, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Deserializer class for keys.")),
        key("value.deserializer", C, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Deserializer class for values.")),
        key("check.crcs", C, V::Bool, "true",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Verify CRC32 of fetched records.")),
        key("client.rack", C, V::String, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Rack of the consumer, for fetching from the closest replica.")),
        key("exclude.internal.topics", C, V::Bool, "true",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Never match internal topics with patterns.")),
        key("allow.auto.create.topics", C, V::Bool, "true",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Subscribing may create the topic.")),
        key("default.api.timeout.ms", C, V::Int, "60000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Timeout of blocking consumer calls."), 0, kIntMax, "ms"),
        // --- topic ---
        key("replication.factor", Tp, V::Int, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Copies of each partition (set with kafka-topics --replication-factor; not a dynamic config)."),
            1, 32767, "", {}, true),
        key("min.insync.replicas", Tp, V::Int, "1",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Replicas that must have a write before an acks=all produce succeeds."),
            1, kIntMax, "", {}, true),
        key("unclean.leader.election.enable", Tp, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Let an out-of-sync replica become leader, losing the records it lacks."),
            {}, {}, "", {}, true),
        key("cleanup.policy", Tp, V::List, "delete",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "delete, compact, or both."), {}, {}, "", {}, true),
        key("retention.ms", Tp, V::Long, "604800000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Keep records this long (-1: forever)."),
            -1, kLongMax, "ms", {}, true),
        key("retention.bytes", Tp, V::Long, "-1",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Keep at most this much per partition (-1: no limit)."),
            -1, kLongMax, "bytes", {}, true),
        key("segment.bytes", Tp, V::Int, "1073741824",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Size of a log segment file."), 14, kIntMax, "bytes"),
        key("segment.ms", Tp, V::Long, "604800000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Roll a segment after this long."), 1, kLongMax, "ms"),
        key("max.message.bytes", Tp, V::Int, "1048588",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Largest record batch the topic accepts."),
            0, kIntMax, "bytes", {}, true),
        key("compression.type", Tp, V::Enum, "producer",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Compression of stored batches."),
            {}, {}, "", words("uncompressed,zstd,lz4,snappy,gzip,producer"), true),
        key("message.timestamp.type", Tp, V::Enum, "CreateTime",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Which time is stored with a record."),
            {}, {}, "", words("CreateTime,LogAppendTime")),
        key("min.compaction.lag.ms", Tp, V::Long, "0",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Records stay uncompacted at least this long."), 0, kLongMax, "ms"),
        key("max.compaction.lag.ms", Tp, V::Long, "9223372036854775807",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Records are compacted at most this late."), 1, kLongMax, "ms"),
        key("delete.retention.ms", Tp, V::Long, "86400000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Keep delete tombstones this long."), 0, kLongMax, "ms"),
        key("min.cleanable.dirty.ratio", Tp, V::Double, "0.5",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Share of the log that must be dirty before cleaning."), 0, 1),
        key("flush.messages", Tp, V::Long, "9223372036854775807",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Force fsync after this many records."), 1, kLongMax),
        key("flush.ms", Tp, V::Long, "9223372036854775807",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Force fsync after this long."), 0, kLongMax, "ms"),
        key("index.interval.bytes", Tp, V::Int, "4096",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Offset index granularity."), 0, kIntMax, "bytes"),
        key("file.delete.delay.ms", Tp, V::Long, "60000",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Delay before deleting a file from disk."), 0, kLongMax, "ms"),
        key("preallocate", Tp, V::Bool, "false", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Preallocate segment files.")),
        key("local.retention.ms", Tp, V::Long, "-2",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Local retention with tiered storage."), -2, kLongMax, "ms"),
        key("remote.storage.enable", Tp, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Tiered storage for the topic.")),
        key("message.downconversion.enable", Tp, V::Bool, "true",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Down-convert for old consumers.")),
        // --- broker JVM ---
        key("-Xmx", J, V::Size, "1G", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Maximum heap."), {}, {}, "", {}, true),
        key("-Xms", J, V::Size, "1G",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Initial heap; equal to -Xmx avoids resizing pauses."),
            {}, {}, "", {}, true),
        key("-Xmn", J, V::Size, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Fixed young generation size (fights G1's pause-time goal)."),
            {}, {}, "", {}, true),
        key("-Xss", J, V::Size, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Thread stack size.")),
        key("-XX:NewSize", J, V::Size, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Initial young generation size.")),
        key("-XX:MaxNewSize", J, V::Size, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Maximum young generation size.")),
        key("-XX:MetaspaceSize", J, V::Size, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Metaspace size that triggers the first collection.")),
        key("-XX:MaxMetaspaceSize", J, V::Size, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Upper bound on metaspace.")),
        key("-XX:MaxDirectMemorySize", J, V::Size, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Upper bound on direct (off-heap) buffers.")),
        key("-XX:UseG1GC", J, V::Bool, "true",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Garbage-First collector (Kafka's default)."), {}, {}, "", {}, true),
        key("-XX:UseZGC", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Z collector (JDK 17+ for production).")),
        key("-XX:UseParallelGC", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Throughput collector with long stop-the-world pauses.")),
        key("-XX:UseSerialGC", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Single-threaded collector.")),
        key("-XX:UseConcMarkSweepGC", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "CMS collector, removed in JDK 14.")),
        key("-XX:MaxGCPauseMillis", J, V::Int, "200",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "G1 pause-time goal."), 1, kIntMax, "ms", {}, true),
        key("-XX:G1HeapRegionSize", J, V::Size, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "G1 region size: a power of two from 1 to 32 MB."),
            {}, {}, "", {}, true),
        key("-XX:InitiatingHeapOccupancyPercent", J, V::Int, "45",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Heap occupancy that starts a concurrent cycle."),
            0, 100, "%", {}, true),
        key("-XX:G1ReservePercent", J, V::Int, "10",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Heap kept free as to-space reserve."), 0, 50, "%"),
        key("-XX:ParallelGCThreads", J, V::Int, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Stop-the-world GC threads."), 1, 1024),
        key("-XX:ConcGCThreads", J, V::Int, "",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Concurrent GC threads."), 1, 1024),
        key("-XX:ExplicitGCInvokesConcurrent", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "System.gc() starts a concurrent cycle.")),
        key("-XX:DisableExplicitGC", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Ignore System.gc() (breaks direct buffer reclaim).")),
        key("-XX:MaxInlineLevel", J, V::Int, "15",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "JIT inlining depth."), 0, 100),
        key("-XX:AlwaysPreTouch", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Touch every heap page at start-up.")),
        key("-XX:HeapDumpOnOutOfMemoryError", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Write a heap dump on OutOfMemoryError.")),
        key("-XX:HeapDumpPath", J, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Where heap dumps go.")),
        key("-XX:ExitOnOutOfMemoryError", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "Exit the JVM on OutOfMemoryError.")),
        key("-XX:UseStringDeduplication", J, V::Bool, "false",
            QT_TRANSLATE_NOOP("kops::ConfigKeys", "G1 string deduplication.")),
        key("-Djava.awt.headless", J, V::Bool, "true", QT_TRANSLATE_NOOP("kops::ConfigKeys", "No display.")),
        key("-server", J, V::String, "", QT_TRANSLATE_NOOP("kops::ConfigKeys", "Server VM (a no-op on 64-bit JVMs).")),
    };
    return k;
}

} // namespace

const QList<KeyInfo> &ConfigKeys::all()
{
    static const QList<KeyInfo> table = buildTable();
    return table;
}

const KeyInfo *ConfigKeys::find(ProfileType type, const QString &key)
{
    for (const KeyInfo &k : all())
        if (k.name == key && k.scopes.contains(type))
            return &k;
    return nullptr;
}

const KeyInfo *ConfigKeys::findAnyScope(const QString &key)
{
    for (const KeyInfo &k : all())
        if (k.name == key)
            return &k;
    return nullptr;
}

QList<const KeyInfo *> ConfigKeys::important(ProfileType type)
{
    QList<const KeyInfo *> out;
    for (const KeyInfo &k : all())
        if (k.important && k.scopes.contains(type))
            out.append(&k);
    return out;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int subst = prev[j - 1] + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString ConfigKeys::closest(ProfileType type, const QString &key)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const KeyInfo &k : all()) {
        if (!k.scopes.contains(type))
            continue;
        const int d = editDistance(key, k.name);
        if (d < bestDistance) {
            bestDistance = d;
            best = k.name;
        }
    }
    // Allow roughly one typo per five characters, at least two: "ack" -> "acks", "linger.ns" -> "linger.ms".
    const int allowed = std::max(2, int(key.size()) / 5);
    return bestDistance <= allowed ? best : QString();
}

std::optional<QString> ConfigKeys::validate(const KeyInfo &info, const QString &rawValue)
{
    const QString value = rawValue.trimmed();
    auto range = [&](double v) -> std::optional<QString> {
        if (info.min && v < *info.min)
            return QCoreApplication::translate("kops::ConfigKeys", "%1 is below the minimum %2").arg(value).arg(*info.min, 0, 'f', 0);
        if (info.max && v > *info.max)
            return QCoreApplication::translate("kops::ConfigKeys", "%1 is above the maximum %2").arg(value).arg(*info.max, 0, 'g', 12);
        return std::nullopt;
    };
    switch (info.valueType) {
    case ValueType::Int:
    case ValueType::Long: {
        bool ok = false;
        const qlonglong v = value.toLongLong(&ok);
        if (!ok)
            return QCoreApplication::translate("kops::ConfigKeys", "'%1' is not a whole number").arg(value);
        if (info.valueType == ValueType::Int && (v > std::numeric_limits<qint32>::max()
                                                 || v < std::numeric_limits<qint32>::min()))
            return QCoreApplication::translate("kops::ConfigKeys", "%1 does not fit a Java int").arg(value);
        return range(double(v));
    }
    case ValueType::Double: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok)
            return QCoreApplication::translate("kops::ConfigKeys", "'%1' is not a number").arg(value);
        return range(v);
    }
    case ValueType::Bool:
        if (value.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0
            && value.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
            return QCoreApplication::translate("kops::ConfigKeys", "'%1' is not true or false").arg(value);
        return std::nullopt;
    case ValueType::Enum:
        for (const QString &e : info.enumValues)
            if (e.compare(value, Qt::CaseInsensitive) == 0)
                return std::nullopt;
        return QCoreApplication::translate("kops::ConfigKeys", "'%1' is not one of %2").arg(value, info.enumValues.join(QStringLiteral(", ")));
    case ValueType::Size:
        if (!parseJvmSize(value))
            return QCoreApplication::translate("kops::ConfigKeys", "'%1' is not a size such as 512M or 16G").arg(value);
        return std::nullopt;
    case ValueType::String:
    case ValueType::List:
        return std::nullopt;
    }
    return std::nullopt;
}

QString ConfigKeys::docUrl(ProfileType type, const QString &key)
{
    if (key.isEmpty() && type != ProfileType::Jvm)
        return docUrl(type, QStringLiteral("-")).chopped(2); // the section: ...#producerconfigs
    switch (type) {
    case ProfileType::Producer:
        return QStringLiteral("https://kafka.apache.org/documentation/#producerconfigs_") + key;
    case ProfileType::Consumer:
        return QStringLiteral("https://kafka.apache.org/documentation/#consumerconfigs_") + key;
    case ProfileType::Topic:
        if (key == QLatin1String("replication.factor"))
            return QStringLiteral("https://kafka.apache.org/documentation/#replication");
        return QStringLiteral("https://kafka.apache.org/documentation/#topicconfigs_") + key;
    case ProfileType::Jvm:
        return QStringLiteral("https://kafka.apache.org/documentation/#java");
    }
    return {};
}

QString ConfigKeys::summary(const KeyInfo &info)
{
    return QCoreApplication::translate("kops::ConfigKeys", info.summary.toUtf8().constData());
}

QString ConfigKeys::describe(const KeyInfo &info)
{
    QStringList parts{summary(info)};
    // Units, bounds, values and defaults are what the Java client takes: never localized.
    if (!info.unit.isEmpty())
        parts << QCoreApplication::translate("kops::ConfigKeys", "Unit: %1.").arg(info.unit);
    if (info.min || info.max)
        parts << QCoreApplication::translate("kops::ConfigKeys", "Range: %1 to %2.")
                     .arg(info.min ? QString::number(*info.min, 'f', 0) : QStringLiteral("-"),
                          info.max ? QString::number(*info.max, 'g', 12) : QStringLiteral("-"));
    if (!info.enumValues.isEmpty())
        parts << QCoreApplication::translate("kops::ConfigKeys", "Values: %1.").arg(info.enumValues.join(QStringLiteral(", ")));
    if (!info.defaultValue.isEmpty())
        parts << QCoreApplication::translate("kops::ConfigKeys", "Default: %1.").arg(info.defaultValue);
    return parts.join(QLatin1Char(' '));
}

} // namespace kops
