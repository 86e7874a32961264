#include "profileeditor.h"

#include "configkeys.h"
#include "jvmadvisor.h"
#include "jvmoptions.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kops {

namespace {

QString typeTitle(ProfileType t)
{
    switch (t) {
    case ProfileType::Producer: return QObject::tr("Producer");
    case ProfileType::Consumer: return QObject::tr("Consumer");
    case ProfileType::Topic: return QObject::tr("Topic");
    case ProfileType::Jvm: return QObject::tr("Broker JVM");
    }
    return {};
}

QColor severityColor(Severity s)
{
    switch (s) {
    case Severity::Error: return QColor(0xc6, 0x28, 0x28);
    case Severity::Warning: return QColor(0xb2, 0x6a, 0x00);
    case Severity::Info: return QColor(0x1e, 0x5a, 0x9c);
    }
    return {};
}

} // namespace

ProfileEditor::ProfileEditor(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *header = new QHBoxLayout;
    m_typeLabel = new QLabel(this);
    m_typeLabel->setObjectName(QStringLiteral("typeLabel"));
    QFont bold = m_typeLabel->font();
    bold.setBold(true);
    m_typeLabel->setFont(bold);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("profile name"));
    m_intent = new QComboBox(this);
    m_intent->setObjectName(QStringLiteral("intentCombo"));
    m_intent->addItem(tr("throughput (loss tolerated)"), int(ProfileIntent::Throughput));
    m_intent->addItem(tr("no-loss (e.g. payments)"), int(ProfileIntent::NoLoss));
    m_intent->addItem(tr("ordered (no loss, no duplicates, order per partition)"), int(ProfileIntent::Ordered));
    m_intent->setToolTip(tr("What the profile must guarantee; it decides how severe each finding is."));
    // The box keeps its width; the list shows the long descriptions whole.
    m_intent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_intent->setMinimumContentsLength(14);
    m_hostRamLabel = new QLabel(tr("Host RAM:"), this);
    m_hostRam = new QLineEdit(this);
    m_hostRam->setObjectName(QStringLiteral("hostRamEdit"));
    m_hostRam->setPlaceholderText(tr("e.g. 32G"));
    m_hostRam->setMaximumWidth(90);
    m_hostRam->setToolTip(tr("RAM of the broker host: needed to check the heap against the page cache."));
    header->addWidget(m_typeLabel);
    header->addWidget(m_name, 2);
    header->addWidget(new QLabel(tr("Intent:"), this));
    header->addWidget(m_intent, 1);
    header->addWidget(m_hostRamLabel);
    header->addWidget(m_hostRam);
    layout->addLayout(header);

    // Broker JVM: the options as kafka-server-start.sh reads them, to paste from a broker's
    // environment or `ps` and apply, or to copy.
    auto *jvmBox = new QGroupBox(tr("Command line (KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS)"), this);
    m_jvmBox = jvmBox;
    auto *jvmLayout = new QGridLayout(jvmBox);
    m_jvmText = new QPlainTextEdit(jvmBox);
    m_jvmText->setObjectName(QStringLiteral("jvmOptionsText"));
    m_jvmText->setPlaceholderText(tr("export KAFKA_HEAP_OPTS=\"-Xmx6G -Xms6G\"\n"
                                     "export KAFKA_JVM_PERFORMANCE_OPTS=\"-XX:+UseG1GC -XX:MaxGCPauseMillis=20\"\n"
                                     "or the options alone: -Xmx6G -Xms6G -XX:+UseG1GC"));
    m_jvmText->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_jvmText->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    // Two lines, as kafka-server-start.sh has them; longer text scrolls, the findings keep their room.
    m_jvmText->setFixedHeight(m_jvmText->fontMetrics().lineSpacing() * 2 + 2 * m_jvmText->frameWidth() + 8);
    m_jvmText->setToolTip(tr("Paste the lines a broker starts with (or edit these), then Apply: the profile's options "
                             "become exactly these."));
    auto *apply = new QPushButton(tr("Apply"), jvmBox);
    apply->setObjectName(QStringLiteral("jvmOptionsApply"));
    apply->setToolTip(tr("Replace the profile's JVM options with the ones in the text"));
    m_jvmIssues = new QLabel(jvmBox);
    m_jvmIssues->setObjectName(QStringLiteral("jvmOptionsIssues"));
    m_jvmIssues->setWordWrap(true);
    m_jvmIssues->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long option never widens the page
    m_jvmIssues->setStyleSheet(QStringLiteral("color: #b26a00;"));
    m_jvmIssues->hide();
    jvmLayout->addWidget(m_jvmText, 0, 0);
    jvmLayout->addWidget(apply, 0, 1, Qt::AlignTop);
    jvmLayout->addWidget(m_jvmIssues, 1, 0, 1, 2);
    jvmLayout->setColumnStretch(0, 1);
    layout->addWidget(jvmBox);
    jvmBox->hide();
    connect(apply, &QPushButton::clicked, this, &ProfileEditor::applyJvmCommandLine);

    auto *split = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, split);
    auto *formBox = new QGroupBox(tr("Important settings"), top);
    auto *formBoxLayout = new QVBoxLayout(formBox);
    auto *scroll = new QScrollArea(formBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_formHost = new QWidget(scroll);
    m_form = new QFormLayout(m_formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Kafka keys are long ("max.in.flight.requests.per.connection"): let such rows put the field below.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_formHost);
    formBoxLayout->addWidget(scroll);

    auto *tableBox = new QGroupBox(tr("All settings"), top);
    auto *tableLayout = new QVBoxLayout(tableBox);
    m_table = new QTableWidget(0, 2, tableBox);
    m_table->setObjectName(QStringLiteral("settingsTable"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    auto *tableButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add key"), tableBox);
    add->setObjectName(QStringLiteral("addKeyButton"));
    auto *remove = new QPushButton(tr("Remove key"), tableBox);
    remove->setObjectName(QStringLiteral("removeKeyButton"));
    tableButtons->addWidget(add);
    tableButtons->addWidget(remove);
    tableButtons->addStretch();
    tableLayout->addWidget(m_table);
    tableLayout->addLayout(tableButtons);
    top->addWidget(formBox);
    top->addWidget(tableBox);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 1);
    top->setSizes({500, 500});

    auto *findingsBox = new QGroupBox(tr("Findings"), split);
    auto *findingsLayout = new QVBoxLayout(findingsBox);
    m_summary = new QLabel(findingsBox);
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    m_summary->setWordWrap(true); // with the memory split it is a long line
    m_findingsTree = new QTreeWidget(findingsBox);
    m_findingsTree->setObjectName(QStringLiteral("findingsTree"));
    m_findingsTree->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Why"), tr("Fix")});
    m_findingsTree->setRootIsDecorated(false);
    m_findingsTree->setWordWrap(true);
    m_findingsTree->setUniformRowHeights(false);
    m_findingsTree->header()->setStretchLastSection(false);
    m_findingsTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_findingsTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_findingsTree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_findingsTree->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    findingsLayout->addWidget(m_summary);
    findingsLayout->addWidget(m_findingsTree, 1);
    // Wraps anywhere and scrolls: a finding naming a long option or key never widens the page.
    m_details = new QTextBrowser(findingsBox);
    m_details->setObjectName(QStringLiteral("findingDetails"));
    m_details->setOpenExternalLinks(true);
    m_details->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->viewport()->setAutoFillBackground(false);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 2 + 8);
    m_details->setMaximumHeight(m_details->fontMetrics().lineSpacing() * 4 + 8);
    findingsLayout->addWidget(m_details);
    connect(m_findingsTree, &QTreeWidget::currentItemChanged, this, [this] { showDetails(); });
    split->addWidget(top);
    split->addWidget(findingsBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        m_profile.name = t.trimmed();
        edited();
    });
    connect(m_intent, &QComboBox::currentIndexChanged, this, [this](int) {
        if (m_updating)
            return;
        m_profile.intent = ProfileIntent(m_intent->currentData().toInt());
        edited();
    });
    connect(m_hostRam, &QLineEdit::textEdited, this, [this](const QString &t) {
        m_profile.hostRam = t.trimmed();
        edited();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *) {
        if (m_updating)
            return;
        QMap<QString, QString> settings;
        for (int r = 0; r < m_table->rowCount(); ++r) {
            const QTableWidgetItem *k = m_table->item(r, 0);
            const QTableWidgetItem *v = m_table->item(r, 1);
            if (k && !k->text().trimmed().isEmpty())
                settings.insert(k->text().trimmed(), v ? v->text() : QString());
        }
        m_profile.settings = settings;
        edited();
        refreshForm();
        refreshJvmText();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        m_updating = true;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem);
        m_table->setItem(row, 1, new QTableWidgetItem);
        m_updating = false;
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        if (const QTableWidgetItem *k = m_table->item(row, 0))
            m_profile.settings.remove(k->text().trimmed());
        refreshTable();
        refreshForm();
        refreshJvmText();
        edited();
    });
}

