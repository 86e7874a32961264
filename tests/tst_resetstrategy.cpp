#include "replay/resetstrategy.h"

#include <QDateTime>
#include <QTest>

#include <ctime>

using namespace kops;

class TestResetStrategy final : public QObject
{
    Q_OBJECT
private slots:
    void dateTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        const qint64 base = QDateTime(QDate(2024, 3, 1), QTime(12, 30, 15, 250), Qt::UTC).toMSecsSinceEpoch();
        QTest::newRow("no zone is UTC as in Kafka") << QStringLiteral("2024-03-01T12:30:15.250") << base;
        QTest::newRow("Z") << QStringLiteral("2024-03-01T12:30:15.250Z") << base;
        QTest::newRow("+02:00") << QStringLiteral("2024-03-01T14:30:15.250+02:00") << base;
        QTest::newRow("-0530") << QStringLiteral("2024-03-01T07:00:15.250-0530") << base;
        QTest::newRow("+01") << QStringLiteral("2024-03-01T13:30:15.250+01") << base;
    }
    void dateTime()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        auto r = parseResetDateTime(text);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value(), expected);
    }
    void zonelessLocalTime()
    {
        // Kolkata is UTC+05:30 all year, so local and UTC readings differ by exactly 5.5 hours.
        qputenv("TZ", "Asia/Kolkata");
        tzset();
        const qint64 utc = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        auto local = parseResetDateTime(QStringLiteral("2024-03-01T12:00:00.000"), ZonelessTime::Local);
        QVERIFY(local.ok());
        QCOMPARE(local.value(), utc - 5 * 3600000 - 1800000);
        QCOMPARE(parseResetDateTime(QStringLiteral("2024-03-01T12:00:00.000")).value(), utc);
        // An explicit zone wins over the local reading.
        QCOMPARE(parseResetDateTime(QStringLiteral("2024-03-01T12:00:00.000Z"), ZonelessTime::Local).value(), utc);
        qunsetenv("TZ");
        tzset();
    }
    void badDateTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no T") << QStringLiteral("2024-03-01 12:30:15.250");
        QTest::newRow("no millis") << QStringLiteral("2024-03-01T12:30:15");
        QTest::newRow("micros") << QStringLiteral("2024-03-01T12:30:15.250123");
        QTest::newRow("Feb 30") << QStringLiteral("2024-02-30T12:30:15.250");
        QTest::newRow("hour 25") << QStringLiteral("2024-03-01T25:30:15.250");
        QTest::newRow("garbage") << QStringLiteral("yesterday");
        QTest::newRow("bad zone") << QStringLiteral("2024-03-01T12:30:15.250+25:00");
    }
    void badDateTime()
    {
        QFETCH(QString, text);
        auto r = parseResetDateTime(text);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(text), qPrintable(r.error().message));
    }
    void duration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("PT1H30M") << QStringLiteral("PT1H30M") << qint64(5400000);
        QTest::newRow("P1DT12H") << QStringLiteral("P1DT12H") << qint64(129600000);
        QTest::newRow("P2D") << QStringLiteral("P2D") << qint64(172800000);
        QTest::newRow("PT0.5S") << QStringLiteral("PT0.5S") << qint64(500);
        QTest::newRow("lower case") << QStringLiteral("pt10m") << qint64(600000);
        QTest::newRow("negative") << QStringLiteral("-PT1S") << qint64(-1000);
    }
    void duration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        auto r = parseResetDuration(text);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), ms);
    }
    void badDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty P") << QStringLiteral("P");
        QTest::newRow("PT") << QStringLiteral("PT");
        QTest::newRow("1h") << QStringLiteral("1h");
        QTest::newRow("minutes before T") << QStringLiteral("P5M");
        QTest::newRow("order") << QStringLiteral("PT5M1H");
    }
    void badDuration()
    {
        QFETCH(QString, text);
        auto r = parseResetDuration(text);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(text));
    }
    void topicSelection()
    {
        auto all = parseTopicSelection(QStringLiteral("orders"));
        QVERIFY(all.ok());
        QCOMPARE(all.value().topic, QStringLiteral("orders"));
        QVERIFY(all.value().partitions.isEmpty());
        auto some = parseTopicSelection(QStringLiteral("orders:0,2,5"));
        QVERIFY(some.ok());
        QCOMPARE(some.value().partitions, (QList<int>{0, 2, 5}));
        QVERIFY(!parseTopicSelection(QStringLiteral("orders:0,x")).ok());
        QVERIFY(!parseTopicSelection(QStringLiteral(":1")).ok());
        QVERIFY(!parseTopicSelection(QStringLiteral("orders:-1")).ok());
    }
    void csvRoundTrip()
    {
        const QString csv = QStringLiteral("orders,0,15\norders,1,7\n\npayments,2,0\n");
        auto rows = parseResetCsv(csv);
        QVERIFY(rows.ok());
        QCOMPARE(rows.value().size(), 3);
        QCOMPARE(rows.value().at(1).topic, QStringLiteral("orders"));
        QCOMPARE(rows.value().at(1).partition, 1);
        QCOMPARE(rows.value().at(1).offset, qint64(7));
        QCOMPARE(formatResetCsv(rows.value()), QStringLiteral("orders,0,15\norders,1,7\npayments,2,0\n"));
    }
    void csvWithGroups()
    {
        auto rows = parseResetCsv(QStringLiteral("g1,orders,0,3\ng2,orders,0,9\n"), QStringLiteral("g2"));
        QVERIFY(rows.ok());
        QCOMPARE(rows.value().size(), 1);
        QCOMPARE(rows.value().first().offset, qint64(9));
        QVERIFY(!parseResetCsv(QStringLiteral("g1,orders,0,3\n"), QStringLiteral("g3")).ok());
    }
    void badCsv_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("two fields") << QStringLiteral("orders,0\n") << QStringLiteral("line 1");
        QTest::newRow("bad partition") << QStringLiteral("orders,0,1\norders,x,1\n") << QStringLiteral("line 2");
        QTest::newRow("bad offset") << QStringLiteral("orders,0,abc\n") << QStringLiteral("'abc'");
        QTest::newRow("negative offset") << QStringLiteral("orders,0,-5\n") << QStringLiteral("'-5'");
        QTest::newRow("duplicate") << QStringLiteral("orders,0,1\norders,0,2\n") << QStringLiteral("twice");
        QTest::newRow("empty") << QStringLiteral("\n\n") << QStringLiteral("no topic,partition,offset");
        QTest::newRow("empty topic") << QStringLiteral(",0,1\n") << QStringLiteral("topic is empty");
    }
    void badCsv()
    {
        QFETCH(QString, csv);
        QFETCH(QString, mentions);
        auto r = parseResetCsv(csv);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    }
    void describe()
    {
        QCOMPARE(ResetStrategy::shiftBy(-10).describe(), QStringLiteral("--shift-by -10"));
        QCOMPARE(ResetStrategy::toOffset(5).describe(), QStringLiteral("--to-offset 5"));
        QCOMPARE(ResetStrategy::toDatetime(0).describe(), QStringLiteral("--to-datetime 1970-01-01T00:00:00.000Z"));
        ResetScope scope;
        scope.topics = {{QStringLiteral("a"), {}}, {QStringLiteral("b"), {0, 2}}};
        QCOMPARE(scope.describe(), QStringLiteral("--topic a --topic b:0,2"));
    }
};

QTEST_GUILESS_MAIN(TestResetStrategy)
#include "tst_resetstrategy.moc"
