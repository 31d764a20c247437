// Where the table of a sheet lies: the title rows above it, its header row (or two rows, when
// merged group headers sit above sub-headers), an optional units row, and its kind.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/file_kind.h"
#include "ingest/sheet_grid.h"
#include "ingest/units.h"

namespace zhizao::detail {

// Title rows are looked for a header in this many rows from the top.
inline constexpr int kHeaderSearchRows = 30;

struct SheetLayout {
  FileKind kind = FileKind::kEnterprises;
  int header_row = 0;   // the (first) header row
  int header_rows = 1;  // 2 for a group header above sub-headers
  int width = 0;        // the table's last column
  // Per column 1..width (index 0 is column A): the header, spaces removed, a merged cell's
  // value given to the columns it spans in a group header; empty for a column without one.
  std::vector<std::string> names;
  // Per column: the unit text written for it (units row, else the header's brackets), or empty.
  std::vector<std::string> unit_texts;
  int units_row = 0;        // 0 when there is none
  UnitDefaults note_units;  // "单位：万元" written above the header
  int first_data_row = 0;
};

// Finds the table of a sheet: the kinds its name suggests are tried first on each of the first
// kHeaderSearchRows rows (the first row whose headers hold all the required columns of one of
// them is the header); when its name suggests none, the first row whose header fits exactly one
// kind (as kinds_from_header: the only kind with all its required columns, or else the only one
// of those that knows every column) is the header. Returns nullopt when no row qualifies, or when
// the first row that fits a kind fits several: then `ambiguous_kinds` (when not null) gets them.
// `grid` must be the grid of `sheet`.
std::optional<SheetLayout> find_layout(const SheetGrid& grid, const xlsx::Sheet& sheet,
                                       std::vector<FileKind>* ambiguous_kinds = nullptr);

}  // namespace zhizao::detail
