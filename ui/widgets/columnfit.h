#pragma once

class QTableView;

namespace kops {

/// Sizes a table's columns to their content (header included, each at most `maxWidth`)
/// and lets `stretchColumn` (the name column) take whatever width is left, now and
/// whenever the table is resized or shown, so no figure column eats the table and no
/// column is cut off. The other columns stay resizable by hand. stretchColumn -1: none
/// (the last column fills any spare width; the table scrolls when they do not fit).
void fitColumns(QTableView *view, int stretchColumn, int maxWidth = 260);

/// After fitColumns, when rows were added: widens (never narrows) each column but
/// `stretchColumn` whose new content no longer fits, up to `maxWidth`, so a later, longer
/// value is not cut off where there is room. Columns already wide enough stay as they are.
void widenColumns(QTableView *view, int stretchColumn, int maxWidth = 260);

} // namespace kops
