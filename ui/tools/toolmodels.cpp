#include "toolmodels.h"

#include <QDateTime>
#include <QLocale>

namespace kops {

QString rateText(double perSecond)
{
    if (perSecond >= 100)
        return QString::number(qRound64(perSecond));
    return QString::number(perSecond, 'f', perSecond >= 10 ? 1 : 2);
}

namespace {

QString timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

bool isNumberColumn(int role)
{
    return role == Qt::TextAlignmentRole;
}

const QVariant kRight = QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));

} // namespace

// ---- drain partitions ----

QVariant DrainPartitionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const DrainPartition &p = row(index.row());
    if (isNumberColumn(role))
        return index.column() == Topic ? QVariant() : kRight;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Topic: return p.topic;
        case Partition: return p.partition;
        case Committed: return p.committed >= 0 ? QVariant(p.committed) : QVariant(tr("none (from the log start)"));
        case LogEnd: return p.logEnd;
        case Backlog: return p.backlog;
        case ConsumeRate: return p.consumeRate ? rateText(*p.consumeRate) : tr("unknown");
        }
    } else if (role == RawValueRole) {
        switch (index.column()) {
        case Topic: return p.topic;
        case Partition: return p.partition;
        case Committed: return p.committed;
        case LogEnd: return p.logEnd;
        case Backlog: return p.backlog;
        case ConsumeRate: return p.consumeRate.value_or(-1);
        }
    }
    return {};
}

QVariant DrainPartitionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return horizontalHeaderLabel(section, orientation, role,
                  {tr("Topic"), tr("Partition"), tr("Committed"), tr("Log end"), tr("Backlog"), tr("Consumed/s")});
}

// ---- drain journal ----

QVariant DrainJournalModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const DrainJobRow &r = row(index.row());
    const RelayJob &j = r.job;
    if (isNumberColumn(role))
        return index.column() == Records ? kRight : QVariant();
    const QJsonValue topics = j.spec.value(QStringLiteral("topics"));
    const QString from = topics.isArray() ? topics.toVariant().toStringList().join(QStringLiteral(", "))
                                          : j.spec.value(QStringLiteral("topic")).toString();
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Started: return timeOf(j.startedMs);
        case Who: return j.user;
        case Group: return j.spec.value(QStringLiteral("group")).toString();
        case From: return from;
        case Into: return j.spec.value(QStringLiteral("target")).toString();
        case State: return j.detail.isEmpty() ? j.state : j.state + QStringLiteral(": ") + j.detail;
        case Records: return j.consumed;
        case Ranges: {
            QStringList ranges;
            for (const RelayRange &range : r.ranges)
                if (range.toOffset > range.fromOffset)
                    ranges << QStringLiteral("%1/%2 [%3, %4)").arg(range.topic).arg(range.partition).arg(range.fromOffset).arg(range.toOffset);
            return ranges.isEmpty() ? QStringLiteral("-") : ranges.join(QStringLiteral(", "));
        }
        }
    } else if (role == RawValueRole) {
        switch (index.column()) {
        case Started: return j.startedMs;
        case Records: return j.consumed;
        default: return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant DrainJournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return horizontalHeaderLabel(section, orientation, role,
                  {tr("Started"), tr("Who"), tr("Group"), tr("From"), tr("Into"), tr("State"), tr("Records"), tr("Ranges")});
}

// ---- delay tiers ----

QVariant DelayTiersModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const DelayTierStatus &s = row(index.row());
    if (isNumberColumn(role))
        return index.column() == Partitions || index.column() == Backlog ? kRight : QVariant();
    const qint64 now = m_nowMs > 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
    auto timeText = [&](const std::optional<qint64> &ms) -> QString {
        if (!ms)
            return QStringLiteral("-");
        const QString at = QDateTime::fromMSecsSinceEpoch(*ms).toString(QStringLiteral("HH:mm:ss"));
        return *ms > now ? tr("%1 (in %2)").arg(at, formatDelay(*ms - now)) : tr("%1 (due)").arg(at);
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Tier: return s.tier.name;
        case Topic: return s.topic;
        case Partitions: return s.exists ? QVariant(s.partitions) : QVariant(tr("missing"));
        case Backlog: return s.backlog;
        case OldestDue: return timeText(s.oldestDueMs);
        case NextDue: return timeText(s.nextReadyMs);
        }
    } else if (role == RawValueRole) {
        switch (index.column()) {
        case Tier: return s.tier.ms;
        case Topic: return s.topic;
        case Partitions: return s.partitions;
        case Backlog: return s.backlog;
        case OldestDue: return s.oldestDueMs.value_or(std::numeric_limits<qint64>::max());
        case NextDue: return s.nextReadyMs.value_or(std::numeric_limits<qint64>::max());
        }
    }
    return {};
}

