// The Chinese paragraphs on the campaigns, the lagging projects and the targets, in the bureau's
// register (../shared/glossary.md): "百日攻坚行动完成计划投资的97.2%，超过时间进度13.8个百分点";
// "距2025年目标尚需年均增长X%，近12个月增长Y%".
#include <algorithm>

#include <fmt/format.h>

#include "base/number_format.h"
#include "report/narrative.h"
#include "report/narrative_zh_phrases.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

constexpr double kWanYuanPerYi = 1e4;

// "3月1日", or "2020年12月1日" outside the report's year.
std::string date_zh(const CivilDate& date, int report_year) {
  if (date.year == report_year) return fmt::format("{}月{}日", date.month, date.day);
  return fmt::format("{}年{}月{}日", date.year, date.month, date.day);
}

// "，超过时间进度X个百分点" / "，落后时间进度X个百分点" / "，与时间进度持平".
std::string against_time_zh(double progress, double time_progress) {
  double gap = progress - time_progress;
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

// "；新开工项目5个，为计划的62.5%" (or "（计划0个）" when the plan is zero).
std::string against_plan_zh(const char* what, long actual, const std::optional<long>& planned) {
  std::string text = fmt::format("；{}项目{}个", what, actual);
  if (!planned) return text;
  if (*planned == 0) return text + "（计划0个）";
  return text + "，为计划的" +
         format_fixed(100.0 * static_cast<double>(actual) / static_cast<double>(*planned),
                      kRateDecimals) +
         "%";
}

std::string campaign_sentence_zh(const CampaignFigures& c, const ReportData& report) {
  const CivilDate last_day = last_day_of(report.period);
  std::string text = fmt::format("{}（{}至{}）", c.name, date_zh(c.from, report.period.year),
                                 date_zh(c.to, report.period.year));
  if (c.from > last_day) {
    text += "尚未开始";
    if (c.projects > 0) text += fmt::format("，纳入项目{}个", c.projects);
    return text + "。";
  }
  text +=
      c.to < last_day ? "已结束" : "时间进度" + format_fixed(c.time_progress, kRateDecimals) + "%";
  text += fmt::format("，纳入项目{}个，完成投资{}亿元", c.projects, format_yi_yuan(c.investment));
  if (has_figure(c.investment_progress)) {
    text += "，完成计划投资的" + format_fixed(*c.investment_progress, kRateDecimals) + "%" +
            against_time_zh(*c.investment_progress, c.time_progress);
  }
  text += against_plan_zh("新开工", c.actual_starts, c.planned_starts);
  text += against_plan_zh("竣工", c.actual_completions, c.planned_completions);
  return text + "。";
}

std::string campaigns_paragraph(const ReportData& report) {
  std::string text;
  for (const CampaignFigures& campaign : report.campaigns) {
    text += campaign_sentence_zh(campaign, report);
  }
  return text;
}

// "老城区3个、涧西区2个等".
std::string groups_zh(const std::vector<LagCount>& groups) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < groups.size() && i < kNamedGroups; ++i) {
    parts.push_back(fmt::format("{}{}个", groups[i].name, groups[i].count));
  }
  return join(parts, "、") + (groups.size() > kNamedGroups ? "等" : "");
}

