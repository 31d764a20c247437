// Data-quality checks before publishing (data contract v2, "Data quality"; docs/methodology.md,
// "Data quality"): every enterprise's monthly series confronted with its electricity, its
// division and its own past, each check raising a finding worded as something to verify. The
// physical limits of the audit rules are the rules module's (rules/rule_check.h); the CLI and the
// server add them (server/quality_service.h), as they add the reviewers' verifications.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "engine/indexed_dataset.h"
#include "engine/v2_figures.h"
#include "quality/daily_electricity_months.h"
#include "quality/quality_thresholds.h"

namespace zhizao {

struct QualityRequest {
  YearMonth period;   // the window is months 1..M of its year, as a cumulative report's
  std::string scope;  // a region code of any level or a region group id; empty for all
};

// The check ids in the order findings of one enterprise are listed (physical_limit last).
const std::vector<std::string>& quality_check_ids();

// Runs every check over the enterprises of the scope with a record in the window, reading their
// history from the data's first month up to the period. Returns the findings sorted by uscc, then
// check order; status kOpen. The division distributions (value-added ratio, levels) are over every
// enterprise, whatever the scope. Errors: kUsage for a January period (as a report) or an unknown
// scope. Pure; thread-safe for distinct outputs.
Result<std::vector<QualityFinding>> run_quality_checks(const detail::IndexedDataset& data,
                                                       const QualityRequest& request,
                                                       const QualityThresholds& thresholds);

// The same, the electricity checks (electricity_divergence, unexplained_jump) reading an
// enterprise's month from `daily` where its daily readings are complete, from the monthly figure
// otherwise; their findings' evidence names the source (docs/methodology.md, "Data quality").
// `daily` is borrowed for the call.
Result<std::vector<QualityFinding>> run_quality_checks(const detail::IndexedDataset& data,
                                                       const QualityRequest& request,
                                                       const QualityThresholds& thresholds,
                                                       const DailyElectricityMonths& daily);

// The series a reviewer charts beside a finding: the enterprise's months from 23 months before the
// period to the period, with its output, value added (as reported), electricity and its
// division's output growth on the same month last year (%, current prices).
struct QualityEvidenceSeries {
  std::string uscc;
  std::string name;
  std::string region;
  std::string division;
  std::vector<YearMonth> months;
  std::vector<std::optional<double>> output;
  std::vector<std::optional<double>> value_added;
  std::vector<std::optional<double>> electricity;
  std::vector<std::optional<double>> division_growth;
};

// Returns the series of the enterprise `uscc`. Errors: kNotFound when it is not registered.
Result<QualityEvidenceSeries> quality_evidence_series(const detail::IndexedDataset& data,
                                                      const std::string& uscc, YearMonth period);

}  // namespace zhizao
