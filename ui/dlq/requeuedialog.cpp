#include "requeuedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kops {

RequeueDialog::RequeueDialog(ConnectionContextPtr connection, Source source, QWidget *parent)
    : QDialog(parent), m_connection(std::move(connection)), m_source(std::move(source)),
      m_control(std::make_shared<RequeueEngine::Control>()), m_target(new QComboBox(this)), m_targetTopic(new QLineEdit(this)),
      m_strip(new QCheckBox(tr("Remove the dead-letter headers"), this)),
      m_createTopics(new QCheckBox(tr("Create missing target topics with"), this)), m_createPartitions(new QSpinBox(this)),
      m_partitionPolicy(new QComboBox(this)),
      m_timestampPolicy(new QComboBox(this)), m_rate(new QSpinBox(this)), m_preview(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_progressText(new QLabel(this)), m_previewButton(new QPushButton(tr("Preview"), this)),
      m_executeButton(new QPushButton(tr("Requeue"), this)), m_pauseButton(new QPushButton(tr("Pause"), this)),
      m_cancelButton(new QPushButton(tr("Cancel requeue"), this)), m_closeButton(new QPushButton(tr("Close"), this))
{
    setWindowTitle(m_source.records.isEmpty() ? tr("Requeue every matching record of %1").arg(m_source.selection.topic)
                                              : tr("Requeue %n selected record(s) of %1", nullptr, int(m_source.records.size()))
                                                    .arg(m_source.selection.topic));
    if (m_source.resumeJournalId != 0)
        setWindowTitle(tr("Resume requeue %1").arg(m_source.resumeJournalId));
    m_pool.setMaxThreadCount(1);
    m_target->addItems({tr("Original topic (from the dead-letter headers)"), tr("This topic:")});
    m_targetTopic->setEnabled(false);
    m_partitionPolicy->addItems({tr("Original partition"), tr("By key (Java partitioner)"), tr("Producer default")});
    m_partitionPolicy->setCurrentIndex(2);
    m_timestampPolicy->addItems({tr("Original timestamp"), tr("Now")});
    m_createPartitions->setRange(0, 10000);
    m_createPartitions->setSpecialValueText(tr("as many partitions as the source"));
    m_createPartitions->setSuffix(tr(" partitions"));
    m_createPartitions->setEnabled(false);
    m_createTopics->setToolTip(tr("A target topic that does not exist is never created silently: the preview names it, "
                                  "and the requeue is refused unless this is ticked."));
    m_rate->setRange(0, 1000000);
    m_rate->setSpecialValueText(tr("unlimited"));
    m_rate->setSuffix(tr(" records/s"));
    m_preview->setWordWrap(true);
    m_preview->setText(tr("Preview first: nothing is written before you confirm."));
    m_progress->setVisible(false);
    m_executeButton->setEnabled(false);
    m_pauseButton->setEnabled(false);
    m_cancelButton->setEnabled(false);

    auto *form = new QFormLayout;
    auto *target = new QHBoxLayout;
    target->addWidget(m_target);
    target->addWidget(m_targetTopic, 1);
    form->addRow(tr("Target"), target);
    form->addRow(QString(), m_strip);
    auto *create = new QHBoxLayout;
    create->addWidget(m_createTopics);
    create->addWidget(m_createPartitions, 1);
    form->addRow(QString(), create);
    form->addRow(tr("Partition"), m_partitionPolicy);
    form->addRow(tr("Timestamp"), m_timestampPolicy);
    form->addRow(tr("Rate limit"), m_rate);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_executeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_pauseButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_progress);
    layout->addWidget(m_progressText);
    layout->addLayout(buttons);

    if (m_source.resumeJournalId != 0) {
        // The journal holds the spec and options: only the run itself is left to do.
        for (QWidget *w : std::initializer_list<QWidget *>{m_target, m_targetTopic, m_strip, m_createTopics, m_partitionPolicy,
                                                            m_timestampPolicy, m_rate, m_previewButton})
            w->setEnabled(false);
        m_preview->setText(tr("Continues requeue %1 with its journalled options; records already delivered "
                              "(journalled or found in the targets) are not sent again.").arg(m_source.resumeJournalId));
        m_executeButton->setText(tr("Resume"));
        m_executeButton->setEnabled(true);
    }
    connect(m_target, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_targetTopic->setEnabled(i == 1);
        invalidatePreview();
    });
    connect(m_targetTopic, &QLineEdit::textChanged, this, &RequeueDialog::invalidatePreview);
    connect(m_strip, &QCheckBox::toggled, this, &RequeueDialog::invalidatePreview);
    connect(m_createTopics, &QCheckBox::toggled, this, [this](bool on) {
        m_createPartitions->setEnabled(on);
        invalidatePreview();
    });
    connect(m_createPartitions, &QSpinBox::valueChanged, this, &RequeueDialog::invalidatePreview);
    connect(m_partitionPolicy, &QComboBox::currentIndexChanged, this, &RequeueDialog::invalidatePreview);
    connect(m_timestampPolicy, &QComboBox::currentIndexChanged, this, &RequeueDialog::invalidatePreview);
    connect(m_rate, &QSpinBox::valueChanged, this, &RequeueDialog::invalidatePreview);
    connect(m_previewButton, &QPushButton::clicked, this, &RequeueDialog::preview);
    connect(m_executeButton, &QPushButton::clicked, this, &RequeueDialog::execute);
    connect(m_pauseButton, &QPushButton::clicked, this, &RequeueDialog::togglePause);
    connect(m_cancelButton, &QPushButton::clicked, this, &RequeueDialog::cancelRun);
    connect(m_closeButton, &QPushButton::clicked, this, &RequeueDialog::reject);
}

