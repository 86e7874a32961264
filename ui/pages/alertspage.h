#pragma once

#include "alerts.h"
#include "consolepage.h"

#include <QPointer>
#include <QSet>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace kops {

class AlertsFilterProxyModel;
class AlertsModel;
class LagService;

/// Alert history of the connection with acknowledgement. Alerts raised while the page is
/// on screen wait behind a "N new alerts" bar instead of shifting the rows under the
/// pointer (a click must acknowledge the alert it was aimed at).
class AlertsPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit AlertsPage(QWidget *parent = nullptr);

    QString title() const override { return tr("Alerts"); }
    QLineEdit *filterField() const override { return m_filter; }
    void setConnection(ConnectionContextPtr connection) override;
    void activated() override;
    void setLagService(LagService *service);
    void showAlerts(const QList<Alert> &alerts);
    /// Shows the alerts held behind the "new alerts" bar.
    void revealNewAlerts();

    AlertsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    int openCount() const;
    int pendingCount() const { return int(m_pending.size()); }

signals:
    void openCountChanged(int open);

private:
    void applyRows();
    void updateButtons();
    QList<qint64> shownUnacknowledged(bool selectedOnly) const;

    QList<Alert> m_all;
    QSet<qint64> m_revealed; ///< ids on screen; others wait behind the bar
    QSet<qint64> m_pending;
    QPointer<LagService> m_service;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_hideHandled = nullptr;
    QPushButton *m_ack = nullptr;
    QPushButton *m_ackAll = nullptr;
    QPushButton *m_newBar = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_view = nullptr;
    AlertsModel *m_model = nullptr;
    AlertsFilterProxyModel *m_proxy = nullptr;
};

} // namespace kops
