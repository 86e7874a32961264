#include "deadletterspage.h"

#include "deadletterdetail.h"
#include "deadletterjson.h"
#include "deadlettermodel.h"
#include "models/keyedtablemodel.h"
#include "payloadviewer.h"
#include "requeuedialog.h"
#include "requeuejournal.h"
#include "widgets/statusbanner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QSettings>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kops {

/// What one browse works on; its reader and api are only touched on the pool's thread.
struct DeadLettersPage::Session
{
    ConnectionContextPtr connection;
    BrowseSelection selection;
    RecordFilter filter;
    bool unfiltered = true;
    QList<HeaderMappingRule> rules;
    std::atomic<bool> cancel{false};
    std::unique_ptr<ClusterApi> api;
    std::unique_ptr<DeadLetterReader> reader;
    ScanProgress progress;
    qint64 readingMs = 0; ///< time spent fetching, without the pauses between pages: the rate's denominator
};

namespace {

constexpr int kPageSize = 200;

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    return i;
}

/// Elides at the left: a class name's end ("...DeserializationException") says more than its package.
class ElideLeftDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideLeft;
    }
};

// Left to right: where the record is, when, and what the dead-letter headers say, before the rest.
constexpr DeadLetterModel::Column kVisualOrder[] = {
    DeadLetterModel::OffsetColumn,        DeadLetterModel::PartitionColumn,         DeadLetterModel::TimestampColumn,
    DeadLetterModel::ErrorClassColumn,    DeadLetterModel::OriginalTopicColumn,     DeadLetterModel::KeyColumn,
    DeadLetterModel::SizeColumn,          DeadLetterModel::OriginalPartitionColumn, DeadLetterModel::OriginalOffsetColumn,
    DeadLetterModel::ErrorMessageColumn};

} // namespace