RequeueDialog::~RequeueDialog()
{
    m_control->cancel = true; // the engine stops after its batch; the journal allows a resume
    m_pool.waitForDone();
}

RequeueOptions RequeueDialog::options() const
{
    RequeueOptions o;
    if (m_target->currentIndex() == 1) {
        o.target = RequeueOptions::Target::Topic;
        o.targetTopic = m_targetTopic->text().trimmed();
    }
    o.stripDeadLetterHeaders = m_strip->isChecked();
    o.partitionPolicy = RequeueOptions::PartitionPolicy(m_partitionPolicy->currentIndex());
    o.timestampPolicy = RequeueOptions::TimestampPolicy(m_timestampPolicy->currentIndex());
    o.ratePerSecond = m_rate->value();
    return o;
}

QString RequeueDialog::previewText() const
{
    return m_preview->text();
}

void RequeueDialog::invalidatePreview()
{
    if (m_running)
        return;
    ++m_generation;
    m_spec.reset();
    m_missingTopics.clear();
    m_executeButton->setEnabled(false);
    m_executeButton->setText(tr("Requeue"));
    m_preview->setText(tr("Options changed: preview again."));
}

void RequeueDialog::preview()
{
    const RequeueOptions o = options();
    if (o.target == RequeueOptions::Target::Topic && o.targetTopic.isEmpty()) {
        m_preview->setText(tr("Name the target topic."));
        return;
    }
    const quint64 generation = ++m_generation;
    m_previewButton->setEnabled(false);
    m_preview->setText(tr("Counting…"));
    QPointer<RequeueDialog> self(this);
    const ConnectionContextPtr connection = m_connection;
    const Source source = m_source;
    m_pool.start([self, connection, source, o, generation] {
        auto api = connection->createApi();
        Result<RequeueSpec> spec = KafkaError{};
        if (source.records.isEmpty()) {
            spec = RequeueSpec::resolve(*api, source.selection, source.filter, o, source.headerRules);
        } else {
            RequeueSpec s;
            s.sourceTopic = source.selection.topic;
            s.records = source.records;
            s.options = o;
            s.headerRules = source.headerRules;
            spec = s;
        }
        RequeueJournal journal;
        RequeueEngine engine(*api, journal);
        Result<RequeuePlan> plan = spec ? engine.plan(spec.value()) : Result<RequeuePlan>(spec.error());
        QMetaObject::invokeMethod(self.data(), [self, spec, plan, generation] {
            if (!self || generation != self->m_generation)
                return;
            self->m_previewButton->setEnabled(true);
            if (!plan) {
                self->m_preview->setText(tr("Cannot preview: %1").arg(plan.error().toString()));
                return;
            }
            const QLocale locale;
            const QStringList &missing = plan.value().missingTopics;
            const bool create = self->m_createTopics->isChecked();
            QStringList lines;
            qint64 ok = 0;
            for (auto it = plan.value().perTarget.cbegin(); it != plan.value().perTarget.cend(); ++it) {
                if (it.key().isEmpty()) {
                    lines.append(tr("%1 without an original topic: they will fail").arg(locale.toString(it.value())));
                } else if (missing.contains(it.key())) {
                    lines.append(create ? tr("%1 → %2 (does not exist: it will be created)").arg(locale.toString(it.value()), it.key())
                                        : tr("%1 → %2 (does not exist)").arg(locale.toString(it.value()), it.key()));
                    ok += it.value();
                } else {
                    lines.append(tr("%1 → %2").arg(locale.toString(it.value()), it.key()));
                    ok += it.value();
                }
            }
            QString text = tr("%1 of %2 scanned records match:\n%3")
                               .arg(locale.toString(plan.value().matched), locale.toString(plan.value().scanned),
                                    lines.join(QLatin1Char('\n')));
            if (!missing.isEmpty() && !create)
                text += tr("\nNothing is requeued while a target topic is missing: tick \"Create missing target topics\" "
                           "to create %1.").arg(missing.join(QStringLiteral(", ")));
            self->m_preview->setText(text);
            self->m_spec = spec.value();
            self->m_missingTopics = missing;
            if (!missing.isEmpty() && !create)
                ok = 0;
            self->m_executeButton->setEnabled(ok > 0);
            self->m_executeButton->setText(tr("Requeue %1 records").arg(locale.toString(ok)));
            emit self->previewReady();
        }, Qt::QueuedConnection);
    });
}

