#pragma once

#include "lagmonitor.h"
#include "lagtypes.h"

#include <QString>
#include <QStringList>

namespace kops {

/// Lag health as a monitoring plugin reports it (Nagios, Icinga, Sensu conventions):
/// one state for the whole check (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN; CRITICAL
/// outranks UNKNOWN, which outranks WARNING), a one-line summary, one line per group
/// that is not OK, and performance data per group ('group/lag'=N;warn;crit;0).
struct MonitoringCheck
{
    int state = 0;
    QString summary;         ///< "KAFKA LAG CRITICAL - ..." (no perf data)
    QStringList problems;    ///< "ERR billing: orders/0: lag 60 above the limit of 50"
    QStringList perfData;    ///< "'billing/lag'=60;;50;0"
    int groups = 0;

    /// limits: the console's thresholds (the group-wide rule of each group gives crit).
    /// gone: groups seen before that the cluster no longer has (each is UNKNOWN).
    static MonitoringCheck evaluate(const LagSnapshot &snapshot, const LagMonitor &limits, const QStringList &gone = {});
    /// The check could not run at all (cluster unreachable, authentication failed): UNKNOWN.
    static MonitoringCheck failed(const QString &error);

    /// "SUMMARY | perf\nproblem\nproblem...\n": the plugin's whole output.
    QString pluginOutput() const;
    static QString stateName(int state); ///< "OK", "WARNING", "CRITICAL", "UNKNOWN"
    static QString goneReason();
};

} // namespace kops
