#pragma once

#include "clusterapi.h"
#include "alerts.h"
#include "clusteroverview.h"
#include "connectioncontext.h"
#include "connectionstore.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QTimer;

namespace kops {

namespace demo {
class DemoCluster;
}

class AlertsPage;
class ClusterService;
class LagService;
class ConsolePage;
class ConsumersPage;
class OverviewPage;
class ReplayPage;
class StatusBanner;

/// The console window: connection chooser, navigation between the areas, pages, and
/// a banner that says plainly when the cluster is slow or down.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// Makes the ClusterApi factory for a profile and password; tests substitute fakes.
    using ApiFactoryMaker = std::function<ClusterApiFactory(const ConnectionProfile &, const QString &password)>;

    explicit MainWindow(QWidget *parent = nullptr, ApiFactoryMaker maker = {});
    ~MainWindow() override;

    void addPage(ConsolePage *page);
    /// Connects to a saved profile; false (with the reason in the banner) when it cannot.
    bool connectToProfile(const QString &name);
    /// Connects to an unsaved profile (e.g. from --bootstrap on the command line).
    void connectTo(const ConnectionProfile &profile, const QString &password = {});
    /// Starts (once per window) and connects to the demo cluster; false with the reason in the banner.
    bool connectToDemo();
    void disconnectFromCluster();
    void refresh();
    /// Shows a page (leaving the welcome page if it is up: Profiles work without a cluster).
    void showPage(const QString &title);

    /// Title and text of the desktop notification for the alerts of one sampling round.
    static QPair<QString, QString> alertNotification(const QList<Alert> &alerts);

    ConnectionContextPtr connection() const { return m_connection; }
    StatusBanner *banner() const { return m_banner; }
    OverviewPage *overviewPage() const { return m_overview; }
    ConsumersPage *consumersPage() const { return m_consumers; }
    ReplayPage *replayPage() const { return m_replay; }
    AlertsPage *alertsPage() const { return m_alerts; }
    LagService *lagService() const { return m_lag; }
    /// The first-run page (no saved connection, not connected), or nullptr when hidden.
    QWidget *welcomePage() const;

signals:
    void overviewShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolbar();
    void buildMenus();
    QWidget *buildWelcome();
    void updateWelcome();
    void open(std::shared_ptr<ConnectionContext> context);
    void reloadConnections(const QString &select);
    void openConnectionsDialog();
    void onOverview(const ClusterOverview &overview);
    void onOverviewFailed(const KafkaError &error);
    void updateConnectionLabel(const QString &text, bool ok);
    /// The status line after a good overview: says when lag sampling is failing.
    void showConnectedLabel();
    void startLagService();
    void openLagSettings();
    void notifyAlerts(const QList<Alert> &alerts);

    ApiFactoryMaker m_maker;
    ConnectionStore m_store;
    ConnectionContextPtr m_connection;
    ClusterService *m_service = nullptr;
    QList<ConsolePage *> m_pages;
    OverviewPage *m_overview = nullptr;
    ConsumersPage *m_consumers = nullptr;
    ReplayPage *m_replay = nullptr;
    AlertsPage *m_alerts = nullptr;
    LagService *m_lag = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_notify = true;
    QComboBox *m_connectionCombo = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QStackedWidget *m_body = nullptr; ///< the welcome page or the pages
    QWidget *m_welcome = nullptr;
    QWidget *m_pagesArea = nullptr;
    std::shared_ptr<demo::DemoCluster> m_demo;
    StatusBanner *m_banner = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QTimer *m_refreshTimer = nullptr;
    bool m_everConnected = false;
    QString m_overviewLabel;    ///< "name · N brokers · refreshed …" of the last good overview
    qint64 m_lagFailedAtMs = 0; ///< 0 unless the latest lag sampling round failed
    qint64 m_lagSampledAtMs = 0;
    bool m_overviewFailing = false;
};

} // namespace kops
