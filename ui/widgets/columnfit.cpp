#include "columnfit.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace kops {

void fitColumns(QTableView *view, int stretchColumn, int maxWidth)
{
    QHeaderView *header = view->horizontalHeader();
    // "Stretch last section" gives the spare width to the last column, often a number,
    // and is lost when that column is sized to content; stretch the name column instead.
    header->setStretchLastSection(false);
    const int columns = view->model() ? view->model()->columnCount() : 0;
    for (int c = 0; c < columns; ++c) {
        if (c == stretchColumn)
            continue;
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        view->resizeColumnToContents(c);
        view->setColumnWidth(c, std::min(view->columnWidth(c), maxWidth));
    }
    if (stretchColumn >= 0 && stretchColumn < columns)
        header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    else
        header->setStretchLastSection(true); // no empty strip when the columns are narrower than the table
}

void widenColumns(QTableView *view, int stretchColumn, int maxWidth)
{
    const int columns = view->model() ? view->model()->columnCount() : 0;
    for (int c = 0; c < columns; ++c) {
        if (c == stretchColumn || view->isColumnHidden(c))
            continue;
        const int had = view->columnWidth(c);
        view->resizeColumnToContents(c);
        view->setColumnWidth(c, std::max(had, std::min(view->columnWidth(c), maxWidth)));
    }
}

} // namespace kops