DeadLettersPage::DeadLettersPage(QWidget *parent)
    : ConsolePage(parent), m_banner(new StatusBanner(this)), m_topic(new QComboBox(this)), m_partitions(new QLineEdit(this)),
      m_startMode(new QComboBox(this)), m_startValue(new QLineEdit(this)), m_keyFilter(new QLineEdit(this)),
      m_valueFilter(new QLineEdit(this)), m_regex(new QCheckBox(tr("Regular expressions"), this)),
      m_headerFilter(new QLineEdit(this)), m_errorClassFilter(new QLineEdit(this)), m_originalTopicFilter(new QLineEdit(this)),
      m_headerRule(new QLineEdit(this)),
      m_load(new QPushButton(tr("Load"), this)), m_more(new QPushButton(tr("More"), this)),
      m_scan(new QPushButton(tr("Scan to end"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_requeueSelected(new QPushButton(tr("Requeue selected…"), this)),
      m_requeueMatching(new QPushButton(tr("Requeue all matching…"), this)), m_export(new QPushButton(tr("Export…"), this)),
      m_status(new QLabel(this)), m_model(new DeadLetterModel(2000, 128LL * 1024 * 1024, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView(this)),
      m_detail(new DeadLetterDetail(this)), m_errorClasses(new QTableWidget(0, 2, this)), m_journal(new QTableWidget(0, 7, this)),
      m_resume(new QPushButton(tr("Resume selected requeue…"), this))
{
    m_pool.setMaxThreadCount(1);
    m_topic->setEditable(true);
    // Topic names run to 249 characters: the box keeps its width and the list shows them whole.
    m_topic->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_topic->setMinimumContentsLength(24);
    m_partitions->setPlaceholderText(tr("all"));
    m_startMode->addItems({tr("Oldest"), tr("Newest N"), tr("Offset"), tr("Time (UTC)")});
    m_startValue->setPlaceholderText(tr("N, offset or 2024-05-01T12:00:00"));
    m_keyFilter->setPlaceholderText(tr("key contains"));
    m_valueFilter->setPlaceholderText(tr("value contains"));
    m_headerFilter->setPlaceholderText(tr("header NAME=VALUE"));
    m_errorClassFilter->setPlaceholderText(tr("error class"));
    m_originalTopicFilter->setPlaceholderText(tr("original topic"));
    m_headerRule->setPlaceholderText(tr("in-house headers: topic=NAME,partition=NAME,error-class=NAME"));
    m_headerRule->setToolTip(tr("Fields: topic, partition, offset, timestamp, error-class, error-message"));
    m_banner->hide();

    auto *source = new QHBoxLayout;
    source->addWidget(new QLabel(tr("Topic"), this));
    source->addWidget(m_topic, 2);
    source->addWidget(new QLabel(tr("Partitions"), this));
    source->addWidget(m_partitions, 1);
    source->addWidget(new QLabel(tr("Start"), this));
    source->addWidget(m_startMode);
    source->addWidget(m_startValue, 1);
    source->addWidget(m_load);
    m_fromTimeFilter = new QLineEdit(this);
    m_fromTimeFilter->setObjectName(QStringLiteral("fromTimeFilter"));
    m_fromTimeFilter->setPlaceholderText(tr("from time (UTC)"));
    m_untilTimeFilter = new QLineEdit(this);
    m_untilTimeFilter->setObjectName(QStringLiteral("untilTimeFilter"));
    m_untilTimeFilter->setPlaceholderText(tr("until time (UTC)"));
    for (QLineEdit *e : {m_fromTimeFilter, m_untilTimeFilter}) {
        e->setToolTip(tr("Only records with a timestamp in this range: 2024-05-01T12:00:00 (UTC), a zone such as "
                         "+02:00, or epoch milliseconds"));
        connect(e, &QLineEdit::returnPressed, this, &DeadLettersPage::load);
    }
    auto *filters = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_keyFilter, m_valueFilter, m_headerFilter, m_errorClassFilter,
                                                        m_originalTopicFilter, m_fromTimeFilter, m_untilTimeFilter,
                                                        m_headerRule, m_regex})
        filters->addWidget(w, w == m_regex ? 0 : 1);
    auto *actions = new QHBoxLayout;
    m_status->setWordWrap(true); // a long status wraps instead of widening the page
    m_status->setText(tr("Not connected: connect to a cluster to browse its topics."));
    actions->addWidget(m_status, 1);
    for (QPushButton *b : {m_more, m_scan, m_cancel, m_requeueSelected, m_requeueMatching, m_export})
        actions->addWidget(b);

    // Sorting the window by any column on the raw values; the stream order comes back with the
    // header's sort indicator cleared (section -1).
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RawValueRole);
    m_table->setModel(m_proxy);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int v = 0; v < int(std::size(kVisualOrder)); ++v)
        m_table->horizontalHeader()->moveSection(m_table->horizontalHeader()->visualIndex(kVisualOrder[v]), v);
    m_table->setColumnWidth(DeadLetterModel::TimestampColumn, 190);
    m_table->setColumnWidth(DeadLetterModel::ErrorClassColumn, 220);
    m_table->setItemDelegateForColumn(DeadLetterModel::ErrorClassColumn, new ElideLeftDelegate(m_table));

    // Fixed minimum widths: whatever a record holds (a 20 KB stack trace line, a 10 MB value), neither
    // side of the splitter can demand more room, so the page never pushes the window wider.
    m_table->setMinimumWidth(320);
    m_detail->setMinimumWidth(240);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("tableDetailSplitter"));
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400});

    m_errorClasses->setHorizontalHeaderLabels({tr("Error class"), tr("Matches")});
    m_errorClasses->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_errorClasses->verticalHeader()->hide();
    m_journal->setHorizontalHeaderLabels({tr("Id"), tr("Created"), tr("Source"), tr("State"), tr("Requested"), tr("Sent"), tr("Failed")});
    m_journal->horizontalHeader()->setStretchLastSection(true);
    m_journal->verticalHeader()->hide();
    auto *bottom = new QTabWidget(this);
    bottom->addTab(m_errorClasses, tr("Error classes"));
    auto *journalTab = new QWidget(this);
    auto *journalLayout = new QVBoxLayout(journalTab);
    journalLayout->setContentsMargins(0, 0, 0, 0);
    journalLayout->addWidget(m_journal, 1);
    journalLayout->addWidget(m_resume, 0, Qt::AlignRight);
    m_journal->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_journal->setSelectionMode(QAbstractItemView::SingleSelection);
    bottom->addTab(journalTab, tr("Requeue journal"));
    auto *vsplit = new QSplitter(Qt::Vertical, this);
    vsplit->addWidget(split);
    vsplit->addWidget(bottom);
    vsplit->setStretchFactor(0, 4);
    vsplit->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(source);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(vsplit, 1);

    connect(m_load, &QPushButton::clicked, this, &DeadLettersPage::load);
    connect(m_more, &QPushButton::clicked, this, &DeadLettersPage::fetchMore);
    connect(m_scan, &QPushButton::clicked, this, &DeadLettersPage::scanToEnd);
    connect(m_cancel, &QPushButton::clicked, this, &DeadLettersPage::cancel);
    connect(m_requeueSelected, &QPushButton::clicked, this, [this] { openRequeue(true); });
    connect(m_requeueMatching, &QPushButton::clicked, this, [this] { openRequeue(false); });
    connect(m_journal, &QTableWidget::itemSelectionChanged, this, &DeadLettersPage::updateButtons);
    connect(m_resume, &QPushButton::clicked, this, [this] {
        const int row = m_journal->currentRow();
        if (row < 0 || !m_connection || m_connection->readOnly())
            return;
        RequeueDialog::Source resume;
        resume.resumeJournalId = m_journal->item(row, 0)->text().toLongLong();
        resume.selection.topic = m_journal->item(row, 2)->text();
        RequeueDialog dialog(m_connection, resume, this);
        dialog.exec();
        refreshJournal();
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const bool selected = m_table->selectionModel()->hasSelection();
        const QString path = QFileDialog::getSaveFileName(this, selected ? tr("Export selected records") : tr("Export matching records"),
                                                          QString(), tr("JSON Lines (*.jsonl)"));
        if (!path.isEmpty())
            exportTo(path, selected);
    });
    for (QLineEdit *e : {m_topic->lineEdit(), m_partitions, m_startValue, m_keyFilter, m_valueFilter, m_headerFilter,
                         m_errorClassFilter, m_originalTopicFilter, m_headerRule})
        connect(e, &QLineEdit::returnPressed, this, &DeadLettersPage::load);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRecord(current.isValid() ? m_proxy->mapToSource(current).row() : -1); });
    // A reset (a new browse: another topic, another filter) moves no current index, so says no
    // currentRowChanged: the detail must not keep showing a record the table no longer has.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showRecord(-1); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DeadLettersPage::updateButtons);
    // Pages are fetched on demand: reaching the bottom of the table asks for the next one.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_table->verticalScrollBar()->maximum() && !m_busy && !m_atEnd)
            fetchMore();
    });
    updateButtons();
}

