// Tests of the sparkline delegate: edge-case vectors paint without crashing, trend colours, size hint.
#include "charts/sparklinedelegate.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

#include <limits>

using namespace kops;

namespace {

constexpr int kTrendRole = Qt::UserRole + 7;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QImage paintCell(const SparklineDelegate &delegate, const QModelIndex &index, const QSize &size = {100, 24})
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = QRect(QPoint(0, 0), size);
    option.palette = QApplication::palette();
    option.state = QStyle::State_Enabled;
    delegate.paint(&painter, option, index);
    painter.end();
    return image;
}

// Counts pixels close to a colour (antialiasing blends the edges).
int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 30 && std::abs(c.green() - color.green()) < 30
                && std::abs(c.blue() - color.blue()) < 30)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestSparklineDelegate : public QObject
{
    Q_OBJECT

private slots:
    void trendColor()
    {
        QCOMPARE(SparklineDelegate::trendColor({1, 2, 3}), SparklineDelegate::risingColor());
        QCOMPARE(SparklineDelegate::trendColor({3, 2, 1}), SparklineDelegate::fallingColor());
        QCOMPARE(SparklineDelegate::trendColor({2, 5, 2}), SparklineDelegate::fallingColor()); // flat: not rising
        QCOMPARE(SparklineDelegate::trendColor({}), SparklineDelegate::fallingColor());
        QCOMPARE(SparklineDelegate::trendColor({4}), SparklineDelegate::fallingColor());
        QCOMPARE(SparklineDelegate::trendColor({kNaN, 1, 9, kNaN}), SparklineDelegate::risingColor());
        QCOMPARE(SparklineDelegate::trendColor({kNaN, kNaN}), SparklineDelegate::fallingColor());
        QVERIFY(SparklineDelegate::risingColor() != SparklineDelegate::fallingColor());
    }

    void paintsEdgeCasesWithoutCrashing_data()
    {
        QTest::addColumn<QVector<double>>("values");
        QTest::addColumn<QSize>("size");
        QTest::newRow("empty") << QVector<double>{} << QSize(100, 24);
        QTest::newRow("one point") << QVector<double>{5} << QSize(100, 24);
        QTest::newRow("two points") << QVector<double>{5, 6} << QSize(100, 24);
        QTest::newRow("all equal") << QVector<double>(50, 3.0) << QSize(100, 24);
        QTest::newRow("all NaN") << QVector<double>(10, kNaN) << QSize(100, 24);
        QTest::newRow("gaps") << QVector<double>{1, kNaN, 3, 4, kNaN, kNaN, 2} << QSize(100, 24);
        QTest::newRow("infinities") << QVector<double>{1, std::numeric_limits<double>::infinity(), 3} << QSize(100, 24);
        QTest::newRow("huge values") << QVector<double>{-1e300, 1e300, 0} << QSize(100, 24);
        QTest::newRow("many points") << QVector<double>(100000, 1.0) << QSize(100, 24);
        QTest::newRow("tiny cell") << QVector<double>{1, 2, 3} << QSize(3, 2);
        QTest::newRow("empty cell") << QVector<double>{1, 2, 3} << QSize(0, 0);
    }

    void paintsEdgeCasesWithoutCrashing()
    {
        QFETCH(QVector<double>, values);
        QFETCH(QSize, size);
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), QVariant::fromValue(values), kTrendRole);
        SparklineDelegate delegate(kTrendRole);
        if (size.isEmpty()) {
            // A cell of no size draws nothing, not even around where it sits.
            QImage image(20, 20, QImage::Format_ARGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            QStyleOptionViewItem option;
            option.rect = QRect(QPoint(10, 10), size);
            option.palette = QApplication::palette();
            option.state = QStyle::State_Enabled;
            delegate.paint(&painter, option, model.index(0, 0));
            painter.end();
            QCOMPARE(pixelsNear(image, Qt::white), 20 * 20);
        } else {
            QCOMPARE(paintCell(delegate, model.index(0, 0), size).size(), size);
        }
    }

    void paintsInTheTrendColour()
    {
        QStandardItemModel model(3, 1);
        model.setData(model.index(0, 0), QVariant::fromValue(QVector<double>{10, 12, 11, 15, 30}), kTrendRole);
        model.setData(model.index(1, 0), QVariant::fromValue(QVector<double>{30, 12, 11, 15, 10}), kTrendRole);
        model.setData(model.index(2, 0), QVariant(), kTrendRole); // no data at all
        SparklineDelegate delegate(kTrendRole);

        const QImage rising = paintCell(delegate, model.index(0, 0));
        QVERIFY(pixelsNear(rising, SparklineDelegate::risingColor()) > 20);
        QCOMPARE(pixelsNear(rising, SparklineDelegate::fallingColor()), 0);

        const QImage falling = paintCell(delegate, model.index(1, 0));
        QVERIFY(pixelsNear(falling, SparklineDelegate::fallingColor()) > 20);
        QCOMPARE(pixelsNear(falling, SparklineDelegate::risingColor()), 0);

        const QImage none = paintCell(delegate, model.index(2, 0));
        QCOMPARE(pixelsNear(none, SparklineDelegate::risingColor()), 0);
        QCOMPARE(pixelsNear(none, SparklineDelegate::fallingColor()), 0);
    }

    void sizeHintIsAboutOneHundredByRowHeight()
    {
        QStandardItemModel model(1, 1);
        SparklineDelegate delegate(kTrendRole);
        QStyleOptionViewItem option;
        option.fontMetrics = QFontMetrics(QApplication::font());
        const QSize hint = delegate.sizeHint(option, model.index(0, 0));
        QCOMPARE(hint.width(), 100);
        QVERIFY(hint.height() >= option.fontMetrics.height());
        QVERIFY(hint.height() < 60);
    }

    void paintsInsideARealTable()
    {
        QStandardItemModel model(4, 2);
        const QList<QVector<double>> trends{{1, 4, 2, 3, 8, 6, 9}, {8, 3, 5, 2, 1}, {}, {5}};
        for (int r = 0; r < trends.size(); ++r) {
            model.setData(model.index(r, 0), QStringLiteral("group-%1").arg(r));
            model.setData(model.index(r, 1), QVariant::fromValue(trends[r]), kTrendRole);
        }
        QTableView view;
        view.setModel(&model);
        auto *delegate = new SparklineDelegate(kTrendRole, &view);
        view.setItemDelegateForColumn(1, delegate);
        view.resize(400, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectRow(0);
        QCOMPARE(delegate->role(), kTrendRole);
        // What the table draws in each trend cell: rising in the rising colour, falling in the
        // falling colour, nothing for no data.
        const QImage shot = view.viewport()->grab().toImage();
        auto cell = [&](int row) { return shot.copy(view.visualRect(model.index(row, 1))); };
        QVERIFY(pixelsNear(cell(1), SparklineDelegate::fallingColor()) > 10);
        QCOMPARE(pixelsNear(cell(1), SparklineDelegate::risingColor()), 0);
        QCOMPARE(pixelsNear(cell(2), SparklineDelegate::risingColor()), 0);
        QCOMPARE(pixelsNear(cell(2), SparklineDelegate::fallingColor()), 0);
        QVERIFY(pixelsNear(cell(0), SparklineDelegate::risingColor()) > 10); // selected, still drawn
    }
};

QTEST_MAIN(TestSparklineDelegate)
#include "tst_sparklinedelegate.moc"
