// DeadLetterReader and scanDeadLetters over the fake cluster: start modes, paging, filters, cancel, errors.
#include "deadletterreader.h"
#include "fakeclusterapi.h"

#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

const QString kDlq = QStringLiteral("orders.DLT");

// Partition p holds 100 records at times 1000*(i+1); every third is a NullPointerException from "orders".
std::shared_ptr<FakeClusterApi> cluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(kDlq, 3);
    for (int p = 0; p < 3; ++p)
        for (int i = 0; i < 100; ++i) {
            const bool npe = i % 3 == 0;
            fake->append(kDlq, p, 1000LL * (i + 1), QStringLiteral("value-%1-%2").arg(p).arg(i).toUtf8(),
                         QStringLiteral("key-%1").arg(i).toUtf8(),
                         {{QStringLiteral("kafka_dlt-original-topic"), npe ? QByteArray("orders") : QByteArray("payments")},
                          {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(p)},
                          {QStringLiteral("kafka_dlt-original-offset"), QByteArray::number(i)},
                          {QStringLiteral("kafka_dlt-exception-fqcn"),
                           npe ? QByteArray("java.lang.NullPointerException") : QByteArray("com.acme.ValidationException")}});
        }
    return fake;
}

BrowseSelection selection(BrowseStart::Mode mode, qint64 value = 0, QList<int> partitions = {})
{
    BrowseSelection s;
    s.topic = kDlq;
    s.partitions = std::move(partitions);
    s.start = {mode, value};
    return s;
}

} // namespace

