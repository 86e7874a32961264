#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("kafka-ops-console"));
    kops::MainWindow w;
    w.show();
    return app.exec();
}
