#include "mainwindow.h"

#include "clusterservice.h"
#include "democluster.h"
#include "demoprofiles.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/lagsettingsdialog.h"
#include "dlq/deadletterspage.h"
#include "lagservice.h"
#include "pages/alertspage.h"
#include "consolepage.h"
#include "dialogs/connectiondialog.h"
#include "pages/consumerspage.h"
#include "pages/overviewpage.h"
#include "passwordstore.h"
#include "profiles/profilespage.h"
#include "readonlyclusterapi.h"
#include "replay/replaypage.h"
#include "tools/toolspage.h"
#include "translations.h"
#include "rdkafkaclusterapi.h"
#include "widgets/sortarrowstyle.h"
#include "widgets/statusbanner.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPushButton>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace kops {

namespace {
/// Height a window manager's title bar and frame take, at most, above and below the content.
constexpr int kFrameAllowance = 40;
} // namespace

MainWindow::MainWindow(QWidget *parent, ApiFactoryMaker maker) : QMainWindow(parent), m_maker(std::move(maker))
{
    if (!m_maker) {
        m_maker = [](const ConnectionProfile &profile, const QString &password) -> ClusterApiFactory {
            const auto props = profile.clientProperties(password);
            return [props] { return std::unique_ptr<ClusterApi>(std::make_unique<RdKafkaClusterApi>(props)); };
        };
    }
    SortArrowStyle::installOnApplication();
    setWindowTitle(tr("Kafka Ops Console"));
    // 1280x800, or less on a smaller screen (1366x768): room for the title bar and a panel,
    // so the status bar is never below the screen's edge.
    QSize size(1280, 800);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() - QSize(0, kFrameAllowance));
    resize(size);

    buildToolbar();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_banner = new StatusBanner(central);
    layout->addWidget(m_banner);
    auto *splitter = new QSplitter(Qt::Horizontal, central);
    m_nav = new QListWidget(splitter);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setMaximumWidth(200);
    m_nav->setSpacing(2);
    QFont navFont = m_nav->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_nav->setFont(navFont);
    m_stack = new QStackedWidget(splitter);
    m_stack->setObjectName(QStringLiteral("pageStack"));
    splitter->addWidget(m_nav);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1100});
    m_body = new QStackedWidget(central);
    m_welcome = buildWelcome();
    m_pagesArea = splitter;
    m_body->addWidget(m_welcome);
    m_body->addWidget(splitter);
    m_body->setCurrentWidget(splitter);
    layout->addWidget(m_body, 1);
    setCentralWidget(central);

    m_connectionLabel = new QLabel(tr("Not connected"), this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);

    m_overview = new OverviewPage(this);
    m_consumers = new ConsumersPage(this);
    addPage(m_overview);
    addPage(m_consumers);
    auto *deadLetters = new DeadLettersPage(this);
    addPage(deadLetters);
    m_replay = new ReplayPage(this);
    addPage(m_replay);
    addPage(new ProfilesPage(this));
    auto *tools = new ToolsPage(this);
    addPage(tools);
    connect(tools, &ToolsPage::openRecordRequested, this, [this, deadLetters](const QString &topic, int partition, qint64 offset) {
        showPage(deadLetters->title());
        deadLetters->openRecord(topic, partition, offset);
    });
    m_alerts = new AlertsPage(this);
    addPage(m_alerts);
    connect(m_consumers, &ConsumersPage::replayRequested, this, [this](const QString &group, const QDateTime &from) {
        showPage(m_replay->title());
        m_replay->startReplay(group, from);
    });
    connect(m_consumers, &ConsumersPage::replayFromOffsetsRequested, this,
            [this](const QString &group, const QDateTime &at, const QList<PartitionOffset> &offsets) {
                showPage(m_replay->title());
                m_replay->startReplayFromOffsets(group, at, offsets);
            });
    connect(m_consumers, &ConsumersPage::settingsRequested, this, &MainWindow::openLagSettings);
    connect(m_alerts, &AlertsPage::openCountChanged, this, [this](int open) {
        const int row = int(m_pages.indexOf(m_alerts));
        if (auto *item = m_nav->item(row))
            item->setText(open > 0 ? tr("Alerts (%1)").arg(open) : tr("Alerts"));
    });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(style()->standardIcon(QStyle::SP_ComputerIcon), this);
        m_tray->setToolTip(tr("Kafka Ops Console"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showPage(m_alerts->title());
            raise();
            activateWindow();
        });
    }
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_pages.size())
            return;
        m_stack->setCurrentIndex(row);
        m_pages.at(row)->activated();
    });
    m_nav->setCurrentRow(0);

    m_refreshTimer = new QTimer(this);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);

    buildMenus();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    reloadConnections(settings.value(QStringLiteral("connection/last")).toString());
}