QVariant DelayTiersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return horizontalHeaderLabel(section, orientation, role,
                  {tr("Tier"), tr("Topic"), tr("Partitions"), tr("Backlog"), tr("Oldest due"), tr("Next due")});
}

// ---- router runs ----

QString RouterRunsModel::stateText(const RelayJob &j) const
{
    if (j.state == QLatin1String("running")) {
        const qint64 now = m_nowMs > 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
        const qint64 heard = qint64(j.result.value(QStringLiteral("updatedMs")).toDouble(double(j.startedMs)));
        if (now - heard > kSilentMs)
            return tr("interrupted (last heard %1)").arg(QDateTime::fromMSecsSinceEpoch(heard).toString(QStringLiteral("HH:mm:ss")));
        return tr("running");
    }
    if (j.state == QLatin1String("stopped"))
        return tr("stopped");
    if (j.state == QLatin1String("failed"))
        return j.detail.isEmpty() ? tr("failed") : tr("failed: %1").arg(j.detail);
    return j.state;
}

QVariant RouterRunsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const RelayJob &j = row(index.row());
    if (isNumberColumn(role))
        return index.column() >= Forwarded && index.column() <= LatenessMax ? kRight : QVariant();
    const auto number = [&](const char *name) { return qint64(j.result.value(QLatin1String(name)).toDouble(0)); };
    const bool measured = j.result.contains(QStringLiteral("forwarded"));
    const auto ms = [&](const char *name) -> QVariant {
        if (!measured || number("forwarded") == 0)
            return QStringLiteral("-");
        return tr("%1 ms").arg(number(name));
    };
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Started: return QDateTime::fromMSecsSinceEpoch(j.startedMs).toString(QStringLiteral("MM-dd HH:mm:ss"));
        case Who: return j.user;
        case Connection: return j.connection;
        case Queue: return j.spec.value(QStringLiteral("prefix")).toString();
        case State: return stateText(j);
        case Forwarded: return measured ? QVariant(number("forwarded")) : QVariant(QStringLiteral("-"));
        case Retiered: return measured ? QVariant(number("retiered")) : QVariant(QStringLiteral("-"));
        case LatenessP50: return ms("latenessP50");
        case LatenessP99: return ms("latenessP99");
        case LatenessMax: return ms("latenessMax");
        }
    } else if (role == RawValueRole) {
        switch (index.column()) {
        case Started: return j.startedMs;
        case Forwarded: return number("forwarded");
        case Retiered: return number("retiered");
        case LatenessP50: return number("latenessP50");
        case LatenessP99: return number("latenessP99");
        case LatenessMax: return number("latenessMax");
        default: return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant RouterRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return horizontalHeaderLabel(section, orientation, role,
                  {tr("Started"), tr("Queue"), tr("State"), tr("Forwarded"), tr("Re-tiered"), tr("Lateness p50"),
                   tr("Lateness p99"), tr("Lateness max"), tr("Who"), tr("Connection")});
}

} // namespace kops
