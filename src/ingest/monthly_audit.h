// Runs ImportOptions::audit_monthly (importer.h) over the parsed monthly files and places what it
// finds at the records' lines and columns, like every other finding of an import.
#pragma once

#include <span>
#include <vector>

#include "ingest/importer.h"
#include "ingest/parsed_file.h"

namespace zhizao::detail {

// Calls `audit` once per monthly file of `files` (with the enterprises rows of all of them) and
// adds its findings to that file's errors or warnings. A finding whose record index is out of
// range is dropped; one whose field is not a monthly column is reported on the row ("(row)").
void audit_monthly_files(std::vector<ParsedFile>& files, const MonthlyAudit& audit);

// Calls `audit` once on `records` (a part of the monthly file `file` holding whole enterprises,
// `lines` the line of each record, `key_order` their key order or empty) and adds its findings to
// that file's errors or warnings, as audit_monthly_files does (streamed files, issue 17).
void audit_monthly_part(ParsedFile& file, const std::vector<MonthlyRecord>& records,
                        std::span<const long> lines, std::span<const uint32_t> key_order,
                        const std::vector<Enterprise>& enterprises, const MonthlyAudit& audit);

// The enterprises rows of every enterprises file of `files`, in file order.
std::vector<Enterprise> imported_enterprises(const std::vector<ParsedFile>& files);

}  // namespace zhizao::detail
