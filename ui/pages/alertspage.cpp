#include "alertspage.h"

#include "lagservice.h"
#include "models/clustermodels.h"
#include "models/lagmodels.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kops {

AlertsPage::AlertsPage(QWidget *parent) : ConsolePage(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *tools = new QHBoxLayout;
    m_hideHandled = new QCheckBox(tr("Hide acknowledged and resolved"), this);
    m_ack = new QPushButton(tr("Acknowledge"), this);
    m_ack->setObjectName(QStringLiteral("acknowledgeButton"));
    m_ack->setEnabled(false);
    tools->addWidget(m_hideHandled);
    tools->addStretch();
    tools->addWidget(m_ack);
    layout->addLayout(tools);
    m_empty = new QLabel(tr("No alerts. An alert is raised once per incident when a group leaves OK "
                            "(WARN, ERR, STOP, STALL, REWIND) or crosses a threshold."),
                         this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: palette(mid); padding: 30px;"));
    layout->addWidget(m_empty);
    m_model = new AlertsModel(this);
    auto *proxy = new TextFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("alertsView"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertsModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    connect(m_hideHandled, &QCheckBox::toggled, this, [this] { showAlerts(m_all); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, proxy] {
        bool any = false;
        for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
            const Alert &a = m_model->row(proxy->mapToSource(i).row());
            any = any || !a.acknowledged;
        }
        m_ack->setEnabled(any && m_service);
    });
    connect(m_ack, &QPushButton::clicked, this, [this, proxy] {
        for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
            const Alert &a = m_model->row(proxy->mapToSource(i).row());
            if (!a.acknowledged && m_service)
                m_service->acknowledgeAlert(a.id);
        }
        m_ack->setEnabled(false);
    });
}

void AlertsPage::setConnection(ConnectionContextPtr connection)
{
    if (!connection) {
        m_all.clear();
        m_model->setRows({});
        m_empty->setText(tr("Not connected."));
        m_empty->show();
        emit openCountChanged(0);
    }
}

void AlertsPage::activated()
{
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
    QList<Alert> shown;
    for (const Alert &a : alerts)
        if (!m_hideHandled->isChecked() || (!a.acknowledged && !a.resolvedAt.isValid()))
            shown.append(a);
    m_model->setRows(shown);
    m_empty->setVisible(alerts.isEmpty());
    if (alerts.isEmpty())
        m_empty->setText(tr("No alerts. An alert is raised once per incident when a group leaves OK "
                            "(WARN, ERR, STOP, STALL, REWIND) or crosses a threshold."));
    for (int c = AlertsModel::Time; c < AlertsModel::Reason; ++c)
        m_view->resizeColumnToContents(c);
    emit openCountChanged(openCount());
}

int AlertsPage::openCount() const
{
    int n = 0;
    for (const Alert &a : m_all)
        n += (!a.acknowledged && !a.resolvedAt.isValid()) ? 1 : 0;
    return n;
}

} // namespace kops
