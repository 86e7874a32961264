#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace kops {

/// A non-blocking message strip above the pages: errors stay until cleared or closed.
class StatusBanner final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    explicit StatusBanner(QWidget *parent = nullptr);
    void showMessage(Kind kind, const QString &text, const QString &details = {});
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_label = nullptr;
    QToolButton *m_close = nullptr;
    Kind m_kind = Kind::Info;
};

} // namespace kops
