#include "auditpanel.h"

#include "deadletterreader.h"
#include "models/perfmodels.h"
#include "tooltable.h"
#include "widgets/statusbanner.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kops {

AuditPanel::AuditPanel(QWidget *parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    m_banner = new StatusBanner(this);
    m_banner->setObjectName(QStringLiteral("auditBanner"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *form = new QGridLayout;
    m_topic = new QComboBox(this);
    m_topic->setObjectName(QStringLiteral("auditTopic"));
    m_topic->setEditable(true);
    m_topic->setInsertPolicy(QComboBox::NoInsert);
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("auditId"));
    m_id->setPlaceholderText(tr("key and value bytes; or json:$.orderId, header:NAME"));
    m_seq = new QLineEdit(this);
    m_seq->setObjectName(QStringLiteral("auditSeq"));
    m_seq->setPlaceholderText(tr("none; or json:$.seq, header:NAME"));
    m_from = new QLineEdit(this);
    m_from->setPlaceholderText(tr("from the oldest (or 2026-11-28T08:00:00)"));
    m_until = new QLineEdit(this);
    m_until->setPlaceholderText(tr("to the end"));
    form->addWidget(new QLabel(tr("Topic"), this), 0, 0);
    form->addWidget(m_topic, 0, 1);
    form->addWidget(new QLabel(tr("Duplicate id"), this), 0, 2);
    form->addWidget(m_id, 0, 3);
    form->addWidget(new QLabel(tr("Sequence number"), this), 0, 4);
    form->addWidget(m_seq, 0, 5);
    form->addWidget(new QLabel(tr("From time (UTC)"), this), 1, 0);
    form->addWidget(m_from, 1, 1);
    form->addWidget(new QLabel(tr("Until time (UTC)"), this), 1, 2);
    form->addWidget(m_until, 1, 3);
    for (int c : {1, 3, 5})
        form->setColumnStretch(c, 1);
    layout->addLayout(form);

    auto *actions = new QHBoxLayout;
    m_run = new QPushButton(tr("Audit"), this);
    m_run->setObjectName(QStringLiteral("auditRun"));
    m_stop = new QPushButton(tr("Cancel"), this);
    m_export = new QPushButton(tr("Export JSON Lines…"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    actions->addWidget(m_run);
    actions->addWidget(m_stop);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_export);
    layout->addLayout(actions);
    m_status = new QLabel(tr("Duplicates: the same key and value bytes (or the same id). Order breaks: a sequence number that "
                             "goes down within a key (within a partition for null keys)."),
                          this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("auditSummary"));
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);

    m_model = new AuditFindingModel(this);
    m_table = makeToolTable(this, m_model, QStringLiteral("auditTable"), AuditFindingModel::SortRole, AuditFindingModel::Kind,
                            Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(AuditFindingModel::Detail, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, this, &AuditPanel::start);
    connect(m_stop, &QPushButton::clicked, this, &AuditPanel::cancel);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export findings"), QStringLiteral("audit.jsonl"));
        if (path.isEmpty())
            return;
        if (auto done = exportTo(path); !done) {
            m_banner->showMessage(StatusBanner::Kind::Error, done.error().message);
            m_banner->show();
        } else {
            emit statusMessage(tr("Exported the findings to %1").arg(path));
        }
    });
    auto *proxy = static_cast<QSortFilterProxyModel *>(m_table->model());
    connect(m_table, &QTableView::doubleClicked, this, [this, proxy](const QModelIndex &index) {
        if (!index.isValid() || !m_report)
            return;
        const AuditFinding &f = m_model->finding(proxy->mapToSource(index).row());
        emit openRecordRequested(m_report->topic, f.partition, f.offset);
    });
    updateButtons();
}

AuditPanel::~AuditPanel()
{
    if (m_cancel)
        *m_cancel = true;
    m_pool.waitForDone();
}

