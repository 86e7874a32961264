#pragma once

#include "connectioncontext.h"
#include "delayqueue.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace kops {

class DelayTiersModel;
class RouterRunsModel;
class StatusBanner;
class TimeSeriesChart;

/// Delay queues on the Tools page: create a queue's tier topics, send delayed records, watch
/// each tier (backlog, oldest due, next due), run the router with its lateness p50/p99 and
/// forward rate over time, and list the router runs of the journal.
class DelayPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DelayPanel(QWidget *parent = nullptr);
    ~DelayPanel() override;

    void setConnection(ConnectionContextPtr connection);
    void activated();

    void setPrefix(const QString &prefix);
    bool isRouterRunning() const { return m_control != nullptr; }
    QString bannerText() const;
    TimeSeriesChart *chart() const { return m_chart; }
    DelayTiersModel *tiersModel() const { return m_tiersModel; }
    RouterRunsModel *runsModel() const { return m_runsModel; }
    qint64 forwardedTotal() const { return m_forwarded; }
    /// The queue as the form describes it (an error for bad tiers).
    Result<DelayQueue> queue() const;

    /// The actions behind the buttons, without the confirmation (tests).
    void createTiersConfirmed();
    void send();
    void startRouter();
    void stopRouter();
    void refreshStatus();
    /// Reads the router runs from the relay journal.
    void loadRuns();

signals:
    void statusMessage(const QString &text);
    void statusLoaded();
    void tiersCreated(bool ok);
    void sent(bool ok);
    void routerStopped(bool ok);
    void windowAdded();
    void runsLoaded();

private:
    void askAndCreate();
    void showError(const KafkaError &error);
    void addWindow(const DelayWindow &w);
    void updateButtons();

    ConnectionContextPtr m_connection;
    quint64 m_generation = 0;
    QThreadPool m_pool;
    QThreadPool m_routerPool;
    std::shared_ptr<TransactionalRelay::Control> m_control;
    QTimer m_refresh;
    bool m_statusPending = false;
    qint64 m_forwarded = 0;

    StatusBanner *m_banner = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLineEdit *m_tierList = nullptr;
    QSpinBox *m_partitions = nullptr;
    QPushButton *m_create = nullptr;
    DelayTiersModel *m_tiersModel = nullptr;
    QTableView *m_tiers = nullptr;
    RouterRunsModel *m_runsModel = nullptr;
    QTableView *m_runs = nullptr;
    bool m_runsPending = false;
    bool m_runListed = false;
    QLineEdit *m_sendTarget = nullptr;
    QLineEdit *m_sendDelay = nullptr;
    QLineEdit *m_sendKey = nullptr;
    QLineEdit *m_sendValue = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_router = nullptr;
    QLabel *m_routerLabel = nullptr;
    TimeSeriesChart *m_chart = nullptr;
};

} // namespace kops
