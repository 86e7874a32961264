#include "drainpanel.h"

#include "delaytiers.h"
#include "democluster.h"
#include "historystore.h"
#include "relayjournal.h"
#include "tooljob.h"
#include "toolmodels.h"
#include "tooltable.h"
#include "widgets/statusbanner.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace kops {

DrainPanel::DrainPanel(QWidget *parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(1);
    m_relayPool.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    m_banner = new StatusBanner(this);
    m_banner->setObjectName(QStringLiteral("drainBanner"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *intro = new QLabel(tr("Forward a lagging group's backlog into a topic with more partitions, then run many "
                                "consumers on it. Records keep their key, value, headers and timestamp; the same key goes "
                                "to the same partition in order. The group's offsets are committed in the same Kafka "
                                "transaction as the records, so nothing is lost or written twice, even if the console is "
                                "killed."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QHBoxLayout;
    auto *left = new QFormLayout;
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("drainGroup"));
    m_group->setEditable(true);
    m_group->setMinimumWidth(220);
    m_topics = new QListWidget(this);
    m_topics->setObjectName(QStringLiteral("drainTopics"));
    m_topics->setToolTip(tr("Tick the group's topics to drain in one run; each keeps its order per key."));
    m_topics->setFlow(QListView::LeftToRight);
    m_topics->setWrapping(true);
    m_topics->setFixedHeight(m_topics->fontMetrics().lineSpacing() * 3 + 10);
    m_target = new QLineEdit(this);
    m_target->setObjectName(QStringLiteral("drainTarget"));
    left->addRow(tr("Group:"), m_group);
    left->addRow(tr("Topics:"), m_topics);
    left->addRow(tr("Wider topic:"), m_target);
    auto *right = new QFormLayout;
    m_within = new QComboBox(this);
    m_within->setObjectName(QStringLiteral("drainWithin"));
    for (const char *d : {"5m", "10m", "30m", "1h", "2h", "6h"})
        m_within->addItem(QString::fromLatin1(d));
    m_within->setCurrentText(QStringLiteral("10m"));
    m_partitions = new QSpinBox(this);
    m_partitions->setObjectName(QStringLiteral("drainPartitions"));
    m_partitions->setRange(1, 1000);
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("drainMode"));
    m_mode->addItem(tr("Up to the log end seen at start"));
    m_mode->addItem(tr("Follow: keep relaying until stopped"));
    right->addRow(tr("Drain within:"), m_within);
    right->addRow(tr("Partitions:"), m_partitions);
    right->addRow(tr("Mode:"), m_mode);
    form->addLayout(left, 1);
    form->addLayout(right, 1);
    auto *planCol = new QVBoxLayout;
    m_planButton = new QPushButton(tr("Plan"), this);
    m_planButton->setObjectName(QStringLiteral("drainPlanButton"));
    planCol->addWidget(m_planButton);
    planCol->addStretch();
    form->addLayout(planCol);
    layout->addLayout(form);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("drainSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setMinimumHeight(m_summary->fontMetrics().lineSpacing() * 6); // the plan's lines, without a jump
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_summary);
    m_demoStop = new QPushButton(tr("Stop consumers of this group (demo)"), this);
    m_demoStop->setObjectName(QStringLiteral("drainDemoStop"));
    m_demoStop->hide();
    layout->addWidget(m_demoStop, 0, Qt::AlignLeft);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_partitionsModel = new DrainPartitionsModel(this);
    m_table = makeToolTable(splitter, m_partitionsModel, QStringLiteral("drainPartitionsTable"), RawValueRole,
                            DrainPartitionsModel::Topic, Qt::AscendingOrder);
    auto *journalBox = new QGroupBox(tr("Recent drains (journal)"), splitter);
    auto *jl = new QVBoxLayout(journalBox);
    m_journalModel = new DrainJournalModel(this);
    m_journal = makeToolTable(journalBox, m_journalModel, QStringLiteral("drainJournalTable"), RawValueRole,
                              DrainJournalModel::Started, Qt::DescendingOrder);
    jl->addWidget(m_journal);
    splitter->addWidget(m_table);
    splitter->addWidget(journalBox);
    layout->addWidget(splitter, 1);

    auto *run = new QHBoxLayout;
    m_start = new QPushButton(tr("Start drain…"), this);
    m_start->setObjectName(QStringLiteral("drainStart"));
    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("drainPause"));
    m_pause->setCheckable(true);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("drainStop"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("drainProgress"));
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("drainProgressLabel"));
    m_progressLabel->setWordWrap(true);
    run->addWidget(m_start);
    run->addWidget(m_pause);
    run->addWidget(m_stop);
    run->addWidget(m_progress, 1);
    layout->addLayout(run);
    layout->addWidget(m_progressLabel);

    connect(m_planButton, &QPushButton::clicked, this, &DrainPanel::requestPlan);
    connect(m_group, &QComboBox::currentTextChanged, this, [this](const QString &g) {
        if (!g.isEmpty())
            loadTopicsOf(g);
    });
    connect(m_topics, &QListWidget::itemChanged, this, [this] {
        // The proposed target follows the ticks until the operator types one.
        if (m_target->text().isEmpty() || m_target->text() == m_autoTarget) {
            m_autoTarget = defaultTarget();
            m_target->setText(m_autoTarget);
        }
    });
    connect(m_start, &QPushButton::clicked, this, &DrainPanel::askAndStart);
    connect(m_stop, &QPushButton::clicked, this, &DrainPanel::stop);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        if (m_control)
            m_control->pause = paused;
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    });
    connect(m_demoStop, &QPushButton::clicked, this, [this] { setDemoGroupRunning(false); });
    updateButtons();
}

