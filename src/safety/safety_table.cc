#include "safety/safety_table.h"

#include <algorithm>

#include "base/text.h"
#include "ingest/csv_reader.h"
#include "ingest/encoding.h"
#include "ingest/formula_guard.h"
#include "ingest/sheet_grid.h"
#include "xlsx/workbook.h"

namespace zhizao::detail {
namespace {

bool blank(const std::vector<std::string>& fields) {
  for (const std::string& field : fields) {
    if (!trim(field).empty()) return false;
  }
  return true;
}

// Pads or keeps `fields` to the header's width; extra fields beyond it are kept so that the
// row check can name them.
SafetyTableRow make_row(long line, std::vector<std::string> fields) {
  for (std::string& field : fields) field = std::string(trim(field));
  return SafetyTableRow{line, std::move(fields)};
}

tl::expected<SafetyTable, Finding> read_csv(std::string_view bytes,
                                            std::optional<Encoding> forced) {
  tl::expected<DecodedText, Finding> decoded = decode_to_utf8(bytes, forced);
  if (!decoded) return tl::unexpected(decoded.error());
  CsvReader reader(decoded->text());
  CsvRecord record;
  SafetyTable table;
  bool have_header = false;
  while (true) {
    Result<bool> read = reader.next(record);
    if (!read) return tl::unexpected(Finding{record.line, "(csv)", read.error().message()});
    if (!*read) break;
    std::vector<std::string> fields(record.fields.begin(), record.fields.end());
    if (!have_header) {
      for (std::string& name : fields) table.header.emplace_back(trim(name));
      have_header = true;
      continue;
    }
    if (blank(fields)) continue;
    // A cell a spreadsheet would take for a formula is written '=… by zhizao's CSV export (a
    // phone "+86 …" too): read back as the value, as the contract's files are
    // (ingest/formula_guard.h).
    for (std::string& field : fields) field = std::string(restore_formula_text(field));
    table.rows.push_back(make_row(record.line, std::move(fields)));
  }
  if (!have_header) return tl::unexpected(Finding{1, "(header)", "the file is empty"});
  return table;
}

// The text of a cell: a date cell as YYYY-MM-DD, else as written.
std::string cell_text(const xlsx::Cell* cell, bool date1904) {
  if (cell != nullptr && cell->type == xlsx::CellType::kNumber && cell->date) {
    Result<CivilDate> date = xlsx::date_from_serial(cell->number, date1904);
    if (date) return date->to_string();
  }
  return plain_cell_text(cell);
}

tl::expected<SafetyTable, Finding> read_xlsx(std::string_view bytes) {
  Result<xlsx::Workbook> workbook = xlsx::read_workbook(bytes);
  if (!workbook) return tl::unexpected(Finding{1, "(file)", workbook.error().message()});
  const xlsx::Sheet* sheet = nullptr;
  for (const xlsx::Sheet& candidate : workbook->sheets) {
    if (!candidate.hidden) {
      sheet = &candidate;
      break;
    }
  }
  if (sheet == nullptr) return tl::unexpected(Finding{1, "(file)", "the workbook has no sheet"});
  SheetGrid grid(*sheet);
  if (grid.last_row() < 1 || grid.last_column(1) == 0) {
    return tl::unexpected(Finding{1, "(header)", "the sheet is empty"});
  }
  SafetyTable table;
  const int width = grid.last_column(1);
  for (int column = 1; column <= width; ++column) {
    table.header.emplace_back(trim(cell_text(grid.shown(1, column), workbook->date1904)));
  }
  for (int row = 2; row <= grid.last_row(); ++row) {
    const int last = std::max(width, grid.last_column(row));
    std::vector<std::string> fields;
    for (int column = 1; column <= last; ++column) {
      fields.push_back(cell_text(grid.at(row, column), workbook->date1904));
    }
    if (blank(fields)) continue;
    table.rows.push_back(make_row(row, std::move(fields)));
  }
  return table;
}

}  // namespace

tl::expected<SafetyTable, Finding> read_safety_table(std::string_view bytes,
                                                     std::optional<Encoding> forced) {
  // An .xlsx file is a ZIP archive (local file header "PK\3\4", APPNOTE 4.3.7).
  if (bytes.starts_with(std::string_view("PK\x03\x04", 4))) return read_xlsx(bytes);
  return read_csv(bytes, forced);
}

}  // namespace zhizao::detail