DeadLettersPage::~DeadLettersPage()
{
    if (m_session)
        m_session->cancel = true;
    m_pool.waitForDone();
}

void DeadLettersPage::setConnection(ConnectionContextPtr connection)
{
    ++m_generation;
    if (m_session)
        m_session->cancel = true;
    m_session.reset();
    m_connection = std::move(connection);
    m_busy = false;
    m_atEnd = true;
    m_model->clear();
    m_progress = {};
    m_status->setText(m_connection ? tr("Choose a topic and press Load.")
                                   : tr("Not connected: connect to a cluster to browse its topics."));
    m_banner->hide();
    updateButtons();
    if (m_connection) {
        // In-house header rules belong to a cluster's applications: kept per connection.
        m_headerRule->setText(
            QSettings().value(QStringLiteral("deadLetters/headerRule/") + m_connection->profile.name).toString());
        loadTopics();
        refreshJournal();
    }
}

void DeadLettersPage::activated()
{
    if (m_connection)
        refreshJournal();
}

void DeadLettersPage::setTopic(const QString &topic)
{
    m_topic->setCurrentText(topic);
}

void DeadLettersPage::openRecord(const QString &topic, int partition, qint64 offset)
{
    setTopic(topic);
    m_partitions->setText(QString::number(partition));
    m_startMode->setCurrentIndex(2); // Offset
    m_startValue->setText(QString::number(offset));
    // The record asked for is the first of the page: show it.
    connect(this, &DeadLettersPage::pageLoaded, this, [this] {
        if (m_proxy->rowCount() > 0)
            m_table->selectRow(0);
    }, Qt::SingleShotConnection);
    load();
}

