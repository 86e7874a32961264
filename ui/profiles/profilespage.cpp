#include "profilespage.h"

#include "democluster.h"
#include "jvmadvisorpanel.h"
#include "livecheck.h"
#include "profileeditor.h"
#include "profilediffpanel.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kops {

namespace {

constexpr int kNameRole = Qt::UserRole + 1;

QString typeGroupTitle(ProfileType t)
{
    switch (t) {
    case ProfileType::Producer: return QObject::tr("Producers");
    case ProfileType::Consumer: return QObject::tr("Consumers");
    case ProfileType::Topic: return QObject::tr("Topics");
    case ProfileType::Jvm: return QObject::tr("Broker JVM");
    }
    return {};
}

} // namespace

ProfilesPage::ProfilesPage(QWidget *parent) : ConsolePage(parent)
{
    auto *layout = new QHBoxLayout(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split);

    // --- left: the list of saved profiles ---
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget(left);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setHeaderHidden(true);
    m_list->setMinimumWidth(200);
    leftLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_newButton = new QToolButton(left);
    m_newButton->setObjectName(QStringLiteral("newButton"));
    m_newButton->setText(tr("New"));
    m_newButton->setToolTip(tr("New profile from a built-in template"));
    m_newButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_newButton);
    for (ProfileType t : allProfileTypes()) {
        menu->addSection(typeGroupTitle(t));
        for (const ConfigProfile &tpl : builtInTemplates())
            if (tpl.type == t) {
                QAction *a = menu->addAction(tpl.name);
                a->setToolTip(tpl.description);
                a->setObjectName(QStringLiteral("template:") + tpl.name);
                connect(a, &QAction::triggered, this, [this, name = tpl.name] { createFromTemplate(name); });
            }
    }
    m_newButton->setMenu(menu);
    auto *importButton = new QPushButton(tr("Import…"), left);
    importButton->setObjectName(QStringLiteral("importButton"));
    importButton->setToolTip(tr("producer.properties, consumer.properties, topic configs, or a file with "
                                "KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS lines"));
    m_deleteButton = new QPushButton(tr("Delete"), left);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    buttons->addWidget(m_newButton);
    buttons->addWidget(importButton);
    buttons->addWidget(m_deleteButton);
    leftLayout->addLayout(buttons);

    // --- right: editor / diff / advisor ---
    m_tabs = new QTabWidget(split);
    m_tabs->setObjectName(QStringLiteral("profileTabs"));
    auto *editorTab = new QWidget(m_tabs);
    auto *editorTabLayout = new QVBoxLayout(editorTab);
    m_stack = new QStackedWidget(editorTab);
    m_stack->setObjectName(QStringLiteral("editorStack"));
    auto *empty = new QLabel(tr("<h3>No profile selected</h3>"
                                "<p>Profiles hold producer, consumer, topic or broker-JVM settings together with "
                                "what they must guarantee (throughput, no-loss, ordered).</p>"
                                "<p>Create one with <b>New</b> from a built-in template, <b>Import…</b> an existing "
                                "<i>producer.properties</i> or <i>kafka-server-start.sh</i> environment (a JVM profile also "
                                "takes a pasted KAFKA_HEAP_OPTS line), or size a broker heap in the <b>JVM advisor</b> "
                                "tab.</p>"),
                             m_stack);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMargin(40);
    m_stack->addWidget(empty);

    auto *editorPage = new QWidget(m_stack);
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    m_editor = new ProfileEditor(editorPage);
    editorLayout->addWidget(m_editor, 1);

    m_checkRow = new QWidget(editorPage);
    auto *check = new QHBoxLayout(m_checkRow);
    check->setContentsMargins(0, 0, 0, 0);
    m_topicProfile = new QComboBox(m_checkRow);
    m_topicProfile->setObjectName(QStringLiteral("topicProfileCombo"));
    m_topicProfile->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_topicProfile->setMinimumContentsLength(16);
    m_topicProfile->setToolTip(tr("Check this producer against a saved topic profile (replication factor, "
                                  "min.insync.replicas, unclean election)."));
    m_liveTopic = new QLineEdit(m_checkRow);
    m_liveTopic->setObjectName(QStringLiteral("liveTopicEdit"));
    m_liveTopic->setPlaceholderText(tr("topic name"));
    m_liveButton = new QPushButton(tr("Check live topic"), m_checkRow);
    m_liveButton->setObjectName(QStringLiteral("liveCheckButton"));
    m_liveNote = new QLabel(m_checkRow);
    m_liveNote->setObjectName(QStringLiteral("liveNote"));
    m_liveNote->setWordWrap(true);
    m_liveNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // topic names are long words
    check->addWidget(new QLabel(tr("Topic profile:"), m_checkRow));
    check->addWidget(m_topicProfile, 1);
    check->addWidget(new QLabel(tr("Live topic:"), m_checkRow));
    check->addWidget(m_liveTopic, 1);
    check->addWidget(m_liveButton);
    editorLayout->addWidget(m_checkRow);
    editorLayout->addWidget(m_liveNote);

    auto *actions = new QHBoxLayout;
    m_dirtyLabel = new QLabel(editorPage);
    m_dirtyLabel->setObjectName(QStringLiteral("dirtyLabel"));
    // "Saved in /home/.../profiles": a long path is cut at the edge rather than widening the page.
    m_dirtyLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_exportButton = new QPushButton(tr("Export…"), editorPage);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_saveButton = new QPushButton(tr("Save"), editorPage);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    actions->addWidget(m_dirtyLabel, 1);
    actions->addWidget(m_exportButton);
    actions->addWidget(m_saveButton);
    editorLayout->addLayout(actions);
    m_stack->addWidget(editorPage);
    editorTabLayout->addWidget(m_stack);
    m_tabs->addTab(editorTab, tr("Editor"));

    m_diff = new ProfileDiffPanel(m_tabs);
    m_tabs->addTab(m_diff, tr("Diff"));
    m_advisor = new JvmAdvisorPanel(m_tabs);
    m_tabs->addTab(m_advisor, tr("JVM advisor"));
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    split->setSizes({230, 900});

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { currentItemChanged(); });
    connect(m_editor, &ProfileEditor::profileEdited, this, [this] {
        if (m_loading)
            return;
        m_dirty = true;
        m_dirtyLabel->setText(tr("Unsaved changes"));
    });
    connect(m_editor, &ProfileEditor::topicFixRequested, this, &ProfilesPage::topicFixRequested);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_exportButton, &QPushButton::clicked, this, &ProfilesPage::exportClicked);
    connect(importButton, &QPushButton::clicked, this, &ProfilesPage::importClicked);
    connect(m_deleteButton, &QPushButton::clicked, this, &ProfilesPage::deleteCurrent);
    connect(m_topicProfile, &QComboBox::currentIndexChanged, this, [this] { updateContext(); });
    connect(m_liveButton, &QPushButton::clicked, this, &ProfilesPage::startLiveCheck);
    connect(m_liveTopic, &QLineEdit::returnPressed, this, &ProfilesPage::startLiveCheck);
    connect(m_liveTopic, &QLineEdit::textChanged, this, [this] { updateLiveControls(); });
    connect(&m_liveWatcher, &QFutureWatcher<LiveOutcome>::finished, this, &ProfilesPage::liveCheckFinished);
    connect(m_advisor, &JvmAdvisorPanel::profileCreated, this, [this](ConfigProfile p) {
        p.name = uniqueName(p.name);
        if (const Status s = m_store.save(p); !s.ok()) {
            emit statusMessage(s.error().message);
            return;
        }
        reloadList(p.name);
        m_tabs->setCurrentIndex(0);
        emit statusMessage(tr("Created JVM profile '%1' from the advisor.").arg(p.name));
    });

    reloadList();
    updateLiveControls();
}

