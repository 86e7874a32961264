#include "replay/resetjournal.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

#include <thread>

using namespace kops;

class TestResetJournal final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Own name per test program, so test programs run in parallel never share a journal file.
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_resetjournal"));
        QFile::remove(ResetJournal::defaultPath());
    }
    void cleanupTestCase() { QFile::remove(ResetJournal::defaultPath()); }

    void defaultPathIsInTestAppData()
    {
        const QString path = ResetJournal::defaultPath();
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(path.contains(QStringLiteral("kafka-ops-console")));
        QVERIFY(path.contains(QStringLiteral(".qttest")));
    }

    void roundTrip()
    {
        JournalEntry e;
        e.timeMs = 1700000000123;
        e.connection = QStringLiteral("prod");
        e.group = QStringLiteral("billing");
        e.strategy = QStringLiteral("--shift-by -10");
        JournalOffset a{QStringLiteral("orders"), 0, 42, 32, {}, {}};
        JournalOffset b{QStringLiteral("orders"), 1, std::nullopt, 9007199254740993LL, {}, {}}; // beyond double precision
        e.offsets = {a, b};
        qint64 id = 0;
        {
            ResetJournal j;
            auto r = j.begin(e);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            id = r.value();
            auto pending = j.entry(id);
            QVERIFY(pending.ok());
            QCOMPARE(pending.value().outcome, QStringLiteral("pending"));
            b.errorCode = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
            QVERIFY(j.finish(id, QStringLiteral("partial"), QStringLiteral("1 of 2"), {a, b}).ok());
        }
        ResetJournal reopened; // a new instance (and connection) reads what the first wrote
        auto r = reopened.entry(id);
        QVERIFY(r.ok());
        const JournalEntry &got = r.value();
        QCOMPARE(got.timeMs, e.timeMs);
        QCOMPARE(got.connection, e.connection);
        QCOMPARE(got.group, e.group);
        QCOMPARE(got.strategy, e.strategy);
        QCOMPARE(got.outcome, QStringLiteral("partial"));
        QCOMPARE(got.outcomeDetail, QStringLiteral("1 of 2"));
        QVERIFY(!got.undoOf);
        QCOMPARE(got.offsets.size(), 2);
        QCOMPARE(got.offsets.at(0).oldOffset, std::optional<qint64>(42));
        QCOMPARE(got.offsets.at(0).newOffset, qint64(32));
        QVERIFY(!got.offsets.at(1).oldOffset);
        QCOMPARE(got.offsets.at(1).newOffset, qint64(9007199254740993LL));
        QCOMPARE(got.offsets.at(1).errorCode, QStringLiteral("UNKNOWN_TOPIC_OR_PART"));
        QVERIFY(got.wroteSomething());
    }

    void listNewestFirstAndByGroup()
    {
        ResetJournal j;
        JournalEntry e;
        e.group = QStringLiteral("a");
        e.strategy = QStringLiteral("--to-latest");
        auto firstResult = j.begin(e);
        QVERIFY2(firstResult.ok(), qPrintable(firstResult.ok() ? QString() : firstResult.error().message));
        const qint64 first = firstResult.value();
        e.group = QStringLiteral("b");
        e.undoOf = first;
        const qint64 second = j.begin(e).value();
        auto all = j.list();
        QVERIFY(all.ok());
        QVERIFY(all.value().size() >= 2);
        QCOMPARE(all.value().first().id, second);
        QCOMPARE(all.value().first().undoOf, std::optional<qint64>(first));
        auto onlyA = j.list(QStringLiteral("a"));
        QVERIFY(onlyA.ok());
        for (const JournalEntry &x : onlyA.value())
            QCOMPARE(x.group, QStringLiteral("a"));
        QVERIFY(!j.entry(999999).ok());
        QVERIFY(j.entry(999999).error().message.contains(QStringLiteral("999999")));
    }

    void instancesOnOtherThreads()
    {
        bool ok = false;
        std::thread t([&] {
            ResetJournal j;
            ok = j.list().ok();
        });
        t.join();
        QVERIFY(ok);
    }

    void unwritableLocationIsAnError()
    {
        ResetJournal j(QStringLiteral("/proc/definitely/not/here.sqlite"));
        auto r = j.begin(JournalEntry{});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("JOURNAL"));
    }
};

QTEST_GUILESS_MAIN(TestResetJournal)
#include "tst_resetjournal.moc"
