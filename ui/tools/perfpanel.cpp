#include "perfpanel.h"

#include "charts/partitionchart.h"
#include "democluster.h"
#include "models/perfmodels.h"
#include "profilestore.h"
#include "tooltable.h"
#include "widgets/statusbanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kops {

PerfPanel::PerfPanel(QWidget *parent) : QWidget(parent)
{
    m_pool.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    m_banner = new StatusBanner(this);
    m_banner->setObjectName(QStringLiteral("perfBanner"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *form = new QGridLayout;
    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("perfPreset"));
    m_preset->addItems({tr("Throughput"), tr("Retries without idempotence (demo: injected failures)"),
                        tr("Idempotent producer (demo: injected failures)")});
    m_partitions = new QLineEdit(QStringLiteral("1,2,4,8,16,32"), this);
    m_partitions->setObjectName(QStringLiteral("perfPartitions"));
    m_records = new QSpinBox(this);
    m_records->setObjectName(QStringLiteral("perfRecords"));
    m_records->setRange(1, 100'000'000);
    m_records->setValue(200000);
    m_records->setGroupSeparatorShown(true);
    m_size = new QSpinBox(this);
    m_size->setRange(1, 10 * 1024 * 1024);
    m_size->setValue(100);
    m_size->setSuffix(tr(" B"));
    m_sampleFile = new QLineEdit(this);
    m_sampleFile->setPlaceholderText(tr("random letters; or a file whose lines are sent"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Sample payloads"));
        if (!f.isEmpty())
            m_sampleFile->setText(f);
    });
    m_profile = new QComboBox(this);
    m_profile->setObjectName(QStringLiteral("perfProfile"));
    m_acks = new QComboBox(this);
    m_acks->addItems({QStringLiteral("all"), QStringLiteral("1"), QStringLiteral("0")});
    m_idempotence = new QCheckBox(tr("Idempotence"), this);
    m_compression = new QComboBox(this);
    m_compression->addItems({QStringLiteral("none"), QStringLiteral("lz4"), QStringLiteral("snappy"), QStringLiteral("zstd"),
                             QStringLiteral("gzip")});
    m_linger = new QSpinBox(this);
    m_linger->setRange(0, 60000);
    m_linger->setValue(5);
    m_linger->setSuffix(tr(" ms"));
    m_batchSize = new QSpinBox(this);
    m_batchSize->setRange(0, 64 * 1024 * 1024);
    m_batchSize->setSpecialValueText(tr("client default"));
    m_batchSize->setSuffix(tr(" B"));
    m_consumers = new QSpinBox(this);
    m_consumers->setRange(1, 64);

    int row = 0;
    auto put = [&](int col, const QString &label, QWidget *w, int span = 1) {
        form->addWidget(new QLabel(label, this), row, col);
        form->addWidget(w, row, col + 1, 1, span);
    };
    put(0, tr("Preset"), m_preset, 3);
    put(4, tr("Producer profile"), m_profile);
    ++row;
    put(0, tr("Partition counts"), m_partitions);
    put(2, tr("Records per count"), m_records);
    put(4, tr("Record size"), m_size);
    ++row;
    put(0, tr("acks"), m_acks);
    form->addWidget(m_idempotence, row, 2, 1, 2);
    put(4, tr("Compression"), m_compression);
    ++row;
    put(0, tr("linger.ms"), m_linger);
    put(2, tr("batch.size"), m_batchSize);
    put(4, tr("Consumers"), m_consumers);
    ++row;
    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sampleFile, 1);
    sampleRow->addWidget(browse);
    form->addWidget(new QLabel(tr("Payloads"), this), row, 0);
    form->addLayout(sampleRow, row, 1, 1, 5);
    for (int c : {1, 3, 5})
        form->setColumnStretch(c, 1);
    layout->addLayout(form);

    auto *actions = new QHBoxLayout;
    m_run = new QPushButton(tr("Run lab"), this);
    m_run->setObjectName(QStringLiteral("perfRun"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("perfCancel"));
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progressLabel = new QLabel(tr("Topics named kops-perf-… are created for the lab and deleted after it."), this);
    m_progressLabel->setObjectName(QStringLiteral("perfProgressLabel"));
    m_progressLabel->setWordWrap(true);
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_exportJson = new QPushButton(tr("Export JSON…"), this);
    actions->addWidget(m_run);
    actions->addWidget(m_cancel);
    actions->addWidget(m_progress, 1);
    actions->addWidget(m_exportCsv);
    actions->addWidget(m_exportJson);
    layout->addLayout(actions);
    layout->addWidget(m_progressLabel);

    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("perfVerdict"));
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    layout->addWidget(m_verdict);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_chart = new PartitionChart(split);
    m_model = new PerfPointModel(this);
    m_table = makeToolTable(split, m_model, QStringLiteral("perfTable"), PerfPointModel::SortRole, PerfPointModel::Partitions,
                            Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(PerfPointModel::Note, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setMaximumHeight(260);
    split->addWidget(m_chart);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this](int i) { applyPreset(PerfPreset(i)); });
    connect(m_run, &QPushButton::clicked, this, &PerfPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &PerfPanel::cancel);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportAsked(false); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { exportAsked(true); });
    updateButtons();
}

