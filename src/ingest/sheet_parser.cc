#include "ingest/sheet_parser.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "ingest/csv_reader.h"
#include "ingest/row_parsers.h"
#include "ingest/row_reader.h"
#include "ingest/sheet_columns.h"
#include "ingest/sheet_grid.h"
#include "ingest/sheet_layout.h"
#include "ingest/sheet_values.h"

namespace zhizao::detail {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0";

std::string_view compact_view(std::string_view text, std::string& scratch) {
  scratch.clear();
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') scratch.push_back(c);
  }
  return scratch;
}

// A row naming a total (合计, 总计, 小计, 全市合计, 合计：).
bool is_totals_row(const SheetGrid& grid, int row, int width, int& where) {
  std::string scratch;
  for (int column = 1; column <= width; ++column) {
    const xlsx::Cell* cell = grid.data_at(row, column);
    if (cell == nullptr || cell->type != xlsx::CellType::kText) continue;
    std::string_view text = compact_view(cell->text, scratch);
    while (text.ends_with(":") || text.ends_with("：")) {
      text.remove_suffix(text.ends_with(":") ? 1 : std::string_view("：").size());
    }
    for (std::string_view word : {"合计", "总计", "小计"}) {
      if (text.starts_with(word) || text.ends_with(word)) {
        where = column;
        return true;
      }
    }
  }
  return false;
}

// A note below a table: its first filled cell starts with 注, 说明, 数据来源, 填表人, ...
bool is_note_row(const SheetGrid& grid, int row, int width) {
  std::string scratch;
  for (int column = 1; column <= width; ++column) {
    const xlsx::Cell* cell = grid.data_at(row, column);
    if (cell == nullptr) continue;
    if (cell->type != xlsx::CellType::kText) return false;
    std::string_view text = compact_view(cell->text, scratch);
    for (std::string_view word : {"注:", "注：", "说明", "数据来源", "资料来源", "填表人", "填报人",
                                  "审核人", "制表", "单位负责人", "统计负责人"}) {
      if (text.starts_with(word)) return true;
    }
    return false;
  }
  return false;
}

// The unit of each field of the table, with the findings its units row calls for.
std::vector<std::optional<Unit>> field_units(const SheetLayout& layout, const HeaderMap& header,
                                             Findings& findings) {
  std::vector<std::optional<Unit>> units(static_cast<size_t>(layout.width));
  std::span<const ColumnSpec> columns = columns_of(layout.kind);
  for (size_t column = 0; column < columns.size(); ++column) {
    int field = header.field_of_column[column];
    if (field < 0) continue;
    ColumnRole role = column_role(layout.kind, static_cast<int>(column));
    if (role != ColumnRole::kMoney && role != ColumnRole::kElectricity) continue;
    Quantity quantity = role == ColumnRole::kMoney ? Quantity::kMoney : Quantity::kElectricity;
    const std::string& written = layout.unit_texts[static_cast<size_t>(field)];
    std::optional<Unit> unit = written.empty() ? std::nullopt : parse_unit(written);
    bool from_units_row = layout.units_row != 0 && !written.empty();
    long line = from_units_row ? layout.units_row : layout.header_row;
    const std::string& name = header.written[static_cast<size_t>(field)];
    if (!unit && from_units_row) {
      findings.errors.push_back(
          {line, name, fmt::format("unknown unit \"{}\"", shorten_for_message(written))});
    } else if (unit && unit->quantity != quantity) {
      findings.errors.push_back(
          {line, name,
           fmt::format("unit \"{}\" does not fit {}", shorten_for_message(written),
                       shorten_for_message(name))});
      unit.reset();
    }
    if (!unit)
      unit = quantity == Quantity::kMoney ? layout.note_units.money : layout.note_units.electricity;
    units[static_cast<size_t>(field)] = unit;
  }
  return units;
}

// Reads the data rows of the table into `file`.
void parse_rows(const SheetGrid& grid, const SheetLayout& layout, bool date1904,
                const ImportOptions& options, ParsedFile& file) {
  std::vector<ColumnRole> roles(static_cast<size_t>(layout.width), ColumnRole::kText);
  std::span<const ColumnSpec> columns = columns_of(layout.kind);
  for (size_t column = 0; column < columns.size(); ++column) {
    int field = file.header.field_of_column[column];
    if (field >= 0)
      roles[static_cast<size_t>(field)] = column_role(layout.kind, static_cast<int>(column));
  }
  std::vector<std::optional<Unit>> units = field_units(layout, file.header, file.findings);
  bool header_ok = file.findings.errors.empty();
  bool warned_outside = false;
  std::vector<std::string> texts(static_cast<size_t>(layout.width));
  CsvRecord record;
  for (int row = layout.first_data_row; row <= grid.last_row(); ++row) {
    if (grid.empty_row(row, layout.width)) continue;
    int totals_column = 0;
    if (is_totals_row(grid, row, layout.width, totals_column)) {
      file.findings.warnings.push_back({row,
                                        file.header.written[static_cast<size_t>(totals_column - 1)],
                                        "totals row, skipped"});
      continue;
    }
    if (is_note_row(grid, row, layout.width)) {
      file.findings.warnings.push_back({row, "(row)", "note below the table, skipped"});
      continue;
    }
    ++file.records;
    if (!header_ok) continue;
    if (!warned_outside && grid.last_column(row) > layout.width) {
      for (int column = layout.width + 1; column <= grid.last_column(row); ++column) {
        if (grid.at(row, column) == nullptr) continue;
        file.findings.warnings.push_back(
            {row, "(row)",
             fmt::format("values right of the table (from {}) are ignored",
                         xlsx::cell_reference(row, column))});
        warned_outside = true;
        break;
      }
    }
    record.line = row;
    record.fields.clear();
    bool cells_ok = true;
    for (int column = 1; column <= layout.width; ++column) {
      size_t field = static_cast<size_t>(column - 1);
      FieldText value = field_text(grid.data_at(row, column), roles[field], units[field], date1904);
      if (value.error) {
        file.findings.errors.push_back({row, file.header.written[field], *value.error});
        cells_ok = false;
      }
      texts[field] = std::move(value.text);
    }
    for (const std::string& text : texts) record.fields.push_back(text);
    if (!cells_ok) continue;
    RowReader reader(*file.kind, file.header, record, file.findings, CellSource::kWorkbook);
    parse_row(reader, options, file);
  }
}

