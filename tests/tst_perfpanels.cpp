// The Tools page's throughput lab and audit tabs on the demo cluster: a small lab fills the
// table and chart and names a recommendation; the teaching preset hands its topic to the audit;
// the audit of the prepared ledger lists its findings and a double-click asks for the record in
// the Dead letters browser; a read-only connection refuses the lab.
#include "charts/partitionchart.h"
#include "democluster.h"
#include "democontext.h"
#include "models/perfmodels.h"
#include "tools/auditpanel.h"
#include "tools/perfpanel.h"
#include "tools/toolspage.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

class TestPerfPanels final : public QObject
{
    Q_OBJECT
    std::shared_ptr<demo::DemoCluster> m_demo;

    ConnectionContextPtr context(bool readOnly) const { return test::demoConnection(m_demo, readOnly); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_perfpanels"));
        auto started = test::startDemo();
        QVERIFY(started.ok());
        m_demo = started.value();
    }

    void labOnTheDemo()
    {
        ToolsPage page;
        page.resize(1280, 760);
        page.show();
        page.setConnection(context(false));
        PerfPanel *perf = page.perfPanel();
        QAbstractItemModelTester tester(perf->model());
        perf->findChild<QLineEdit *>(QStringLiteral("perfPartitions"))->setText(QStringLiteral("1,2,4"));
        perf->findChild<QSpinBox *>(QStringLiteral("perfRecords"))->setValue(3000);
        QSignalSpy finished(perf, &PerfPanel::labFinished);
        QTest::mouseClick(perf->findChild<QPushButton *>(QStringLiteral("perfRun")), Qt::LeftButton);
        QVERIFY(perf->isRunning());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(perf->model()->rowCount(), 3);
        QCOMPARE(perf->chart()->pointCount(), 3);
        for (const PerfPoint &p : perf->model()->points())
            QCOMPARE(p.records, 3000);
        QVERIFY(perf->verdictText().contains(QStringLiteral("partition")));
        QTemporaryDir dir;
        QVERIFY(perf->exportTo(dir.filePath(QStringLiteral("lab.csv")), false).ok());
        QVERIFY(perf->exportTo(dir.filePath(QStringLiteral("lab.json")), true).ok());
        QFile csv(dir.filePath(QStringLiteral("lab.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 4);
    }

    void auditOfTheLedger()
    {
        ToolsPage page;
        page.resize(1280, 760);
        page.show();
        page.setConnection(context(false));
        AuditPanel *audit = page.auditPanel();
        page.tabs()->setCurrentWidget(audit);
        QAbstractItemModelTester tester(audit->model());
        QSignalSpy finished(audit, &AuditPanel::auditFinished);
        audit->setRequest(QStringLiteral("payments.ledger"), QStringLiteral("json:$.entryId"), QStringLiteral("json:$.seq"), false);
        QTest::mouseClick(audit->findChild<QPushButton *>(QStringLiteral("auditRun")), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QVERIFY(audit->lastReport());
        QCOMPARE(audit->lastReport()->duplicates, 24);
        QCOMPARE(audit->lastReport()->orderBreaks, 6);
        QCOMPARE(audit->lastReport()->keysInSeveralPartitions, 2);
        QCOMPARE(audit->model()->rowCount(), 32);
        QVERIFY(audit->summaryText().contains(QStringLiteral("24 duplicates")));
        QSignalSpy open(&page, &ToolsPage::openRecordRequested);
        QTableView *table = audit->table();
        const QModelIndex first = table->model()->index(0, 0);
        const QRect cell = table->visualRect(first);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), QStringLiteral("payments.ledger"));
        QVERIFY(open.first().at(2).toLongLong() >= 0);
    }

    void readOnlyRefusesTheLab()
    {
        PerfPanel panel;
        panel.setConnection(context(true));
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("perfRun"))->isEnabled());
        panel.startConfirmed();
        QVERIFY(!panel.isRunning());
    }
};

QTEST_MAIN(TestPerfPanels)
#include "tst_perfpanels.moc"
