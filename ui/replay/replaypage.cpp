#include "replaypage.h"

#include "democluster.h"

#include "widgets/columnfit.h"

#include "replay/resetjournal.h"
#include "replay/resetpreview.h"
#include "resetconfirmdialog.h"
#include "resethistorymodel.h"
#include "resetpreviewmodel.h"
#include "resetstrategyform.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextDocumentFragment>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>

namespace kops {

namespace {

struct PreviewResult
{
    std::optional<Result<ResetPlan>> plan;
    std::optional<KafkaError> guard; ///< active members (or why the state is unknown)
};

QString tpName(const QString &topic, int partition)
{
    return QStringLiteral("%1-%2").arg(topic).arg(partition);
}

QString errorHtml(const KafkaError &e)
{
    QString html = e.toString().toHtmlEscaped();
    for (const QString &d : e.details)
        html += QStringLiteral("<br>&nbsp;&nbsp;• ") + d.toHtmlEscaped();
    return html;
}

} // namespace

template<typename Work, typename Done>
void ReplayPage::runJob(Work work, Done done, bool blocking)
{
    using T = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const T>>(this);
    const quint64 generation = m_connectionGeneration;
    const int weight = blocking ? 1 : 0; // background loads (groups, history) do not lock the wizard
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, done, weight] {
        watcher->deleteLater();
        m_busy -= weight;
        --m_jobs;
        if (generation == m_connectionGeneration)
            done(*watcher->result());
        updateButtons();
    });
    m_busy += weight;
    ++m_jobs;
    updateButtons();
    watcher->setFuture(QtConcurrent::run(&m_pool, [work] { return std::shared_ptr<const T>(std::make_shared<T>(work())); }));
}

ReplayPage::ReplayPage(QWidget *parent) : ConsolePage(parent)
{
    m_pool.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("replayBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_banner);

    m_tabs = new QTabWidget(this);
    auto *wizard = new QWidget(m_tabs);
    auto *wl = new QVBoxLayout(wizard);
    m_stepTitle = new QLabel(wizard);
    QFont big = m_stepTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_stepTitle->setFont(big);
    wl->addWidget(m_stepTitle);
    m_steps = new QStackedWidget(wizard);
    m_steps->addWidget(buildGroupStep());
    m_steps->addWidget(buildScopeStep());
    m_strategyForm = new ResetStrategyForm(m_steps);
    connect(m_strategyForm, &ResetStrategyForm::importRequested, this, &ReplayPage::importPlan);
    m_steps->addWidget(m_strategyForm);
    m_steps->addWidget(buildPreviewStep());
    m_steps->addWidget(buildResultStep());
    wl->addWidget(m_steps, 1);

    auto *buttons = new QHBoxLayout;
    m_export = new QPushButton(tr("Export CSV…"), wizard);
    m_export->setObjectName(QStringLiteral("replayExport"));
    m_restart = new QPushButton(tr("New reset"), wizard);
    m_restart->setObjectName(QStringLiteral("replayRestart"));
    m_back = new QPushButton(tr("< Back"), wizard);
    m_back->setObjectName(QStringLiteral("replayBack"));
    m_next = new QPushButton(tr("Next >"), wizard);
    m_next->setObjectName(QStringLiteral("replayNext"));
    m_apply = new QPushButton(tr("Apply reset…"), wizard);
    m_apply->setObjectName(QStringLiteral("replayApply"));
    buttons->addWidget(m_export);
    buttons->addStretch(1);
    buttons->addWidget(m_restart);
    buttons->addWidget(m_back);
    buttons->addWidget(m_next);
    buttons->addWidget(m_apply);
    wl->addLayout(buttons);
    m_tabs->addTab(wizard, tr("New reset"));
    m_tabs->addTab(buildHistoryTab(), tr("History"));
    layout->addWidget(m_tabs, 1);

    connect(m_next, &QPushButton::clicked, this, &ReplayPage::next);
    connect(m_back, &QPushButton::clicked, this, &ReplayPage::back);
    connect(m_apply, &QPushButton::clicked, this, &ReplayPage::confirmAndApply);
    connect(m_restart, &QPushButton::clicked, this, [this] { goTo(GroupStep); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export reset plan"), QStringLiteral("reset-plan.csv"),
                                                          tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportPlan(path);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            refreshHistory();
    });
    goTo(GroupStep);
    setConnection(nullptr);
}

ReplayPage::~ReplayPage()
{
    ++m_connectionGeneration; // results arriving during teardown are dropped
    m_pool.waitForDone();
}

QWidget *ReplayPage::buildGroupStep()
{
    auto *w = new QWidget;
    auto *form = new QFormLayout(w);
    m_group = new QComboBox(w);
    m_group->setObjectName(QStringLiteral("replayGroup"));
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    m_group->setMinimumWidth(320);
    auto *refresh = new QPushButton(tr("Reload groups"), w);
    connect(refresh, &QPushButton::clicked, this, &ReplayPage::loadGroups);
    auto *row = new QHBoxLayout;
    row->addWidget(m_group, 1);
    row->addWidget(refresh);
    form->addRow(tr("Consumer group:"), row);
    auto *hint = new QLabel(tr("Offsets can only be changed while the group has no active members: stop its consumers "
                               "before applying. You can preview at any time."),
                            w);
    hint->setWordWrap(true);
    form->addRow(hint);
    connect(m_group, &QComboBox::currentTextChanged, this, [this] { updateButtons(); });
    return w;
}

QWidget *ReplayPage::buildScopeStep()
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    m_allTopics = new QRadioButton(tr("All topics the group has committed offsets for (--all-topics)"), w);
    m_allTopics->setObjectName(QStringLiteral("replayAllTopics"));
    m_someTopics = new QRadioButton(tr("These topics (--topic), separated by spaces; TOPIC:0,2,5 picks partitions:"), w);
    m_someTopics->setObjectName(QStringLiteral("replaySomeTopics"));
    m_topics = new QLineEdit(w);
    m_topics->setObjectName(QStringLiteral("replayTopics"));
    m_topics->setPlaceholderText(QStringLiteral("orders payments:0,2"));
    m_allTopics->setChecked(true);
    l->addWidget(m_allTopics);
    l->addWidget(m_someTopics);
    l->addWidget(m_topics);
    l->addStretch(1);
    connect(m_someTopics, &QRadioButton::toggled, m_topics, &QLineEdit::setEnabled);
    connect(m_topics, &QLineEdit::textChanged, this, [this] { updateButtons(); });
    connect(m_someTopics, &QRadioButton::toggled, this, [this] { updateButtons(); });
    m_topics->setEnabled(false);
    return w;
}

