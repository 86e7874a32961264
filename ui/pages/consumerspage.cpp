#include "consumerspage.h"

#include "charts/sparklinedelegate.h"
#include "groupdetailpanel.h"
#include "lagservice.h"
#include "models/lagmodels.h"
#include "widgets/columnfit.h"
#include "widgets/statusbanner.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kops {

/// Filters groups by name and, optionally, to those not OK; sorts on raw values.
class LagStatusProxyModel final : public QSortFilterProxyModel
{
public:
    explicit LagStatusProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
    {
        setSortRole(RawValueRole);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }
    void setText(const QString &text)
    {
        m_text = text;
        invalidateFilter();
    }
    void setProblemsOnly(bool on)
    {
        m_problemsOnly = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const auto *model = static_cast<const LagGroupsModel *>(sourceModel());
        const GroupLag &g = model->row(row);
        if (m_problemsOnly && g.status == HealthStatus::Ok)
            return false;
        return m_text.isEmpty() || g.groupId.contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
    bool m_problemsOnly = false;
};

ConsumersPage::ConsumersPage(QWidget *parent) : ConsolePage(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *tools = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter groups…"));
    m_filter->setClearButtonEnabled(true);
    m_problemsOnly = new QCheckBox(tr("Only groups not OK"), this);
    m_summary = new QLabel(this);
    // The summary can name a long reason (the commit stream's error): it takes the room there is,
    // never more than the window, and shows the whole text as its tooltip.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *settings = new QPushButton(tr("Thresholds && alerts…"), this);
    settings->setObjectName(QStringLiteral("lagSettingsButton"));
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_problemsOnly);
    tools->addWidget(m_summary, 2);
    tools->addWidget(settings);
    layout->addLayout(tools);
    m_banner = new StatusBanner(this);
    layout->addWidget(m_banner);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_groups = new LagGroupsModel(this);
    m_proxy = new LagStatusProxyModel(this);
    m_proxy->setSourceModel(m_groups);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("lagGroupsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(LagGroupsModel::Status, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->setItemDelegateForColumn(LagGroupsModel::Trend, new SparklineDelegate(TrendRole, m_view));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_detail = new GroupDetailPanel(split);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({260, 420});
    layout->addWidget(split, 1);

    m_visibleTimer = new QTimer(this);
    m_visibleTimer->setSingleShot(true);
    m_visibleTimer->setInterval(300);
    connect(m_visibleTimer, &QTimer::timeout, this, &ConsumersPage::publishVisibleGroups);
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, m_visibleTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_proxy->setText(t);
        m_visibleTimer->start();
    });
    connect(m_problemsOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_proxy->setProblemsOnly(on);
        m_visibleTimer->start();
    });
    connect(settings, &QPushButton::clicked, this, &ConsumersPage::settingsRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!current.isValid())
            return;
        const GroupLag &g = m_groups->row(m_proxy->mapToSource(current).row());
        m_detail->setGroup(g.groupId);
        if (m_last)
            m_detail->showLive(g, m_last->atMs);
    });
    connect(m_detail, &GroupDetailPanel::historyWanted, this, [this](const QString &group, qint64 from, qint64 to) {
        if (m_service)
            m_service->requestGroupHistory(group, from, to);
    });
    connect(m_detail, &GroupDetailPanel::replayRequested, this, &ConsumersPage::replayRequested);
    connect(m_detail, &GroupDetailPanel::replayFromOffsetsRequested, this, &ConsumersPage::replayFromOffsetsRequested);
}

void ConsumersPage::setConnection(ConnectionContextPtr connection)
{
    m_connection = std::move(connection);
    m_groups->setRows({});
    m_groups->setStaleBefore(0);
    m_last.reset();
    m_lastRoundMs = 0;
    m_failedAtMs = 0;
    m_summary->clear();
    m_banner->clear();
    m_fitted = false;
    m_detail->clear(m_connection ? tr("Select a consumer group to see its lag over time and its partitions.")
                                 : tr("Not connected."));
}

void ConsumersPage::setLagService(LagService *service)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    if (!service)
        return;
    connect(service, &LagService::groupHistoryAvailable, this,
            [this](const QString &group, const QList<GroupHistoryPoint> &points,
                   const GroupDetailPanel::SeriesByKey &byTopic, const GroupDetailPanel::SeriesByKey &byPartition) {
                if (group == m_detail->groupId())
                    m_detail->showHistory(points, byTopic, byPartition);
            });
    connect(service, &LagService::groupReconstructed, this, [this](const QString &group, const LagReconstructionPtr &r) {
        if (group == m_detail->groupId())
            m_detail->showReconstruction(r);
    });
    connect(service, &LagService::groupReconstructionFailed, this, [this](const QString &group, const KafkaError &error) {
        if (group == m_detail->groupId())
            m_detail->showReconstructionError(error);
    });
}