void ProfileEditor::setProfile(const ConfigProfile &profile)
{
    const bool typeChanged = profile.type != m_profile.type || m_fields.isEmpty();
    m_profile = profile;
    m_updating = true;
    m_name->setText(profile.name);
    m_typeLabel->setText(typeTitle(profile.type) + QLatin1Char(':'));
    m_intent->setCurrentIndex(m_intent->findData(int(profile.intent)));
    const bool jvm = profile.type == ProfileType::Jvm;
    m_hostRamLabel->setVisible(jvm);
    m_hostRam->setVisible(jvm);
    m_hostRam->setText(profile.hostRam);
    m_jvmBox->setVisible(jvm);
    m_jvmIssues->hide();
    m_updating = false;
    if (typeChanged)
        buildForm();
    refreshForm();
    refreshTable();
    refreshJvmText(true);
    relint();
}

void ProfileEditor::setContext(const LintContext &context)
{
    m_context = context;
    relint();
}

void ProfileEditor::buildForm()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    for (const KeyInfo *k : ConfigKeys::important(m_profile.type)) {
        const QString key = k->name;
        const QString tip = ConfigKeys::describe(*k) + QStringLiteral("\n") + ConfigKeys::docUrl(m_profile.type, key);
        QWidget *field = nullptr;
        if (k->valueType == ValueType::Bool || k->valueType == ValueType::Enum) {
            auto *combo = new QComboBox(m_formHost);
            combo->addItem(k->defaultValue.isEmpty() ? tr("(not set)") : tr("(default: %1)").arg(k->defaultValue), QString());
            const QStringList values = k->valueType == ValueType::Bool
                                           ? QStringList{QStringLiteral("true"), QStringLiteral("false")}
                                           : k->enumValues;
            for (const QString &v : values)
                combo->addItem(v, v);
            connect(combo, &QComboBox::activated, this, [this, key, combo](int) {
                setSetting(key, combo->currentData().toString());
            });
            field = combo;
        } else {
            auto *edit = new QLineEdit(m_formHost);
            edit->setPlaceholderText(k->defaultValue.isEmpty() ? tr("not set") : tr("default: %1").arg(k->defaultValue));
            connect(edit, &QLineEdit::textEdited, this, [this, key](const QString &t) { setSetting(key, t.trimmed()); });
            field = edit;
        }
        field->setObjectName(QStringLiteral("field:") + key);
        field->setToolTip(tip);
        // Every field gets a unit column (empty for unit-less keys) so the fields line up.
        auto *row = new QWidget(m_formHost);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        field->setParent(row);
        h->addWidget(field, 1);
        auto *unit = new QLabel(k->unit, row);
        unit->setFixedWidth(unit->fontMetrics().horizontalAdvance(QStringLiteral("bytes")) + 6);
        h->addWidget(unit);
        auto *label = new QLabel(key, m_formHost);
        label->setToolTip(tip);
        m_form->addRow(label, row);
        // The form is rebuilt while visible: show now, not on the next event loop pass.
        label->show();
        row->show();
        m_fields.insert(key, field);
    }
}