QWidget *ReplayPage::buildPreviewStep()
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    m_guardLabel = new QLabel(w);
    m_guardLabel->setObjectName(QStringLiteral("replayGuard"));
    m_guardLabel->setWordWrap(true);
    m_guardLabel->setTextFormat(Qt::RichText);
    m_totals = new QLabel(w);
    m_totals->setObjectName(QStringLiteral("replayTotals"));
    m_totals->setTextFormat(Qt::RichText);
    m_warnings = new QLabel(w);
    m_warnings->setWordWrap(true);
    m_previewModel = new ResetPreviewModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_previewModel);
    proxy->setSortRole(ResetPreviewModel::SortRole);
    m_previewView = new QTableView(w);
    m_previewView->setObjectName(QStringLiteral("replayPreviewView"));
    m_previewView->setModel(proxy);
    m_previewView->setSortingEnabled(true);
    m_previewView->sortByColumn(ResetPreviewModel::TopicColumn, Qt::AscendingOrder);
    m_previewView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewView->verticalHeader()->hide();
    m_previewView->horizontalHeader()->setStretchLastSection(true);
    m_demoStop = new QPushButton(tr("Stop consumers of this group (demo)"), w);
    m_demoStop->setObjectName(QStringLiteral("replayDemoStopConsumers"));
    m_demoStop->setToolTip(tr("The demo cluster runs this group's consumers in this process: stop them so its offsets can be reset."));
    m_demoStop->hide();
    connect(m_demoStop, &QPushButton::clicked, this, [this] { setDemoGroupRunning(false); });
    auto *guardRow = new QHBoxLayout;
    guardRow->addWidget(m_guardLabel, 1);
    guardRow->addWidget(m_demoStop, 0, Qt::AlignTop);
    l->addLayout(guardRow);
    l->addWidget(m_totals);
    l->addWidget(m_previewView, 1);
    l->addWidget(m_warnings);
    return w;
}

