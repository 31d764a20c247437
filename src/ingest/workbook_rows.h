// The records of a Dataset as sheet rows, one value per column of columns_of(kind), in the
// form the importer reads back: codes, ids and periods as text, amounts as numbers, dates as
// dates.
#pragma once

#include <vector>

#include "domain/dataset.h"
#include "ingest/workbook_sheet.h"

namespace zhizao::detail {

// Returns the rows of `kind` in `dataset` (for region groups, all groups given).
std::vector<SheetRow> sheet_rows(const Dataset& dataset, FileKind kind);

}  // namespace zhizao::detail
