// GUI tests of the time chart on the offscreen platform: reduction keeps the plot at pixel
// resolution, the visible span follows the latest data until the user pans or zooms, clicks mark a time.
#include "charts/timeserieschart.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>
#include <limits>

using namespace kops;

namespace {

constexpr double kStart = 1.7e9; // 2023-11-14

TimeSeriesChart::Series rampSeries(int count, double step, const QString &name = QStringLiteral("lag"))
{
    TimeSeriesChart::Series s;
    s.name = name;
    s.keys.reserve(count);
    s.values.reserve(count);
    for (int i = 0; i < count; ++i) {
        s.keys.append(kStart + i * step);
        s.values.append(1000 + 500 * std::sin(i / 5000.0) + (i % 97));
    }
    return s;
}

// The QCustomPlot inside the chart: the widget that receives the mouse.
QWidget *plotArea(TimeSeriesChart &chart)
{
    QWidget *w = chart.childAt(chart.rect().center());
    return w ? w : &chart;
}

void sendWheel(QWidget *target, const QPoint &pos, int delta)
{
    QWheelEvent wheel(QPointF(pos), QPointF(target->mapToGlobal(pos)), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &wheel);
}

void sendMouse(QWidget *target, QEvent::Type type, const QPoint &pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, QPointF(pos), QPointF(target->mapToGlobal(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(target, &event);
}

} // namespace

class TestTimeSeriesChart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void millionPointsAreReducedToPixels()
    {
        TimeSeriesChart chart;
        chart.resize(1000, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));

        const TimeSeriesChart::Series s = rampSeries(1'000'000, 1.0);
        chart.setSeries({s});
        chart.setVisibleRange(s.keys.first(), s.keys.last());
        QTRY_VERIFY(chart.visiblePointCount() > 0);
        chart.refreshNow();
        QVERIFY2(chart.visiblePointCount() <= 4 * chart.width() + 2, qPrintable(QString::number(chart.visiblePointCount())));
        QVERIFY(chart.visiblePointCount() > 100);
        QVERIFY(chart.grab().save(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("timeserieschart-1M.png"))));

