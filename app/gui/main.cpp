#include "logging.h"
#include "mainwindow.h"
#include "processtuning.h"

#include <QApplication>
#include <QCommandLineParser>

#include <spdlog/spdlog.h>

int main(int argc, char *argv[])
{
    kops::tuneAllocatorForRecordStreams();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("kafka-ops-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kafka Ops Console"));
    QApplication::setApplicationVersion(QStringLiteral(KOPS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kafka Ops Console: lag, dead letters, replay and profiles."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("connection"), QStringLiteral("Connect to this saved connection at start."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("bootstrap"),
                      QStringLiteral("Connect to these bootstrap servers (PLAINTEXT) without saving a profile."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("demo"),
                      QStringLiteral("Open the demo cluster: simulated in this process, no Kafka needed.")});
    parser.process(app);

    const QString logFile = kops::logging::initFileLogging();
    spdlog::info("Kafka Ops Console {} starting; log at {}", KOPS_VERSION, logFile.toStdString());

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