void DeadLettersPage::loadTopics()
{
    const quint64 generation = m_generation;
    QPointer<DeadLettersPage> self(this);
    ConnectionContextPtr connection = m_connection;
    m_pool.start([self, connection, generation] {
        auto md = connection->createApi()->metadata();
        if (!md)
            return;
        QStringList names;
        for (const TopicInfo &t : md.value().topics)
            names.append(t.name);
        names.sort();
        // Dead-letter topics first; with no topic chosen yet the first of them is offered.
        names = deadLetterTopicsFirst(names);
        QMetaObject::invokeMethod(self.data(), [self, names, generation] {
            if (!self || generation != self->m_generation)
                return;
            QString current = self->m_topic->currentText();
            if (current.isEmpty() && !names.isEmpty() && looksLikeDeadLetterTopic(names.first()))
                current = names.first();
            self->m_topic->clear();
            self->m_topic->addItems(names);
            self->m_topic->setCurrentText(current);
        }, Qt::QueuedConnection);
    });
}

BrowseSelection DeadLettersPage::selection() const
{
    BrowseSelection s;
    s.topic = m_topic->currentText().trimmed();
    for (const QString &p : m_partitions->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = p.trimmed().toInt(&ok);
        if (ok && n >= 0)
            s.partitions.append(n);
    }
    const QString v = m_startValue->text().trimmed();
    switch (m_startMode->currentIndex()) {
    case 1: s.start = {BrowseStart::Mode::NewestN, v.isEmpty() ? 100 : v.toLongLong()}; break;
    case 2: s.start = {BrowseStart::Mode::Offset, v.toLongLong()}; break;
    case 3: s.start = {BrowseStart::Mode::Time, parseRecordTime(v).value_or(0)}; break;
    default: s.start = {BrowseStart::Mode::Oldest, 0}; break;
    }
    return s;
}

RecordFilterSpec DeadLettersPage::filterSpec() const
{
    RecordFilterSpec f;
    const bool re = m_regex->isChecked();
    f.key = {m_keyFilter->text(), re};
    f.value = {m_valueFilter->text(), re};
    const QString h = m_headerFilter->text().trimmed();
    if (!h.isEmpty()) {
        const qsizetype eq = h.indexOf(QLatin1Char('='));
        f.headerName = eq < 0 ? h : h.left(eq);
        if (eq >= 0)
            f.headerValue = {h.mid(eq + 1), re};
    }
    f.errorClass = m_errorClassFilter->text().trimmed();
    f.originalTopic = m_originalTopicFilter->text().trimmed();
    if (!m_fromTimeFilter->text().trimmed().isEmpty())
        f.fromTimeMs = parseRecordTime(m_fromTimeFilter->text());
    if (!m_untilTimeFilter->text().trimmed().isEmpty())
        f.toTimeMs = parseRecordTime(m_untilTimeFilter->text());
    return f;
}