MainWindow::~MainWindow()
{
    delete m_lag;
    delete m_service;
}

void MainWindow::buildToolbar()
{
    QToolBar *bar = addToolBar(tr("Connection"));
    bar->setObjectName(QStringLiteral("connectionToolbar"));
    bar->setMovable(false);
    bar->addWidget(new QLabel(tr(" Cluster: "), bar));
    m_connectionCombo = new QComboBox(bar);
    m_connectionCombo->setObjectName(QStringLiteral("connectionCombo"));
    m_connectionCombo->setMinimumWidth(220);
    m_connectionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_connectionCombo);
    m_connectionCombo->setToolTip(tr("The cluster to work with: a saved connection"));
    m_connectAction = bar->addAction(tr("Connect"));
    m_connectAction->setToolTip(tr("Connect to the chosen cluster, or disconnect"));
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    connect(m_connectAction, &QAction::triggered, this, [this] {
        if (m_connection)
            disconnectFromCluster();
        else
            connectToProfile(m_connectionCombo->currentText());
    });
    m_refreshAction = bar->addAction(tr("Refresh"));
    m_refreshAction->setToolTip(tr("Refresh the overview and lag now (F5)"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setEnabled(false);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    bar->addSeparator();
    QAction *manage = bar->addAction(tr("Connections…"));
    manage->setToolTip(tr("Add, edit, test and delete saved connections"));
    connect(manage, &QAction::triggered, this, &MainWindow::openConnectionsDialog);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connections = file->addAction(tr("&Connections…"), this, &MainWindow::openConnectionsDialog);
    connections->setObjectName(QStringLiteral("connectionsMenuAction"));
    file->addAction(m_connectAction);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (qsizetype i = 0; i < m_pages.size(); ++i) {
        ConsolePage *page = m_pages.at(i);
        QAction *show = view->addAction(page->title(), this, [this, i] { m_nav->setCurrentRow(int(i)); });
        show->setObjectName(QStringLiteral("showPage%1").arg(i + 1));
        if (i < 9)
            show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addAction(m_refreshAction);
    QAction *find = view->addAction(tr("&Filter"), this, [this] {
        const int row = m_nav->currentRow();
        QLineEdit *field = row >= 0 && row < m_pages.size() ? m_pages.at(row)->filterField() : nullptr;
        if (!field) {
            statusBar()->showMessage(tr("This page has no filter."), 5000);
            return;
        }
        field->setFocus(Qt::ShortcutFocusReason);
        field->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("filterAction"));
    view->addSeparator();
    // The language is read at start (--lang overrides it for one run); changing it here is saved
    // and takes effect the next time the console starts.
    QMenu *language = view->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto *languages = new QActionGroup(language);
    const QString saved = i18n::savedLanguage();
    QStringList codes{QString()};
    codes += i18n::availableLanguages();
    for (const QString &code : codes) {
        QAction *choice = language->addAction(code.isEmpty() ? tr("System language") : i18n::nativeName(code));
        choice->setCheckable(true);
        choice->setChecked(code == saved);
        choice->setData(code);
        languages->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code] {
            i18n::saveLanguage(code);
            statusBar()->showMessage(tr("The language changes the next time Kafka Ops Console starts."), 10000);
        });
    }

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Thresholds && alerts…"), this, &MainWindow::openLagSettings);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *docs = help->addAction(tr("&Documentation"), this, [this] {
        // The installed README (package), else the one beside the sources this was built from.
        for (const QString &path : {QStringLiteral(KOPS_DOC_DIR "/README.md"), QStringLiteral(KOPS_SOURCE_DIR "/README.md")})
            if (QFileInfo::exists(path)) {
                QDesktopServices::openUrl(QUrl::fromLocalFile(path));
                return;
            }
        statusBar()->showMessage(tr("No documentation found; see 'man kafka-ops' and 'man kafka-ops-console'."), 10000);
    });
    docs->setShortcut(QKeySequence::HelpContents);
    QAction *about = help->addAction(tr("&About Kafka Ops Console"), this, [this] { showAboutDialog(this); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::addPage(ConsolePage *page)
{
    m_pages.append(page);
    m_stack->addWidget(page);
    m_nav->addItem(page->title());
    page->setConnection(m_connection);
    connect(page, &ConsolePage::statusMessage, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });
}

void MainWindow::showPage(const QString &title)
{
    m_body->setCurrentWidget(m_pagesArea); // going to a page leaves the welcome page
    for (int i = 0; i < m_pages.size(); ++i)
        if (m_pages.at(i)->title() == title)
            m_nav->setCurrentRow(i);
}

void MainWindow::reloadConnections(const QString &select)
{
    m_connectionCombo->clear();
    auto profiles = m_store.load();
    if (!profiles) {
        m_banner->showMessage(StatusBanner::Kind::Error, profiles.error().toString());
        return;
    }
    for (const ConnectionProfile &p : profiles.value())
        m_connectionCombo->addItem(p.name);
    // While connected the selector names the session, whatever was just saved or selected
    // in the Connections dialog (an unsaved --bootstrap session stays listed until disconnect).
    QString current = select;
    if (m_connection) {
        current = m_connection->profile.name;
        if (m_connectionCombo->findText(current) < 0)
            m_connectionCombo->addItem(current);
    }
    const int index = m_connectionCombo->findText(current);
    if (index >= 0)
        m_connectionCombo->setCurrentIndex(index);
    m_connectAction->setEnabled(m_connectionCombo->count() > 0 || m_connection);
    updateWelcome();
}

QWidget *MainWindow::buildWelcome()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("welcomePage"));
    auto *outer = new QVBoxLayout(page);
    outer->addStretch(1);
    auto *box = new QWidget(page);
    box->setFixedWidth(640); // a wrapped label needs a width to compute its height
    auto *l = new QVBoxLayout(box);
    auto *title = new QLabel(tr("<h2>Welcome to Kafka Ops Console</h2>"), box);
    auto *text = new QLabel(tr("Watch consumer lag and health, browse and requeue dead letters, replay a group from a point "
                               "in time, and check client and broker profiles."),
                            box);
    auto *demoText = new QLabel(tr("Add the bootstrap servers of your cluster, or open the demo: a simulated cluster with "
                                   "live orders and payments, lagging and stopped consumer groups and a few thousand dead "
                                   "letters, running inside this program (nothing else is needed, nothing leaves this "
                                   "machine, and it ends when you quit)."),
                                box);
    for (QLabel *label : {text, demoText}) {
        label->setWordWrap(true);
        label->setMinimumHeight(label->heightForWidth(620)); // wrapped labels in a centred box
    }
    auto *add = new QPushButton(tr("Add a connection…"), box);
    add->setObjectName(QStringLiteral("welcomeAddConnection"));
    auto *demo = new QPushButton(tr("Open the demo cluster"), box);
    demo->setObjectName(QStringLiteral("welcomeOpenDemo"));
    demo->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(demo);
    buttons->addStretch(1);
    l->addWidget(title);
    l->addWidget(text);
    l->addWidget(demoText);
    l->addSpacing(12);
    l->addLayout(buttons);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);
    connect(add, &QPushButton::clicked, this, &MainWindow::openConnectionsDialog);
    connect(demo, &QPushButton::clicked, this, &MainWindow::connectToDemo);
    return page;
}

