// value_added_ratio (docs/methodology.md, "Data quality"): the enterprise's value-added ratio over
// the window against the distribution of its division's, by the modified z-score of Iglewicz and
// Hoaglin (1993), M = 0.6745 (x − median) / MAD, on the log ratio so that a ratio half the usual
// one and twice it are equally far.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "quality/quality_check_list.h"

namespace zhizao::detail {

std::optional<double> window_log_ratio(const EnterpriseHistory& history,
                                       const QualityContext& context) {
  double added = 0;
  double output = 0;
  for (const MonthlyRecord& record : history.records) {
    if (!context.in_window(record.period) || !record.value_added || !(record.output > 0)) continue;
    added += *record.value_added;
    output += record.output;
  }
  if (!(added > 0) || !(output > 0)) return std::nullopt;
  return std::log(added / output);
}

void check_value_added_ratio(const EnterpriseHistory& history, const QualityContext& context,
                             std::vector<QualityFinding>& findings) {
  const QualityThresholds& t = context.thresholds;
  auto spread = context.ratio_spreads.find(history.enterprise->division);
  if (spread == context.ratio_spreads.end() ||
      spread->second.enterprises < t.ratio_min_enterprises) {
    return;
  }
  std::optional<double> log_ratio = window_log_ratio(history, context);
  if (!log_ratio) return;
  double mad = std::max(spread->second.mad, t.ratio_mad_floor);
  double z = 0.6745 * (*log_ratio - spread->second.median) / mad;
  if (std::abs(z) <= t.ratio_robust_z) return;
  QualityFinding finding = new_finding(history, kValueAddedRatio);
  QualitySeries ratios{"value_added_ratio", {}};
  for (const MonthlyRecord& record : history.records) {
    if (!context.in_window(record.period) || !record.value_added || !(record.output > 0)) continue;
    finding.months.push_back(record.period);
    ratios.values.push_back(*record.value_added / record.output);
  }
  double ratio = std::exp(*log_ratio);
  double division_ratio = std::exp(spread->second.median);
  finding.figures = {{"ratio", ratio},
                     {"division_median_ratio", division_ratio},
                     {"robust_z", z},
                     {"division_mad_log", spread->second.mad},
                     {"division_enterprises", spread->second.enterprises}};
  finding.series = {std::move(ratios)};
  finding.reason =
      fmt::format("增加值率{:.1f}%，与本行业企业的中位数{:.1f}%相差较大（稳健z值{:.1f}），请核实",
                  100 * ratio, 100 * division_ratio, z);
  finding.reason_en = fmt::format(
      "Value-added ratio of {:.1f} % is far from the division's median of {:.1f} % (robust z "
      "{:.1f}): please verify",
      100 * ratio, 100 * division_ratio, z);
  findings.push_back(std::move(finding));
}

}  // namespace zhizao::detail