std::string lagging_paragraph_zh(const ReportData& report, const std::string& area) {
  const std::vector<LaggingProject>& lagging = report.projects.lagging;
  if (lagging.empty()) return "";
  long starts = 0;
  long completions = 0;
  for (const LaggingProject& p : lagging) {
    starts += p.kind != LagKind::kCompletion;
    completions += p.kind != LagKind::kStart;
  }
  std::string text =
      fmt::format("截至{}，{}进度滞后的工业项目{}个",
                  date_zh(last_day_of(report.period), report.period.year), area, lagging.size());
  std::vector<std::string> kinds;
  if (starts > 0) kinds.push_back(fmt::format("未按计划开工{}个", starts));
  if (completions > 0) kinds.push_back(fmt::format("未按计划竣工{}个", completions));
  text += "，其中" + join(kinds, "、");
  std::vector<const LaggingProject*> longest;
  for (const LaggingProject& p : lagging) longest.push_back(&p);
  std::stable_sort(longest.begin(), longest.end(),
                   [](const auto* a, const auto* b) { return a->days_late > b->days_late; });
  std::vector<std::string> names;
  for (size_t i = 0; i < longest.size() && i < kNamedLagging; ++i) {
    names.push_back(fmt::format("{}（{}天）", longest[i]->name, longest[i]->days_late));
  }
  text += "；滞后时间最长的是" + join(names, "、") + "。";
  std::vector<std::string> parts;
  auto add = [&](LagDimension dimension, const char* lead) {
    std::vector<LagCount> groups = lagging_by(report, dimension, Language::kZh);
    if (!groups.empty()) parts.push_back(lead + groups_zh(groups));
  };
  add(LagDimension::kCounty, "分县（市、区）看，");
  add(LagDimension::kPark, "分园区看，");
  add(LagDimension::kChain, "分产业链看，");
  add(LagDimension::kDivision, "分行业看，");
  if (!parts.empty()) text += join(parts, "；") + "。";
  return text;
}

bool counts_enterprises_zh(const TargetFigures& t) {
  return t.indicator == "enterprises_over" || t.indicator == "manufacturing_enterprises_over";
}

bool manufacturing_zh(const TargetFigures& t) {
  return t.indicator == "manufacturing_output" || t.indicator == "manufacturing_enterprises_over";
}

std::string target_sentence_zh(const TargetFigures& t, const ReportData& report,
                               const std::string& area) {
  std::string text =
      fmt::format("“{}”：{}近12个月", t.name, target_scope_name(report, t.scope, area));
  const char* kind = manufacturing_zh(t) ? "制造业" : "";
  std::string goal;
  if (counts_enterprises_zh(t)) {
    text += fmt::format("产值达到{}亿元的{}企业{}家",
                        plain_number(t.threshold.value_or(0) / kWanYuanPerYi), kind,
                        plain_number(t.current));
    goal = fmt::format("{}年目标（{}家）", t.year, plain_number(t.value));
  } else {
    text += fmt::format("{}{}亿元", manufacturing_zh(t) ? "制造业总产值" : "工业总产值",
                        format_yi_yuan(t.current));
    goal = fmt::format("{}年目标（{}亿元）", t.year, plain_number(t.value / kWanYuanPerYi));
  }
  if (has_figure(t.progress)) {
    text += "，为" + goal + "的" + format_fixed(*t.progress, kRateDecimals) + "%";
  }
  if (has_figure(t.pace_needed)) {
    text += t.progress.value_or(0) >= 100
                ? fmt::format("，已提前达到{}年目标", t.year)
                : fmt::format("，距{}年目标尚需年均增长{}%", t.year,
                              format_fixed(*t.pace_needed, kRateDecimals));
  }
  std::string subject = counts_enterprises_zh(t) ? std::string(kind) + "产值" : "";
  if (has_figure(t.pace_achieved)) {
    text += "，近12个月" + subject + trend_zh(*t.pace_achieved, kRateDecimals);
  } else {
    text += "，近12个月" + subject + "无可比数据";
  }
  return text + "。";
}

std::string targets_paragraph(const ReportData& report, const std::string& area) {
  std::string text;
  for (const TargetFigures& target : report.targets) {
    text += target_sentence_zh(target, report, area);
  }
  return text;
}

}  // namespace

std::vector<std::string> steering_paragraphs_zh(const ReportData& report, const std::string& area) {
  return {campaigns_paragraph(report), lagging_paragraph_zh(report, area),
          targets_paragraph(report, area)};
}

}  // namespace zhizao::detail
