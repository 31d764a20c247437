// The four safety files written back (docs/safety.md "Files" and "Export and templates"): the
// stored plans, checks, hazards and duty roster as the files the importer reads — each kind its
// own .xlsx workbook (one sheet, header in row 1 with the Chinese column names users keep, dates
// as date cells, codes as text) or CSV — and a blank template of each kind with one example row.
// The file kind of a safety file is told by its name, so the files are named by the kind's stem
// (safety_plans.xlsx, ...). Thread-compatible (writes files).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "safety/safety_import.h"
#include "safety/safety_records.h"

namespace zhizao {

// The kind whose stem is exactly `stem` ("safety_plans", ..., "duty_roster", ASCII case
// ignored), nullopt otherwise.
std::optional<SafetyFileKind> parse_safety_kind(std::string_view stem);

// The sheet of a kind's workbook: 检查计划, 检查记录, 隐患台账, 值班表.
std::string_view safety_sheet_name(SafetyFileKind kind);

enum class SafetyFileFormat { kXlsx, kCsv };

// Writes the rows of `kind` in `records` to `path`: every documented column in the documented
// order, headed by its Chinese name; divisions joined by ';', levels and re-inspection results in
// Chinese (重大/一般, 通过/未通过), the deadline always written (a stored hazard has one). An .xlsx
// has dates as date cells and codes as text, a frozen header; a CSV is UTF-8 with dates
// YYYY-MM-DD. Importing the file into a database that has what the rows refer to gives back the
// same rows. No rows: the header alone. The file appears only when complete. Errors: kIoError.
Status export_safety_file(const SafetyRegister& records, SafetyFileKind kind,
                          SafetyFileFormat format, const std::string& path);

// Writes the four files of `records` into the folder `dir` (created when missing) as
// STEM.xlsx or STEM.csv. Errors: kIoError.
Status export_safety_files(const SafetyRegister& records, SafetyFileFormat format,
                           const std::string& dir);

// Writes a template of `kind` to the .xlsx file `path`: the header of Chinese column names in
// row 1 (the English name, whether required and what it holds in each header cell's note) and
// one example row. The example rows fit together and name the contract templates' sample
// enterprise (91410302MA400001XM), so the four templates import, example rows included, into a
// database that has it; with the example row deleted a template imports nothing.
// Errors: kIoError.
Status write_safety_template(SafetyFileKind kind, const std::string& path);

}  // namespace zhizao
