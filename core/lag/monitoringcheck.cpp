#include "monitoringcheck.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace kops {

namespace {

/// Worst state first: CRITICAL > UNKNOWN > WARNING > OK.
int stateRank(int state)
{
    switch (state) {
    case 2: return 3;
    case 3: return 2;
    case 1: return 1;
    default: return 0;
    }
}

/// Perf-data labels are single-quoted; a quote inside is doubled and '=' cannot appear.
QString perfLabel(const QString &group, const QString &what)
{
    QString label = group + QLatin1Char('/') + what;
    label.replace(QLatin1Char('\''), QStringLiteral("''"));
    label.replace(QLatin1Char('='), QLatin1Char('_'));
    return QLatin1Char('\'') + label + QLatin1Char('\'');
}

QString number(double v)
{
    return QString::number(std::round(v * 1000.0) / 1000.0, 'f', 3).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

} // namespace

QString MonitoringCheck::stateName(int state)
{
    switch (state) {
    case 0: return QStringLiteral("OK");
    case 1: return QStringLiteral("WARNING");
    case 2: return QStringLiteral("CRITICAL");
    default: return QStringLiteral("UNKNOWN");
    }
}

QString MonitoringCheck::goneReason()
{
    return QStringLiteral("gone: the cluster no longer has this group (offsets expired or deleted)");
}

MonitoringCheck MonitoringCheck::evaluate(const LagSnapshot &snapshot, const LagMonitor &limits, const QStringList &gone)
{
    MonitoringCheck c;
    c.groups = int(snapshot.groups.size() + gone.size());
    int counts[4] = {0, 0, 0, 0};
    for (const GroupLag &g : snapshot.groups) {
        const int s = monitoringPluginState(g.status);
        ++counts[s];
        if (stateRank(s) > stateRank(c.state))
            c.state = s;
        if (g.status != HealthStatus::Ok)
            c.problems << QStringLiteral("%1 %2: %3").arg(healthStatusName(g.status), g.groupId, g.reason);
        const LagThreshold limit = limits.thresholdFor(g.groupId, QString());
        const QString crit = limit.maxLag ? QString::number(*limit.maxLag) : QString();
        // No committed offset: no lag to report (never 0).
        const bool anyCommit = std::any_of(g.partitions.cbegin(), g.partitions.cend(),
                                           [](const PartitionLag &p) { return p.committed.has_value(); });
        if (anyCommit)
            c.perfData << QStringLiteral("%1=%2;;%3;0").arg(perfLabel(g.groupId, QStringLiteral("lag")))
                              .arg(g.totalLag)
                              .arg(crit);
        if (g.maxTimeLagSeconds)
            c.perfData << QStringLiteral("%1=%2s;;%3;0")
                              .arg(perfLabel(g.groupId, QStringLiteral("time_lag")), number(*g.maxTimeLagSeconds),
                                   limit.maxTimeLagSeconds ? number(*limit.maxTimeLagSeconds) : QString());
    }
    for (const QString &g : gone) {
        ++counts[3];
        if (stateRank(3) > stateRank(c.state))
            c.state = 3;
        c.problems << QStringLiteral("UNKNOWN %1: %2").arg(g, goneReason());
    }
    QStringList parts;
    if (counts[2])
        parts << QStringLiteral("%1 critical").arg(counts[2]);
    if (counts[3])
        parts << QStringLiteral("%1 unknown").arg(counts[3]);
    if (counts[1])
        parts << QStringLiteral("%1 warning").arg(counts[1]);
    if (counts[0])
        parts << QStringLiteral("%1 ok").arg(counts[0]);
    c.summary = QStringLiteral("KAFKA LAG %1 - %2 consumer group%3")
                    .arg(stateName(c.state))
                    .arg(c.groups)
                    .arg(c.groups == 1 ? QString() : QStringLiteral("s"));
    if (!parts.isEmpty())
        c.summary += QStringLiteral(": ") + parts.join(QStringLiteral(", "));
    if (!c.problems.isEmpty())
        c.summary += QStringLiteral("; ") + c.problems.first();
    return c;
}

MonitoringCheck MonitoringCheck::failed(const QString &error)
{
    MonitoringCheck c;
    c.state = 3;
    c.summary = QStringLiteral("KAFKA LAG UNKNOWN - %1").arg(error);
    return c;
}

QString MonitoringCheck::pluginOutput() const
{
    QString s = summary;
    s.replace(QLatin1Char('|'), QLatin1Char('/')); // '|' starts the perf data
    if (!perfData.isEmpty())
        s += QStringLiteral(" | ") + perfData.join(QLatin1Char(' '));
    s += QLatin1Char('\n');
    for (QString p : problems) {
        p.replace(QLatin1Char('|'), QLatin1Char('/'));
        s += p + QLatin1Char('\n');
    }
    return s;
}

} // namespace kops