void MainWindow::updateWelcome()
{
    const bool welcome = !m_connection && m_connectionCombo->count() == 0;
    m_body->setCurrentWidget(welcome ? m_welcome : m_pagesArea);
}

QWidget *MainWindow::welcomePage() const
{
    return m_body->currentWidget() == m_welcome ? m_welcome : nullptr;
}

bool MainWindow::connectToDemo()
{
    if (!m_demo) {
        QElapsedTimer started;
        started.start();
        auto demo = demo::DemoCluster::start();
        if (!demo) {
            m_banner->showMessage(StatusBanner::Kind::Error, demo.error().toString());
            return false;
        }
        m_demo = demo.value();
        QFile::remove(demo::DemoCluster::alertsPath());
        if (const Status seeded = m_demo->seedHistory(demo::DemoCluster::historyPath()); !seeded.ok())
            statusBar()->showMessage(tr("Demo lag history: %1").arg(seeded.error().toString()), 15000);
        if (const Status seeded = demo::seedDemoProfiles(demo::DemoCluster::profilesPath()); !seeded.ok())
            statusBar()->showMessage(tr("Demo profiles: %1").arg(seeded.error().toString()), 15000);
        spdlog::info("demo cluster ready in {} ms", started.elapsed());
    }
    disconnectFromCluster();
    auto context = std::make_shared<ConnectionContext>();
    context->profile.name = demo::DemoCluster::name();
    context->profile.bootstrapServers = m_demo->bootstrapServers();
    context->profile.sampleIntervalSeconds = 5;
    context->createApi = demo::DemoCluster::apiFactory(m_demo);
    context->demo = m_demo;
    open(context);
    return true;
}

