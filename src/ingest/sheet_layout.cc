#include "ingest/sheet_layout.h"

#include <algorithm>

#include "base/text.h"
#include "ingest/column_schema.h"
#include "ingest/sheet_columns.h"

namespace zhizao::detail {
namespace {

// A header cell's text without any whitespace ("工业 总产值\n(万元)" → "工业总产值(万元)").
std::string compact_text(const xlsx::Cell* cell) {
  std::string text = plain_cell_text(cell);
  std::string out;
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::string_view(text).substr(i).starts_with(kIdeographicSpace)) {
      i += kIdeographicSpace.size() - 1;
    } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool names_column(FileKind kind, std::string_view name) {
  int column = 0;
  return !name.empty() && match_column(kind, normalise_header(name), column);
}

bool names_any_column(FileKind kind, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& name) { return names_column(kind, name); });
}

bool complete_for(FileKind kind, const std::vector<std::string>& names) {
  std::span<const ColumnSpec> columns = columns_of(kind);
  std::vector<bool> present(columns.size(), false);
  for (const std::string& name : names) {
    int column = 0;
    if (!name.empty() && match_column(kind, normalise_header(name), column)) {
      present[static_cast<size_t>(column)] = true;
    }
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].requirement == Requirement::kRequired && !present[i]) return false;
  }
  return true;
}

int row_width(const SheetGrid& grid, int row, int rows) {
  int width = 0;
  for (int r = row; r < row + rows; ++r) width = std::max(width, grid.last_column(r));
  return width;
}

// One header row: a merged cell's name stays on its first column only.
std::vector<std::string> single_row_names(const SheetGrid& grid, int row) {
  int width = row_width(grid, row, 1);
  std::vector<std::string> names(static_cast<size_t>(width));
  for (int column = 1; column <= width; ++column) {
    const xlsx::MergedRange* range = grid.merge_covering(row, column);
    // A cell merged down from the row above shows the name above.
    bool from_above = range != nullptr && range->first_row < row && range->first_column == column;
    names[static_cast<size_t>(column - 1)] =
        compact_text(from_above ? grid.shown(row, column) : grid.at(row, column));
  }
  return names;
}

bool is_current_marker(std::string_view text) {
  for (std::string_view m : {"本期", "本月", "当月", "当期", "本年", "本期数", "本月数", "现价"}) {
    if (text == m) return true;
  }
  return false;
}

bool is_previous_marker(std::string_view text) {
  for (std::string_view m : {"上年同期", "去年同期", "同期", "上年同月", "上年同期数"}) {
    if (text == m) return true;
  }
  return false;
}

// The name of a column under a group header `top` with sub-header `bottom`.
std::string combine(FileKind kind, const std::string& top, const std::string& bottom) {
  if (bottom.empty()) return top;
  if (top.empty() || top == bottom) return bottom;
  for (const std::string& joined : {top + bottom, bottom + top}) {
    if (names_column(kind, joined)) return joined;
  }
  std::string top_name = normalise_header(top);
  std::string bottom_name = normalise_header(bottom);
  if (is_current_marker(bottom_name)) return top;
  if (is_previous_marker(bottom_name)) return "上年同期" + top;
  if (is_current_marker(top_name)) return bottom;
  if (is_previous_marker(top_name)) return "上年同期" + bottom;
  return bottom;
}

// True when row `row` has merged cells that make it the upper row of a two-row header.
bool has_group_header(const SheetGrid& grid, const xlsx::Sheet& sheet, int row) {
  if (grid.last_column(row + 1) == 0) return false;
  for (const xlsx::MergedRange& range : sheet.merges) {
    if (range.first_row != row) continue;
    if (range.last_row > row || range.last_column > range.first_column) return true;
  }
  return false;
}

std::vector<std::string> two_row_names(const SheetGrid& grid, FileKind kind, int row) {
  int width = row_width(grid, row, 2);
  std::vector<std::string> names(static_cast<size_t>(width));
  for (int column = 1; column <= width; ++column) {
    const xlsx::MergedRange* below = grid.merge_covering(row + 1, column);
    bool merged_down = below != nullptr && below->first_row <= row;
    std::string top = compact_text(grid.shown(row, column));
    std::string bottom = merged_down ? std::string() : compact_text(grid.at(row + 1, column));
    names[static_cast<size_t>(column - 1)] = combine(kind, top, bottom);
  }
  return names;
}

