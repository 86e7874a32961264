#pragma once

#include "configprofile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace kops {

/// Two profiles side by side: every key whose (effective) value differs.
class ProfileDiffPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileDiffPanel(QWidget *parent = nullptr);
    /// The profiles offered in both combo boxes (saved ones and templates).
    void setProfiles(const QList<ConfigProfile> &profiles);
    void select(const QString &left, const QString &right);

private:
    void recompute();

    QList<ConfigProfile> m_profiles;
    QComboBox *m_left = nullptr;
    QComboBox *m_right = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace kops
