#pragma once

#include "connectioncontext.h"
#include "perflab.h"

#include <QThreadPool>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace kops {

class PartitionChart;
class PerfPointModel;
class StatusBanner;

/// The partition-count throughput lab on the Tools page: settings (or a saved producer profile,
/// or a teaching preset), a background run with progress and cancel, the chart of throughput and
/// p99 latency against partitions, the table, the recommendation, CSV/JSON export.
class PerfPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit PerfPanel(QWidget *parent = nullptr);
    ~PerfPanel() override;

    void setConnection(ConnectionContextPtr connection);
    void activated();

    /// The settings the form describes (an error for a bad partition list or sample file).
    Result<PerfSettings> settings() const;
    void applyPreset(PerfPreset preset);
    bool isRunning() const { return m_control != nullptr; }
    QString verdictText() const;
    QString bannerText() const;
    PerfPointModel *model() const { return m_model; }
    PartitionChart *chart() const { return m_chart; }
    const std::optional<PerfReport> &lastReport() const { return m_report; }

    /// Starts the lab without the > 1 GB confirmation (tests).
    void startConfirmed();
    void cancel();
    Status exportTo(const QString &path, bool json) const;

signals:
    void statusMessage(const QString &text);
    void labFinished(bool ok);
    /// The teaching preset audited a lab topic: open it in the audit tab.
    void auditRequested(const QString &topic, const QString &id, const QString &seq);

private:
    void start();
    void onProgress(const PerfProgress &p);
    void onPoint(const PerfPoint &p);
    void onFinished(const Result<PerfReport> &result);
    void updateChart();
    void updateButtons();
    void loadProfiles();
    void exportAsked(bool json);

    ConnectionContextPtr m_connection;
    QThreadPool m_pool;
    std::shared_ptr<PerfLab::Control> m_control;
    quint64 m_generation = 0;
    std::optional<PerfReport> m_report;
    bool m_presetSequenced = false;
    bool m_presetInject = false;

    StatusBanner *m_banner = nullptr;
    QComboBox *m_preset = nullptr;
    QLineEdit *m_partitions = nullptr;
    QSpinBox *m_records = nullptr;
    QSpinBox *m_size = nullptr;
    QLineEdit *m_sampleFile = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_acks = nullptr;
    QCheckBox *m_idempotence = nullptr;
    QComboBox *m_compression = nullptr;
    QSpinBox *m_linger = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_consumers = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_verdict = nullptr;
    PartitionChart *m_chart = nullptr;
    PerfPointModel *m_model = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace kops
