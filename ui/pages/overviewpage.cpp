#include "overviewpage.h"

#include "widgets/columnfit.h"

#include "models/clustermodels.h"

#include <QCheckBox>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace kops {

OverviewPage::OverviewPage(QWidget *parent) : ConsolePage(parent)
{
    auto *layout = new QVBoxLayout(this);

    auto *figures = new QFrame(this);
    m_figuresFrame = figures;
    figures->setObjectName(QStringLiteral("overviewFigures"));
    figures->setFrameShape(QFrame::StyledPanel);
    new QGridLayout(figures);
    layout->addWidget(figures);
    m_clusterId = addFigure(tr("Cluster id"));
    m_controller = addFigure(tr("Controller"));
    m_brokerCount = addFigure(tr("Brokers"));
    m_topicCount = addFigure(tr("Topics"));
    m_partitionCount = addFigure(tr("Partitions"));
    m_underReplicated = addFigure(tr("Under-replicated"));
    m_groupCount = addFigure(tr("Consumer groups"));
    auto *grid = static_cast<QGridLayout *>(figures->layout());
    for (int i = 0; i < m_figures.size(); ++i) {
        auto *caption = new QLabel(m_figures.at(i)->property("caption").toString(), figures);
        caption->setStyleSheet(QStringLiteral("color: palette(mid);"));
        grid->addWidget(caption, 0, i);
        grid->addWidget(m_figures.at(i), 1, i);
    }

    m_emptyState = new QLabel(tr("Not connected. Choose a connection in the toolbar and press Connect, or "
                                 "create one with Connections…"),
                              this);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setStyleSheet(QStringLiteral("color: palette(mid); font-size: 14px; padding: 40px;"));
    layout->addWidget(m_emptyState);

    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);

    m_brokers = new BrokersModel(this);
    m_brokerProxy = new TextFilterProxyModel(this);
    m_brokerProxy->setSourceModel(m_brokers);
    m_tabs->addTab(makeTable(m_brokerProxy), tr("Brokers"));

    auto *topicsTab = new QWidget(this);
    auto *topicsLayout = new QVBoxLayout(topicsTab);
    auto *topicTools = new QHBoxLayout;
    m_topicFilter = new QLineEdit(topicsTab);
    m_topicFilter->setObjectName(QStringLiteral("topicFilter"));
    m_topicFilter->setPlaceholderText(tr("Filter topics…"));
    m_topicFilter->setClearButtonEnabled(true);
    auto *internal = new QCheckBox(tr("Show internal topics"), topicsTab);
    topicTools->addWidget(m_topicFilter, 1);
    topicTools->addWidget(internal);
    topicsLayout->addLayout(topicTools);
    m_topics = new TopicsModel(this);
    m_topicProxy = new TextFilterProxyModel(this);
    m_topicProxy->setSourceModel(m_topics);
    auto *topicTable = makeTable(m_topicProxy);
    topicTable->setObjectName(QStringLiteral("topicsTable"));
    topicsLayout->addWidget(topicTable);
    m_tabs->addTab(topicsTab, tr("Topics"));
    connect(m_topicFilter, &QLineEdit::textChanged, m_topicProxy, &TextFilterProxyModel::setFilterText);
    // Internal topics (__consumer_offsets...) are hidden unless asked for.
    connect(internal, &QCheckBox::toggled, this, [this](bool on) {
        m_showInternal = on;
        if (m_hasData)
            showOverview(m_last);
    });

    auto *groupsTab = new QWidget(this);
    auto *groupsLayout = new QVBoxLayout(groupsTab);
    m_groupFilter = new QLineEdit(groupsTab);
    m_groupFilter->setPlaceholderText(tr("Filter consumer groups…"));
    m_groupFilter->setClearButtonEnabled(true);
    groupsLayout->addWidget(m_groupFilter);
    m_groupsNote = new QLabel(groupsTab);
    m_groupsNote->setWordWrap(true);
    m_groupsNote->setStyleSheet(QStringLiteral("color: #7a1010;"));
    m_groupsNote->hide();
    groupsLayout->addWidget(m_groupsNote);
    m_groups = new GroupsModel(this);
    m_groupProxy = new TextFilterProxyModel(this);
    m_groupProxy->setSourceModel(m_groups);
    groupsLayout->addWidget(makeTable(m_groupProxy));
    m_tabs->addTab(groupsTab, tr("Consumer groups"));
    connect(m_groupFilter, &QLineEdit::textChanged, m_groupProxy, &TextFilterProxyModel::setFilterText);

    m_tabs->setCurrentIndex(1);
    m_tabs->hide();
    figures->hide();
    m_emptyState->show();
}