void ProfileEditor::refreshForm()
{
    m_updating = true;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString value = m_profile.settings.value(it.key());
        if (auto *combo = qobject_cast<QComboBox *>(it.value())) {
            int index = combo->findData(value);
            if (index < 0) {
                // A value the form does not offer (a typo, a mixed-case one): show it as it is.
                combo->addItem(value, value);
                index = combo->count() - 1;
            }
            combo->setCurrentIndex(index);
        } else if (auto *edit = qobject_cast<QLineEdit *>(it.value())) {
            if (edit->text() != value)
                edit->setText(value);
        }
    }
    m_updating = false;
}

void ProfileEditor::refreshTable()
{
    m_updating = true;
    m_table->setRowCount(0);
    for (auto it = m_profile.settings.cbegin(); it != m_profile.settings.cend(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *k = new QTableWidgetItem(it.key());
        if (const KeyInfo *info = ConfigKeys::find(m_profile.type, it.key()))
            k->setToolTip(ConfigKeys::describe(*info));
        m_table->setItem(row, 0, k);
        m_table->setItem(row, 1, new QTableWidgetItem(it.value()));
    }
    m_updating = false;
}

void ProfileEditor::setSetting(const QString &key, const QString &value)
{
    if (m_updating)
        return;
    if (value.isEmpty())
        m_profile.settings.remove(key);
    else
        m_profile.settings.insert(key, value);
    refreshTable();
    refreshJvmText();
    edited();
}

void ProfileEditor::edited()
{
    if (m_updating)
        return;
    relint();
    emit profileEdited();
}

void ProfileEditor::relint()
{
    m_findings = ConfigLinter::lint(m_profile, m_context);
    m_findingsTree->clear();
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < m_findings.size(); ++i) {
        const LintFinding &f = m_findings[i];
        ++counts[int(f.severity)];
        auto *item = new QTreeWidgetItem(m_findingsTree);
        item->setText(0, severityName(f.severity));
        item->setForeground(0, severityColor(f.severity));
        item->setText(1, f.rule);
        item->setText(2, f.message);
        item->setToolTip(2, tr("%1\nKeys: %2\n%3").arg(f.message, f.keys.join(QStringLiteral(", ")), f.docUrl));
        item->setToolTip(1, f.docUrl);
        // Long labels ("Set -Xmx6G -Xms6G (and remove -Xmn10G ...)") are cut on the button, which would
        // otherwise take the Why column's room; the tooltip and the details below have them whole.
        auto *button = new QPushButton(m_findingsTree);
        button->setText(button->fontMetrics().elidedText(f.fix.label, Qt::ElideRight,
                                                         button->fontMetrics().averageCharWidth() * 30));
        button->setObjectName(QStringLiteral("applyFix:") + f.rule);
        button->setToolTip(tr("Apply: %1").arg(f.fix.label));
        const bool appliesHere = f.fix.target == m_profile.type || f.fix.target == ProfileType::Topic;
        button->setEnabled(f.fix.changesSomething() && appliesHere);
        if (!f.fix.changesSomething())
            button->setToolTip(tr("Run this yourself: %1").arg(f.fix.label));
        // Queued: applying the fix rebuilds this list, which deletes the button being clicked.
        connect(button, &QPushButton::clicked, this, [this, fix = f.fix] {
            QMetaObject::invokeMethod(this, [this, fix] { applyConfigFix(fix); }, Qt::QueuedConnection);
        });
        m_findingsTree->setItemWidget(item, 3, button);
    }
    if (!m_findings.isEmpty())
        m_findingsTree->setCurrentItem(m_findingsTree->topLevelItem(0));
    showDetails();
    if (m_findings.isEmpty())
        m_summary->setText(tr("No findings: this profile fits its intent (%1).").arg(profileIntentName(m_profile.intent)));
    else
        m_summary->setText(tr("%1 error(s), %2 warning(s), %3 info. Hover a rule for its documentation.")
                               .arg(counts[2])
                               .arg(counts[1])
                               .arg(counts[0]));
    if (m_profile.type == ProfileType::Jvm) {
        const auto ram = m_context.hostRam ? m_context.hostRam : parseMemorySize(m_profile.hostRam);
        const qint64 heap = parseJvmSize(m_profile.settings.value(QStringLiteral("-Xmx"))).value_or(1LL << 30);
        m_summary->setText(m_summary->text() + QLatin1Char(' ')
                           + (ram ? tr("Memory split: %1.").arg(memorySplit(*ram, heap).describe())
                                  : tr("Enter the host RAM to check the heap against the page cache.")));
    }
}

