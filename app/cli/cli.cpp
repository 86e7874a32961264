#include "cli.h"

#include "clicontext.h"
#include "commands.h"
#include "logging.h"
#include "processtuning.h"

#include <QCoreApplication>

#include <spdlog/spdlog.h>

#include <exception>

namespace kops::cli {

namespace {

QString versionText()
{
    return QStringLiteral("kafka-ops %1 (librdkafka %2, %3)")
        .arg(QStringLiteral(KOPS_VERSION), librdkafkaVersion(), QString::fromLatin1(allocatorName()));
}

void printOverview(QTextStream &out, const QList<CliCommand> &commands)
{
    out << QCoreApplication::translate("kops::cli", "Usage: kafka-ops COMMAND [options]\n\n"
                          "Kafka Ops Console on the command line. Every command takes --bootstrap HOST:PORT or\n"
                          "--profile NAME, -X key=value and --json.\n\nCommands:\n");
    for (const CliCommand &c : commands)
        out << QStringLiteral("  %1%2\n").arg(c.name.leftJustified(18), c.summary);
    out << QCoreApplication::translate("kops::cli", "\nRun 'kafka-ops COMMAND --help' for a command's options.\n");
    out.flush();
}

} // namespace

int run(const QStringList &args, QTextStream &out, QTextStream &err, const Environment &env)
{
    try {
        const QList<CliCommand> commands = allCommands();
        if (args.size() < 2 || args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("-h")
            || args.at(1) == QLatin1String("help")) {
            printOverview(out, commands);
            return args.size() < 2 ? ExitUsage : ExitOk;
        }
        if (args.at(1) == QLatin1String("--version") || args.at(1) == QLatin1String("version")) {
            out << versionText() << Qt::endl;
            return ExitOk;
        }
        const QString name = args.at(1);
        auto it = std::find_if(commands.cbegin(), commands.cend(), [&](const CliCommand &c) { return c.name == name; });
        if (it == commands.cend()) {
            err << QCoreApplication::translate("kops::cli", "error: unknown command '%1' (run 'kafka-ops --help' for the list)").arg(name)
                << Qt::endl;
            return ExitUsage;
        }

        QCommandLineParser parser;
        parser.setApplicationDescription(it->summary);
        addCommonOptions(parser);
        if (it->addOptions)
            it->addOptions(parser);
        if (!it->positionalSyntax.isEmpty())
            parser.addPositionalArgument(it->positionalSyntax, it->summary);
        QStringList commandArgs = args.mid(2);
        commandArgs.prepend(QStringLiteral("kafka-ops %1").arg(name));
        if (!parser.parse(commandArgs)) {
            err << QCoreApplication::translate("kops::cli", "error: %1 (see 'kafka-ops %2 --help')").arg(parser.errorText(), name) << Qt::endl;
            return ExitUsage;
        }
        if (parser.isSet(QStringLiteral("help"))) {
            // Qt names the binary by its path; say how the command is actually typed.
            QString help = parser.helpText();
            const qsizetype eol = help.indexOf(QLatin1Char('\n'));
            const QString usage = help.left(eol);
            const qsizetype options = usage.indexOf(QStringLiteral(" [options]"));
            help.replace(0, eol, QCoreApplication::translate("kops::cli", "Usage: kafka-ops %1%2").arg(name, options >= 0 ? usage.mid(options) : QString()));
            out << help;
            out.flush();
            return ExitOk;
        }
        logging::initStderrLogging(parser.isSet(QStringLiteral("verbose")) && !it->ownsVerbose);
        CliContext ctx(parser, out, err, env);
        return it->run(ctx);
    } catch (const std::exception &e) {
        err << QCoreApplication::translate("kops::cli", "error: internal failure: %1").arg(QString::fromUtf8(e.what())) << Qt::endl;
        return ExitFailure;
    }
}

} // namespace kops::cli
