#pragma once

#include "configprofile.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace kops {

class MemoryBar;

/// The JVM sizing advisor: host RAM, write throughput and re-read window in,
/// recommended heap and flags out, with the memory split drawn and explained.
class JvmAdvisorPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit JvmAdvisorPanel(QWidget *parent = nullptr);

signals:
    /// "Create JVM profile" was pressed: a new profile holding the advice.
    void profileCreated(const kops::ConfigProfile &profile);

private:
    void recompute();

    QLineEdit *m_ram = nullptr;
    QDoubleSpinBox *m_mbps = nullptr;
    QDoubleSpinBox *m_minutes = nullptr;
    MemoryBar *m_bar = nullptr;
    QLabel *m_legend = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QPushButton *m_create = nullptr;
    ConfigProfile m_advice;
};

} // namespace kops