QWidget *ReplayPage::buildResultStep()
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    m_resultLabel = new QLabel(w);
    m_resultLabel->setObjectName(QStringLiteral("replayResult"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::RichText);
    m_resultTable = new QTableWidget(0, 5, w);
    m_resultTable->setObjectName(QStringLiteral("replayResultTable"));
    m_resultTable->setHorizontalHeaderLabels({tr("Partition"), tr("Before"), tr("Written"), tr("Result"), tr("Detail")});
    m_resultTable->verticalHeader()->hide();
    m_resultTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultTable->horizontalHeader()->setStretchLastSection(true);
    m_demoStart = new QPushButton(tr("Start consumers of this group again (demo)"), w);
    m_demoStart->setObjectName(QStringLiteral("replayDemoStartConsumers"));
    m_demoStart->hide();
    connect(m_demoStart, &QPushButton::clicked, this, [this] { setDemoGroupRunning(true); });
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_resultLabel, 1);
    resultRow->addWidget(m_demoStart, 0, Qt::AlignTop);
    l->addLayout(resultRow);
    l->addWidget(m_resultTable, 1);
    return w;
}

QWidget *ReplayPage::buildHistoryTab()
{
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    m_historyModel = new ResetHistoryModel(this);
    m_historyView = new QTableView(w);
    m_historyView->setObjectName(QStringLiteral("replayHistoryView"));
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    auto *row = new QHBoxLayout;
    auto *refresh = new QPushButton(tr("Refresh"), w);
    refresh->setObjectName(QStringLiteral("historyRefresh"));
    m_undo = new QPushButton(tr("Undo…"), w);
    m_undo->setObjectName(QStringLiteral("historyUndo"));
    row->addStretch(1);
    row->addWidget(refresh);
    row->addWidget(m_undo);
    l->addWidget(m_historyView, 1);
    l->addLayout(row);
    connect(refresh, &QPushButton::clicked, this, &ReplayPage::refreshHistory);
    connect(m_undo, &QPushButton::clicked, this, &ReplayPage::confirmAndUndo);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateButtons(); });
    return w;
}

void ReplayPage::setConnection(ConnectionContextPtr connection)
{
    m_connection = std::move(connection);
    ++m_connectionGeneration;
    m_plan.reset();
    m_guardError.reset();
    m_previewModel->setPartitions({});
    m_group->clear();
    showBanner(connectionBanner(), !m_connection);
    m_tabs->setEnabled(m_connection != nullptr);
    if (m_connection) {
        loadGroups();
        refreshHistory();
    }
    goTo(GroupStep);
}

QString ReplayPage::connectionBanner() const
{
    if (!m_connection)
        return tr("<b>Not connected.</b> Choose a connection to plan, preview and apply offset resets.");
    if (m_connection->readOnly())
        return tr("<b>Read-only connection '%1':</b> you can preview and export resets, but applying and undoing are "
                  "refused. Turn off read-only in the connection settings to change offsets.")
            .arg(m_connection->profile.name.toHtmlEscaped());
    return {};
}

void ReplayPage::activated()
{
    if (m_connection && m_group->count() == 0)
        loadGroups();
}

ReplayPage::Step ReplayPage::currentStep() const
{
    return Step(m_steps->currentIndex());
}

QString ReplayPage::bannerText() const
{
    return m_banner->isVisible() || !m_banner->text().isEmpty() ? m_banner->text() : QString();
}

void ReplayPage::showBanner(const QString &text, bool error)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
    m_banner->setStyleSheet(error ? QStringLiteral("QLabel { background: #fde2e1; border: 1px solid #d9534f; padding: 6px; }")
                                  : QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #e0b400; padding: 6px; }"));
}

void ReplayPage::showError(const KafkaError &error)
{
    showBanner(errorHtml(error), true);
    emit statusMessage(error.toString());
}

void ReplayPage::loadGroups()
{
    if (!m_connection)
        return;
    auto factory = m_connection->createApi;
    runJob([factory] { return factory()->listGroups(); },
           [this](const Result<QList<GroupListing>> &groups) {
               if (!groups) {
                   showError(groups.error());
                   return;
               }
               const QString typed = m_group->currentText();
               m_group->clear();
               for (const GroupListing &g : groups.value())
                   m_group->addItem(g.groupId);
               m_group->setCurrentText(typed.isEmpty() && m_group->count() > 0 ? m_group->itemText(0) : typed);
           },
           false);
}

