// SheetGrid: random access to the cells of one sheet by row and column, with merged ranges
// resolved the way a reader of the printed table sees them.
#pragma once

#include <string>
#include <vector>

#include "xlsx/workbook.h"

namespace zhizao::detail {

// Holds pointers into `sheet`, which must outlive the grid. Rows and columns are 1-based.
class SheetGrid {
 public:
  explicit SheetGrid(const xlsx::Sheet& sheet);

  int last_row() const { return static_cast<int>(rows_.size()); }
  // The last column with a cell in `row`, 0 when none.
  int last_column(int row) const;

  // The cell stored at (row, column), nullptr when empty.
  const xlsx::Cell* at(int row, int column) const;

  // For a cell covered by a merged range (not its top-left cell): the range; nullptr otherwise.
  const xlsx::MergedRange* merge_covering(int row, int column) const;

  // The cell whose value shows at (row, column): its own, or the top-left cell of the merged
  // range covering it.
  const xlsx::Cell* shown(int row, int column) const;

  // The value of a data cell: its own, or for a cell of the first column of a range merged
  // over several rows (a period written once for a block of rows) the top-left cell's.
  const xlsx::Cell* data_at(int row, int column) const;

  // True when no cell of `row` up to `width` has a value (after data_at). Looks at the row's
  // cells and merged ranges only, not at every column up to `width`.
  bool empty_row(int row, int width) const;

 private:
  struct Entry {
    int column;
    const xlsx::Cell* cell;
  };

  [[maybe_unused]] const xlsx::Sheet& sheet_;  // unused: clang -Wunused-private-field
  // rows_[row - 1]: the row's cells by increasing column. Sparse, so that the memory follows the
  // cells kept (xlsx::WorkbookLimits::max_cells), not the grid they span: a cell in column XFD
  // of each of a million rows once cost 128 KiB a row.
  std::vector<std::vector<Entry>> rows_;
  // merges_by_row_[row - 1]: the merged ranges that cover the row below their first row or right
  // of their first column (so cover a cell of it other than their top-left one).
  std::vector<std::vector<const xlsx::MergedRange*>> merges_by_row_;
};

// The text of a cell as written: text and errors as they are, numbers in their shortest plain
// form, booleans as 1/0; empty for nullptr. Dates are not converted here.
std::string plain_cell_text(const xlsx::Cell* cell);

}  // namespace zhizao::detail
