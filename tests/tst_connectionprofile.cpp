// Unit tests of connection profiles: validation, client properties, JSON store.
#include "connectionprofile.h"
#include "connectionstore.h"
#include "errortext.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private slots:
    void validateNamesEachProblem()
    {
        ConnectionProfile p;
        QVERIFY(p.validate().size() >= 2);
        p.name = QStringLiteral("prod");
        p.bootstrapServers = QStringLiteral("kafka1:9092, kafka2");
        const QStringList problems = p.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QLatin1String("kafka2")));
        p.bootstrapServers = QStringLiteral("kafka1:9092,kafka2:9093");
        QVERIFY(p.validate().isEmpty());
        p.securityProtocol = QStringLiteral("SASL_SSL");
        QVERIFY(p.validate().join(QLatin1Char(' ')).contains(QLatin1String("user name")));
    }

    void clientPropertiesForSaslSsl()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("prod");
        p.bootstrapServers = QStringLiteral("k:9093");
        p.securityProtocol = QStringLiteral("SASL_SSL");
        p.saslMechanism = QStringLiteral("SCRAM-SHA-512");
        p.saslUsername = QStringLiteral("ops");
        p.caLocation = QStringLiteral("/etc/ca.pem");
        p.extraProperties = {{QStringLiteral("socket.keepalive.enable"), QStringLiteral("true")}};
        const auto props = p.clientProperties(QStringLiteral("s3cret"));
        auto value = [&](const char *key) {
            for (const auto &kv : props)
                if (kv.first == QLatin1String(key))
                    return kv.second;
            return QString();
        };
        QCOMPARE(value("security.protocol"), QStringLiteral("sasl_ssl"));
        QCOMPARE(value("sasl.mechanism"), QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(value("sasl.password"), QStringLiteral("s3cret"));
        QCOMPARE(value("ssl.ca.location"), QStringLiteral("/etc/ca.pem"));
        QCOMPARE(value("socket.keepalive.enable"), QStringLiteral("true"));
        p.securityProtocol = QStringLiteral("PLAINTEXT");
        const auto plain = p.clientProperties(QStringLiteral("s3cret"));
        for (const auto &kv : plain)
            QVERIFY(!kv.first.startsWith(QLatin1String("sasl")));
    }

    void passwordsNeverReachTheJsonFile()
    {
        QTemporaryDir dir;
        ConnectionStore store(dir.filePath(QStringLiteral("connections.json")));
        ConnectionProfile p;
        p.name = QStringLiteral("prod");
        p.bootstrapServers = QStringLiteral("k:9093");
        p.securityProtocol = QStringLiteral("SASL_SSL");
        p.saslUsername = QStringLiteral("ops");
        p.readOnly = true;
        p.extraProperties = {{QStringLiteral("sasl.password"), QStringLiteral("leak")},
                             {QStringLiteral("client.rack"), QStringLiteral("r1")}};
        QVERIFY(store.upsert(p).ok());
        QFile f(store.filePath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(!text.contains("leak"));
        QVERIFY(text.contains("client.rack"));

        auto loaded = store.find(QStringLiteral("prod"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().saslUsername, QStringLiteral("ops"));
        QVERIFY(loaded.value().readOnly);
        QCOMPARE(loaded.value().extraProperties.size(), 1);
    }

    void storeUpsertRenameAndRemove()
    {
        QTemporaryDir dir;
        ConnectionStore store(dir.filePath(QStringLiteral("sub/connections.json")));
        QVERIFY(store.load().ok());
        QVERIFY(store.load().value().isEmpty());
        ConnectionProfile a;
        a.name = QStringLiteral("a");
        a.bootstrapServers = QStringLiteral("x:1");
        ConnectionProfile b = a;
        b.name = QStringLiteral("b");
        QVERIFY(store.upsert(a).ok());
        QVERIFY(store.upsert(b).ok());
        ConnectionProfile renamed = a;
        renamed.name = QStringLiteral("a2");
        QVERIFY(store.upsert(renamed, QStringLiteral("a")).ok());
        auto all = store.load();
        QCOMPARE(all.value().size(), 2);
        QCOMPARE(all.value().first().name, QStringLiteral("a2"));
        QVERIFY(store.remove(QStringLiteral("b")).ok());
        QCOMPARE(store.load().value().size(), 1);
        auto missing = store.find(QStringLiteral("zzz"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QLatin1String("a2")));
    }

    void brokenFileIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("connections.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"connections\": [ {\"name\": ");
        f.close();
        auto loaded = ConnectionStore(path).load();
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().message.contains(QLatin1String("not valid JSON")));
    }

    void parsePropertyRejectsMalformed()
    {
        QPair<QString, QString> kv;
        QVERIFY(parseProperty(QStringLiteral("acks=all"), &kv));
        QCOMPARE(kv.first, QStringLiteral("acks"));
        QVERIFY(parseProperty(QStringLiteral("sasl.jaas.config=a=b"), &kv));
        QCOMPARE(kv.second, QStringLiteral("a=b"));
        QVERIFY(!parseProperty(QStringLiteral("novalue"), &kv));
        QVERIFY(!parseProperty(QStringLiteral("=x"), &kv));
    }

    void errorsReadLikeSentences()
    {
        QVERIFY(explainKafkaError(QStringLiteral("GROUP_ID_NOT_FOUND")).contains(QLatin1String("does not exist")));
        QCOMPARE(explainKafkaError(QStringLiteral("WEIRD"), QStringLiteral("Broker said no")), QStringLiteral("Broker said no."));
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)
#include "tst_connectionprofile.moc"
