#include "ingest/sheet_grid.h"

#include <algorithm>

#include "base/text.h"
#include "ingest/csv_writer.h"

namespace zhizao::detail {
namespace {

// A guard against merged ranges over whole sheets: only this many (row, range) pairs are indexed.
constexpr size_t kMaxIndexedMergeRows = 4'000'000;

bool blank(const xlsx::Cell* cell) {
  return cell == nullptr || (cell->type == xlsx::CellType::kText && trim(cell->text).empty());
}

}  // namespace

SheetGrid::SheetGrid(const xlsx::Sheet& sheet) : sheet_(sheet) {
  for (const xlsx::Cell& cell : sheet.cells) {
    if (cell.row > static_cast<int>(rows_.size())) rows_.resize(static_cast<size_t>(cell.row));
    rows_[static_cast<size_t>(cell.row - 1)].push_back({cell.column, &cell});
  }
  for (std::vector<Entry>& row : rows_) {
    auto by_column = [](const Entry& a, const Entry& b) { return a.column < b.column; };
    if (std::is_sorted(row.begin(), row.end(), by_column)) {
      if (std::adjacent_find(row.begin(), row.end(), [](const Entry& a, const Entry& b) {
            return a.column == b.column;
          }) == row.end()) {
        continue;
      }
    }
    // A column written twice in a row: the later cell wins, as it did when it overwrote a slot.
    std::stable_sort(row.begin(), row.end(), by_column);
    std::vector<Entry> unique;
    for (const Entry& entry : row) {
      if (!unique.empty() && unique.back().column == entry.column) {
        unique.back() = entry;
      } else {
        unique.push_back(entry);
      }
    }
    row = std::move(unique);
  }
  size_t indexed = 0;
  for (const xlsx::MergedRange& range : sheet.merges) {
    if (range.first_row == range.last_row && range.first_column == range.last_column) continue;
    for (int r = range.first_row; r <= range.last_row && indexed < kMaxIndexedMergeRows;
         ++r, ++indexed) {
      if (r > static_cast<int>(merges_by_row_.size())) {
        merges_by_row_.resize(static_cast<size_t>(r));
      }
      merges_by_row_[static_cast<size_t>(r - 1)].push_back(&range);
    }
  }
}

int SheetGrid::last_column(int row) const {
  if (row < 1 || row > last_row()) return 0;
  const std::vector<Entry>& cells = rows_[static_cast<size_t>(row - 1)];
  return cells.empty() ? 0 : cells.back().column;
}

const xlsx::Cell* SheetGrid::at(int row, int column) const {
  if (row < 1 || row > last_row() || column < 1) return nullptr;
  const std::vector<Entry>& cells = rows_[static_cast<size_t>(row - 1)];
  auto it = std::lower_bound(cells.begin(), cells.end(), column,
                             [](const Entry& entry, int c) { return entry.column < c; });
  return it != cells.end() && it->column == column ? it->cell : nullptr;
}

const xlsx::MergedRange* SheetGrid::merge_covering(int row, int column) const {
  if (row < 1 || row > static_cast<int>(merges_by_row_.size())) return nullptr;
  for (const xlsx::MergedRange* range : merges_by_row_[static_cast<size_t>(row - 1)]) {
    if (range->contains(row, column) &&
        (row != range->first_row || column != range->first_column)) {
      return range;
    }
  }
  return nullptr;
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
  // data_at gives nullptr at any other column: no cell there, and no range merged down from
  // above whose first column it is.
  if (row >= 1 && row <= last_row()) {
    for (const Entry& entry : rows_[static_cast<size_t>(row - 1)]) {
      if (entry.column > width) break;
      if (!blank(data_at(row, entry.column))) return false;
    }
  }
  if (row >= 1 && row <= static_cast<int>(merges_by_row_.size())) {
    for (const xlsx::MergedRange* range : merges_by_row_[static_cast<size_t>(row - 1)]) {
      if (range->first_column <= width && !blank(data_at(row, range->first_column))) return false;
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
