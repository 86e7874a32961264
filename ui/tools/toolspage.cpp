#include "toolspage.h"

#include "auditpanel.h"
#include "delaypanel.h"
#include "drainpanel.h"
#include "perfpanel.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace kops {

ToolsPage::ToolsPage(QWidget *parent) : ConsolePage(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("toolsTabs"));
    m_drain = new DrainPanel(m_tabs);
    m_delay = new DelayPanel(m_tabs);
    m_tabs->addTab(m_drain, tr("Backlog drain"));
    m_tabs->addTab(m_delay, tr("Delay queues"));
    m_perf = new PerfPanel(m_tabs);
    m_audit = new AuditPanel(m_tabs);
    m_tabs->addTab(m_perf, tr("Throughput lab"));
    m_tabs->addTab(m_audit, tr("Order && duplicate audit"));
    layout->addWidget(m_tabs);
    connect(m_perf, &PerfPanel::statusMessage, this, &ConsolePage::statusMessage);
    connect(m_audit, &AuditPanel::statusMessage, this, &ConsolePage::statusMessage);
    connect(m_audit, &AuditPanel::openRecordRequested, this, &ToolsPage::openRecordRequested);
    connect(m_perf, &PerfPanel::auditRequested, this, [this](const QString &topic, const QString &id, const QString &seq) {
        m_tabs->setCurrentWidget(m_audit);
        m_audit->setRequest(topic, id, seq, true);
    });
    connect(m_drain, &DrainPanel::statusMessage, this, &ConsolePage::statusMessage);
    connect(m_delay, &DelayPanel::statusMessage, this, &ConsolePage::statusMessage);
}

void ToolsPage::setConnection(ConnectionContextPtr connection)
{
    m_drain->setConnection(connection);
    m_delay->setConnection(connection);
    m_perf->setConnection(connection);
    m_audit->setConnection(connection);
}

void ToolsPage::activated()
{
    m_drain->activated();
    m_delay->activated();
    m_perf->activated();
    m_audit->activated();
}

} // namespace kops
