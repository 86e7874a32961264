#pragma once

#include "connectioncontext.h"
#include "requeueengine.h"

#include <QDialog>
#include <QThreadPool>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace kops {

/// Requeue in three steps: options, a preview of how many records go to which topic, then the
/// requeue itself with progress, rate, pause and cancel. Runs on its own one-thread pool (writes
/// never overlap); the engine journals every delivery so a cancelled run can be resumed.
class RequeueDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Source
    {
        BrowseSelection selection;
        RecordFilterSpec filter;
        QList<std::pair<int, qint64>> records; ///< not empty: exactly these
        QList<HeaderMappingRule> headerRules;
        qint64 resumeJournalId = 0; ///< not 0: continue this journalled requeue instead
    };

    RequeueDialog(ConnectionContextPtr connection, Source source, QWidget *parent = nullptr);
    ~RequeueDialog() override;

    RequeueOptions options() const;
    bool isRunning() const { return m_running; }
    QString previewText() const;
    std::optional<RequeueOutcome> outcome() const { return m_outcome; }

public slots:
    void preview();
    void execute();
    void togglePause();
    void cancelRun();
    void reject() override;

signals:
    void previewReady();
    void finished(bool done);

private:
    void invalidatePreview();
    void showProgress(const RequeueProgress &p);

    ConnectionContextPtr m_connection;
    Source m_source;
    QThreadPool m_pool;
    std::shared_ptr<RequeueEngine::Control> m_control;
    quint64 m_generation = 0;
    bool m_running = false;
    std::optional<RequeueSpec> m_spec;
    QStringList m_missingTopics; ///< targets the preview found missing (created before the run when chosen)
    std::optional<RequeueOutcome> m_outcome;

    QComboBox *m_target;
    QLineEdit *m_targetTopic;
    QCheckBox *m_strip;
    QCheckBox *m_createTopics;
    QSpinBox *m_createPartitions;
    QComboBox *m_partitionPolicy;
    QComboBox *m_timestampPolicy;
    QSpinBox *m_rate;
    QLabel *m_preview;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QPushButton *m_previewButton;
    QPushButton *m_executeButton;
    QPushButton *m_pauseButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;
};

} // namespace kops
