#pragma once

#include "historystore.h"
#include "lagsettings.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace kops {

class LagService;

/// Thresholds per group/topic, watched groups, window size, the alert command and the
/// history's disk budget of a connection.
class LagSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    /// service: asked for the history's current size (shown next to the budget); may be null.
    LagSettingsDialog(const QString &connection, const LagSettings &settings, LagService *service = nullptr,
                      QWidget *parent = nullptr);

    /// The settings as edited; problems (non-numbers) are listed in `problems`.
    LagSettings settings(QStringList *problems = nullptr) const;

    /// Shows what the history costs now and how far back the budget reaches at this rate.
    void setHistoryUsage(const HistoryUsage &usage, int intervalSeconds);

private:
    void addRow(const LagThreshold &t);
    void updateBudgetText();

    QTableWidget *m_thresholds = nullptr;
    QPlainTextEdit *m_watched = nullptr;
    QLineEdit *m_command = nullptr;
    QCheckBox *m_notify = nullptr;
    QCheckBox *m_commitStream = nullptr;
    LagSettings m_initial; ///< what the dialog does not edit (the stream's look-back) is kept
    QSpinBox *m_window = nullptr;
    QSpinBox *m_budget = nullptr;
    QLabel *m_budgetText = nullptr;
    std::optional<HistoryUsage> m_usage;
    int m_intervalSeconds = 10;
};

} // namespace kops
