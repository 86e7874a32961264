#pragma once

#include "payloadview.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QJsonValue;

namespace kops {

/// Shows a key or value as text, foldable JSON tree or hex dump (PayloadView decides),
/// with a line saying which, how large, and whether the view was cut.
class PayloadViewer final : public QWidget
{
    Q_OBJECT
public:
    explicit PayloadViewer(QWidget *parent = nullptr);
    void setPayload(const std::optional<QByteArray> &bytes);
    /// No record: nothing shown (unlike setPayload(std::nullopt), a record whose payload is null).
    void clear();
    PayloadView::Kind kind() const { return m_kind; }
    QString summary() const;
    QString shownText() const;
    QTreeWidget *jsonTree() const { return m_tree; }

private:
    void addJson(QTreeWidgetItem *parent, const QString &name, const QJsonValue &value, int depth);

    QLabel *m_summary;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_text;
    QTreeWidget *m_tree;
    PayloadView::Kind m_kind = PayloadView::Kind::Null;
};

} // namespace kops
