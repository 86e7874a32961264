#include "delaypanel.h"

#include "charts/timeserieschart.h"
#include "relayjournal.h"
#include "tooljob.h"
#include "toolmodels.h"
#include "tooltable.h"
#include "widgets/statusbanner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kops {

namespace {


QString defaultTierText()
{
    QStringList names;
    for (const DelayTier &t : defaultDelayTiers())
        names << t.name;
    return names.join(QLatin1Char(','));
}

} // namespace

DelayPanel::DelayPanel(QWidget *parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(1);
    m_routerPool.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    m_banner = new StatusBanner(this);
    m_banner->setObjectName(QStringLiteral("delayBanner"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *queueRow = new QHBoxLayout;
    m_prefix = new QLineEdit(QStringLiteral("reminders"), this);
    m_prefix->setObjectName(QStringLiteral("delayPrefix"));
    m_tierList = new QLineEdit(defaultTierText(), this);
    m_tierList->setObjectName(QStringLiteral("delayTiers"));
    m_partitions = new QSpinBox(this);
    m_partitions->setObjectName(QStringLiteral("delayPartitions"));
    m_partitions->setRange(1, 256);
    m_partitions->setValue(3);
    m_create = new QPushButton(tr("Create tiers…"), this);
    m_create->setObjectName(QStringLiteral("delayCreate"));
    auto *refresh = new QPushButton(tr("Refresh"), this);
    queueRow->addWidget(new QLabel(tr("Queue prefix:"), this));
    queueRow->addWidget(m_prefix);
    queueRow->addWidget(new QLabel(tr("Tiers:"), this));
    queueRow->addWidget(m_tierList, 2);
    queueRow->addWidget(new QLabel(tr("Partitions:"), this));
    queueRow->addWidget(m_partitions);
    queueRow->addWidget(m_create);
    queueRow->addWidget(refresh);
    layout->addLayout(queueRow);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, splitter);
    m_tiersModel = new DelayTiersModel(this);
    m_tiers = makeToolTable(top, m_tiersModel, QStringLiteral("delayTierTable"), RawValueRole, DelayTiersModel::Tier,
                            Qt::AscendingOrder);
    auto *runsBox = new QGroupBox(tr("Router runs (journal)"), top);
    auto *runsLayout = new QVBoxLayout(runsBox);
    runsLayout->setContentsMargins(4, 4, 4, 4);
    m_runsModel = new RouterRunsModel(this);
    m_runs = makeToolTable(runsBox, m_runsModel, QStringLiteral("delayRunsTable"), RawValueRole, RouterRunsModel::Started,
                           Qt::DescendingOrder);
    runsLayout->addWidget(m_runs);
    top->addWidget(m_tiers);
    top->addWidget(runsBox);
    top->setSizes({470, 750});
    splitter->addWidget(top);

    auto *lower = new QWidget(splitter);
    auto *lowerLayout = new QHBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    auto *sendBox = new QGroupBox(tr("Send a delayed record"), lower);
    auto *sendForm = new QFormLayout(sendBox);
    m_sendTarget = new QLineEdit(sendBox);
    m_sendTarget->setObjectName(QStringLiteral("delaySendTarget"));
    m_sendTarget->setPlaceholderText(tr("the topic to deliver to"));
    m_sendDelay = new QLineEdit(QStringLiteral("90s"), sendBox);
    m_sendDelay->setObjectName(QStringLiteral("delaySendDelay"));
    m_sendDelay->setToolTip(tr("500ms, 90s, 2m, 1h30m, 2d"));
    m_sendKey = new QLineEdit(sendBox);
    m_sendKey->setObjectName(QStringLiteral("delaySendKey"));
    m_sendValue = new QLineEdit(sendBox);
    m_sendValue->setObjectName(QStringLiteral("delaySendValue"));
    m_send = new QPushButton(tr("Send"), sendBox);
    m_send->setObjectName(QStringLiteral("delaySend"));
    sendForm->addRow(tr("To topic:"), m_sendTarget);
    sendForm->addRow(tr("Delay:"), m_sendDelay);
    sendForm->addRow(tr("Key:"), m_sendKey);
    sendForm->addRow(tr("Value:"), m_sendValue);
    sendForm->addRow(m_send);
    auto *routerBox = new QGroupBox(tr("Router"), lower);
    auto *routerLayout = new QVBoxLayout(routerBox);
    auto *routerRow = new QHBoxLayout;
    m_router = new QPushButton(tr("Start router"), routerBox);
    m_router->setObjectName(QStringLiteral("delayRouter"));
    m_routerLabel = new QLabel(tr("The router forwards due records to their topic, exactly once."), routerBox);
    m_routerLabel->setObjectName(QStringLiteral("delayRouterLabel"));
    m_routerLabel->setWordWrap(true);
    routerRow->addWidget(m_router);
    routerRow->addWidget(m_routerLabel, 1);
    routerLayout->addLayout(routerRow);
    m_chart = new TimeSeriesChart(routerBox);
    m_chart->setObjectName(QStringLiteral("delayChart"));
    m_chart->setLeftAxisLabel(tr("lateness (ms)"));
    m_chart->setRightAxisLabel(tr("forwarded/s"));
    m_chart->setEmptyText(tr("Start the router to see lateness and forwarded records per second."));
    m_chart->setVisibleSpan(180);
    m_chart->setSeries({{tr("lateness p50"), QColor(0x1f, 0x77, 0xb4), {}, {}, false, false},
                        {tr("lateness p99"), QColor(0xd6, 0x27, 0x28), {}, {}, false, false},
                        {tr("forwarded/s"), QColor(0x2c, 0xa0, 0x2c), {}, {}, true, true}});
    routerLayout->addWidget(m_chart, 1);
    lowerLayout->addWidget(sendBox);
    lowerLayout->addWidget(routerBox, 1);
    splitter->addWidget(lower);
    splitter->setSizes({280, 340});
    layout->addWidget(splitter, 1);

    m_refresh.setInterval(2000);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            refreshStatus();
            loadRuns();
        }
    });
    connect(refresh, &QPushButton::clicked, this, &DelayPanel::refreshStatus);
    connect(m_prefix, &QLineEdit::editingFinished, this, &DelayPanel::refreshStatus);
    connect(m_tierList, &QLineEdit::editingFinished, this, &DelayPanel::refreshStatus);
    connect(m_create, &QPushButton::clicked, this, &DelayPanel::askAndCreate);
    connect(m_send, &QPushButton::clicked, this, &DelayPanel::send);
    connect(m_router, &QPushButton::clicked, this, [this] {
        if (m_control)
            stopRouter();
        else
            startRouter();
    });
    updateButtons();
}

