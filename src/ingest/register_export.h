// One register of the data contract as its own Excel workbook (issue 14: "CSV import and XLSX
// export of each register, in the formats the users already keep"): the sheet and columns that
// export_contract_workbook writes for that file kind (workbook_export.h), alone, so that the
// bureau keeps e.g. its 包联 or 走访记录 spreadsheet and imports it back unchanged.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "domain/dataset.h"

namespace zhizao {

// Writes the rows of file kind `kind` (its stem: "assignments", "visits", "cases", or any other
// kind the importer knows) of `dataset` to the .xlsx file `path`: one sheet
// named as in the contract workbook (包联, 走访记录, 企业诉求, ...), a frozen header row of the
// contract's Chinese column names, codes as text, dates as dates. Importing it gives back the same
// rows. An empty register gives the header alone. Errors: kUsage for an unknown kind; kIoError
// when the file cannot be written.
Status export_register_workbook(const Dataset& dataset, std::string_view kind,
                                const std::string& path);

}  // namespace zhizao
