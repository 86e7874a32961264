#pragma once

#include "configprofile.h"
#include "kafkaerror.h"

namespace kops {

/// Profiles as one JSON file each in <AppConfigLocation>/profiles/.
class ProfileStore final
{
public:
    ProfileStore();
    explicit ProfileStore(QString directory);

    QString directory() const { return m_dir; }
    QString filePath(const QString &name) const;

    /// Every readable profile, sorted by type then name; unreadable files are reported in errors.
    QList<ConfigProfile> list(QStringList *errors = nullptr) const;
    Result<ConfigProfile> load(const QString &name) const;
    /// Writes atomically; a profile with a new name is a new file.
    Status save(const ConfigProfile &profile) const;
    Status remove(const QString &name) const;

private:
    QString m_dir;
};

} // namespace kops
