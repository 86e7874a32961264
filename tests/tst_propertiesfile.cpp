#include "propertiesfile.h"

#include <QTest>

using namespace kops;

class TestPropertiesFile final : public QObject
{
    Q_OBJECT
private slots:
    void parsesJavaSyntax();
    void malformedLinesGiveLineNumbers();
    void duplicateKeysLaterWins();
    void writeThenParseRoundTrips();
};

void TestPropertiesFile::parsesJavaSyntax()
{
    const QString text = QStringLiteral("# comment\n"
                                        "! also a comment\n"
                                        "acks=all\n"
                                        "  linger.ms : 5\n"
                                        "client.id producer-1\n"
                                        "bootstrap.servers=a:9092,\\\n"
                                        "    b:9092\n"
                                        "path=C\\:\\\\kafka\\tx\n"
                                        "unicode=caf\\u00e9\n"
                                        "empty=\n");
    const PropertiesFile pf = PropertiesFile::parse(text);
    QVERIFY2(pf.issues.isEmpty(), qPrintable(pf.issues.value(0).message));
    const auto m = pf.toMap();
    QCOMPARE(m.value(QStringLiteral("acks")), QStringLiteral("all"));
    QCOMPARE(m.value(QStringLiteral("linger.ms")), QStringLiteral("5"));
    QCOMPARE(m.value(QStringLiteral("client.id")), QStringLiteral("producer-1"));
    QCOMPARE(m.value(QStringLiteral("bootstrap.servers")), QStringLiteral("a:9092,b:9092"));
    QCOMPARE(m.value(QStringLiteral("path")), QStringLiteral("C:\\kafka\tx"));
    QCOMPARE(m.value(QStringLiteral("unicode")), QStringLiteral("caf\u00e9"));
    QVERIFY(m.contains(QStringLiteral("empty")));
    QCOMPARE(pf.lineOf(QStringLiteral("linger.ms")), 4);
    QCOMPARE(pf.lineOf(QStringLiteral("bootstrap.servers")), 6);
}

void TestPropertiesFile::malformedLinesGiveLineNumbers()
{
    const QString text = QStringLiteral("acks=all\n"
                                        "=orphan value\n"
                                        "retries\n"
                                        "bad=\\u12\n"
                                        "linger.ms=5\n"
                                        "trailing=\\");
    const PropertiesFile pf = PropertiesFile::parse(text);
    QCOMPARE(pf.issues.size(), 4);
    QCOMPARE(pf.issues[0].line, 2);
    QCOMPARE(pf.issues[1].line, 3);
    QVERIFY(pf.issues[1].message.contains(QLatin1String("retries")));
    QCOMPARE(pf.issues[2].line, 4);
    QCOMPARE(pf.issues[3].line, 6);
    // The usable lines are still there.
    QCOMPARE(pf.toMap().value(QStringLiteral("acks")), QStringLiteral("all"));
    QCOMPARE(pf.toMap().value(QStringLiteral("linger.ms")), QStringLiteral("5"));
    // Binary garbage never crashes.
    const PropertiesFile junk = PropertiesFile::parse(QString::fromLatin1("\x01\x02=\n\\\\\\\n==\n:::\n"));
    Q_UNUSED(junk)
}

void TestPropertiesFile::duplicateKeysLaterWins()
{
    const PropertiesFile pf = PropertiesFile::parse(QStringLiteral("acks=1\nacks=all\n"));
    QCOMPARE(pf.toMap().value(QStringLiteral("acks")), QStringLiteral("all"));
    QCOMPARE(pf.issues.size(), 1);
    QVERIFY(pf.issues[0].minor);
    QCOMPARE(pf.issues[0].line, 2);
}

void TestPropertiesFile::writeThenParseRoundTrips()
{
    const QMap<QString, QString> m{{QStringLiteral("a.b"), QStringLiteral("x=y:z")},
                                   {QStringLiteral("key with space"), QStringLiteral(" leading space")},
                                   {QStringLiteral("sasl.jaas.config"), QStringLiteral("a \"b\" c;")},
                                   {QStringLiteral("unicode"), QStringLiteral("\u00e9\u4e2d")},
                                   {QStringLiteral("backslash"), QStringLiteral("C:\\dir\\")}};
    const QString text = PropertiesFile::write(m, {QStringLiteral("header")});
    QVERIFY(text.startsWith(QLatin1String("# header\n")));
    const PropertiesFile pf = PropertiesFile::parse(text);
    QVERIFY(pf.issues.isEmpty());
    QCOMPARE(pf.toMap(), m);
}

QTEST_GUILESS_MAIN(TestPropertiesFile)
#include "tst_propertiesfile.moc"
