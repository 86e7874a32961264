#include "statusbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace kops {

StatusBanner::StatusBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("statusBanner"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A word-wrapped label asks for its longest word as minimum width: a 249-character topic name
    // in a message would push the window past the screen. The banner takes the width it is given;
    // such a word is cut at the edge and the tooltip has the whole message.
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &StatusBanner::clear);
    hide();
}

void StatusBanner::showMessage(Kind kind, const QString &text, const QString &details)
{
    m_kind = kind;
    const char *colors = kind == Kind::Error     ? "background:#fde8e8; border:1px solid #e0a0a0; color:#7a1010;"
                         : kind == Kind::Warning ? "background:#fff4d6; border:1px solid #e0c070; color:#6a4a00;"
                                                 : "background:#e8f0fd; border:1px solid #a0b8e0; color:#183a70;";
    setStyleSheet(QStringLiteral("#statusBanner { %1 border-radius:4px; }").arg(QLatin1String(colors)));
    m_label->setText(text);
    m_label->setToolTip(details.isEmpty() ? text : text + QStringLiteral("\n\n") + details);
    show();
}

void StatusBanner::clear()
{
    m_label->clear();
    hide();
}

QString StatusBanner::text() const
{
    return m_label->text();
}

} // namespace kops
