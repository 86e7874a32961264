#include "configlinter.h"
#include "jvmadvisor.h"
#include "jvmoptions.h"

#include <QTest>

using namespace kops;

class TestJvmAdvisor final : public QObject
{
    Q_OBJECT
private slots:
    void splitAddsUp();
    void recommendations_data();
    void recommendations();
    void pageCacheShortfall();
    void adviceLintsClean();
};

void TestJvmAdvisor::splitAddsUp()
{
    const MemorySplit s = memorySplit(32LL << 30, 16LL << 30);
    QCOMPARE(s.heap + s.pageCache + s.osReserve, s.ram);
    QCOMPARE(s.pageCache, 14LL << 30);
    QVERIFY(s.describe().contains(QLatin1String("page cache ~14 GB")));
    QCOMPARE(memorySplit(4LL << 30, 8LL << 30).pageCache, 0); // never negative
}

void TestJvmAdvisor::recommendations_data()
{
    QTest::addColumn<qint64>("ram");
    QTest::addColumn<double>("mbps");
    QTest::addColumn<QString>("heap");
    QTest::newRow("4G") << (4LL << 30) << 20.0 << QStringLiteral("1G");
    QTest::newRow("16G") << (16LL << 30) << 50.0 << QStringLiteral("4G");
    QTest::newRow("32G") << (32LL << 30) << 50.0 << QStringLiteral("6G");
    QTest::newRow("64G-busy") << (64LL << 30) << 500.0 << QStringLiteral("8G");
    QTest::newRow("256G") << (256LL << 30) << 100.0 << QStringLiteral("6G");
}

void TestJvmAdvisor::recommendations()
{
    QFETCH(qint64, ram);
    QFETCH(double, mbps);
    QFETCH(QString, heap);
    const auto a = JvmAdvisor::advise({ram, mbps, 5});
    QCOMPARE(a.settings.value(QStringLiteral("-Xmx")), heap);
    QCOMPARE(a.settings.value(QStringLiteral("-Xms")), heap);
    QCOMPARE(a.settings.value(QStringLiteral("-XX:UseG1GC")), QStringLiteral("true"));
    QVERIFY(!a.settings.contains(QStringLiteral("-Xmn")));
    QVERIFY(a.split.heap <= ram / 4 || a.split.heap == 1LL << 30);
    QVERIFY(a.commandLine().startsWith(QStringLiteral("-Xmx") + heap));
    QVERIFY(a.reasons.join(QLatin1Char(' ')).contains(QLatin1String("page cache")));
}

void TestJvmAdvisor::pageCacheShortfall()
{
    // 200 MB/s for 10 minutes = ~117 GB of recent data: a 32 GB host cannot keep it hot.
    const auto a = JvmAdvisor::advise({32LL << 30, 200, 10});
    QVERIFY(a.pageCacheShort);
    QCOMPARE(a.pageCacheNeeded, qint64(200) * 60 * 10 << 20);
    QVERIFY(a.reasons.last().contains(QLatin1String("Add RAM")));
    QVERIFY(!JvmAdvisor::advise({128LL << 30, 50, 5}).pageCacheShort);
}

void TestJvmAdvisor::adviceLintsClean()
{
    for (qint64 gb : {4, 8, 16, 32, 64, 128, 512}) {
        ConfigProfile p;
        p.type = ProfileType::Jvm;
        p.settings = JvmAdvisor::advise({gb << 30, 100, 5}).settings;
        p.hostRam = QString::number(gb) + QLatin1Char('G');
        const auto fs = ConfigLinter::lint(p);
        QVERIFY2(fs.isEmpty(), qPrintable(QStringLiteral("%1 GB: %2").arg(gb).arg(fs.value(0).message)));
    }
}

QTEST_GUILESS_MAIN(TestJvmAdvisor)
#include "tst_jvmadvisor.moc"