QList<HeaderMappingRule> DeadLettersPage::headerRules() const
{
    auto rule = parseHeaderMappingRule(m_headerRule->text());
    if (!rule || m_headerRule->text().trimmed().isEmpty())
        return {};
    return {rule.value()};
}

void DeadLettersPage::load()
{
    if (!m_connection)
        return;
    if (auto rule = parseHeaderMappingRule(m_headerRule->text()); !rule) {
        showError(rule.error());
        return;
    }
    QSettings().setValue(QStringLiteral("deadLetters/headerRule/") + m_connection->profile.name,
                         m_headerRule->text().trimmed());
    // Malformed numbers and times are named, never read as 0.
    const QString start = m_startValue->text().trimmed();
    bool numeric = false;
    start.toLongLong(&numeric);
    if ((m_startMode->currentIndex() == 1 && !start.isEmpty() && !numeric) || (m_startMode->currentIndex() == 2 && !numeric)) {
        showError(KafkaError::make(QStringLiteral("USAGE"), tr("'%1' is not a number of records or an offset.").arg(start)));
        return;
    }
    if (m_startMode->currentIndex() == 3 && !parseRecordTime(start)) {
        showError(KafkaError::make(QStringLiteral("USAGE"),
                                   tr("'%1' is not a time: use 2024-05-01T12:00:00 (UTC), a zone such as +02:00, "
                                      "or epoch milliseconds.")
                                       .arg(start)));
        return;
    }
    for (QLineEdit *edit : {m_fromTimeFilter, m_untilTimeFilter}) {
        if (!edit->text().trimmed().isEmpty() && !parseRecordTime(edit->text())) {
            showError(KafkaError::make(QStringLiteral("USAGE"),
                                       tr("'%1' is not a time: use 2024-05-01T12:00:00 (UTC), a zone such as +02:00, "
                                          "or epoch milliseconds.")
                                           .arg(edit->text().trimmed())));
            return;
        }
    }
    const BrowseSelection sel = selection();
    if (sel.topic.isEmpty()) {
        showError(KafkaError::make(QStringLiteral("USAGE"), tr("Choose a topic to browse.")));
        return;
    }
    RecordFilter filter(filterSpec());
    if (!filter.error().isEmpty()) {
        showError(KafkaError::make(QStringLiteral("USAGE"), filter.error()));
        return;
    }
    ++m_generation; // any page of the previous browse that still arrives is dropped
    if (m_session)
        m_session->cancel = true;
    m_session = std::make_shared<Session>();
    m_session->connection = m_connection;
    m_session->selection = sel;
    m_session->rules = headerRules();
    m_session->unfiltered = filter.spec().isEmpty();
    m_session->filter = std::move(filter);
    m_model->clear();
    m_progress = {};
    m_atEnd = false;
    m_banner->hide();
    startFetch(kPageSize);
}

void DeadLettersPage::fetchMore()
{
    if (m_session && !m_busy && !m_atEnd)
        startFetch(kPageSize);
}

void DeadLettersPage::scanToEnd()
{
    if (m_session && !m_busy && !m_atEnd)
        startFetch(-1);
}

void DeadLettersPage::cancel()
{
    if (m_session)
        m_session->cancel = true;
}

