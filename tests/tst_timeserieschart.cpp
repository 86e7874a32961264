// GUI tests of the time chart on the offscreen platform: reduction keeps the plot at pixel
// resolution, the visible span follows the latest data until the user pans or zooms, clicks mark a time.
#include "charts/timeserieschart.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>
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
        // Sample i (one per second from kStart) has lag 1000 + i and a consume rate of 5000 + 2i,
        // so the values in the tooltip must be those of the time it names.
        TimeSeriesChart chart;
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        TimeSeriesChart::Series lag;
        lag.name = QStringLiteral("lag");
        TimeSeriesChart::Series rate;
        rate.name = QStringLiteral("Consume rate");
        rate.rightAxis = true;
        for (int i = 0; i < 3600; ++i) {
            lag.keys.append(kStart + i);
            lag.values.append(1000 + i);
            rate.keys.append(kStart + i);
            rate.values.append(5000 + 2 * i);
        }
        chart.setSeries({lag, rate});
        chart.setVisibleSpan(900);
        chart.refreshNow();

        QWidget *plot = plotArea(chart);
        sendMouse(plot, QEvent::MouseMove, plot->rect().center(), Qt::NoButton, Qt::NoButton);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString text = QToolTip::text();
        static const QRegularExpression timeRe(QStringLiteral("<b>([^<]+)</b>"));
        const auto m = timeRe.match(text);
        QVERIFY2(m.hasMatch(), qPrintable(text));
        const QDateTime shown = QLocale().toDateTime(m.captured(1), QStringLiteral("ddd dd MMM yyyy HH:mm:ss"));
        QVERIFY2(shown.isValid(), qPrintable(m.captured(1)));
        const qint64 i = shown.toSecsSinceEpoch() - qint64(kStart);
        // The time under the mouse: within the visible last 15 minutes, near their middle.
        QVERIFY2(i >= 3600 - 900 && i < 3600, qPrintable(text));
        QVERIFY2(std::abs(double(shown.toSecsSinceEpoch()) - (chart.visibleKeyMin() + chart.visibleKeyMax()) / 2) < 120,
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("lag: <b>%1</b>").arg(QLocale().toString(1000 + i))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Consume rate: <b>%1</b>").arg(QLocale().toString(5000 + 2 * i))),
                 qPrintable(text));
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
        QCOMPARE(chart.emptyTextShown(), QStringLiteral("No history yet"));

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
        QCOMPARE(chart.emptyTextShown(), QString()); // data now: no empty text over the lines
        chart.setSeries({});
        chart.refreshNow();
        QCOMPARE(chart.visiblePointCount(), 0);
        QCOMPARE(chart.emptyTextShown(), QStringLiteral("No history yet"));
    }
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
