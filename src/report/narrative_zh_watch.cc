// The Chinese projects paragraph and 值得关注 (what to watch): declines and lagging items.
#include <fmt/format.h>

#include "base/number_format.h"
#include "report/narrative.h"
#include "report/narrative_warnings.h"
#include "report/narrative_zh_phrases.h"
#include "report/period_wording.h"
#include "report/report_selection.h"

namespace zhizao::detail {
namespace {

constexpr size_t kNamedInWatch = 5;
constexpr size_t kNamedEnterprises = 3;

bool has_projects(const ProjectFigures& p) {
  return p.projects > 0 || p.investment != 0 || p.planned_starts > 0 || p.actual_starts > 0 ||
         p.year_planned_starts > 0 || p.planned_completions > 0 || p.actual_completions > 0;
}

// "，超过时间进度X个百分点" / "，落后时间进度X个百分点" / "，与时间进度持平".
std::string time_progress_clause(const ProjectFigures& p) {
  if (!has_figure(p.investment_share) || !has_figure(p.time_progress)) return "";
  double gap = *p.investment_share - *p.time_progress;
  switch (display_trend(gap, kRateDecimals)) {
    case Trend::kUp:
      return "，超过时间进度" + format_magnitude(gap, kRateDecimals) + "个百分点";
    case Trend::kDown:
      return "，落后时间进度" + format_magnitude(gap, kRateDecimals) + "个百分点";
    case Trend::kFlat:
      break;
  }
  return "，与时间进度持平";
}

// "N个行业大类增加值同比下降（A、B等）".
std::string declines_item(const std::vector<SetFigures>& sets, const std::string& what,
                          bool divisions) {
  auto falling = sets_with_trend(sets, Trend::kDown);
  if (falling.empty()) return "";
  sort_by_pull(falling, Order::kAscending);
  std::vector<std::string> names;
  for (const SetFigures* set : first_n(falling, kNamedInWatch)) {
    names.push_back(divisions ? division_display_name(*set, Language::kZh) : set->name);
  }
  return fmt::format("{}{}增加值同比下降（{}{}）", falling.size(), what, join(names, "、"),
                     falling.size() > kNamedInWatch ? "等" : "");
}

std::string headline_item(const ReportData& report, const std::string& area) {
  const auto& growth = report.industry.value_added_growth;
  if (!has_figure(growth)) return "";
  if (display_trend(*growth, kRateDecimals) == Trend::kDown) {
    return area + "规上工业增加值同比" + trend_zh(*growth, kRateDecimals);
  }
  std::string change = change_clause_zh(report, growth, report.previous_value_added_growth);
  if (change.find("回落") == std::string::npos) return "";
  return area + "规上工业" + change.substr(std::string("，").size());
}

std::string key_enterprises_item(const KeyEnterprises& key) {
  if (key.declining <= 0) return "";
  std::string text = fmt::format("{}家重点企业产值同比下降", key.declining);
  auto falling = key_enterprises_with_trend(key, Trend::kDown, kNamedEnterprises);
  if (falling.empty()) return text;
  std::vector<std::string> names;
  for (const auto* e : falling) {
    names.push_back(e->name + trend_zh(*e->output_growth, kRateDecimals));
  }
  bool more = static_cast<size_t>(key.declining) > falling.size();
  return text + "（" + join(names, "、") + (more ? "等" : "") + "）";
}

std::string projects_item(const ProjectFigures& p) {
  std::vector<std::string> lags;
  if (p.actual_starts < p.planned_starts) {
    lags.push_back(fmt::format("实际开工项目比计划少{}个", p.planned_starts - p.actual_starts));
  }
  if (p.actual_completions < p.planned_completions) {
    lags.push_back(
        fmt::format("实际竣工项目比计划少{}个", p.planned_completions - p.actual_completions));
  }
  std::string progress = time_progress_clause(p);
  if (progress.find("落后") != std::string::npos) {
    lags.push_back("投资完成进度" + progress.substr(std::string("，").size()));
  }
  return lags.empty() ? "" : "工业项目" + join(lags, "，");
}

}  // namespace

std::string projects_paragraph_zh(const ReportData& report, const std::string& area) {
  const ProjectFigures& p = report.projects;
  if (!has_projects(p)) return "";
  std::string text =
      fmt::format("{}，{}工业项目累计完成投资{}亿元",
                  window_label(report.period.month, WindowKind::kCumulative, Language::kZh), area,
                  format_yi_yuan(p.investment));
  if (has_figure(p.investment_share)) {
    text += "，完成年度计划投资的" + format_fixed(*p.investment_share, kRateDecimals) + "%" +
            time_progress_clause(p);
  }
  text += fmt::format("；计划新开工项目{}个，实际开工项目{}个", p.planned_starts, p.actual_starts);
  if (has_figure(p.start_share)) {
    text += "，占全年计划开工项目的" + format_fixed(*p.start_share, kRateDecimals) + "%";
  }
  text +=
      fmt::format("；计划竣工项目{}个，实际竣工{}个", p.planned_completions, p.actual_completions);
  if (has_figure(p.completion_share)) {
    text += "，占全年计划竣工项目的" + format_fixed(*p.completion_share, kRateDecimals) + "%";
  }
  return text + "。";
}

std::string watch_paragraph_zh(const ReportData& report, const std::string& area) {
  std::vector<std::string> items;
  auto add = [&items](std::string item) {
    if (!item.empty()) items.push_back(std::move(item));
  };
  add(headline_item(report, area));
  add(declines_item(report.divisions, "个行业大类", true));
  if (has_figure(report.industry.electricity_growth) &&
      display_trend(*report.industry.electricity_growth, kElectricityDecimals) == Trend::kDown) {
    add("工业用电量同比" + trend_zh(*report.industry.electricity_growth, kElectricityDecimals));
  }
  add(key_enterprises_item(report.key_enterprises));
  const RankedPlaces places = places_below_area(report);
  add(declines_item(*places.sets, "个" + places.noun_zh, false));
  add(declines_item(report.parks, "个园区", false));
  add(declines_item(report.chains, "条产业链", false));
  add(projects_item(report.projects));
  // The red and orange early warnings (src/warnings) follow, with their reasons.
  if (items.empty()) return "本期各项主要指标未出现下降或滞后。" + warnings_watch_zh(report);
  std::vector<std::string> numbered;
  for (size_t i = 0; i < items.size(); ++i) {
    numbered.push_back(chinese_ordinal(static_cast<int>(i) + 1) + "是" + items[i]);
  }
  return "值得关注的是，" + join(numbered, "；") + "。" + warnings_watch_zh(report);
}

}  // namespace zhizao::detail
