#pragma once

#include <QCoreApplication>

#include "clusterapi.h"
#include "perfstats.h"

#include <QJsonObject>
#include <QMap>

#include <atomic>
#include <functional>

namespace kops {

/// What a throughput lab measures with: partition counts, records, payload, producer settings.
struct PerfSettings
{
    Q_DECLARE_TR_FUNCTIONS(kops::PerfSettings) // tr() in its members: the context lupdate gives them
public:
    QList<int> partitionCounts{1, 2, 4, 8, 16, 32};
    qint64 records = 200000;
    int recordSize = 100;
    /// Payloads from a sample file: its lines, cycled (empty: random letters, as Kafka's perf tool).
    QList<QByteArray> samples;
    QString sampleFile;
    QString acks = QStringLiteral("all");
    bool idempotence = false;
    QString compression = QStringLiteral("none");
    int lingerMs = 5;
    int batchSize = -1;        ///< bytes; -1: the client's default
    int maxInFlight = -1;      ///< -1: the client's default (5)
    int retries = -1;          ///< -1: the client's default
    int requestTimeoutMs = -1; ///< -1: the client's default
    /// A saved producer profile's settings (Java names), applied before the fields above change them.
    QMap<QString, QString> profileSettings;
    QString profileName;
    int consumers = 1;
    int replicationFactor = -1; ///< -1: the broker's default
    /// Keyed records (16 keys) with {"id":N,"seq":N} values, so the audit can check the result.
    bool sequenced = false;
    /// Audit each lab topic (id json:$.id, seq json:$.seq) before it is deleted.
    bool auditAfter = false;
    /// Ask the cluster to fail some produce requests (only the demo's mock cluster can).
    bool injectFailures = false;

    /// Bytes the lab writes: counts x records x size.
    qint64 estimatedBytes() const;
    /// librdkafka producer properties the lab adds to the connection's, and the profile keys it
    /// could not translate.
    QList<QPair<QString, QString>> producerProperties(QStringList *ignored = nullptr) const;
    QJsonObject toJson() const;
    /// "1,2,4,8" -> {1,2,4,8}; an error for anything but positive numbers.
    static Result<QList<int>> parsePartitions(const QString &text);

    static constexpr qint64 kConfirmBytes = qint64(1) << 30; ///< above this, ask before writing
};

/// Presets: the teaching pair (retries without idempotence under injected failures, and the
/// same with idempotence) and plain throughput.
enum class PerfPreset { Throughput, RetriesWithoutIdempotence, Idempotent };
PerfSettings perfPreset(PerfPreset preset);
/// What the demo's injected failures are, said next to the teaching preset's result.
QString injectedFailuresNote(bool idempotence);

/// Where a running lab stands.
struct PerfProgress
{
    int index = 0;       ///< which partition count (0-based)
    int partitions = 0;
    enum class Phase { Creating, Producing, Consuming, Auditing, Deleting } phase = Phase::Creating;
    qint64 produced = 0; ///< acknowledged so far for this count
    qint64 consumed = 0;
    qint64 records = 0;  ///< per count
    int counts = 0;      ///< partition counts in the lab
    double recordsPerSecond = 0;
};

/// What the audit found in one lab topic (auditAfter).
struct PerfAuditSummary
{
    qint64 duplicates = 0;
    qint64 orderBreaks = 0;
    qint64 scanned = 0;
};

/// A lab's result: one point per partition count, the recommendation, what was cleaned up.
struct PerfReport
{
    Q_DECLARE_TR_FUNCTIONS(kops::PerfReport) // tr() in its members: the context lupdate gives them
public:
    PerfSettings settings;
    QString runId;
    QList<PerfPoint> points;
    QMap<int, PerfAuditSummary> audits; ///< by partition count
    QStringList topics;                 ///< created
    QStringList keptTopics;             ///< could not be deleted (with keptReason)
    QString keptReason;
    QStringList ignoredProfileKeys;
    bool cancelled = false;

    int recommendedIndex() const { return smallestReaching(points, 0.9); }
    /// "4 partitions reach 90 % of the best throughput (8 partitions: 41,200 records/s)."
    QString verdict() const;
    QJsonObject toJson() const;
    QString toCsv() const;
};

/// The partition-count throughput lab: for each count, a temporary topic (kops-perf-<run>-p<N>),
/// N records produced with the chosen settings while C consumers in one group read them back;
/// produce rate, acknowledgement and end-to-end latency, consume rate. Topics are deleted after
/// each count, after a cancel, and (cleanLeftovers) at the next start after a crash.
class PerfLab final
{
public:
    struct Control
    {
        std::atomic<bool> cancel{false};
    };
    using ProgressFn = std::function<void(const PerfProgress &)>;
    using PointFn = std::function<void(const PerfPoint &)>;
    /// Called with a lab topic once its consumers are in, right before producing (the demo injects failures).
    using InjectFn = std::function<void(const QString &topic, int partitions)>;

    static QString topicPrefix() { return QStringLiteral("kops-perf-"); }
    static QString topicName(const QString &runId, int partitions);

    /// Runs the lab. Refuses a read-only connection and clients that are not librdkafka.
    static Result<PerfReport> run(ClusterApi &api, const PerfSettings &settings, Control *control = nullptr,
                                  const ProgressFn &progress = {}, const PointFn &pointDone = {},
                                  const InjectFn &inject = {});
    /// Deletes kops-perf-* topics left by labs that are not running in this process (a crash, a
    /// kill). Returns the topics deleted; topics the cluster would not delete are reported in
    /// notDeleted. A read-only connection deletes nothing.
    static Result<QStringList> cleanLeftovers(ClusterApi &api, QStringList *notDeleted = nullptr);
};

} // namespace kops
