#include "ingest/import_steps.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "ingest/sheet_location.h"

namespace zhizao::detail {
namespace {

// Sorts findings by line, then by the position of their column in the file (file-level
// markers such as "(row)" first), keeping the order of checks otherwise.
void sort_findings(const ParsedFile& file, FindingList& findings) {
  const std::vector<std::string>& written = file.header.written;
  auto position = [&](const Finding& f) {
    auto it = std::find(written.begin(), written.end(), f.column);
    return it == written.end() ? -1L : static_cast<long>(it - written.begin());
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    if (a.line != b.line) return a.line < b.line;
    return position(a) < position(b);
  });
}

}  // namespace

void collect_findings(std::vector<ParsedFile>& files, ImportOutcome& outcome) {
  for (ParsedFile& file : files) {
    sort_findings(file, file.findings.errors);
    sort_findings(file, file.findings.warnings);
    auto format = [&](const Finding& f) {
      return file.sheet ? format_sheet_finding(*file.sheet, file.header, f)
                        : format_finding(file.name, f);
    };
    for (const Finding& f : file.findings.errors) outcome.errors.push_back(format(f));
    for (const Finding& f : file.findings.warnings) outcome.warnings.push_back(format(f));
    // What a file found beyond the bound on its listed findings is counted in one line.
    std::string_view label = file.sheet ? std::string_view(file.sheet->label) : file.name;
    if (size_t more = file.findings.errors.unlisted(); more > 0) {
      outcome.errors.push_back(
          fmt::format("{}: {} more errors not listed (a file lists its first {})", label, more,
                      kMaxListedFindings));
    }
    if (size_t more = file.findings.warnings.unlisted(); more > 0) {
      outcome.warnings.push_back(
          fmt::format("{}: {} more warnings not listed (a file lists its first {})", label, more,
                      kMaxListedFindings));
    }
    outcome.errors_found += file.findings.errors.size() + file.findings.errors.unlisted();
    outcome.files.push_back(
        {file.name, file.kind ? std::string(kind_name(*file.kind)) : "", file.records});
  }
}

std::vector<SourcedBatch> batches_in_dependency_order(std::vector<ParsedFile>& files) {
  std::vector<SourcedBatch> batches;
  for (FileKind kind : kKindsInDependencyOrder) {
    for (ParsedFile& file : files) {
      if (file.kind != kind) continue;
      batches.push_back({file.name, std::move(file.rows), std::move(file.monthly_order)});
    }
  }
  return batches;
}

Status stage_daily_readings(std::vector<SourcedBatch>& batches, DailyReadingsSink& sink) {
  std::vector<DailyElectricity> readings;
  for (SourcedBatch& batch : batches) {
    std::vector<DailyElectricity>& rows = batch.rows.electricity_daily;
    readings.insert(readings.end(), std::make_move_iterator(rows.begin()),
                    std::make_move_iterator(rows.end()));
    rows.clear();
  }
  return sink.stage(readings);
}

}  // namespace zhizao::detail
