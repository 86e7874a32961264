#pragma once

#include "consolepage.h"

class QTabWidget;

namespace kops {

class DelayPanel;
class DrainPanel;

/// Tools: relays an operator runs by hand, each exactly once in Kafka transactions. Backlog
/// drain (a lagging group's backlog into a wider topic) and delay queues (tiered topics and
/// their router).
class ToolsPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit ToolsPage(QWidget *parent = nullptr);

    QString title() const override { return tr("Tools"); }
    void setConnection(ConnectionContextPtr connection) override;
    void activated() override;

    DrainPanel *drainPanel() const { return m_drain; }
    DelayPanel *delayPanel() const { return m_delay; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QTabWidget *m_tabs = nullptr;
    DrainPanel *m_drain = nullptr;
    DelayPanel *m_delay = nullptr;
};

} // namespace kops
