#include "profilestore.h"

#include <QCoreApplication>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace kops {

ProfileStore::ProfileStore()
    : ProfileStore(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/profiles"))
{
}

ProfileStore::ProfileStore(QString directory) : m_dir(std::move(directory)) {}

QString ProfileStore::filePath(const QString &name) const
{
    // Keep file names portable; the real name lives inside the JSON.
    QString safe;
    for (const QChar c : name)
        safe += (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.'))
                    ? c
                    : QLatin1Char('_');
    return m_dir + QLatin1Char('/') + safe + QStringLiteral(".json");
}

QList<ConfigProfile> ProfileStore::list(QStringList *errors) const
{
    QList<ConfigProfile> out;
    const QDir dir(m_dir);
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly)) {
            if (errors)
                *errors << QStringLiteral("%1: %2").arg(f.fileName(), f.errorString());
            continue;
        }
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
        QString why = perr.error == QJsonParseError::NoError ? QString() : perr.errorString();
        std::optional<ConfigProfile> p;
        if (why.isEmpty())
            p = ConfigProfile::fromJson(doc.object(), &why);
        if (!p) {
            if (errors)
                *errors << QStringLiteral("%1: %2").arg(f.fileName(), why);
            continue;
        }
        out.append(*p);
    }
    std::stable_sort(out.begin(), out.end(), [](const ConfigProfile &a, const ConfigProfile &b) {
        return int(a.type) != int(b.type) ? int(a.type) < int(b.type) : a.name < b.name;
    });
    return out;
}

Result<ConfigProfile> ProfileStore::load(const QString &name) const
{
    QStringList errors;
    const QList<ConfigProfile> all = list(&errors);
    for (const ConfigProfile &p : all)
        if (p.name == name)
            return p;
    QStringList names;
    for (const ConfigProfile &p : all)
        names << p.name;
    return KafkaError::make(QStringLiteral("NOT_FOUND"),
                            names.isEmpty() ? QCoreApplication::translate("kops::Profiles", "No profile named '%1' (none saved in %2).").arg(name, m_dir)
                                            : QCoreApplication::translate("kops::Profiles", "No profile named '%1' (known: %2).")
                                                  .arg(name, names.join(QStringLiteral(", "))),
                            errors);
}

Status ProfileStore::save(const ConfigProfile &profile) const
{
    if (profile.name.trimmed().isEmpty())
        return KafkaError::make(QStringLiteral("INVALID"), QCoreApplication::translate("kops::Profiles", "A profile needs a name."));
    if (!QDir().mkpath(m_dir))
        return KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::Profiles", "Cannot create %1.").arg(m_dir));
    // Names that differ only in characters unsafe for file names ("a/b", "a_b") would share a file.
    if (QFile existing(filePath(profile.name)); existing.open(QIODevice::ReadOnly)) {
        const QString owner = QJsonDocument::fromJson(existing.readAll()).object().value(QStringLiteral("name")).toString();
        if (!owner.isEmpty() && owner != profile.name)
            return KafkaError::make(QStringLiteral("CONFLICT"),
                                    QCoreApplication::translate("kops::Profiles", "The name '%1' would overwrite the profile '%2'; choose another name.")
                                        .arg(profile.name, owner));
    }
    QSaveFile f(filePath(profile.name));
    if (!f.open(QIODevice::WriteOnly))
        return KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::Profiles", "Cannot write %1: %2").arg(f.fileName(), f.errorString()));
    f.write(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::Profiles", "Cannot write %1: %2").arg(f.fileName(), f.errorString()));
    return Done{};
}

Status ProfileStore::remove(const QString &name) const
{
    QFile f(filePath(name));
    if (!f.exists())
        return KafkaError::make(QStringLiteral("NOT_FOUND"), QCoreApplication::translate("kops::Profiles", "No profile named '%1'.").arg(name));
    if (!f.remove())
        return KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::Profiles", "Cannot delete %1: %2").arg(f.fileName(), f.errorString()));
    return Done{};
}

} // namespace kops