PerfPanel::~PerfPanel()
{
    if (m_control)
        m_control->cancel = true;
    m_pool.waitForDone();
}

void PerfPanel::setConnection(ConnectionContextPtr connection)
{
    if (m_control)
        m_control->cancel = true;
    m_connection = std::move(connection);
    ++m_generation;
    m_banner->hide();
    loadProfiles();
    // The demo's mock brokers keep about 5 MB per partition: a smaller default lab fits.
    if (m_connection && m_connection->demo && m_records->value() == 200000)
        m_records->setValue(20000);
    if (m_connection && m_connection->readOnly()) {
        m_banner->showMessage(StatusBanner::Kind::Info, tr("This connection is read-only: the lab creates topics and is refused."));
        m_banner->show();
    }
    updateButtons();
    if (!m_connection || m_connection->readOnly())
        return;
    // Topics of a lab that crashed or was killed: deleted at the next start.
    auto factory = m_connection->createApi;
    QPointer<PerfPanel> self(this);
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [self, watcher] {
        watcher->deleteLater();
        if (self && !watcher->result().isEmpty())
            emit self->statusMessage(tr("Deleted %n topic(s) left by an earlier throughput lab.", nullptr, int(watcher->result().size())));
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [factory] {
        auto api = factory();
        auto cleaned = PerfLab::cleanLeftovers(*api);
        return cleaned ? cleaned.value() : QStringList();
    }));
}

void PerfPanel::activated() {}

void PerfPanel::loadProfiles()
{
    m_profile->clear();
    m_profile->addItem(tr("(settings below)"));
    const ProfileStore store = m_connection && m_connection->demo ? ProfileStore(demo::DemoCluster::profilesPath()) : ProfileStore();
    for (const ConfigProfile &p : store.list())
        if (p.type == ProfileType::Producer)
            m_profile->addItem(p.name);
}

void PerfPanel::applyPreset(PerfPreset preset)
{
    const PerfSettings s = perfPreset(preset);
    QStringList counts;
    for (int c : s.partitionCounts)
        counts.append(QString::number(c));
    m_partitions->setText(counts.join(QLatin1Char(',')));
    m_records->setValue(int(s.records));
    m_size->setValue(s.recordSize);
    m_acks->setCurrentText(s.acks);
    m_idempotence->setChecked(s.idempotence);
    m_linger->setValue(s.lingerMs);
    m_batchSize->setValue(std::max(0, s.batchSize));
    m_presetSequenced = s.sequenced;
    m_presetInject = s.injectFailures;
    if (m_preset->currentIndex() != int(preset)) {
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(int(preset));
    }
}

Result<PerfSettings> PerfPanel::settings() const
{
    PerfSettings s = perfPreset(PerfPreset(m_preset->currentIndex()));
    auto counts = PerfSettings::parsePartitions(m_partitions->text());
    if (!counts)
        return counts.error();
    s.partitionCounts = counts.value();
    s.records = m_records->value();
    s.recordSize = m_size->value();
    s.acks = m_acks->currentText();
    s.idempotence = m_idempotence->isChecked();
    s.compression = m_compression->currentText();
    s.lingerMs = m_linger->value();
    s.batchSize = m_batchSize->value() > 0 ? m_batchSize->value() : -1;
    s.consumers = m_consumers->value();
    if (m_profile->currentIndex() > 0) {
        const ProfileStore store = m_connection && m_connection->demo ? ProfileStore(demo::DemoCluster::profilesPath()) : ProfileStore();
        auto p = store.load(m_profile->currentText());
        if (!p)
            return p.error();
        s.profileSettings = p.value().settings;
        s.profileName = p.value().name;
    }
    if (!m_sampleFile->text().trimmed().isEmpty()) {
        QFile f(m_sampleFile->text().trimmed());
        if (!f.open(QIODevice::ReadOnly))
            return KafkaError::make(QStringLiteral("_FS"), tr("Cannot read %1: %2").arg(f.fileName(), f.errorString()));
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                s.samples.append(line);
        if (s.samples.isEmpty())
            return KafkaError::make(QStringLiteral("_FS"), tr("%1 has no lines to send.").arg(f.fileName()));
        s.sampleFile = f.fileName();
    }
    return s;
}

