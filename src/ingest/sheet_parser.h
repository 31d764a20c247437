// The workbook input path of ingest: every visible sheet of an .xlsx file becomes a ParsedFile
// of its own (one kind per sheet), read into the same records and checked by the same row
// parsers as a CSV file, with findings located as "FILE!SHEET!CELL".
#pragma once

#include <vector>

#include "ingest/importer.h"
#include "ingest/parsed_file.h"

namespace zhizao::detail {

// True when `source` is a workbook rather than CSV: its bytes start like a ZIP archive (or an
// old OLE2 .xls file), or its name ends in .xlsx, .xlsm or .xls.
bool is_workbook(const SourceFile& source);

// Parses every sheet of the workbook `source` that holds cells: the kind from the sheet's name
// or header, the header found below title rows, a units row and "单位：" notes applied (money
// to 万元, electricity to 万千瓦时), totals and note rows at the bottom skipped with a warning.
// Empty sheets are left out; hidden sheets and instruction sheets (说明) are skipped with a
// warning. A workbook that cannot be read gives one ParsedFile holding that error. Never fails.
std::vector<ParsedFile> parse_workbook(const SourceFile& source, const ImportOptions& options);

}  // namespace zhizao::detail
