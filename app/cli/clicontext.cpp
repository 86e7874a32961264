#include "clicontext.h"

#include <QCoreApplication>

#include "clientconfigfile.h"
#include "connectionstore.h"
#include "democluster.h"
#include "passwordstore.h"
#include "rdkafkaclusterapi.h"
#include "readonlyclusterapi.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace kops::cli {

namespace {

QString promptPassword(const QString &profileName)
{
    if (!isatty(STDIN_FILENO))
        return {};
    QTextStream tty(stderr);
    tty << QCoreApplication::translate("kops::cli", "Password for connection '%1': ").arg(profileName);
    tty.flush();
    termios old {};
    tcgetattr(STDIN_FILENO, &old);
    termios noEcho = old;
    noEcho.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &noEcho);
    QTextStream in(stdin);
    const QString line = in.readLine();
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    tty << Qt::endl;
    return line;
}

} // namespace

namespace {

extern "C" void onInterrupt(int)
{
    InterruptGuard::flag() = true;
}

} // namespace

std::atomic<bool> &InterruptGuard::flag()
{
    static std::atomic<bool> interrupted{false};
    return interrupted;
}

InterruptGuard::InterruptGuard()
{
    flag() = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

void addCommonOptions(QCommandLineParser &parser)
{
    // Kafka's tools say --bootstrap-server, kcat says -b: both are accepted as they are typed.
    parser.addOption({{QStringLiteral("bootstrap"), QStringLiteral("bootstrap-server"), QStringLiteral("b")},
                      QCoreApplication::translate("kops::cli", "Bootstrap servers, host:port[,host:port...]."), QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("command-config"),
                      QCoreApplication::translate("kops::cli", "A Java client properties file, as Kafka's tools take it (SASL, SSL with PEM stores)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("F"), QCoreApplication::translate("kops::cli", "A librdkafka properties file, as kcat -F reads it."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("profile"), QCoreApplication::translate("kops::cli", "A saved connection profile."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("demo"),
                      QCoreApplication::translate("kops::cli", "Use the demo cluster, simulated in this process for this command (no Kafka needed).")});
    parser.addOption({QStringLiteral("X"), QCoreApplication::translate("kops::cli", "librdkafka property passthrough (repeatable)."),
                      QStringLiteral("key=value")});
    parser.addOption({QStringLiteral("json"), QCoreApplication::translate("kops::cli", "Print JSON instead of text.")});
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, QCoreApplication::translate("kops::cli", "No progress output.")});
    parser.addOption({{QStringLiteral("v"), QStringLiteral("verbose")}, QCoreApplication::translate("kops::cli", "Log to stderr.")});
    // Taken out of the arguments by main() before any command runs; listed here for --help.
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("kops::cli", "Language of messages: en or zh_CN (default: the setting, else the system locale)."),
                      QStringLiteral("LANG")});
    parser.addHelpOption();
}

CliContext::CliContext(QCommandLineParser &parser, QTextStream &out, QTextStream &err, const Environment &env)
    : m_parser(parser), m_out(out), m_err(err), m_env(env)
{
}

bool CliContext::json() const
{
    return m_parser.isSet(QStringLiteral("json"));
}

bool CliContext::isDemo() const
{
    return m_parser.isSet(QStringLiteral("demo"));
}

QString CliContext::historyPath() const
{
    return m_demoDir ? m_demoDir->filePath(QStringLiteral("demo-history.sqlite")) : QString();
}

Result<QList<QPair<QString, QString>>> CliContext::clientProperties()
{
    return clientProperties(m_parser.isSet(QStringLiteral("profile")) ? m_parser.value(QStringLiteral("profile"))
                                                                       : QString());
}

