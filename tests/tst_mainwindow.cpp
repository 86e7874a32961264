// GUI tests on the offscreen platform: the window opens, connects to librdkafka's mock
// cluster through a saved profile, shows its topics, and says plainly when it is down.
#include "connectionstore.h"
#include "fakeclusterapi.h"
#include "mainwindow.h"
#include "mockcluster.h"
#include "models/clustermodels.h"
#include "charts/timeserieschart.h"
#include "lagservice.h"
#include "lagsettings.h"
#include "models/lagmodels.h"
#include "pages/alertspage.h"
#include "pages/consumerspage.h"
#include "pages/groupdetailpanel.h"
#include "pages/overviewpage.h"
#include "widgets/statusbanner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace kops;
using kops::test::FakeClusterApi;
using kops::test::MockCluster;

namespace {

QStringList topicNames(TopicsModel *model)
{
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, TopicsModel::Name).data().toString();
    return names;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("kafka-ops-console-test"));
    }

    void init()
    {
        QFile::remove(ConnectionStore().filePath());
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QFile::remove(LagSettings::defaultPath());
    }

    void opensAndShowsMockClusterTopics()
    {
        MockCluster mock(2);
        mock.createTopic(QStringLiteral("orders"), 3, 2);
        mock.createTopic(QStringLiteral("payments.dlq"), 1, 1);
        mock.produce(QStringLiteral("orders"), 0, 42);
        ConnectionProfile p;
        p.name = QStringLiteral("mock");
        p.bootstrapServers = mock.bootstrapServers();
        QVERIFY(ConnectionStore().upsert(p).ok());

        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("connectionCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("mock"));

        // Press the real Connect button in the toolbar.
        auto *toolbar = w.findChild<QToolBar *>(QStringLiteral("connectionToolbar"));
        QAction *connectAction = w.findChild<QAction *>(QStringLiteral("connectAction"));
        QWidget *button = toolbar->widgetForAction(connectAction);
        QVERIFY(button);
        QSignalSpy shown(&w, &MainWindow::overviewShown);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(shown.wait(15000));

        TopicsModel *topics = w.overviewPage()->topicsModel();
        QAbstractItemModelTester tester(topics, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(topicNames(topics).contains(QStringLiteral("orders")));
        QVERIFY(topicNames(topics).contains(QStringLiteral("payments.dlq")));
        for (int r = 0; r < topics->rowCount(); ++r)
            if (topics->index(r, TopicsModel::Name).data().toString() == QLatin1String("orders")) {
                QCOMPARE(topics->index(r, TopicsModel::Partitions).data().toInt(), 3);
                QCOMPARE(topics->index(r, TopicsModel::Messages).data(RawValueRole).toLongLong(), 42);
            }
        QVERIFY(!w.banner()->isVisible());

        // A refresh keeps rows (and so the selection) instead of resetting the model.
        auto *view = w.overviewPage()->findChild<QTableView *>(QStringLiteral("topicsTable"));
        view->selectRow(0);
        const QString selected = view->currentIndex().data().toString();
        w.refresh();
        QVERIFY(shown.wait(15000));
        QCOMPARE(view->currentIndex().data().toString(), selected);
    }

    void brokerDownIsShownPlainlyWithoutFreezing()
    {
        auto fake = std::make_shared<FakeClusterApi>();
        fake->addTopic(QStringLiteral("t"), 1);
        MainWindow w(nullptr, [fake](const ConnectionProfile &, const QString &) { return kops::test::sharedFactory(fake); });
        w.show();
        ConnectionProfile p;
        p.name = QStringLiteral("fake");
        p.bootstrapServers = QStringLiteral("fake:9092");
        QSignalSpy shown(&w, &MainWindow::overviewShown);
        w.connectTo(p);
        QVERIFY(shown.wait(5000));
        fake->setDown(true);
        w.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(w.banner()->isVisible() && w.banner()->kind() == StatusBanner::Kind::Error, 5000);
        QVERIFY(w.banner()->text().contains(QLatin1String("cannot reach")));
        QVERIFY(w.banner()->text().contains(QLatin1String("last successful refresh")));
        QCOMPARE(w.overviewPage()->topicsModel()->rowCount(), 1); // stale data kept
        fake->setDown(false);
        w.refresh();
        QVERIFY(shown.wait(5000));
        QVERIFY(!w.banner()->isVisible());

        // The unsaved connection was listed while connected only.
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("connectionCombo"));
        QCOMPARE(combo->findText(QStringLiteral("fake")), 0);
        w.disconnectFromCluster();
        QCOMPARE(combo->findText(QStringLiteral("fake")), -1);
    }

    void consumersPageShowsLagAndOpensReplayFromTheChart()
    {
        auto fake = std::make_shared<FakeClusterApi>();
        fake->addTopic(QStringLiteral("orders"), 2);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 8; ++i)
            fake->append(QStringLiteral("orders"), 0, now - (8 - i) * 60'000);
        FakeClusterApi::Group g;
        g.committed[{QStringLiteral("orders"), 0}] = 3;
        fake->setGroup(QStringLiteral("billing"), g);
        MainWindow w(nullptr, [fake](const ConnectionProfile &, const QString &) { return kops::test::sharedFactory(fake); });
        w.resize(1280, 800);
        w.show();
        ConnectionProfile p;
        p.name = QStringLiteral("fake-lag");
        p.bootstrapServers = QStringLiteral("fake:9092");
        w.connectTo(p);
        w.showPage(QStringLiteral("Consumers"));
        LagGroupsModel *groups = w.consumersPage()->groupsModel();
        QAbstractItemModelTester tester(groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(groups->rowCount(), 1, 10000);
        QCOMPARE(groups->index(0, LagGroupsModel::TotalLag).data(RawValueRole).toLongLong(), 5);
        QCOMPARE(groups->index(0, LagGroupsModel::Status).data().toString(), QStringLiteral("OK"));
        // Time lag is the age of the record at offset 3 (produced 5 minutes ago).
        const double timeLag = groups->index(0, LagGroupsModel::MaxTimeLag).data(RawValueRole).toDouble();
        QVERIFY2(timeLag >= 299 && timeLag < 305, qPrintable(QString::number(timeLag)));

        auto *view = w.consumersPage()->findChild<QTableView *>(QStringLiteral("lagGroupsView"));
        QVERIFY(view);
        const QRect cell = view->visualRect(view->model()->index(0, LagGroupsModel::Group));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(w.consumersPage()->selectedGroup(), QStringLiteral("billing"));
        LagPartitionsModel *parts = w.consumersPage()->detail()->partitionsModel();
        QTRY_COMPARE_WITH_TIMEOUT(parts->rowCount(), 1, 5000);
        QCOMPARE(parts->index(0, LagPartitionsModel::Lag).data(RawValueRole).toLongLong(), 5);
        QCOMPARE(parts->index(0, LagPartitionsModel::Member).data().toString(), QStringLiteral("-"));

        // Clicking a time on the chart offers "Replay from here", which opens the wizard.
        TimeSeriesChart *chart = w.consumersPage()->detail()->chart();
        QTRY_VERIFY_WITH_TIMEOUT(chart->seriesCount() == 3, 5000);
        // Per-partition view: one series per partition of the group.
        auto *viewCombo = w.consumersPage()->detail()->findChild<QComboBox *>(QStringLiteral("viewCombo"));
        viewCombo->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 1, 5000);
        viewCombo->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 3, 5000);
        QPushButton *replay = w.consumersPage()->detail()->replayButton();
        QVERIFY(!replay->isEnabled());
        const QDateTime picked = QDateTime::currentDateTime().addSecs(-120);
        chart->setMarker(picked);
        emit chart->timestampClicked(picked);
        QVERIFY(replay->isEnabled());
        QTest::mouseClick(replay, Qt::LeftButton);
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->currentItem()->text(), QStringLiteral("Replay"));
    }

    void alertIsRaisedOncePerIncident()
    {
        auto fake = std::make_shared<FakeClusterApi>();
        fake->addTopic(QStringLiteral("orders"), 1);
        for (int i = 0; i < 20; ++i)
            fake->append(QStringLiteral("orders"), 0, 1000 + i);
        FakeClusterApi::Group g;
        g.committed[{QStringLiteral("orders"), 0}] = 0;
        fake->setGroup(QStringLiteral("slow"), g);
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        QVERIFY(LagSettings::save(QStringLiteral("fake-alerts"), settings).ok());
        MainWindow w(nullptr, [fake](const ConnectionProfile &, const QString &) { return kops::test::sharedFactory(fake); });
        w.show();
        ConnectionProfile p;
        p.name = QStringLiteral("fake-alerts");
        p.bootstrapServers = QStringLiteral("fake:9092");
        p.sampleIntervalSeconds = 1;
        w.connectTo(p);
        // Signals from the sampler thread are queued, so none is missed before the spy exists.
        QSignalSpy alerts(w.lagService(), &LagService::alertsRaised);
        QTRY_VERIFY_WITH_TIMEOUT(w.alertsPage()->model()->rowCount() == 1, 10000);
        QTest::qWait(2500); // more samples, same incident
        QCOMPARE(w.alertsPage()->model()->rowCount(), 1);
        QCOMPARE(w.alertsPage()->model()->index(0, AlertsModel::Status).data().toString(), QStringLiteral("ERR"));
        QCOMPARE(w.alertsPage()->openCount(), 1);
        QCOMPARE(alerts.count(), 1);
    }

    void keyedModelAppliesDiffs()
    {
        GroupsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{QStringLiteral("a"), QStringLiteral("Stable"), {}}, {QStringLiteral("b"), QStringLiteral("Empty"), {}},
                       {QStringLiteral("c"), QStringLiteral("Empty"), {}}});
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setRows({{QStringLiteral("a"), QStringLiteral("Empty"), {}}, {QStringLiteral("c"), QStringLiteral("Stable"), {}},
                       {QStringLiteral("d"), QStringLiteral("Dead"), {}}});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, GroupsModel::State).data().toString(), QStringLiteral("Empty"));
        QCOMPARE(model.index(1, GroupsModel::GroupId).data().toString(), QStringLiteral("c"));
        QCOMPARE(model.index(2, GroupsModel::GroupId).data().toString(), QStringLiteral("d"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
