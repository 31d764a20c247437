// electricity_divergence (docs/methodology.md, "Data quality"): electricity is metered by the grid
// company, output is written by the enterprise; on the same month last year the two move together
// unless the product mix, the prices or the process changed. A month where the growth of one is
// 1.5 times that of the other (or less than 1/1.5 of it) is worth a question. Electricity is the
// sum of the daily readings where a month has one for every day, the monthly figure otherwise.
#include <fmt/format.h>

#include <cmath>

#include "quality/quality_check_list.h"

namespace zhizao::detail {
namespace {

// Growth factor of `measure` on the same month last year, or nullopt without positive figures.
std::optional<double> yearly_factor(const EnterpriseHistory& history, const MonthlyRecord& record,
                                    QualityMeasure measure) {
  std::optional<double> now = EnterpriseHistory::figure(record, measure);
  std::optional<double> before = history.last_year(record, measure);
  if (!now || !before || !(*now > 0) || !(*before > 0)) return std::nullopt;
  return *now / *before;
}

// The same for electricity, from daily readings where complete (quality_context.h); both
// figures' sources are added to `sources`.
std::optional<double> electricity_factor(const EnterpriseHistory& history,
                                         const MonthlyRecord& record, ElectricitySources& sources) {
  std::optional<SourcedElectricity> now = history.electricity(record);
  std::optional<SourcedElectricity> before = history.electricity_last_year(record);
  if (!now || !before || !(now->value > 0) || !(before->value > 0)) return std::nullopt;
  sources.add(now);
  sources.add(before);
  return now->value / before->value;
}

bool diverges(double factor, double electricity, const QualityThresholds& t) {
  return factor >= t.divergence_band * electricity || electricity >= t.divergence_band * factor;
}

std::optional<double> percent(std::optional<double> factor) {
  if (!factor) return std::nullopt;
  return 100 * (*factor - 1);
}

}  // namespace

void check_electricity_divergence(const EnterpriseHistory& history, const QualityContext& context,
                                  std::vector<QualityFinding>& findings) {
  const QualityThresholds& t = context.thresholds;
  QualityFinding finding = new_finding(history, kElectricityDivergence);
  QualitySeries output{"output_growth", {}};
  QualitySeries value_added{"value_added_growth", {}};
  QualitySeries electricity{"electricity_growth", {}};
  ElectricitySources sources;
  for (const MonthlyRecord& record : history.records) {
    if (!context.in_window(record.period) || record.output < t.divergence_min_output) continue;
    ElectricitySources month_sources;
    std::optional<double> power = electricity_factor(history, record, month_sources);
    if (!power) continue;
    std::optional<double> out = yearly_factor(history, record, QualityMeasure::kOutput);
    std::optional<double> added = yearly_factor(history, record, QualityMeasure::kValueAdded);
    bool flagged = (out && diverges(*out, *power, t)) || (added && diverges(*added, *power, t));
    if (!flagged) continue;
    sources.daily = sources.daily || month_sources.daily;
    sources.monthly = sources.monthly || month_sources.monthly;
    finding.months.push_back(record.period);
    output.values.push_back(percent(out));
    value_added.values.push_back(percent(added));
    electricity.values.push_back(percent(power));
  }
  if (finding.months.empty()) return;
  finding.figures = {{"band", t.divergence_band}};
  finding.labels = {{"electricity_source", sources.name()}};
  finding.series = {std::move(output), std::move(value_added), std::move(electricity)};
  finding.reason = fmt::format(
      "{}个月的工业总产值（或增加值）与用电量{}同比走势明显背离（增速之比超过{:g}倍），请核实",
      finding.months.size(), electricity_source_words(sources, Language::kZh), t.divergence_band);
  finding.reason_en = fmt::format(
      "In {} month(s) output (or value added) and electricity{} moved apart on the same month last "
      "year (one grew {:g} times as much as the other or more): please verify",
      finding.months.size(), electricity_source_words(sources, Language::kEn), t.divergence_band);
  findings.push_back(std::move(finding));
}

}  // namespace zhizao::detail
