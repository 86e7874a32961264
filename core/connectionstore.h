#pragma once

#include "connectionprofile.h"
#include "kafkaerror.h"

#include <QList>
#include <QString>

namespace kops {

/// Connection profiles as JSON in the user's config directory (never passwords).
class ConnectionStore final
{
public:
    /// Default location: <AppConfigLocation>/connections.json.
    ConnectionStore();
    explicit ConnectionStore(QString filePath);

    QString filePath() const { return m_path; }

    /// Reads the file; a missing file is an empty list, a broken one an error naming the problem.
    Result<QList<ConnectionProfile>> load() const;
    /// Writes atomically (QSaveFile) so a crash never leaves half a file.
    Status save(const QList<ConnectionProfile> &profiles) const;

    Result<ConnectionProfile> find(const QString &name) const;
    Status upsert(const ConnectionProfile &profile, const QString &previousName = {});
    Status remove(const QString &name);

private:
    QString m_path;
};

} // namespace kops
