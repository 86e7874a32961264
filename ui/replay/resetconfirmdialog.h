#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace kops {

/// Modal confirmation for a destructive offset change: names the group, the totals,
/// and lists every partition that will move (from -> to).
class ResetConfirmDialog final : public QDialog
{
    Q_OBJECT
public:
    struct Change
    {
        QString partition; ///< "topic-3"
        QString from;
        QString to;
        QString remark; ///< e.g. "replay 120" or "SKIP 40"
    };

    ResetConfirmDialog(const QString &title, const QString &summary, const QList<Change> &changes, const QString &applyText,
                       QWidget *parent = nullptr);

    QPushButton *applyButton() const { return m_apply; }
    QString summaryText() const;

private:
    QLabel *m_summary = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace kops
