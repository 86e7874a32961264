#pragma once

#include "lagsettings.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace kops {

/// Thresholds per group/topic, watched groups, window size and the alert command of a connection.
class LagSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    LagSettingsDialog(const QString &connection, const LagSettings &settings, QWidget *parent = nullptr);

    /// The settings as edited; problems (non-numbers) are listed in `problems`.
    LagSettings settings(QStringList *problems = nullptr) const;

private:
    void addRow(const LagThreshold &t);

    QTableWidget *m_thresholds = nullptr;
    QPlainTextEdit *m_watched = nullptr;
    QLineEdit *m_command = nullptr;
    QCheckBox *m_notify = nullptr;
    QCheckBox *m_commitStream = nullptr;
    LagSettings m_initial; ///< what the dialog does not edit (the stream's look-back) is kept
    QSpinBox *m_window = nullptr;
};

} // namespace kops