void PerfPanel::start()
{
    auto s = settings();
    if (!s) {
        m_banner->showMessage(StatusBanner::Kind::Error, s.error().message);
        m_banner->show();
        return;
    }
    if (s.value().estimatedBytes() > PerfSettings::kConfirmBytes) {
        const auto answer = QMessageBox::question(
            this, tr("Write more than 1 GB?"),
            tr("The lab will write about %1 MB to the cluster (%2 partition counts × %3 records × %4 bytes), "
               "in temporary topics that are deleted afterwards. Go ahead?")
                .arg(QLocale().toString(s.value().estimatedBytes() / (1024 * 1024)))
                .arg(s.value().partitionCounts.size())
                .arg(QLocale().toString(s.value().records))
                .arg(s.value().recordSize));
        if (answer != QMessageBox::Yes)
            return;
    }
    startConfirmed();
}

void PerfPanel::startConfirmed()
{
    if (!m_connection || m_control)
        return;
    auto s = settings();
    if (!s) {
        m_banner->showMessage(StatusBanner::Kind::Error, s.error().message);
        m_banner->show();
        return;
    }
    if (m_connection->readOnly()) {
        m_banner->showMessage(StatusBanner::Kind::Error, tr("This connection is read-only: the lab creates topics and is refused."));
        m_banner->show();
        return;
    }
    PerfLab::InjectFn inject;
    if (s.value().injectFailures) {
        if (!m_connection->demo) {
            m_banner->showMessage(StatusBanner::Kind::Warning,
                                  tr("Failures can only be injected into the demo cluster; this preset runs without them here."));
            m_banner->show();
            s.value().injectFailures = false;
        } else {
            auto demo = m_connection->demo;
            const bool lostAcks = !s.value().idempotence;
            inject = [demo, lostAcks](const QString &, int) { demo->injectProduceFailures(lostAcks); };
        }
    }
    if (!s.value().injectFailures || m_connection->demo)
        m_banner->hide();
    m_model->clear();
    m_report.reset();
    m_verdict->clear();
    updateChart();
    m_control = std::make_shared<PerfLab::Control>();
    updateButtons();
    const quint64 generation = ++m_generation;
    auto factory = m_connection->createApi;
    auto control = m_control;
    const PerfSettings settings = s.value();
    QPointer<PerfPanel> self(this);
    auto post = [self, generation](auto fn) {
        QMetaObject::invokeMethod(self, [self, generation, fn] {
            if (self && self->m_generation == generation)
                fn(self.data());
        }, Qt::QueuedConnection);
    };
    QThreadPool::globalInstance(); // the lab runs on this panel's own one-thread pool
    auto *watcher = new QFutureWatcher<std::shared_ptr<const Result<PerfReport>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_generation)
            onFinished(*watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [factory, control, settings, inject, post] {
        auto api = factory();
        auto result = PerfLab::run(
            *api, settings, control.get(),
            [post](const PerfProgress &p) { post([p](PerfPanel *panel) { panel->onProgress(p); }); },
            [post](const PerfPoint &p) { post([p](PerfPanel *panel) { panel->onPoint(p); }); }, inject);
        return std::make_shared<const Result<PerfReport>>(std::move(result));
    }));
}

void PerfPanel::cancel()
{
    if (m_control) {
        m_control->cancel = true;
        m_progressLabel->setText(tr("Cancelling: deleting the lab's topic…"));
    }
}

void PerfPanel::onProgress(const PerfProgress &p)
{
    const double perCount = p.records > 0 ? double(p.produced + p.consumed) / double(2 * p.records) : 0;
    m_progress->setValue(int(1000.0 * (p.index + std::min(1.0, perCount)) / std::max(1, p.counts)));
    QString phase;
    switch (p.phase) {
    case PerfProgress::Phase::Creating: phase = tr("creating the topic"); break;
    case PerfProgress::Phase::Producing: phase = tr("producing"); break;
    case PerfProgress::Phase::Consuming: phase = tr("consuming"); break;
    case PerfProgress::Phase::Auditing: phase = tr("auditing the topic"); break;
    case PerfProgress::Phase::Deleting: phase = tr("deleting the topic"); break;
    }
    const QLocale l;
    m_progressLabel->setText(tr("%1 of %2: %3 partitions, %4 — %5 of %6 acknowledged, %7 consumed%8")
                                 .arg(p.index + 1)
                                 .arg(p.counts)
                                 .arg(p.partitions)
                                 .arg(phase, l.toString(p.produced), l.toString(p.records), l.toString(p.consumed),
                                      p.recordsPerSecond > 0 ? tr(", %1 records/s").arg(l.toString(qRound64(p.recordsPerSecond)))
                                                             : QString()));
}

