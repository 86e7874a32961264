#include "logging.h"
#include "mainwindow.h"
#include "processtuning.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

#include <spdlog/spdlog.h>

int main(int argc, char *argv[])
{
    kops::tuneAllocatorForRecordStreams();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("kafka-ops-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kafka Ops Console"));
    QApplication::setApplicationVersion(QStringLiteral(KOPS_VERSION));

    // The language is chosen before any text is made, the help text included.
    QStringList args = QCoreApplication::arguments();
    QString lang;
    const bool langOk = kops::i18n::takeLangOption(args, &lang);
    const QString chosen = kops::i18n::chooseLanguage(lang);
    const bool installed = kops::i18n::install(chosen);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Kafka Ops Console: lag, dead letters, replay and profiles."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("connection"), QCoreApplication::translate("main", "Connect to this saved connection at start."),
                      QCoreApplication::translate("main", "NAME")});
    parser.addOption({QStringLiteral("bootstrap"),
                      QCoreApplication::translate("main", "Connect to these bootstrap servers (PLAINTEXT) without saving a profile."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("demo"),
                      QCoreApplication::translate("main", "Open the demo cluster: simulated in this process, no Kafka needed.")});
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("main", "Language of the console: en or zh_CN (default: the setting, else "
                                                          "the system locale)."),
                      QStringLiteral("LANG")});
    if (!langOk || !installed) {
        fputs(qPrintable(QCoreApplication::translate("main", "error: --lang takes one of: %1")
                             .arg(kops::i18n::availableLanguages().join(QStringLiteral(", ")))),
              stderr);
        fputc('\n', stderr);
        return 2;
    }
    args.append(QStringLiteral("--lang=%1").arg(chosen)); // known to the parser, so it stays valid
    parser.process(args);

    const QString logFile = kops::logging::initFileLogging();
    spdlog::info("Kafka Ops Console {} starting; log at {}; allocator {}", KOPS_VERSION, logFile.toStdString(),
                 kops::allocatorName());

    kops::MainWindow window;
    window.show();
    if (parser.isSet(QStringLiteral("demo"))) {
        window.connectToDemo();
    } else if (parser.isSet(QStringLiteral("bootstrap"))) {
        kops::ConnectionProfile adhoc;
        adhoc.name = parser.value(QStringLiteral("bootstrap"));
        adhoc.bootstrapServers = parser.value(QStringLiteral("bootstrap"));
        window.connectTo(adhoc);
    } else if (parser.isSet(QStringLiteral("connection"))) {
        window.connectToProfile(parser.value(QStringLiteral("connection")));
    }
    return app.exec();
}
