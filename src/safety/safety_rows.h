// The rows of one safety file turned into records, with every error of a row's own fields
// (required, dates, codes, levels, order of dates, keys given twice). Checks between files and
// against the database are the importer's (safety_import.cc). Internal to src/safety.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/finding.h"
#include "safety/safety_columns.h"
#include "safety/safety_records.h"
#include "safety/safety_table.h"

namespace zhizao::detail {

struct ParsedSafetyFile {
  SafetyFileKind kind = SafetyFileKind::kPlans;
  std::string name;  // as the user gave it
  Findings findings;
  SafetyRegister records;            // only the kind's vector is filled, rows without errors
  std::vector<long> lines;           // the line of each record, in the same order
  std::vector<bool> deadline_given;  // hazards: whether the file gave the deadline
  long rows = 0;                     // data rows read
  std::map<std::string, std::string, std::less<>> headers;  // column → header as written

  // The header of column `column` as the file writes it, for messages.
  std::string header(std::string_view column) const {
    auto found = headers.find(column);
    return found == headers.end() ? std::string(column) : found->second;
  }
};

// Parses every row of `table` for `kind`; `columns` maps its header (errors of the header are
// already in `parsed.findings`).
void parse_safety_rows(const SafetyTable& table, const SafetyColumnMap& columns,
                       ParsedSafetyFile& parsed);

}  // namespace zhizao::detail
