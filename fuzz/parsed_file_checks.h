// Invariants of a parsed input file (src/ingest/parsed_file.h) that hold for any bytes: every
// finding is located and explained, and every row kept has its line.
#pragma once

#include <string>
#include <vector>

#include "fuzz_support.h"
#include "ingest/file_kind.h"
#include "ingest/parsed_file.h"
#include "ingest/sheet_location.h"

namespace zhizao::fuzz {

// Messages cut the values they quote (base/text.h, ingest/finding.h): a column of 60
// characters and a reason of 300, 4 bytes each at most, plus the file or sheet label.
inline constexpr size_t kMaxMessageBytes = 4096;

// The number of rows in the vector of `kind` (the only one a ParsedFile fills).
inline size_t row_count(const Dataset& rows, detail::FileKind kind) {
  using detail::FileKind;
  switch (kind) {
    case FileKind::kChains:
      return rows.chains.size();
    case FileKind::kParks:
      return rows.parks.size();
    case FileKind::kRegionGroups:
      return rows.region_groups.size();
    case FileKind::kEnterprises:
      return rows.enterprises.size();
    case FileKind::kMonthly:
      return rows.monthly.size();
    case FileKind::kDeflators:
      return rows.deflators.size();
    case FileKind::kValueAddedRatios:
      return rows.va_ratios.size();
    case FileKind::kProjects:
      return rows.projects.size();
    case FileKind::kProjectProgress:
      return rows.project_progress.size();
    case FileKind::kElectricityDaily:
      return rows.electricity_daily.size();
    case FileKind::kCampaigns:
      return rows.campaigns.size();
    case FileKind::kProducts:
      return rows.products.size();
    case FileKind::kProductOutput:
      return rows.product_output.size();
    case FileKind::kTargets:
      return rows.targets.size();
    case FileKind::kAssignments:
      return rows.assignments.size();
    case FileKind::kVisits:
      return rows.visits.size();
    case FileKind::kCases:
      return rows.cases.size();
  }
  return 0;
}

// CSV findings: "FILE:LINE: COLUMN: reason" with LINE >= 1 and a column or marker. Sheet
// findings (sheet_location.h): line 0 is the whole workbook, without a column.
inline void check_findings(const detail::FindingList& findings, const detail::ParsedFile& file) {
  for (const detail::Finding& finding : findings) {
    check(!finding.reason.empty(), "a finding has a reason");
    if (file.sheet) {
      check(finding.line >= 0, "a sheet finding has a row >= 0");
      check(finding.line == 0 || !finding.column.empty(), "a sheet finding names a column");
      std::string message = detail::format_sheet_finding(*file.sheet, file.header, finding);
      check(message.starts_with(file.sheet->label), "a sheet message starts with FILE!SHEET");
      check(message.size() <= kMaxMessageBytes, "a message is cut to a readable length");
    } else {
      check(finding.line >= 1, "a finding has a line >= 1");
      check(!finding.column.empty(), "a finding names a column or a marker");
      std::string message = detail::format_finding(file.name, finding);
      check(message.starts_with(file.name + ":"), "a message starts with FILE:");
      check(message.size() <= kMaxMessageBytes, "a message is cut to a readable length");
    }
  }
}

// Checks the findings and rows of `file`.
inline void check_parsed_file(const detail::ParsedFile& file) {
  check(file.findings.errors.size() <= detail::kMaxListedFindings &&
            file.findings.warnings.size() <= detail::kMaxListedFindings,
        "no more findings listed than the bound");
  check_findings(file.findings.errors, file);
  check_findings(file.findings.warnings, file);
  size_t rows = file.kind ? row_count(file.rows, *file.kind) : 0;
  check(rows == file.lines.size(), "every row kept has its line");
  if (file.kind == detail::FileKind::kProductOutput) {
    check(file.stated_units.size() == rows, "every product output row has its stated unit");
  }
  check(static_cast<long>(rows) <= file.records, "no more rows than records");
  for (size_t i = 0; i < file.lines.size(); ++i) {
    check(file.lines[i] >= 1, "row lines are >= 1");
    // A sheet's rows keep their sheet order; CSV rows are read in line order.
    if (i > 0 && !file.sheet) check(file.lines[i] > file.lines[i - 1], "row lines increase");
  }
  if (!file.kind) check(file.findings.errors.size() >= 1, "a file of no kind has an error");
}

}  // namespace zhizao::fuzz
