// Renders single widgets to PNGs for reviewing their look (not a test: it asserts nothing
// about the product): a realistic six-hour lag chart and its last 15 minutes, sparklines in a
// table, and the Profiles page in its main states.
// Usage: xvfb-run -a build/tests/kops_widgetshots OUTDIR   (or QT_QPA_PLATFORM=offscreen)
#include "charts/sparklinedelegate.h"
#include "charts/timeserieschart.h"
#include "profilespage.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <cstdio>
#include <limits>

using namespace kops;

namespace {

bool save(QWidget &w, const QDir &dir, const QString &name)
{
    QCoreApplication::processEvents();
    const QString path = dir.filePath(name);
    if (!w.grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool lagChart(const QDir &dir)
{
    // Six hours of a consumer group at one sample per 15 s: lag builds up during an incident while
    // the consumers stall, then drains; rates on the right axis; a short gap in the samples.
    const int count = 6 * 3600 / 15;
    const double now = double(QDateTime::currentSecsSinceEpoch());
    TimeSeriesChart::Series lag{QStringLiteral("Lag"), QColor(0x1f, 0x77, 0xb4), {}, {}, false, false};
    TimeSeriesChart::Series produce{QStringLiteral("Produce rate"), QColor(0xff, 0x7f, 0x0e), {}, {}, true, false};
    TimeSeriesChart::Series consume{QStringLiteral("Consume rate"), QColor(0x2c, 0xa0, 0x2c), {}, {}, true, false};
    double backlog = 1200;
    for (int i = 0; i < count; ++i) {
        const double key = now - (count - 1 - i) * 15.0;
        const double in = 2400 + 600 * std::sin(i / 60.0) + 90 * std::sin(i * 0.7) + 45 * std::sin(i * 2.3);
        double out = in + 25 * std::sin(i * 1.3);
        if (i > 600 && i < 760)
            out = 350 + 40 * std::sin(i * 0.9); // consumers stalled
        else if (i >= 760 && backlog > 2000)
            out = in + 1500; // catching up
        backlog = std::max(0.0, backlog + (in - out) * 15);
        const bool missing = i > 1100 && i < 1112;
        for (TimeSeriesChart::Series *s : {&lag, &produce, &consume})
            s->keys.append(key);
        lag.values.append(missing ? std::numeric_limits<double>::quiet_NaN() : backlog);
        produce.values.append(missing ? std::numeric_limits<double>::quiet_NaN() : in);
        consume.values.append(missing ? std::numeric_limits<double>::quiet_NaN() : out);
    }
    TimeSeriesChart chart;
    chart.resize(1000, 380);
    chart.setLeftAxisLabel(QStringLiteral("Lag (messages)"));
    chart.setRightAxisLabel(QStringLiteral("Rate (msg/s)"));
    chart.setSeries({lag, produce, consume});
    chart.setVisibleSpan(6 * 3600);
    chart.setMarker(QDateTime::fromSecsSinceEpoch(qint64(lag.keys[700])));
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart))
        return false;
    chart.refreshNow();
    if (!save(chart, dir, QStringLiteral("timeserieschart.png")))
        return false;
    chart.setVisibleSpan(900);
    chart.refreshNow();
    return save(chart, dir, QStringLiteral("timeserieschart-15min.png"));
}

bool sparklines(const QDir &dir)
{
    constexpr int kTrendRole = Qt::UserRole + 7;
    QStandardItemModel model(4, 2);
    const QList<QVector<double>> trends{{1, 4, 2, 3, 8, 6, 9}, {8, 3, 5, 2, 1}, {}, {5}};
    for (int r = 0; r < trends.size(); ++r) {
        model.setData(model.index(r, 0), QStringLiteral("group-%1").arg(r));
        model.setData(model.index(r, 1), QVariant::fromValue(trends[r]), kTrendRole);
    }
    QTableView view;
    view.setModel(&model);
    view.setItemDelegateForColumn(1, new SparklineDelegate(kTrendRole, &view));
    view.resize(400, 200);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    view.selectRow(0);
    return save(view, dir, QStringLiteral("sparklines.png"));
}

bool profiles(const QDir &dir)
{
    QTemporaryDir tmp;
    ProfilesPage page;
    page.resize(1280, 800);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page) || !save(page, dir, QStringLiteral("profiles-empty.png")))
        return false;
    const QString path = tmp.filePath(QStringLiteral("producer.properties"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("acks=1\nretries=3\nenable.idempotence=false\nlinger.ns=5\n");
    f.close();
    if (!page.importFile(path) || !save(page, dir, QStringLiteral("profiles-producer.png")))
        return false;
    auto *button = page.findChild<QToolButton *>(QStringLiteral("newButton"));
    QAction *jvm = button ? button->menu()->findChild<QAction *>(QStringLiteral("template:jvm-32g-host")) : nullptr;
    if (!jvm)
        return false;
    jvm->trigger();
    if (!save(page, dir, QStringLiteral("profiles-jvm.png")))
        return false;
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("profileTabs"));
    if (!tabs)
        return false;
    tabs->setCurrentIndex(1);
    if (!save(page, dir, QStringLiteral("profiles-diff.png")))
        return false;
    tabs->setCurrentIndex(2);
    return save(page, dir, QStringLiteral("profiles-advisor.png"));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never the user's profiles
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 64;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!QDir().mkpath(dir.path()))
        return 1;
    return lagChart(dir) && sparklines(dir) && profiles(dir) ? 0 : 1;
}
