#pragma once
// Shared by the GUI layout tests (a page must not grow the window nor squeeze its neighbours).

#include <QCoreApplication>
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

} // namespace kops::test
