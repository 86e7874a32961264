#include "fakeclusterapi.h"
#include "replay/replaypage.h"
#include "replay/resetconfirmdialog.h"
#include "replay/resethistorymodel.h"
#include "replay/resetjournal.h"
#include "replay/resetpreviewmodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

/// Answers the next modal confirmation dialog (polling until it is up) and records its summary.
void answerConfirmation(QObject *owner, bool accept, QString *summary)
{
    // Owned by the page and deleted in cleanup(), so a dialog that never came cannot fire into the next test.
    auto *timer = new QTimer(owner);
    timer->setObjectName(QStringLiteral("confirmAnswerer"));
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, accept, summary] {
        auto *dialog = qobject_cast<ResetConfirmDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        if (summary)
            *summary = dialog->summaryText();
        if (qEnvironmentVariableIsSet("KOPS_REPLAY_SCREENSHOTS"))
            dialog->grab().save(QStringLiteral("/tmp/replay-confirm.png"));
        QTest::mouseClick(accept ? dialog->applyButton() : dialog->findChild<QPushButton *>(QStringLiteral("confirmCancel")),
                          Qt::LeftButton);
    });
    timer->start();
}

void click(QWidget *w)
{
    QVERIFY2(w, "widget not found");
    QVERIFY2(w->isEnabled(), qPrintable(w->objectName() + QStringLiteral(" is disabled")));
    // Radio buttons only react on their indicator and label, which sit at the left edge.
    const QPoint at = qobject_cast<QRadioButton *>(w) ? QPoint(8, w->height() / 2) : w->rect().center();
    QTest::mouseClick(w, Qt::LeftButton, {}, at);
}

} // namespace

class TestReplayPage final : public QObject
{
    Q_OBJECT
private:
    std::shared_ptr<FakeClusterApi> m_fake;
    std::unique_ptr<ReplayPage> m_page;
    int m_shot = 0;

    template<typename T>
    T *child(const char *name) const
    {
        return m_page->findChild<T *>(QLatin1String(name));
    }
    ConnectionContextPtr context(bool readOnly = false) const
    {
        auto ctx = std::make_shared<ConnectionContext>();
        ctx->profile.name = QStringLiteral("test-cluster");
        ctx->profile.bootstrapServers = QStringLiteral("fake:9092");
        ctx->profile.readOnly = readOnly;
        ctx->createApi = test::sharedFactory(m_fake);
        return ctx;
    }
    qint64 committed(int partition) const
    {
        return m_fake->group(QStringLiteral("g")).committed.value({QStringLiteral("orders"), partition}, -1);
    }
    void screenshot()
    {
        if (!qEnvironmentVariableIsSet("KOPS_REPLAY_SCREENSHOTS"))
            return;
        QTest::qWait(50); // let layouts settle
        m_page->grab().save(QStringLiteral("/tmp/replay-%1-%2.png").arg(++m_shot).arg(QLatin1String(QTest::currentTestFunction())));
    }
    /// Group -> scope (all topics) -> strategy step.
    void toStrategyStep()
    {
        QTRY_VERIFY(child<QComboBox>("replayGroup")->count() > 0);
        child<QComboBox>("replayGroup")->setCurrentText(QStringLiteral("g"));
        screenshot();
        click(child<QPushButton>("replayNext"));
        QCOMPARE(m_page->currentStep(), ReplayPage::ScopeStep);
        click(child<QRadioButton>("replayAllTopics"));
        screenshot();
        click(child<QPushButton>("replayNext"));
        QCOMPARE(m_page->currentStep(), ReplayPage::StrategyStep);
    }
    void preview()
    {
        QSignalSpy ready(m_page.get(), &ReplayPage::previewReady);
        click(child<QPushButton>("replayNext"));
        QVERIFY(ready.wait(5000));
        QTRY_VERIFY(!m_page->isBusy());
    }
    void setText(const char *name, const QString &text)
    {
        auto *edit = child<QLineEdit>(name);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Own name per test program, so test programs run in parallel never share a journal file.
        QCoreApplication::setApplicationName(QStringLiteral("kafka-ops-console-tst_replaypage"));
        QFile::remove(ResetJournal::defaultPath());
    }
    void cleanupTestCase() { QFile::remove(ResetJournal::defaultPath()); }

