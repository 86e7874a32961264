#include "logging.h"

#include <QDir>
#include <QStandardPaths>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace kops::logging {

QString stateDirectory()
{
    // XDG_STATE_HOME; Qt 6.4 has no StateLocation yet. In test mode keep tests off the user's files.
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    if (QStandardPaths::isTestModeEnabled())
        base = QDir::homePath() + QStringLiteral("/.qttest/state");
    return base + QStringLiteral("/kafka-ops-console");
}

QString initFileLogging()
{
    const QString dir = stateDirectory();
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/kafka-ops-console.log");
    try {
        auto logger = spdlog::get("kops");
        if (!logger)
            logger = spdlog::rotating_logger_mt("kops", path.toStdString(), 2 * 1024 * 1024, 5);
        spdlog::set_default_logger(logger);
        spdlog::set_level(spdlog::level::info);
        spdlog::flush_every(std::chrono::seconds(2));
    } catch (const spdlog::spdlog_ex &ex) {
        // No log file is no reason not to start; fall back to stderr.
        initStderrLogging(false);
        spdlog::warn("cannot open log file {}: {}", path.toStdString(), ex.what());
    }
    return path;
}

void initStderrLogging(bool verbose)
{
    auto logger = spdlog::get("kops-stderr");
    if (!logger)
        logger = spdlog::stderr_color_mt("kops-stderr");
    spdlog::set_default_logger(logger);
    spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::off);
}

} // namespace kops::logging