DrainPanel::~DrainPanel()
{
    if (m_control)
        m_control->cancel = true;
    m_relayPool.waitForDone();
    m_pool.waitForDone();
}

void DrainPanel::setConnection(ConnectionContextPtr connection)
{
    if (m_control) // a running drain keeps its own client; stop it with the connection it started on
        m_control->cancel = true;
    m_connection = std::move(connection);
    ++m_generation;
    m_plan.reset();
    m_group->clear();
    m_topics->clear();
    m_partitionsModel->setRows({});
    m_summary->clear();
    m_banner->hide();
    if (m_connection && m_connection->readOnly()) {
        m_banner->showMessage(StatusBanner::Kind::Info,
                              tr("This connection is read-only: drains can be planned but not started."));
        m_banner->show();
    }
    updateButtons();
    if (m_connection) {
        loadGroups();
        loadJournal();
    }
}

void DrainPanel::activated()
{
    if (m_connection && m_group->count() == 0)
        loadGroups();
    loadJournal();
}

QString DrainPanel::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void DrainPanel::loadGroups()
{
    auto factory = m_connection->createApi;
    const quint64 generation = m_generation;
    runToolJob(this, &m_pool,
               [factory]() -> Result<QStringList> {
                   auto api = factory();
                   auto groups = api->listGroups();
                   if (!groups)
                       return groups.error();
                   QStringList ids;
                   for (const GroupListing &g : groups.value())
                       ids << g.groupId;
                   ids.sort();
                   return ids;
               },
               [this, generation](const Result<QStringList> &r) {
                   if (generation != m_generation)
                       return;
                   if (!r) {
                       m_banner->showMessage(StatusBanner::Kind::Error, r.error().toString());
                       m_banner->show();
                       return;
                   }
                   const QString keep = m_group->currentText();
                   m_group->clear();
                   m_group->addItems(r.value());
                   if (!keep.isEmpty())
                       m_group->setCurrentText(keep);
                   emit groupsLoaded();
               });
}

void DrainPanel::loadTopicsOf(const QString &group)
{
    if (!m_connection)
        return;
    auto factory = m_connection->createApi;
    // Not the plan's generation: a plan requested meanwhile does not make the list stale.
    const ConnectionContextPtr connection = m_connection;
    runToolJob(this, &m_pool,
               [factory, group]() -> Result<QStringList> {
                   auto api = factory();
                   auto committed = api->committedOffsets({group});
                   if (!committed)
                       return committed.error();
                   std::set<QString> topics;
                   for (const PartitionOffset &o : committed.value().value(group))
                       topics.insert(o.topic);
                   return QStringList(topics.begin(), topics.end());
               },
               [this, connection, group](const Result<QStringList> &r) {
                   if (connection != m_connection || m_group->currentText() != group || !r)
                       return;
                   const QStringList keep = m_wantTopics.isEmpty() ? checkedTopics() : m_wantTopics;
                   m_wantTopics.clear();
                   QStringList checked;
                   for (const QString &t : keep)
                       if (r.value().contains(t))
                           checked << t;
                   if (checked.isEmpty()) // a new group: all of its topics
                       checked = r.value();
                   setTopics(r.value(), checked);
                   emit topicsLoaded();
               });
}

