#pragma once

#include "connectioncontext.h"

#include <QWidget>

class QLineEdit;

namespace kops {

/// A page of the main window (Overview, Consumers, Replay, ...). The window hands every
/// page the current connection (or nullptr when disconnected); pages do their cluster
/// I/O off the GUI thread with connection->createApi().
class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// The name shown in the navigation list.
    virtual QString title() const = 0;
    virtual void setConnection(ConnectionContextPtr connection) = 0;
    /// Called when the page becomes visible, so it can refresh what is stale.
    virtual void activated() {}
    /// The field Ctrl+F goes to (nullptr: the page has none).
    virtual QLineEdit *filterField() const { return nullptr; }

signals:
    /// Non-blocking message for the window's status bar / banner.
    void statusMessage(const QString &text);
};

} // namespace kops
