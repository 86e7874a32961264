#include "toolspage.h"

#include "delaypanel.h"
#include "drainpanel.h"

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
    layout->addWidget(m_tabs);
    connect(m_drain, &DrainPanel::statusMessage, this, &ConsolePage::statusMessage);
    connect(m_delay, &DelayPanel::statusMessage, this, &ConsolePage::statusMessage);
}

void ToolsPage::setConnection(ConnectionContextPtr connection)
{
    m_drain->setConnection(connection);
    m_delay->setConnection(connection);
}

void ToolsPage::activated()
{
    m_drain->activated();
    m_delay->activated();
}

} // namespace kops
