// Takes screenshots of the real console window for the README and for reviewing layouts:
// the window is driven by the in-memory fake cluster (tests/fakes), so it runs anywhere.
// Usage: xvfb-run -a build/tests/kops_screenshot OUTDIR
#include "fakeclusterapi.h"
#include "mainwindow.h"
#include "pages/consumerspage.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace kops;
using kops::test::FakeClusterApi;

namespace {

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
            for (int i = 0; i < 40 + (p * 7) % 23; ++i)
                fake->append(t.first, p, now - (100 - i) * 1000);
    }
    GroupMember a{QStringLiteral("billing-0-3f2c"), QStringLiteral("billing-0"), QStringLiteral("/10.20.1.14"), {}, {}};
    GroupMember b{QStringLiteral("billing-1-9a71"), QStringLiteral("billing-1"), QStringLiteral("/10.20.1.15"), {}, {}};
    FakeClusterApi::Group billing;
    billing.state = QStringLiteral("Stable");
    for (int p = 0; p < 12; ++p) {
        (p < 6 ? a : b).assignments.append({QStringLiteral("orders"), p});
        billing.committed[{QStringLiteral("orders"), p}] = 30 + p;
    }
    billing.members = {a, b};
    fake->setGroup(QStringLiteral("billing-service"), billing);
    FakeClusterApi::Group audit;
    audit.committed[{QStringLiteral("payments"), 0}] = 12;
    audit.committed[{QStringLiteral("payments"), 1}] = 47;
    fake->setGroup(QStringLiteral("audit-archiver"), audit);
    FakeClusterApi::Group dlq;
    dlq.state = QStringLiteral("PreparingRebalance");
    fake->setGroup(QStringLiteral("orders-dlq-reprocessor"), dlq);
    return fake;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setApplicationName(QStringLiteral("kafka-ops-console-screenshot"));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    QDir().mkpath(out);

    auto fake = demoCluster();
    MainWindow w(nullptr, [fake](const ConnectionProfile &, const QString &) { return kops::test::sharedFactory(fake); });
    w.resize(1280, 760);
    w.show();
    QTest::qWait(200);
    w.grab().save(out + QStringLiteral("/disconnected.png"));

    ConnectionProfile p;
    p.name = QStringLiteral("prod-eu-1");
    p.bootstrapServers = QStringLiteral("kafka-1.prod:9092");
    QSignalSpy shown(&w, &MainWindow::overviewShown);
    w.connectTo(p);
    shown.wait(5000);
    QTest::qWait(200);
    w.grab().save(out + QStringLiteral("/overview.png"));

    w.showPage(QStringLiteral("Consumers"));
    w.consumersPage()->selectGroup(QStringLiteral("billing-service"));
    QTest::qWait(500);
    w.grab().save(out + QStringLiteral("/consumers.png"));

    fake->setDown(true);
    w.showPage(QStringLiteral("Overview"));
    w.refresh();
    QTest::qWait(500);
    w.grab().save(out + QStringLiteral("/cluster-down.png"));
    return 0;
}