QLabel *OverviewPage::addFigure(const QString &caption)
{
    auto *label = new QLabel(QStringLiteral("–"), this);
    label->setProperty("caption", caption);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    label->setFont(f);
    m_figures.append(label);
    return label;
}

QTableView *OverviewPage::makeTable(QAbstractItemModel *model)
{
    auto *view = new QTableView(this);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->sortByColumn(0, Qt::AscendingOrder);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    view->horizontalHeader()->resizeSection(0, 320);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    m_tables.append(view);
    return view;
}

void OverviewPage::setConnection(ConnectionContextPtr connection)
{
    if (!connection) {
        m_hasData = false;
        m_brokers->setRows({});
        m_topics->setRows({});
        m_groups->setRows({});
        m_tabs->hide();
        m_figuresFrame->hide();
        m_emptyState->setText(tr("Not connected. Choose a connection in the toolbar and press Connect, or "
                                 "create one with Connections…"));
        m_emptyState->show();
        return;
    }
    if (m_topics->rowCount() == 0) {
        m_emptyState->setText(tr("Connecting to %1…").arg(connection->profile.bootstrapServers));
        m_emptyState->show();
    }
}

void OverviewPage::showOverview(const ClusterOverview &overview)
{
    const ClusterMetadata &md = overview.metadata;
    const QLocale locale;
    m_clusterId->setText(md.clusterId.isEmpty() ? QStringLiteral("–") : md.clusterId);
    m_controller->setText(md.controllerId >= 0 ? tr("broker %1").arg(md.controllerId) : QStringLiteral("–"));
    m_brokerCount->setText(locale.toString(md.brokers.size()));
    m_topicCount->setText(locale.toString(md.topics.size()));
    m_partitionCount->setText(locale.toString(md.partitionCount()));
    const int under = md.underReplicatedCount();
    m_underReplicated->setText(locale.toString(under));
    m_underReplicated->setStyleSheet(under > 0 ? QStringLiteral("color: #b00000;") : QString());
    m_groupCount->setText(overview.groupsError.isEmpty() ? locale.toString(overview.groups.size()) : QStringLiteral("?"));

    m_brokers->setControllerId(md.controllerId);
    m_brokers->setRows(md.brokers);
    QList<TopicRow> topics;
    for (const TopicInfo &t : md.topics) {
        if (t.internal && !m_showInternal)
            continue;
        TopicRow row{t, std::nullopt};
        if (overview.messagesByTopic.contains(t.name))
            row.messages = overview.messagesByTopic.value(t.name);
        topics.append(row);
    }
    m_topics->setRows(topics);
    m_groups->setRows(overview.groups);
    if (overview.groupsError.isEmpty()) {
        m_groupsNote->hide();
    } else {
        m_groupsNote->setText(tr("Consumer groups could not be listed: %1").arg(overview.groupsError));
        m_groupsNote->show();
    }

    m_figuresFrame->show();
    m_tabs->show();
    m_emptyState->hide();
    if (!m_hasData) {
        // Fit columns once to the first data; afterwards the user's widths are kept.
        // The name column (topic, group, host) takes the spare width; figures fit their content.
        for (QTableView *view : std::as_const(m_tables))
            fitColumns(view, view->model() == m_brokerProxy ? int(BrokersModel::Host) : 0);
    }
    m_last = overview;
    m_hasData = true;
}

void OverviewPage::showFailure(const KafkaError &error)
{
    // Keep the last good data on screen; the window's banner says it is stale.
    if (m_topics->rowCount() == 0) {
        m_emptyState->setText(tr("No data: %1").arg(error.message));
        m_emptyState->show();
    }
}

QLineEdit *OverviewPage::filterField() const
{
    // The filter of the tab on screen: topics or groups.
    if (m_groupFilter && m_groupFilter->isVisibleTo(this) && m_groupFilter->parentWidget() == m_tabs->currentWidget())
        return m_groupFilter;
    return m_topicFilter;
}

} // namespace kops
