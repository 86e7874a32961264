// The demo cluster (core/demo) and the console on it: what the demo layer answers for the
// mock, the welcome page, and the flows a new user tries first, end to end on the offscreen
// platform: lag -> chart pick -> replay preview -> stop the group's consumers -> apply -> undo,
// and dead letters browse -> requeue with the records then in the original topic.
#include "connectionstore.h"
#include "democluster.h"
#include "groupcommitlog.h"
#include "lagreconstruction.h"
#include "democlusterapi.h"
#include "demoprofiles.h"
#include "dlq/deadlettermodel.h"
#include "dlq/deadletterspage.h"
#include "dlq/requeuedialog.h"
#include "lagservice.h"
#include "mainwindow.h"
#include "models/lagmodels.h"
#include "pages/consumerspage.h"
#include "pages/groupdetailpanel.h"
#include "profiles/profileeditor.h"
#include "profiles/profilespage.h"
#include "profilestore.h"
#include "charts/timeserieschart.h"
#include "replay/replaypage.h"
#include "replay/resetconfirmdialog.h"
#include "replay/resetstrategyform.h"
#include "replay/resetjournal.h"
#include "requeuejournal.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QElapsedTimer>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QLineEdit>

using namespace kops;
using kops::demo::DemoCluster;

namespace {

qint64 sum(const QList<PartitionOffset> &offsets)
{
    qint64 s = 0;
    for (const PartitionOffset &po : offsets)
        s += po.offset;
    return s;
}

qint64 lagOf(ClusterApi &api, const QString &group)
{
    const auto committed = api.committedOffsets({group});
    if (!committed)
        return -1;
    QList<TopicPartition> tps;
    for (const PartitionOffset &po : committed.value().value(group))
        tps.append(po.tp());
    const auto marks = api.watermarks(tps);
    if (!marks)
        return -1;
    qint64 high = 0;
    for (const PartitionWatermarks &w : marks.value())
        high += w.high;
    return high - sum(committed.value().value(group));
}

/// Answers the next modal reset confirmation (polling until it is up).
void acceptResetConfirmation(QObject *owner)
{
    auto *timer = new QTimer(owner);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer] {
        auto *dialog = qobject_cast<ResetConfirmDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    });
    timer->start();
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

void click(QWidget *w)
{
    QVERIFY2(w, "widget not found");
    QVERIFY2(w->isEnabled(), qPrintable(w->objectName() + QStringLiteral(" is disabled")));
    QTest::mouseClick(w, Qt::LeftButton, {}, w->rect().center());
}

} // namespace

