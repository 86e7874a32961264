// GUI tests on the offscreen platform: the window opens, connects to librdkafka's mock
// cluster through a saved profile, shows its topics, and says plainly when it is down.
#include "connectionstore.h"
#include "dialogs/connectiondialog.h"
#include "eventloopcheck.h"
#include "fakeclusterapi.h"
#include "forwardingclusterapi.h"
#include "mainwindow.h"
#include "dialogs/aboutdialog.h"
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
#include "replay/replaypage.h"
#include "replay/resetstrategyform.h"
#include "widgets/statusbanner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QStyleFactory>
#include <QStyleOptionHeader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QMenuBar>
#include <QWidgetAction>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTimer>
#include <QBrush>

using namespace kops;
using kops::test::FakeClusterApi;
using kops::test::MockCluster;

namespace {

/// The fake cluster, except that reading committed offsets (lag sampling only) can be made to fail.
class LagFaultApi final : public kops::test::ForwardingClusterApi
{
public:
    LagFaultApi(std::shared_ptr<FakeClusterApi> fake, std::shared_ptr<std::atomic<bool>> fail)
        : ForwardingClusterApi(*fake), m_fake(std::move(fake)), m_fail(std::move(fail))
    {
    }
    Result<QHash<QString, QList<PartitionOffset>>> committedOffsets(const QStringList &groups) override
    {
        if (*m_fail)
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), QStringLiteral("Reading committed offsets failed."));
        return ForwardingClusterApi::committedOffsets(groups);
    }

private:
    std::shared_ptr<FakeClusterApi> m_fake;
    std::shared_ptr<std::atomic<bool>> m_fail;
};

// One partition of "orders" holding `records` records (timestamps 1000, 1001, ...), each of the
// groups committed at `committed` on it.
std::shared_ptr<FakeClusterApi> ordersCluster(int records, qint64 committed, const QStringList &groups)
{
    auto fake = std::make_shared<FakeClusterApi>();
    fake->addTopic(QStringLiteral("orders"), 1);
    for (int i = 0; i < records; ++i)
        fake->append(QStringLiteral("orders"), 0, 1000 + i);
    FakeClusterApi::Group g;
    g.committed[{QStringLiteral("orders"), 0}] = committed;
    for (const QString &group : groups)
        fake->setGroup(group, g);
    return fake;
}

// For MainWindow: every connection it opens goes to the fake.
auto toFake(const std::shared_ptr<FakeClusterApi> &fake)
{
    return [fake](const ConnectionProfile &, const QString &) { return kops::test::sharedFactory(fake); };
}

// A connection named `name` to the fake cluster.
ConnectionProfile fakeProfile(const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.bootstrapServers = QStringLiteral("fake:9092");
    return p;
}

QStringList topicNames(TopicsModel *model)
{
    QStringList names;
    for (int r = 0; r < model->rowCount(); ++r)
        names << model->index(r, TopicsModel::Name).data().toString();
    return names;
}

} // namespace

namespace {

// Clicks a page's entry in the navigation list, as a user would.
void clickPage(MainWindow &w, const QString &title)
{
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    const auto items = nav->findItems(title, Qt::MatchExactly);
    QVERIFY2(!items.isEmpty(), qPrintable(title));
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(items.first()).center());
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

