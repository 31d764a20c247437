// unexplained_jump (docs/methodology.md, "Data quality"): a month's output at least three times the
// enterprise's own recent level (the median of its previous months, robust to one odd month) is
// worth a question unless something else moved with it: its metered electricity, or its whole
// division (a price or an order wave across the trade). Electricity is the sum of the daily
// readings where a month has one for every day, the monthly figure otherwise.
#include <fmt/format.h>

#include "quality/quality_check_list.h"

namespace zhizao::detail {
namespace {

struct RecentLevels {
  std::vector<double> output;
  std::vector<double> electricity;  // from daily readings where complete (quality_context.h)
  std::vector<double> division;
  ElectricitySources sources;
};

// The levels of up to `count` records before record `i` within the last twelve months.
RecentLevels recent_levels(const EnterpriseHistory& history, std::size_t i, int count,
                           const QualityContext& context) {
  RecentLevels levels;
  YearMonth month = history.records[i].period;
  for (std::size_t k = i; k-- > 0 && std::ssize(levels.output) < count;) {
    const MonthlyRecord& before = history.records[k];
    if (before.period.index() < month.index() - 12) break;
    levels.output.push_back(before.output);
    if (std::optional<SourcedElectricity> power = history.electricity(before)) {
      levels.electricity.push_back(power->value);
      levels.sources.add(power);
    }
    if (std::optional<double> total =
            context.divisions.output(history.enterprise->division, before.period)) {
      levels.division.push_back(*total);
    }
  }
  return levels;
}

std::optional<double> factor_against(std::optional<double> now, const std::vector<double>& before,
                                     int minimum) {
  if (!now || std::ssize(before) < minimum) return std::nullopt;
  double level = median_of(before);
  if (!(level > 0)) return std::nullopt;
  return *now / level;
}

}  // namespace

void check_unexplained_jump(const EnterpriseHistory& history, const QualityContext& context,
                            std::vector<QualityFinding>& findings) {
  const QualityThresholds& t = context.thresholds;
  QualityFinding finding = new_finding(history, kUnexplainedJump);
  QualitySeries output{"output", {}};
  QualitySeries level{"recent_level", {}};
  QualitySeries power{"electricity_factor", {}};
  QualitySeries division{"division_factor", {}};
  ElectricitySources sources;
  for (std::size_t i = 0; i < history.records.size(); ++i) {
    const MonthlyRecord& record = history.records[i];
    if (!context.in_window(record.period)) continue;
    RecentLevels recent = recent_levels(history, i, t.jump_history, context);
    std::optional<double> jump = factor_against(record.output, recent.output, t.jump_min_history);
    if (!jump || *jump < t.jump_factor) continue;
    std::optional<SourcedElectricity> now = history.electricity(record);
    std::optional<double> electricity =
        factor_against(now ? std::optional<double>(now->value) : std::nullopt, recent.electricity,
                       t.jump_min_history);
    std::optional<double> trade =
        factor_against(context.divisions.output(history.enterprise->division, record.period),
                       recent.division, t.jump_min_history);
    bool followed =
        (electricity && *electricity >= t.jump_follow) || (trade && *trade >= t.jump_follow);
    if (followed) continue;
    if (electricity) {
      sources.add(now);
      sources.daily = sources.daily || recent.sources.daily;
      sources.monthly = sources.monthly || recent.sources.monthly;
    }
    finding.months.push_back(record.period);
    output.values.push_back(record.output);
    level.values.push_back(median_of(recent.output));
    power.values.push_back(electricity);
    division.values.push_back(trade);
  }
  if (finding.months.empty()) return;
  finding.figures = {{"factor", t.jump_factor}, {"follow", t.jump_follow}};
  finding.labels = {{"electricity_source", sources.name()}};
  finding.series = {std::move(output), std::move(level), std::move(power), std::move(division)};
  finding.reason = fmt::format(
      "{}个月的工业总产值达到本企业近期水平的{:g}倍以上，而用电量{}和所在行业均未同步增长，请核实",
      finding.months.size(), t.jump_factor, electricity_source_words(sources, Language::kZh));
  finding.reason_en = fmt::format(
      "In {} month(s) output reached {:g} times the enterprise's recent level or more while "
      "neither its electricity{} nor its division rose with it: please verify",
      finding.months.size(), t.jump_factor, electricity_source_words(sources, Language::kEn));
  findings.push_back(std::move(finding));
}

}  // namespace zhizao::detail
