// The Connections dialog imports a connection from a Java client.properties file or a
// librdkafka (kcat -F) one.
#include "dialogs/connectiondialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

class TestConnectionImport final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.write(text);
        return f.fileName();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void javaClientProperties()
    {
        ConnectionDialog dialog(ConnectionStore(m_dir.filePath(QStringLiteral("connections.json"))));
        const QString path = write(QStringLiteral("prod-client.properties"),
                                   "bootstrap.servers=k1:9093\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-256\n"
                                   "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                                   "username=\"ops\" password=\"s3cret\";\n"
                                   "ssl.truststore.type=PEM\nssl.truststore.location=/etc/ca.pem\nacks=all\n");
        QVERIFY(dialog.importFile(path));
        const ConnectionProfile p = dialog.formProfile();
        QCOMPARE(p.name, QStringLiteral("prod-client"));
        QCOMPARE(p.bootstrapServers, QStringLiteral("k1:9093"));
        QCOMPARE(p.securityProtocol, QStringLiteral("SASL_SSL"));
        QCOMPARE(p.saslMechanism, QStringLiteral("SCRAM-SHA-256"));
        QCOMPARE(p.saslUsername, QStringLiteral("ops"));
        QCOMPARE(p.caLocation, QStringLiteral("/etc/ca.pem"));
        QVERIFY(p.validate().isEmpty());
        const QString note = dialog.findChild<QLabel *>(QStringLiteral("testResult"))->text();
        QVERIFY2(note.contains(QLatin1String("acks")), qPrintable(note));
    }

    void kcatFile()
    {
        ConnectionDialog dialog(ConnectionStore(m_dir.filePath(QStringLiteral("connections.json"))));
        const QString path = write(QStringLiteral("kcat.conf"), "bootstrap.servers=k2:9092\nsecurity.protocol=sasl_plaintext\n"
                                                                 "sasl.mechanisms=PLAIN\nsasl.username=bob\nsasl.password=pw\n"
                                                                 "fetch.wait.max.ms=50\n");
        QVERIFY(dialog.importFile(path));
        const ConnectionProfile p = dialog.formProfile();
        QCOMPARE(p.securityProtocol, QStringLiteral("SASL_PLAINTEXT"));
        QCOMPARE(p.saslMechanism, QStringLiteral("PLAIN"));
        QCOMPARE(p.saslUsername, QStringLiteral("bob"));
        QCOMPARE(p.extraProperties, (QList<QPair<QString, QString>>{{QStringLiteral("fetch.wait.max.ms"), QStringLiteral("50")}}));
    }

    void jksIsExplained()
    {
        ConnectionDialog dialog(ConnectionStore(m_dir.filePath(QStringLiteral("connections.json"))));
        const QString path = write(QStringLiteral("jks.properties"), "security.protocol=SSL\nssl.truststore.location=/t.jks\n");
        QVERIFY(!dialog.importFile(path));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("testResult"))->text().contains(QLatin1String("keytool")));
    }
};

QTEST_MAIN(TestConnectionImport)
#include "tst_connectionimport.moc"