void ConsumersPage::showLag(const LagSnapshotPtr &snapshot)
{
    m_last = snapshot;
    if (snapshot->roundComplete) {
        m_lastRoundMs = snapshot->atMs;
        m_failedAtMs = 0;
        m_groups->setStaleBefore(0);
    }
    m_groups->setRows(snapshot->groups);
    if (!m_fitted && m_groups->rowCount() > 0) {
        fitColumns(m_view, LagGroupsModel::Group, 200);
        m_view->setColumnWidth(LagGroupsModel::Trend, 110);
        // Fitted to the first round's values ("1 s"), Drain cut a later "not draining" to
        // "not…ing": room for its longest word from the start (later rounds do not resize).
        const int drainText = m_view->fontMetrics().horizontalAdvance(
            QCoreApplication::translate("kops::Lag", "not draining") + QStringLiteral("  "));
        m_view->setColumnWidth(LagGroupsModel::Drain, std::max(m_view->columnWidth(LagGroupsModel::Drain), drainText));
        m_fitted = true;
        m_visibleTimer->start();
    }
    showSamplingState();
    if (const GroupLag *g = snapshot->group(m_detail->groupId()))
        m_detail->showLive(*g, snapshot->atMs);
}

void ConsumersPage::showFailure(const KafkaError &error)
{
    m_failedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_failure = error;
    // Whatever was not read again since the last complete round is now stale.
    m_groups->setStaleBefore(m_failedAtMs);
    showSamplingState();
    if (!m_last && m_detail->groupId().isEmpty())
        m_detail->clear(tr("Lag could not be sampled: %1").arg(error.message));
}

QString ConsumersPage::summaryText() const
{
    return m_summary->text();
}

// The summary says when the values were last read in full; a failed round turns it red
// and raises the banner, so frozen numbers are never mistaken for current ones.
void ConsumersPage::showSamplingState()
{
    const auto clock = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss")); };
    int problems = 0;
    const int groups = m_groups->rowCount();
    for (int r = 0; r < groups; ++r)
        problems += m_groups->row(r).status == HealthStatus::Ok ? 0 : 1;
    QString text = tr("%n group(s)", nullptr, groups) + (problems ? tr(", %n not OK", nullptr, problems) : QString());
    if (m_failedAtMs > 0)
        text += m_lastRoundMs > 0 ? tr(" · sampling failed %1 · last sampled %2").arg(clock(m_failedAtMs), clock(m_lastRoundMs))
                                  : tr(" · sampling failed %1").arg(clock(m_failedAtMs));
    else if (m_lastRoundMs > 0)
        text += tr(" · sampled %1").arg(clock(m_lastRoundMs));
    // Which source the offsets (and the "Last commit" column) come from.
    if (m_last && !m_last->offsetSource.isEmpty())
        text += tr(" · offsets from %1").arg(m_last->offsetSource);
    m_summary->setText(text);
    m_summary->setToolTip(text);
    m_summary->setStyleSheet(problems || m_failedAtMs ? QStringLiteral("color: #b00000; font-weight: bold;") : QString());

    if (m_failedAtMs == 0) {
        m_banner->clear();
        return;
    }
    const qint64 ageSeconds = (m_failedAtMs - m_lastRoundMs) / 1000;
    const QString shown = m_lastRoundMs > 0
                              ? tr(" The values shown are greyed out: they were read at %1 (%2 before this failure).")
                                    .arg(clock(m_lastRoundMs), formatDuration(double(ageSeconds)))
                              : QString();
    m_banner->showMessage(StatusBanner::Kind::Error,
                          tr("Lag sampling failed at %1: %2%3 Retrying at every interval.")
                              .arg(clock(m_failedAtMs), m_failure.message, shown),
                          m_failure.details.join(QLatin1Char('\n')));
}

void ConsumersPage::selectGroup(const QString &groupId)
{
    const int row = m_groups->rowOf(groupId);
    if (row < 0) {
        m_detail->setGroup(groupId);
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_groups->index(row, LagGroupsModel::Group));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

QString ConsumersPage::selectedGroup() const
{
    return m_detail->groupId();
}

void ConsumersPage::publishVisibleGroups()
{
    if (!m_service)
        return;
    // The rows on screen (and the selected group) are sampled first in each round.
    QStringList visible;
    const int first = std::max(0, m_view->rowAt(0));
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = std::min(m_proxy->rowCount() - 1, first + 60);
    if (!m_detail->groupId().isEmpty())
        visible << m_detail->groupId();
    for (int r = first; r <= last && r < m_proxy->rowCount(); ++r)
        visible << m_proxy->index(r, LagGroupsModel::Group).data(RawValueRole).toString();
    visible.removeDuplicates(); // the selected group is usually on screen too
    m_service->setPriorityGroups(visible);
}

} // namespace kops
