#pragma once

#include "connectioncontext.h"
#include "drainservice.h"

#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace kops {

class DrainJournalModel;
class DrainPartitionsModel;
class StatusBanner;

/// Backlog drain on the Tools page: pick a lagging group and tick its topics, see the backlog and
/// the consume rates from the lag history with a proposed width for the wider topic, then
/// drain (confirmed first) with progress, rate, ETA, pause and stop; recent drains below.
class DrainPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit DrainPanel(QWidget *parent = nullptr);
    ~DrainPanel() override;

    void setConnection(ConnectionContextPtr connection);
    void activated();

    /// Selects the group and ticks the topics (and a target), then plans (tests, links from other pages).
    void planFor(const QString &group, const QStringList &topics, const QString &target = {});
    /// The ticked topics of the group.
    QStringList checkedTopics() const;
    DrainPartitionsModel *partitionsModel() const { return m_partitionsModel; }
    DrainJournalModel *journalModel() const { return m_journalModel; }
    const std::optional<DrainPlan> &plan() const { return m_plan; }
    bool isRunning() const { return m_control != nullptr; }
    QString bannerText() const;
    /// The drain as the confirmation dialog describes it.
    QString confirmationText() const;
    /// Starts the planned drain without asking (the button asks first).
    void startConfirmed();
    void stop();

signals:
    void statusMessage(const QString &text);
    void groupsLoaded();
    void topicsLoaded();
    void planReady();
    void drainFinished(bool ok);
    void journalLoaded();

private:
    void loadGroups();
    void loadTopicsOf(const QString &group);
    void requestPlan();
    void showPlan();
    void askAndStart();
    void showProgress(const RelayProgress &p);
    void loadJournal();
    void updateButtons();
    void setDemoGroupRunning(bool running);
    void setTopics(const QStringList &topics, const QStringList &checked);
    QString defaultTarget() const;

    ConnectionContextPtr m_connection;
    quint64 m_generation = 0;
    QThreadPool m_pool;      ///< plans, loads
    QThreadPool m_relayPool; ///< the running drain
    std::shared_ptr<TransactionalRelay::Control> m_control;
    std::optional<DrainPlan> m_plan;
    qint64 m_total = 0;

    StatusBanner *m_banner = nullptr;
    QComboBox *m_group = nullptr;
    QListWidget *m_topics = nullptr;
    QStringList m_wantTopics; ///< to tick once the group's topics are listed (planFor)
    QString m_autoTarget;     ///< the target the panel proposed (replaced when the topics change)
    QLineEdit *m_target = nullptr;
    QComboBox *m_within = nullptr;
    QSpinBox *m_partitions = nullptr;
    QComboBox *m_mode = nullptr;
    QPushButton *m_planButton = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_demoStop = nullptr;
    DrainPartitionsModel *m_partitionsModel = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    DrainJournalModel *m_journalModel = nullptr;
    QTableView *m_journal = nullptr;
};

} // namespace kops