DelayPanel::~DelayPanel()
{
    if (m_control)
        m_control->cancel = true;
    m_routerPool.waitForDone();
    m_pool.waitForDone();
}

void DelayPanel::setConnection(ConnectionContextPtr connection)
{
    if (m_control)
        m_control->cancel = true;
    m_connection = std::move(connection);
    ++m_generation;
    m_tiersModel->setRows({});
    m_banner->hide();
    if (m_connection && m_connection->readOnly()) {
        m_banner->showMessage(StatusBanner::Kind::Info,
                              tr("This connection is read-only: tiers can be watched but not created, fed or routed."));
        m_banner->show();
    }
    updateButtons();
    if (m_connection)
        refreshStatus();
}

void DelayPanel::activated()
{
    if (m_connection)
        refreshStatus();
    loadRuns();
    m_refresh.start();
}

void DelayPanel::loadRuns()
{
    if (m_runsPending)
        return;
    m_runsPending = true;
    runToolJob(this, &m_pool,
               []() -> Result<QList<RelayJob>> {
                   RelayJournal journal;
                   return journal.list(QStringLiteral("delay"), 100);
               },
               [this](const Result<QList<RelayJob>> &r) {
                   m_runsPending = false;
                   if (!r)
                       return showError(r.error());
                   const bool first = m_runsModel->rowCount() == 0;
                   m_runsModel->setRows(r.value());
                   if (first)
                       m_runs->resizeColumnsToContents();
                   emit runsLoaded();
               });
}

void DelayPanel::setPrefix(const QString &prefix)
{
    m_prefix->setText(prefix);
    refreshStatus();
}

QString DelayPanel::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

Result<DelayQueue> DelayPanel::queue() const
{
    const QString prefix = m_prefix->text().trimmed();
    if (prefix.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("A delay queue needs a prefix."));
    auto tiers = parseDelayTiers(m_tierList->text());
    if (!tiers)
        return tiers.error();
    return DelayQueue(prefix, tiers.value());
}

void DelayPanel::showError(const KafkaError &error)
{
    m_banner->showMessage(StatusBanner::Kind::Error, error.toString(), error.details.join(QLatin1Char('\n')));
    m_banner->show();
}

void DelayPanel::refreshStatus()
{
    if (!m_connection || m_statusPending)
        return;
    auto q = queue();
    if (!q)
        return showError(q.error());
    auto factory = m_connection->createApi;
    const quint64 generation = m_generation;
    m_statusPending = true;
    const DelayQueue dq = q.value();
    runToolJob(this, &m_pool, [factory, dq]() -> Result<QList<DelayTierStatus>> { return dq.status(*factory()); },
               [this, generation](const Result<QList<DelayTierStatus>> &r) {
                   m_statusPending = false;
                   if (generation != m_generation)
                       return;
                   if (!r)
                       return showError(r.error());
                   const bool first = m_tiersModel->rowCount() == 0;
                   m_tiersModel->setRows(r.value());
                   if (first)
                       m_tiers->resizeColumnsToContents();
                   emit statusLoaded();
               });
}

