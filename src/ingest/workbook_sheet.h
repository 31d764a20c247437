// Writing one file kind as a table on a sheet: the cells of a row, the header with units, the
// column styles and widths shared by the data export and the templates.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "base/year_month.h"
#include "ingest/file_kind.h"
#include "xlsx/workbook_writer.h"

namespace zhizao::detail {

// A cell to write: empty, text, a number or a date.
using CellValue = std::variant<std::monostate, std::string, double, CivilDate>;
using SheetRow = std::vector<CellValue>;  // one value per column of columns_of(kind)

// Returns the header of a column as written: its Chinese name, with "(万元)" or "(万千瓦时)"
// when `with_unit` and the column holds money or electricity.
std::string written_header(FileKind kind, int column, bool with_unit);

// Returns the unit of a column for a units row: "万元", "万千瓦时" or empty.
std::string_view unit_of_column(FileKind kind, int column);

// Writes `row` at 0-based sheet row `at`.
void write_row(xlsx::SheetWriter& sheet, int at, const SheetRow& row);

// Sets each column's width to fit its header and the first rows of `rows`, and its style
// (text for codes, so that typing "06" keeps the zero).
void fit_columns(xlsx::SheetWriter& sheet, FileKind kind, const std::vector<SheetRow>& rows);

}  // namespace zhizao::detail