// The rows above the header: a "单位：万元" note there sets the units of the table.
UnitDefaults note_units_above(const SheetGrid& grid, int header_row) {
  UnitDefaults defaults;
  for (int row = 1; row < header_row; ++row) {
    for (int column = 1; column <= grid.last_column(row); ++column) {
      const xlsx::Cell* cell = grid.at(row, column);
      if (cell == nullptr || cell->type != xlsx::CellType::kText) continue;
      UnitDefaults found = units_in_note(cell->text);
      if (found.money) defaults.money = found.money;
      if (found.electricity) defaults.electricity = found.electricity;
    }
  }
  return defaults;
}

// A row of short texts at least one of which is a unit of money or electricity.
bool is_units_row(const SheetGrid& grid, int row, int width) {
  bool any_unit = false;
  for (int column = 1; column <= width; ++column) {
    const xlsx::Cell* cell = grid.at(row, column);
    if (cell == nullptr) continue;
    if (cell->type != xlsx::CellType::kText) return false;
    if (display_width(trim(cell->text)) > 16) return false;
    if (parse_unit(cell->text)) any_unit = true;
  }
  return any_unit;
}

void read_units(const SheetGrid& grid, SheetLayout& layout) {
  layout.note_units = note_units_above(grid, layout.header_row);
  layout.unit_texts.assign(static_cast<size_t>(layout.width), std::string());
  for (int column = 1; column <= layout.width; ++column) {
    layout.unit_texts[static_cast<size_t>(column - 1)] =
        header_unit_text(layout.names[static_cast<size_t>(column - 1)]);
  }
  int next = layout.header_row + layout.header_rows;
  if (is_units_row(grid, next, layout.width)) {
    layout.units_row = next;
    for (int column = 1; column <= layout.width; ++column) {
      const xlsx::Cell* cell = grid.at(next, column);
      if (cell != nullptr) layout.unit_texts[static_cast<size_t>(column - 1)] = trim(cell->text);
    }
  }
  layout.first_data_row = next + (layout.units_row != 0 ? 1 : 0);
}

std::optional<SheetLayout> layout_at(const SheetGrid& grid, const xlsx::Sheet& sheet, int row,
                                     const std::vector<FileKind>& kinds) {
  for (FileKind kind : kinds) {
    SheetLayout layout;
    layout.kind = kind;
    layout.header_row = row;
    // A title merged across the table is no group header: a group header row names columns.
    if (has_group_header(grid, sheet, row) && names_any_column(kind, single_row_names(grid, row))) {
      std::vector<std::string> names = two_row_names(grid, kind, row);
      if (complete_for(kind, names)) {
        layout.header_rows = 2;
        layout.names = std::move(names);
      }
    }
    if (layout.names.empty()) {
      std::vector<std::string> names = single_row_names(grid, row);
      if (!complete_for(kind, names)) continue;
      layout.names = std::move(names);
    }
    // Trailing columns without a header are not part of the table.
    while (!layout.names.empty() && layout.names.back().empty()) layout.names.pop_back();
    layout.width = static_cast<int>(layout.names.size());
    read_units(grid, layout);
    return layout;
  }
  return std::nullopt;
}

}  // namespace

std::optional<SheetLayout> find_layout(const SheetGrid& grid, const xlsx::Sheet& sheet,
                                       std::vector<FileKind>* ambiguous_kinds) {
  std::vector<FileKind> named = kinds_from_sheet_name(sheet.name);
  int last = std::min(grid.last_row(), kHeaderSearchRows);
  if (!named.empty()) {
    for (int row = 1; row <= last; ++row) {
      if (std::optional<SheetLayout> layout = layout_at(grid, sheet, row, named)) return layout;
    }
  }
  // By header alone: a row's header tells the kind only when it fits exactly one kind, as for
  // CSV files (column_schema.h, kinds_from_header); a header that fits several is refused.
  for (int row = 1; row <= last; ++row) {
    std::vector<SheetLayout> fits;
    for (FileKind kind : kKindsInDependencyOrder) {
      if (std::optional<SheetLayout> layout = layout_at(grid, sheet, row, {kind})) {
        fits.push_back(*std::move(layout));
      }
    }
    if (fits.size() == 1) return std::move(fits.front());
    if (fits.empty()) continue;
    std::vector<SheetLayout*> whole;  // the kinds that know every column of their header
    for (SheetLayout& layout : fits) {
      bool knows_all = std::all_of(
          layout.names.begin(), layout.names.end(),
          [&](const std::string& name) { return name.empty() || names_column(layout.kind, name); });
      if (knows_all) whole.push_back(&layout);
    }
    if (whole.size() == 1) return std::move(*whole.front());
    if (ambiguous_kinds != nullptr) {
      ambiguous_kinds->clear();
      for (const SheetLayout& layout : fits) ambiguous_kinds->push_back(layout.kind);
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace zhizao::detail