Result<QList<QPair<QString, QString>>> CliContext::clientProperties(const QString &profileName)
{
    QList<QPair<QString, QString>> props;
    if (isDemo()) {
        if (m_parser.isSet(QStringLiteral("bootstrap")) || m_parser.isSet(QStringLiteral("profile")))
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "--demo cannot be combined with --bootstrap or --profile."));
        if (!m_demo) {
            auto started = demo::DemoCluster::start();
            if (!started)
                return started.error();
            m_demo = started.value();
            // Its own history, seeded with the demo's day and gone when the command ends.
            m_demoDir = std::make_shared<QTemporaryDir>();
            if (m_demoDir->isValid())
                m_demo->seedHistory(historyPath());
            else
                m_demoDir.reset();
        }
        return m_demo->clientProperties();
    }
    if (!profileName.isEmpty()) {
        const QString &name = profileName;
        auto found = ConnectionStore().find(name);
        if (!found)
            return found.error();
        m_profile = found.value();
        QString password;
        if (m_profile->usesSasl()) {
            const auto lookup = PasswordStore::read(name);
            if (lookup.outcome == PasswordStore::Outcome::Ok)
                password = lookup.password;
            else if (qEnvironmentVariableIsSet("KOPS_PASSWORD"))
                password = qEnvironmentVariable("KOPS_PASSWORD");
            else
                password = promptPassword(name);
            if (password.isEmpty())
                return KafkaError::make(QStringLiteral("_AUTHENTICATION"),
                                        QCoreApplication::translate("kops::cli", "Connection '%1' needs a password: none in the keychain (%2); "
                                                       "set KOPS_PASSWORD or run from a terminal.")
                                            .arg(name, lookup.error.isEmpty() ? QCoreApplication::translate("kops::cli", "not stored") : lookup.error));
        }
        props = m_profile->clientProperties(password);
    }
    // Files first, then the command line: --bootstrap and -X override what a file says.
    for (const auto &[option, kind] : {std::pair{QStringLiteral("F"), ClientConfigKind::Librdkafka},
                                       std::pair{QStringLiteral("command-config"), ClientConfigKind::Java}}) {
        if (!m_parser.isSet(option))
            continue;
        auto file = readClientConfigFile(m_parser.value(option), kind);
        if (!file)
            return file.error();
        props.append(file.value().properties);
        if (!file.value().ignoredKeys.isEmpty() && m_parser.isSet(QStringLiteral("verbose")))
            m_err << QCoreApplication::translate("kops::cli", "note: %1 ignored (no librdkafka equivalent): %2")
                         .arg(m_parser.value(option), file.value().ignoredKeys.join(QStringLiteral(", ")))
                  << Qt::endl;
    }
    if (m_parser.isSet(QStringLiteral("bootstrap"))) {
        props.removeIf([](const auto &kv) { return kv.first == QLatin1String("bootstrap.servers"); });
        props.prepend({QStringLiteral("bootstrap.servers"), m_parser.value(QStringLiteral("bootstrap"))});
    }
    for (const QString &x : m_parser.values(QStringLiteral("X"))) {
        QPair<QString, QString> kv;
        if (!parseProperty(x, &kv))
            return KafkaError::make(QStringLiteral("USAGE"), QCoreApplication::translate("kops::cli", "-X expects key=value, got '%1'.").arg(x));
        props.append(kv);
    }
    const bool hasBootstrap = std::any_of(props.cbegin(), props.cend(), [](const auto &kv) {
        return kv.first == QLatin1String("bootstrap.servers") && !kv.second.trimmed().isEmpty();
    });
    if (!hasBootstrap)
        return KafkaError::make(QStringLiteral("USAGE"),
                                QCoreApplication::translate("kops::cli", "No cluster given: use --bootstrap HOST:PORT (or --bootstrap-server, -b), "
                                               "--profile NAME, or a bootstrap.servers line in --command-config/-F."));
    return props;
}

Result<std::unique_ptr<ClusterApi>> CliContext::connect()
{
    auto props = clientProperties();
    if (!props)
        return props.error();
    return apiFactory(props.value())();
}

void CliContext::progress(const QString &line)
{
    if (json() || m_parser.isSet(QStringLiteral("quiet")))
        return;
    const qint64 every = m_env.stderrIsTerminal ? 200 : 5000;
    if (m_progressClock.isValid() && m_progressClock.elapsed() < every)
        return;
    m_progressClock.start();
    if (m_env.stderrIsTerminal) {
        m_err << QStringLiteral("\r\x1b[K") << line << Qt::flush;
        m_progressShown = true;
    } else {
        m_err << line << Qt::endl;
    }
}

void CliContext::endProgress()
{
    if (m_progressShown)
        m_err << Qt::endl;
    m_progressShown = false;
    m_progressClock.invalidate();
}

ClusterApiFactory CliContext::apiFactory(const QList<QPair<QString, QString>> &props) const
{
    ClusterApiFactory factory;
    if (m_demo) {
        factory = demo::DemoCluster::apiFactory(m_demo);
    } else if (m_env.apiFactory) {
        factory = [factory = m_env.apiFactory, props] { return factory(props); };
    } else {
        RdKafkaClusterApi::Options options;
        if (m_callTimeoutMs)
            options.timeoutMs = *m_callTimeoutMs;
        factory = [props, options]() -> std::unique_ptr<ClusterApi> { return std::make_unique<RdKafkaClusterApi>(props, options); };
    }
    // A read-only profile refuses every write in core, whichever command asks for it.
    return m_profile ? guardedFactory(*m_profile, std::move(factory)) : factory;
}

int CliContext::fail(const KafkaError &error)
{
    if (error.code == QLatin1String("USAGE"))
        return usage(error.message);
    m_err << QCoreApplication::translate("kops::cli", "error: ") << error.toString() << Qt::endl;
    return ExitFailure;
}

int CliContext::usage(const QString &message)
{
    m_err << QCoreApplication::translate("kops::cli", "error: ") << message << QCoreApplication::translate("kops::cli", " (see --help)") << Qt::endl;
    return ExitUsage;
}

void CliContext::printJson(const QJsonDocument &doc)
{
    m_out << QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) << Qt::endl;
}

int displayWidth(const QString &text)
{
    // The East Asian Wide (W) and Fullwidth (F) blocks of UAX #11; wcwidth() would depend on the
    // process locale, which is C when kafka-ops runs from cron or a pipe.
    static constexpr char32_t kWide[][2] = {
        {0x1100, 0x115F},   {0x2E80, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
        {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x20000, 0x3FFFD},
    };
    int width = 0;
    for (const char32_t c : QStringView(text).toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || category == QChar::Other_Format)
            continue;
        bool wide = false;
        for (const auto &range : kWide)
            wide = wide || (c >= range[0] && c <= range[1]);
        width += wide ? 2 : 1;
    }
    return width;
}

QString formatTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<int> widths;
    for (const QString &h : headers)
        widths.append(displayWidth(h));
    for (const QStringList &r : rows)
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(r[i]));
    auto line = [&](const QStringList &cells) {
        QString s;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            s += cells[i];
            if (i + 1 < cells.size()) // no trailing blanks after the last column
                s += QString(std::max(0, widths.value(i) + 2 - displayWidth(cells[i])), QLatin1Char(' '));
        }
        return s + QLatin1Char('\n');
    };
    QString out = line(headers);
    for (const QStringList &r : rows)
        out += line(r);
    return out;
}

} // namespace kops::cli