void MainWindow::openConnectionsDialog()
{
    ConnectionDialog dialog(m_store, this);
    if (!m_connectionCombo->currentText().isEmpty())
        dialog.selectProfile(m_connectionCombo->currentText());
    connect(&dialog, &ConnectionDialog::profilesChanged, this,
            [this, &dialog] { reloadConnections(dialog.selectedProfile()); });
    dialog.exec();
    if (!m_connection && m_banner->kind() == StatusBanner::Kind::Info)
        m_banner->clear();
}

bool MainWindow::connectToProfile(const QString &name)
{
    if (name.isEmpty())
        return false;
    auto found = m_store.find(name);
    if (!found) {
        m_banner->showMessage(StatusBanner::Kind::Error, found.error().toString());
        return false;
    }
    const ConnectionProfile profile = found.value();
    QString password;
    if (profile.usesSasl()) {
        const auto stored = PasswordStore::read(name);
        if (stored.outcome == PasswordStore::Outcome::Ok) {
            password = stored.password;
        } else {
            // No keychain (or nothing stored): ask each time rather than keep it in plain text.
            bool ok = false;
            password = QInputDialog::getText(this, tr("Password"),
                                             tr("Password for %1 on '%2':").arg(profile.saslUsername, name),
                                             QLineEdit::Password, {}, &ok);
            if (!ok)
                return false;
        }
    }
    connectTo(profile, password);
    return true;
}

void MainWindow::connectTo(const ConnectionProfile &profile, const QString &password)
{
    disconnectFromCluster();
    auto context = std::make_shared<ConnectionContext>();
    context->profile = profile;
    context->createApi = guardedFactory(profile, m_maker(profile, password)); // read-only: writes refused in core
    open(context);
}

void MainWindow::open(std::shared_ptr<ConnectionContext> context)
{
    const ConnectionProfile &profile = context->profile;
    m_connection = context;
    spdlog::info("connecting to '{}' ({})", profile.name.toStdString(), profile.bootstrapServers.toStdString());

    m_service = new ClusterService(m_connection);
    connect(m_service, &ClusterService::overviewAvailable, this, &MainWindow::onOverview);
    connect(m_service, &ClusterService::overviewFailed, this, &MainWindow::onOverviewFailed);
    for (ConsolePage *page : std::as_const(m_pages))
        page->setConnection(m_connection);

    m_everConnected = false;
    m_overviewFailing = false;
    m_connectAction->setText(tr("Disconnect"));
    m_connectAction->setEnabled(true);
    m_refreshAction->setEnabled(true);
    if (m_connectionCombo->findText(profile.name) < 0)
        m_connectionCombo->addItem(profile.name); // an unsaved (command-line) connection
    m_connectionCombo->setCurrentText(profile.name);
    m_connectionCombo->setEnabled(false);
    m_banner->showMessage(StatusBanner::Kind::Info, tr("Connecting to %1…").arg(profile.bootstrapServers));
    updateConnectionLabel(tr("Connecting to %1…").arg(profile.name), true);
    setWindowTitle(tr("%1 — Kafka Ops Console").arg(profile.name));
    m_refreshTimer->start(std::max(5, profile.sampleIntervalSeconds) * 1000);
    refresh();
    startLagService();
    if (!m_connection->demo)
        QSettings().setValue(QStringLiteral("connection/last"), profile.name);
    updateWelcome();
}