void DeadLettersPage::startFetch(qint64 wantMatches)
{
    m_busy = true;
    updateButtons();
    const quint64 generation = m_generation;
    QPointer<DeadLettersPage> self(this);
    std::shared_ptr<Session> session = m_session;
    session->cancel = false;
    m_pool.start([self, session, generation, wantMatches] {
        using Page = std::shared_ptr<const QList<DeadLetterRecord>>;
        QElapsedTimer reading; // this fetch; the pauses between pages are not reading
        reading.start();
        auto post = [&](QList<DeadLetterRecord> records, bool finished, std::optional<KafkaError> error) {
            Page page = std::make_shared<const QList<DeadLetterRecord>>(std::move(records));
            const qint64 readingMs = session->readingMs + reading.elapsed();
            session->progress.recordsPerSecond = double(session->progress.scanned) * 1000.0 / double(std::max<qint64>(1, readingMs));
            if (finished)
                session->readingMs = readingMs;
            const ScanProgress progress = session->progress;
            const bool atEnd = session->reader && session->reader->atEnd();
            QMetaObject::invokeMethod(self.data(), [self, generation, page, progress, atEnd, finished, error] {
                if (!self || generation != self->m_generation)
                    return; // a newer browse replaced this one
                const bool firstRows = self->m_model->rowCount() == 0 && !page->isEmpty();
                self->m_model->append(*page);
                if (firstRows)
                    self->fitColumns();
                self->m_progress = progress;
                self->m_atEnd = atEnd || error.has_value();
                if (finished)
                    self->m_busy = false;
                if (error)
                    self->showError(*error);
                self->m_errorClasses->setRowCount(0);
                for (auto it = progress.errorClassCounts.cbegin(); it != progress.errorClassCounts.cend(); ++it) {
                    const int row = self->m_errorClasses->rowCount();
                    self->m_errorClasses->insertRow(row);
                    self->m_errorClasses->setItem(row, 0, item(it.key().isEmpty() ? tr("(none)") : it.key()));
                    self->m_errorClasses->setItem(row, 1, item(QString::number(it.value())));
                }
                self->m_status->setText(self->statusText());
                self->updateButtons();
                if (finished) {
                    emit self->pageLoaded();
                    if (self->m_atEnd)
                        emit self->browseFinished();
                }
            }, Qt::QueuedConnection);
        };
        if (!session->reader) {
            session->api = session->connection->createApi();
            session->reader = std::make_unique<DeadLetterReader>(*session->api, session->selection,
                                                                 DeadLetterDecoder(session->rules));
            if (auto opened = session->reader->open(); !opened) {
                post({}, true, opened.error());
                return;
            }
            session->progress.total = session->reader->total();
        }
        QList<DeadLetterRecord> pending;
        qint64 found = 0;
        QElapsedTimer sincePost;
        sincePost.start();
        while (!session->reader->atEnd() && !session->cancel.load()) {
            // Unfiltered, a page asks for just what is wanted: the first rows show sooner.
            const int chunk = wantMatches < 0 || !session->unfiltered ? 2000 : int(std::clamp<qint64>(wantMatches - found, 1, 2000));
            // Records are tested where they lie; only matches are copied and decoded.
            const DeadLetterDecoder &decoder = session->reader->decoder();
            const bool decodeFirst = session->filter.needsDeadLetterInfo();
            auto page = session->reader->visit(chunk, 500, [&](const RecordView &v) {
                ++session->progress.scanned;
                DeadLetterInfo info;
                if (decodeFirst)
                    info = decoder.decode(v.headers());
                if (!session->filter.matches(v, info))
                    return;
                DeadLetterRecord r{v.toRecord(session->selection.topic), std::move(info)};
                if (!decodeFirst)
                    r.info = decoder.decode(r.record.headers);
                ++session->progress.matched;
                ++session->progress.errorClassCounts[r.info.errorClass];
                pending.append(std::move(r));
                ++found;
            });
            if (!page) {
                post(std::move(pending), true, page.error());
                return;
            }
            if (wantMatches >= 0 && found >= wantMatches)
                break;
            if (sincePost.elapsed() > 150) { // progress and rows while a long scan runs
                post(std::move(pending), false, std::nullopt);
                pending.clear();
                sincePost.restart();
            }
        }
        session->progress.cancelled = session->cancel.load();
        post(std::move(pending), true, std::nullopt);
    });
}