void DelayPanel::askAndCreate()
{
    auto q = queue();
    if (!q)
        return showError(q.error());
    if (QMessageBox::question(this, tr("Create tier topics"),
                              tr("Create the missing tier topics of '%1' with %2 partitions each:\n%3")
                                  .arg(q.value().prefix())
                                  .arg(m_partitions->value())
                                  .arg(q.value().tierTopics().join(QStringLiteral(", "))),
                              QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Cancel)
        == QMessageBox::Ok)
        createTiersConfirmed();
}

void DelayPanel::createTiersConfirmed()
{
    auto q = queue();
    if (!q || !m_connection)
        return;
    auto factory = m_connection->createApi;
    const DelayQueue dq = q.value();
    const int partitions = m_partitions->value();
    runToolJob(this, &m_pool, [factory, dq, partitions]() -> Status { return dq.create(*factory(), partitions); },
               [this](const Status &s) {
                   if (!s)
                       showError(s.error());
                   else
                       emit statusMessage(tr("Tier topics created."));
                   emit tiersCreated(s.ok());
                   refreshStatus();
               });
}

void DelayPanel::send()
{
    auto q = queue();
    if (!q || !m_connection)
        return;
    auto delay = parseDelayDuration(m_sendDelay->text());
    if (!delay)
        return showError(delay.error());
    DelayedRecord r;
    r.target = m_sendTarget->text().trimmed();
    r.dueMs = QDateTime::currentMSecsSinceEpoch() + delay.value();
    if (!m_sendKey->text().isEmpty())
        r.key = m_sendKey->text().toUtf8();
    r.value = m_sendValue->text().toUtf8();
    auto factory = m_connection->createApi;
    const DelayQueue dq = q.value();
    runToolJob(this, &m_pool, [factory, dq, r]() -> Result<DelaySendResult> { return dq.send(*factory(), r); },
               [this](const Result<DelaySendResult> &s) {
                   if (!s) {
                       showError(s.error());
                   } else {
                       emit statusMessage(tr("Sent into %1, due %2.")
                                              .arg(s.value().tierTopic,
                                                   QDateTime::fromMSecsSinceEpoch(s.value().dueMs).toString(QStringLiteral("HH:mm:ss"))));
                       refreshStatus();
                   }
                   emit sent(s.ok());
               });
}

void DelayPanel::startRouter()
{
    auto q = queue();
    if (!q)
        return showError(q.error());
    if (!m_connection || m_control)
        return;
    auto control = std::make_shared<TransactionalRelay::Control>();
    m_control = control;
    m_forwarded = 0;
    m_runListed = false;
    updateButtons();
    auto factory = m_connection->createApi;
    const QString connection = m_connection->profile.name;
    const DelayQueue dq = q.value();
    QPointer<DelayPanel> self(this);
    m_routerLabel->setText(tr("Starting the router…"));
    runToolJob(this, &m_routerPool,
               [factory, dq, control, connection, self]() -> Result<RelayProgress> {
                   auto api = factory();
                   RelayJournal journal;
                   return dq.run(*api, journal, connection, control.get(), {}, [self](const DelayWindow &w) {
                       QMetaObject::invokeMethod(
                           self.data(), [self, w] { if (self) self->addWindow(w); }, Qt::QueuedConnection);
                   });
               },
               [this](const Result<RelayProgress> &r) {
                   m_control.reset();
                   if (!r) {
                       showError(r.error());
                       m_routerLabel->setText(tr("The router stopped: %1").arg(r.error().message));
                   } else {
                       m_routerLabel->setText(tr("Router stopped after forwarding %1 records.").arg(m_forwarded));
                   }
                   updateButtons();
                   loadRuns();
                   emit routerStopped(r.ok());
               });
}

void DelayPanel::stopRouter()
{
    if (m_control)
        m_control->cancel = true;
}

void DelayPanel::addWindow(const DelayWindow &w)
{
    if (!m_control)
        return;
    if (!m_runListed) { // the run's row, now that the journal has it
        m_runListed = true;
        loadRuns();
    }
    m_forwarded += w.forwarded;
    const double key = w.atMs / 1000.0;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m_chart->appendPoint(0, key, w.forwarded > 0 ? double(w.latenessP50) : nan);
    m_chart->appendPoint(1, key, w.forwarded > 0 ? double(w.latenessP99) : nan);
    m_chart->appendPoint(2, key, w.perSecond);
    m_chart->followLatest();
    m_routerLabel->setText(tr("Running: %1 forwarded in all, %2/s now, lateness p50 %3 ms, p99 %4 ms; %5 re-tiered.")
                               .arg(m_forwarded)
                               .arg(w.perSecond, 0, 'f', 1)
                               .arg(w.latenessP50)
                               .arg(w.latenessP99)
                               .arg(w.retiered));
    emit windowAdded();
}

void DelayPanel::updateButtons()
{
    const bool writable = m_connection && !m_connection->readOnly();
    m_create->setEnabled(writable);
    m_send->setEnabled(writable);
    m_router->setEnabled(writable || m_control);
    m_router->setText(m_control ? tr("Stop router") : tr("Start router"));
}

} // namespace kops
