#include "resetconfirmdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kops {

ResetConfirmDialog::ResetConfirmDialog(const QString &title, const QString &summary, const QList<Change> &changes,
                                       const QString &applyText, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    setModal(true);
    setObjectName(QStringLiteral("resetConfirmDialog"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(summary, this);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    layout->addWidget(m_summary);

    auto *table = new QTableWidget(int(changes.size()), 4, this);
    table->setHorizontalHeaderLabels({tr("Partition"), tr("From"), tr("To"), tr("Effect")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int r = 0; r < changes.size(); ++r) {
        const Change &c = changes.at(r);
        table->setItem(r, 0, new QTableWidgetItem(c.partition));
        table->setItem(r, 1, new QTableWidgetItem(c.from));
        table->setItem(r, 2, new QTableWidgetItem(c.to));
        auto *effect = new QTableWidgetItem(c.remark);
        if (c.remark.startsWith(QLatin1String("SKIP")))
            effect->setBackground(QColor(255, 214, 204));
        table->setItem(r, 3, effect);
    }
    table->resizeColumnsToContents();
    layout->addWidget(table);

    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(applyText, QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("confirmApply"));
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("confirmCancel"));
    cancel->setDefault(true); // destructive action is never the default
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(620, 420);
}

QString ResetConfirmDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace kops