class TestDeadLetterReader : public QObject
{
    Q_OBJECT

private slots:
    void startModes_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<qint64>("expectedStart");
        QTest::newRow("oldest") << int(BrowseStart::Mode::Oldest) << qint64(0) << qint64(0);
        QTest::newRow("newest 10") << int(BrowseStart::Mode::NewestN) << qint64(10) << qint64(90);
        QTest::newRow("newest more than there are") << int(BrowseStart::Mode::NewestN) << qint64(1000) << qint64(0);
        QTest::newRow("offset") << int(BrowseStart::Mode::Offset) << qint64(42) << qint64(42);
        QTest::newRow("offset past end") << int(BrowseStart::Mode::Offset) << qint64(500) << qint64(100);
        QTest::newRow("time") << int(BrowseStart::Mode::Time) << qint64(50500) << qint64(50);
        QTest::newRow("time after last") << int(BrowseStart::Mode::Time) << qint64(999999) << qint64(100);
    }

    void startModes()
    {
        QFETCH(int, mode);
        QFETCH(qint64, value);
        QFETCH(qint64, expectedStart);
        auto fake = cluster();
        DeadLetterReader reader(*fake, selection(BrowseStart::Mode(mode), value, {1}));
        QVERIFY(reader.open().ok());
        QCOMPARE(reader.cursors().size(), 1);
        QCOMPARE(reader.cursors().first().start, expectedStart);
        QCOMPARE(reader.cursors().first().end, 100);
        QCOMPARE(reader.remaining(), 100 - expectedStart);
    }

    void pagesCoverEveryRecordOnce()
    {
        auto fake = cluster();
        DeadLetterReader reader(*fake, selection(BrowseStart::Mode::Oldest));
        QVERIFY(reader.open().ok());
        QCOMPARE(reader.total(), 300);
        QSet<std::pair<int, qint64>> seen;
        int pages = 0;
        while (!reader.atEnd()) {
            auto page = reader.next(40);
            QVERIFY(page.ok());
            QVERIFY(page.value().size() <= 40);
            for (const DeadLetterRecord &r : page.value()) {
                QVERIFY(!seen.contains({r.record.partition, r.record.offset}));
                seen.insert({r.record.partition, r.record.offset});
                QCOMPARE(r.info.format, DeadLetterFormat::Spring);
                QCOMPARE(r.info.originalOffset.value(), r.record.offset);
            }
            QVERIFY(++pages < 100);
        }
        QCOMPARE(seen.size(), 300);
        QVERIFY(reader.next(40).value().isEmpty());
    }

    void recordsAppendedAfterOpenAreNotRead()
    {
        auto fake = cluster();
        DeadLetterReader reader(*fake, selection(BrowseStart::Mode::NewestN, 5, {0}));
        QVERIFY(reader.open().ok());
        fake->append(kDlq, 0, 5, "late");
        auto page = reader.next(100);
        QCOMPARE(page.value().size(), 5);
        QCOMPARE(page.value().last().record.offset, 99);
        QVERIFY(reader.atEnd());
    }

    void errors()
    {
        auto fake = cluster();
        BrowseSelection missing = selection(BrowseStart::Mode::Oldest);
        missing.topic = QStringLiteral("nope");
        DeadLetterReader r1(*fake, missing);
        QVERIFY(!r1.open().ok());
        DeadLetterReader r2(*fake, selection(BrowseStart::Mode::Oldest, 0, {7}));
        const Status s = r2.open();
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QStringLiteral("partition 7")));
        fake->setDown(true);
        DeadLetterReader r3(*fake, selection(BrowseStart::Mode::Oldest));
        QVERIFY(!r3.open().ok());
    }

    void scanFiltersAndGroupsByErrorClass()
    {
        auto fake = cluster();
        RecordFilterSpec spec;
        spec.originalTopic = QStringLiteral("orders");
        QList<DeadLetterRecord> matches;
        int progressCalls = 0;
        ScanOptions options;
        options.pageSize = 25;
        options.onMatch = [&](const DeadLetterRecord &r) {
            matches.append(r);
            return true;
        };
        options.progress = [&](const ScanProgress &) { ++progressCalls; };
        auto result = scanDeadLetters(*fake, selection(BrowseStart::Mode::Oldest), RecordFilter(spec), options);
        QVERIFY(result.ok());
        QCOMPARE(result.value().scanned, 300);
        QCOMPARE(result.value().matched, 3 * 34);
        QCOMPARE(matches.size(), 3 * 34);
        QCOMPARE(result.value().errorClassCounts.value(QStringLiteral("java.lang.NullPointerException")), 3 * 34);
        QCOMPARE(result.value().errorClassCounts.size(), 1);
        QVERIFY(progressCalls >= 12);

        auto all = scanDeadLetters(*fake, selection(BrowseStart::Mode::Oldest), RecordFilter(), ScanOptions());
        QCOMPARE(all.value().errorClassCounts.value(QStringLiteral("com.acme.ValidationException")), 3 * 66);
    }

    void scanLimitAndCancel()
    {
        auto fake = cluster();
        ScanOptions limited;
        limited.limit = 7;
        auto r = scanDeadLetters(*fake, selection(BrowseStart::Mode::Oldest), RecordFilter(), limited);
        QCOMPARE(r.value().matched, 7);

        std::atomic<bool> cancel{false};
        ScanOptions cancelling;
        cancelling.pageSize = 10;
        cancelling.cancel = &cancel;
        cancelling.progress = [&](const ScanProgress &p) {
            if (p.scanned >= 50)
                cancel = true;
        };
        auto c = scanDeadLetters(*fake, selection(BrowseStart::Mode::Oldest), RecordFilter(), cancelling);
        QVERIFY(c.value().cancelled);
        QCOMPARE(c.value().scanned, 50);

        RecordFilterSpec bad;
        bad.key = {QStringLiteral("[x"), true};
        QVERIFY(!scanDeadLetters(*fake, selection(BrowseStart::Mode::Oldest), RecordFilter(bad), ScanOptions()).ok());
    }

    void hugeValuesAndManyHeaders()
    {
        auto fake = std::make_shared<FakeClusterApi>();
        fake->addTopic(kDlq, 1);
        QList<RecordHeader> headers;
        for (int i = 0; i < 3000; ++i)
            headers.append({QStringLiteral("h%1").arg(i), QByteArray(10, 'x')});
        fake->append(kDlq, 0, 1, QByteArray(10 * 1024 * 1024, '\xff'), std::nullopt, headers);
        RecordFilterSpec spec;
        spec.value = {QStringLiteral("needle"), false};
        auto r = scanDeadLetters(*fake, selection(BrowseStart::Mode::Oldest), RecordFilter(spec), ScanOptions());
        QVERIFY(r.ok());
        QCOMPARE(r.value().scanned, 1);
        QCOMPARE(r.value().matched, 0);
    }
};

QTEST_GUILESS_MAIN(TestDeadLetterReader)
#include "tst_deadletterreader.moc"
