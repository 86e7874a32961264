#pragma once

#include "consolepage.h"
#include "deadletterreader.h"

#include <QThreadPool>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace kops {

class DeadLetterDetail;
class DeadLetterModel;
class PayloadViewer;
class StatusBanner;

/// Dead letters: browse any topic from a start (oldest, newest N, offset, time) through a
/// filter into a bounded window, decode dead-letter headers, inspect a record, group by error
/// class, requeue (RequeueDialog) and export. All cluster and journal I/O runs on a one-thread
/// pool; a generation counter drops pages that a newer request replaced.
class DeadLettersPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit DeadLettersPage(QWidget *parent = nullptr);
    ~DeadLettersPage() override;

    QString title() const override { return tr("Dead letters"); }
    QLineEdit *filterField() const override { return m_valueFilter; }
    void setConnection(ConnectionContextPtr connection) override;
    void activated() override;

    DeadLetterModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    DeadLetterDetail *detail() const { return m_detail; }
    PayloadViewer *valueViewer() const;
    PayloadViewer *keyViewer() const;
    QTableWidget *headersTable() const;
    QTableWidget *errorClassTable() const { return m_errorClasses; }
    QTableWidget *journalTable() const { return m_journal; }
    QPushButton *loadButton() const { return m_load; }
    QPushButton *requeueSelectedButton() const { return m_requeueSelected; }
    QPushButton *requeueMatchingButton() const { return m_requeueMatching; }
    QPushButton *resumeButton() const { return m_resume; }
    bool isBusy() const { return m_busy; }
    bool atEnd() const { return m_atEnd; }
    QString statusText() const;
    quint64 generation() const { return m_generation; }

    /// The selection and filter the form describes.
    BrowseSelection selection() const;
    RecordFilterSpec filterSpec() const;
    /// The in-house header rule typed in the form (empty when none or invalid).
    QList<HeaderMappingRule> headerRules() const;

public slots:
    /// Starts browsing the form's selection through its filter (replaces any running browse).
    void load();
    /// Fetches the next page of matches.
    void fetchMore();
    /// Keeps fetching to the end of the selection (the window keeps only the latest rows).
    void scanToEnd();
    void cancel();
    void refreshJournal();
    /// Writes the selected rows (or, with selectedOnly false, every match of the filter) as JSON Lines.
    void exportTo(const QString &path, bool selectedOnly);
    void setTopic(const QString &topic);
    /// Browses one record: its topic and partition from its offset (the audit's examples).
    void openRecord(const QString &topic, int partition, qint64 offset);

signals:
    void pageLoaded();
    void browseFinished();
    void journalLoaded();
    void exportFinished(bool ok);

private:
    struct Session;
    void startFetch(qint64 wantMatches);
    void showRecord(int row);
    void fitColumns();
    void showError(const KafkaError &e);
    void updateButtons();
    void openRequeue(bool selectedOnly);
    void loadTopics();

    ConnectionContextPtr m_connection;
    QThreadPool m_pool;
    std::shared_ptr<Session> m_session;
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_atEnd = true;
    ScanProgress m_progress;

    StatusBanner *m_banner;
    QComboBox *m_topic;
    QLineEdit *m_partitions;
    QComboBox *m_startMode;
    QLineEdit *m_startValue;
    QLineEdit *m_keyFilter;
    QLineEdit *m_valueFilter;
    QCheckBox *m_regex;
    QLineEdit *m_headerFilter;
    QLineEdit *m_errorClassFilter;
    QLineEdit *m_originalTopicFilter;
    QLineEdit *m_fromTimeFilter = nullptr;  ///< time range filter, ISO 8601 (no zone = UTC) or epoch ms
    QLineEdit *m_untilTimeFilter = nullptr;
    QLineEdit *m_headerRule;
    QPushButton *m_load;
    QPushButton *m_more;
    QPushButton *m_scan;
    QPushButton *m_cancel;
    QPushButton *m_requeueSelected;
    QPushButton *m_requeueMatching;
    QPushButton *m_export;
    QLabel *m_status;
    DeadLetterModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    DeadLetterDetail *m_detail;
    QTableWidget *m_errorClasses;
    QTableWidget *m_journal;
    QPushButton *m_resume;
};

} // namespace kops