QString DeadLettersPage::statusText() const
{
    const QLocale locale;
    QString s = tr("%1 of %2 scanned match, %3 records/s")
                    .arg(locale.toString(m_progress.matched), locale.toString(m_progress.scanned),
                         locale.toString(qRound64(m_progress.recordsPerSecond)));
    if (m_progress.total > 0)
        s += tr(" (%1% of the selection)").arg(qMin<qint64>(100, m_progress.scanned * 100 / m_progress.total));
    if (m_model->droppedRows() > 0)
        s += tr("; showing the latest %1 rows").arg(m_model->rowCount());
    if (m_busy)
        s += tr(" — reading…");
    else if (m_progress.cancelled)
        s += tr(" — cancelled");
    else if (m_atEnd)
        s += tr(" — end of selection");
    return s;
}

PayloadViewer *DeadLettersPage::valueViewer() const
{
    return m_detail->valueViewer();
}

PayloadViewer *DeadLettersPage::keyViewer() const
{
    return m_detail->keyViewer();
}

QTableWidget *DeadLettersPage::headersTable() const
{
    return m_detail->headersTable();
}

void DeadLettersPage::showRecord(int row)
{
    if (row < 0 || row >= m_model->rowCount() || !m_session) {
        m_detail->clear();
        return;
    }
    m_detail->showRecord(m_model->record(row), DeadLetterDecoder(m_session->rules));
}

void DeadLettersPage::fitColumns()
{
    // Fit the columns to the first page once, then make sure the decoded error class and original
    // topic are in view: they share what the columns before them leave of the table's width.
    m_table->resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 260));
    int before = 0;
    for (DeadLetterModel::Column c : kVisualOrder) {
        if (c == DeadLetterModel::ErrorClassColumn)
            break;
        before += m_table->columnWidth(c);
    }
    // The vertical scroll bar may appear with the next rows: leave room for it now.
    const int width = m_table->maximumViewportSize().width() - m_table->verticalScrollBar()->sizeHint().width();
    const int left = width - before;
    const int errorClass = m_table->columnWidth(DeadLetterModel::ErrorClassColumn);
    const int topic = m_table->columnWidth(DeadLetterModel::OriginalTopicColumn);
    if (errorClass + topic > left) {
        const int half = std::max(80, left / 2);
        const int e = std::min(errorClass, std::max(half, left - topic));
        m_table->setColumnWidth(DeadLetterModel::ErrorClassColumn, e);
        m_table->setColumnWidth(DeadLetterModel::OriginalTopicColumn, std::max(80, std::min(topic, left - e)));
    }
}

void DeadLettersPage::showError(const KafkaError &e)
{
    m_banner->showMessage(StatusBanner::Kind::Error, e.message, e.details.join(QLatin1Char('\n')));
    m_banner->show();
    emit statusMessage(e.message);
}

void DeadLettersPage::updateButtons()
{
    const bool connected = m_connection != nullptr;
    const bool writable = connected && !m_connection->readOnly();
    m_load->setEnabled(connected);
    m_more->setEnabled(m_session && !m_busy && !m_atEnd);
    m_scan->setEnabled(m_session && !m_busy && !m_atEnd);
    m_cancel->setEnabled(m_busy);
    const bool selected = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    m_requeueSelected->setEnabled(writable && selected);
    m_requeueMatching->setEnabled(writable && m_session != nullptr);
    const QString why = connected && !writable ? tr("The connection is read-only.") : QString();
    m_requeueSelected->setToolTip(why);
    m_requeueMatching->setToolTip(why);
    m_export->setEnabled(m_session != nullptr);
    const int jrow = m_journal->currentRow();
    m_resume->setEnabled(writable && jrow >= 0 && m_journal->item(jrow, 3)
                         && m_journal->item(jrow, 3)->text() != QLatin1String("done"));
    m_resume->setToolTip(why);
}

void DeadLettersPage::openRequeue(bool selectedOnly)
{
    if (!m_connection || m_connection->readOnly() || !m_session)
        return;
    RequeueDialog::Source source;
    source.selection = m_session->selection;
    source.filter = m_session->filter.spec();
    source.headerRules = m_session->rules;
    if (selectedOnly) {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        for (const QModelIndex &i : rows) {
            const DeadLetterRecord &r = m_model->record(m_proxy->mapToSource(i).row());
            source.records.append({r.record.partition, r.record.offset});
        }
    }
    RequeueDialog dialog(m_connection, source, this);
    dialog.exec();
    refreshJournal();
}

