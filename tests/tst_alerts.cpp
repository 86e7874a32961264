// Alerts: one per incident, hysteresis, persistence across restarts, the command hook.
#include "alerts.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace kops;

namespace {

LagSnapshot snapshot(qint64 atMs, HealthStatus status, qint64 lag = 500)
{
    GroupLag g;
    g.groupId = QStringLiteral("billing");
    g.status = status;
    g.reason = status == HealthStatus::Ok ? QStringLiteral("caught up") : QStringLiteral("orders/0: no commit for 5 min, lag 500");
    g.totalLag = lag;
    PartitionLag p;
    p.topic = QStringLiteral("orders");
    p.status = status;
    g.partitions = {p};
    LagSnapshot s;
    s.atMs = atMs;
    s.groups = {g};
    return s;
}

constexpr qint64 T0 = 1'700'000'000'000;

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private slots:
    void oneAlertPerIncidentWithHysteresis()
    {
        AlertEngine engine(nullptr, 3);
        int raised = 0;
        int resolved = 0;
        // WARN, OK, STOP (same incident: OK did not last), OK x3 (resolved), STOP (new incident)
        const QList<HealthStatus> sequence{HealthStatus::Warn, HealthStatus::Ok,   HealthStatus::Stop,
                                           HealthStatus::Stop, HealthStatus::Ok,   HealthStatus::Ok,
                                           HealthStatus::Ok,   HealthStatus::Stop, HealthStatus::Stop};
        qint64 t = T0;
        for (HealthStatus s : sequence) {
            const auto out = engine.evaluate(QStringLiteral("prod"), snapshot(t += 10'000, s));
            raised += int(out.raised.size());
            resolved += int(out.resolved.size());
        }
        QCOMPARE(raised, 2);
        QCOMPARE(resolved, 1);
        QCOMPARE(engine.openIncidents(), 1);
    }

    void alertCarriesWhatHappened()
    {
        AlertEngine engine;
        const auto out = engine.evaluate(QStringLiteral("prod"), snapshot(T0, HealthStatus::Stop, 4210));
        QCOMPARE(out.raised.size(), 1);
        const Alert &a = out.raised.first();
        QCOMPARE(a.group, QStringLiteral("billing"));
        QCOMPARE(a.topic, QStringLiteral("orders"));
        QCOMPARE(a.status, HealthStatus::Stop);
        QCOMPARE(a.totalLag, 4210);
        QCOMPARE(a.at.toMSecsSinceEpoch(), T0);
        const QJsonObject json = a.toJson();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("STOP"));
        QVERIFY(json.value(QStringLiteral("reason")).toString().contains(QLatin1String("no commit")));
    }

    void storedAlertsAndOpenIncidentsSurviveRestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("alerts.sqlite"));
        {
            AlertStore store(path);
            QVERIFY(store.open().ok());
            AlertEngine engine(&store);
            QCOMPARE(engine.evaluate(QStringLiteral("prod"), snapshot(T0, HealthStatus::Stall)).raised.size(), 1);
        }
        AlertStore store(path);
        QVERIFY(store.open().ok());
        QCOMPARE(store.list().size(), 1);
        QVERIFY(!store.list().first().resolvedAt.isValid());
        AlertEngine engine(&store);
        engine.restore(QStringLiteral("prod"));
        // The incident is still open after the restart: no second alert.
        QCOMPARE(engine.evaluate(QStringLiteral("prod"), snapshot(T0 + 10'000, HealthStatus::Stall)).raised.size(), 0);
        for (int i = 1; i <= 3; ++i)
            engine.evaluate(QStringLiteral("prod"), snapshot(T0 + 10'000 + i * 10'000, HealthStatus::Ok));
        QVERIFY(store.list().first().resolvedAt.isValid());
        QVERIFY(store.acknowledge(store.list().first().id).ok());
        QVERIFY(store.list().first().acknowledged);
    }

    void hookGetsTheAlertAsJsonOnStdin()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("alert.json"));
        Alert a;
        a.group = QStringLiteral("billing");
        a.status = HealthStatus::Warn;
        a.at = QDateTime::currentDateTime();
        QString error;
        QVERIFY2(AlertHook::run(QStringLiteral("cat > '%1'").arg(out), a, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(QFile(out).size() > 0, 5000);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("group")).toString(), QStringLiteral("billing"));
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("WARN"));
        // Nothing to run is refused at once; a missing program is the shell's exit code 127,
        // logged when it ends (tst_lagservice: alertHookThatCannotStartIsLoggedAndSamplingGoesOn).
        QVERIFY(!AlertHook::run(QStringLiteral("  "), a, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
