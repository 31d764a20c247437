// The v2 input files' records as sheet rows (workbook_sheet.h), one value per column of
// v2_columns(kind): for the workbook and CSV exports, and the sample rows of import templates.
#pragma once

#include <string_view>
#include <vector>

#include "domain/dataset.h"
#include "ingest/workbook_sheet.h"

namespace zhizao::detail {

// Returns the rows of the v2 kind `kind` in `dataset`: ids, codes and periods as text, amounts
// and counts as numbers, dates as dates, the indicator by its contract name. A product output
// row has no `unit` value (the column is not the contract's; its product has the unit).
// Empty for other kinds.
std::vector<SheetRow> v2_sheet_rows(const Dataset& dataset, FileKind kind);

// Returns the sample row of a template for the v2 kind `kind`. The rows fit together and with
// the v1 samples: product output names the sample product in its unit; product output,
// assignments, visits and cases name the enterprise `sample_uscc`; the target's scope is "all".
SheetRow v2_sample_row(FileKind kind, std::string_view sample_uscc);

// The number of columns the exports write for `kind`: every column of columns_of(kind) but
// product output's `unit`, which no stored record holds.
size_t exported_column_count(FileKind kind);

}  // namespace zhizao::detail