void ReplayPage::goTo(Step step)
{
    m_steps->setCurrentIndex(step);
    static const char *const titles[] = {QT_TR_NOOP("Consumer group"), QT_TR_NOOP("Scope"), QT_TR_NOOP("Strategy"),
                                         QT_TR_NOOP("Preview"), QT_TR_NOOP("Result")};
    QString title = tr("Step %1 of %2 — %3").arg(int(step) + 1).arg(int(StepCount)).arg(tr(titles[step]));
    const QString group = m_group->currentText().trimmed();
    if (step > GroupStep && !group.isEmpty())
        title += tr(" for group %1").arg(group); // startReplay() jumps past the group step: say which group
    m_stepTitle->setText(title);
    if (step != PreviewStep && step != ResultStep)
        showBanner(connectionBanner(), !m_connection);
    updateButtons();
}

void ReplayPage::next()
{
    switch (currentStep()) {
    case GroupStep:
        goTo(ScopeStep);
        break;
    case ScopeStep:
        if (auto scope = scopeFromForm(); !scope)
            showError(scope.error());
        else
            goTo(StrategyStep);
        break;
    case StrategyStep:
        requestPreview();
        break;
    default:
        break;
    }
}

void ReplayPage::back()
{
    if (currentStep() > GroupStep && currentStep() != ResultStep)
        goTo(Step(currentStep() - 1));
}

void ReplayPage::updateButtons()
{
    const Step step = currentStep();
    const bool idle = m_busy == 0;
    const bool connected = m_connection != nullptr;
    const bool writable = connected && !m_connection->readOnly();
    m_back->setVisible(step != GroupStep && step != ResultStep);
    m_back->setEnabled(idle);
    m_next->setVisible(step < PreviewStep);
    m_next->setText(step == StrategyStep ? tr("Preview >") : tr("Next >"));
    bool nextOk = connected && idle;
    if (step == GroupStep)
        nextOk = nextOk && !m_group->currentText().trimmed().isEmpty();
    if (step == ScopeStep)
        nextOk = nextOk && (m_allTopics->isChecked() || !m_topics->text().trimmed().isEmpty());
    m_next->setEnabled(nextOk);
    m_apply->setVisible(step == PreviewStep);
    m_apply->setEnabled(idle && writable && m_plan.has_value() && !m_guardError.has_value());
    m_apply->setToolTip(!writable ? tr("The connection is read-only.")
                        : m_guardError ? tr("The group has active members; stop its consumers first.")
                                       : QString());
    m_export->setVisible(step == PreviewStep);
    m_export->setEnabled(m_plan.has_value());
    m_restart->setVisible(step == ResultStep);
    const bool selected = m_historyView->selectionModel() && m_historyView->selectionModel()->hasSelection();
    m_undo->setEnabled(idle && writable && selected);
    m_undo->setToolTip(writable ? QString() : tr("The connection is read-only."));
}

Result<ResetScope> ReplayPage::scopeFromForm() const
{
    ResetScope scope;
    if (m_allTopics->isChecked()) {
        scope.allTopics = true;
        return scope;
    }
    const QStringList parts = m_topics->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        auto sel = parseTopicSelection(p);
        if (!sel)
            return sel.error();
        scope.topics.append(sel.value());
    }
    if (scope.topics.isEmpty())
        return KafkaError::make(QStringLiteral("INVALID_ARGUMENT"), tr("Name at least one topic, or choose all topics."));
    return scope;
}

void ReplayPage::startReplay(const QString &group, const QDateTime &from)
{
    m_tabs->setCurrentIndex(0);
    m_group->setCurrentText(group);
    if (m_allTopics->isChecked() == false && m_topics->text().trimmed().isEmpty())
        m_allTopics->setChecked(true);
    m_strategyForm->setDateTime(from);
    goTo(StrategyStep);
}