class TestDemo final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_demo"));
        QFile::remove(ResetJournal::defaultPath());
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                      + QStringLiteral("/connections.json"));
    }

    void demoLayerAnswersWhatTheMockCannot()
    {
        DemoCluster::Options options;
        options.tickMs = 200;
        options.rewindAfterSecs = 10; // after the first read below, even when starting takes seconds on a busy machine
        auto started = DemoCluster::start(options);
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
        const std::shared_ptr<DemoCluster> demo = started.value();
        auto api = DemoCluster::apiFactory(demo)();
        // Before fraud-scoring's rewind (10 s after start).
        auto fraudBefore = api->committedOffsets({QStringLiteral("fraud-scoring")});
        QVERIFY(fraudBefore);
        const qint64 before = sum(fraudBefore.value().value(QStringLiteral("fraud-scoring")));
        QVERIFY(before > 1000);

        auto groups = api->listGroups();
        QVERIFY(groups);
        QStringList ids;
        for (const GroupListing &g : groups.value())
            ids << g.groupId;
        ids.sort();
        QCOMPARE(ids, QStringList({QStringLiteral("audit-archiver"), QStringLiteral("billing-service"),
                                   QStringLiteral("fraud-scoring"), QStringLiteral("shipping-service")}));

        // The demo's own consumers, with their member ids and assignments.
        QTRY_VERIFY_WITH_TIMEOUT(demo->group(QStringLiteral("billing-service"))->running, 10000);
        auto described = api->describeGroups({QStringLiteral("billing-service"), QStringLiteral("audit-archiver")});
        QVERIFY(described);
        QCOMPARE(described.value().at(0).state, QStringLiteral("Stable"));
        QCOMPARE(described.value().at(0).members.size(), 1);
        QCOMPARE(described.value().at(0).members.first().assignments.size(), 18); // orders 12 + payments 6
        QCOMPARE(described.value().at(1).state, QStringLiteral("Empty"));
        QVERIFY(described.value().at(1).members.isEmpty());

        // Committed offsets of every partition a group committed for (the mock cannot list them).
        auto committed = api->committedOffsets({QStringLiteral("shipping-service")});
        QVERIFY(committed);
        QCOMPARE(committed.value().value(QStringLiteral("shipping-service")).size(), 12);

        // Offsets for a time: the first record at or after it (binary search over timestamps).
        const qint64 hourAgo = demo->startedAtMs() - 3600'000;
        auto found = api->offsetsForTimes({{QStringLiteral("orders"), 3, hourAgo}});
        QVERIFY(found);
        const qint64 offset = found.value().first().offset;
        QVERIFY2(offset > 0, qPrintable(QString::number(offset)));
        auto at = api->read({QStringLiteral("orders"), 3}, offset - 1, 2, 5000);
        QVERIFY(at);
        QCOMPARE(at.value().size(), 2);
        QVERIFY(at.value().at(0).timestampMs < hourAgo);
        QVERIFY(at.value().at(1).timestampMs >= hourAgo);
        auto future = api->offsetsForTimes({{QStringLiteral("orders"), 3, demo->startedAtMs() + 86400'000}});
        QVERIFY(future);
        QCOMPARE(future.value().first().offset, -1);

        // audit-archiver's past before its history starts, reconstructed through the same
        // LagReconstructor as on a real cluster from the commits its story made: committed
        // offsets as committed, log ends from offsets for timestamps, STOP once it stopped.
        {
            LagReconstructor::Options o;
            o.stepMs = 60'000;
            const qint64 from = demo->startedAtMs() - 90 * 60'000;
            const qint64 to = demo->startedAtMs() - 50 * 60'000;
            QElapsedTimer took;
            took.start();
            auto r = LagReconstructor::reconstruct(*api, QStringLiteral("audit-archiver"), from, to, o);
            QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
            qInfo("demo reconstruction of 40 min: %lld ms, %d lookups", took.elapsed(), r.value().lookups);
            const GroupCommitLog log = demo->commitLog(QStringLiteral("audit-archiver"));
            QCOMPARE(r.value().partitions.size(), 18); // orders and payments
            QCOMPARE(r.value().reachedMs, LagReconstructor::stepTimes(from, to, o.stepMs).first());
            for (const ReconstructedPartition &p : r.value().partitions) {
                QCOMPARE(p.points.size(), LagReconstructor::stepTimes(from, to, o.stepMs).size());
                for (const OffsetObservation &obs : p.points) {
                    qint64 expected = kNoOffset;
                    for (const GroupCommit &c : log.commits)
                        if (c.tp == p.tp && c.atMs <= obs.atMs)
                            expected = c.offset;
                    QCOMPARE(obs.committed, expected);
                    QVERIFY(obs.logEnd >= obs.committed);
                }
            }
            const QList<StatusSpan> spans = r.value().statusSpans();
            QVERIFY(!spans.isEmpty());
            QCOMPARE(spans.last().status, HealthStatus::Stop);
            QVERIFY(spans.last().fromMs > demo->startedAtMs() - 3600'000); // after it stopped
        }

        // Configs and topic creation.
        auto configs = api->describeConfigs(ConfigResourceType::Topic, {QStringLiteral("orders")});
        QVERIFY(configs);
        QCOMPARE(configs.value().first().value(QStringLiteral("min.insync.replicas")), QStringLiteral("2"));
        QVERIFY(api->createTopic({QStringLiteral("orders.retry-1"), 4, -1, {}}).ok());
        QCOMPARE(api->createTopic({QStringLiteral("orders.retry-1"), 4, -1, {}}).error().code,
                 QStringLiteral("TOPIC_ALREADY_EXISTS"));
        auto meta = api->topicMetadata({QStringLiteral("orders.retry-1")});
        QVERIFY(meta);
        QCOMPARE(meta.value().topics.first().partitions.size(), 4);

        // Live: shipping falls behind, fraud-scoring is rewound once.
        const qint64 shippingLag = lagOf(*api, QStringLiteral("shipping-service"));
        QTRY_VERIFY_WITH_TIMEOUT(lagOf(*api, QStringLiteral("shipping-service")) > shippingLag + 5, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(sum(api->committedOffsets({QStringLiteral("fraud-scoring")}).value().value(
                                     QStringLiteral("fraud-scoring")))
                                     < before - 300,
                                 40000);

        // Stopping a group's consumers empties it: then its offsets can be reset.
        demo->setGroupRunning(QStringLiteral("billing-service"), false);
        described = api->describeGroups({QStringLiteral("billing-service")});
        QCOMPARE(described.value().first().state, QStringLiteral("Empty"));
        QVERIFY(described.value().first().members.isEmpty());
    }

    void noWelcomePageOnceAConnectionIsSaved()
    {
        ConnectionStore store;
        ConnectionProfile saved;
        saved.name = QStringLiteral("prod");
        saved.bootstrapServers = QStringLiteral("kafka-1.prod:9092");
        QVERIFY(store.upsert(saved).ok());
        {
            MainWindow w;
            w.show();
            QVERIFY(!w.welcomePage());
        }
        QVERIFY(store.remove(QStringLiteral("prod")).ok());
        MainWindow w;
        w.show();
        QVERIFY(w.welcomePage());
        // Going to a page leaves it (Profiles work without a cluster).
        w.showPage(QStringLiteral("Profiles"));
        QVERIFY(!w.welcomePage());
    }

    void cliRunsOnTheDemo()
    {
        const QString cli = qEnvironmentVariable("KOPS_CLI");
        QVERIFY2(!cli.isEmpty(), "KOPS_CLI names the kafka-ops binary (set by CTest)");
        QProcess lag;
        lag.start(cli, {QStringLiteral("lag"), QStringLiteral("--demo"), QStringLiteral("--json")});
        QVERIFY(lag.waitForFinished(60000));
        QCOMPARE(lag.exitCode(), 0);
        const QJsonArray groups = QJsonDocument::fromJson(lag.readAllStandardOutput()).array();
        QHash<QString, QString> status;
        for (const QJsonValue &g : groups)
            status.insert(g[QStringLiteral("group")].toString(), g[QStringLiteral("status")].toString());
        QCOMPARE(status.value(QStringLiteral("audit-archiver")), QStringLiteral("STOP"));
        QCOMPARE(status.value(QStringLiteral("shipping-service")), QStringLiteral("WARN"));
        QCOMPARE(status.value(QStringLiteral("billing-service")), QStringLiteral("OK"));
        QVERIFY(status.contains(QStringLiteral("fraud-scoring")));

        QProcess browse;
        browse.start(cli, {QStringLiteral("dlq"), QStringLiteral("browse"), QStringLiteral("orders.DLT"), QStringLiteral("--demo"),
                           QStringLiteral("--newest"), QStringLiteral("10"), QStringLiteral("--json")});
        QVERIFY(browse.waitForFinished(60000));
        QCOMPARE(browse.exitCode(), 0);
        const QList<QByteArray> lines = browse.readAllStandardOutput().trimmed().split('\n');
        QVERIFY2(lines.size() >= 10, qPrintable(QString::number(lines.size())));
        QVERIFY(lines.first().contains("\"orders\""));

        QProcess profiles; // the demo's example profiles, not the user's
        profiles.start(cli, {QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--demo"), QStringLiteral("--json")});
        QVERIFY(profiles.waitForFinished(60000));
        QCOMPARE(profiles.exitCode(), 0);
        const QByteArray listed = profiles.readAllStandardOutput();
        for (const ConfigProfile &p : demo::demoProfiles())
            QVERIFY2(listed.contains(p.name.toUtf8()), qPrintable(p.name));

        QProcess mixed;
        mixed.start(cli, {QStringLiteral("lag"), QStringLiteral("--demo"), QStringLiteral("--bootstrap"), QStringLiteral("x:1")});
        QVERIFY(mixed.waitForFinished(60000));
        QCOMPARE(mixed.exitCode(), 64);
    }

    void profilesShowTheDemoExamplesAndCrossCheckTheLiveTopic()
    {
        // The user's own profile stays in the user's folder, never among the demo's (nor the reverse).
        ConfigProfile mine;
        mine.name = QStringLiteral("my-own-producer");
        mine.settings.insert(QStringLiteral("acks"), QStringLiteral("all"));
        QVERIFY(ProfileStore().save(mine).ok());
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(w.connectToDemo());
        w.showPage(QStringLiteral("Profiles"));
        auto *page = w.findChild<ProfilesPage *>();
        QVERIFY(page);
        auto *list = child<QTreeWidget>(page, "profileList");
        QVERIFY(list);
        const auto items = [list] {
            QHash<QString, QTreeWidgetItem *> found;
            for (QTreeWidgetItemIterator it(list); *it; ++it)
                if ((*it)->parent() && ((*it)->flags() & Qt::ItemIsSelectable))
                    found.insert((*it)->text(0), *it);
            return found;
        };
        QTRY_VERIFY(items().contains(QStringLiteral("payments-producer")));
        QCOMPARE(items().size(), demo::demoProfiles().size());
        QVERIFY(!items().contains(mine.name));
        const auto findings = [page] {
            QStringList rules;
            for (const LintFinding &f : page->editor()->findings())
                rules << f.rule;
            return rules;
        };

        // The old order producer shows its risks at once.
        list->setCurrentItem(items().value(QStringLiteral("orders-producer")));
        QTRY_COMPARE(page->editor()->profile().name, QStringLiteral("orders-producer"));
        QVERIFY2(findings().contains(QStringLiteral("producer.acks-loss")), qPrintable(findings().join(u' ')));
        QVERIFY(findings().contains(QStringLiteral("producer.reordering")) || findings().contains(QStringLiteral("producer.duplicates")));

        // The payment producer is right alone; the live cross-check against the demo's payments
        // topic (min.insync.replicas=1 there) finds what acks=all does not protect.
        list->setCurrentItem(items().value(QStringLiteral("payments-producer")));
        QTRY_COMPARE(page->editor()->profile().name, QStringLiteral("payments-producer"));
        QVERIFY(!findings().contains(QStringLiteral("producer.min-isr-loss")));
        QCOMPARE(child<QLineEdit>(page, "liveTopicEdit")->text(), QStringLiteral("payments"));
        click(child<QPushButton>(page, "liveCheckButton"));
        QTRY_VERIFY_WITH_TIMEOUT(findings().contains(QStringLiteral("producer.min-isr-loss")), 20000);

        QVERIFY(ProfileStore().load(mine.name).ok());
        QVERIFY(!QFile::exists(ProfileStore().filePath(QStringLiteral("payments-producer"))));
    }

    void welcomePageOpensTheDemoThenReplayAndRequeueWork()
    {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        // No saved connection: the welcome page with its two choices.
        QVERIFY(w.welcomePage());
        QVERIFY(child<QPushButton>(&w, "welcomeAddConnection")->isVisible());
        click(child<QPushButton>(&w, "welcomeOpenDemo"));
        QVERIFY(!w.welcomePage());
        QVERIFY(w.connection() && w.connection()->demo);
        QCOMPARE(w.connection()->profile.name, DemoCluster::name());

        // Lag and health, from the demo's groups and its seeded day of history.
        w.showPage(QStringLiteral("Consumers"));
        LagGroupsModel *groups = w.consumersPage()->groupsModel();
        const auto statusOf = [groups](const QString &group) {
            for (int row = 0; row < groups->rowCount(); ++row)
                if (groups->index(row, LagGroupsModel::Group).data().toString() == group)
                    return groups->index(row, LagGroupsModel::Status).data().toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(groups->rowCount(), 4, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(QStringLiteral("audit-archiver")), QStringLiteral("STOP"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(QStringLiteral("shipping-service")), QStringLiteral("WARN"), 20000);
        QCOMPARE(statusOf(QStringLiteral("billing-service")), QStringLiteral("OK"));

        // Select billing-service; the chart has the day of history at once.
        auto *view = w.consumersPage()->findChild<QTableView *>(QStringLiteral("lagGroupsView"));
        int billingRow = -1;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, LagGroupsModel::Group).data().toString() == QLatin1String("billing-service"))
                billingRow = row;
        QVERIFY(billingRow >= 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(billingRow, LagGroupsModel::Group)).center());
        QCOMPARE(w.consumersPage()->selectedGroup(), QStringLiteral("billing-service"));
        TimeSeriesChart *chart = w.consumersPage()->detail()->chart();
        QTRY_VERIFY_WITH_TIMEOUT(chart->seriesCount() > 0, 10000);

        // audit-archiver's history starts 50 minutes before start: a 6-hour chart gets the time
        // before reconstructed from its commit log, as a fourth (dashed) line, with how far back
        // and the status then (it stopped an hour before start); a reconstructed time replays
        // from the offsets committed then.
        {
            auto *range = w.consumersPage()->detail()->findChild<QComboBox *>(QStringLiteral("rangeCombo"));
            QVERIFY(range);
            range->setCurrentIndex(2);
            QCOMPARE(w.consumersPage()->detail()->rangeSeconds(), 6 * 3600);
            int auditRow = -1;
            for (int row = 0; row < view->model()->rowCount(); ++row)
                if (view->model()->index(row, LagGroupsModel::Group).data().toString() == QLatin1String("audit-archiver"))
                    auditRow = row;
            QVERIFY(auditRow >= 0);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                              view->visualRect(view->model()->index(auditRow, LagGroupsModel::Group)).center());
            GroupDetailPanel *detail = w.consumersPage()->detail();
            QTRY_VERIFY_WITH_TIMEOUT(detail->reconstructionText().contains(QStringLiteral("Reconstructed from the commit log")), 60000);
            QVERIFY2(detail->reconstructionText().contains(QStringLiteral("STOP since")), qPrintable(detail->reconstructionText()));
            QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 4, 20000);
            const QDateTime then = QDateTime::currentDateTime().addSecs(-3 * 3600);
            chart->setMarker(then);
            emit chart->timestampClicked(then);
            QVERIFY2(detail->replayButton()->text().contains(QStringLiteral("offsets committed at")), qPrintable(detail->replayButton()->text()));
            click(detail->replayButton());
            QCOMPARE(w.replayPage()->currentStep(), ReplayPage::StrategyStep);
            auto *form = w.replayPage()->findChild<ResetStrategyForm *>();
            QVERIFY(form);
            const auto strategy = form->strategy();
            QVERIFY(strategy);
            QCOMPARE(strategy.value().kind, ResetStrategy::Kind::FromFile);
            QCOMPARE(strategy.value().fileRows.size(), 18); // orders and payments: the offsets committed then
            w.showPage(QStringLiteral("Consumers"));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                              view->visualRect(view->model()->index(billingRow, LagGroupsModel::Group)).center());
            QCOMPARE(w.consumersPage()->selectedGroup(), QStringLiteral("billing-service"));
            range->setCurrentIndex(1);
            QTRY_VERIFY_WITH_TIMEOUT(chart->seriesCount() > 0, 10000);
        }

        // Chart pick -> replay wizard at that time -> preview.
        const QDateTime picked = QDateTime::currentDateTime().addSecs(-30 * 60);
        chart->setMarker(picked);
        emit chart->timestampClicked(picked);
        click(w.consumersPage()->detail()->replayButton());
        ReplayPage *replay = w.replayPage();
        QCOMPARE(replay->currentStep(), ReplayPage::StrategyStep);
        QSignalSpy previewed(replay, &ReplayPage::previewReady);
        click(child<QPushButton>(replay, "replayNext"));
        QVERIFY(previewed.wait(20000));
        QCOMPARE(replay->currentStep(), ReplayPage::PreviewStep);
        // The group's consumers run: apply is refused until the demo control stops them.
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(replay, "replayGuard")->isVisible(), 5000);
        QVERIFY(!child<QPushButton>(replay, "replayApply")->isEnabled());
        click(child<QPushButton>(replay, "replayDemoStopConsumers"));
        QVERIFY(previewed.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!replay->isBusy(), 10000);
        QVERIFY(!child<QLabel>(replay, "replayGuard")->isVisible());
        QVERIFY(!w.connection()->demo->group(QStringLiteral("billing-service"))->running);

        auto api = w.connection()->createApi();
        auto before = api->committedOffsets({QStringLiteral("billing-service")});
        QVERIFY(before);
        const qint64 committedBefore = sum(before.value().value(QStringLiteral("billing-service")));

        // Apply: the offsets move back to 30 minutes ago.
        QSignalSpy finished(replay, &ReplayPage::resetFinished);
        acceptResetConfirmation(replay);
        click(child<QPushButton>(replay, "replayApply"));
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.takeFirst().first().toBool());
        auto after = api->committedOffsets({QStringLiteral("billing-service")});
        QVERIFY(after);
        const qint64 committedAfter = sum(after.value().value(QStringLiteral("billing-service")));
        QVERIFY2(committedAfter < committedBefore - 50,
                 qPrintable(QStringLiteral("%1 -> %2").arg(committedBefore).arg(committedAfter)));

        // Undo from the history: back where it was.
        auto *tabs = replay->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        auto *history = child<QTableView>(replay, "replayHistoryView");
        QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowCount() >= 1, 10000);
        history->selectRow(0);
        acceptResetConfirmation(replay);
        click(child<QPushButton>(replay, "historyUndo"));
        QVERIFY(finished.wait(20000));
        QVERIFY(finished.takeFirst().first().toBool());
        auto undone = api->committedOffsets({QStringLiteral("billing-service")});
        QVERIFY(undone);
        QCOMPARE(sum(undone.value().value(QStringLiteral("billing-service"))), committedBefore);
        // And the demo's consumers can run again.
        QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(replay, "replayDemoStartConsumers")->isVisible(), 5000);
        click(child<QPushButton>(replay, "replayDemoStartConsumers"));
        QTRY_VERIFY_WITH_TIMEOUT(w.connection()->demo->group(QStringLiteral("billing-service"))->running, 10000);

        // Dead letters: browse orders.DLT, decoded Spring Kafka headers, requeue a few to orders.
        w.showPage(QStringLiteral("Dead letters"));
        auto *dlq = w.findChild<DeadLettersPage *>();
        QVERIFY(dlq);
        QSignalSpy loaded(dlq, &DeadLettersPage::pageLoaded);
        dlq->setTopic(QStringLiteral("orders.DLT"));
        dlq->load();
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!dlq->isBusy(), 20000);
        QVERIFY(dlq->model()->rowCount() >= 100);
        const DeadLetterRecord &first = dlq->model()->record(0);
        QCOMPARE(first.info.originalTopic, QStringLiteral("orders"));
        QVERIFY(first.info.originalOffset.has_value());
        QVERIFY2(first.info.errorClass.contains(QLatin1String("Exception")), qPrintable(first.info.errorClass));

        QList<QByteArray> values;
        dlq->table()->clearSelection();
        for (int row = 0; row < 5; ++row) {
            dlq->table()->selectionModel()->select(dlq->table()->model()->index(row, 0),
                                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        for (const QModelIndex &i : dlq->table()->selectionModel()->selectedRows()) {
            auto *proxy = qobject_cast<QSortFilterProxyModel *>(dlq->table()->model());
            const int row = proxy ? proxy->mapToSource(i).row() : i.row();
            const DeadLetterRecord &r = dlq->model()->record(row);
            values.append(r.record.value.value_or(QByteArray()));
        }
        QCOMPARE(values.size(), 5);
        QList<TopicPartition> orders;
        for (int p = 0; p < 12; ++p)
            orders.append({QStringLiteral("orders"), p});
        auto marks = api->watermarks(orders);
        QVERIFY(marks);

        bool requeued = false;
        auto *driver = new QTimer(dlq);
        driver->setInterval(50);
        connect(driver, &QTimer::timeout, driver, [driver, &requeued] {
            auto *dialog = qobject_cast<RequeueDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            driver->stop();
            QSignalSpy ready(dialog, &RequeueDialog::previewReady);
            dialog->preview();
            if (!ready.wait(20000)) {
                dialog->reject();
                return;
            }
            QSignalSpy done(dialog, &RequeueDialog::finished);
            dialog->execute();
            requeued = done.wait(30000) && done.first().first().toBool() && dialog->outcome()
                       && dialog->outcome()->progress.sent == 5;
            dialog->reject();
        });
        driver->start();
        click(dlq->requeueSelectedButton());
        QVERIFY(requeued);

        // The records are in orders now, after where its partitions ended before.
        QList<QByteArray> seen;
        for (const PartitionWatermarks &m : marks.value()) {
            auto records = api->read(m.tp(), m.high, 500, 5000);
            QVERIFY(records);
            for (const ConsumedRecord &r : records.value())
                if (r.value)
                    seen.append(*r.value);
        }
        for (const QByteArray &v : values)
            QVERIFY2(seen.contains(v), v.left(80).constData());
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
