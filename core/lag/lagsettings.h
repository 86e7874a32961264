#pragma once

#include "kafkaerror.h"
#include "lagtypes.h"

#include <QString>
#include <QStringList>

namespace kops {

/// Per-connection lag settings: thresholds, watched groups, the alert command.
/// Stored as JSON in <AppConfigLocation>/lag-settings.json.
struct LagSettings
{
    QList<LagThreshold> thresholds;
    QStringList watchedGroups; ///< empty: all groups
    QString alertCommand;      ///< run with each alert as JSON on stdin; empty: none
    bool desktopNotifications = true;
    int windowSize = 10;
    /// Read committed offsets and commit times from __consumer_offsets (OffsetFetch when it
    /// cannot be read, or when off).
    bool readCommitStream = true;
    int commitStreamLookBackMinutes = 0; ///< where the stream starts; 0: the log start (compacted)
    /// Disk budget of this connection's lag history; the oldest data goes first beyond it.
    int historyBudgetMB = 500;

    static QString defaultPath();
    static Result<LagSettings> load(const QString &connection, const QString &path = {});
    static Status save(const QString &connection, const LagSettings &settings, const QString &path = {});
};

} // namespace kops
