#include "profilestore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace kops;

class TestProfileStore final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void roundTrip();
    void brokenFilesAreReportedNotFatal();
    void removeAndNotFound();
};

void TestProfileStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_profilestore"));
}

void TestProfileStore::init()
{
    QDir(ProfileStore().directory()).removeRecursively();
}

void TestProfileStore::roundTrip()
{
    const ProfileStore store;
    QVERIFY(store.directory().endsWith(QLatin1String("kafka-ops-console-tst_profilestore/profiles")));
    QVERIFY(store.directory().contains(QLatin1String(".qttest")));
    QVERIFY(store.list().isEmpty());
    for (ConfigProfile p : builtInTemplates()) {
        p.name = QStringLiteral("copy of ") + p.name;
        QVERIFY(store.save(p).ok());
    }
    const auto all = store.list();
    QCOMPARE(all.size(), builtInTemplates().size());
    auto loaded = store.load(QStringLiteral("copy of jvm-32g-host"));
    QVERIFY(loaded.ok());
    ConfigProfile expected = builtInTemplates().at(10);
    QCOMPARE(expected.name, QStringLiteral("jvm-32g-host"));
    expected.name = QStringLiteral("copy of jvm-32g-host");
    QCOMPARE(loaded.value(), expected);
    QVERIFY(QFile::exists(store.filePath(expected.name)));
    QVERIFY(store.filePath(QStringLiteral("a/b")).endsWith(QLatin1String("/a_b.json")));
    ConfigProfile slash = expected;
    slash.name = QStringLiteral("a/b");
    QVERIFY(store.save(slash).ok());
    slash.name = QStringLiteral("a_b");
    QCOMPARE(store.save(slash).error().code, QStringLiteral("CONFLICT"));
    QVERIFY(store.remove(QStringLiteral("a/b")).ok());
    // Saving again overwrites rather than duplicates.
    expected.settings[QStringLiteral("-Xmx")] = QStringLiteral("5G");
    QVERIFY(store.save(expected).ok());
    QCOMPARE(store.list().size(), all.size());
    QCOMPARE(store.load(expected.name).value().settings.value(QStringLiteral("-Xmx")), QStringLiteral("5G"));
}

void TestProfileStore::brokenFilesAreReportedNotFatal()
{
    const ProfileStore store;
    QVERIFY(store.save(builtInTemplates().first()).ok());
    QFile bad(store.directory() + QStringLiteral("/broken.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{ not json");
    bad.close();
    QFile wrongType(store.directory() + QStringLiteral("/wrong.json"));
    QVERIFY(wrongType.open(QIODevice::WriteOnly));
    wrongType.write(R"({"name":"w","type":"broker-x"})");
    wrongType.close();
    QStringList errors;
    QCOMPARE(store.list(&errors).size(), 1);
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors.join(QLatin1Char(' ')).contains(QLatin1String("type")));
}

void TestProfileStore::removeAndNotFound()
{
    const ProfileStore store;
    QVERIFY(!store.save(ConfigProfile{}).ok()); // no name
    QVERIFY(store.save(builtInTemplates().first()).ok());
    QVERIFY(store.remove(builtInTemplates().first().name).ok());
    QVERIFY(!store.remove(builtInTemplates().first().name).ok());
    const auto missing = store.load(QStringLiteral("nope"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("NOT_FOUND"));
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
