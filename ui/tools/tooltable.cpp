#include "tooltable.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace kops {

QTableView *makeToolTable(QWidget *parent, QAbstractItemModel *model, const QString &objectName, int sortRole,
                          int sortColumn, Qt::SortOrder order)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    auto *t = new QTableView(parent);
    t->setObjectName(objectName);
    t->setModel(proxy);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().lineSpacing() + 6);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setSortingEnabled(true);
    t->sortByColumn(sortColumn, order);
    return t;
}

} // namespace kops