void ReplayPage::startReplayFromOffsets(const QString &group, const QDateTime &at, const QList<PartitionOffset> &offsets)
{
    startReplay(group, at);
    m_strategyForm->setOffsets(offsets, tr("offsets committed at %1 (reconstructed from the commit log)")
                                            .arg(at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
}

void ReplayPage::requestPreview()
{
    if (!m_connection)
        return;
    auto scope = scopeFromForm();
    if (!scope) {
        showError(scope.error());
        return;
    }
    auto strategy = m_strategyForm->strategy();
    if (!strategy) {
        showError(strategy.error());
        return;
    }
    const QString group = m_group->currentText().trimmed();
    const quint64 generation = ++m_previewGeneration;
    auto factory = m_connection->createApi;
    const ResetScope sc = scope.value();
    const ResetStrategy st = strategy.value();
    m_plan.reset();
    m_guardError.reset();
    m_previewModel->setPartitions({});
    m_totals->setText(tr("Computing the new offsets…"));
    m_guardLabel->clear();
    m_guardLabel->hide();
    m_demoStop->hide();
    m_warnings->clear();
    goTo(PreviewStep);
    runJob(
        [factory, group, sc, st] {
            PreviewResult r;
            auto api = factory();
            r.plan = prepareResetPlan(*api, group, sc, st, QDateTime::currentMSecsSinceEpoch());
            if (r.plan->ok())
                if (auto guard = checkGroupInactive(*api, group); !guard)
                    r.guard = guard.error();
            return r;
        },
        [this, generation](const PreviewResult &r) {
            if (generation != m_previewGeneration)
                return; // a newer preview replaced this one
            if (!r.plan->ok()) {
                m_totals->setText(tr("No preview: the reset cannot be planned (see the message above). Nothing was changed."));
                m_previewView->resizeColumnsToContents();
                showError(r.plan->error());
                emit previewReady();
                return;
            }
            showBanner(connectionBanner(), false);
            m_plan = r.plan->value();
            m_guardError = r.guard;
            m_previewModel->setPartitions(m_plan->partitions);
            m_previewView->resizeColumnsToContents();
            m_totals->setText(tr("Group <b>%1</b>, %2: replay <b>%3</b> messages · <span style='color:#b52a1c'>skip <b>%4</b> "
                                 "messages</span> · %5 partitions unchanged · %6 partitions without a committed offset")
                                  .arg(m_plan->group.toHtmlEscaped(), m_plan->strategy.describe().toHtmlEscaped())
                                  .arg(m_plan->replayTotal())
                                  .arg(m_plan->skipTotal())
                                  .arg(m_plan->unchangedCount())
                                  .arg(m_plan->noCommitCount()));
            m_warnings->setText(m_plan->warnings.join(QLatin1Char('\n')));
            m_guardLabel->setText(m_guardError ? tr("<b>Cannot apply now.</b> ") + errorHtml(*m_guardError) : QString());
            m_guardLabel->setVisible(m_guardError.has_value());
            m_guardLabel->setStyleSheet(m_guardError ? QStringLiteral("QLabel { background: #fde2e1; padding: 6px; }") : QString());
            updateDemoButtons();
            emit previewReady();
        });
}

void ReplayPage::updateDemoButtons()
{
    const bool demo = m_connection && m_connection->demo;
    m_demoStop->setVisible(demo && m_guardError.has_value());
    const QString group = m_plan ? m_plan->group : m_group->currentText().trimmed();
    const auto known = demo ? m_connection->demo->group(group) : std::nullopt;
    m_demoStart->setVisible(known.has_value() && !known->running);
}

void ReplayPage::setDemoGroupRunning(bool running)
{
    if (!m_connection || !m_connection->demo)
        return;
    const QString group = m_plan ? m_plan->group : m_group->currentText().trimmed();
    std::shared_ptr<demo::DemoCluster> cluster = m_connection->demo;
    const quint64 generation = m_connectionGeneration;
    runJob(
        [cluster, group, running] {
            cluster->setGroupRunning(group, running);
            return running;
        },
        [this, generation, group](bool nowRunning) {
            if (generation != m_connectionGeneration)
                return;
            emit statusMessage(nowRunning ? tr("Demo: the consumers of %1 run again.").arg(group)
                                          : tr("Demo: the consumers of %1 are stopped.").arg(group));
            if (nowRunning)
                updateDemoButtons();
            else
                requestPreview(); // the guard is checked again
        });
}

void ReplayPage::confirmAndApply()
{
    if (!m_plan || !m_connection)
        return;
    QList<ResetConfirmDialog::Change> changes;
    for (const PlannedPartition &p : m_plan->partitions) {
        const QString effect = p.skipCount() > 0 ? tr("SKIP %1").arg(p.skipCount())
            : p.replayCount() > 0                ? tr("replay %1").arg(p.replayCount())
            : p.current                          ? tr("unchanged")
                                                 : tr("first commit");
        changes.append({tpName(p.topic, p.partition), p.current ? QString::number(*p.current) : tr("none"),
                        QString::number(p.target), effect});
    }
    const QString summary =
        tr("Reset the offsets of consumer group <b>%1</b> on connection <b>%2</b> (%3)?<br><br>"
           "This <b>replays %4 messages</b> and <b>skips %5 messages</b> over %6 partitions. "
           "The previous offsets are journaled so the reset can be undone.")
            .arg(m_plan->group.toHtmlEscaped(), m_connection->profile.name.toHtmlEscaped(),
                 m_plan->strategy.describe().toHtmlEscaped())
            .arg(m_plan->replayTotal())
            .arg(m_plan->skipTotal())
            .arg(m_plan->partitions.size());
    const ResetPlan plan = *m_plan; // exactly what the dialog shows
    const quint64 generation = m_connectionGeneration;
    ResetConfirmDialog dialog(tr("Reset offsets of %1").arg(m_plan->group), summary, changes, tr("Reset offsets"), this);
    // The dialog's event loop may deliver a connection change: then the plan no longer applies.
    if (dialog.exec() != QDialog::Accepted || generation != m_connectionGeneration || !m_connection)
        return;
    auto factory = m_connection->createApi;
    const ConnectionProfile profile = m_connection->profile;
    runJob(
        [factory, plan, profile] {
            auto api = factory();
            ResetJournal journal;
            return ResetExecutor(*api, journal, profile).apply(plan);
        },
        [this](const Result<ResetOutcome> &r) {
            if (!r) {
                showError(r.error()); // refused before writing: nothing changed
                if (r.error().code == QLatin1String("NON_EMPTY_GROUP")) {
                    m_guardError = r.error();
                    m_guardLabel->setText(tr("<b>Cannot apply now.</b> ") + errorHtml(r.error()));
                    m_guardLabel->setVisible(true);
                }
                emit resetFinished(false);
                return;
            }
            showOutcome(r.value(), tr("Reset %1 of group '%2'").arg(r.value().journalId).arg(r.value().group));
        });
}

void ReplayPage::confirmAndUndo()
{
    if (!m_connection)
        return;
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    const JournalEntry *selected = rows.isEmpty() ? nullptr : m_historyModel->entry(rows.first().row());
    if (!selected)
        return;
    // A copy: a history refresh may replace the model's entries meanwhile.
    const JournalEntry entry = *selected;
    // What the undo does is measured against the offsets committed now (the consumers may have
    // moved on since the reset), read off the GUI thread; then the operator is asked.
    auto factory = m_connection->createApi;
    runJob([factory, entry] { return previewUndo(*factory(), entry); },
           [this](const Result<UndoPreview> &preview) {
               if (!preview) {
                   showError(preview.error());
                   return;
               }
               confirmUndo(preview.value());
           });
}

void ReplayPage::confirmUndo(const UndoPreview &preview)
{
    QList<ResetConfirmDialog::Change> changes;
    for (const UndoPreview::Partition &p : preview.partitions) {
        const qint64 from = p.current.value_or(p.atReset);
        QString remark = p.restoreTo < from ? tr("replay %1").arg(from - p.restoreTo) : tr("SKIP %1").arg(p.restoreTo - from);
        if (p.movedOn() > 0)
            remark += tr(" (%1 consumed since the reset)").arg(p.movedOn());
        changes.append({tpName(p.topic, p.partition), p.current ? QString::number(*p.current) : tr("none"),
                        QString::number(p.restoreTo), remark});
    }
    QString summary = tr("Undo reset <b>%1</b> (%2) of consumer group <b>%3</b>, restoring the offsets it replaced?")
                          .arg(preview.id)
                          .arg(preview.strategy.toHtmlEscaped(), preview.group.toHtmlEscaped());
    if (const QString moved = preview.movedOnWarning(); !moved.isEmpty())
        summary += QStringLiteral("<br><b>%1</b>").arg(moved.toHtmlEscaped());
    if (!preview.warnings.isEmpty())
        summary += tr("<br>%1 partitions had no committed offset before and keep their current offset.")
                       .arg(preview.warnings.size());
    const quint64 generation = m_connectionGeneration;
    ResetConfirmDialog dialog(tr("Undo reset %1").arg(preview.id), summary, changes, tr("Restore offsets"), this);
    if (dialog.exec() != QDialog::Accepted || generation != m_connectionGeneration || !m_connection)
        return;
    const qint64 id = preview.id;
    auto factory = m_connection->createApi;
    const ConnectionProfile profile = m_connection->profile;
    runJob(
        [factory, id, profile] {
            auto api = factory();
            ResetJournal journal;
            return ResetExecutor(*api, journal, profile).undo(id);
        },
        [this, id](const Result<ResetOutcome> &r) {
            if (!r) {
                showError(r.error());
                emit resetFinished(false);
                return;
            }
            m_tabs->setCurrentIndex(0);
            showOutcome(r.value(), tr("Undo of reset %1 (recorded as %2)").arg(id).arg(r.value().journalId));
        });
}

void ReplayPage::showOutcome(const ResetOutcome &outcome, const QString &heading)
{
    m_resultTable->setRowCount(int(outcome.offsets.size()));
    for (int row = 0; row < outcome.offsets.size(); ++row) {
        const JournalOffset &o = outcome.offsets.at(row);
        const bool ok = o.errorCode.isEmpty();
        m_resultTable->setItem(row, 0, new QTableWidgetItem(tpName(o.topic, o.partition)));
        m_resultTable->setItem(row, 1, new QTableWidgetItem(o.oldOffset ? QString::number(*o.oldOffset) : tr("none")));
        m_resultTable->setItem(row, 2, new QTableWidgetItem(QString::number(o.newOffset)));
        auto *result = new QTableWidgetItem(ok ? tr("written") : o.errorCode);
        if (!ok)
            result->setBackground(QColor(253, 226, 225));
        m_resultTable->setItem(row, 3, result);
        m_resultTable->setItem(row, 4, new QTableWidgetItem(o.errorMessage));
    }
    fitColumns(m_resultTable, 4, 220); // Detail takes the rest, even when filled while hidden (undo from History)
    QString text = tr("<b>%1:</b> %2 of %3 partitions written.")
                       .arg(heading.toHtmlEscaped())
                       .arg(outcome.offsets.size() - outcome.failedCount())
                       .arg(outcome.offsets.size());
    if (!outcome.complete())
        text += tr(" <span style='color:#b52a1c'><b>%1 partitions were NOT changed</b> — see the errors below.</span>")
                    .arg(outcome.failedCount());
    for (const QString &w : outcome.warnings)
        text += QStringLiteral("<br>") + w.toHtmlEscaped();
    m_resultLabel->setText(text);
    goTo(ResultStep);
    updateDemoButtons();
    showBanner(connectionBanner(), false);
    emit statusMessage(QTextDocumentFragment::fromHtml(text).toPlainText());
    refreshHistory();
    emit resetFinished(outcome.complete());
}

void ReplayPage::refreshHistory()
{
    runJob([] { return ResetJournal().list(); },
           [this](const Result<QList<JournalEntry>> &r) {
               if (!r) {
                   showError(r.error());
               } else {
                   // Keep the user's selection (by journal id) across the refresh.
                   const QModelIndexList selected = m_historyView->selectionModel()->selectedRows();
                   const JournalEntry *before = selected.isEmpty() ? nullptr : m_historyModel->entry(selected.first().row());
                   const qint64 selectedId = before ? before->id : -1;
                   m_historyModel->setEntries(r.value());
                   for (int row = 0; row < m_historyModel->rowCount(); ++row)
                       if (m_historyModel->entry(row)->id == selectedId)
                           m_historyView->selectRow(row);
               }
               m_historyView->resizeColumnsToContents();
               emit historyLoaded();
           },
           false);
}

bool ReplayPage::exportPlan(const QString &filePath)
{
    if (!m_plan)
        return false;
    QSaveFile f(filePath);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Text) || f.write(formatResetCsv(m_plan->targets()).toUtf8()) < 0 || !f.commit()) {
        showError(KafkaError::make(QStringLiteral("IO"), tr("Cannot write %1: %2").arg(filePath, f.errorString())));
        return false;
    }
    emit statusMessage(tr("Reset plan exported to %1 (for kafka-consumer-groups.sh --reset-offsets --from-file).").arg(filePath));
    return true;
}

bool ReplayPage::importPlan(const QString &filePath)
{
    if (auto loaded = m_strategyForm->loadCsv(filePath, m_group->currentText().trimmed()); !loaded) {
        showError(loaded.error());
        return false;
    }
    showBanner(connectionBanner(), !m_connection);
    return true;
}

} // namespace kops