ProfilesPage::~ProfilesPage()
{
    m_liveWatcher.waitForFinished();
}

void ProfilesPage::setConnection(ConnectionContextPtr connection)
{
    const bool wasDemo = m_connection && m_connection->demo;
    m_connection = std::move(connection);
    const bool isDemo = m_connection && m_connection->demo;
    if (isDemo != wasDemo) {
        // The demo's example profiles live in their own folder: never mixed with the user's.
        if (isDemo) {
            m_userStoreDirectory = m_store.directory();
            m_store = ProfileStore(demo::DemoCluster::profilesPath());
            if (m_liveTopic->text().isEmpty())
                m_liveTopic->setText(QStringLiteral("payments"));
            emit statusMessage(tr("Profiles: the demo's examples (replaced each time the demo starts); your own "
                                  "profiles return with your next cluster."));
        } else {
            m_store = ProfileStore(m_userStoreDirectory);
        }
        m_dirty = false;
        m_originalName.clear();
        reloadList();
    }
    m_liveContext.reset();
    ++m_liveGeneration; // a result for the previous cluster must not land here
    updateContext();
    updateLiveControls();
}

void ProfilesPage::activated()
{
    if (!m_dirty)
        reloadList(m_originalName);
}

void ProfilesPage::reloadList(const QString &select)
{
    QStringList errors;
    const QList<ConfigProfile> profiles = m_store.list(&errors);
    for (const QString &e : errors)
        emit statusMessage(tr("Skipped unreadable profile %1").arg(e));
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (ProfileType t : allProfileTypes()) {
            auto *group = new QTreeWidgetItem(m_list, {typeGroupTitle(t)});
            group->setFlags(Qt::ItemIsEnabled);
            QFont f = group->font(0);
            f.setBold(true);
            group->setFont(0, f);
            for (const ConfigProfile &p : profiles)
                if (p.type == t) {
                    auto *item = new QTreeWidgetItem(group, {p.name});
                    item->setData(0, kNameRole, p.name);
                    item->setToolTip(0, QStringLiteral("%1 \u2014 %2").arg(profileIntentName(p.intent), p.description));
                }
            if (group->childCount() == 0) {
                auto *none = new QTreeWidgetItem(group, {tr("(none)")});
                none->setFlags(Qt::NoItemFlags);
            }
        }
        m_list->expandAll();
    }
    // Topic profiles for the cross-check, and everything (saved + templates) for the diff.
    const QString topicSel = m_topicProfile->currentText();
    {
        const QSignalBlocker block(m_topicProfile);
        m_topicProfile->clear();
        m_topicProfile->addItem(tr("(none)"));
        for (const ConfigProfile &p : profiles)
            if (p.type == ProfileType::Topic)
                m_topicProfile->addItem(p.name);
        m_topicProfile->setCurrentIndex(std::max(0, m_topicProfile->findText(topicSel)));
    }
    m_diff->setProfiles(profiles + builtInTemplates());
    if (!select.isEmpty() && selectProfile(select))
        return;
    if (!selectProfile(m_originalName)) {
        m_originalName.clear();
        m_stack->setCurrentIndex(0);
        m_deleteButton->setEnabled(false);
    }
}