void DeadLettersPage::refreshJournal()
{
    const quint64 generation = m_generation;
    QPointer<DeadLettersPage> self(this);
    m_pool.start([self, generation] {
        RequeueJournal journal;
        auto jobs = journal.list();
        QMetaObject::invokeMethod(self.data(), [self, generation, jobs] {
            if (!self || generation != self->m_generation)
                return;
            if (!jobs) {
                self->showError(jobs.error());
                return;
            }
            self->m_journal->setRowCount(0);
            for (const RequeueJob &j : jobs.value()) {
                const int row = self->m_journal->rowCount();
                self->m_journal->insertRow(row);
                const QStringList cells{QString::number(j.id), QDateTime::fromMSecsSinceEpoch(j.createdMs).toString(Qt::ISODate),
                                        j.sourceTopic, j.state, QString::number(j.requested), QString::number(j.sent),
                                        QString::number(j.failed)};
                for (int c = 0; c < cells.size(); ++c)
                    self->m_journal->setItem(row, c, item(cells.at(c)));
            }
            self->updateButtons();
            emit self->journalLoaded();
        }, Qt::QueuedConnection);
    });
}

void DeadLettersPage::exportTo(const QString &path, bool selectedOnly)
{
    if (!m_session)
        return;
    QPointer<DeadLettersPage> self(this);
    auto finish = [self](bool ok, const QString &error) {
        QMetaObject::invokeMethod(self.data(), [self, ok, error] {
            if (!self)
                return;
            if (!ok)
                self->showError(KafkaError::make(QStringLiteral("IO"), error));
            else
                emit self->statusMessage(tr("Export written."));
            emit self->exportFinished(ok);
        }, Qt::QueuedConnection);
    };
    if (selectedOnly) {
        auto records = std::make_shared<QList<DeadLetterRecord>>();
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            records->append(m_model->record(m_proxy->mapToSource(i).row()));
        std::sort(records->begin(), records->end(), [](const DeadLetterRecord &a, const DeadLetterRecord &b) {
            return std::pair(a.record.partition, a.record.offset) < std::pair(b.record.partition, b.record.offset);
        });
        m_pool.start([records, path, finish] {
            QSaveFile f(path);
            bool ok = f.open(QIODevice::WriteOnly);
            for (const DeadLetterRecord &r : *records)
                ok = ok && f.write(QJsonDocument(deadLetterToJson(r.record, r.info)).toJson(QJsonDocument::Compact) + '\n') > 0;
            ok = ok && f.commit();
            finish(ok, tr("Cannot write %1: %2").arg(path, f.errorString()));
        });
        return;
    }
    const ConnectionContextPtr connection = m_connection;
    const BrowseSelection sel = m_session->selection;
    const RecordFilterSpec spec = m_session->filter.spec();
    const QList<HeaderMappingRule> rules = m_session->rules;
    m_pool.start([connection, sel, spec, rules, path, finish] {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            finish(false, tr("Cannot write %1: %2").arg(path, f.errorString()));
            return;
        }
        auto api = connection->createApi();
        ScanOptions o;
        bool ok = true;
        o.onMatch = [&](const DeadLetterRecord &r) {
            ok = f.write(QJsonDocument(deadLetterToJson(r.record, r.info)).toJson(QJsonDocument::Compact) + '\n') > 0;
            return ok;
        };
        auto result = scanDeadLetters(*api, sel, RecordFilter(spec), o, DeadLetterDecoder(rules));
        if (!result) {
            finish(false, result.error().message);
            return;
        }
        finish(ok && f.commit(), tr("Cannot write %1: %2").arg(path, f.errorString()));
    });
}

} // namespace kops
