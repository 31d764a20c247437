// Hand-made data for the warnings tests: enterprises with a few months of output, and rules
// written inline.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "warnings/compute_warnings.h"
#include "warnings/warning_rules.h"

namespace zhizao::testing {

inline Enterprise firm(std::string uscc, std::string region = "410302", bool key = false,
                       std::string division = "34") {
  Enterprise e;
  e.uscc = std::move(uscc);
  e.name = "企业" + e.uscc;
  e.industry = division;
  e.division = std::move(division);
  e.region = std::move(region);
  e.key = key;
  return e;
}

inline MonthlyRecord output_row(const std::string& uscc, YearMonth period, double output,
                                std::optional<double> output_prev = std::nullopt) {
  MonthlyRecord r;
  r.uscc = uscc;
  r.period = period;
  r.output = output;
  r.output_prev = output_prev;
  return r;
}

// Output 100 in every month of 2020 and `this_year` in 2021-01..2021-04.
inline void add_months(Dataset& data, const std::string& uscc, std::vector<double> this_year) {
  for (int m = 1; m <= 12; ++m) data.monthly.push_back(output_row(uscc, {2020, m}, 100));
  for (int m = 1; m <= static_cast<int>(this_year.size()); ++m) {
    data.monthly.push_back(output_row(uscc, {2021, m}, this_year[m - 1]));
  }
}

inline WarningRules rules_of(std::string_view text) {
  Result<WarningRules> parsed = parse_warning_rules(text, "test.toml");
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().message());
  return parsed ? *parsed : WarningRules{};
}

// The report of `data` for `request` and the warnings `rules` raise from it.
inline std::vector<Warning> warnings_of(const Dataset& data, const ReportRequest& request,
                                        const WarningRules& rules) {
  Result<ReportData> report = compute_report(data, request);
  EXPECT_TRUE(report) << (report ? "" : report.error().message());
  if (!report) return {};
  detail::IndexedDataset records(data);
  Result<std::vector<Warning>> warnings = compute_warnings(records, request, *report, rules);
  EXPECT_TRUE(warnings);
  return warnings ? *warnings : std::vector<Warning>{};
}

// The warnings of hand-made figures (no records).
inline std::vector<Warning> warnings_of_figures(const ReportData& figures,
                                                const WarningRules& rules, std::string scope = "") {
  Dataset empty;
  detail::IndexedDataset records(empty);
  ReportRequest request{figures.period, WindowKind::kCumulative, std::move(scope)};
  Result<std::vector<Warning>> warnings = compute_warnings(records, request, figures, rules);
  EXPECT_TRUE(warnings) << (warnings ? "" : warnings.error().message());
  return warnings ? *warnings : std::vector<Warning>{};
}

inline std::vector<std::string> subjects(const std::vector<Warning>& warnings) {
  std::vector<std::string> out;
  for (const Warning& w : warnings) out.push_back(w.rule + ":" + w.subject_id);
  return out;
}

inline double figure(const Warning& w, std::string_view name) {
  for (const auto& [key, value] : w.figures) {
    if (key == name) return value;
  }
  ADD_FAILURE() << "no figure " << name;
  return 0;
}

}  // namespace zhizao::testing