void DrainPanel::setTopics(const QStringList &topics, const QStringList &checked)
{
    {
        const QSignalBlocker block(m_topics);
        m_topics->clear();
        QStringList sorted = topics;
        sorted.sort();
        for (const QString &t : std::as_const(sorted)) {
            auto *item = new QListWidgetItem(t, m_topics);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(t) ? Qt::Checked : Qt::Unchecked);
        }
    }
    if (m_target->text().isEmpty() || m_target->text() == m_autoTarget) {
        m_autoTarget = defaultTarget();
        m_target->setText(m_autoTarget);
    }
}

QStringList DrainPanel::checkedTopics() const
{
    QStringList out;
    for (int i = 0; i < m_topics->count(); ++i)
        if (m_topics->item(i)->checkState() == Qt::Checked)
            out << m_topics->item(i)->text();
    return out;
}

QString DrainPanel::defaultTarget() const
{
    const QStringList topics = checkedTopics();
    if (topics.size() == 1)
        return topics.first() + QStringLiteral("-drain");
    return topics.isEmpty() || m_group->currentText().isEmpty() ? QString() : m_group->currentText() + QStringLiteral("-drain");
}

void DrainPanel::planFor(const QString &group, const QStringList &topics, const QString &target)
{
    m_wantTopics = topics;
    if (m_group->currentText() == group)
        loadTopicsOf(group);
    else
        m_group->setCurrentText(group); // lists its topics, then ticks these
    // Planned right away with what was asked (the list catches up).
    QStringList all;
    for (int i = 0; i < m_topics->count(); ++i)
        all << m_topics->item(i)->text();
    for (const QString &t : topics)
        if (!all.contains(t))
            all << t;
    setTopics(all, topics);
    m_target->setText(target.isEmpty() ? defaultTarget() : target);
    requestPlan();
}

void DrainPanel::requestPlan()
{
    if (!m_connection)
        return;
    DrainRequest request;
    request.group = m_group->currentText().trimmed();
    request.topics = checkedTopics();
    request.target = m_target->text().trimmed();
    request.follow = m_mode->currentIndex() == 1;
    request.cluster = m_connection->profile.name;
    auto within = parseDelayDuration(m_within->currentText());
    request.targetSeconds = within ? within.value() / 1000 : 600;
    // A count typed by the operator wins over the proposal (only for a plan of the same drain).
    if (m_plan && m_plan->group == request.group && m_plan->topics == request.topics && m_plan->target == request.target
        && m_partitions->value() != m_plan->proposedPartitions)
        request.partitions = m_partitions->value();
    const QString historyPath = m_connection->demo ? demo::DemoCluster::historyPath() : QString();
    auto factory = m_connection->createApi;
    const quint64 generation = ++m_generation;
    m_planButton->setEnabled(false);
    m_summary->setText(tr("Reading the group's offsets, the log ends and the lag history…"));
    runToolJob(this, &m_pool,
               [factory, request, historyPath]() -> Result<DrainPlan> {
                   auto api = factory();
                   HistoryStore history(historyPath);
                   const bool haveHistory = history.open().ok();
                   return DrainService::plan(*api, request, haveHistory ? &history : nullptr);
               },
               [this, generation](const Result<DrainPlan> &r) {
                   m_planButton->setEnabled(true);
                   if (generation != m_generation)
                       return;
                   if (!r) {
                       m_plan.reset();
                       m_summary->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(r.error().toString().toHtmlEscaped()));
                       updateButtons();
                       return;
                   }
                   m_plan = r.value();
                   showPlan();
                   emit planReady();
               });
}

