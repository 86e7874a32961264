#include "jvmoptions.h"

#include <QTest>

using namespace kops;

class TestJvmOptions final : public QObject
{
    Q_OBJECT
private slots:
    void sizes();
    void parsesExportLines();
    void malformedGivesLineNumbers();
    void envRoundTrip();
};

void TestJvmOptions::sizes()
{
    QCOMPARE(parseJvmSize(QStringLiteral("16G")), std::optional<qint64>(16LL << 30));
    QCOMPARE(parseJvmSize(QStringLiteral("256m")), std::optional<qint64>(256LL << 20));
    QCOMPARE(parseJvmSize(QStringLiteral("1024k")), std::optional<qint64>(1LL << 20));
    QCOMPARE(parseJvmSize(QStringLiteral("4096")), std::optional<qint64>(4096));
    QVERIFY(!parseJvmSize(QStringLiteral("16GB")));
    QVERIFY(!parseJvmSize(QStringLiteral("")));
    QVERIFY(!parseJvmSize(QStringLiteral("G")));
    QCOMPARE(parseMemorySize(QStringLiteral("32 GiB")), std::optional<qint64>(32LL << 30));
    QCOMPARE(parseMemorySize(QStringLiteral("1.5G")), std::optional<qint64>(3LL << 29));
    QCOMPARE(formatJvmSize(16LL << 30), QStringLiteral("16G"));
    QCOMPARE(formatJvmSize(1536LL << 20), QStringLiteral("1536M"));
    QCOMPARE(formatMemory(14LL << 30), QStringLiteral("14 GB"));
}

void TestJvmOptions::parsesExportLines()
{
    const auto p = JvmOptions::parse(QStringLiteral(
        "# broker env\n"
        "export KAFKA_HEAP_OPTS=\"-Xmx16G -Xms16G\"\n"
        "KAFKA_JVM_PERFORMANCE_OPTS='-Xmn10G -XX:MetaspaceSize=256M -XX:+UseG1GC -XX:MaxGCPauseMillis=50 "
        "-XX:G1HeapRegionSize=16M -XX:-DisableExplicitGC -Djava.awt.headless=true -server'\n"));
    QVERIFY2(p.issues.isEmpty(), qPrintable(p.issues.value(0).message));
    QCOMPARE(p.settings.value(QStringLiteral("-Xmx")), QStringLiteral("16G"));
    QCOMPARE(p.settings.value(QStringLiteral("-Xmn")), QStringLiteral("10G"));
    QCOMPARE(p.settings.value(QStringLiteral("-XX:UseG1GC")), QStringLiteral("true"));
    QCOMPARE(p.settings.value(QStringLiteral("-XX:DisableExplicitGC")), QStringLiteral("false"));
    QCOMPARE(p.settings.value(QStringLiteral("-XX:MaxGCPauseMillis")), QStringLiteral("50"));
    QCOMPARE(p.settings.value(QStringLiteral("-XX:G1HeapRegionSize")), QStringLiteral("16M"));
    QCOMPARE(p.settings.value(QStringLiteral("-Djava.awt.headless")), QStringLiteral("true"));
    QVERIFY(p.settings.contains(QStringLiteral("-server")));
    QCOMPARE(p.lines.value(QStringLiteral("-Xmx")), 2);
    QCOMPARE(p.lines.value(QStringLiteral("-XX:UseG1GC")), 3);
    // A bare option line, as pasted from ps.
    QCOMPARE(JvmOptions::parse(QStringLiteral("-Xmx4G -XX:+UseZGC")).settings.size(), 2);
}

void TestJvmOptions::malformedGivesLineNumbers()
{
    const auto p = JvmOptions::parse(QStringLiteral("export KAFKA_HEAP_OPTS=\"-Xmx16 -XmxG\n"
                                                    "echo hello\n"
                                                    "export KAFKA_JVM_PERFORMANCE_OPTS=\"-XX:MaxGCPauseMillis= -XX:+ foo\"\n"));
    QVERIFY(p.issues.size() >= 5);
    QCOMPARE(p.issues[0].line, 1); // unclosed quote
    bool sawLine2 = false, sawLine3 = false;
    for (const ParseIssue &i : p.issues) {
        sawLine2 |= i.line == 2;
        sawLine3 |= i.line == 3 && i.message.contains(QLatin1String("MaxGCPauseMillis"));
    }
    QVERIFY(sawLine2);
    QVERIFY(sawLine3);
    QCOMPARE(p.settings.value(QStringLiteral("-Xmx")), QStringLiteral("16")); // bytes: legal, if absurd
}

void TestJvmOptions::envRoundTrip()
{
    const QMap<QString, QString> s{{QStringLiteral("-Xmx"), QStringLiteral("6G")},
                                   {QStringLiteral("-Xms"), QStringLiteral("6G")},
                                   {QStringLiteral("-XX:UseG1GC"), QStringLiteral("true")},
                                   {QStringLiteral("-XX:MaxGCPauseMillis"), QStringLiteral("20")},
                                   {QStringLiteral("-Dcom.sun.management.jmxremote"), QString()}};
    const QString env = JvmOptions::toEnv(s);
    QVERIFY(env.contains(QLatin1String("export KAFKA_HEAP_OPTS=\"-Xmx6G -Xms6G\"")));
    QVERIFY(env.contains(QLatin1String("KAFKA_JVM_PERFORMANCE_OPTS=\"-XX:+UseG1GC")));
    const auto back = JvmOptions::parse(env);
    QVERIFY(back.issues.isEmpty());
    QCOMPARE(back.settings, s);
    QCOMPARE(JvmOptions::toCommandLine(s),
             QStringLiteral("-Xmx6G -Xms6G -XX:+UseG1GC -Dcom.sun.management.jmxremote -XX:MaxGCPauseMillis=20"));
}

QTEST_GUILESS_MAIN(TestJvmOptions)
#include "tst_jvmoptions.moc"
