// The Tools page's table models: shape (QAbstractItemModelTester), texts, raw values for
// sorting, and the router runs' state (a silent "running" run was killed).
#include "tools/toolmodels.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace kops;

class TestToolModels final : public QObject
{
    Q_OBJECT

    static QString text(const QAbstractItemModel &m, int row, int column)
    {
        return m.data(m.index(row, column), Qt::DisplayRole).toString();
    }
    static qint64 raw(const QAbstractItemModel &m, int row, int column)
    {
        return m.data(m.index(row, column), RawValueRole).toLongLong();
    }

private slots:
    void drainPartitions()
    {
        DrainPartitionsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        DrainPartition a{QStringLiteral("orders"), 0, 10, 0, 110, 100, 2.5};
        DrainPartition b{QStringLiteral("payments"), 0, -1, 5, 50, 45, std::nullopt};
        model.setRows({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(DrainPartitionsModel::ColumnCount));
        QCOMPARE(text(model, 1, DrainPartitionsModel::Topic), QStringLiteral("payments"));
        QCOMPARE(text(model, 1, DrainPartitionsModel::Committed), QStringLiteral("none (from the log start)"));
        QCOMPARE(text(model, 1, DrainPartitionsModel::ConsumeRate), QStringLiteral("unknown"));
        QCOMPARE(text(model, 0, DrainPartitionsModel::ConsumeRate), QStringLiteral("2.50"));
        QCOMPARE(raw(model, 0, DrainPartitionsModel::Backlog), 100);
        // Same partition of another topic is another row; a refresh updates in place.
        a.backlog = 90;
        model.setRows({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(raw(model, 0, DrainPartitionsModel::Backlog), 90);
        model.setRows({b});
        QCOMPARE(model.rowCount(), 1);
    }

    void drainJournal()
    {
        DrainJournalModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RelayJob j;
        j.id = 7;
        j.startedMs = 1'700'000'000'000;
        j.state = QStringLiteral("done");
        j.consumed = 42;
        j.spec = QJsonObject{{QStringLiteral("group"), QStringLiteral("g")},
                             {QStringLiteral("topic"), QStringLiteral("a,b")},
                             {QStringLiteral("topics"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                             {QStringLiteral("target"), QStringLiteral("wide")}};
        RelayJob old = j; // journalled before drains had several topics
        old.id = 3;
        old.spec.remove(QStringLiteral("topics"));
        old.spec.insert(QStringLiteral("topic"), QStringLiteral("a"));
        model.setRows({{j, {{QStringLiteral("a"), 0, 5, 9}, {QStringLiteral("b"), 1, 0, 0}}}, {old, {}}});
        QCOMPARE(text(model, 0, DrainJournalModel::From), QStringLiteral("a, b"));
        QCOMPARE(text(model, 1, DrainJournalModel::From), QStringLiteral("a"));
        QCOMPARE(text(model, 0, DrainJournalModel::Ranges), QStringLiteral("a/0 [5, 9)")); // empty ranges left out
        QCOMPARE(text(model, 1, DrainJournalModel::Ranges), QStringLiteral("-"));
        QCOMPARE(raw(model, 0, DrainJournalModel::Records), 42);
        QCOMPARE(raw(model, 0, DrainJournalModel::Started), j.startedMs);
    }

    void delayTiers()
    {
        DelayTiersModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 now = 1'700'000'000'000;
        model.setNow(now);
        DelayTierStatus s1{{QStringLiteral("1s"), 1000}, QStringLiteral("q_1s"), true, 3, 12, now - 500, now + 5000};
        DelayTierStatus s2{{QStringLiteral("5s"), 5000}, QStringLiteral("q_5s"), false, 0, 0, std::nullopt, std::nullopt};
        model.setRows({s1, s2});
        QVERIFY(text(model, 0, DelayTiersModel::OldestDue).endsWith(QStringLiteral("(due)")));
        QVERIFY(text(model, 0, DelayTiersModel::NextDue).endsWith(QStringLiteral("(in 5s)")));
        QCOMPARE(text(model, 1, DelayTiersModel::Partitions), QStringLiteral("missing"));
        QCOMPARE(text(model, 1, DelayTiersModel::NextDue), QStringLiteral("-"));
        QCOMPARE(raw(model, 1, DelayTiersModel::Tier), 5000); // tiers sort by length, not name
    }

    void routerRuns()
    {
        RouterRunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 now = 1'700'000'000'000;
        model.setNow(now);
        RelayJob stopped;
        stopped.id = 1;
        stopped.startedMs = now - 3'600'000;
        stopped.state = QStringLiteral("stopped");
        stopped.spec = QJsonObject{{QStringLiteral("prefix"), QStringLiteral("reminders")}};
        stopped.result = QJsonObject{{QStringLiteral("forwarded"), 1500}, {QStringLiteral("retiered"), 20},
                                     {QStringLiteral("latenessP50"), 12}, {QStringLiteral("latenessP99"), 85},
                                     {QStringLiteral("latenessMax"), 140}, {QStringLiteral("updatedMs"), double(now - 3'000'000)}};
        RelayJob running = stopped;
        running.id = 2;
        running.state = QStringLiteral("running");
        running.result.insert(QStringLiteral("updatedMs"), double(now - 4000));
        RelayJob killed = running;
        killed.id = 3;
        killed.result.insert(QStringLiteral("updatedMs"), double(now - 120'000));
        RelayJob fresh; // just started: nothing measured yet
        fresh.id = 4;
        fresh.startedMs = now - 1000;
        fresh.state = QStringLiteral("running");
        RelayJob failed = fresh;
        failed.id = 5;
        failed.state = QStringLiteral("failed");
        failed.detail = QStringLiteral("UNKNOWN_TOPIC_OR_PART");
        model.setRows({stopped, running, killed, fresh, failed});
        QCOMPARE(text(model, 0, RouterRunsModel::State), QStringLiteral("stopped"));
        QCOMPARE(text(model, 1, RouterRunsModel::State), QStringLiteral("running"));
        QVERIFY(text(model, 2, RouterRunsModel::State).startsWith(QStringLiteral("interrupted")));
        QCOMPARE(text(model, 3, RouterRunsModel::State), QStringLiteral("running"));
        QCOMPARE(text(model, 4, RouterRunsModel::State), QStringLiteral("failed: UNKNOWN_TOPIC_OR_PART"));
        QCOMPARE(text(model, 0, RouterRunsModel::Queue), QStringLiteral("reminders"));
        QCOMPARE(text(model, 0, RouterRunsModel::Forwarded), QStringLiteral("1500"));
        QCOMPARE(text(model, 0, RouterRunsModel::LatenessP99), QStringLiteral("85 ms"));
        QCOMPARE(raw(model, 0, RouterRunsModel::LatenessMax), 140);
        QCOMPARE(text(model, 3, RouterRunsModel::Forwarded), QStringLiteral("-"));
        QCOMPARE(text(model, 3, RouterRunsModel::LatenessP99), QStringLiteral("-"));
    }
};

QTEST_GUILESS_MAIN(TestToolModels)
#include "tst_toolmodels.moc"
