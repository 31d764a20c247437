#include "ingest/sheet_grid.h"

#include "base/text.h"
#include "ingest/csv_writer.h"

namespace zhizao::detail {
namespace {

// A guard against a merged range over a whole sheet: only this many covered cells are indexed.
constexpr long kMaxCoveredCells = 4'000'000;

}  // namespace

SheetGrid::SheetGrid(const xlsx::Sheet& sheet) : sheet_(sheet) {
  for (const xlsx::Cell& cell : sheet.cells) {
    if (cell.row > static_cast<int>(rows_.size())) rows_.resize(static_cast<size_t>(cell.row));
    std::vector<const xlsx::Cell*>& row = rows_[static_cast<size_t>(cell.row - 1)];
    if (cell.column > static_cast<int>(row.size())) row.resize(static_cast<size_t>(cell.column));
    row[static_cast<size_t>(cell.column - 1)] = &cell;
  }
  long indexed = 0;
  for (const xlsx::MergedRange& range : sheet.merges) {
    for (int r = range.first_row; r <= range.last_row && indexed < kMaxCoveredCells; ++r) {
      for (int c = range.first_column; c <= range.last_column; ++c, ++indexed) {
        if (r != range.first_row || c != range.first_column) covered_[key(r, c)] = &range;
      }
    }
  }
}

int SheetGrid::last_column(int row) const {
  if (row < 1 || row > last_row()) return 0;
  return static_cast<int>(rows_[static_cast<size_t>(row - 1)].size());
}

const xlsx::Cell* SheetGrid::at(int row, int column) const {
  if (row < 1 || row > last_row() || column < 1) return nullptr;
  const std::vector<const xlsx::Cell*>& cells = rows_[static_cast<size_t>(row - 1)];
  if (column > static_cast<int>(cells.size())) return nullptr;
  return cells[static_cast<size_t>(column - 1)];
}

const xlsx::MergedRange* SheetGrid::merge_covering(int row, int column) const {
  if (covered_.empty()) return nullptr;
  auto it = covered_.find(key(row, column));
  return it == covered_.end() ? nullptr : it->second;
}

const xlsx::Cell* SheetGrid::shown(int row, int column) const {
  if (const xlsx::MergedRange* range = merge_covering(row, column)) {
    return at(range->first_row, range->first_column);
  }
  return at(row, column);
}

const xlsx::Cell* SheetGrid::data_at(int row, int column) const {
  const xlsx::MergedRange* range = merge_covering(row, column);
  if (range != nullptr && range->first_column == column && range->last_row > range->first_row) {
    return at(range->first_row, range->first_column);
  }
  return at(row, column);
}

bool SheetGrid::empty_row(int row, int width) const {
  for (int column = 1; column <= width; ++column) {
    const xlsx::Cell* cell = data_at(row, column);
    if (cell != nullptr && !(cell->type == xlsx::CellType::kText && trim(cell->text).empty())) {
      return false;
    }
  }
  return true;
}

std::string plain_cell_text(const xlsx::Cell* cell) {
  if (cell == nullptr) return {};
  switch (cell->type) {
    case xlsx::CellType::kText:
    case xlsx::CellType::kError:
      return cell->text;
    case xlsx::CellType::kBoolean:
      return cell->number != 0 ? "1" : "0";
    case xlsx::CellType::kNumber:
      return plain_decimal(cell->number);
  }
  return {};
}

}  // namespace zhizao::detail
