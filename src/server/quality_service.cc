#include "server/quality_service.h"

#include <fmt/format.h>
#include <algorithm>
#include <limits>
#include <map>

#include "engine/region_scope.h"
#include "engine/window.h"
#include "rules/rule_check.h"
#include "store/quality_verifications.h"

namespace zhizao {
namespace {

// The records the physical limits read: the window's months and the year before them (the
// growth limits compare with the same month last year).
Dataset records_for_limits(const detail::IndexedDataset& data, YearMonth from, YearMonth to) {
  Dataset rows;
  rows.enterprises.assign(data.enterprises().begin(), data.enterprises().end());
  for (std::size_t e = 0; e < rows.enterprises.size(); ++e) {
    for (YearMonth m = from.plus_months(-12); m <= to; m = m.plus_months(1)) {
      if (!data.has_record(e, m)) continue;
      if (std::optional<MonthlyRecord> record = data.record(e, m)) {
        record->uscc = rows.enterprises[e].uscc;
        rows.monthly.push_back(std::move(*record));
      }
    }
  }
  return rows;
}

std::string with_verify(const std::string& message, Language language) {
  return language == Language::kZh ? message + "，请核实" : message + ": please verify";
}

// One finding per enterprise and rule, from the stored figures beyond a physical limit.
Status add_physical_limits(const detail::IndexedDataset& data, const detail::ReportWindow& window,
                           const detail::RegionScope& scope, const RuleSet& rules,
                           std::vector<QualityFinding>& findings) {
  Dataset rows = records_for_limits(data, window.from, window.to);
  CheckOptions options;
  options.failures_kept = 0;
  options.outliers_kept = std::numeric_limits<std::size_t>::max();
  Result<CheckReport> confronted = confront(rows, rules, options);
  if (!confronted) return confronted.error();
  std::map<std::string, const Enterprise*> enterprises;
  for (const Enterprise& e : data.enterprises()) enterprises.emplace(e.uscc, &e);
  std::map<std::pair<std::string, std::string>, QualityFinding> by_rule;
  for (const Outlier& o : confronted->outliers) {
    if (o.period < window.from || o.period > window.to) continue;
    auto enterprise = enterprises.find(o.uscc);
    if (enterprise == enterprises.end() || !scope.contains(enterprise->second->region)) continue;
    QualityFinding& f = by_rule[{o.uscc, o.rule_id}];
    if (f.check.empty()) {
      f.uscc = o.uscc;
      f.name = enterprise->second->name;
      f.region = enterprise->second->region;
      f.division = enterprise->second->division;
      f.check = "physical_limit";
      f.labels = {{"rule", o.rule_id}, {"field", o.field}};
      f.series = {{"value", {}}};
      f.reason = with_verify(o.message, Language::kZh);
      f.reason_en = with_verify(o.message_en, Language::kEn);
    }
    if (std::find(f.months.begin(), f.months.end(), o.period) != f.months.end()) continue;
    f.months.push_back(o.period);
    f.series[0].values.push_back(o.value);
  }
  for (auto& [key, finding] : by_rule) findings.push_back(std::move(finding));
  return Status::ok();
}

}  // namespace

Result<QualityReport> quality_report_of(Database& db, const ReportInput& input,
                                        const QualityRequest& request,
                                        const QualityThresholds& thresholds, const RuleSet& rules,
                                        const DailyReadingsSource* readings) {
  Result<detail::ReportWindow> window =
      detail::report_window(request.period, WindowKind::kCumulative);
  if (!window) return fail(window.error());
  // The daily readings the electricity checks read: the window's year and the year before it
  // (the same month last year, the twelve months before a jump).
  Result<DailyElectricityMonths> daily =
      readings != nullptr
          ? DailyElectricityMonths::load(*readings, window->from.year - 1, window->to.year)
          : DailyElectricityMonths::load(db, window->from.year - 1, window->to.year);
  if (!daily) return fail(daily.error());
  QualityReport report{request.period, request.scope, {}};
  Status computed = Status::ok();
  input.visit_records([&](const detail::IndexedDataset& data) {
    Result<std::vector<QualityFinding>> findings =
        run_quality_checks(data, request, thresholds, *daily);
    if (!findings) {
      computed = findings.error();
      return;
    }
    report.findings = std::move(*findings);
    Result<detail::RegionScope> scope = detail::RegionScope::resolve(data.dataset(), request.scope);
    if (!scope) {
      computed = scope.error();
      return;
    }
    computed = add_physical_limits(data, *window, *scope, rules, report.findings);
  });
  if (!computed.is_ok()) return fail(computed);
  // Physical limits last among an enterprise's findings, as quality_check_ids() lists them.
  std::stable_sort(
      report.findings.begin(), report.findings.end(),
      [](const QualityFinding& a, const QualityFinding& b) { return a.uscc < b.uscc; });
  Result<std::vector<QualityVerification>> verified =
      QualityVerificationStore(db).list(window->from, window->to);
  if (!verified) return fail(verified.error());
  apply_verifications(report.findings, *verified);
  return report;
}

Status attach_open_quality_findings(Database& db, const ReportInput& input,
                                    const ReportRequest& request, ReportData& report) {
  return attach_open_quality_findings(db, input, request, report, QualityThresholds{},
                                      default_rule_set());
}

Status attach_open_quality_findings(Database& db, const ReportInput& input,
                                    const ReportRequest& request, ReportData& report,
                                    const QualityThresholds& thresholds, const RuleSet& rules,
                                    const DailyReadingsSource* readings) {
  Result<QualityReport> quality =
      quality_report_of(db, input, {request.period, request.scope}, thresholds, rules, readings);
  if (!quality) return quality.error();
  report.quality_findings.clear();
  for (QualityFinding& finding : quality->findings) {
    if (finding.status == QualityStatus::kOpen) {
      report.quality_findings.push_back(std::move(finding));
    }
  }
  return Status::ok();
}

}  // namespace zhizao
