// A safety file (docs/safety.md) as a header and rows of text: CSV (UTF-8 or GB18030, RFC 4180)
// or an .xlsx workbook (its first visible sheet, the header in row 1; date cells as YYYY-MM-DD).
// Internal to src/safety.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/finding.h"
#include "ingest/importer.h"
#include "tl/expected.hpp"

namespace zhizao::detail {

struct SafetyTableRow {
  long line = 0;                    // CSV: physical line where the record starts; XLSX: row number
  std::vector<std::string> fields;  // one per header column (missing trailing fields are empty)
};

struct SafetyTable {
  std::vector<std::string> header;   // as written, trimmed
  std::vector<SafetyTableRow> rows;  // blank rows left out
};

// Reads `bytes` (a file's whole content). Errors: one Finding — an encoding error at its line,
// a CSV syntax error at its record, a workbook that cannot be read or has no visible sheet
// (line 1, column "(file)"), or an empty file (line 1, column "(header)"). Thread-safe.
tl::expected<SafetyTable, Finding> read_safety_table(std::string_view bytes,
                                                     std::optional<Encoding> forced);

}  // namespace zhizao::detail
