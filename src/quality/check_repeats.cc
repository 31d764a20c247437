// copied_last_year and constant_series (docs/methodology.md, "Data quality"): measured figures
// reported to a tenth of 万元 practically never repeat exactly, so a month equal to the same month
// last year, or one figure repeated month after month, is more likely copied or estimated than
// measured.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "quality/digit_tests.h"
#include "quality/quality_check_list.h"

namespace zhizao::detail {
namespace {

constexpr QualityMeasure kRepeatedMeasures[] = {
    QualityMeasure::kOutput, QualityMeasure::kValueAdded, QualityMeasure::kElectricity};

bool same(double a, double b, double tolerance) {
  return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(a));
}

// Whether `value` has at least four significant digits as written (at its own precision): two
// such figures equal by chance are rare, where 28.4 and 28.4 万千瓦时 a year apart are not.
bool distinctive(double value) {
  double one[] = {value};
  return std::abs(value) * std::pow(10.0, reporting_decimals(one)) >= 1000;
}

// The figure of `measure` and its last-year figure when they are equal and distinctive.
bool copied(const EnterpriseHistory& history, const MonthlyRecord& record, QualityMeasure measure,
            double tolerance) {
  std::optional<double> now = EnterpriseHistory::figure(record, measure);
  if (!now || !(*now > 0) || !distinctive(*now)) return false;
  const std::optional<double>& reported = measure == QualityMeasure::kOutput ? record.output_prev
                                          : measure == QualityMeasure::kValueAdded
                                              ? record.value_added_prev
                                              : record.electricity_prev;
  if (reported && same(*now, *reported, tolerance)) return true;
  const MonthlyRecord* before = history.at(record.period.plus_months(-12));
  std::optional<double> stored =
      before == nullptr ? std::nullopt : EnterpriseHistory::figure(*before, measure);
  return stored && same(*now, *stored, tolerance);
}

// Whether `later` follows `earlier` with no month between, a January folded into February
// (missing January) not counting as a gap.
bool consecutive(YearMonth earlier, YearMonth later) {
  int gap = later.index() - earlier.index();
  return gap == 1 || (gap == 2 && later.month == 2);
}

}  // namespace

void check_copied_last_year(const EnterpriseHistory& history, const QualityContext& context,
                            std::vector<QualityFinding>& findings) {
  const QualityThresholds& t = context.thresholds;
  QualityFinding finding = new_finding(history, kCopiedLastYear);
  QualitySeries now{"output", {}};
  QualitySeries before{"output_last_year", {}};
  std::set<std::string> measures;
  long window_months = 0;
  for (const MonthlyRecord& record : history.records) {
    if (!context.in_window(record.period)) continue;
    ++window_months;
    bool month_copied = false;
    for (QualityMeasure measure : kRepeatedMeasures) {
      if (copied(history, record, measure, t.equal_tolerance)) {
        measures.insert(measure_name(measure));
        month_copied = true;
      }
    }
    if (!month_copied) continue;
    finding.months.push_back(record.period);
    now.values.push_back(record.output);
    before.values.push_back(history.last_year(record, QualityMeasure::kOutput));
  }
  // A copied year repeats most of its months; two chance equalities in a long window do not make
  // one.
  if (finding.months.empty() || std::ssize(finding.months) < t.copied_min_months ||
      2 * std::ssize(finding.months) < window_months) {
    return;
  }
  std::string names;
  for (const std::string& name : measures) names += (names.empty() ? "" : ",") + name;
  finding.labels = {{"measures", names}};
  finding.figures = {{"months_equal", static_cast<double>(finding.months.size())}};
  finding.series = {std::move(now), std::move(before)};
  finding.reason = fmt::format("{}个月的填报数与上年同期完全相同，可能沿用了上年数据，请核实",
                               finding.months.size());
  finding.reason_en = fmt::format(
      "{} month(s) equal the same month last year exactly, as if last year's figures were "
      "reused: please verify",
      finding.months.size());
  findings.push_back(std::move(finding));
}

void check_constant_series(const EnterpriseHistory& history, const QualityContext& context,
                           std::vector<QualityFinding>& findings) {
  const QualityThresholds& t = context.thresholds;
  std::set<YearMonth> months;
  QualityMeasure longest_measure = QualityMeasure::kOutput;
  double longest_value = 0;
  long longest = 0;
  for (QualityMeasure measure : kRepeatedMeasures) {
    std::size_t start = 0;
    const std::vector<MonthlyRecord>& records = history.records;
    for (std::size_t i = 0; i <= records.size(); ++i) {
      std::optional<double> value =
          i < records.size() ? EnterpriseHistory::figure(records[i], measure) : std::nullopt;
      // The run's first value, 0 when absent (a run counts only from a positive value); a plain
      // double, as g++ 12 -O2 misreads an optional's engaged flag here (-Wmaybe-uninitialized).
      const double first = start < records.size()
                               ? EnterpriseHistory::figure(records[start], measure).value_or(0.0)
                               : 0.0;
      bool continues = i > start && i < records.size() && value && first > 0 &&
                       consecutive(records[i - 1].period, records[i].period) &&
                       same(*value, first, t.equal_tolerance);
      if (continues || i == start) continue;
      // The run start..i-1 ended.
      auto length = static_cast<long>(i - start);
      if (first > 0 && length >= t.constant_min_months &&
          context.in_window(records[i - 1].period)) {
        for (std::size_t k = start; k < i; ++k) {
          if (context.in_window(records[k].period)) months.insert(records[k].period);
        }
        if (length > longest) {
          longest = length;
          longest_measure = measure;
          longest_value = first;
        }
      }
      start = i;
    }
  }
  if (months.empty()) return;
  QualityFinding finding = new_finding(history, kConstantSeries);
  finding.months.assign(months.begin(), months.end());
  finding.labels = {{"measure", measure_name(longest_measure)}};
  finding.figures = {{"value", longest_value}, {"run_months", static_cast<double>(longest)}};
  finding.reason = fmt::format("{}连续{}个月填报同一数值{}，请核实是否为实际数",
                               measure_name_zh(longest_measure), longest, longest_value);
  finding.reason_en = fmt::format(
      "The same {} figure, {}, was reported for {} consecutive months: please verify it is "
      "measured",
      measure_name(longest_measure), longest_value, longest);
  findings.push_back(std::move(finding));
}

}  // namespace zhizao::detail
