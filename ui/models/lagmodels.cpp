#include "lagmodels.h"

#include <QBrush>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace kops {

namespace {

QVariant header(int section, Qt::Orientation orientation, int role, const QStringList &names)
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    return names.at(section);
}

const QColor kStaleColor(150, 150, 150);

QString sampleAge(qint64 sampledAtMs)
{
    return formatDuration(std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - sampledAtMs) / 1000.0);
}

QString timeLagText(const std::optional<double> &seconds, bool estimated)
{
    if (!seconds)
        return QStringLiteral("-");
    return formatDuration(*seconds) + (estimated ? QStringLiteral(" ≈") : QString());
}

} // namespace

QColor healthColor(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok: return QColor(46, 160, 67);
    case HealthStatus::Warn: return QColor(219, 154, 4);
    case HealthStatus::Rewind: return QColor(137, 87, 229);
    case HealthStatus::Stall: return QColor(225, 111, 36);
    case HealthStatus::Stop: return QColor(207, 34, 46);
    case HealthStatus::Err: return QColor(164, 14, 38);
    case HealthStatus::Unknown: return QColor(110, 118, 129);
    }
    return QColor(Qt::gray);
}

QVariant LagGroupsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const GroupLag &g = row(index.row());
    const QLocale locale;
    const bool stale = isStale(g);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Status: return healthStatusName(g.status);
        case Group: return stale ? tr("%1 (%2 old)").arg(g.groupId, sampleAge(g.sampledAtMs)) : g.groupId;
        case State: return g.state;
        case Members: return g.memberCount;
        case TotalLag: return locale.toString(g.totalLag);
        case MaxTimeLag: return timeLagText(g.maxTimeLagSeconds, g.maxTimeLagEstimated);
        // Only the commit stream knows when a commit happened; OffsetFetch leaves it unknown.
        case LastCommit: return g.lastCommitAgeSeconds ? tr("%1 ago").arg(formatElapsed(*g.lastCommitAgeSeconds)) : QStringLiteral("-");
        case Trend: return {};
        case Drain: return g.drainText();
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case Status: return healthSeverity(g.status);
        case Group: return g.groupId;
        case State: return g.state;
        case Members: return g.memberCount;
        case TotalLag: return g.totalLag;
        case MaxTimeLag: return g.maxTimeLagSeconds.value_or(-1);
        case LastCommit: return g.lastCommitAgeSeconds.value_or(-1);
        case Trend: return g.trend.isEmpty() ? 0.0 : g.trend.last() - g.trend.first();
        case Drain: return g.growing ? 1e18 : g.drainSeconds.value_or(g.totalLag > 0 ? 1e17 : -1);
        }
        break;
    case TrendRole:
        return QVariant::fromValue(g.trend);
    case StaleRole:
        return stale;
    case Qt::BackgroundRole:
        if (index.column() == Status)
            return QBrush(stale ? kStaleColor : healthColor(g.status));
        break;
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return QBrush(Qt::white);
        if (stale)
            return QBrush(kStaleColor);
        if (index.column() == Drain && g.growing)
            return QBrush(healthColor(HealthStatus::Stop));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Status)
            return int(Qt::AlignCenter);
        if (index.column() == Members || index.column() == TotalLag || index.column() == MaxTimeLag
            || index.column() == LastCommit)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (stale)
            return tr("Not sampled since %1 (%2 ago): the last sampling round failed.\n%3")
                .arg(QDateTime::fromMSecsSinceEpoch(g.sampledAtMs).toString(QStringLiteral("HH:mm:ss")),
                     sampleAge(g.sampledAtMs), g.reason);
        if (index.column() == LastCommit)
            return g.lastCommitAgeSeconds ? tr("Latest commit on any partition, read from the commit stream")
                                          : tr("Unknown: committed offsets read with %1, which does not say when a commit happened")
                                                .arg(g.offsetSource.isEmpty() ? QStringLiteral("OffsetFetch") : g.offsetSource);
        return g.reason;
    }
    return {};
}