void ProfileEditor::showDetails()
{
    const int i = m_findingsTree->indexOfTopLevelItem(m_findingsTree->currentItem());
    if (i < 0 || i >= m_findings.size()) {
        m_details->clear();
        return;
    }
    const LintFinding &f = m_findings[i];
    m_details->setHtml(tr("<b>%1</b> (%2) &mdash; keys: %3<br>%4<br>Fix: %5 &nbsp; <a href=\"%6\">documentation</a>")
                           .arg(f.rule.toHtmlEscaped(), severityName(f.severity),
                                f.keys.join(QStringLiteral(", ")).toHtmlEscaped(), f.message.toHtmlEscaped(),
                                f.fix.label.toHtmlEscaped(), f.docUrl.toHtmlEscaped()));
}

void ProfileEditor::applyFix(int index)
{
    if (index < 0 || index >= m_findings.size())
        return;
    applyConfigFix(m_findings[index].fix);
}

void ProfileEditor::applyConfigFix(const ConfigFix &fix)
{
    if (fix.target != m_profile.type) {
        emit topicFixRequested(fix);
        return;
    }
    m_profile = ConfigLinter::applyFix(m_profile, fix);
    refreshForm();
    refreshTable();
    refreshJvmText();
    relint();
    emit profileEdited();
}

