#include "cli.h"
#include "processtuning.h"

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
    return kops::cli::run(QCoreApplication::arguments(), out, err, env);
}
