#pragma once

#include "commitstream.h"

#include <QHash>
#include <QString>

#include <optional>

namespace kops {

/// What a commit-stream reader keeps between runs: the state it built from `__consumer_offsets`
/// and where it stopped in each partition, so that a new process (a `kafka-ops lag` run from
/// cron, the console started again) continues from there instead of reading the look-back again.
struct SavedCommitStream
{
    QString clusterId;         ///< the cluster it was read from (empty when the cluster does not say)
    int partitions = 0;        ///< of `__consumer_offsets` then
    qint64 savedAtMs = 0;
    qint64 coversSinceMs = -1; ///< see CommitStreamReader::coversSinceMs()
    QHash<int, qint64> positions;
    QHash<QString, StreamGroup> groups;
    qint64 applied = 0;
    qint64 skipped = 0;
};

namespace commitstreamfile {
/// Written to a temporary file and renamed over `path`: a crash leaves the previous one.
bool save(const QString &path, const SavedCommitStream &saved, QString *why = nullptr);
/// nullopt when there is none, or it is damaged or of another format version.
std::optional<SavedCommitStream> load(const QString &path);
/// The file for a connection, next to the lag history (`dir`/commit-stream/<connection>.bin).
QString pathFor(const QString &dir, const QString &connection);
} // namespace commitstreamfile

} // namespace kops
