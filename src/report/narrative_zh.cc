// Chinese narrative. Wording rules (../shared/glossary.md): 增长 only for a figure that displays
// positive, 下降 for negative, 持平 for 0.0; a null figure is said to have 无可比数据 and never
// printed as a number; "超过" only when the comparison holds.
#include <fmt/format.h>

#include "base/number_format.h"
#include "report/narrative.h"
#include "report/narrative_zh_phrases.h"
#include "report/period_wording.h"
#include "report/products_section.h"
#include "report/report_selection.h"
#include "report/safety_section.h"
#include "report/service_section.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

constexpr size_t kListedSets = 5;
constexpr size_t kListedEnterprises = 3;

std::string headline(const ReportData& report, const std::string& area) {
  const std::string period = window_label(report.period.month, report.window, Language::kZh);
  const SetFigures& industry = report.industry;
  std::string text = fmt::format("{}，{}规模以上工业增加值", period, area);
  if (!has_figure(industry.value_added_growth)) {
    text += "无可比数据。";
  } else {
    text += "同比" + trend_zh(*industry.value_added_growth, kRateDecimals);
    if (has_figure(industry.two_year_average_growth)) {
      text += "，两年平均" + trend_zh(*industry.two_year_average_growth, kRateDecimals);
    }
    text +=
        change_clause_zh(report, industry.value_added_growth, report.previous_value_added_growth);
    text += "。";
  }
  if (industry.enterprises > 0 || has_figure(industry.output_growth)) {
    text += fmt::format("{}规模以上工业企业{}家", area, industry.enterprises);
    if (has_figure(industry.output_growth)) {
      text += "，工业总产值同比" + trend_zh(*industry.output_growth, kRateDecimals);
    }
    text += "。";
  }
  return text;
}

std::string sections_paragraph(const ReportData& report, const std::string& area) {
  std::vector<std::string> parts;
  for (const SetFigures& section : report.sections) {
    std::string part = figure_zh(section_display_name(section, Language::kZh) + "增加值",
                                 section.value_added_growth, kRateDecimals);
    if (section.code == "C") {
      part += change_clause_zh(report, section.value_added_growth,
                               report.previous_manufacturing_growth);
    }
    parts.push_back(part);
  }
  if (!parts.empty()) return "分三大门类看，" + join(parts, "；") + "。";
  if (!has_figure(report.manufacturing.value_added_growth)) return "";
  return figure_zh(area + "规模以上制造业增加值", report.manufacturing.value_added_growth,
                   kRateDecimals) +
         change_clause_zh(report, report.manufacturing.value_added_growth,
                          report.previous_manufacturing_growth) +
         "。";
}

std::string breadth_sentence(const Breadth& breadth) {
  if (breadth.with_data == 0) return "制造业31个行业大类均无可比数据。";
  std::string text =
      fmt::format("在制造业涵盖的31个行业大类中，{}个行业有数据，", breadth.with_data);
  if (breadth.growing == 0) return text + "没有行业增加值实现增长。";
  text += fmt::format("{}个行业增加值实现增长", breadth.growing);
  if (has_figure(breadth.share)) {
    text += fmt::format("，行业增长面{}%", format_fixed(*breadth.share, kRateDecimals));
  }
  if (breadth.double_digit > 0) {
    text += fmt::format("，其中{}个行业实现两位数增长", breadth.double_digit);
  }
  return text + "。";
}

// Whether the sentence already named the subject (增加值同比) before the list.
enum class Subject { kNamed, kImplied };

// "A增加值同比增长X%，拉动全市规上工业增长Y个百分点；B增长…" for the sets given.
std::string listed_with_pull(const std::vector<const SetFigures*>& sets, const std::string& area,
                             Subject subject) {
  std::vector<std::string> parts;
  for (const SetFigures* set : sets) {
    std::string name = division_display_name(*set, Language::kZh);
    bool first = parts.empty() && subject == Subject::kNamed;
    std::string part =
        name + (first ? "增加值同比" : "") + trend_zh(*set->value_added_growth, kRateDecimals);
    std::string pull = pull_clause_zh(set->pull, parts.empty() ? area : "");
    if (!pull.empty()) part += "，" + pull;
    parts.push_back(part);
  }
  return join(parts, "；");
}

std::string divisions_paragraph(const ReportData& report, const std::string& area) {
  std::string text = breadth_sentence(report.manufacturing_breadth);
  auto growing = sets_with_trend(report.divisions, Trend::kUp);
  sort_by_pull(growing, Order::kDescending);
  if (!growing.empty()) {
    text += "从拉动作用看，" +
            listed_with_pull(first_n(growing, kListedSets), area, Subject::kNamed) + "。";
  }
  auto falling = sets_with_trend(report.divisions, Trend::kDown);
  sort_by_pull(falling, Order::kAscending);
  if (!falling.empty()) {
    text += fmt::format("{}个行业大类增加值同比下降，其中", falling.size()) +
            listed_with_pull(first_n(falling, kListedSets), area, Subject::kImplied) + "。";
  }
  return text;
}

