// Prints how long the chart's rendering path takes: the M4 reduction alone, a million-point
// setSeries up to the first replot, and successive pan steps. Figures only, no pass/fail.
// Usage: build/tests/bench/bench_chart   (uses the offscreen platform unless QT_QPA_PLATFORM is set)
#include "charts/seriesreducer.h"
#include "charts/timeserieschart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <cmath>

using namespace kops;

namespace {

constexpr int kColumns = 1200;
constexpr double kStart = 1.7e9;

void randomWalk(qsizetype count, QVector<double> &keys, QVector<double> &values)
{
    QRandomGenerator rng(1234);
    keys.resize(count);
    values.resize(count);
    double v = 1e5;
    for (qsizetype i = 0; i < count; ++i) {
        v = std::max(0.0, v + rng.bounded(2000.0) - 1000.0);
        keys[i] = kStart + double(i);
        values[i] = v;
    }
}

double medianMs(QVector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void row(const QString &what, qsizetype points, double ms, const QString &note = {})
{
    out() << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(12) << Qt::right << points
          << qSetFieldWidth(12) << QString::number(ms, 'f', 2) << qSetFieldWidth(0) << QStringLiteral("   ") << note
          << Qt::endl;
}

void benchReduction()
{
    for (qsizetype n : {qsizetype(100'000), qsizetype(1'000'000), qsizetype(10'000'000)}) {
        QVector<double> keys, values;
        randomWalk(n, keys, values);
        QVector<double> full, window;
        qsizetype outSize = 0;
        for (int run = 0; run < 7; ++run) {
            QElapsedTimer t;
            t.start();
            const ReducedSeries r = reduceToPixels(keys, values, keys.first(), keys.last(), kColumns);
            full.append(double(t.nsecsElapsed()) / 1e6);
            outSize = r.keys.size();
            t.restart();
            const ReducedSeries w = reduceToPixels(keys, values, keys[n / 2], keys[n / 2 + n / 10], kColumns);
            window.append(double(t.nsecsElapsed()) / 1e6);
        }
        row(QStringLiteral("reduceToPixels, whole range -> %1 cols").arg(kColumns), n, medianMs(full),
            QStringLiteral("median of 7, %1 points out").arg(outSize));
        row(QStringLiteral("reduceToPixels, 10% window -> %1 cols").arg(kColumns), n, medianMs(window),
            QStringLiteral("median of 7"));
    }
}

void benchChart()
{
    const qsizetype n = 1'000'000;
    TimeSeriesChart::Series lag;
    lag.name = QStringLiteral("Lag");
    randomWalk(n, lag.keys, lag.values);

    TimeSeriesChart chart;
    chart.resize(kColumns + 110, 420); // axis rect about 1200 px wide
    chart.show();
    QApplication::processEvents();

    QElapsedTimer t;
    t.start();
    chart.setSeries({lag});
    chart.setVisibleRange(lag.keys.first(), lag.keys.last());
    chart.refreshNow();
    QApplication::processEvents(); // the queued widget repaint
    row(QStringLiteral("setSeries + first replot (whole range)"), n, double(t.nsecsElapsed()) / 1e6,
        QStringLiteral("%1 points plotted").arg(chart.visiblePointCount()));

    const auto pan = [&](const QString &what, double span) {
        chart.setVisibleRange(lag.keys.last() - span, lag.keys.last());
        chart.refreshNow();
        QApplication::processEvents();
        const double step = span / 100;
        QVector<double> steps;
        QElapsedTimer total;
        total.start();
        for (int i = 1; i <= 100; ++i) {
            QElapsedTimer one;
            one.start();
            chart.setVisibleRange(lag.keys.last() - span - i * step, lag.keys.last() - i * step);
            chart.refreshNow();
            QApplication::processEvents();
            steps.append(double(one.nsecsElapsed()) / 1e6);
        }
        const double totalMs = double(total.nsecsElapsed()) / 1e6;
        row(what, n, totalMs,
            QStringLiteral("median step %1 ms, worst %2 ms, %3 points plotted at the last step")
                .arg(medianMs(steps), 0, 'f', 2)
                .arg(*std::max_element(steps.cbegin(), steps.cend()), 0, 'f', 2)
                .arg(chart.visiblePointCount()));
    };
    pan(QStringLiteral("100 pan steps, whole range in view"), lag.keys.last() - lag.keys.first());
    pan(QStringLiteral("100 pan steps, 1-day window"), 86400);
    pan(QStringLiteral("100 pan steps, 15-minute window"), 900);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    out() << QStringLiteral("platform: %1, reduction to %2 columns, chart plot area about %2 px wide").arg(QApplication::platformName()).arg(kColumns)
          << Qt::endl;
    out() << qSetFieldWidth(44) << Qt::left << QStringLiteral("what") << qSetFieldWidth(12) << Qt::right
          << QStringLiteral("points") << qSetFieldWidth(12) << QStringLiteral("ms") << qSetFieldWidth(0) << Qt::endl;
    benchReduction();
    benchChart();
    return 0;
}
