// benford_first_digit and last_digit_uniformity (docs/methodology.md, "Data quality"): the digit
// tests over every figure an enterprise reported up to the period (output, value added as
// reported, electricity), pooled. Both are about the history as a whole, so the finding names the
// window's months with a record (a verification then covers the period checked).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "quality/digit_tests.h"
#include "quality/quality_check_list.h"

namespace zhizao::detail {
namespace {

constexpr QualityMeasure kDigitMeasures[] = {QualityMeasure::kOutput, QualityMeasure::kValueAdded,
                                             QualityMeasure::kElectricity};

std::vector<double> positive_figures(const EnterpriseHistory& history, QualityMeasure measure) {
  std::vector<double> figures;
  for (const MonthlyRecord& record : history.records) {
    std::optional<double> value = EnterpriseHistory::figure(record, measure);
    if (value && *value > 0 && std::isfinite(*value)) figures.push_back(*value);
  }
  return figures;
}

// log10 of the ratio of the 95th to the 5th percentile: how many orders of magnitude the bulk of
// the figures spans (one odd month does not count).
double orders_spanned(std::vector<double> figures) {
  if (figures.size() < 2) return 0;
  std::sort(figures.begin(), figures.end());
  auto at = [&](double q) {
    return figures[static_cast<std::size_t>(q * static_cast<double>(figures.size() - 1))];
  };
  return std::log10(at(0.95) / at(0.05));
}

std::vector<YearMonth> window_months(const EnterpriseHistory& history,
                                     const QualityContext& context) {
  std::vector<YearMonth> months;
  for (const MonthlyRecord& record : history.records) {
    if (context.in_window(record.period)) months.push_back(record.period);
  }
  return months;
}

void add_test_figures(QualityFinding& finding, const DigitTest& test, int first, int last) {
  finding.figures = {{"figures", static_cast<double>(test.figures)},
                     {"chi_square", test.chi_square},
                     {"p_value", test.p_value},
                     {"mad", test.mad}};
  for (int d = first; d <= last; ++d) {
    finding.figures.emplace_back(fmt::format("digit_{}", d),
                                 static_cast<double>(test.counts[static_cast<std::size_t>(d)]));
  }
}

}  // namespace

void check_benford_first_digit(const EnterpriseHistory& history, const QualityContext& context,
                               std::vector<QualityFinding>& findings) {
  const QualityThresholds& t = context.thresholds;
  // Benford's law describes figures spread over several orders of magnitude; a measure whose
  // figures stay within one order has first digits set by its size, so only measures that span
  // enough enter the test.
  std::vector<double> pooled;
  std::string measures;
  for (QualityMeasure measure : kDigitMeasures) {
    std::vector<double> figures = positive_figures(history, measure);
    if (orders_spanned(figures) < t.benford_min_orders) continue;
    pooled.insert(pooled.end(), figures.begin(), figures.end());
    measures += (measures.empty() ? "" : ",") + std::string(measure_name(measure));
  }
  if (std::ssize(pooled) < t.benford_min_figures) return;
  DigitTest test = benford_test(pooled);
  if (test.p_value >= t.digit_alpha) return;
  std::vector<YearMonth> months = window_months(history, context);
  if (months.empty()) return;
  QualityFinding finding = new_finding(history, kBenfordFirstDigit);
  finding.months = std::move(months);
  add_test_figures(finding, test, 1, 9);
  finding.labels = {{"measures", measures}};
  finding.reason = fmt::format(
      "历史填报的{}个数据首位数字分布与本福特定律差异显著（卡方{:.1f}，p={:.1e}），请核实数据来源",
      test.figures, test.chi_square, test.p_value);
  finding.reason_en = fmt::format(
      "The first digits of the {} figures reported so far differ markedly from Benford's law "
      "(chi-square {:.1f}, p = {:.1e}): please verify where the figures come from",
      test.figures, test.chi_square, test.p_value);
  findings.push_back(std::move(finding));
}

void check_last_digit_uniformity(const EnterpriseHistory& history, const QualityContext& context,
                                 std::vector<QualityFinding>& findings) {
  const QualityThresholds& t = context.thresholds;
  std::vector<double> pooled;
  for (QualityMeasure measure : kDigitMeasures) {
    std::vector<double> figures = positive_figures(history, measure);
    pooled.insert(pooled.end(), figures.begin(), figures.end());
  }
  int decimals = reporting_decimals(pooled);
  DigitTest test = last_digit_test(pooled, decimals);
  if (test.figures < t.last_digit_min_figures || test.p_value >= t.digit_alpha) return;
  std::vector<YearMonth> months = window_months(history, context);
  if (months.empty()) return;
  QualityFinding finding = new_finding(history, kLastDigitUniformity);
  finding.months = std::move(months);
  add_test_figures(finding, test, 0, 9);
  finding.figures.emplace_back("decimals", decimals);
  finding.reason = fmt::format(
      "历史填报的{}个数据末位数字分布明显不均匀（卡方{:.1f}，p={:.1e}"
      "），可能为估算或取整数，请核实",
      test.figures, test.chi_square, test.p_value);
  finding.reason_en = fmt::format(
      "The last digits of the {} figures reported so far are far from uniform (chi-square {:.1f}, "
      "p = {:.1e}), as estimated or rounded figures are: please verify",
      test.figures, test.chi_square, test.p_value);
  findings.push_back(std::move(finding));
}

}  // namespace zhizao::detail
