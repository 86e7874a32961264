#include "aboutdialog.h"

#include "clusterapi.h"

#include <QMessageBox>
#include <QtGlobal>

namespace kops {

QString aboutText()
{
    return QObject::tr("<h3>Kafka Ops Console %1</h3>"
                       "<p>Consumer lag and health, dead letters, offset replay and profiles for the people who run "
                       "Apache Kafka in production; <tt>kafka-ops</tt> is the same engine on the command line.</p>"
                       "<p>librdkafka %2 &middot; Qt %3 (built with %4)</p>"
                       "<p>MIT License. Apache Kafka is a trademark of the Apache Software Foundation.</p>")
        .arg(QStringLiteral(KOPS_VERSION), librdkafkaVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
}

void showAboutDialog(QWidget *parent)
{
    QMessageBox::about(parent, QObject::tr("About Kafka Ops Console"), aboutText());
}

} // namespace kops
