// Takes screenshots of the real console window for the README and for reviewing layouts:
// the real program on the demo cluster (core/demo), so it runs anywhere without Kafka.
// Usage: xvfb-run -a build/tests/kops_screenshot OUTDIR
#include "democluster.h"
#include "lagsettings.h"
#include "mainwindow.h"
#include "charts/timeserieschart.h"
#include "dialogs/lagsettingsdialog.h"
#include "dlq/deadlettermodel.h"
#include "dlq/deadletterspage.h"
#include "pages/consumerspage.h"
#include "pages/groupdetailpanel.h"
#include "replay/replaypage.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace kops;

namespace {

void save(QWidget &w, const QString &out, const QString &name)
{
    QTest::qWait(300);
    w.grab().save(out + QLatin1Char('/') + name);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("kafka-ops-console-screenshot"));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)).removeRecursively();

    MainWindow w;
    w.resize(1280, 760);
    w.show();
    save(w, out, QStringLiteral("welcome.png"));

    QSignalSpy shown(&w, &MainWindow::overviewShown);
    if (!w.connectToDemo())
        return 1;
    shown.wait(10000);
    // A few sampling rounds, so the live values have moved on from the seeded day.
    QTest::qWait(12000);
    w.showPage(QStringLiteral("Overview"));
    save(w, out, QStringLiteral("overview.png"));

    w.showPage(QStringLiteral("Consumers"));
    w.consumersPage()->selectGroup(QStringLiteral("shipping-service"));
    if (auto *range = w.consumersPage()->detail()->findChild<QComboBox *>(QStringLiteral("rangeCombo")))
        range->setCurrentIndex(range->findText(QStringLiteral("24 hours")) >= 0 ? range->findText(QStringLiteral("24 hours"))
                                                                                : range->count() - 2);
    QTest::qWait(2000);
    save(w, out, QStringLiteral("consumers.png"));

    w.showPage(QStringLiteral("Dead letters"));
    if (auto *dlq = w.findChild<DeadLettersPage *>()) {
        QSignalSpy loaded(dlq, &DeadLettersPage::pageLoaded);
        dlq->setTopic(QStringLiteral("orders.DLT"));
        QTest::mouseClick(dlq->loadButton(), Qt::LeftButton);
        loaded.wait(10000);
        QTest::qWait(500);
        if (dlq->model()->rowCount() > 3)
            dlq->table()->selectRow(3);
    }
    save(w, out, QStringLiteral("deadletters.png"));

    // Replay from 30 minutes ago, as a click on the chart starts it: the preview and the guard.
    w.showPage(QStringLiteral("Replay"));
    QSignalSpy previewed(w.replayPage(), &ReplayPage::previewReady);
    w.replayPage()->startReplay(QStringLiteral("billing-service"), QDateTime::currentDateTime().addSecs(-30 * 60));
    if (auto *next = w.replayPage()->findChild<QPushButton *>(QStringLiteral("replayNext")))
        QTest::mouseClick(next, Qt::LeftButton);
    previewed.wait(20000);
    save(w, out, QStringLiteral("replay.png"));

    w.showPage(QStringLiteral("Alerts"));
    save(w, out, QStringLiteral("alerts.png"));
    w.showPage(QStringLiteral("Profiles"));
    save(w, out, QStringLiteral("profiles.png"));

    LagSettingsDialog lagDialog(demo::DemoCluster::name(), LagSettings{});
    lagDialog.show();
    save(lagDialog, out, QStringLiteral("lag-settings.png"));
    return 0;
}
