// Where a finding about a sheet of a workbook lies: "FILE!SHEET!CELL: reason", the workbook
// counterpart of the contract's "FILE:LINE: COLUMN: reason".
#pragma once

#include <string>

#include "ingest/column_schema.h"
#include "ingest/finding.h"

namespace zhizao::detail {

// A ParsedFile read from a sheet: its findings' lines are sheet rows, and field i of every
// record (and of HeaderMap::written) is sheet column i + 1 (A = field 0).
struct SheetLocation {
  std::string label;  // "FILE!SHEET", or "FILE" for problems of the whole workbook
};

// Returns "LABEL!D17: reason" when the finding's column is a header of `header` (the cell of
// that column on the finding's row); "LABEL!A17: COLUMN: reason" for a column not in the sheet
// (a missing required column); "LABEL!A17: reason" for markers such as "(row)"; "LABEL: reason"
// when the line is 0.
std::string format_sheet_finding(const SheetLocation& where, const HeaderMap& header,
                                 const Finding& finding);

}  // namespace zhizao::detail