bool ProfilesPage::selectProfile(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c)
            if (group->child(c)->data(0, kNameRole).toString() == name) {
                if (m_list->currentItem() == group->child(c))
                    currentItemChanged();
                else
                    m_list->setCurrentItem(group->child(c));
                return true;
            }
    }
    return false;
}

void ProfilesPage::currentItemChanged()
{
    QTreeWidgetItem *item = m_list->currentItem();
    const QString name = item ? item->data(0, kNameRole).toString() : QString();
    if (name.isEmpty())
        return;
    if (m_dirty && name != m_originalName && storeCurrent()) {
        // Switching profiles keeps what was typed; the list is rebuilt in case the name changed.
        reloadList(name);
        return;
    }
    auto loaded = m_store.load(name);
    if (!loaded) {
        emit statusMessage(loaded.error().message);
        return;
    }
    showProfile(loaded.value());
}

void ProfilesPage::showProfile(const ConfigProfile &profile)
{
    m_loading = true;
    m_originalName = profile.name;
    m_liveContext.reset();
    ++m_liveGeneration;
    m_editor->setProfile(profile);
    m_dirty = false;
    m_dirtyLabel->setText(tr("Saved in %1").arg(QFileInfo(m_store.filePath(profile.name)).absolutePath()));
    m_dirtyLabel->setToolTip(m_dirtyLabel->text());
    m_stack->setCurrentIndex(1);
    m_deleteButton->setEnabled(true);
    m_checkRow->setVisible(profile.type == ProfileType::Producer);
    m_liveNote->setVisible(profile.type == ProfileType::Producer);
    m_loading = false;
    updateContext();
    updateLiveControls();
}

void ProfilesPage::updateContext()
{
    if (m_editor->profile().type != ProfileType::Producer) {
        m_editor->setContext({});
        return;
    }
    if (m_liveContext) {
        m_editor->setContext(*m_liveContext);
        return;
    }
    if (m_topicProfile->currentIndex() > 0) {
        auto topic = m_store.load(m_topicProfile->currentText());
        if (topic) {
            m_editor->setContext(LintContext::fromTopicProfile(topic.value()));
            return;
        }
    }
    m_editor->setContext({});
}

