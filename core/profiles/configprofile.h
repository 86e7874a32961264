#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace kops {

enum class ProfileType { Producer, Consumer, Topic, Jvm };
/// What the owner of a profile is willing to lose: drives the severity of lint findings.
enum class ProfileIntent { Throughput, NoLoss, Ordered };

QString profileTypeName(ProfileType type);   ///< "producer", "consumer", "topic", "jvm"
QString profileIntentName(ProfileIntent intent); ///< "throughput", "no-loss", "ordered"
std::optional<ProfileType> profileTypeFromName(const QString &name);
std::optional<ProfileIntent> profileIntentFromName(const QString &name);
QList<ProfileType> allProfileTypes();
QList<ProfileIntent> allProfileIntents();

/// A named set of Kafka (or broker JVM) settings with the intent it must serve.
/// JVM profiles keep one entry per option: "-Xmx" -> "16G", "-XX:UseG1GC" -> "true",
/// "-XX:MaxGCPauseMillis" -> "50"; see jvmoptions.h.
struct ConfigProfile
{
    QString name;
    ProfileType type = ProfileType::Producer;
    ProfileIntent intent = ProfileIntent::NoLoss;
    QMap<QString, QString> settings;
    QString hostRam; ///< JVM profiles: RAM of the broker host, e.g. "32G" (empty: unknown)
    QString description;

    std::optional<QString> value(const QString &key) const;
    QJsonObject toJson() const;
    static std::optional<ConfigProfile> fromJson(const QJsonObject &obj, QString *error = nullptr);

    friend bool operator==(const ConfigProfile &, const ConfigProfile &) = default;
};

/// Built-in starting points: one per type and intent, plus JVM profiles for common host sizes.
QList<ConfigProfile> builtInTemplates();

} // namespace kops
