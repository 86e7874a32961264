#include "connectionstore.h"

#include <QCoreApplication>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace kops {

ConnectionStore::ConnectionStore()
    : ConnectionStore(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                      + QStringLiteral("/connections.json"))
{
}

ConnectionStore::ConnectionStore(QString filePath) : m_path(std::move(filePath)) {}

Result<QList<ConnectionProfile>> ConnectionStore::load() const
{
    QFile f(m_path);
    if (!f.exists())
        return QList<ConnectionProfile>{};
    if (!f.open(QIODevice::ReadOnly))
        return KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::Cluster", "Cannot read %1: %2").arg(m_path, f.errorString()));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError)
        return KafkaError::make(QStringLiteral("PARSE"),
                                QCoreApplication::translate("kops::Cluster", "%1 is not valid JSON at offset %2: %3")
                                    .arg(m_path)
                                    .arg(perr.offset)
                                    .arg(perr.errorString()));
    QList<ConnectionProfile> out;
    const QJsonArray arr = doc.object().value(QStringLiteral("connections")).toArray();
    for (const QJsonValue &v : arr)
        out.append(ConnectionProfile::fromJson(v.toObject()));
    return out;
}

Status ConnectionStore::save(const QList<ConnectionProfile> &profiles) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QJsonArray arr;
    for (const ConnectionProfile &p : profiles)
        arr.append(p.toJson());
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::Cluster", "Cannot write %1: %2").arg(m_path, f.errorString()));
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("connections"), arr}})
                .toJson(QJsonDocument::Indented));
    if (!f.commit())
        return KafkaError::make(QStringLiteral("IO"), QCoreApplication::translate("kops::Cluster", "Cannot write %1: %2").arg(m_path, f.errorString()));
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return Done{};
}

Result<ConnectionProfile> ConnectionStore::find(const QString &name) const
{
    auto all = load();
    if (!all)
        return all.error();
    for (const ConnectionProfile &p : all.value())
        if (p.name == name)
            return p;
    QStringList names;
    for (const ConnectionProfile &p : all.value())
        names << p.name;
    return KafkaError::make(QStringLiteral("NOT_FOUND"),
                            names.isEmpty() ? QCoreApplication::translate("kops::Cluster", "No connection profile named '%1' (none are defined).").arg(name)
                                            : QCoreApplication::translate("kops::Cluster", "No connection profile named '%1' (known: %2).")
                                                  .arg(name, names.join(QStringLiteral(", "))));
}

Status ConnectionStore::upsert(const ConnectionProfile &profile, const QString &previousName)
{
    auto all = load();
    if (!all)
        return all.error();
    QList<ConnectionProfile> list = all.value();
    const QString key = previousName.isEmpty() ? profile.name : previousName;
    auto it = std::find_if(list.begin(), list.end(), [&](const ConnectionProfile &p) { return p.name == key; });
    if (it != list.end())
        *it = profile;
    else
        list.append(profile);
    return save(list);
}

Status ConnectionStore::remove(const QString &name)
{
    auto all = load();
    if (!all)
        return all.error();
    QList<ConnectionProfile> list = all.value();
    list.erase(std::remove_if(list.begin(), list.end(), [&](const ConnectionProfile &p) { return p.name == name; }),
               list.end());
    return save(list);
}

} // namespace kops
