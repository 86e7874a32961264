#pragma once

#include "configlinter.h"
#include "configprofile.h"
#include "propertiesfile.h"

#include <optional>

namespace kops {

/// Reading and writing profiles as the files Kafka tools use: .properties for clients
/// and topics, KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS lines for broker JVMs,
/// and the console's own JSON.
class ProfileIo final
{
public:
    enum class Format { Properties, Env, Json };

    struct Imported
    {
        ConfigProfile profile;
        QList<ParseIssue> issues;
        QMap<QString, int> lines; ///< line of each setting
    };

    /// Guesses producer/consumer/topic/jvm from the file name, then from the keys.
    static ProfileType guessType(const QString &text, const QString &fileName = {});
    /// Reads text; never fails: unusable lines become issues. JSON profiles keep their own type/intent
    /// unless type/intent are given.
    static Imported import(const QString &text, const QString &fileName, std::optional<ProfileType> type,
                           std::optional<ProfileIntent> intent);
    static QString exportProfile(const ConfigProfile &profile, Format format);
    static std::optional<Format> formatFromName(const QString &name);
    /// Lint findings of an imported file: parse problems and rules, each with the line it concerns.
    static QList<LintFinding> lintImported(const Imported &imported, const LintContext &context = {});
};

} // namespace kops
