#include "lagtypes.h"

#include <QCoreApplication>

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace kops {

QString offsetSourceName(bool fromCommitStream)
{
    return fromCommitStream ? QCoreApplication::translate("kops::Lag", "commit stream") : QStringLiteral("OffsetFetch");
}

QString healthStatusName(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok: return QStringLiteral("OK");
    case HealthStatus::Warn: return QStringLiteral("WARN");
    case HealthStatus::Err: return QStringLiteral("ERR");
    case HealthStatus::Stop: return QStringLiteral("STOP");
    case HealthStatus::Stall: return QStringLiteral("STALL");
    case HealthStatus::Rewind: return QStringLiteral("REWIND");
    case HealthStatus::Unknown: return QStringLiteral("UNKNOWN");
    }
    return QStringLiteral("UNKNOWN");
}

std::optional<HealthStatus> healthStatusFromName(const QString &name)
{
    for (HealthStatus s : allHealthStatuses())
        if (healthStatusName(s).compare(name, Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

int healthSeverity(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok: return 0;
    case HealthStatus::Warn: return 1;
    case HealthStatus::Unknown: return 2;
    case HealthStatus::Rewind: return 3;
    case HealthStatus::Stall: return 4;
    case HealthStatus::Stop: return 5;
    case HealthStatus::Err: return 6;
    }
    return 0;
}

QList<HealthStatus> allHealthStatuses()
{
    return {HealthStatus::Ok,    HealthStatus::Warn, HealthStatus::Unknown, HealthStatus::Rewind,
            HealthStatus::Stall, HealthStatus::Stop, HealthStatus::Err};
}

int monitoringPluginState(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok: return 0;
    case HealthStatus::Warn: return 1;
    case HealthStatus::Unknown: return 3;
    case HealthStatus::Err:
    case HealthStatus::Stop:
    case HealthStatus::Stall:
    case HealthStatus::Rewind: return 2;
    }
    return 3;
}

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("∞");
    const qint64 s = qint64(std::llround(std::max(0.0, seconds)));
    if (s < 60)
        return QCoreApplication::translate("kops::Lag", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("kops::Lag", "%1 min").arg(s / 60);
    if (s < 86400)
        return (s % 3600) / 60 ? QCoreApplication::translate("kops::Lag", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
                               : QCoreApplication::translate("kops::Lag", "%1 h").arg(s / 3600);
    return (s % 86400) / 3600 ? QCoreApplication::translate("kops::Lag", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600)
                              : QCoreApplication::translate("kops::Lag", "%1 d").arg(s / 86400);
}

QString formatElapsed(double seconds)
{
    if (!std::isfinite(seconds))
        return QStringLiteral("∞");
    const qint64 s = qint64(std::llround(std::max(0.0, seconds)));
    if (s >= 60 && s < 3600)
        return s % 60 ? QCoreApplication::translate("kops::Lag", "%1 min %2 s").arg(s / 60).arg(s % 60) : QCoreApplication::translate("kops::Lag", "%1 min").arg(s / 60);
    return formatDuration(double(s));
}

namespace {

QJsonValue opt(const std::optional<qint64> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue opt(const std::optional<double> &v)
{
    return v ? QJsonValue(std::round(*v * 1000.0) / 1000.0) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject PartitionLag::toJson() const
{
    return QJsonObject{
        {QStringLiteral("topic"), topic},
        {QStringLiteral("partition"), partition},
        {QStringLiteral("committed"), opt(committed)},
        {QStringLiteral("logEnd"), logEnd == kNoOffset ? QJsonValue(QJsonValue::Null) : QJsonValue(double(logEnd))},
        {QStringLiteral("lag"), opt(lag)},
        {QStringLiteral("timeLagSeconds"), opt(timeLagSeconds)},
        {QStringLiteral("timeLagEstimated"), timeLagEstimated},
        {QStringLiteral("status"), healthStatusName(status)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("lostToRetention"), double(lostToRetention)},
        {QStringLiteral("produceRate"), std::round(produceRate * 1000.0) / 1000.0},
        {QStringLiteral("consumeRate"), std::round(consumeRate * 1000.0) / 1000.0},
        {QStringLiteral("lastCommitAgeSeconds"), opt(lastCommitAgeSeconds)},
        {QStringLiteral("offsetUnchangedSeconds"), opt(offsetUnchangedSeconds)},
    };
}

QString GroupLag::drainText() const
{
    if (totalLag <= 0)
        return QStringLiteral("—");
    if (growing)
        return QCoreApplication::translate("kops::Lag", "growing");
    if (!drainSeconds)
        return QCoreApplication::translate("kops::Lag", "not draining");
    return formatDuration(*drainSeconds);
}

QJsonObject GroupLag::toJson() const
{
    QJsonArray parts;
    for (const PartitionLag &p : partitions)
        parts.append(p.toJson());
    return QJsonObject{
        {QStringLiteral("group"), groupId},
        {QStringLiteral("state"), state},
        {QStringLiteral("status"), healthStatusName(status)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("members"), memberCount},
        {QStringLiteral("totalLag"), double(totalLag)},
        {QStringLiteral("maxTimeLagSeconds"), opt(maxTimeLagSeconds)},
        {QStringLiteral("produceRate"), std::round(produceRate * 1000.0) / 1000.0},
        {QStringLiteral("consumeRate"), std::round(consumeRate * 1000.0) / 1000.0},
        {QStringLiteral("drainSeconds"), opt(drainSeconds)},
        {QStringLiteral("growing"), growing},
        {QStringLiteral("lastCommitAgeSeconds"), opt(lastCommitAgeSeconds)},
        {QStringLiteral("offsetSource"), offsetSource},
        {QStringLiteral("partitions"), parts},
    };
}

const GroupLag *LagSnapshot::group(const QString &groupId) const
{
    for (const GroupLag &g : groups)
        if (g.groupId == groupId)
            return &g;
    return nullptr;
}

QJsonObject LagThreshold::toJson() const
{
    QJsonObject o{{QStringLiteral("group"), group}, {QStringLiteral("topic"), topic}};
    if (maxLag)
        o.insert(QStringLiteral("maxLag"), double(*maxLag));
    if (maxTimeLagSeconds)
        o.insert(QStringLiteral("maxTimeLagSeconds"), *maxTimeLagSeconds);
    return o;
}

LagThreshold LagThreshold::fromJson(const QJsonObject &o)
{
    LagThreshold t;
    t.group = o.value(QStringLiteral("group")).toString();
    t.topic = o.value(QStringLiteral("topic")).toString();
    if (o.contains(QStringLiteral("maxLag")))
        t.maxLag = qint64(o.value(QStringLiteral("maxLag")).toDouble());
    if (o.contains(QStringLiteral("maxTimeLagSeconds")))
        t.maxTimeLagSeconds = o.value(QStringLiteral("maxTimeLagSeconds")).toDouble();
    return t;
}

} // namespace kops
