#pragma once

#include <QCoreApplication>

#include "cli.h"
#include "connectionprofile.h"
#include "kafkaerror.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <atomic>
#include <functional>
#include <memory>

namespace kops::demo {
class DemoCluster;
}

class QTemporaryDir;

namespace kops::cli {

/// Parsed command line plus the helpers every command shares: connecting, printing, failing.
class CliContext final
{
public:
    CliContext(QCommandLineParser &parser, QTextStream &out, QTextStream &err, const Environment &env);

    QCommandLineParser &parser() { return m_parser; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    bool json() const;
    QStringList positional() const { return m_parser.positionalArguments(); }

    /// librdkafka properties from --profile / --bootstrap / -X (later ones win).
    Result<QList<QPair<QString, QString>>> clientProperties();
    /// The same for one named profile (empty: --bootstrap only), for commands that watch
    /// several clusters at once (serve).
    Result<QList<QPair<QString, QString>>> clientProperties(const QString &profileName);
    /// Makes clients for the given properties (tests substitute a fake).
    ClusterApiFactory apiFactory(const QList<QPair<QString, QString>> &props) const;
    /// The connection profile named by --profile, if any (for read-only checks).
    std::optional<ConnectionProfile> profile() const { return m_profile; }
    Result<std::unique_ptr<ClusterApi>> connect();
    /// Time each cluster call may take from now on (default: the client's own, under 10 s).
    void setCallTimeoutMs(int ms) { m_callTimeoutMs = ms; }
    /// --demo: the command runs against the demo cluster, simulated in this process.
    bool isDemo() const;
    /// The demo cluster of this command (after connect() with --demo), else null.
    std::shared_ptr<demo::DemoCluster> demoCluster() const { return m_demo; }
    /// Where lag history is kept: empty for the default file; the demo's own (seeded) file with --demo.
    QString historyPath() const;

    /// Progress of a long command: on a terminal one line rewritten in place (at most 5 times a
    /// second), elsewhere a whole line at most every 5 s; nothing with --quiet or --json.
    void progress(const QString &line);
    /// Ends the progress line (a newline on a terminal, when one was printed).
    void endProgress();

    int fail(const KafkaError &error);
    int usage(const QString &message);
    void printJson(const QJsonDocument &doc);

private:
    QCommandLineParser &m_parser;
    QTextStream &m_out;
    QTextStream &m_err;
    const Environment &m_env;
    std::optional<ConnectionProfile> m_profile;
    std::optional<int> m_callTimeoutMs;
    std::shared_ptr<demo::DemoCluster> m_demo;
    std::shared_ptr<QTemporaryDir> m_demoDir;
    QElapsedTimer m_progressClock;
    bool m_progressShown = false;
};

/// Turns SIGINT/SIGTERM into a flag for the lifetime of a long command (--watch, scans,
/// requeues), so it stops cleanly instead of being killed mid-write.
class InterruptGuard final
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;
    static std::atomic<bool> &flag();
};

/// One `kafka-ops` sub-command.
struct CliCommand
{
    QString name;
    QString summary;
    QString positionalSyntax; ///< e.g. "GROUP"
    std::function<void(QCommandLineParser &)> addOptions;
    std::function<int(CliContext &)> run;
    /// --verbose means the command's own option (consumer-groups' --members --verbose), not logging.
    bool ownsVerbose = false;
};

/// Adds the options every command takes: --bootstrap, --profile, --demo, -X, --json, -v.
void addCommonOptions(QCommandLineParser &parser);

/// Columns a terminal gives `text`: East Asian wide and fullwidth characters (Chinese, Japanese,
/// Korean, fullwidth forms) take two, combining marks none, everything else one.
int displayWidth(const QString &text);

/// Plain text table with aligned columns, as kafka-consumer-groups.sh prints; columns line up by
/// display width, so cells in Chinese keep the columns after them straight.
QString formatTable(const QStringList &headers, const QList<QStringList> &rows);

QList<CliCommand> profileCommands();
QList<CliCommand> clusterCommands();
QList<CliCommand> resetCommands();
QList<CliCommand> lagCommands();
/// lag-history: a group's past lag, reconstructed from the commit log where not sampled.
QList<CliCommand> lagHistoryCommands();
QList<CliCommand> dlqCommands();
QList<CliCommand> serveCommands();
QList<CliCommand> consumerGroupsCommands();
QList<CliCommand> toolCommands();
QList<CliCommand> perfCommands();
QList<CliCommand> auditCommands();

/// Shorthands the command files share.
inline QString opt(CliContext &ctx, const char *name)
{
    return ctx.parser().value(QLatin1String(name));
}

inline bool isSet(CliContext &ctx, const char *name)
{
    return ctx.parser().isSet(QLatin1String(name));
}

inline QString tr(const char *text)
{
    return QCoreApplication::translate("kops::cli", text);
}

/// A command's option `--name` (with a value named `valueName`, or a switch without one).
inline void addOption(QCommandLineParser &parser, const char *name, const QString &help, const char *valueName = nullptr)
{
    QCommandLineOption o{QString::fromLatin1(name), help};
    if (valueName)
        o.setValueName(QLatin1String(valueName));
    parser.addOption(o);
}

} // namespace kops::cli
