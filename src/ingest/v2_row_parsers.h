// Row parsers of the data contract's v2 input files (ingest/v2_columns.h): one record of
// products, product_output, targets, campaigns, assignments, visits or cases into the records of
// domain/records.h, with every check one row allows (codes, dates, ranges, dates in order). The
// checks against other rows and the database are in v2_cross_checks.h.
#pragma once

#include "ingest/importer.h"
#include "ingest/parsed_file.h"
#include "ingest/row_reader.h"

namespace zhizao::detail {

// Parses `row` of `file` (a v2 kind, is_v2_kind) and appends the record and its line to `file`
// when its key could be read (for product_output also the unit written beside it, to
// file.stated_units). Errors and warnings go to the row's findings:
// - products: code, name, unit required; division a 2-digit division when given;
// - product_output: a valid USCC, a period, a product code, quantity ≥ 0, quantity_prev ≥ 0;
// - targets: indicator one of the contract's four names, year ≥ 2000, value > 0, threshold ≥ 0
//   and required for enterprises_over and manufacturing_enterprises_over;
// - campaigns: real dates from ≤ to, planned counts whole numbers ≥ 0, investment ≥ 0;
// - assignments, visits: a valid USCC, a cadre, a department / a real date;
// - cases: real dates with deadline ≥ raised and resolved ≥ raised, rating a whole number 1–5.
void parse_v2_row(RowReader& row, const ImportOptions& options, ParsedFile& file);

}  // namespace zhizao::detail