    // On a first start (no saved geometry) the window fits the screen: at 1366x768 a
    // 1280x800 window put the status bar below the screen's edge.
    void firstStartFitsTheScreen()
    {
        MainWindow w;
        const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
        QVERIFY2(w.height() < available.height() && w.width() <= available.width(),
                 qPrintable(QStringLiteral("window %1x%2, screen %3x%4")
                                .arg(w.width()).arg(w.height()).arg(available.width()).arg(available.height())));
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
        MainWindow w(nullptr, toFake(fake));
        w.show();
        ConnectionProfile p = fakeProfile(QStringLiteral("fake"));
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

        // Without freezing: a broker that never answers leaves the window working. While the
        // refresh hangs, timers fire and a click on the navigation switches the page.
        fake->setBlocking(true);
        auto release = qScopeGuard([&] { fake->setBlocking(false); });
        w.refresh();
        QString why;
        QVERIFY2(kops::test::eventLoopRunsWhileCallsHang(*fake, &why), qPrintable(why));
        clickPage(w, QStringLiteral("Consumers"));
        QCOMPARE(w.findChild<QStackedWidget *>(QStringLiteral("pageStack"))->currentWidget(), static_cast<QWidget *>(w.consumersPage()));
        QVERIFY(fake->blockedCalls() > 0); // the click was handled while the call still hung
        fake->setBlocking(false);
        QVERIFY(shown.wait(10000));
        QVERIFY(!w.banner()->isVisible());

        // The unsaved connection was listed while connected only.
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("connectionCombo"));
        QCOMPARE(combo->findText(QStringLiteral("fake")), 0);
        w.disconnectFromCluster();
        QCOMPARE(combo->findText(QStringLiteral("fake")), -1);
    }

    // Sampling lag hangs on a broker that never answers: the window keeps working (timers fire,
    // clicks are handled) and the values arrive once the broker answers again.
    void hangingLagSamplingLeavesTheWindowResponsive()
    {
        auto fake = ordersCluster(10, 4, {QStringLiteral("billing")});
        MainWindow w(nullptr, toFake(fake));
        w.show();
        ConnectionProfile p = fakeProfile(QStringLiteral("fake-hang"));
        p.sampleIntervalSeconds = 1;
        fake->setBlocking(true); // from the first call on
        auto release = qScopeGuard([&] { fake->setBlocking(false); });
        w.connectTo(p);
        QSignalSpy snapshots(w.lagService(), &LagService::lagSnapshotAvailable);
        QString why;
        QVERIFY2(kops::test::eventLoopRunsWhileCallsHang(*fake, &why), qPrintable(why));
        clickPage(w, QStringLiteral("Consumers"));
        QCOMPARE(w.findChild<QStackedWidget *>(QStringLiteral("pageStack"))->currentWidget(), static_cast<QWidget *>(w.consumersPage()));
        clickPage(w, QStringLiteral("Alerts"));
        QCOMPARE(w.findChild<QStackedWidget *>(QStringLiteral("pageStack"))->currentWidget(), static_cast<QWidget *>(w.alertsPage()));
        QCOMPARE(snapshots.count(), 0);
        QVERIFY(fake->blockedCalls() > 0);
        fake->setBlocking(false);
        QVERIFY(snapshots.wait(20000));
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
        MainWindow w(nullptr, toFake(fake));
        w.resize(1280, 800);
        w.show();
        ConnectionProfile p = fakeProfile(QStringLiteral("fake-lag"));
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
        // No __consumer_offsets here: OffsetFetch, so the last commit's time is unknown ("-",
        // never made up) and the page says where the offsets came from.
        QCOMPARE(groups->index(0, LagGroupsModel::LastCommit).data().toString(), QStringLiteral("-"));
        QCOMPARE(groups->headerData(LagGroupsModel::LastCommit, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Last commit"));
        QTRY_VERIFY_WITH_TIMEOUT(w.consumersPage()->summaryText().contains(QLatin1String("offsets from OffsetFetch")), 10000);

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
        const QDateTime picked = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 120);
        chart->setMarker(picked);
        emit chart->timestampClicked(picked);
        QVERIFY(replay->isEnabled());
        QTest::mouseClick(replay, Qt::LeftButton);
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(nav->currentItem()->text(), QStringLiteral("Replay"));
        // The wizard received the selected group and the clicked time, at the strategy step.
        ReplayPage *wizard = w.replayPage();
        QCOMPARE(wizard->currentStep(), ReplayPage::StrategyStep);
        QCOMPARE(wizard->findChild<QComboBox *>(QStringLiteral("replayGroup"))->currentText(), QStringLiteral("billing"));
        auto *form = wizard->findChild<ResetStrategyForm *>();
        QVERIFY(form);
        const auto strategy = form->strategy();
        QVERIFY(strategy.ok());
        QCOMPARE(strategy.value().kind, ResetStrategy::Kind::ToDatetime);
        QCOMPARE(strategy.value().timestampMs, picked.toMSecsSinceEpoch());
    }

    void alertIsRaisedOncePerIncident()
    {
        auto fake = ordersCluster(20, 0, {QStringLiteral("slow")});
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        QVERIFY(LagSettings::save(QStringLiteral("fake-alerts"), settings).ok());
        MainWindow w(nullptr, toFake(fake));
        w.show();
        ConnectionProfile p = fakeProfile(QStringLiteral("fake-alerts"));
        p.sampleIntervalSeconds = 1;
        w.connectTo(p);
        // Signals from the sampler thread are queued, so none is missed before the spy exists.
        QSignalSpy alerts(w.lagService(), &LagService::alertsRaised);
        QTRY_VERIFY_WITH_TIMEOUT(w.alertsPage()->model()->rowCount() == 1, 10000);
        // Two more whole rounds, same incident: still one alert.
        QSignalSpy rounds(w.lagService(), &LagService::samplingRoundFinished);
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 2, 20000);
        QCoreApplication::processEvents(); // the alerts of the last round reach the page
        QCOMPARE(w.alertsPage()->model()->rowCount(), 1);
        QCOMPARE(w.alertsPage()->model()->index(0, AlertsModel::Status).data().toString(), QStringLiteral("ERR"));
        QCOMPARE(w.alertsPage()->openCount(), 1);
        QCOMPARE(alerts.count(), 1);
    }

    // Issue 15, 1: the selected group was published twice to the sampler (selected + on
    // screen) once the filter showed it, and the cluster rejects repeated names, so every
    // round failed while the page kept showing the old values as if current.
    void filteringOnTheSelectedGroupKeepsLagSampling()
    {
        auto fake = ordersCluster(10, 4, {QStringLiteral("gui-billing"), QStringLiteral("gui-orders"), QStringLiteral("reports")});
        auto failLag = std::make_shared<std::atomic<bool>>(false);
        MainWindow w(nullptr, [fake, failLag](const ConnectionProfile &, const QString &) -> ClusterApiFactory {
            return [fake, failLag] { return std::unique_ptr<ClusterApi>(std::make_unique<LagFaultApi>(fake, failLag)); };
        });
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ConnectionProfile p = fakeProfile(QStringLiteral("fake-filter"));
        p.sampleIntervalSeconds = 1;
        w.connectTo(p);
        w.showPage(QStringLiteral("Consumers"));
        ConsumersPage *page = w.consumersPage();
        LagGroupsModel *groups = page->groupsModel();
        QTRY_COMPARE_WITH_TIMEOUT(groups->rowCount(), 3, 10000);

        auto *view = page->findChild<QTableView *>(QStringLiteral("lagGroupsView"));
        page->selectGroup(QStringLiteral("gui-billing"));
        QCOMPARE(page->selectedGroup(), QStringLiteral("gui-billing"));
        QSignalSpy failures(w.lagService(), &LagService::samplingFailed);
        QSignalSpy snapshots(w.lagService(), &LagService::lagSnapshotAvailable);
        auto *filter = page->findChild<QLineEdit *>();
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("gui-"));
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 2, 5000);

        // New commits must show up: rounds keep succeeding after the filter was published.
        fake->setGroup(QStringLiteral("gui-billing"), [] {
            FakeClusterApi::Group moved;
            moved.committed[{QStringLiteral("orders"), 0}] = 8;
            return moved;
        }());
        const int row = groups->rowOf(QStringLiteral("gui-billing"));
        QTRY_COMPARE_WITH_TIMEOUT(groups->index(row, LagGroupsModel::TotalLag).data(RawValueRole).toLongLong(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 4, 15000);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.isEmpty() ? QString()
                                                                   : failures.first().first().value<KafkaError>().toString()));
        QVERIFY(!page->banner()->isVisible());
        QVERIFY(page->summaryText().contains(QLatin1String("sampled")));

        // A failed round cannot be missed: banner, greyed values with their age, status line.
        fake->setDown(true);
        QTRY_VERIFY_WITH_TIMEOUT(page->banner()->isVisible(), 10000);
        QCOMPARE(page->banner()->kind(), StatusBanner::Kind::Error);
        QVERIFY2(page->banner()->text().contains(QLatin1String("Lag sampling failed")), qPrintable(page->banner()->text()));
        QVERIFY(page->banner()->text().contains(QLatin1String("cannot reach fake:9092")));
        QVERIFY(groups->index(row, LagGroupsModel::TotalLag).data(StaleRole).toBool());
        QVERIFY(groups->index(row, LagGroupsModel::Group).data().toString().contains(QLatin1String(" old)")));
        QCOMPARE(groups->index(row, LagGroupsModel::TotalLag).data(Qt::ForegroundRole).value<QBrush>().color(),
                 QColor(150, 150, 150));
        QVERIFY(page->summaryText().contains(QLatin1String("sampling failed")));
        auto *label = w.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(label->toolTip().contains(QLatin1String("unreachable")), 10000);
        QVERIFY(!label->toolTip().contains(QLatin1String("refreshed"))); // not while nothing is

        fake->setDown(false);
        QTRY_VERIFY_WITH_TIMEOUT(!page->banner()->isVisible(), 10000);
        QVERIFY(!groups->index(row, LagGroupsModel::TotalLag).data(StaleRole).toBool());
        QVERIFY(!page->summaryText().contains(QLatin1String("failed")));
        QTRY_VERIFY_WITH_TIMEOUT(label->toolTip().contains(QLatin1String("refreshed"))
                                     && !label->toolTip().contains(QLatin1String("failed")),
                                 10000);

        // Only lag sampling fails (as in the issue) while the overview still refreshes: the
        // status line must not just say "refreshed".
        *failLag = true;
        QTRY_VERIFY_WITH_TIMEOUT(page->banner()->isVisible(), 10000);
        w.refresh();
        QSignalSpy overviews(&w, &MainWindow::overviewShown);
        QVERIFY(overviews.wait(5000));
        QVERIFY2(label->toolTip().startsWith(QLatin1String("lag sampling failed")), qPrintable(label->toolTip()));
        QVERIFY(!label->styleSheet().isEmpty()); // red
        *failLag = false;
        QTRY_VERIFY_WITH_TIMEOUT(!label->toolTip().contains(QLatin1String("failed")), 10000);
    }

    // Issue 15, 10: connected with no group selected, the page said "Not connected.".
    void consumersPageWithoutSelectionDoesNotSayNotConnected()
    {
        auto fake = std::make_shared<FakeClusterApi>();
        fake->addTopic(QStringLiteral("orders"), 1);
        MainWindow w(nullptr, toFake(fake));
        w.show();
        QCOMPARE(w.consumersPage()->detail()->headline(), QStringLiteral("Not connected."));
        ConnectionProfile p = fakeProfile(QStringLiteral("fake-empty"));
        QSignalSpy shown(&w, &MainWindow::overviewShown);
        w.connectTo(p);
        QVERIFY(shown.wait(5000));
        w.showPage(QStringLiteral("Consumers"));
        QVERIFY2(!w.consumersPage()->detail()->headline().contains(QLatin1String("Not connected")),
                 qPrintable(w.consumersPage()->detail()->headline()));
        QVERIFY(w.consumersPage()->detail()->headline().contains(QLatin1String("Select a consumer group")));
        w.disconnectFromCluster();
        QCOMPARE(w.consumersPage()->detail()->headline(), QStringLiteral("Not connected."));
    }

    // Issue 15, 10: saving a profile in the Connections dialog put its name in the cluster
    // selector although the session was still the command-line one.
    void savingAConnectionKeepsTheSessionInTheSelector()
    {
        auto fake = std::make_shared<FakeClusterApi>();
        MainWindow w(nullptr, toFake(fake));
        w.show();
        ConnectionProfile p;
        p.name = QStringLiteral("127.0.0.1:19092");
        p.bootstrapServers = QStringLiteral("127.0.0.1:19092");
        w.connectTo(p);
        auto *combo = w.findChild<QComboBox *>(QStringLiteral("connectionCombo"));
        QCOMPARE(combo->currentText(), p.name);

        bool saved = false;
        QTimer::singleShot(0, &w, [&] {
            auto *dialog = w.findChild<ConnectionDialog *>();
            QVERIFY(dialog);
            dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("prod"));
            dialog->findChild<QLineEdit *>(QStringLiteral("bootstrap"))->setText(QStringLiteral("kafka1:9092"));
            saved = dialog->save();
            dialog->reject();
        });
        auto *manage = [&]() -> QAction * {
            for (QAction *a : w.findChild<QToolBar *>(QStringLiteral("connectionToolbar"))->actions())
                if (a->text().startsWith(QLatin1String("Connections")))
                    return a;
            return nullptr;
        }();
        QVERIFY(manage);
        manage->trigger();
        QVERIFY(saved);
        QCOMPARE(combo->currentText(), p.name);
        QCOMPARE(w.connection()->profile.name, p.name);
        QVERIFY(combo->findText(QStringLiteral("prod")) >= 0);
        w.disconnectFromCluster();
        QCOMPARE(combo->findText(p.name), -1);
        QVERIFY(combo->findText(QStringLiteral("prod")) >= 0);
    }

    // Issue 15, 9: alerts arriving while the page is on screen wait behind a bar instead of
    // shifting rows under the pointer; a filter and "acknowledge all shown".
    void newAlertsDoNotMoveRowsUnderThePointer()
    {
        AlertsPage page;
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t0 = QDateTime::currentDateTime().addSecs(-600);
        auto alert = [&](qint64 id, const QString &group, HealthStatus status) {
            Alert a;
            a.id = id;
            a.at = t0.addSecs(id);
            a.cluster = QStringLiteral("c");
            a.group = group;
            a.topic = QStringLiteral("orders");
            a.status = status;
            a.reason = QStringLiteral("no commit for 10 min while lag > 0");
            return a;
        };
        QList<Alert> alerts{alert(1, QStringLiteral("billing"), HealthStatus::Stop),
                            alert(2, QStringLiteral("orders-app"), HealthStatus::Warn)};
        page.showAlerts(alerts);
        QCOMPARE(page.model()->rowCount(), 2);
        QTableView *view = page.view();
        // Newest first, and the header says so.
        QCOMPARE(view->model()->index(0, AlertsModel::Group).data().toString(), QStringLiteral("orders-app"));
        QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), int(AlertsModel::Time));
        QCOMPARE(view->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);

        // Two new alerts while the user points at row 0: row 0 stays the same alert.
        const QRect target = view->visualRect(view->model()->index(0, AlertsModel::Group));
        alerts.prepend(alert(3, QStringLiteral("gui-a"), HealthStatus::Stop));
        alerts.prepend(alert(4, QStringLiteral("gui-b"), HealthStatus::Stop));
        alerts.first().topic = QStringLiteral("payments.settlements.eu-west");
        page.showAlerts(alerts);
        QCOMPARE(page.model()->rowCount(), 2);
        QCOMPARE(view->indexAt(target.center()).data().toString(), QStringLiteral("orders-app"));
        auto *bar = page.findChild<QPushButton *>(QStringLiteral("newAlertsBar"));
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QLatin1String("2 new alerts")), qPrintable(bar->text()));
        QCOMPARE(page.openCount(), 4);
        QTest::mouseClick(bar, Qt::LeftButton);
        QCOMPARE(page.model()->rowCount(), 4);
        QVERIFY(!bar->isVisible());
        QCOMPARE(view->model()->index(0, AlertsModel::Group).data().toString(), QStringLiteral("gui-b"));
        // gui-b's topic is longer than the "orders" the columns were fitted to: its column widens.
        const QString topic = view->model()->index(0, AlertsModel::Topic).data().toString();
        QVERIFY(view->columnWidth(AlertsModel::Topic) >= view->fontMetrics().horizontalAdvance(topic));

        // The filter narrows the rows; "acknowledge all shown" counts only those.
        auto *filter = page.findChild<QLineEdit *>(QStringLiteral("alertsFilter"));
        QTest::keyClicks(filter, QStringLiteral("gui-"));
        QCOMPARE(view->model()->rowCount(), 2);
        auto *ackAll = page.findChild<QPushButton *>(QStringLiteral("acknowledgeAllButton"));
        QVERIFY2(ackAll->text().contains(QLatin1String("(2)")), qPrintable(ackAll->text()));
        filter->clear();
        QCOMPARE(view->model()->rowCount(), 4);
    }

    void acknowledgeAllShownAcknowledgesOnlyTheFilteredAlerts()
    {
        auto fake = ordersCluster(20, 0, {QStringLiteral("gui-a"), QStringLiteral("gui-b"), QStringLiteral("gui-c"),
                                          QStringLiteral("billing")});
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        QVERIFY(LagSettings::save(QStringLiteral("fake-ackall"), settings).ok());
        MainWindow w(nullptr, toFake(fake));
        w.show();
        ConnectionProfile p = fakeProfile(QStringLiteral("fake-ackall"));
        w.connectTo(p);
        QSignalSpy raised(w.lagService(), &LagService::alertsRaised);
        QTRY_COMPARE_WITH_TIMEOUT(w.alertsPage()->model()->rowCount(), 4, 10000);
        QCOMPARE(raised.count(), 1); // one round: one signal, one notification
        QCOMPARE(raised.first().first().value<QList<Alert>>().size(), 4);
        w.showPage(QStringLiteral("Alerts"));
        QTest::keyClicks(w.alertsPage()->findChild<QLineEdit *>(QStringLiteral("alertsFilter")), QStringLiteral("gui-"));
        auto *ackAll = w.alertsPage()->findChild<QPushButton *>(QStringLiteral("acknowledgeAllButton"));
        QVERIFY(ackAll->isEnabled());
        QTest::mouseClick(ackAll, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w.alertsPage()->openCount(), 1, 5000);
        const auto *model = w.alertsPage()->model();
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->row(r).acknowledged, model->row(r).group.startsWith(QLatin1String("gui-")));
    }

    // Issue 15, 9: a round sampled in several batches raised one signal (and one desktop
    // notification) per batch.
    void alertsOfOneRoundAreRaisedTogether()
    {
        QStringList abandoned;
        for (int i = 0; i < 5; ++i)
            abandoned << QStringLiteral("abandoned-%1").arg(i);
        auto fake = ordersCluster(20, 0, abandoned);
        auto context = std::make_shared<ConnectionContext>();
        context->profile.name = QStringLiteral("fake-batches");
        context->createApi = kops::test::sharedFactory(fake);
        LagSettings settings;
        settings.thresholds = {LagThreshold{{}, {}, 10, std::nullopt}};
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        LagService::Options options;
        options.historyPath = dir + QStringLiteral("/batches-history.sqlite");
        options.alertsPath = dir + QStringLiteral("/batches-alerts.sqlite");
        options.batchSize = 2;
        LagService service(context, settings, options);
        QSignalSpy raised(&service, &LagService::alertsRaised);
        QSignalSpy snapshots(&service, &LagService::lagSnapshotAvailable);
        service.sampleNow();
        QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty() && snapshots.last().first().value<LagSnapshotPtr>()->roundComplete,
                                 10000);
        QCOMPARE(snapshots.count(), 3); // batches of 2, 2 and 1: the last one completes the round
        QCOMPARE(raised.count(), 1);
        QCOMPARE(raised.first().first().value<QList<Alert>>().size(), 5);
    }

    void manyAlertsMakeOneNotification()
    {
        QList<Alert> alerts;
        for (int i = 0; i < 12; ++i) {
            Alert a;
            a.group = QStringLiteral("abandoned-%1").arg(i);
            a.status = i == 7 ? HealthStatus::Err : HealthStatus::Stop;
            alerts.append(a);
        }
        const auto [title, body] = MainWindow::alertNotification(alerts);
        QCOMPARE(title, QStringLiteral("12 new alerts"));
        QVERIFY2(body.startsWith(QLatin1String("ERR abandoned-7, STOP abandoned-0")), qPrintable(body));
        QVERIFY2(body.endsWith(QLatin1String("and 9 more")), qPrintable(body));
        QCOMPARE(MainWindow::alertNotification({alerts.first()}).first, QStringLiteral("STOP: abandoned-0"));
    }

    // Issue 15, 9: the alerts (newest first) showed an up arrow: QHeaderView hands Qt's
    // descending order to the style as SortUp, which Fusion draws pointing up.
    void menusAndShortcutsReachEveryPage()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus.append(a->text());
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Tools"), QStringLiteral("&Help")}));
        auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(nav);
        // Ctrl+2 shows the second page (Consumers); Ctrl+F then goes to its group filter.
        QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(nav->currentRow(), 1);
        QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
        auto *focused = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        QVERIFY(focused);
        QCOMPARE(focused->placeholderText(), QStringLiteral("Filter groups…"));
        QTest::keyClick(&w, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(nav->currentRow(), 0);
        auto *quit = w.findChild<QAction *>(QStringLiteral("quitAction"));
        QVERIFY(quit && quit->shortcut() == QKeySequence(QKeySequence::Quit));
        for (QToolBar *bar : w.findChildren<QToolBar *>())
            for (QAction *a : bar->actions())
                if (!a->isSeparator() && !qobject_cast<QWidgetAction *>(a))
                    QVERIFY2(a->toolTip() != a->text().remove(QLatin1Char('&')), qPrintable(a->text() + QStringLiteral(" has no tooltip")));
    }

    void aboutNamesTheVersionsAndTheLicense()
    {
        const QString text = aboutText();
        QVERIFY(text.contains(QStringLiteral(KOPS_VERSION)));
        QVERIFY(text.contains(librdkafkaVersion()));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("MIT License")));
    }

    void sortArrowsPointTheWayTheRowsRun()
    {
        MainWindow w;
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(fusion);
        auto render = [](const QStyle *style, QStyleOptionHeader::SortIndicator indicator) {
            QImage image(16, 16, QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            QStyleOptionHeader option;
            option.rect = image.rect();
            option.palette = QApplication::palette();
            option.sortIndicator = indicator;
            style->drawPrimitive(QStyle::PE_IndicatorHeaderArrow, &option, &painter);
            return image;
        };
        QVERIFY(render(fusion.get(), QStyleOptionHeader::SortUp) != render(fusion.get(), QStyleOptionHeader::SortDown));
        // Descending (SortUp from QHeaderView) is drawn as Fusion's downward arrow, and vice versa.
        QCOMPARE(render(QApplication::style(), QStyleOptionHeader::SortUp), render(fusion.get(), QStyleOptionHeader::SortDown));
        QCOMPARE(render(QApplication::style(), QStyleOptionHeader::SortDown), render(fusion.get(), QStyleOptionHeader::SortUp));
        auto *header = w.alertsPage()->view()->horizontalHeader();
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    }

    // Issue 15, 12: the Topic column was narrow and Messages very wide; the partitions
    // table cut off Status. Names take the spare width, figures fit their content.
    void columnsFitTheirContent()
    {
        auto fake = std::make_shared<FakeClusterApi>();
        const QString longTopic = QStringLiteral("customer-profile-changes.v2.compacted.eu-west-1");
        fake->addTopic(longTopic, 12);
        fake->addTopic(QStringLiteral("orders"), 1);
        for (int p = 0; p < 12; ++p)
            fake->append(longTopic, p, 1000 + p);
        FakeClusterApi::Group g;
        for (int p = 0; p < 12; ++p)
            g.committed[{longTopic, p}] = 0;
        GroupMember member;
        member.memberId = QStringLiteral("consumer-billing-service-eu-west-1-7f9c2d1e-4b5a-4c3d-9e8f-0a1b2c3d4e5f");
        member.clientId = QStringLiteral("billing-service-eu-west-1-instance-42");
        member.host = QStringLiteral("/10.12.134.201");
        for (int p = 0; p < 12; ++p)
            member.assignments.append({longTopic, p});
        g.members = {member};
        g.state = QStringLiteral("Stable");
        fake->setGroup(QStringLiteral("billing-service-eu-west-1-settlement-batch"), g);
        MainWindow w(nullptr, toFake(fake));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ConnectionProfile p = fakeProfile(QStringLiteral("fake-columns"));
        QSignalSpy shown(&w, &MainWindow::overviewShown);
        w.connectTo(p);
        QVERIFY(shown.wait(5000));
        auto *topics = w.overviewPage()->findChild<QTableView *>(QStringLiteral("topicsTable"));
        const int nameWidth = topics->fontMetrics().horizontalAdvance(longTopic);
        QVERIFY2(topics->columnWidth(TopicsModel::Name) >= nameWidth,
                 qPrintable(QStringLiteral("%1 < %2").arg(topics->columnWidth(TopicsModel::Name)).arg(nameWidth)));
        QVERIFY2(topics->columnWidth(TopicsModel::Messages) < topics->columnWidth(TopicsModel::Name),
                 qPrintable(QString::number(topics->columnWidth(TopicsModel::Messages))));
        QVERIFY(topics->columnWidth(TopicsModel::Messages) <= 200);

        w.showPage(QStringLiteral("Consumers"));
        QTRY_COMPARE_WITH_TIMEOUT(w.consumersPage()->groupsModel()->rowCount(), 1, 10000);
        w.consumersPage()->selectGroup(QStringLiteral("billing-service-eu-west-1-settlement-batch"));
        auto *parts = w.consumersPage()->detail()->findChild<QTableView *>(QStringLiteral("lagPartitionsView"));
        QTRY_COMPARE_WITH_TIMEOUT(parts->model()->rowCount(), 12, 5000);
        QTest::qWait(0);
        const int statusRight = parts->columnViewportPosition(LagPartitionsModel::Status)
                                + parts->columnWidth(LagPartitionsModel::Status);
        QVERIFY2(statusRight <= parts->viewport()->width(),
                 qPrintable(QStringLiteral("Status ends at %1, viewport %2").arg(statusRight).arg(parts->viewport()->width())));
        QVERIFY(parts->columnWidth(LagPartitionsModel::Status)
                >= parts->fontMetrics().horizontalAdvance(QStringLiteral("Status")));
    }

    // Issue 15, 11: offset resets are marked on the chart.
    void offsetResetsAreMarkedOnTheChart()
    {
        GroupDetailPanel panel;
        panel.setGroup(QStringLiteral("g"));
        QList<GroupHistoryPoint> points;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 600'000;
        for (int i = 0; i < 6; ++i) {
            GroupHistoryPoint p;
            p.atMs = t0 + i * 10'000;
            p.totalLag = i == 2 || i == 3 ? 1000 : 50;
            p.consumed = i == 2 || i == 4 ? 0 : 100;
            p.offsetReset = i == 2 || i == 4;
            points.append(p);
        }
        panel.showHistory(points, {}, {});
        QCOMPARE(panel.chart()->seriesCount(), 3);
        QCOMPARE(panel.chart()->eventCount(), 2);
        panel.clear(QStringLiteral("none"));
        QCOMPARE(panel.chart()->eventCount(), 0);
    }

    // With no group chosen the chart stays blank (the title says what to do); a chosen group
    // without samples yet says so.
    void chartSaysNoHistoryOnlyForAChosenGroup()
    {
        GroupDetailPanel panel;
        panel.resize(900, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.chart()->refreshNow();
        QCOMPARE(panel.chart()->emptyTextShown(), QString());
        panel.setGroup(QStringLiteral("g"));
        panel.chart()->refreshNow();
        QVERIFY(panel.chart()->emptyTextShown().startsWith(QStringLiteral("No history yet")));
        panel.clear(QStringLiteral("none"));
        panel.chart()->refreshNow();
        QCOMPARE(panel.chart()->emptyTextShown(), QString());
    }

    // Columns are fitted to the first round; a group whose drain becomes "not draining" later
    // must not read "not…ing".
    void drainColumnHoldsItsLongestWordFromTheStart()
    {
        ConsumersPage page;
        page.resize(1280, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto snapshot = std::make_shared<LagSnapshot>();
        snapshot->atMs = QDateTime::currentMSecsSinceEpoch();
        snapshot->roundComplete = true;
        GroupLag g;
        g.groupId = QStringLiteral("billing");
        g.totalLag = 0; // drain "—"
        snapshot->groups.append(g);
        page.showLag(snapshot);
        auto *view = page.findChild<QTableView *>(QStringLiteral("lagGroupsView"));
        QVERIFY(view);
        QCOMPARE(view->model()->index(0, LagGroupsModel::Drain).data().toString(), QStringLiteral("—"));
        QVERIFY(view->columnWidth(LagGroupsModel::Drain) > view->fontMetrics().horizontalAdvance(QStringLiteral("not draining")));
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
