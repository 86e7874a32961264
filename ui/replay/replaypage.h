#pragma once

#include "consolepage.h"
#include "replay/resetexecutor.h"
#include "replay/resetplanner.h"

#include <QDateTime>
#include <QThreadPool>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace kops {

class ResetHistoryModel;
class ResetPreviewModel;
class ResetStrategyForm;

/// Replays a consumer group from a point in time: a wizard (group, scope, strategy, preview,
/// result) over the reset planner and executor, plus the journal's history with Undo.
class ReplayPage final : public ConsolePage
{
    Q_OBJECT
public:
    enum Step { GroupStep, ScopeStep, StrategyStep, PreviewStep, ResultStep, StepCount };

    explicit ReplayPage(QWidget *parent = nullptr);
    ~ReplayPage() override;

    QString title() const override { return tr("Replay"); }
    void setConnection(ConnectionContextPtr connection) override;
    void activated() override;

    Step currentStep() const;
    const std::optional<ResetPlan> &plan() const { return m_plan; }
    ResetPreviewModel *previewModel() const { return m_previewModel; }
    ResetHistoryModel *historyModel() const { return m_historyModel; }
    QString bannerText() const;
    /// True while any cluster or journal job of the page is running.
    bool isBusy() const { return m_jobs > 0; }

public slots:
    /// Opens the wizard at the strategy step with --to-datetime `from` for `group` (e.g. a clicked chart time).
    void startReplay(const QString &group, const QDateTime &from);
    /// The same, starting from given offsets (--from-file rows): those the group had committed
    /// at `at`, reconstructed from the commit log.
    void startReplayFromOffsets(const QString &group, const QDateTime &at, const QList<PartitionOffset> &offsets);
    /// Writes the previewed plan as CSV for kafka-consumer-groups.sh --reset-offsets --from-file.
    bool exportPlan(const QString &filePath);
    /// Reads such a CSV and selects it as the strategy (--from-file).
    bool importPlan(const QString &filePath);
    void refreshHistory();

signals:
    void previewReady();
    void resetFinished(bool complete);
    void historyLoaded();

private:
    QWidget *buildGroupStep();
    QWidget *buildScopeStep();
    QWidget *buildPreviewStep();
    QWidget *buildResultStep();
    QWidget *buildHistoryTab();

    void goTo(Step step);
    void next();
    void back();
    void updateButtons();
    void showBanner(const QString &text, bool error);
    void showError(const KafkaError &error);
    void loadGroups();
    void requestPreview();
    void setDemoGroupRunning(bool running);
    void updateDemoButtons();
    void confirmAndApply();
    void confirmAndUndo();
    void confirmUndo(const UndoPreview &preview);
    void showOutcome(const ResetOutcome &outcome, const QString &heading);
    Result<ResetScope> scopeFromForm() const;
    QString connectionBanner() const;

    template<typename Work, typename Done>
    void runJob(Work work, Done done, bool blocking = true);

    ConnectionContextPtr m_connection;
    QThreadPool m_pool; ///< one thread: resets never overlap
    quint64 m_connectionGeneration = 0;
    quint64 m_previewGeneration = 0;
    int m_busy = 0; ///< jobs that lock the wizard (preview, apply, undo)
    int m_jobs = 0; ///< all jobs in flight
    std::optional<ResetPlan> m_plan;
    std::optional<KafkaError> m_guardError;

    QLabel *m_banner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLabel *m_stepTitle = nullptr;
    QStackedWidget *m_steps = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_restart = nullptr;

    QComboBox *m_group = nullptr;
    QRadioButton *m_allTopics = nullptr;
    QRadioButton *m_someTopics = nullptr;
    QLineEdit *m_topics = nullptr;

    ResetStrategyForm *m_strategyForm = nullptr;

    QLabel *m_guardLabel = nullptr;
    QPushButton *m_demoStop = nullptr;  ///< demo only: stops the group's consumers
    QPushButton *m_demoStart = nullptr; ///< demo only: starts them again
    QLabel *m_totals = nullptr;
    QLabel *m_warnings = nullptr;
    QTableView *m_previewView = nullptr;
    ResetPreviewModel *m_previewModel = nullptr;

    QLabel *m_resultLabel = nullptr;
    QTableWidget *m_resultTable = nullptr;

    QTableView *m_historyView = nullptr;
    ResetHistoryModel *m_historyModel = nullptr;
    QPushButton *m_undo = nullptr;
};

} // namespace kops
