#pragma once

#include "configprofile.h"
#include "propertiesfile.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace kops {

enum class Severity { Info, Warning, Error };
QString severityName(Severity severity); ///< "info", "warning", "error"

/// A change that resolves a finding; applied to the profile of type target
/// (a producer finding about min.insync.replicas is fixed on the topic).
struct ConfigFix
{
    QString label; ///< "Set acks=all"
    ProfileType target = ProfileType::Producer;
    QMap<QString, QString> set;
    QStringList remove;

    bool changesSomething() const { return !set.isEmpty() || !remove.isEmpty(); }
};

/// One lint result: which rule, how bad, which keys, why, and the fix.
struct LintFinding
{
    QString rule;
    Severity severity = Severity::Info;
    QStringList keys;
    QString message;
    ConfigFix fix;
    QString docUrl;
    int line = 0; ///< in the imported file, 0 when unknown

    QJsonObject toJson() const;
};

/// Facts outside the profile that some rules need: the target topic and the broker host.
struct LintContext
{
    std::optional<int> replicationFactor;
    std::optional<int> minInsyncReplicas;
    std::optional<bool> uncleanElection;
    QString topicSource; ///< "topic profile 'orders'" or "live topic 'orders'": named in messages
    bool liveTopic = false; ///< topic facts come from the cluster: fixes are commands, not edits
    QString topicName;
    std::optional<qint64> hostRam; ///< overrides the JVM profile's hostRam

    /// Facts from a topic profile (replication.factor, min.insync.replicas, unclean.leader.election.enable).
    static LintContext fromTopicProfile(const ConfigProfile &topic);
    bool knowsTopic() const { return replicationFactor || minInsyncReplicas || uncleanElection; }
};

/// Checks profiles for settings that lose, duplicate or reorder messages, or waste throughput or memory.
class ConfigLinter final
{
public:
    static QList<LintFinding> lint(const ConfigProfile &profile, const LintContext &context = {});
    /// Findings for unusable lines of an imported file.
    static QList<LintFinding> parseFindings(const QList<ParseIssue> &issues, ProfileType type);
    /// The profile with the fix applied; unchanged when the fix targets another profile type.
    static ConfigProfile applyFix(const ConfigProfile &profile, const ConfigFix &fix);
    static bool hasErrors(const QList<LintFinding> &findings);
    /// Explicit value, else the Java client / broker default; *assumed tells which.
    static QString effective(const ConfigProfile &profile, const QString &key, bool *assumed = nullptr);
};

namespace detail {
Severity bySeverity(ProfileIntent intent, Severity throughput, Severity noLoss, Severity ordered);
void lintJvm(const ConfigProfile &profile, const LintContext &context, QList<LintFinding> &out);
} // namespace detail

} // namespace kops
