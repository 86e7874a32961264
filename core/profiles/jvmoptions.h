#pragma once

#include "propertiesfile.h"

#include <QMap>
#include <QString>

#include <optional>

namespace kops {

/// "16G", "512m", "1024k", "1073741824" as the JVM reads them (no "GB").
std::optional<qint64> parseJvmSize(const QString &text);
/// Like parseJvmSize but also accepts "32GB", "32 GiB", "64g": for host RAM typed by people.
std::optional<qint64> parseMemorySize(const QString &text);
/// Shortest exact JVM spelling: 17179869184 -> "16G", 268435456 -> "256M".
QString formatJvmSize(qint64 bytes);
/// For people: "14 GB", "1.5 GB", "512 MB".
QString formatMemory(qint64 bytes);

/// Broker JVM options as the lines kafka-server-start.sh reads
/// (export KAFKA_HEAP_OPTS="..." / KAFKA_JVM_PERFORMANCE_OPTS="..."), mapped to
/// profile settings one option each: "-Xmx16G" -> ("-Xmx","16G"), "-XX:+UseG1GC" ->
/// ("-XX:UseG1GC","true"), "-XX:MaxGCPauseMillis=50" -> ("-XX:MaxGCPauseMillis","50").
class JvmOptions final
{
public:
    struct Parsed
    {
        QMap<QString, QString> settings;
        QMap<QString, int> lines; ///< line each setting came from
        QList<ParseIssue> issues;
    };

    static Parsed parse(const QString &text);
    /// One command-line token to (key, value); false when the token is malformed.
    static bool tokenToSetting(const QString &token, QString *key, QString *value, QString *problem);
    static QString settingToToken(const QString &key, const QString &value);
    /// The two export lines (heap options first).
    static QString toEnv(const QMap<QString, QString> &settings);
    /// All options as one command line, e.g. for the advisor's output.
    static QString toCommandLine(const QMap<QString, QString> &settings);
    static bool isHeapKey(const QString &key);
    /// The -XX:Use...GC flags a JVM can have; setting one clears the others.
    static QStringList collectorKeys();
};

} // namespace kops
