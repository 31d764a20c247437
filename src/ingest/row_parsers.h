// Row parsers: one CSV record of each file kind into the record structs of domain/records.h,
// checked against the standards (GB 32100 codes, GB/T 4754 industries, GB/T 2260 regions).
#pragma once

#include "ingest/importer.h"
#include "ingest/parsed_file.h"
#include "ingest/row_reader.h"

namespace zhizao::detail {

// Parses `row` (a record of `file`, whose kind is set) and appends the record and its line to
// `file` when its key could be read. Errors and warnings go to the row's findings.
void parse_row(RowReader& row, const ImportOptions& options, ParsedFile& file);

}  // namespace zhizao::detail