void RequeueDialog::execute()
{
    if ((!m_spec && m_source.resumeJournalId == 0) || m_running)
        return;
    if (m_connection->readOnly()) {
        m_preview->setText(tr("The connection is read-only: requeueing is refused."));
        return;
    }
    m_running = true;
    m_control->cancel = false;
    m_control->pause = false;
    for (QWidget *w : std::initializer_list<QWidget *>{m_target, m_targetTopic, m_strip, m_createTopics, m_createPartitions,
                                                        m_partitionPolicy, m_timestampPolicy, m_rate, m_previewButton,
                                                        m_executeButton, m_closeButton})
        w->setEnabled(false);
    m_pauseButton->setEnabled(true);
    m_cancelButton->setEnabled(true);
    m_progress->setVisible(true);
    m_progress->setRange(0, 0);
    QPointer<RequeueDialog> self(this);
    const ConnectionContextPtr connection = m_connection;
    const std::optional<RequeueSpec> spec = m_spec;
    const qint64 resumeId = m_source.resumeJournalId;
    const std::shared_ptr<RequeueEngine::Control> control = m_control;
    const QStringList create = m_createTopics->isChecked() ? m_missingTopics : QStringList();
    const int partitions = m_createPartitions->value();
    m_pool.start([self, connection, spec, resumeId, control, create, partitions] {
        auto api = connection->createApi();
        RequeueJournal journal;
        RequeueEngine engine(*api, journal);
        Status made = Done{};
        if (spec && !create.isEmpty())
            made = engine.createTopics(create, spec->sourceTopic, partitions);
        auto progress = [self](const RequeueProgress &p) {
            QMetaObject::invokeMethod(self.data(), [self, p] {
                if (self)
                    self->showProgress(p);
            }, Qt::QueuedConnection);
        };
        auto out = !made ? Result<RequeueOutcome>(made.error())
                   : resumeId != 0 ? engine.resume(resumeId, control.get(), progress)
                                   : engine.start(*spec, connection->profile.name, control.get(), progress);
        QMetaObject::invokeMethod(self.data(), [self, out] {
            if (!self)
                return;
            self->m_running = false;
            self->m_pauseButton->setEnabled(false);
            self->m_cancelButton->setEnabled(false);
            self->m_closeButton->setEnabled(true);
            self->m_progress->setRange(0, 1);
            self->m_progress->setValue(1);
            if (!out) {
                self->m_progressText->setText(tr("Requeue failed: %1").arg(out.error().toString()));
                emit self->finished(false);
                return;
            }
            self->m_outcome = out.value();
            const RequeueOutcome &o = out.value();
            QString text = tr("Requeue %1 %2: %3 sent, %4 already sent, %5 failed.")
                               .arg(o.journalId).arg(o.state).arg(o.progress.sent).arg(o.progress.alreadySent).arg(o.failed.size());
            if (o.state != QLatin1String("done"))
                text += tr(" Resume it with: kafka-ops dlq requeue --resume %1").arg(o.journalId);
            if (!o.detail.isEmpty())
                text += QLatin1Char('\n') + o.detail;
            for (int i = 0; i < std::min<qsizetype>(5, o.failed.size()); ++i)
                text += tr("\n%1/%2: %3").arg(o.failed.at(i).partition).arg(o.failed.at(i).offset).arg(o.failed.at(i).reason);
            self->m_progressText->setText(text);
            emit self->finished(o.state == QLatin1String("done"));
        }, Qt::QueuedConnection);
    });
}

void RequeueDialog::showProgress(const RequeueProgress &p)
{
    if (p.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(std::min<qint64>(1000, (p.sent + p.alreadySent + p.failed) * 1000 / std::max<qint64>(1, p.total))));
    }
    m_progressText->setText(tr("%1 sent, %2 already sent, %3 failed — %4 records/s%5")
                                .arg(p.sent).arg(p.alreadySent).arg(p.failed).arg(qRound64(p.recordsPerSecond))
                                .arg(m_control->pause ? tr(" (paused)") : QString()));
}

void RequeueDialog::togglePause()
{
    m_control->pause = !m_control->pause;
    m_pauseButton->setText(m_control->pause ? tr("Resume") : tr("Pause"));
}

void RequeueDialog::cancelRun()
{
    m_control->cancel = true;
    m_control->pause = false;
}

void RequeueDialog::reject()
{
    if (m_running)
        return; // cancel first: closing must not leave a requeue running unseen
    QDialog::reject();
}

} // namespace kops
