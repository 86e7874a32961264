#pragma once

#include "consolepage.h"

class QTabWidget;

namespace kops {

class AuditPanel;
class DelayPanel;
class DrainPanel;
class PerfPanel;

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
    PerfPanel *perfPanel() const { return m_perf; }
    AuditPanel *auditPanel() const { return m_audit; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    /// The audit asks to show a record in the Dead letters browser.
    void openRecordRequested(const QString &topic, int partition, qint64 offset);

private:
    QTabWidget *m_tabs = nullptr;
    DrainPanel *m_drain = nullptr;
    DelayPanel *m_delay = nullptr;
    PerfPanel *m_perf = nullptr;
    AuditPanel *m_audit = nullptr;
};

} // namespace kops
