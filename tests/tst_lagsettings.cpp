// Lag settings per connection (JSON) and the thresholds dialog's validation.
#include "dialogs/lagsettingsdialog.h"
#include "lagsettings.h"

#include <QApplication>
#include <QFile>
#include <QTableWidget>
#include <QCheckBox>
#include <QLabel>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

class TestLagSettings : public QObject
{
    Q_OBJECT

private slots:
    void roundTripPerConnection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lag-settings.json"));
        LagSettings a;
        a.thresholds = {LagThreshold{QStringLiteral("billing"), QStringLiteral("orders"), 1000, 300.0}};
        a.watchedGroups = {QStringLiteral("billing")};
        a.alertCommand = QStringLiteral("notify --team kafka");
        a.windowSize = 5;
        a.readCommitStream = false;
        a.commitStreamLookBackMinutes = 60;
        a.historyBudgetMB = 2000;
        QVERIFY(LagSettings::save(QStringLiteral("prod"), a, path).ok());
        LagSettings b;
        b.desktopNotifications = false;
        QVERIFY(LagSettings::save(QStringLiteral("test"), b, path).ok());

        auto prod = LagSettings::load(QStringLiteral("prod"), path);
        QVERIFY(prod.ok());
        QCOMPARE(prod.value().thresholds.size(), 1);
        QCOMPARE(prod.value().thresholds.first().maxLag.value(), 1000);
        QCOMPARE(prod.value().thresholds.first().maxTimeLagSeconds.value(), 300.0);
        QCOMPARE(prod.value().watchedGroups, QStringList{QStringLiteral("billing")});
        QCOMPARE(prod.value().alertCommand, QStringLiteral("notify --team kafka"));
        QCOMPARE(prod.value().windowSize, 5);
        QVERIFY(!prod.value().readCommitStream);
        QCOMPARE(prod.value().commitStreamLookBackMinutes, 60);
        QCOMPARE(prod.value().historyBudgetMB, 2000);
        QCOMPARE(LagSettings::load(QStringLiteral("test"), path).value().historyBudgetMB, 500); // the default
        QVERIFY(LagSettings::load(QStringLiteral("test"), path).value().readCommitStream); // default on
        QVERIFY(!LagSettings::load(QStringLiteral("test"), path).value().desktopNotifications);
        QVERIFY(LagSettings::load(QStringLiteral("unknown"), path).value().thresholds.isEmpty());
    }

    void brokenFileIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lag-settings.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ broken");
        f.close();
        QVERIFY(!LagSettings::load(QStringLiteral("prod"), path).ok());
        QVERIFY(!LagSettings::save(QStringLiteral("prod"), LagSettings{}, path).ok()); // never overwrite what we cannot read
    }

    void dialogNamesBadNumbers()
    {
        LagSettings s;
        s.thresholds = {LagThreshold{QStringLiteral("g"), {}, 10, std::nullopt}};
        LagSettingsDialog dialog(QStringLiteral("prod"), s);
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("thresholdsTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);
        table->item(0, 2)->setText(QStringLiteral("ten"));
        QStringList problems;
        dialog.settings(&problems);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QLatin1String("'ten'")));
        table->item(0, 2)->setText(QStringLiteral("5000"));
        table->item(0, 3)->setText(QStringLiteral("90"));
        problems.clear();
        const LagSettings edited = dialog.settings(&problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(edited.thresholds.first().maxLag.value(), 5000);
        QCOMPARE(edited.thresholds.first().maxTimeLagSeconds.value(), 90.0);
        // The per-connection "read commit stream" switch (default on).
        auto *stream = dialog.findChild<QCheckBox *>(QStringLiteral("readCommitStream"));
        QVERIFY(stream);
        QVERIFY(stream->isChecked());
        QVERIFY(edited.readCommitStream);
        stream->setChecked(false);
        QVERIFY(!dialog.settings(&problems).readCommitStream);
    }

    // The history's disk budget: edited with the rest, shown with the size and the reach it buys.
    void dialogShowsTheHistoryBudgetAndWhatItBuys()
    {
        LagSettingsDialog dialog(QStringLiteral("prod"), LagSettings{});
        auto *budget = dialog.findChild<QSpinBox *>(QStringLiteral("historyBudget"));
        auto *usage = dialog.findChild<QLabel *>(QStringLiteral("historyUsage"));
        QVERIFY(budget && usage);
        QCOMPARE(budget->value(), 500);
        HistoryUsage u;
        u.series = 50'000;
        u.samples = 50'000LL * 2160;
        u.bytes = u.samples * 2;
        u.fileBytes = u.bytes + 4096;
        u.oldestMs = 1'700'000'000'000;
        dialog.setHistoryUsage(u, 10);
        QVERIFY2(usage->text().contains(QLatin1String("206.0 MB")), qPrintable(usage->text()));
        QVERIFY2(usage->text().contains(QLatin1String("50,000 partition series")), qPrintable(usage->text()));
        QVERIFY2(usage->text().contains(QLatin1String("holds about")), qPrintable(usage->text())); // less than 7 days
        budget->setValue(100'000);
        QVERIFY2(usage->text().contains(QLatin1String("holds the full 7 d")), qPrintable(usage->text()));
        QCOMPARE(dialog.settings().historyBudgetMB, 100'000);
    }
};

QTEST_MAIN(TestLagSettings)
#include "tst_lagsettings.moc"