void PerfPanel::onPoint(const PerfPoint &p)
{
    m_model->append(p);
    updateChart();
}

void PerfPanel::onFinished(const Result<PerfReport> &result)
{
    m_control.reset();
    updateButtons();
    if (!result) {
        m_progressLabel->setText(tr("The lab stopped."));
        m_banner->showMessage(StatusBanner::Kind::Error, result.error().message, result.error().details.join(QLatin1Char('\n')));
        m_banner->show();
        emit labFinished(false);
        return;
    }
    m_report = result.value();
    const PerfReport &r = *m_report;
    m_progress->setValue(r.cancelled ? m_progress->value() : 1000);
    QString text = r.verdict();
    if (r.settings.auditAfter) {
        qint64 dups = 0, breaks = 0;
        for (const PerfAuditSummary &a : r.audits)
            dups += a.duplicates, breaks += a.orderBreaks;
        text += QLatin1Char(' ')
                + (dups + breaks == 0 ? tr("Audit of the lab topic: no duplicates and no order breaks.")
                                      : tr("Audit of the lab topic: %1 duplicates and %2 order breaks.").arg(dups).arg(breaks));
    }
    if (r.settings.injectFailures)
        text += QLatin1Char('\n') + injectedFailuresNote(r.settings.idempotence);
    m_verdict->setText(text);
    m_model->setRecommended(r.recommendedIndex());
    updateChart();
    QString status = r.cancelled ? tr("Cancelled; the lab's topic was deleted.") : tr("Lab finished.");
    if (!r.keptTopics.isEmpty())
        status = tr("Lab finished; %n topic(s) not deleted: %1", nullptr, int(r.keptTopics.size())).arg(r.keptReason);
    m_progressLabel->setText(status);
    m_progressLabel->setToolTip(r.keptTopics.join(QLatin1Char('\n')));
    if (r.settings.auditAfter && !r.keptTopics.isEmpty())
        emit auditRequested(r.keptTopics.first(), QStringLiteral("json:$.id"), QStringLiteral("json:$.seq"));
    emit labFinished(!r.cancelled);
}

void PerfPanel::updateChart()
{
    QList<PartitionChart::Point> points;
    for (const PerfPoint &p : m_model->points())
        if (p.records > 0)
            points.append({p.partitions, p.produceRecordsPerSecond, p.consumeRecordsPerSecond, p.ackP99Ms, p.endToEndP99Ms});
    m_chart->setPoints(points);
    const int pick = smallestReaching(m_model->points());
    m_chart->setRecommended(pick >= 0 ? std::optional<int>(m_model->points().at(pick).partitions) : std::nullopt);
}

void PerfPanel::updateButtons()
{
    const bool running = m_control != nullptr;
    const bool canWrite = m_connection && !m_connection->readOnly();
    m_run->setEnabled(canWrite && !running);
    m_cancel->setEnabled(running);
    m_exportCsv->setEnabled(!running && m_report.has_value());
    m_exportJson->setEnabled(!running && m_report.has_value());
}

QString PerfPanel::verdictText() const
{
    return m_verdict->text();
}

QString PerfPanel::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->findChild<QLabel *>() ? m_banner->findChild<QLabel *>()->text() : QString() : QString();
}

Status PerfPanel::exportTo(const QString &path, bool json) const
{
    if (!m_report)
        return KafkaError::make(QStringLiteral("_STATE"), tr("Run the lab first."));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return KafkaError::make(QStringLiteral("_FS"), tr("Cannot write %1: %2").arg(path, f.errorString()));
    const QByteArray data = json ? QJsonDocument(m_report->toJson()).toJson() : m_report->toCsv().toUtf8();
    if (f.write(data) != data.size())
        return KafkaError::make(QStringLiteral("_FS"), tr("Cannot write %1: %2").arg(path, f.errorString()));
    return Done{};
}

void PerfPanel::exportAsked(bool json)
{
    const QString path = QFileDialog::getSaveFileName(this, json ? tr("Export JSON") : tr("Export CSV"),
                                                      json ? QStringLiteral("perf-lab.json") : QStringLiteral("perf-lab.csv"));
    if (path.isEmpty())
        return;
    if (auto done = exportTo(path, json); !done) {
        m_banner->showMessage(StatusBanner::Kind::Error, done.error().message);
        m_banner->show();
    } else {
        emit statusMessage(tr("Exported the lab to %1").arg(path));
    }
}

} // namespace kops