void MainWindow::startLagService()
{
    const ConnectionProfile &profile = m_connection->profile;
    auto settings = LagSettings::load(profile.name);
    if (!settings)
        statusBar()->showMessage(settings.error().toString(), 15000);
    const LagSettings s = settings ? settings.value() : LagSettings{};
    m_notify = s.desktopNotifications;
    if (m_connection->demo) {
        // The demo's history is its own file, seeded at start: never mixed with a real cluster's.
        LagService::Options options;
        options.historyPath = demo::DemoCluster::historyPath();
        options.alertsPath = demo::DemoCluster::alertsPath();
        m_lag = new LagService(m_connection, s, options);
    } else {
        m_lag = new LagService(m_connection, s);
    }
    m_lagFailedAtMs = 0;
    m_lagSampledAtMs = 0;
    connect(m_lag, &LagService::lagSnapshotAvailable, m_consumers, &ConsumersPage::showLag);
    connect(m_lag, &LagService::lagSnapshotAvailable, this, [this](const LagSnapshotPtr &snapshot) {
        if (!snapshot->roundComplete)
            return;
        m_lagSampledAtMs = snapshot->atMs;
        if (m_lagFailedAtMs != 0) {
            m_lagFailedAtMs = 0;
            showConnectedLabel();
        }
    });
    connect(m_lag, &LagService::samplingFailed, this, [this](const KafkaError &error) {
        m_lagFailedAtMs = QDateTime::currentMSecsSinceEpoch();
        m_consumers->showFailure(error);
        statusBar()->showMessage(tr("Lag sampling: %1").arg(error.toString()), 15000);
        showConnectedLabel();
    });
    connect(m_lag, &LagService::alertsRaised, this, &MainWindow::notifyAlerts);
    m_consumers->setLagService(m_lag);
    m_alerts->setLagService(m_lag);
    m_lag->start(profile.sampleIntervalSeconds);
}

void MainWindow::openLagSettings()
{
    if (!m_connection)
        return;
    const QString name = m_connection->profile.name;
    auto current = LagSettings::load(name);
    LagSettingsDialog dialog(name, current ? current.value() : LagSettings{}, m_lag, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const LagSettings edited = dialog.settings();
    if (const Status saved = LagSettings::save(name, edited); !saved.ok())
        m_banner->showMessage(StatusBanner::Kind::Error, saved.error().toString());
    m_notify = edited.desktopNotifications;
    if (m_lag) {
        m_lag->setSettings(edited);
        m_lag->sampleNow();
    }
}

QPair<QString, QString> MainWindow::alertNotification(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return {};
    if (alerts.size() == 1) {
        const Alert &a = alerts.first();
        return {tr("%1: %2").arg(healthStatusName(a.status), a.group), a.reason};
    }
    // One notification per sampling round: the worst first, a few names, then a count.
    QList<Alert> sorted = alerts;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Alert &a, const Alert &b) {
        return healthSeverity(a.status) > healthSeverity(b.status);
    });
    constexpr int kNamed = 3;
    QStringList named;
    for (int i = 0; i < std::min<int>(kNamed, int(sorted.size())); ++i)
        named << tr("%1 %2").arg(healthStatusName(sorted.at(i).status), sorted.at(i).group);
    QString body = named.join(QStringLiteral(", "));
    if (sorted.size() > kNamed)
        body += tr(" and %n more", nullptr, int(sorted.size()) - kNamed);
    return {tr("%n new alerts", nullptr, int(alerts.size())), body};
}

