#include "cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Same name as the GUI so that both read the same connection profiles.
    QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOPS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return kops::cli::run(QCoreApplication::arguments(), out, err);
}
