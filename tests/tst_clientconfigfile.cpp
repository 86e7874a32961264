// Java client properties (--command-config) and librdkafka ones (-F) mapped to librdkafka, and
// the Kafka/kcat option names every kafka-ops command accepts.
#include "cli.h"
#include "clientconfigfile.h"
#include "fakeclusterapi.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

QString value(const ClientConfigImport &c, const QString &key)
{
    for (const auto &kv : c.properties)
        if (kv.first == key)
            return kv.second;
    return QStringLiteral("<absent>");
}

} // namespace

class TestClientConfigFile final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    /// Runs kafka-ops in-process and returns the librdkafka properties it connected with.
    QList<QPair<QString, QString>> connectedWith(const QStringList &args, int *code = nullptr, QString *err = nullptr)
    {
        QList<QPair<QString, QString>> seen;
        auto fake = std::make_shared<test::FakeClusterApi>();
        cli::Environment env;
        env.apiFactory = [&seen, fake](const QList<QPair<QString, QString>> &props) {
            seen = props;
            return test::sharedFactory(fake)();
        };
        QString out, errText;
        QTextStream o(&out), e(&errText);
        const int c = cli::run(QStringList{QStringLiteral("kafka-ops")} + args, o, e, env);
        e.flush();
        if (code)
            *code = c;
        if (err)
            *err = errText;
        return seen;
    }
    QString write(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(f.fileName()));
        f.write(text);
        return f.fileName();
    }

