#pragma once
// Shared by the window layout tests (a page must not grow the window nor squeeze its neighbours, at
// any laptop size or desktop scale).

#include <QApplication>
#include <QFont>
#include <QLayout>
#include <QWidget>

namespace kops::test {

/// Recomputes every layout of the window, as the next resize or style change would: a stale
/// cached minimum must not hide a page that has grown. Twice: a minimum reaches the window one
/// pass later.
inline void settleLayouts(QWidget &window)
{
    for (int pass = 0; pass < 2; ++pass) {
        for (QWidget *c : window.findChildren<QWidget *>())
            if (c->layout())
                c->layout()->invalidate();
        window.layout()->invalidate();
        QCoreApplication::processEvents();
    }
}

/// Sets the application font to its current size times `factor` (a scaled desktop) and
/// returns it; the caller puts the old one back.
inline QFont scaleAppFont(qreal factor)
{
    const QFont appFont = QApplication::font();
    QFont scaled = appFont;
    if (appFont.pointSizeF() > 0)
        scaled.setPointSizeF(appFont.pointSizeF() * factor);
    else
        scaled.setPixelSize(qRound(appFont.pixelSize() * factor));
    QApplication::setFont(scaled);
    return scaled;
}

} // namespace kops::test