void AuditPanel::setConnection(ConnectionContextPtr connection)
{
    if (m_cancel)
        *m_cancel = true;
    m_connection = std::move(connection);
    ++m_generation;
    m_cancel.reset();
    m_banner->hide();
    updateButtons();
    if (m_connection)
        loadTopics();
}

void AuditPanel::activated()
{
    if (m_connection && m_topic->count() == 0)
        loadTopics();
}

void AuditPanel::loadTopics()
{
    auto factory = m_connection->createApi;
    const quint64 generation = m_generation;
    QPointer<AuditPanel> self(this);
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [self, watcher, generation] {
        watcher->deleteLater();
        if (!self || self->m_generation != generation)
            return;
        const QString current = self->m_topic->currentText();
        self->m_topic->clear();
        self->m_topic->addItems(watcher->result());
        if (!current.isEmpty()) {
            self->m_topic->setCurrentText(current);
        } else if (self->m_connection && self->m_connection->demo && self->m_id->text().isEmpty()) {
            // The demo's ledger holds prepared duplicates and order breaks.
            self->setRequest(QStringLiteral("payments.ledger"), QStringLiteral("json:$.entryId"), QStringLiteral("json:$.seq"), false);
        }
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [factory] {
        QStringList topics;
        auto api = factory();
        if (auto md = api->metadata())
            for (const TopicInfo &t : md.value().topics)
                if (!t.name.startsWith(QLatin1String("__")))
                    topics.append(t.name);
        topics.sort();
        return topics;
    }));
}

void AuditPanel::setRequest(const QString &topic, const QString &id, const QString &seq, bool startNow)
{
    m_topic->setCurrentText(topic);
    m_id->setText(id);
    m_seq->setText(seq);
    if (startNow)
        start();
}

Result<AuditSpec> AuditPanel::spec() const
{
    AuditSpec s;
    s.topic = m_topic->currentText().trimmed();
    if (s.topic.isEmpty())
        return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("Choose a topic to audit."));
    auto id = FieldSource::parse(m_id->text());
    if (!id)
        return id.error();
    auto seq = FieldSource::parse(m_seq->text());
    if (!seq)
        return seq.error();
    s.id = id.value();
    s.seq = seq.value();
    if (!m_from->text().trimmed().isEmpty()) {
        s.fromTimeMs = parseRecordTime(m_from->text().trimmed());
        if (!s.fromTimeMs)
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("'%1' is not a time (2026-11-28T08:00:00 or epoch ms).").arg(m_from->text()));
    }
    if (!m_until->text().trimmed().isEmpty()) {
        s.untilTimeMs = parseRecordTime(m_until->text().trimmed());
        if (!s.untilTimeMs)
            return KafkaError::make(QStringLiteral("_INVALID_ARG"), tr("'%1' is not a time (2026-11-28T08:00:00 or epoch ms).").arg(m_until->text()));
    }
    return s;
}

void AuditPanel::start()
{
    if (!m_connection || m_cancel)
        return;
    auto s = spec();
    if (!s) {
        m_banner->showMessage(StatusBanner::Kind::Error, s.error().message);
        m_banner->show();
        return;
    }
    m_banner->hide();
    m_report.reset();
    m_model->setFindings({});
    m_summary->clear();
    m_progress->setValue(0);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    updateButtons();
    const quint64 generation = ++m_generation;
    auto factory = m_connection->createApi;
    auto cancel = m_cancel;
    const AuditSpec spec = s.value();
    QPointer<AuditPanel> self(this);
    auto *watcher = new QFutureWatcher<std::shared_ptr<const Result<AuditReport>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            onFinished(*watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [factory, cancel, spec, self, generation] {
        auto api = factory();
        auto result = TopicAudit::run(*api, spec, cancel.get(), [self, generation](const AuditProgress &p) {
            QMetaObject::invokeMethod(self, [self, generation, p] {
                if (self && self->m_generation == generation)
                    self->onProgress(p);
            }, Qt::QueuedConnection);
        });
        return std::make_shared<const Result<AuditReport>>(std::move(result));
    }));
}

