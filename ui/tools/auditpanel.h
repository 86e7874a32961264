#pragma once

#include "connectioncontext.h"
#include "topicaudit.h"

#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace kops {

class AuditFindingModel;
class StatusBanner;

/// The ordering and duplicate audit on the Tools page: a topic (or a time range of it), where
/// ids and sequence numbers are, a background scan with progress, speed and cancel, the counts
/// and the first examples (double-click opens the record in the Dead letters browser), and
/// export of the examples as JSON Lines.
class AuditPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPanel(QWidget *parent = nullptr);
    ~AuditPanel() override;

    void setConnection(ConnectionContextPtr connection);
    void activated();

    /// Fills the form (and optionally starts the audit).
    void setRequest(const QString &topic, const QString &id, const QString &seq, bool start);
    Result<AuditSpec> spec() const;
    bool isRunning() const { return m_cancel != nullptr; }
    QString summaryText() const;
    AuditFindingModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    const std::optional<AuditReport> &lastReport() const { return m_report; }
    Status exportTo(const QString &path) const;

public slots:
    void start();
    void cancel();

signals:
    void statusMessage(const QString &text);
    void auditFinished(bool ok);
    /// Open this record in the Dead letters browser.
    void openRecordRequested(const QString &topic, int partition, qint64 offset);

private:
    void onProgress(const AuditProgress &p);
    void onFinished(const Result<AuditReport> &result);
    void loadTopics();
    void updateButtons();

    ConnectionContextPtr m_connection;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_generation = 0;
    std::optional<AuditReport> m_report;

    StatusBanner *m_banner = nullptr;
    QComboBox *m_topic = nullptr;
    QLineEdit *m_id = nullptr;
    QLineEdit *m_seq = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_until = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_summary = nullptr;
    AuditFindingModel *m_model = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace kops
