#pragma once

#include "configprofile.h"

#include <QStringList>

#include <optional>

namespace kops {

/// What a configuration value must look like.
enum class ValueType { Int, Long, Double, Bool, String, Enum, List, Size };

/// One known configuration key (Java producer/consumer, topic, or broker JVM option).
struct KeyInfo
{
    QString name;
    QList<ProfileType> scopes;
    ValueType valueType = ValueType::String;
    std::optional<double> min;
    std::optional<double> max;
    QStringList enumValues;  ///< allowed values for Enum (compared case-insensitively)
    QString defaultValue;    ///< Java client default (Kafka 3.x); empty: none
    QString unit;            ///< "ms", "bytes", ...
    QString summary;         ///< one sentence, English (the source text; see ConfigKeys::summary())
    bool important = false;  ///< shown in the editor's form
};

/// The table of configuration keys the linter knows.
class ConfigKeys final
{
public:
    static const QList<KeyInfo> &all();
    static const KeyInfo *find(ProfileType type, const QString &key);
    /// A key known for some other profile type (e.g. a consumer key in a producer file).
    static const KeyInfo *findAnyScope(const QString &key);
    static QList<const KeyInfo *> important(ProfileType type);
    /// The known key of this type closest to a misspelling, or empty when nothing is close.
    static QString closest(ProfileType type, const QString &key);
    /// Problem with the value (wrong type, out of range, not one of the allowed values), or nullopt.
    static std::optional<QString> validate(const KeyInfo &info, const QString &value);
    /// https://kafka.apache.org/documentation/#producerconfigs_acks and friends.
    static QString docUrl(ProfileType type, const QString &key);
    /// The summary in the installed language (context "kops::ConfigKeys"; English without a catalogue).
    static QString summary(const KeyInfo &info);
    /// Tooltip text in the installed language: summary, unit, range, allowed values, default.
    static QString describe(const KeyInfo &info);
};

int editDistance(const QString &a, const QString &b);

} // namespace kops