void AuditPanel::cancel()
{
    if (m_cancel)
        *m_cancel = true;
}

void AuditPanel::onProgress(const AuditProgress &p)
{
    const QLocale l;
    const double share = p.total > 0 ? double(p.scanned) / double(p.total) : 0;
    m_progress->setValue(int(1000.0 * ((p.pass - 1) + std::min(1.0, share)) / std::max(1, p.passes)));
    m_status->setText(tr("%1Scanned %2 of %3 records, %4 records/s — %5 duplicates, %6 order breaks, %7 keys in several partitions so far")
                          .arg(p.passes > 1 ? tr("Pass %1 of %2: ").arg(p.pass).arg(p.passes) : QString(), l.toString(p.scanned),
                               l.toString(p.total), l.toString(qRound64(p.recordsPerSecond)), l.toString(p.duplicates),
                               l.toString(p.orderBreaks), l.toString(p.keysInSeveralPartitions)));
}

void AuditPanel::onFinished(const Result<AuditReport> &result)
{
    m_cancel.reset();
    updateButtons();
    if (!result) {
        m_banner->showMessage(StatusBanner::Kind::Error, result.error().message, result.error().details.join(QLatin1Char('\n')));
        m_banner->show();
        m_status->setText(tr("The audit stopped."));
        emit auditFinished(false);
        return;
    }
    m_report = result.value();
    const AuditReport &r = *m_report;
    const QLocale l;
    m_progress->setValue(r.cancelled ? m_progress->value() : 1000);
    m_status->setText(tr("%1 %2 records of %3 in %4 s (%5 records/s%6).")
                          .arg(r.cancelled ? tr("Cancelled after") : tr("Scanned"), l.toString(r.scanned), r.topic,
                               l.toString(r.seconds, 'f', 1), l.toString(qRound64(r.recordsPerSecond)),
                               r.passes > 1 ? tr(", %1 passes to stay within %2 digests").arg(r.passes).arg(l.toString(AuditSpec::kDefaultDigestLimit))
                                            : QString()));
    QString summary = r.clean() ? tr("Clean: no duplicates, no order breaks, every key in one partition.")
                                : tr("%1 duplicates, %2 order breaks, %3 keys in more than one partition.")
                                      .arg(l.toString(r.duplicates), r.seqSource.isEmpty() ? tr("(no sequence number given:) no")
                                                                                           : l.toString(r.orderBreaks),
                                           l.toString(r.keysInSeveralPartitions));
    if (r.withoutId > 0)
        summary += QLatin1Char(' ') + tr("%1 records have no %2.").arg(l.toString(r.withoutId), r.idSource);
    if (r.withoutSequence > 0)
        summary += QLatin1Char(' ') + tr("%1 records have no %2.").arg(l.toString(r.withoutSequence), r.seqSource);
    if (!r.examples.isEmpty())
        summary += QLatin1Char(' ') + tr("Double-click an example to open the record in the Dead letters browser.");
    m_summary->setText(summary);
    m_model->setFindings(r.examples);
    updateButtons();
    emit auditFinished(!r.cancelled);
}

void AuditPanel::updateButtons()
{
    const bool running = m_cancel != nullptr;
    m_run->setEnabled(m_connection && !running);
    m_stop->setEnabled(running);
    m_export->setEnabled(!running && m_report && !m_report->examples.isEmpty());
}

QString AuditPanel::summaryText() const
{
    return m_summary->text();
}

Status AuditPanel::exportTo(const QString &path) const
{
    if (!m_report)
        return KafkaError::make(QStringLiteral("_STATE"), tr("Run the audit first."));
    QFile f(path);
    const QByteArray data = m_report->toJsonLines();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return KafkaError::make(QStringLiteral("_FS"), tr("Cannot write %1: %2").arg(path, f.errorString()));
    return Done{};
}

} // namespace kops
