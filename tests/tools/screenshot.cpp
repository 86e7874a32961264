// Takes screenshots of the real console window for the README and for reviewing layouts:
// the window is driven by the in-memory fake cluster (tests/fakes), so it runs anywhere.
// Usage: xvfb-run -a build/tests/kops_screenshot OUTDIR
#include "fakeclusterapi.h"
#include "historystore.h"
#include "lagsettings.h"
#include "mainwindow.h"
#include "dialogs/connectiondialog.h"
#include "dialogs/lagsettingsdialog.h"
#include "dlq/deadlettermodel.h"
#include "dlq/deadletterspage.h"
#include "pages/consumerspage.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

constexpr qint64 kDemoBase = 1'250'000;

std::shared_ptr<FakeClusterApi> demoCluster()
{
    auto fake = std::make_shared<FakeClusterApi>();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<QPair<QString, int>> topics{{QStringLiteral("orders"), 12},
                                            {QStringLiteral("orders.dlq"), 3},
                                            {QStringLiteral("payments"), 6},
                                            {QStringLiteral("payments.retry.5m"), 3},
                                            {QStringLiteral("inventory-updates"), 8},
                                            {QStringLiteral("customer-profile-changes.v2.compacted"), 4},
                                            {QStringLiteral("clickstream"), 24}};
    for (const auto &t : topics) {
        fake->addTopic(t.first, t.second, 3);
        for (int p = 0; p < t.second; ++p)
            fake->setLogStart(t.first, p, kDemoBase);
        if (t.first.endsWith(QLatin1String(".dlq")))
            continue; // filled with dead letters below
        for (int p = 0; p < t.second; ++p)
            for (int i = 0; i < 40 + (p * 7) % 23; ++i)
                fake->append(t.first, p, now - (100 - i) * 1000);
    }
    // Spring-style dead letters with a mix of error classes.
    for (int i = 0; i < 240; ++i) {
        const char *errors[] = {"org.springframework.kafka.support.serializer.DeserializationException",
                                "java.lang.NullPointerException", "com.acme.billing.PaymentDeclinedException"};
        fake->append(QStringLiteral("orders.dlq"), i % 3, now - (240 - i) * 15'000,
                     QStringLiteral("{\"orderId\":%1,\"amount\":%2.50,\"currency\":\"EUR\"}").arg(90000 + i).arg(10 + i % 70).toUtf8(),
                     QStringLiteral("order-%1").arg(90000 + i).toUtf8(),
                     {{QStringLiteral("kafka_dlt-original-topic"), QByteArray("orders")},
                      {QStringLiteral("kafka_dlt-original-partition"), QByteArray::number(i % 12)},
                      {QStringLiteral("kafka_dlt-original-offset"), QByteArray::number(kDemoBase + 1000 + i)},
                      {QStringLiteral("kafka_dlt-exception-fqcn"), QByteArray(errors[i % 7 == 0 ? 1 : (i % 5 == 0 ? 2 : 0)])},
                      {QStringLiteral("kafka_dlt-exception-message"), QByteArray("could not process order")}});
    }
    GroupMember a{QStringLiteral("billing-0-3f2c"), QStringLiteral("billing-0"), QStringLiteral("/10.20.1.14"), {}, {}};
    GroupMember b{QStringLiteral("billing-1-9a71"), QStringLiteral("billing-1"), QStringLiteral("/10.20.1.15"), {}, {}};
    FakeClusterApi::Group billing;
    billing.state = QStringLiteral("Stable");
    for (int p = 0; p < 12; ++p) {
        (p < 6 ? a : b).assignments.append({QStringLiteral("orders"), p});
        billing.committed[{QStringLiteral("orders"), p}] = kDemoBase + 30 + p;
    }
    billing.members = {a, b};
    fake->setGroup(QStringLiteral("billing-service"), billing);
    FakeClusterApi::Group audit;
    audit.committed[{QStringLiteral("payments"), 0}] = kDemoBase + 12;
    audit.committed[{QStringLiteral("payments"), 1}] = kDemoBase + 47;
    fake->setGroup(QStringLiteral("audit-archiver"), audit);
    FakeClusterApi::Group dlq;
    dlq.state = QStringLiteral("PreparingRebalance");
    fake->setGroup(QStringLiteral("orders-dlq-reprocessor"), dlq);
    return fake;
}