void LagGroupsModel::setStaleBefore(qint64 ms)
{
    if (ms == m_staleBefore)
        return;
    m_staleBefore = ms;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant LagGroupsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return header(section, orientation, role,
                  {tr("Status"), tr("Group"), tr("State"), tr("Members"), tr("Total lag"), tr("Max time lag"),
                   tr("Last commit"), tr("Trend"), tr("Drain")});
}

int LagGroupsModel::rowOf(const QString &groupId) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (row(r).groupId == groupId)
            return r;
    return -1;
}

QVariant LagPartitionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const PartitionLag &p = row(index.row());
    const QLocale locale;
    const auto dash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("-") : s; };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Topic: return p.topic;
        case Partition: return p.partition;
        case Committed: return p.committed ? locale.toString(*p.committed) : tr("no commit");
        case LogEnd: return p.logEnd == kNoOffset ? QStringLiteral("?") : locale.toString(p.logEnd);
        case Lag: return p.lag ? locale.toString(*p.lag) : QStringLiteral("-");
        case TimeLag: return timeLagText(p.timeLagSeconds, p.timeLagEstimated);
        case Status: return healthStatusName(p.status);
        case Member: return dash(p.clientId.isEmpty() ? p.memberId : p.clientId);
        case Host: return dash(p.host);
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case Topic: return p.topic;
        case Partition: return p.partition;
        case Committed: return p.committed.value_or(-1);
        case LogEnd: return p.logEnd;
        case Lag: return p.lag.value_or(-1);
        case TimeLag: return p.timeLagSeconds.value_or(-1);
        case Status: return healthSeverity(p.status);
        case Member: return p.memberId;
        case Host: return p.host;
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == Status)
            return QBrush(healthColor(p.status));
        break;
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return QBrush(Qt::white);
        if (index.column() == Lag && p.truncated)
            return QBrush(healthColor(HealthStatus::Stop));
        if (index.column() == Committed && (!p.committed || p.lostToRetention > 0))
            return QBrush(p.lostToRetention > 0 ? healthColor(HealthStatus::Stop) : QColor(120, 120, 120));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Status)
            return int(Qt::AlignCenter);
        if (index.column() >= Partition && index.column() <= LogEnd)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole: {
        QString tip = p.reason;
        if (p.timeLagEstimated)
            tip += tr("\nTime lag estimated from the history (the record at the committed offset could not be read).");
        if (!p.memberId.isEmpty())
            tip += tr("\nMember %1").arg(p.memberId);
        return tip;
    }
    }
    return {};
}

QVariant LagPartitionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return header(section, orientation, role,
                  {tr("Status"), tr("Topic"), tr("Partition"), tr("Lag"), tr("Time lag"), tr("Committed"), tr("Log end"),
                   tr("Member"), tr("Host")});
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Alert &a = row(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return a.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Group: return a.group;
        case Topic: return a.topic.isEmpty() ? QStringLiteral("-") : a.topic;
        case Status: return healthStatusName(a.status);
        case Reason: return a.reason;
        case Lag: return locale.toString(a.totalLag);
        case TimeLag: return a.maxTimeLagSeconds ? formatDuration(*a.maxTimeLagSeconds) : QStringLiteral("-");
        case State:
            return a.resolvedAt.isValid() ? tr("resolved %1").arg(a.resolvedAt.toString(QStringLiteral("HH:mm:ss")))
                                          : (a.acknowledged ? tr("open, acknowledged") : tr("open"));
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case Time: return a.at.toMSecsSinceEpoch();
        case Lag: return a.totalLag;
        case TimeLag: return a.maxTimeLagSeconds.value_or(-1);
        case Status: return healthSeverity(a.status);
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::BackgroundRole:
        if (index.column() == Status)
            return QBrush(healthColor(a.status));
        break;
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return QBrush(Qt::white);
        if (a.acknowledged || a.resolvedAt.isValid())
            return QBrush(QColor(120, 120, 120));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Status)
            return int(Qt::AlignCenter);
        if (index.column() == Lag || index.column() == TimeLag)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (!a.acknowledged && !a.resolvedAt.isValid()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ToolTipRole:
        return a.reason;
    }
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return header(section, orientation, role,
                  {tr("Time"), tr("Group"), tr("Topic"), tr("Status"), tr("Lag"), tr("Time lag"), tr("State"), tr("Reason")});
}

} // namespace kops