void MainWindow::notifyAlerts(const QList<Alert> &alerts)
{
    if (alerts.isEmpty())
        return;
    const auto [title, body] = alertNotification(alerts);
    statusBar()->showMessage(tr("%1: %2").arg(title, body), 15000);
    if (!m_tray || !m_notify)
        return;
    bool critical = false;
    for (const Alert &a : alerts)
        critical = critical || a.status != HealthStatus::Warn;
    m_tray->showMessage(title, body, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning, 10000);
}

void MainWindow::disconnectFromCluster()
{
    if (!m_connection)
        return;
    m_refreshTimer->stop();
    m_consumers->setLagService(nullptr);
    m_alerts->setLagService(nullptr);
    delete m_lag; // joins the sampler thread
    m_lag = nullptr;
    delete m_service; // joins its worker thread; calls in flight end within their timeout
    m_service = nullptr;
    m_connection.reset();
    for (ConsolePage *page : std::as_const(m_pages))
        page->setConnection(nullptr);
    m_connectAction->setText(tr("Connect"));
    m_refreshAction->setEnabled(false);
    m_connectionCombo->setEnabled(true);
    // An unsaved (command-line) connection leaves the list: only saved profiles can be connected to from it.
    reloadConnections(m_connectionCombo->currentText());
    m_banner->clear();
    statusBar()->clearMessage(); // alerts and errors of the old connection
    updateConnectionLabel(tr("Not connected"), true);
    setWindowTitle(tr("Kafka Ops Console"));
}

void MainWindow::refresh()
{
    if (m_service)
        m_service->refreshOverview();
}

void MainWindow::onOverview(const ClusterOverview &overview)
{
    m_everConnected = true;
    m_overviewFailing = false;
    m_banner->clear();
    m_overview->showOverview(overview);
    const ConnectionProfile &p = m_connection->profile;
    m_overviewLabel = tr("%1 · %n broker(s) · refreshed %2 (%3 ms)%4", nullptr, int(overview.metadata.brokers.size()))
                          .arg(p.name, overview.fetchedAt.toString(QStringLiteral("HH:mm:ss")))
                          .arg(overview.elapsedMs)
                          .arg(p.readOnly ? tr(" · read-only") : QString());
    showConnectedLabel();
    emit overviewShown();
}

void MainWindow::showConnectedLabel()
{
    // While the cluster is unreachable the label says so; lag sampling fails with it.
    if (!m_connection || !m_everConnected || m_overviewFailing)
        return;
    if (m_lagFailedAtMs == 0) {
        updateConnectionLabel(m_overviewLabel, true);
        return;
    }
    // The overview may still refresh while lag sampling fails: never let "refreshed" hide that.
    const auto clock = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss")); };
    // Lag first: a long (ad-hoc) connection name is elided in the middle of the label.
    updateConnectionLabel(tr("lag sampling failed %1 · %2").arg(clock(m_lagFailedAtMs), m_overviewLabel), false);
}

void MainWindow::onOverviewFailed(const KafkaError &error)
{
    const int seconds = m_refreshTimer->interval() / 1000;
    const QString text = m_everConnected
                             ? tr("%1 The data shown is from the last successful refresh; retrying every %2 s.")
                                   .arg(error.message)
                                   .arg(seconds)
                             : tr("%1 Retrying every %2 s.").arg(error.message).arg(seconds);
    m_banner->showMessage(StatusBanner::Kind::Error, text, error.details.join(QLatin1Char('\n')));
    m_overview->showFailure(error);
    m_overviewFailing = true;
    updateConnectionLabel(tr("%1 · unreachable").arg(m_connection->profile.name), false);
}

void MainWindow::updateConnectionLabel(const QString &text, bool ok)
{
    // Ad-hoc connections are named by their bootstrap list, which can be long.
    m_connectionLabel->setText(m_connectionLabel->fontMetrics().elidedText(text, Qt::ElideMiddle, 520));
    m_connectionLabel->setToolTip(text);
    m_connectionLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00000; font-weight: bold;"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    if (m_connection && !m_connection->demo)
        settings.setValue(QStringLiteral("connection/last"), m_connection->profile.name);
    QMainWindow::closeEvent(event);
}

} // namespace kops
