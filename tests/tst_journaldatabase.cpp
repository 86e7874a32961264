// The SQLite file shared by the requeue, relay and reset journals: which step failed, the
// schema statements and a migration run once, one Qt SQL connection per instance, removed
// with it; and an older relay journal (no result column) is migrated without losing its jobs.
#include "drain/relayjournal.h"
#include "journaldatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

KafkaError stepError(JournalDatabase::Step step, const QSqlError &e)
{
    static const char *const names[] = {"folder", "open", "prepare"};
    return KafkaError::make(QStringLiteral("JOURNAL"), QStringLiteral("%1: %2").arg(QLatin1String(names[int(step)]), e.text()));
}

} // namespace

class TestJournalDatabase : public QObject
{
    Q_OBJECT

private slots:
    void folderThatCannotBeCreatedNamesTheStep()
    {
        JournalDatabase db(QStringLiteral("/proc/definitely/not/here.sqlite"), QStringLiteral("t"));
        const Status s = db.open({"CREATE TABLE x (a)"}, stepError);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.startsWith(QStringLiteral("folder: ")), qPrintable(s.error().message));
        QVERIFY(!db.isOpen());
    }

    void badStatementIsAPrepareErrorAndLeavesItClosed()
    {
        QTemporaryDir dir;
        JournalDatabase db(dir.filePath(QStringLiteral("sub/j.sqlite")), QStringLiteral("t"));
        const Status s = db.open({"CREATE TABLE x (a)", "THIS IS NOT SQL"}, stepError);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.startsWith(QStringLiteral("prepare: ")), qPrintable(s.error().message));
        QVERIFY(!db.isOpen());
        // A second try (the statement fixed) opens the same connection again.
        QVERIFY(db.open({"CREATE TABLE IF NOT EXISTS x (a)"}, stepError).ok());
        QVERIFY(db.isOpen());
    }

    void statementsAndMigrationRunOnceAndTheConnectionGoesWithTheInstance()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.sqlite"));
        const qsizetype before = QSqlDatabase::connectionNames().size();
        int migrations = 0;
        const auto migrate = [&](QSqlDatabase &d) -> Status {
            ++migrations;
            QSqlQuery q(d);
            if (!q.exec(QStringLiteral("INSERT INTO x VALUES (1)")))
                return stepError(JournalDatabase::Step::Prepare, q.lastError());
            return Done{};
        };
        {
            JournalDatabase a(path, QStringLiteral("t"));
            JournalDatabase b(path, QStringLiteral("t"));
            QVERIFY(a.open({"PRAGMA journal_mode=WAL", "CREATE TABLE IF NOT EXISTS x (a)"}, stepError, migrate).ok());
            QVERIFY(a.open({"NOT SQL"}, stepError, migrate).ok()); // open already: nothing runs
            QVERIFY(b.open({"CREATE TABLE IF NOT EXISTS x (a)"}, stepError).ok());
            QCOMPARE(migrations, 1);
            QCOMPARE(QSqlDatabase::connectionNames().size(), before + 2);
            QSqlQuery q(b.database());
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM x")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QCOMPARE(QSqlDatabase::connectionNames().size(), before);
    }

    void olderRelayJournalGetsTheResultColumnAndKeepsItsJobs()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("relay-journal.sqlite"));
        {
            JournalDatabase old(path, QStringLiteral("t"));
            QVERIFY(old.open({"CREATE TABLE relay_jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT, "
                              "transactional_id TEXT, user TEXT, connection TEXT, started_ms INTEGER, finished_ms INTEGER, "
                              "spec TEXT, state TEXT, detail TEXT, consumed INTEGER, produced INTEGER)",
                              "INSERT INTO relay_jobs (kind, transactional_id, user, connection, started_ms, finished_ms, "
                              "spec, state, detail, consumed, produced) VALUES ('drain', 'tx-1', 'ops', 'prod', 1000, 2000, "
                              "'{}', 'done', '', 10, 10)"},
                             stepError)
                        .ok());
        }
        RelayJournal journal(path);
        auto jobs = journal.list();
        QVERIFY2(jobs.ok(), jobs.ok() ? "" : qPrintable(jobs.error().toString()));
        QCOMPARE(jobs.value().size(), 1);
        QCOMPARE(jobs.value().first().transactionalId, QStringLiteral("tx-1"));
        RelayJob job = jobs.value().first();
        job.result = QJsonObject{{QStringLiteral("p99"), 42}};
        QVERIFY(journal.update(job).ok());
        auto again = journal.list();
        QVERIFY(again.ok());
        QCOMPARE(again.value().first().result.value(QStringLiteral("p99")).toInt(), 42);
    }
};

QTEST_GUILESS_MAIN(TestJournalDatabase)
#include "tst_journaldatabase.moc"
