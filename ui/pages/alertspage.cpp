#include "alertspage.h"

#include "lagservice.h"
#include "models/lagmodels.h"
#include "widgets/columnfit.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kops {

/// Filters alerts on group, topic, status, state and reason; sorts on raw values.
class AlertsFilterProxyModel final : public QSortFilterProxyModel
{
public:
    explicit AlertsFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
    {
        setSortRole(RawValueRole);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }
    void setText(const QString &text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_text.isEmpty())
            return true;
        for (const int column : {AlertsModel::Group, AlertsModel::Topic, AlertsModel::Status, AlertsModel::State,
                                 AlertsModel::Reason})
            if (sourceModel()->index(row, column, parent).data().toString().contains(m_text, Qt::CaseInsensitive))
                return true;
        return false;
    }

private:
    QString m_text;
};

namespace {

QString emptyText()
{
    return AlertsPage::tr("No alerts. An alert is raised once per incident when a group leaves OK "
                          "(WARN, ERR, STOP, STALL, REWIND) or crosses a threshold.");
}

bool isOpen(const Alert &a)
{
    return !a.acknowledged && !a.resolvedAt.isValid();
}

} // namespace

AlertsPage::AlertsPage(QWidget *parent) : ConsolePage(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *tools = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("alertsFilter"));
    m_filter->setPlaceholderText(tr("Filter by group, topic, status or reason…"));
    m_filter->setClearButtonEnabled(true);
    m_hideHandled = new QCheckBox(tr("Hide acknowledged and resolved"), this);
    m_ack = new QPushButton(tr("Acknowledge"), this);
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_ack->setEnabled(false);
    m_ackAll = new QPushButton(tr("Acknowledge all shown"), this);
    m_ackAll->setObjectName(QStringLiteral("acknowledgeAllButton"));
    m_ackAll->setEnabled(false);
    tools->addWidget(m_filter, 1);
    tools->addWidget(m_hideHandled);
    tools->addWidget(m_ack);
    tools->addWidget(m_ackAll);
    layout->addLayout(tools);

    m_newBar = new QPushButton(this);
    m_newBar->setObjectName(QStringLiteral("newAlertsBar"));
    m_newBar->setStyleSheet(QStringLiteral("QPushButton { background: #fff4d6; border: 1px solid #dba400; "
                                           "padding: 5px; font-weight: bold; }"));
    m_newBar->hide();
    layout->addWidget(m_newBar);

    m_empty = new QLabel(emptyText(), this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid); padding: 30px;"));
    layout->addWidget(m_empty);
    m_model = new AlertsModel(this);
    m_proxy = new AlertsFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertsModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateButtons();
    });
    connect(m_hideHandled, &QCheckBox::toggled, this, &AlertsPage::applyRows);
    connect(m_newBar, &QPushButton::clicked, this, &AlertsPage::revealNewAlerts);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateButtons);
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (m_service)
            m_service->acknowledgeAlerts(shownUnacknowledged(true));
        m_ack->setEnabled(false);
    });
    connect(m_ackAll, &QPushButton::clicked, this, [this] {
        if (m_service)
            m_service->acknowledgeAlerts(shownUnacknowledged(false));
        m_ackAll->setEnabled(false);
    });
}

void AlertsPage::setConnection(ConnectionContextPtr connection)
{
    m_all.clear();
    m_revealed.clear();
    m_pending.clear();
    m_model->setRows({});
    m_newBar->hide();
    m_empty->setText(connection ? emptyText() : tr("Not connected."));
    m_empty->show();
    updateButtons();
    emit openCountChanged(0);
}

void AlertsPage::activated()
{
    revealNewAlerts();
    if (m_service)
        m_service->requestAlerts();
}

void AlertsPage::setLagService(LagService *service)
{
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    if (!service)
        return;
    connect(service, &LagService::alertsListed, this, &AlertsPage::showAlerts);
    connect(service, &LagService::alertsRaised, this, [this] {
        if (m_service)
            m_service->requestAlerts();
    });
    service->requestAlerts();
}

void AlertsPage::showAlerts(const QList<Alert> &alerts)
{
    m_all = alerts;
    // Off screen (or nothing shown yet) nothing can move under the pointer: show everything.
    const bool hold = isVisible() && m_model->rowCount() > 0;
    m_pending.clear();
    for (const Alert &a : alerts) {
        if (m_revealed.contains(a.id))
            continue;
        if (hold)
            m_pending.insert(a.id);
        else
            m_revealed.insert(a.id);
    }
    applyRows();
    emit openCountChanged(openCount());
}

void AlertsPage::revealNewAlerts()
{
    if (m_pending.isEmpty())
        return;
    m_revealed.unite(m_pending);
    m_pending.clear();
    applyRows();
}

void AlertsPage::applyRows()
{
    QList<Alert> shown;
    for (const Alert &a : std::as_const(m_all))
        if (m_revealed.contains(a.id) && (!m_hideHandled->isChecked() || isOpen(a)))
            shown.append(a);
    const bool first = m_model->rowCount() == 0;
    m_model->setRows(shown);
    m_empty->setVisible(m_all.isEmpty());
    if (m_all.isEmpty())
        m_empty->setText(emptyText());
    if (m_pending.isEmpty()) {
        m_newBar->hide();
    } else {
        const int n = int(m_pending.size());
        m_newBar->setText(n == 1 ? tr("1 new alert — click to show it")
                                 : tr("%1 new alerts — click to show them").arg(n));
        m_newBar->show();
    }
    if (first && !shown.isEmpty()) {
        // Fit once, to the content (long names elide); Reason, the most telling, takes the
        // rest.
        fitColumns(m_view, AlertsModel::Reason, 230);
    } else if (!shown.isEmpty()) {
        // Rows shown later (on a click, never under the pointer) may hold longer names:
        // "payments" must not become "pa…ts" while Reason has room to give.
        widenColumns(m_view, AlertsModel::Reason, 230);
    }
    updateButtons();
}

QList<qint64> AlertsPage::shownUnacknowledged(bool selectedOnly) const
{
    QList<qint64> ids;
    const QModelIndexList rows = selectedOnly ? m_view->selectionModel()->selectedRows() : QModelIndexList{};
    const int count = selectedOnly ? int(rows.size()) : m_proxy->rowCount();
    for (int i = 0; i < count; ++i) {
        const QModelIndex index = selectedOnly ? rows.at(i) : m_proxy->index(i, 0);
        const Alert &a = m_model->row(m_proxy->mapToSource(index).row());
        if (!a.acknowledged)
            ids.append(a.id);
    }
    return ids;
}

void AlertsPage::updateButtons()
{
    const bool service = !m_service.isNull();
    m_ack->setEnabled(service && !shownUnacknowledged(true).isEmpty());
    const int n = int(shownUnacknowledged(false).size());
    m_ackAll->setEnabled(service && n > 0);
    m_ackAll->setText(n > 0 ? tr("Acknowledge all shown (%1)").arg(n) : tr("Acknowledge all shown"));
}

int AlertsPage::openCount() const
{
    int n = 0;
    for (const Alert &a : m_all)
        n += isOpen(a) ? 1 : 0;
    return n;
}

} // namespace kops
