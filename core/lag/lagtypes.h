#pragma once

#include "clustertypes.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

namespace kops {

/// Health of a partition or group, after Burrow's evaluation rules plus user thresholds.
/// Unknown is a group the sampler could not see: it does not exist, or has no committed
/// offset at all, so nothing can be said about it (never OK).
enum class HealthStatus { Ok, Warn, Err, Stop, Stall, Rewind, Unknown };

/// "OK", "WARN", "ERR", "STOP", "STALL", "REWIND", "UNKNOWN"
QString healthStatusName(HealthStatus status);
std::optional<HealthStatus> healthStatusFromName(const QString &name);
/// Ordering for "worst partition": OK < WARN < UNKNOWN < REWIND < STALL < STOP < ERR.
int healthSeverity(HealthStatus status);
/// Every status, in severity order (for one-series-per-status metrics).
QList<HealthStatus> allHealthStatuses();
/// The monitoring-plugin state (Nagios, Icinga, Sensu): 0 OK, 1 WARNING, 2 CRITICAL
/// (ERR, STOP, STALL, REWIND), 3 UNKNOWN.
int monitoringPluginState(HealthStatus status);

/// One partition of one group as read in one sample, before any evaluation.
struct RawPartitionSample
{
    QString topic;
    int partition = -1;
    qint64 committed = kNoOffset; ///< kNoOffset: no commit
    qint64 logStart = kNoOffset;
    qint64 logEnd = kNoOffset;
    std::optional<qint64> committedRecordTimestampMs; ///< timestamp of the record at the committed offset
    /// From the commit stream only (OffsetFetch does not say when a commit happened):
    std::optional<qint64> lastCommitMs;  ///< when the latest commit happened
    std::optional<qint64> offsetSinceMs; ///< when this offset was first committed (as far as the stream goes back)
    int commitsOfOffset = 0;             ///< commits of this same offset seen since then
    QString memberId;
    QString clientId;
    QString host;

    TopicPartition tp() const { return {topic, partition}; }
};

struct RawGroupSample
{
    QString groupId;
    QString state;
    int memberCount = 0;
    QList<RawPartitionSample> partitions;
    bool fromCommitStream = false; ///< committed offsets (and their times) read from __consumer_offsets
};

/// Where committed offsets come from: "commit stream" or "OffsetFetch".
QString offsetSourceName(bool fromCommitStream);

/// What the sampler read from the cluster at one moment.
struct RawLagSample
{
    qint64 atMs = 0;
    QList<RawGroupSample> groups;
    QStringList warnings; ///< partial failures (one group could not be read, ...)
    /// "commit stream", "OffsetFetch", or "OffsetFetch (commit stream unavailable: ...)".
    QString offsetSource;
};

/// One partition's lag, rates and health.
struct PartitionLag
{
    QString topic;
    int partition = -1;
    std::optional<qint64> committed; ///< nullopt: "no commit"
    qint64 logStart = kNoOffset;
    qint64 logEnd = kNoOffset;
    std::optional<qint64> lag;  ///< logEnd - committed, negative after truncation, never clamped
    bool truncated = false;      ///< committed beyond the log end
    qint64 lostToRetention = 0;  ///< messages deleted by retention before being read
    std::optional<double> timeLagSeconds;
    bool timeLagEstimated = false;
    double produceRate = 0; ///< msgs/s
    double consumeRate = 0; ///< msgs/s, offset resets excluded
    /// Lag trend over the window since the last offset reset (least squares, msgs/s);
    /// nullopt with fewer than 3 samples.
    std::optional<double> lagSlope;
    double windowSeconds = 0; ///< span of the samples the slope was fitted on
    bool resetInWindow = false; ///< an offset reset happened within the window
    HealthStatus status = HealthStatus::Ok;
    QString reason;
    QString memberId;
    QString clientId;
    QString host;
    /// Seconds since the latest commit (commit stream); nullopt when unknown (OffsetFetch).
    std::optional<double> lastCommitAgeSeconds;
    /// Seconds since the committed offset last changed, from the history and the commit stream.
    std::optional<double> offsetUnchangedSeconds;

    QJsonObject toJson() const;
};

/// A group's lag: totals, rates, drain estimate and the worst partition's health.
struct GroupLag
{
    QString groupId;
    QString state;
    int memberCount = 0;
    qint64 totalLag = 0;
    std::optional<double> maxTimeLagSeconds;
    bool maxTimeLagEstimated = false;
    double produceRate = 0;
    double consumeRate = 0;
    std::optional<double> drainSeconds; ///< nullopt: growing, stalled or nothing to drain
    bool growing = false; ///< the lag's trend over the window rose beyond noise (never from one step)
    HealthStatus status = HealthStatus::Ok;
    QString reason;
    QList<PartitionLag> partitions;
    QVector<double> trend; ///< recent total lags, oldest first (sparkline)
    qint64 sampledAtMs = 0; ///< when these values were read from the cluster
    /// Seconds since the group's latest commit on any partition; nullopt when unknown.
    std::optional<double> lastCommitAgeSeconds;
    QString offsetSource; ///< "commit stream" or "OffsetFetch"

    QString drainText() const; ///< "3 min", "growing", "—"
    QJsonObject toJson() const;
};

/// Immutable result of one sampling round, shared between threads.
struct LagSnapshot
{
    qint64 atMs = 0;
    qint64 sampleDurationMs = 0;
    bool roundComplete = false; ///< the last snapshot of a round in which every batch was read
    QList<GroupLag> groups;
    QStringList warnings;
    QString offsetSource; ///< where the committed offsets came from (RawLagSample::offsetSource)

    const GroupLag *group(const QString &groupId) const;
};

using LagSnapshotPtr = std::shared_ptr<const LagSnapshot>;

/// User limits, by group and/or topic; the most specific matching rule applies.
struct LagThreshold
{
    QString group; ///< empty: any group
    QString topic; ///< empty: any topic
    std::optional<qint64> maxLag;
    std::optional<double> maxTimeLagSeconds;

    QJsonObject toJson() const;
    static LagThreshold fromJson(const QJsonObject &o);
};

/// Human durations for reasons and tables: "45 s", "12 min", "3 h 5 min", "2 d 4 h".
QString formatDuration(double seconds);
/// Elapsed times in reasons, to the second below an hour: "45 s", "5 min 50 s", "3 h 5 min".
QString formatElapsed(double seconds);

} // namespace kops

Q_DECLARE_METATYPE(kops::LagSnapshotPtr)