        // Zoomed into a few minutes, every point is drawn as it is.
        chart.setVisibleRange(s.keys[500'000], s.keys[500'000] + 120);
        chart.refreshNow();
        QCOMPARE(chart.visiblePointCount(), 121 + 2);
    }

    void visibleSpanFollowsLatest()
    {
        TimeSeriesChart chart;
        chart.resize(800, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));

        const TimeSeriesChart::Series s = rampSeries(7200, 1.0); // two hours, one point per second
        chart.setSeries({s});
        chart.setVisibleSpan(900);
        QVERIFY(chart.isFollowingLatest());
        QCOMPARE(chart.visibleKeyMax(), s.keys.last());
        QCOMPARE(chart.visibleKeyMin(), s.keys.last() - 900);
        chart.refreshNow();
        QCOMPARE(chart.visiblePointCount(), 901 + 1); // the last 15 minutes plus the left neighbour

        chart.appendPoint(0, s.keys.last() + 10, 42);
        QCOMPARE(chart.visibleKeyMax(), s.keys.last() + 10);
        QCOMPARE(chart.visibleKeyMin(), s.keys.last() + 10 - 900);

        // setSeries keeps following "now" of the new data.
        chart.setSeries({rampSeries(100, 60.0)});
        QCOMPARE(chart.visibleKeyMax(), kStart + 99 * 60.0);
        QCOMPARE(chart.visibleKeyMax() - chart.visibleKeyMin(), 900.0);

        chart.setVisibleSpan(7 * 24 * 3600);
        QCOMPARE(chart.visibleKeyMax() - chart.visibleKeyMin(), 604800.0);
    }

    void setSeriesKeepsAFixedRange()
    {
        TimeSeriesChart chart;
        chart.resize(800, 300);
        chart.setSeries({rampSeries(1000, 10.0)});
        chart.setVisibleRange(kStart + 100, kStart + 2000);
        chart.setSeries({rampSeries(2000, 10.0)});
        QVERIFY(!chart.isFollowingLatest());
        QCOMPARE(chart.visibleKeyMin(), kStart + 100);
        QCOMPARE(chart.visibleKeyMax(), kStart + 2000);
        chart.appendPoint(0, kStart + 1e6, 1);
        QCOMPARE(chart.visibleKeyMax(), kStart + 2000);
        chart.appendPoint(5, kStart, 1); // no such series: ignored
        chart.appendPoint(-1, kStart, 1);
    }

    void clickEmitsTimestampAndSetsMarker()
    {
        TimeSeriesChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setSeries({rampSeries(3600, 1.0)});
        chart.setVisibleSpan(900);
        chart.refreshNow();
        QTest::qWait(60);

        QSignalSpy clicked(&chart, &TimeSeriesChart::timestampClicked);
        QWidget *plot = plotArea(chart);
        QVERIFY(plot != &chart);
        const double minBefore = chart.visibleKeyMin();
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, plot->rect().center());
        QCOMPARE(clicked.count(), 1);
        const QDateTime time = clicked.at(0).at(0).toDateTime();
        const double key = time.toMSecsSinceEpoch() / 1000.0;
        QVERIFY(key >= chart.visibleKeyMin() && key <= chart.visibleKeyMax());
        QVERIFY(std::abs(key - (chart.visibleKeyMin() + chart.visibleKeyMax()) / 2) < 900 * 0.2);
        QCOMPARE(chart.marker(), std::optional<QDateTime>(time));
        QCOMPARE(chart.visibleKeyMin(), minBefore); // a click does not pan
        QVERIFY(chart.isFollowingLatest());

        chart.setMarker(std::nullopt);
        QVERIFY(!chart.marker());
        const QDateTime programmatic = QDateTime::fromSecsSinceEpoch(qint64(kStart) + 3000);
        chart.setMarker(programmatic);
        QCOMPARE(chart.marker(), std::optional<QDateTime>(programmatic));

        // A click on the axis labels, outside the plot area, is not a timestamp.
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, QPoint(plot->width() / 2, plot->height() - 3));
        QCOMPARE(clicked.count(), 1);
    }

    void wheelZoomsTimeAndStopsFollowing()
    {
        TimeSeriesChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setSeries({rampSeries(7200, 1.0)});
        chart.setVisibleSpan(3600);
        chart.refreshNow();
        QTest::qWait(60);

        QWidget *plot = plotArea(chart);
        sendWheel(plot, plot->rect().center(), 120);
        const double span = chart.visibleKeyMax() - chart.visibleKeyMin();
        QVERIFY2(span < 3600, qPrintable(QString::number(span)));
        QVERIFY(!chart.isFollowingLatest());
        chart.refreshNow();
        QVERIFY(chart.visiblePointCount() <= int(span) + 3);

        chart.followLatest();
        QVERIFY(chart.isFollowingLatest());
        QCOMPARE(chart.visibleKeyMax() - chart.visibleKeyMin(), 3600.0);
    }

    void dragPansTimeAndStopsFollowing()
    {
        TimeSeriesChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setSeries({rampSeries(7200, 1.0)});
        chart.setVisibleSpan(900);
        chart.refreshNow();
        QTest::qWait(60);

        QSignalSpy clicked(&chart, &TimeSeriesChart::timestampClicked);
        QSignalSpy rangeChanged(&chart, &TimeSeriesChart::visibleRangeChanged);
        QWidget *plot = plotArea(chart);
        const QPoint from = plot->rect().center();
        const QPoint to = from + QPoint(200, 0);
        const double minBefore = chart.visibleKeyMin();
        sendMouse(plot, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        sendMouse(plot, QEvent::MouseMove, from + QPoint(100, 0), Qt::NoButton, Qt::LeftButton);
        sendMouse(plot, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        sendMouse(plot, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);

        QVERIFY(chart.visibleKeyMin() < minBefore); // dragged right: earlier times come into view
        QCOMPARE(chart.visibleKeyMax() - chart.visibleKeyMin(), 900.0);
        QVERIFY(!chart.isFollowingLatest());
        QVERIFY(rangeChanged.count() >= 1);
        QCOMPARE(clicked.count(), 0);

        // New data does not move a range the user chose.
        const double maxAfterDrag = chart.visibleKeyMax();
        chart.appendPoint(0, kStart + 7200, 5);
        QCOMPARE(chart.visibleKeyMax(), maxAfterDrag);
    }

    void hoverShowsTimeAndValues()
    {
        TimeSeriesChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        TimeSeriesChart::Series rate = rampSeries(3600, 1.0, QStringLiteral("Consume rate"));
        rate.rightAxis = true;
        chart.setSeries({rampSeries(3600, 1.0), rate});
        chart.setVisibleSpan(900);
        chart.refreshNow();
        QTest::qWait(60);

        QWidget *plot = plotArea(chart);
        sendMouse(plot, QEvent::MouseMove, plot->rect().center(), Qt::NoButton, Qt::NoButton);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY(QToolTip::text().contains(QStringLiteral("lag")));
        QVERIFY(QToolTip::text().contains(QStringLiteral("Consume rate")));
        QVERIFY(!chart.grab().isNull()); // with the tracers drawn
        QEvent leave(QEvent::Leave);
        QApplication::sendEvent(plot, &leave);
        QTRY_VERIFY(!QToolTip::isVisible());
    }

    void emptyState()
    {
        TimeSeriesChart chart;
        chart.resize(600, 300);
        chart.setEmptyText(QStringLiteral("No history yet"));
        chart.setLeftAxisLabel(QStringLiteral("Lag (messages)"));
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refreshNow();
        QCOMPARE(chart.visiblePointCount(), 0);
        QVERIFY(chart.visibleKeyMax() > chart.visibleKeyMin());
        QVERIFY(chart.grab().save(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("timeserieschart-empty.png"))));

        TimeSeriesChart::Series none;
        none.name = QStringLiteral("lag");
        TimeSeriesChart::Series one;
        one.name = QStringLiteral("rate");
        one.rightAxis = true;
        one.keys = {kStart};
        one.values = {std::numeric_limits<double>::quiet_NaN()};
        chart.setSeries({none, one});
        chart.refreshNow();
        QCOMPARE(chart.visiblePointCount(), 1);
        chart.appendPoint(0, kStart, 3);
        chart.appendPoint(0, kStart - 10, 2); // out of order: inserted in place
        chart.refreshNow();
        QVERIFY(!chart.grab().isNull());
        chart.setSeries({});
        chart.refreshNow();
        QCOMPARE(chart.visiblePointCount(), 0);
    }

    void rendersRealisticLagChart()
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
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refreshNow();
        QTest::qWait(100);
        chart.refreshNow();
        const QPixmap pixmap = chart.grab();
        QVERIFY(!pixmap.isNull());
        const QString path = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("timeserieschart.png"));
        QVERIFY(pixmap.save(path));

        chart.setVisibleSpan(900);
        chart.refreshNow();
        QTest::qWait(60);
        chart.refreshNow();
        QVERIFY(chart.grab().save(
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("timeserieschart-15min.png"))));
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