void ProfileEditor::refreshJvmText(bool force)
{
    if (m_profile.type != ProfileType::Jvm || (!force && m_jvmText->document()->isModified()))
        return;
    m_jvmText->setPlainText(JvmOptions::toEnv(m_profile.settings).trimmed());
    m_jvmText->document()->setModified(false);
}

void ProfileEditor::applyJvmCommandLine()
{
    if (m_profile.type != ProfileType::Jvm)
        return;
    const JvmOptions::Parsed parsed = JvmOptions::parse(m_jvmText->toPlainText());
    QStringList problems;
    for (const ParseIssue &i : parsed.issues)
        problems << tr("line %1: %2").arg(i.line).arg(i.message);
    if (parsed.settings.isEmpty()) {
        m_jvmIssues->setText(problems.isEmpty()
                                 ? tr("No JVM options in the text: paste KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS "
                                      "lines or options such as -Xmx6G.")
                                 : tr("Nothing applied: %1").arg(problems.join(QStringLiteral(" "))));
        m_jvmIssues->show();
        return;
    }
    m_profile.settings = parsed.settings;
    m_jvmIssues->setText(tr("Applied without: %1").arg(problems.join(QStringLiteral(" "))));
    m_jvmIssues->setVisible(!problems.isEmpty());
    refreshForm();
    refreshTable();
    refreshJvmText(true); // what the profile holds now, in the form kafka-server-start.sh reads
    relint();
    emit profileEdited();
}

} // namespace kops