void ProfilesPage::updateLiveControls()
{
    const bool running = m_liveWatcher.isRunning();
    m_liveTopic->setEnabled(m_connection != nullptr);
    m_liveButton->setEnabled(m_connection != nullptr && !running && !m_liveTopic->text().trimmed().isEmpty());
    if (!m_connection)
        m_liveNote->setText(tr("Not connected: the live cross-check against a topic on the cluster is disabled. "
                               "Connect to a cluster, or pick a topic profile."));
    else if (running)
        m_liveNote->setText(tr("Reading the topic's configuration…"));
    else if (m_liveContext)
        m_liveNote->setText(tr("Checked against %1: replication factor %2, min.insync.replicas %3, unclean election %4.")
                                .arg(m_liveContext->topicSource)
                                .arg(m_liveContext->replicationFactor.value_or(0))
                                .arg(m_liveContext->minInsyncReplicas.value_or(1))
                                .arg(m_liveContext->uncleanElection.value_or(false) ? tr("on") : tr("off")));
    else if (m_liveNote->property("error").toString().isEmpty())
        m_liveNote->setText(tr("Enter a topic to check this producer against its live configuration."));
    else
        m_liveNote->setText(m_liveNote->property("error").toString());
}

void ProfilesPage::startLiveCheck()
{
    const QString topic = m_liveTopic->text().trimmed();
    if (!m_connection || topic.isEmpty() || m_liveWatcher.isRunning())
        return;
    const quint64 generation = ++m_liveGeneration;
    const ClusterApiFactory factory = m_connection->createApi;
    m_liveNote->setProperty("error", QString());
    m_liveWatcher.setFuture(QtConcurrent::run([factory, topic, generation] {
        LiveOutcome out;
        out.generation = generation;
        std::unique_ptr<ClusterApi> api = factory ? factory() : nullptr;
        if (!api) {
            out.error = KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("No cluster client available."));
            return out;
        }
        auto ctx = LiveCheck::topicContext(*api, topic);
        out.ok = ctx.ok();
        if (ctx)
            out.context = ctx.value();
        else
            out.error = ctx.error();
        return out;
    }));
    updateLiveControls();
}

void ProfilesPage::liveCheckFinished()
{
    const LiveOutcome out = m_liveWatcher.result();
    if (out.generation == m_liveGeneration) {
        if (out.ok) {
            m_liveContext = out.context;
            emit statusMessage(tr("Cross-checked '%1' against %2.").arg(m_editor->profile().name, out.context.topicSource));
        } else {
            m_liveContext.reset();
            m_liveNote->setProperty("error", tr("Live check failed: %1").arg(out.error.toString()));
            emit statusMessage(out.error.toString());
        }
        updateContext();
    }
    updateLiveControls();
}

void ProfilesPage::topicFixRequested(const ConfigFix &fix)
{
    if (m_liveContext || !fix.changesSomething()) {
        emit statusMessage(tr("This needs a change on the cluster: %1").arg(fix.label));
        return;
    }
    if (m_topicProfile->currentIndex() <= 0)
        return;
    auto topic = m_store.load(m_topicProfile->currentText());
    if (!topic) {
        emit statusMessage(topic.error().message);
        return;
    }
    const ConfigProfile fixed = ConfigLinter::applyFix(topic.value(), fix);
    if (const Status s = m_store.save(fixed); !s.ok()) {
        emit statusMessage(s.error().message);
        return;
    }
    emit statusMessage(tr("Topic profile '%1' updated: %2").arg(fixed.name, fix.label));
    updateContext();
}

bool ProfilesPage::save()
{
    if (!storeCurrent())
        return false;
    reloadList(m_originalName);
    return true;
}

bool ProfilesPage::storeCurrent()
{
    const ConfigProfile p = m_editor->profile();
    if (p.name.isEmpty()) {
        emit statusMessage(tr("A profile needs a name before it can be saved."));
        return false;
    }
    if (p.name != m_originalName && m_store.load(p.name).ok()) {
        emit statusMessage(tr("A profile named '%1' already exists; choose another name.").arg(p.name));
        return false;
    }
    if (const Status s = m_store.save(p); !s.ok()) {
        emit statusMessage(s.error().message);
        return false;
    }
    if (!m_originalName.isEmpty() && p.name != m_originalName
        && m_store.filePath(p.name) != m_store.filePath(m_originalName))
        m_store.remove(m_originalName);
    m_dirty = false;
    m_originalName = p.name;
    emit statusMessage(tr("Saved profile '%1'.").arg(p.name));
    return true;
}

