// electricity_daily.csv (data contract "v2 additions"): its columns, its rows, and its checks
// across rows and files (duplicate (uscc, date) keys, unknown enterprises). Registered with one
// line in each of ingest's tables over the file kinds (FileKind::kElectricityDaily).
#pragma once

#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/column_schema.h"
#include "ingest/importer.h"
#include "ingest/parsed_file.h"
#include "ingest/row_reader.h"
#include "ingest/sheet_columns.h"
#include "ingest/workbook_sheet.h"

namespace zhizao::detail {

namespace daily_electricity_col {
enum : int { kUscc, kDate, kKwh };
}

// The columns: uscc* [统一社会信用代码], date* [日期], kwh* [日用电量] (kWh). Static; thread-safe.
std::span<const ColumnSpec> daily_electricity_columns();

// How a workbook cell of `column` is read: the date as a date, kWh as a plain number (not
// 万千瓦时: no unit conversion).
ColumnRole daily_electricity_column_role(int column);

// Parses one record: a valid USCC (GB 32100-2015), a real date, a number of kWh ≥ 0; appends the
// reading and its line to `file` when its key could be read. Errors go to the row's findings.
void parse_daily_electricity(RowReader& row, const ImportOptions& options, ParsedFile& file);

// Reports every reading whose (uscc, date) an earlier reading of the same file or of an earlier
// electricity_daily file of the import already has, naming that earlier line.
void check_daily_electricity_keys(std::vector<ParsedFile>& files);

// Reports every reading of an enterprise that is not in `enterprises` (stored, or in the import).
void check_daily_electricity_references(std::vector<ParsedFile>& files,
                                        const std::unordered_set<std::string_view>& enterprises);

// A sheet row of a reading (export), and the sample row of the import template.
SheetRow daily_electricity_sheet_row(const DailyElectricity& reading);
SheetRow daily_electricity_sample_row(std::string_view sample_uscc);

}  // namespace zhizao::detail