bool is_instructions(std::string_view sheet_name) {
  std::string lower = ascii_lower(sheet_name);
  return lower.find("说明") != std::string::npos || lower == "readme" || lower == "notes";
}

std::optional<ParsedFile> parse_sheet(const std::string& file_name, const xlsx::Sheet& sheet,
                                      bool date1904, const ImportOptions& options) {
  if (sheet.cells.empty()) return std::nullopt;
  ParsedFile file;
  file.name = fmt::format("{}!{}", file_name, sheet.name);
  file.sheet = SheetLocation{file.name};
  if (sheet.hidden || is_instructions(sheet.name)) {
    file.findings.warnings.push_back(
        {0, "", fmt::format("{} sheet, skipped", sheet.hidden ? "hidden" : "instructions")});
    return file;
  }
  SheetGrid grid(sheet);
  std::vector<FileKind> ambiguous;
  std::optional<SheetLayout> layout = find_layout(grid, sheet, &ambiguous);
  if (!layout) {
    std::vector<FileKind> named = kinds_from_sheet_name(sheet.name);
    std::string reason =
        !ambiguous.empty()
            ? unknown_kind_reason(HeaderKinds{ambiguous, std::nullopt}, NamedThing::kSheet)
        : named.empty()
            ? fmt::format(
                  "cannot tell the kind of the sheet from its name or a header row in "
                  "its first {} rows",
                  kHeaderSearchRows)
            : fmt::format("no header row with the required columns of {} in the first {} rows",
                          kind_name(named.front()), kHeaderSearchRows);
    file.findings.errors.push_back({1, "(sheet)", reason});
    return file;
  }
  file.kind = layout->kind;
  std::vector<std::string_view> names(layout->names.begin(), layout->names.end());
  file.header = map_header(layout->kind, names, file.findings);
  // map_header places its findings (the only ones so far) on line 1; the header is lower.
  for (FindingList* list : {&file.findings.errors, &file.findings.warnings}) {
    for (Finding& f : *list) f.line = layout->header_row;
  }
  parse_rows(grid, *layout, date1904, options, file);
  return file;
}

ParsedFile unreadable(const SourceFile& source, std::string reason) {
  ParsedFile file;
  file.name = source.name;
  file.sheet = SheetLocation{source.name};
  file.findings.errors.push_back({0, "", std::move(reason)});
  return file;
}

bool has_suffix(std::string_view name, std::string_view suffix) {
  return name.size() >= suffix.size() &&
         ascii_lower(name.substr(name.size() - suffix.size())) == suffix;
}

}  // namespace

bool is_workbook(const SourceFile& source) {
  std::string_view bytes = source.bytes;
  return bytes.starts_with(kZipMagic) || bytes.starts_with(kOleMagic) ||
         has_suffix(source.name, ".xlsx") || has_suffix(source.name, ".xlsm") ||
         has_suffix(source.name, ".xls");
}

std::vector<ParsedFile> parse_workbook(const SourceFile& source, const ImportOptions& options) {
  std::vector<ParsedFile> files;
  if (std::string_view(source.bytes).starts_with(kOleMagic) || has_suffix(source.name, ".xls")) {
    files.push_back(unreadable(
        source, "an Excel 97-2003 (.xls) file: save it as .xlsx (Excel workbook) and import that"));
    return files;
  }
  Result<xlsx::Workbook> workbook = xlsx::read_workbook(source.bytes, options.limits.workbook);
  if (!workbook) {
    files.push_back(unreadable(source, workbook.error().message()));
    return files;
  }
  for (const xlsx::Sheet& sheet : workbook->sheets) {
    std::optional<ParsedFile> file = parse_sheet(source.name, sheet, workbook->date1904, options);
    if (file) files.push_back(*std::move(file));
  }
  if (files.empty()) files.push_back(unreadable(source, "the workbook has no data"));
  return files;
}

}  // namespace zhizao::detail