std::string key_enterprises_sentence(const KeyEnterprises& key, const std::string& area) {
  if (key.count == 0) return "";
  std::string text = fmt::format("{}{}家重点企业", area, key.count);
  if (!has_figure(key.output_growth)) {
    text += "产值无可比数据";
  } else {
    Trend trend = display_trend(*key.output_growth, kRateDecimals);
    text += (trend == Trend::kUp ? "实现产值同比" : "产值同比") +
            trend_zh(*key.output_growth, kRateDecimals);
  }
  if (key.growing > 0) text += fmt::format("，{}家实现增长", key.growing);
  std::vector<std::string> fast;
  if (key.over_50 > 0) fast.push_back(fmt::format("{}家增速超过50%", key.over_50));
  if (key.doubled > 0) fast.push_back(fmt::format("{}家增速实现翻番", key.doubled));
  if (!fast.empty()) text += "，其中" + join(fast, "，");
  if (key.declining > 0) text += fmt::format("；{}家产值同比下降", key.declining);
  text += "。";
  auto leaders = key_enterprises_with_trend(key, Trend::kUp, kListedEnterprises);
  if (!leaders.empty()) {
    std::vector<std::string> names;
    for (const auto* e : leaders) {
      names.push_back(fmt::format("{}（{}）", e->name, trend_zh(*e->output_growth, kRateDecimals)));
    }
    text += "产值增量居前的是" + join(names, "、") + "。";
  }
  return text;
}

std::string electricity_and_key_paragraph(const ReportData& report, const std::string& area) {
  std::string text;
  if (has_figure(report.industry.electricity_growth)) {
    text += area + "工业用电量同比" +
            trend_zh(*report.industry.electricity_growth, kElectricityDecimals) + "。";
  }
  return text + key_enterprises_sentence(report.key_enterprises, area);
}

// "分园区看，有可比数据的5个园区中3个增加值实现增长，增速最高的是A（增长X%），最低的是B（下降Y%）。"
std::string spread_sentence(const std::vector<SetFigures>& sets, const std::string& lead,
                            const std::string& noun, const std::string& counter) {
  auto with_growth = sets_with_growth(sets);
  if (with_growth.empty()) return "";
  if (with_growth.size() == 1) {
    const SetFigures* only = with_growth.front();
    return lead + "，" + only->name + "增加值同比" +
           trend_zh(*only->value_added_growth, kRateDecimals) + "。";
  }
  auto ranked = ranked_by_growth(sets);
  const SetFigures* highest = ranked.front();
  const SetFigures* lowest = ranked[with_growth.size() - 1];  // growth figures rank first
  size_t up = sets_with_trend(sets, Trend::kUp).size();
  std::string text =
      fmt::format("{}，有可比数据的{}{}{}中", lead, with_growth.size(), counter, noun);
  text += up == 0 ? "没有" + counter + "增加值实现增长"
                  : fmt::format("{}{}增加值实现增长", up, counter);
  text += fmt::format("，增速最高的是{}（{}），最低的是{}（{}）。", highest->name,
                      trend_zh(*highest->value_added_growth, kRateDecimals), lowest->name,
                      trend_zh(*lowest->value_added_growth, kRateDecimals));
  return text;
}

std::string places_paragraph(const ReportData& report) {
  const RankedPlaces places = places_below_area(report);
  return spread_sentence(*places.sets, places.lead_zh, places.noun_zh, "个") +
         spread_sentence(report.parks, "分园区看", "园区", "个") +
         spread_sentence(report.chains, "分产业链看", "产业链", "条");
}

}  // namespace

Narrative narrative_zh(const ReportData& report) {
  const std::string area = whole_of_report(report, Language::kZh);
  Narrative narrative;
  // "洛阳市2021年1—4月工业经济运行情况": the area's (or the scope's) name first, as bureaus title
  // it.
  narrative.title =
      scope_display_name(report).value_or(report.area.name.empty() ? area : report.area.name) +
      window_label_with_year(report.period, report.window, Language::kZh) + "工业经济运行情况";
  std::vector<std::pair<std::string, std::vector<std::string>>> sections = {
      {"总体情况", {headline(report, area), sections_paragraph(report, area)}},
      {"分行业情况", {divisions_paragraph(report, area)}},
      {"工业用电和重点企业", {electricity_and_key_paragraph(report, area)}},
      {"主要产品产量", {products_paragraph_zh(report, area)}},
      {places_below_area(report).noun_zh + "、园区和产业链", {places_paragraph(report)}},
      {"工业项目", {projects_paragraph_zh(report, area)}},
      {"攻坚行动、滞后项目和目标任务", steering_paragraphs_zh(report, area)},
      {"企业服务", service_paragraphs_zh(report, area)},
      {"汛期安全检查", safety_paragraphs_zh(report, area)},
      {"值得关注的问题", {watch_paragraph_zh(report, area)}},
  };
  for (auto& [heading, paragraphs] : sections) {
    NarrativeSection section;
    for (std::string& paragraph : paragraphs) {
      if (!paragraph.empty()) section.paragraphs.push_back(std::move(paragraph));
    }
    if (section.paragraphs.empty()) continue;
    section.heading =
        chinese_ordinal(static_cast<int>(narrative.sections.size()) + 1) + "、" + heading;
    narrative.sections.push_back(std::move(section));
  }
  return narrative;
}

}  // namespace zhizao::detail