void DrainPanel::showPlan()
{
    const DrainPlan &p = *m_plan;
    m_partitionsModel->setRows(p.partitions);
    m_partitions->setValue(p.targetPartitions);
    m_partitions->setEnabled(!p.targetExists);
    QStringList lines;
    lines << tr("<b>Backlog:</b> %1 records on %2 partitions of %3. <b>Consumed:</b> %4 records/s (lag history).")
                 .arg(p.backlog)
                 .arg(p.partitions.size())
                 .arg(p.topicsText().toHtmlEscaped(), rateText(p.consumeRate));
    lines << (p.rateAssumed ? tr("No consume rate in the lag history: one consumer is assumed to manage %1 records/s.")
                                  .arg(rateText(p.perConsumerRate))
                            : tr("One consumer managed about %1 records/s.").arg(rateText(p.perConsumerRate)));
    lines << tr("<b>Proposed:</b> %1 partitions to drain it within %2 (one consumer per partition; about %3).")
                 .arg(p.proposedPartitions)
                 .arg(formatDelay(p.targetSeconds * 1000), formatDelay(qint64(p.etaSeconds() * 1000)));
    lines << (p.targetExists ? tr("%1 exists with %2 partitions and is used as it is.").arg(p.target.toHtmlEscaped()).arg(p.targetPartitions)
                             : tr("%1 does not exist: it will be created with the partitions above.").arg(p.target.toHtmlEscaped()));
    if (!p.guardError.isEmpty()) {
        QString guard = QStringLiteral("<span style='color:#b00020'>%1</span>").arg(p.guardError.toHtmlEscaped());
        for (const QString &d : p.guardDetails)
            guard += QStringLiteral("<br>&nbsp;&nbsp;• ") + d.toHtmlEscaped();
        lines << guard;
    }
    m_summary->setText(lines.join(QStringLiteral("<br>")));
    m_demoStop->setVisible(!p.guardError.isEmpty() && m_connection && m_connection->demo);
    updateButtons();
}

QString DrainPanel::confirmationText() const
{
    if (!m_plan)
        return {};
    const DrainPlan &p = *m_plan;
    QString text = p.targetExists ? tr("Drain the backlog of group %1 on %2 (%3 records) into the existing topic %4 (%5 partitions).")
                                        .arg(p.group, p.topicsText())
                                        .arg(p.backlog)
                                        .arg(p.target)
                                        .arg(p.targetPartitions)
                                  : tr("Create topic %4 with %5 partitions and drain the backlog of group %1 on %2 (%3 records) into it.")
                                        .arg(p.group, p.topicsText())
                                        .arg(p.backlog)
                                        .arg(p.target)
                                        .arg(m_partitions->value());
    text += QLatin1Char('\n') + tr("The group's committed offsets move forward with every transaction: its consumers must stay "
                                   "stopped. Run the consumers on %1 with a new group (e.g. %2) afterwards.")
                                    .arg(p.target, p.nextGroup());
    if (m_mode->currentIndex() == 1)
        text += QLatin1Char('\n') + tr("Follow mode: records arriving on %1 are relayed until you press Stop.").arg(p.topicsText());
    return text;
}

void DrainPanel::askAndStart()
{
    if (!m_plan)
        return;
    if (QMessageBox::question(this, tr("Start drain"), confirmationText(), QMessageBox::Ok | QMessageBox::Cancel,
                              QMessageBox::Cancel)
        != QMessageBox::Ok)
        return;
    startConfirmed();
}

void DrainPanel::startConfirmed()
{
    if (!m_plan || !m_connection || m_control)
        return;
    DrainPlan plan = *m_plan;
    plan.follow = m_mode->currentIndex() == 1;
    if (!plan.targetExists)
        plan.targetPartitions = m_partitions->value();
    auto control = std::make_shared<TransactionalRelay::Control>();
    m_control = control;
    m_total = plan.backlog;
    m_progress->setRange(0, plan.follow ? 0 : 1000);
    m_progress->setValue(0);
    m_progressLabel->setText(tr("Starting the drain…"));
    updateButtons();
    auto factory = m_connection->createApi;
    const QString connection = m_connection->profile.name;
    QPointer<DrainPanel> self(this);
    runToolJob(this, &m_relayPool,
               [factory, plan, control, connection, self]() -> Result<RelayProgress> {
                   auto api = factory();
                   if (auto made = DrainService::createTarget(*api, plan); !made)
                       return made.error();
                   RelayJournal journal;
                   return DrainService::run(*api, plan, journal, connection, control.get(), [self](const RelayProgress &p) {
                       QMetaObject::invokeMethod(
                           self.data(), [self, p] { if (self) self->showProgress(p); }, Qt::QueuedConnection);
                   });
               },
               [this, plan, control](const Result<RelayProgress> &r) {
                   m_control.reset();
                   m_pause->setChecked(false);
                   if (!r) {
                       m_progressLabel->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(r.error().toString().toHtmlEscaped()));
                       m_progress->setRange(0, 1000);
                       emit statusMessage(tr("Drain failed: %1").arg(r.error().message));
                   } else {
                       showProgress(r.value());
                       m_progress->setRange(0, 1000);
                       if (!control->cancel.load())
                           m_progress->setValue(1000);
                       m_progressLabel->setText(
                           tr("%1 %2 records into %3 (%4 records/s). Next: run the consumers on %3 with a new group, "
                              "e.g. %5, reading with isolation.level=read_committed.")
                               .arg(control->cancel.load() ? tr("Stopped after draining") : tr("Drained"))
                               .arg(r.value().consumed)
                               .arg(plan.target, rateText(r.value().recordsPerSecond), plan.nextGroup()));
                       emit statusMessage(tr("Drain of %1 finished.").arg(plan.group));
                   }
                   updateButtons();
                   loadJournal();
                   requestPlan(); // what is left now (and the target exists)
                   emit drainFinished(r.ok());
               });
}

