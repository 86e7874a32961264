#pragma once

#include <Qt>

class QAbstractItemModel;
class QString;
class QTableView;
class QWidget;

namespace kops {

/// A read-only table of the Tools page: rows selected whole, sortable on `sortRole` (the
/// model's raw values, so numbers sort as numbers), sorted on `sortColumn` at first.
QTableView *makeToolTable(QWidget *parent, QAbstractItemModel *model, const QString &objectName, int sortRole,
                          int sortColumn, Qt::SortOrder order);

} // namespace kops