/// Six hours of history for billing-service ending where the fake cluster is now: a
/// backlog builds up around three hours ago and drains since.
void seedHistory(const QString &cluster, qint64 base)
{
    HistoryStore store;
    if (!store.open().ok())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qint64 t = now - 6 * 3600'000; t < now - 30'000; t += 60'000) {
        const double hoursAgo = double(now - t) / 3600'000.0;
        RawLagSample sample;
        sample.atMs = t;
        RawGroupSample g;
        g.groupId = QStringLiteral("billing-service");
        for (int p = 0; p < 12; ++p) {
            const qint64 logEndNow = base + 40 + (p * 7) % 23;
            const qint64 committedNow = base + 30 + p;
            const double bump = 260.0 * std::exp(-std::pow((hoursAgo - 2.5) / 0.9, 2.0));
            const qint64 lag = (logEndNow - committedNow) + qint64(bump) + qint64(6 * std::sin(hoursAgo * 7 + p));
            RawPartitionSample ps;
            ps.topic = QStringLiteral("orders");
            ps.partition = p;
            ps.logEnd = logEndNow - qint64(hoursAgo * 3600 * (1.6 + 0.3 * std::sin(hoursAgo * 2)));
            ps.committed = ps.logEnd - std::max<qint64>(0, lag);
            g.partitions.append(ps);
        }
        sample.groups = {g};
        store.record(cluster, sample);
    }
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

    auto fake = demoCluster();
    MainWindow w(nullptr, [fake](const ConnectionProfile &, const QString &) { return kops::test::sharedFactory(fake); });
    w.resize(1280, 760);
    w.show();
    QTest::qWait(200);
    w.grab().save(out + QStringLiteral("/disconnected.png"));

    seedHistory(QStringLiteral("prod-eu-1"), kDemoBase);
    LagSettings lagSettings;
    lagSettings.thresholds = {LagThreshold{QStringLiteral("audit-archiver"), {}, 20, std::nullopt}};
    LagSettings::save(QStringLiteral("prod-eu-1"), lagSettings);
    ConnectionProfile p;
    p.name = QStringLiteral("prod-eu-1");
    p.bootstrapServers = QStringLiteral("kafka-1.prod:9092");
    QSignalSpy shown(&w, &MainWindow::overviewShown);
    w.connectTo(p);
    shown.wait(5000);
    QTest::qWait(200);
    w.grab().save(out + QStringLiteral("/overview.png"));

    w.showPage(QStringLiteral("Consumers"));
    QTest::qWait(1500);
    w.grab().save(out + QStringLiteral("/consumers-nogroup.png"));
    w.consumersPage()->selectGroup(QStringLiteral("billing-service"));
    QTest::qWait(1500);
    w.grab().save(out + QStringLiteral("/consumers.png"));

    w.showPage(QStringLiteral("Dead letters"));
    if (auto *dlq = w.findChild<DeadLettersPage *>()) {
        dlq->setTopic(QStringLiteral("orders.dlq"));
        QTest::mouseClick(dlq->loadButton(), Qt::LeftButton);
        QTest::qWait(1000);
        if (dlq->model()->rowCount() > 3)
            dlq->table()->selectRow(2);
        QTest::qWait(300);
    }
    w.grab().save(out + QStringLiteral("/deadletters.png"));

    w.showPage(QStringLiteral("Alerts"));
    QTest::qWait(500);
    w.grab().save(out + QStringLiteral("/alerts.png"));
    w.showPage(QStringLiteral("Replay"));
    QTest::qWait(300);
    w.grab().save(out + QStringLiteral("/replay.png"));
    w.showPage(QStringLiteral("Profiles"));
    QTest::qWait(300);
    w.grab().save(out + QStringLiteral("/profiles.png"));

    LagSettingsDialog lagDialog(QStringLiteral("prod-eu-1"), lagSettings);
    lagDialog.show();
    QTest::qWait(200);
    lagDialog.grab().save(out + QStringLiteral("/lag-settings.png"));
    lagDialog.hide();

    fake->setDown(true);
    w.showPage(QStringLiteral("Overview"));
    w.refresh();
    QTest::qWait(500);
    w.grab().save(out + QStringLiteral("/cluster-down.png"));

    w.disconnectFromCluster();
    w.showPage(QStringLiteral("Consumers"));
    QTest::qWait(200);
    w.grab().save(out + QStringLiteral("/consumers-disconnected.png"));

    // The connection dialog with a form error, as a person typing a bad address sees it.
    ConnectionDialog dialog(ConnectionStore(out + QStringLiteral("/connections.json")), nullptr,
                            [fake](const QList<QPair<QString, QString>> &) { return kops::test::sharedFactory(fake)(); });
    ConnectionProfile bad;
    bad.name = QStringLiteral("staging");
    bad.bootstrapServers = QStringLiteral("kafka-staging-1.internal");
    bad.securityProtocol = QStringLiteral("SASL_SSL");
    bad.saslMechanism = QStringLiteral("SCRAM-SHA-512");
    bad.saslUsername = QStringLiteral("ops");
    dialog.setFormProfile(bad);
    dialog.show();
    dialog.testConnection();
    QTest::qWait(300);
    dialog.grab().save(out + QStringLiteral("/connection-error.png"));
    bad.bootstrapServers = QStringLiteral("kafka-staging-1.internal:9093");
    dialog.setFormProfile(bad);
    dialog.testConnection();
    QTest::qWait(800);
    dialog.grab().save(out + QStringLiteral("/connection-ok.png"));
    return 0;
}
