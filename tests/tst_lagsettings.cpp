// Lag settings per connection (JSON) and the thresholds dialog's validation.
#include "dialogs/lagsettingsdialog.h"
#include "lagsettings.h"

#include <QApplication>
#include <QFile>
#include <QTableWidget>
#include <QCheckBox>
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
};

QTEST_MAIN(TestLagSettings)
#include "tst_lagsettings.moc"