QString ProfilesPage::uniqueName(const QString &base) const
{
    QString name = base;
    for (int i = 2; m_store.load(name).ok() || QFile::exists(m_store.filePath(name)); ++i)
        name = QStringLiteral("%1-%2").arg(base).arg(i);
    return name;
}

void ProfilesPage::createFromTemplate(const QString &templateName)
{
    for (ConfigProfile t : builtInTemplates()) {
        if (t.name != templateName)
            continue;
        if (m_dirty)
            storeCurrent();
        t.name = uniqueName(t.name);
        if (const Status s = m_store.save(t); !s.ok()) {
            emit statusMessage(s.error().message);
            return;
        }
        m_tabs->setCurrentIndex(0);
        reloadList(t.name);
        return;
    }
}

bool ProfilesPage::importFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        emit statusMessage(tr("Cannot read %1: %2").arg(path, f.errorString()));
        return false;
    }
    ProfileIo::Imported im = ProfileIo::import(QString::fromUtf8(f.readAll()), path, std::nullopt, std::nullopt);
    if (m_dirty)
        storeCurrent();
    im.profile.name = uniqueName(im.profile.name);
    if (const Status s = m_store.save(im.profile); !s.ok()) {
        emit statusMessage(s.error().message);
        return false;
    }
    reloadList(im.profile.name);
    m_tabs->setCurrentIndex(0);
    if (!im.issues.isEmpty()) {
        QStringList lines;
        for (const ParseIssue &i : im.issues)
            lines << tr("line %1: %2").arg(i.line).arg(i.message);
        emit statusMessage(tr("Imported '%1' as a %2 profile; left out: %3")
                               .arg(im.profile.name, profileTypeName(im.profile.type), lines.join(QStringLiteral("; "))));
    } else {
        emit statusMessage(tr("Imported '%1' as a %2 profile.").arg(im.profile.name, profileTypeName(im.profile.type)));
    }
    return true;
}

Status ProfilesPage::exportCurrent(const QString &path, ProfileIo::Format format)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return KafkaError::make(QStringLiteral("IO"), tr("Cannot write %1: %2").arg(path, f.errorString()));
    f.write(ProfileIo::exportProfile(m_editor->profile(), format).toUtf8());
    emit statusMessage(tr("Exported '%1' to %2.").arg(m_editor->profile().name, path));
    return Done{};
}

void ProfilesPage::importClicked()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import profile"), QString(),
                                                      tr("Kafka configuration (*.properties *.sh *.env *.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void ProfilesPage::exportClicked()
{
    const ConfigProfile &p = m_editor->profile();
    const bool jvm = p.type == ProfileType::Jvm;
    const QString suggested = p.name + (jvm ? QStringLiteral(".env") : QStringLiteral(".properties"));
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export profile"), suggested,
        jvm ? tr("kafka-server-start.sh environment (*.env *.sh);;Console profile (*.json)")
            : tr("Java properties (*.properties);;Console profile (*.json)"),
        &filter);
    if (path.isEmpty())
        return;
    const auto format = path.endsWith(QLatin1String(".json")) ? ProfileIo::Format::Json
                        : jvm                                   ? ProfileIo::Format::Env
                                                                : ProfileIo::Format::Properties;
    if (const Status s = exportCurrent(path, format); !s.ok())
        emit statusMessage(s.error().message);
}

void ProfilesPage::deleteCurrent()
{
    if (m_originalName.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete profile"),
                              tr("Delete the profile '%1'? Its file is removed; export it first to keep a copy.")
                                  .arg(m_originalName))
        != QMessageBox::Yes)
        return;
    if (const Status s = m_store.remove(m_originalName); !s.ok()) {
        emit statusMessage(s.error().message);
        return;
    }
    emit statusMessage(tr("Deleted profile '%1'.").arg(m_originalName));
    m_originalName.clear();
    m_dirty = false;
    reloadList();
}

} // namespace kops
