// The Tools page on the demo cluster: plan and run a drain, watch and route a delay queue,
// and the read-only switch. KOPS_TOOLS_SCREENSHOTS=1 saves /tmp/tools-*.png.
#include "charts/timeserieschart.h"
#include "democluster.h"
#include "democontext.h"
#include "rdkafkaclusterapi.h"
#include "tools/delaypanel.h"
#include "tools/drainpanel.h"
#include "tools/toolmodels.h"
#include "tools/toolspage.h"

#include <QAbstractButton>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QListWidget>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

using namespace kops;

class TestToolsPage final : public QObject
{
    Q_OBJECT

    std::shared_ptr<demo::DemoCluster> m_demo;

    ConnectionContextPtr context(bool readOnly) const { return test::demoConnection(m_demo, readOnly); }

    void shot(QWidget &w, const char *name)
    {
        if (qEnvironmentVariableIsSet("KOPS_TOOLS_SCREENSHOTS"))
            w.grab().save(QStringLiteral("/tmp/tools-%1.png").arg(QLatin1String(name)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_toolspage"));
        auto started = test::startDemo(200);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
        m_demo = started.value();
    }

    void drainOnTheDemo()
    {
        ToolsPage page;
        page.resize(1100, 720);
        page.show();
        page.setConnection(context(false));
        DrainPanel *drain = page.drainPanel();
        auto *start = page.findChild<QPushButton *>(QStringLiteral("drainStart"));
        QVERIFY(start);

        // A group with consumers: planned, but refused.
        QSignalSpy planned(drain, &DrainPanel::planReady);
        drain->planFor(QStringLiteral("billing-service"), {QStringLiteral("payments")}, QStringLiteral("payments-busy"));
        QVERIFY(planned.wait(20000));
        QVERIFY(!drain->plan()->guardError.isEmpty());
        QVERIFY(!start->isEnabled());

        // audit-archiver stopped an hour ago: its backlog on both its topics is drained into a wider topic.
        drain->planFor(QStringLiteral("audit-archiver"), {QStringLiteral("orders"), QStringLiteral("payments")},
                       QStringLiteral("payments-wide"));
        QVERIFY(planned.wait(20000));
        const DrainPlan plan = *drain->plan();
        QVERIFY2(plan.guardError.isEmpty(), qPrintable(plan.guardError));
        QCOMPARE(plan.topics, QStringList({QStringLiteral("orders"), QStringLiteral("payments")}));
        QSet<QString> planned2;
        for (const DrainPartition &p : plan.partitions)
            planned2.insert(p.topic);
        QCOMPARE(planned2.size(), 2);
        QCOMPARE(drain->partitionsModel()->rowCount(), int(plan.partitions.size()));
        QTRY_COMPARE_WITH_TIMEOUT(drain->checkedTopics(), plan.topics, 10000); // ticked in the group's list
        QCOMPARE(page.findChild<QListWidget *>(QStringLiteral("drainTopics"))->count(), 2);
        QVERIFY(plan.backlog > 0);
        QVERIFY(!plan.targetExists);
        QVERIFY(plan.proposedPartitions >= 6);
        QVERIFY(start->isEnabled());
        QVERIFY(drain->confirmationText().contains(QStringLiteral("payments-wide")));
        QVERIFY(drain->confirmationText().contains(QStringLiteral("orders, payments")));
        shot(page, "drain-plan");

        QSignalSpy finished(drain, &DrainPanel::drainFinished);
        drain->startConfirmed();
        QVERIFY(drain->isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(page.findChild<QTableView *>(QStringLiteral("drainJournalTable"))->model()->rowCount() > 0, 10000);
        {
            DrainJournalModel *journal = drain->journalModel();
            int newest = 0;
            for (int r = 1; r < journal->rowCount(); ++r)
                if (journal->row(r).job.id > journal->row(newest).job.id)
                    newest = r;
            QCOMPARE(journal->data(journal->index(newest, DrainJournalModel::From), Qt::DisplayRole).toString(),
                     QStringLiteral("orders, payments"));
            QSet<QString> rangeTopics;
            for (const RelayRange &r : journal->row(newest).ranges)
                rangeTopics.insert(r.topic);
            QCOMPARE(rangeTopics.size(), 2);
        }
        shot(page, "drain-done");

        // Everything up to the end seen at start is in the wider topic.
        RdKafkaClusterApi api(m_demo->clientProperties());
        QList<TopicPartition> tps;
        for (int p = 0; p < plan.targetPartitions; ++p)
            tps.append({QStringLiteral("payments-wide"), p});
        auto marks = api.watermarks(tps);
        QVERIFY(marks.ok());
        qint64 written = 0;
        for (const auto &w : marks.value())
            written += w.high;
        QVERIFY2(written >= plan.backlog, qPrintable(QStringLiteral("%1 < %2").arg(written).arg(plan.backlog)));
    }

    void delayQueueOnTheDemo()
    {
        ToolsPage page;
        page.resize(1100, 720);
        page.show();
        page.tabs()->setCurrentIndex(1);
        page.setConnection(context(false));
        DelayPanel *delay = page.delayPanel();
        QSignalSpy loaded(delay, &DelayPanel::statusLoaded);
        delay->setPrefix(QStringLiteral("reminders"));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(delay->tiersModel()->rowCount(), 10);
        qint64 backlog = 0;
        for (int r = 0; r < 10; ++r)
            backlog += delay->tiersModel()->data(delay->tiersModel()->index(r, DelayTiersModel::Backlog), RawValueRole).toLongLong();
        QVERIFY(backlog > 0); // the demo's reminders

        QSignalSpy stopped(delay, &DelayPanel::routerStopped);
        delay->startRouter();
        QVERIFY(delay->isRouterRunning());
        QTRY_VERIFY_WITH_TIMEOUT(delay->forwardedTotal() > 0, 30000);
        QCOMPARE(delay->chart()->seriesCount(), 3);
        shot(page, "delay-router");
        QTRY_VERIFY_WITH_TIMEOUT(delay->runsModel()->rowCount() > 0, 10000); // listed while it runs
        delay->stopRouter();
        QVERIFY(stopped.wait(20000));
        QCOMPARE(stopped.first().first().toBool(), true);
        // The run as the journal lists it: stopped, with what it forwarded and how late.
        RouterRunsModel *model = delay->runsModel();
        auto newest = [model] {
            int n = 0;
            for (int r = 1; r < model->rowCount(); ++r)
                if (model->row(r).id > model->row(n).id)
                    n = r;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(model->data(model->index(newest(), RouterRunsModel::State), Qt::DisplayRole).toString(),
                                  QStringLiteral("stopped"), 15000);
        const int newestRow = newest();
        QCOMPARE(model->data(model->index(newestRow, RouterRunsModel::Queue), Qt::DisplayRole).toString(), QStringLiteral("reminders"));
        QVERIFY(model->data(model->index(newestRow, RouterRunsModel::Forwarded), RawValueRole).toLongLong() > 0);
        QVERIFY(model->data(model->index(newestRow, RouterRunsModel::LatenessP99), Qt::DisplayRole).toString().endsWith(QStringLiteral(" ms")));
        shot(page, "delay-runs");
    }

    void readOnlyRefusesWrites()
    {
        ToolsPage page;
        page.show();
        page.setConnection(context(true));
        QVERIFY(!page.drainPanel()->bannerText().isEmpty());
        QVERIFY(!page.delayPanel()->bannerText().isEmpty());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("drainStart"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("delayCreate"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("delaySend"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("delayRouter"))->isEnabled());
    }
};

QTEST_MAIN(TestToolsPage)
#include "tst_toolspage.moc"