void DrainPanel::stop()
{
    if (m_control)
        m_control->cancel = true;
}

void DrainPanel::showProgress(const RelayProgress &p)
{
    if (!m_control)
        return;
    if (p.remaining >= 0) {
        const qint64 total = std::max<qint64>(1, p.consumed + p.remaining);
        m_progress->setValue(int(p.consumed * 1000 / total));
        const double eta = p.recordsPerSecond > 0 ? p.remaining / p.recordsPerSecond : -1;
        m_progressLabel->setText(tr("Drained %1 records, %2 left, %3 records/s, ETA %4.")
                                     .arg(p.consumed)
                                     .arg(p.remaining)
                                     .arg(rateText(p.recordsPerSecond),
                                          eta >= 0 ? formatDelay(qint64(eta * 1000)) : QStringLiteral("-")));
    } else {
        m_progressLabel->setText(tr("Following: drained %1 records, %2 records/s.").arg(p.consumed).arg(rateText(p.recordsPerSecond)));
    }
}

void DrainPanel::loadJournal()
{
    runToolJob(this, &m_pool,
               []() -> Result<QList<QPair<RelayJob, QList<RelayRange>>>> {
                   RelayJournal journal;
                   auto jobs = journal.list(QStringLiteral("drain"), 50);
                   if (!jobs)
                       return jobs.error();
                   QList<QPair<RelayJob, QList<RelayRange>>> out;
                   for (const RelayJob &j : jobs.value())
                       out.append({j, journal.ranges(j.id).ok() ? journal.ranges(j.id).value() : QList<RelayRange>()});
                   return out;
               },
               [this](const Result<QList<QPair<RelayJob, QList<RelayRange>>>> &r) {
                   if (!r)
                       return;
                   QList<DrainJobRow> rows;
                   for (const auto &[job, ranges] : r.value())
                       rows.append({job, ranges});
                   const bool first = m_journalModel->rowCount() == 0;
                   m_journalModel->setRows(rows);
                   if (first && !rows.isEmpty())
                       for (int c = 0; c < DrainJournalModel::Ranges; ++c)
                           m_journal->resizeColumnToContents(c);
                   emit journalLoaded();
               });
}

void DrainPanel::updateButtons()
{
    const bool running = m_control != nullptr;
    const bool writable = m_connection && !m_connection->readOnly();
    m_start->setEnabled(!running && writable && m_plan && m_plan->guardError.isEmpty());
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    m_planButton->setEnabled(m_connection != nullptr);
    m_start->setToolTip(!writable ? tr("The connection is read-only.")
                        : m_plan && !m_plan->guardError.isEmpty() ? tr("The group has active members: stop its consumers first.")
                                                                  : QString());
}

void DrainPanel::setDemoGroupRunning(bool running)
{
    if (!m_connection || !m_connection->demo || !m_plan)
        return;
    auto demo = m_connection->demo;
    const QString group = m_plan->group;
    runToolJob(this, &m_pool,
               [demo, group, running]() -> bool {
                   demo->setGroupRunning(group, running);
                   return running;
               },
               [this](bool) { requestPlan(); });
}

} // namespace kops
