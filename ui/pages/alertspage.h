#pragma once

#include "alerts.h"
#include "consolepage.h"

#include <QPointer>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kops {

class AlertsModel;
class LagService;

/// Alert history of the connection with acknowledgement; new alerts appear as they are raised.
class AlertsPage final : public ConsolePage
{
    Q_OBJECT
public:
    explicit AlertsPage(QWidget *parent = nullptr);

    QString title() const override { return tr("Alerts"); }
    void setConnection(ConnectionContextPtr connection) override;
    void activated() override;
    void setLagService(LagService *service);
    void showAlerts(const QList<Alert> &alerts);

    AlertsModel *model() const { return m_model; }
    int openCount() const;

signals:
    void openCountChanged(int open);

private:
    QList<Alert> m_all;
    QPointer<LagService> m_service;
    QCheckBox *m_hideHandled = nullptr;
    QPushButton *m_ack = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_view = nullptr;
    AlertsModel *m_model = nullptr;
};

} // namespace kops
