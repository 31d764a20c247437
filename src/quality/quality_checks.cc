#include "quality/quality_checks.h"

#include <algorithm>
#include <map>

#include "engine/region_scope.h"
#include "engine/window.h"
#include "quality/quality_check_list.h"

namespace zhizao {
namespace {

using detail::EnterpriseHistory;
using detail::QualityContext;

using Check = void (*)(const EnterpriseHistory&, const QualityContext&,
                       std::vector<QualityFinding>&);

constexpr Check kChecks[] = {
    detail::check_electricity_divergence, detail::check_value_added_ratio,
    detail::check_copied_last_year,       detail::check_constant_series,
    detail::check_unexplained_jump,       detail::check_benford_first_digit,
    detail::check_last_digit_uniformity,
};

YearMonth first_month(const detail::IndexedDataset& data, YearMonth period) {
  const MonthlyColumns& columns = data.columns();
  if (columns.months == 0) return period;
  return std::min(period, YearMonth::from_index(columns.first_month));
}

EnterpriseHistory history_of(const detail::IndexedDataset& data, std::size_t e, YearMonth first,
                             YearMonth last) {
  EnterpriseHistory history;
  history.index = e;
  history.enterprise = &data.enterprises()[e];
  for (YearMonth m = first; m <= last; m = m.plus_months(1)) {
    if (!data.has_record(e, m)) continue;
    if (std::optional<MonthlyRecord> record = data.record(e, m)) {
      record->uscc = history.enterprise->uscc;
      history.records.push_back(std::move(*record));
    }
  }
  return history;
}

bool has_window_record(const detail::IndexedDataset& data, std::size_t e, YearMonth from,
                       YearMonth to) {
  for (YearMonth m = from; m <= to; m = m.plus_months(1)) {
    if (data.has_record(e, m)) return true;
  }
  return false;
}

// Median and MAD of the enterprises' log value-added ratios over the window, per division.
std::map<std::string, QualityContext::RatioSpread> ratio_spreads(const detail::IndexedDataset& data,
                                                                 const QualityContext& context) {
  std::map<std::string, std::vector<double>> by_division;
  for (std::size_t e = 0; e < data.enterprises().size(); ++e) {
    EnterpriseHistory window = history_of(data, e, context.from, context.to);
    if (std::optional<double> ratio = detail::window_log_ratio(window, context)) {
      by_division[data.enterprises()[e].division].push_back(*ratio);
    }
  }
  std::map<std::string, QualityContext::RatioSpread> spreads;
  for (auto& [division, ratios] : by_division) {
    double median = detail::median_of(ratios);
    std::vector<double> deviations;
    deviations.reserve(ratios.size());
    for (double ratio : ratios) deviations.push_back(std::abs(ratio - median));
    spreads[division] = {median, detail::median_of(deviations), static_cast<int>(ratios.size())};
  }
  return spreads;
}

}  // namespace

const std::vector<std::string>& quality_check_ids() {
  static const std::vector<std::string> ids = {
      detail::kElectricityDivergence, detail::kValueAddedRatio, detail::kCopiedLastYear,
      detail::kConstantSeries,        detail::kUnexplainedJump, detail::kBenfordFirstDigit,
      detail::kLastDigitUniformity,   detail::kPhysicalLimit,
  };
  return ids;
}

Result<std::vector<QualityFinding>> run_quality_checks(const detail::IndexedDataset& data,
                                                       const QualityRequest& request,
                                                       const QualityThresholds& thresholds) {
  return run_quality_checks(data, request, thresholds, DailyElectricityMonths{});
}

Result<std::vector<QualityFinding>> run_quality_checks(const detail::IndexedDataset& data,
                                                       const QualityRequest& request,
                                                       const QualityThresholds& thresholds,
                                                       const DailyElectricityMonths& daily) {
  Result<detail::ReportWindow> window =
      detail::report_window(request.period, WindowKind::kCumulative);
  if (!window) return fail(window.error());
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(data.dataset(), request.scope);
  if (!scope) return fail(scope.error());
  YearMonth first = first_month(data, window->from);
  detail::DivisionLevels divisions(data, first, window->to);
  std::map<std::string, QualityContext::RatioSpread> no_spreads;
  QualityContext context{window->from, window->to, thresholds, divisions, no_spreads};
  std::map<std::string, QualityContext::RatioSpread> spreads = ratio_spreads(data, context);
  QualityContext checked{window->from, window->to, thresholds, divisions, spreads};

  std::vector<QualityFinding> findings;
  std::span<const Enterprise> enterprises = data.enterprises();
  for (std::size_t e = 0; e < enterprises.size(); ++e) {
    if (!scope->contains(enterprises[e].region)) continue;
    if (!has_window_record(data, e, window->from, window->to)) continue;
    EnterpriseHistory history = history_of(data, e, first, window->to);
    history.daily = &daily;
    for (Check check : kChecks) check(history, checked, findings);
  }
  std::stable_sort(
      findings.begin(), findings.end(),
      [](const QualityFinding& a, const QualityFinding& b) { return a.uscc < b.uscc; });
  return findings;
}

Result<QualityEvidenceSeries> quality_evidence_series(const detail::IndexedDataset& data,
                                                      const std::string& uscc, YearMonth period) {
  std::span<const Enterprise> enterprises = data.enterprises();
  auto found = std::find_if(enterprises.begin(), enterprises.end(),
                            [&](const Enterprise& e) { return e.uscc == uscc; });
  if (found == enterprises.end()) return fail(Status::not_found("no enterprise " + uscc));
  auto e = static_cast<std::size_t>(found - enterprises.begin());
  YearMonth first = period.plus_months(-23);
  detail::DivisionLevels divisions(data, first.plus_months(-12), period);
  QualityEvidenceSeries series{found->uscc, found->name, found->region, found->division, {}, {}, {},
                               {},          {}};
  for (YearMonth m = first; m <= period; m = m.plus_months(1)) {
    series.months.push_back(m);
    std::optional<MonthlyRecord> record = data.has_record(e, m) ? data.record(e, m) : std::nullopt;
    series.output.push_back(record ? std::optional<double>(record->output) : std::nullopt);
    series.value_added.push_back(record ? record->value_added : std::nullopt);
    series.electricity.push_back(record ? record->electricity : std::nullopt);
    series.division_growth.push_back(divisions.growth(found->division, m));
  }
  return series;
}

}  // namespace zhizao