private slots:
    void scramJaasAndPemStores()
    {
        auto c = mapJavaClientConfig(QStringLiteral(
            "bootstrap.servers=b1:9093,b2:9093\n"
            "security.protocol=SASL_SSL\n"
            "sasl.mechanism=SCRAM-SHA-512\n"
            "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n"
            "  username=\"alice\" password=\"p\\\\\\\"w=d\";\n"
            "ssl.truststore.type=PEM\n"
            "ssl.truststore.location=/etc/kafka/ca.pem\n"
            "ssl.keystore.type=PEM\n"
            "ssl.keystore.location=/etc/kafka/client.pem\n"
            "ssl.key.password=kp\n"
            "ssl.endpoint.identification.algorithm=\n"
            "acks=all\n"
            "request.timeout.ms=20000\n"));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
        QCOMPARE(value(c.value(), QStringLiteral("bootstrap.servers")), QStringLiteral("b1:9093,b2:9093"));
        QCOMPARE(value(c.value(), QStringLiteral("security.protocol")), QStringLiteral("sasl_ssl"));
        QCOMPARE(value(c.value(), QStringLiteral("sasl.mechanisms")), QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(value(c.value(), QStringLiteral("sasl.username")), QStringLiteral("alice"));
        QCOMPARE(value(c.value(), QStringLiteral("sasl.password")), QStringLiteral("p\"w=d"));
        QCOMPARE(value(c.value(), QStringLiteral("ssl.ca.location")), QStringLiteral("/etc/kafka/ca.pem"));
        QCOMPARE(value(c.value(), QStringLiteral("ssl.certificate.location")), QStringLiteral("/etc/kafka/client.pem"));
        QCOMPARE(value(c.value(), QStringLiteral("ssl.key.location")), QStringLiteral("/etc/kafka/client.pem"));
        QCOMPARE(value(c.value(), QStringLiteral("ssl.key.password")), QStringLiteral("kp"));
        QCOMPARE(value(c.value(), QStringLiteral("ssl.endpoint.identification.algorithm")), QStringLiteral("none"));
        QCOMPARE(c.value().ignoredKeys, (QStringList{QStringLiteral("acks"), QStringLiteral("request.timeout.ms")}));
    }

    void plainJaas()
    {
        auto c = mapJavaClientConfig(QStringLiteral(
            "sasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
            "username=admin password=\"admin-secret\";\n"));
        QVERIFY(c.ok());
        QCOMPARE(value(c.value(), QStringLiteral("sasl.username")), QStringLiteral("admin"));
        QCOMPARE(value(c.value(), QStringLiteral("sasl.password")), QStringLiteral("admin-secret"));
    }

    void otherLoginModulesAreRefused()
    {
        auto c = mapJavaClientConfig(QStringLiteral("sasl.jaas.config=com.sun.security.auth.module.Krb5LoginModule required;\n"),
                                     QStringLiteral("client.properties"));
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message.startsWith(QLatin1String("client.properties:1: ")), qPrintable(c.error().message));
        QVERIFY(c.error().message.contains(QLatin1String("PlainLoginModule")));
    }

    void jksStoresSayHowToConvert_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("commands");
        QTest::newRow("truststore, JKS by default")
            << QStringLiteral("ssl.truststore.location=/s/truststore.jks\nssl.truststore.password=x\n")
            << QStringList{QStringLiteral("keytool -importkeystore -srckeystore /s/truststore.jks -srcstoretype JKS"),
                           QStringLiteral("openssl pkcs12 -in truststore.p12 -nokeys -out truststore.pem")};
        QTest::newRow("keystore PKCS12")
            << QStringLiteral("ssl.keystore.type=PKCS12\nssl.keystore.location=/s/client.p12\n")
            << QStringList{QStringLiteral("openssl pkcs12 -in /s/client.p12 -nodes -out client.pem")};
    }
    void jksStoresSayHowToConvert()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, commands);
        auto c = mapJavaClientConfig(text);
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, QStringLiteral("USAGE"));
        for (const QString &command : commands)
            QVERIFY2(c.error().message.contains(command), qPrintable(c.error().message));
    }

    void librdkafkaFile()
    {
        auto c = parseLibrdkafkaConfig(QStringLiteral("# kcat -F\nsecurity.protocol=sasl_plaintext\n\nsasl.username = bob\n"));
        QVERIFY(c.ok());
        QCOMPARE(c.value().properties.size(), 2);
        QCOMPARE(value(c.value(), QStringLiteral("sasl.username")), QStringLiteral("bob"));
        QVERIFY(!parseLibrdkafkaConfig(QStringLiteral("no equals sign\n")).ok());
        QCOMPARE(guessClientConfigKind(QStringLiteral("sasl.mechanism=PLAIN\n")), ClientConfigKind::Java);
        QCOMPARE(guessClientConfigKind(QStringLiteral("sasl.mechanisms=PLAIN\n")), ClientConfigKind::Librdkafka);
    }

    void kafkaAndKcatOptionNames_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("--bootstrap-server") << QStringList{QStringLiteral("groups"), QStringLiteral("--bootstrap-server"), QStringLiteral("h:1")};
        QTest::newRow("--bootstrap-server=") << QStringList{QStringLiteral("topics"), QStringLiteral("--bootstrap-server=h:1")};
        QTest::newRow("-b") << QStringList{QStringLiteral("cluster"), QStringLiteral("-b"), QStringLiteral("h:1")};
        QTest::newRow("--bootstrap") << QStringList{QStringLiteral("lag"), QStringLiteral("--bootstrap"), QStringLiteral("h:1")};
    }
    void kafkaAndKcatOptionNames()
    {
        QFETCH(QStringList, args);
        int code = -1;
        QString err;
        const auto props = connectedWith(args, &code, &err);
        QVERIFY2(props.contains(qMakePair(QStringLiteral("bootstrap.servers"), QStringLiteral("h:1"))), qPrintable(err));
    }

    void commandConfigAndF()
    {
        const QString java = write(QStringLiteral("client.properties"),
                                   "bootstrap.servers=fromfile:9092\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                                   "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                                   "username=\"u\" password=\"p\";\nlinger.ms=5\n");
        QString err;
        auto props = connectedWith({QStringLiteral("groups"), QStringLiteral("--command-config"), java, QStringLiteral("-v")}, nullptr, &err);
        QVERIFY(props.contains(qMakePair(QStringLiteral("bootstrap.servers"), QStringLiteral("fromfile:9092"))));
        QVERIFY(props.contains(qMakePair(QStringLiteral("sasl.username"), QStringLiteral("u"))));
        QVERIFY(props.contains(qMakePair(QStringLiteral("sasl.password"), QStringLiteral("p"))));
        QVERIFY2(err.contains(QLatin1String("ignored (no librdkafka equivalent): linger.ms")), qPrintable(err));

        // The command line wins over the file.
        props = connectedWith({QStringLiteral("groups"), QStringLiteral("--command-config"), java, QStringLiteral("-b"), QStringLiteral("cli:1")});
        QCOMPARE(props.first(), qMakePair(QStringLiteral("bootstrap.servers"), QStringLiteral("cli:1")));

        const QString kcat = write(QStringLiteral("kcat.conf"), "bootstrap.servers=k:2\nsasl.username=kc\n");
        props = connectedWith({QStringLiteral("groups"), QStringLiteral("-F"), kcat, QStringLiteral("-X"), QStringLiteral("sasl.username=x")});
        QVERIFY(props.contains(qMakePair(QStringLiteral("bootstrap.servers"), QStringLiteral("k:2"))));
        QCOMPARE(props.last(), qMakePair(QStringLiteral("sasl.username"), QStringLiteral("x")));

        int code = -1;
        const QString jks = write(QStringLiteral("jks.properties"), "ssl.truststore.location=/x/t.jks\n");
        connectedWith({QStringLiteral("groups"), QStringLiteral("--command-config"), jks, QStringLiteral("-b"), QStringLiteral("h:1")}, &code, &err);
        QCOMPARE(code, int(cli::ExitUsage));
        QVERIFY2(err.contains(QLatin1String("keytool -importkeystore")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestClientConfigFile)
#include "tst_clientconfigfile.moc"