    void init()
    {
        m_fake = std::make_shared<FakeClusterApi>();
        m_fake->addTopic(QStringLiteral("orders"), 2);
        for (int i = 0; i < 10; ++i) {
            m_fake->append(QStringLiteral("orders"), 0, 1000 * (i + 1));
            m_fake->append(QStringLiteral("orders"), 1, 1000 * (i + 1));
        }
        FakeClusterApi::Group g;
        g.committed.insert({QStringLiteral("orders"), 0}, 5);
        g.committed.insert({QStringLiteral("orders"), 1}, 8);
        m_fake->setGroup(QStringLiteral("g"), g);
        m_page = std::make_unique<ReplayPage>();
        m_page->resize(1000, 640);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        new QAbstractItemModelTester(m_page->previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
        new QAbstractItemModelTester(m_page->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    }
    void cleanup()
    {
        qDeleteAll(m_page->findChildren<QTimer *>(QStringLiteral("confirmAnswerer")));
        QTRY_VERIFY(!m_page->isBusy());
        m_page.reset();
    }

    void disconnectedIsPlain()
    {
        QCOMPARE(m_page->title(), QStringLiteral("Replay"));
        QVERIFY(m_page->bannerText().contains(QStringLiteral("Not connected")));
        QVERIFY(!child<QPushButton>("replayNext")->isEnabled());
        screenshot();
        m_page->setConnection(context());
        QVERIFY(m_page->bannerText().isEmpty());
        m_page->setConnection(nullptr);
        QVERIFY(m_page->bannerText().contains(QStringLiteral("Not connected")));
    }

    void shiftApplyAndUndo()
    {
        m_page->setConnection(context());
        toStrategyStep();
        click(child<QRadioButton>("strategyShift"));
        setText("replayShift", QStringLiteral("-3"));
        screenshot();
        preview();
        QCOMPARE(m_page->currentStep(), ReplayPage::PreviewStep);
        QCOMPARE(m_page->previewModel()->rowCount(), 2);
        QVERIFY(m_page->plan().has_value());
        QCOMPARE(m_page->plan()->replayTotal(), qint64(6));
        QVERIFY(child<QLabel>("replayTotals")->text().contains(QStringLiteral("replay <b>6</b>")));
        screenshot();

        QString summary;
        QSignalSpy finished(m_page.get(), &ReplayPage::resetFinished);
        answerConfirmation(m_page.get(), true, &summary);
        click(child<QPushButton>("replayApply"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY2(summary.contains(QStringLiteral("<b>g</b>")) && summary.contains(QStringLiteral("replays 6 messages"))
                     && summary.contains(QStringLiteral("skips 0 messages")),
                 qPrintable(summary));
        QCOMPARE(m_page->currentStep(), ReplayPage::ResultStep);
        QCOMPARE(committed(0), qint64(2));
        QCOMPARE(committed(1), qint64(5));
        QVERIFY(child<QLabel>("replayResult")->text().contains(QStringLiteral("2 of 2 partitions written")));
        screenshot();

        auto *tabs = m_page->findChild<QTabWidget *>();
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QCOMPARE(tabs->currentIndex(), 1);
        QTRY_VERIFY(m_page->historyModel()->rowCount() >= 1);
        auto *view = child<QTableView>("replayHistoryView");
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(m_page->historyModel()->index(0, ResetHistoryModel::GroupColumn)).center());
        screenshot();
        QSignalSpy undone(m_page.get(), &ReplayPage::resetFinished);
        answerConfirmation(m_page.get(), true, &summary);
        click(child<QPushButton>("historyUndo"));
        QVERIFY(undone.wait(5000));
        QVERIFY2(undone.first().first().toBool(), qPrintable(m_page->bannerText()));
        QVERIFY(summary.contains(QStringLiteral("Undo reset")));
        QCOMPARE(committed(0), qint64(5));
        QCOMPARE(committed(1), qint64(8));
        QTRY_VERIFY(m_page->historyModel()->rowCount() >= 2);

        // Issue 15, 12: the result of the undo, filled while the wizard tab was hidden,
        // still gives Detail the rest of the width.
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(0).center());
        auto *result = child<QTableWidget>("replayResultTable");
        QTRY_VERIFY(result->isVisible());
        QTRY_COMPARE(result->columnViewportPosition(4) + result->columnWidth(4), result->viewport()->width());
    }

    // The consumers processed more since the reset: the undo's confirmation compares with the
    // offsets committed now, says how many records they would process again, and asks.
    void undoAfterConsumersMovedOnSaysWhatComesRoundAgain()
    {
        m_page->setConnection(context());
        toStrategyStep();
        click(child<QRadioButton>("strategyShift"));
        setText("replayShift", QStringLiteral("-3"));
        preview();
        QSignalSpy finished(m_page.get(), &ReplayPage::resetFinished);
        answerConfirmation(m_page.get(), true, nullptr);
        click(child<QPushButton>("replayApply"));
        QVERIFY(finished.wait(5000));
        QCOMPARE(committed(0), qint64(2)); // 5 -> 2
        const auto journalled = ResetJournal().list();
        QVERIFY(journalled.ok() && !journalled.value().isEmpty());
        qint64 resetId = 0;
        for (const JournalEntry &e : journalled.value())
            resetId = std::max(resetId, e.id); // this reset: the newest entry (other tests' share the journal)
        m_fake->alterGroupOffsets(QStringLiteral("g"), {PartitionOffset{QStringLiteral("orders"), 0, 9, {}, {}}});

        auto *tabs = m_page->findChild<QTabWidget *>();
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        int row = -1;
        QTRY_VERIFY([&] {
            for (int r = 0; r < m_page->historyModel()->rowCount(); ++r)
                if (m_page->historyModel()->entry(r)->id == resetId)
                    row = r;
            return row >= 0;
        }());
        auto *view = child<QTableView>("replayHistoryView");
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(m_page->historyModel()->index(row, ResetHistoryModel::GroupColumn)).center());
        QString summary;
        answerConfirmation(m_page.get(), false, &summary); // the operator says no
        click(child<QPushButton>("historyUndo"));
        QTRY_VERIFY_WITH_TIMEOUT(!summary.isEmpty(), 10000);
        // Partition 0 went 5 -> 2 and was consumed up to 9 since: restoring 5 brings 5..8 round again.
        QVERIFY2(summary.contains(QStringLiteral("have processed 7 records since reset")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("process 4 records again")), qPrintable(summary));
        QTRY_VERIFY(!m_page->isBusy());
        QCOMPARE(committed(0), qint64(9)); // declined: nothing changed
        QCOMPARE(committed(1), qint64(5));
    }

    void cancelChangesNothing()
    {
        m_page->setConnection(context());
        toStrategyStep();
        click(child<QRadioButton>("strategyEarliest"));
        preview();
        answerConfirmation(m_page.get(), false, nullptr);
        click(child<QPushButton>("replayApply"));
        QCOMPARE(m_page->currentStep(), ReplayPage::PreviewStep);
        QCOMPARE(m_fake->alterCalls(), 0);
    }

    void skipRowsHighlighted()
    {
        FakeClusterApi::Group g = m_fake->group(QStringLiteral("g"));
        g.committed.insert({QStringLiteral("orders"), 1}, 10);
        m_fake->setGroup(QStringLiteral("g"), g);
        m_page->setConnection(context());
        toStrategyStep();
        click(child<QRadioButton>("strategyLatest"));
        preview();
        ResetPreviewModel *model = m_page->previewModel();
        QCOMPARE(model->rowCount(), 2);
        const QModelIndex skip = model->index(0, ResetPreviewModel::DeltaColumn);
        const QModelIndex same = model->index(1, ResetPreviewModel::DeltaColumn);
        QVERIFY(model->data(skip, ResetPreviewModel::SkipsRole).toBool());
        QVERIFY(model->data(skip, Qt::BackgroundRole).isValid());
        QVERIFY(model->data(skip).toString().contains(QStringLiteral("SKIP 5")));
        QVERIFY(!model->data(same, Qt::BackgroundRole).isValid());
        QVERIFY(model->data(same).toString().contains(QStringLiteral("unchanged")));
        QCOMPARE(model->data(model->index(1, ResetPreviewModel::TargetTimeColumn)).toString(), QStringLiteral("log end (no record)"));
        QVERIFY(child<QLabel>("replayTotals")->text().contains(QStringLiteral("skip <b>5</b>")));
        screenshot();
    }

    void activeMembersBlockApply()
    {
        FakeClusterApi::Group g = m_fake->group(QStringLiteral("g"));
        g.state = QStringLiteral("Stable");
        g.members = {{QStringLiteral("consumer-42"), QStringLiteral("billing"), QStringLiteral("/10.0.0.7"), {},
                      {{QStringLiteral("orders"), 0}}}};
        m_fake->setGroup(QStringLiteral("g"), g);
        m_page->setConnection(context());
        toStrategyStep();
        click(child<QRadioButton>("strategyEarliest"));
        preview();
        const QString guard = child<QLabel>("replayGuard")->text();
        QVERIFY2(guard.contains(QStringLiteral("consumer-42")) && guard.contains(QStringLiteral("billing"))
                     && guard.contains(QStringLiteral("/10.0.0.7")) && guard.contains(QStringLiteral("orders-0")),
                 qPrintable(guard));
        QVERIFY(!child<QPushButton>("replayApply")->isEnabled());
        screenshot();
    }

    void readOnlyRefuses()
    {
        m_page->setConnection(context(true));
        QVERIFY(m_page->bannerText().contains(QStringLiteral("Read-only")));
        toStrategyStep();
        click(child<QRadioButton>("strategyEarliest"));
        preview();
        QVERIFY(m_page->plan().has_value());
        QVERIFY(!child<QPushButton>("replayApply")->isEnabled());
        QVERIFY(!child<QPushButton>("historyUndo")->isEnabled());
    }

    void startReplayFromChartTime()
    {
        m_page->setConnection(context());
        QTRY_VERIFY(child<QComboBox>("replayGroup")->count() > 0);
        m_page->startReplay(QStringLiteral("g"), QDateTime::fromMSecsSinceEpoch(2500));
        QCOMPARE(m_page->currentStep(), ReplayPage::StrategyStep);
        QVERIFY(child<QRadioButton>("strategyDatetime")->isChecked());
        QCOMPARE(child<QDateTimeEdit>("replayDateTime")->dateTime().toMSecsSinceEpoch(), qint64(2500));
        screenshot();
        preview();
        QCOMPARE(m_page->plan()->group, QStringLiteral("g"));
        for (const PlannedPartition &p : m_page->plan()->partitions) {
            QCOMPARE(p.target, qint64(2));
            QCOMPARE(p.targetTimestampMs, std::optional<qint64>(3000));
        }
    }

    void exportAndImportCsv()
    {
        QTemporaryDir dir;
        m_page->setConnection(context());
        toStrategyStep();
        click(child<QRadioButton>("strategyShift"));
        setText("replayShift", QStringLiteral("1"));
        preview();
        const QString file = dir.filePath(QStringLiteral("plan.csv"));
        QVERIFY(m_page->exportPlan(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()), QStringLiteral("orders,0,6\norders,1,9\n"));

        click(child<QPushButton>("replayBack"));
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("orders,0,6\norders,one,9\n");
        b.close();
        QVERIFY(!m_page->importPlan(bad));
        QVERIFY2(m_page->bannerText().contains(QStringLiteral("line 2")), qPrintable(m_page->bannerText()));
        screenshot();
        QVERIFY(m_page->importPlan(file));
        QVERIFY(child<QRadioButton>("strategyFile")->isChecked());
        preview();
        QCOMPARE(m_page->plan()->partitions.size(), 2);
        QCOMPARE(m_page->plan()->partitions.at(1).target, qint64(9));
    }

    void badInputShowsErrorAndStays()
    {
        m_page->setConnection(context());
        toStrategyStep();
        click(child<QRadioButton>("strategyShift"));
        setText("replayShift", QStringLiteral("abc"));
        click(child<QPushButton>("replayNext"));
        QCOMPARE(m_page->currentStep(), ReplayPage::StrategyStep);
        QVERIFY(m_page->bannerText().contains(QStringLiteral("'abc'")));
        click(child<QRadioButton>("strategyDuration"));
        setText("replayDuration", QStringLiteral("1 hour"));
        click(child<QPushButton>("replayNext"));
        QVERIFY(m_page->bannerText().contains(QStringLiteral("'1 hour'")));

        click(child<QPushButton>("replayBack"));
        click(child<QRadioButton>("replaySomeTopics"));
        setText("replayTopics", QStringLiteral("orders:0,7"));
        click(child<QPushButton>("replayNext"));
        click(child<QRadioButton>("strategyEarliest"));
        preview();
        QVERIFY(!m_page->plan().has_value());
        QVERIFY2(m_page->bannerText().contains(QStringLiteral("Partition 7 of topic &#x27;orders&#x27; does not exist"))
                     || m_page->bannerText().contains(QStringLiteral("Partition 7 of topic 'orders' does not exist")),
                 qPrintable(m_page->bannerText()));
        QVERIFY(!child<QPushButton>("replayApply")->isEnabled());
        screenshot();
        QCOMPARE(m_fake->alterCalls(), 0);
    }

    void clusterDownIsShown()
    {
        m_fake->setDown(true);
        m_page->setConnection(context());
        QTRY_VERIFY(m_page->bannerText().contains(QStringLiteral("_TRANSPORT")));
        m_fake->setDown(false);
    }
};

QTEST_MAIN(TestReplayPage)
#include "tst_replaypage.moc"
