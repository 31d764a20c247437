// Runs ImportOptions::audit_monthly (importer.h) over the parsed monthly files and places what it
// finds at the records' lines and columns, like every other finding of an import.
#pragma once

#include <vector>

#include "ingest/importer.h"
#include "ingest/parsed_file.h"

namespace zhizao::detail {

// Calls `audit` once per monthly file of `files` (with the enterprises rows of all of them) and
// adds its findings to that file's errors or warnings. A finding whose record index is out of
// range is dropped; one whose field is not a monthly column is reported on the row ("(row)").
void audit_monthly_files(std::vector<ParsedFile>& files, const MonthlyAudit& audit);

}  // namespace zhizao::detail
