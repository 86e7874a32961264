#include "cli.h"
#include "processtuning.h"
#include "translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    kops::tuneAllocatorForRecordStreams();
    QCoreApplication app(argc, argv);
    // Same name as the GUI so that both read the same connection profiles.
    QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOPS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    kops::cli::Environment env;
    env.stderrIsTerminal = isatty(STDERR_FILENO) != 0;
    // --lang anywhere on the line (or the setting, or the locale) picks the language of messages;
    // --json output and Kafka's own names stay as they are in every language.
    QStringList args = QCoreApplication::arguments();
    QString lang;
    if (!kops::i18n::takeLangOption(args, &lang) || !kops::i18n::install(kops::i18n::chooseLanguage(lang))) {
        err << QCoreApplication::translate("main", "error: --lang takes one of: %1")
                   .arg(kops::i18n::availableLanguages().join(QStringLiteral(", ")))
            << Qt::endl;
        return kops::cli::ExitUsage;
    }
    return kops::cli::run(args, out, err, env);
}
