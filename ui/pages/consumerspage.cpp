#include "consumerspage.h"

#include "clusterservice.h"
#include "models/clustermodels.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace kops {

namespace {

QTableView *makeView(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    return view;
}

} // namespace

ConsumersPage::ConsumersPage(QWidget *parent) : ConsolePage(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(left);
    m_filter->setPlaceholderText(tr("Filter groups…"));
    m_filter->setClearButtonEnabled(true);
    leftLayout->addWidget(m_filter);
    m_groups = new GroupsModel(this);
    m_groupProxy = new TextFilterProxyModel(this);
    m_groupProxy->setSourceModel(m_groups);
    m_groupView = makeView(m_groupProxy, left);
    m_groupView->setObjectName(QStringLiteral("groupsView"));
    m_groupView->horizontalHeader()->resizeSection(0, 240);
    leftLayout->addWidget(m_groupView);
    connect(m_filter, &QLineEdit::textChanged, m_groupProxy, &TextFilterProxyModel::setFilterText);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_detailTitle = new QLabel(tr("Select a consumer group to see its partitions."), right);
    QFont f = m_detailTitle->font();
    f.setBold(true);
    m_detailTitle->setFont(f);
    m_detailTitle->setWordWrap(true);
    rightLayout->addWidget(m_detailTitle);
    m_detailNote = new QLabel(right);
    m_detailNote->setWordWrap(true);
    m_detailNote->hide();
    rightLayout->addWidget(m_detailNote);
    m_partitions = new GroupPartitionsModel(this);
    m_partitionProxy = new TextFilterProxyModel(this);
    m_partitionProxy->setSourceModel(m_partitions);
    m_partitionView = makeView(m_partitionProxy, right);
    m_partitionView->setObjectName(QStringLiteral("partitionsView"));
    m_partitionView->horizontalHeader()->resizeSection(0, 200);
    rightLayout->addWidget(m_partitionView);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({380, 900});

    connect(m_groupView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const QModelIndex source = m_groupProxy->mapToSource(current);
                selectGroup(m_groups->row(source.row()).groupId);
            });
}

void ConsumersPage::setConnection(ConnectionContextPtr connection)
{
    if (!connection) {
        m_groups->setRows({});
        m_partitions->setRows({});
        m_selectedGroup.clear();
        m_groupsFitted = false;
        m_partitionsFitted = false;
        m_detailTitle->setText(tr("Not connected."));
        m_detailNote->hide();
    }
}

void ConsumersPage::setService(ClusterService *service)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    if (!service)
        return;
    connect(service, &ClusterService::groupReportAvailable, this, &ConsumersPage::onGroupReport);
    connect(service, &ClusterService::groupReportFailed, this, &ConsumersPage::onGroupReportFailed);
}

void ConsumersPage::showGroups(const ClusterOverview &overview)
{
    m_groups->setRows(overview.groups);
    if (!m_groupsFitted && m_groups->rowCount() > 0) {
        m_groupView->resizeColumnsToContents();
        m_groupView->horizontalHeader()->resizeSection(0, std::clamp(m_groupView->columnWidth(0) + 16, 160, 320));
        m_groupsFitted = true;
    }
    if (!overview.groupsError.isEmpty() && m_selectedGroup.isEmpty()) {
        m_detailTitle->setText(tr("Consumer groups could not be listed."));
        m_detailNote->setText(overview.groupsError);
        m_detailNote->show();
    }
    // Keep the open group's partitions current with each refresh.
    if (!m_selectedGroup.isEmpty() && m_service && isVisible())
        m_service->fetchGroupReport(m_selectedGroup);
}

void ConsumersPage::activated()
{
    if (!m_selectedGroup.isEmpty() && m_service)
        m_service->fetchGroupReport(m_selectedGroup);
}

void ConsumersPage::selectGroup(const QString &groupId)
{
    if (groupId != m_selectedGroup)
        m_partitions->setRows({});
    m_selectedGroup = groupId;
    m_detailTitle->setText(tr("%1 — loading…").arg(groupId));
    if (m_service)
        m_service->fetchGroupReport(groupId);
}

void ConsumersPage::onGroupReport(const GroupReport &report)
{
    if (report.groupId != m_selectedGroup)
        return;
    const QLocale locale;
    m_detailTitle->setText(tr("%1 — %2, %n member(s), total lag %3", nullptr, int(report.members.size()))
                               .arg(report.groupId, report.state, locale.toString(report.totalLag())));
    int noCommit = 0;
    int negative = 0;
    for (const GroupPartitionRow &r : report.rows) {
        noCommit += r.committed ? 0 : 1;
        negative += (r.lag && *r.lag < 0) ? 1 : 0;
    }
    QStringList notes;
    if (report.rows.isEmpty())
        notes << tr("The group has no committed offsets and no assigned partitions.");
    if (noCommit > 0)
        notes << tr("%n partition(s) have no committed offset yet.", nullptr, noCommit);
    if (negative > 0)
        notes << tr("%n partition(s) have a committed offset beyond the log end (truncated log).", nullptr, negative);
    m_detailNote->setText(notes.join(QLatin1Char(' ')));
    m_detailNote->setVisible(!notes.isEmpty());
    m_detailNote->setStyleSheet(negative > 0 ? QStringLiteral("color: #b00000;") : QString());
    m_partitions->setRows(report.rows);
    if (!m_partitionsFitted && m_partitions->rowCount() > 0) {
        m_partitionView->resizeColumnsToContents();
        m_partitionView->horizontalHeader()->resizeSection(0, std::clamp(m_partitionView->columnWidth(0) + 16, 140, 360));
        m_partitionsFitted = true;
    }
}

void ConsumersPage::onGroupReportFailed(const QString &groupId, const KafkaError &error)
{
    if (groupId != m_selectedGroup)
        return;
    m_detailTitle->setText(tr("%1 — could not be described").arg(groupId));
    m_detailNote->setText(error.toString());
    m_detailNote->setStyleSheet(QStringLiteral("color: #b00000;"));
    m_detailNote->show();
    emit statusMessage(error.toString());
}

} // namespace kops
