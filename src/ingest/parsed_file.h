// ParsedFile: one input file after decoding, CSV parsing and row checks, before the checks that
// need the other files and the database (duplicate keys, references).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "ingest/column_schema.h"
#include "ingest/file_kind.h"
#include "ingest/finding.h"
#include "ingest/sheet_location.h"

namespace zhizao::detail {

struct ParsedFile {
  std::string name;              // as given, for messages and revisions
  std::optional<FileKind> kind;  // absent when it could not be told
  HeaderMap header;
  // Only the vector of `kind` is filled: every row whose key could be read (rows with errors
  // in other fields too, so that the cross-file checks do not report them twice).
  Dataset rows;
  std::vector<long> lines;  // the line of each row of that vector
  // product_output only: per row, the `unit` written beside the quantity (empty when none), for
  // the check against the product's unit (v2_cross_checks.h).
  std::vector<std::string> stated_units;
  // The key order of rows.monthly when the duplicate check computed it (SourcedBatch says why).
  std::vector<uint32_t> monthly_order;
  long records = 0;  // data records read
  Findings findings;
  // Set for a sheet of a workbook: lines are sheet rows, messages "FILE!SHEET!CELL: reason".
  std::optional<SheetLocation> sheet;
};

}  // namespace zhizao::detail
