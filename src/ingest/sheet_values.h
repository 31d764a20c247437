// The text a workbook cell gives a field, so that the CSV row parsers read it: dates from
// serial numbers, codes with their leading zeros, money and electricity in the contract's units.
#pragma once

#include <optional>
#include <string>

#include "ingest/sheet_columns.h"
#include "ingest/units.h"
#include "xlsx/workbook.h"

namespace zhizao::detail {

struct FieldText {
  std::string text;
  std::optional<std::string> error;  // a reason when the cell cannot be read at all
};

// Returns the field text of `cell` (nullptr: empty) in a column of `role`. `unit` converts
// money and electricity (numbers, and numbers stored as text, "1,234.5" included); "-", "—"
// and "/" in a numeric column mean missing. Text that is not a number is passed on unchanged
// for the row parser to word the error (`not a number: "12,3a"`).
FieldText field_text(const xlsx::Cell* cell, ColumnRole role, const std::optional<Unit>& unit,
                     bool date1904);

}  // namespace zhizao::detail
