#include "report/safety_section.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/number_format.h"
#include "report/narrative.h"
#include "report/period_wording.h"

namespace zhizao::detail {
namespace {

std::string who(const SafetyEnterprise& enterprise) {
  return enterprise.name.empty() ? enterprise.uscc : enterprise.name;
}

std::string date_zh(const CivilDate& date) { return fmt::format("{}月{}日", date.month, date.day); }

std::string date_en(const CivilDate& date) {
  return fmt::format("{} {}", english_month(date.month), date.day);
}

std::string divisions_text(const SafetyPlanFigures& plan) { return join(plan.divisions, "、"); }

std::string unchecked_zh(const SafetyPlanFigures& plan) {
  if (plan.unchecked.empty()) return "，纳入范围的企业均已检查";
  std::vector<std::string> names;
  for (std::size_t i = 0; i < std::min(plan.unchecked.size(), kSafetyNamedItems); ++i) {
    names.push_back(who(plan.unchecked[i]));
  }
  return fmt::format("；未检查企业{}家：{}{}", plan.unchecked.size(), join(names, "、"),
                     plan.unchecked.size() > kSafetyNamedItems ? "等" : "");
}

std::string hazards_zh(const SafetyPlanFigures& plan) {
  const HazardCounts& h = plan.hazards;
  if (h.found == 0) return "未发现隐患。";
  std::string text =
      fmt::format("发现隐患{}处（重大{}处、一般{}处），已整改{}处，未整改{}处", h.found,
                  plan.major.found, plan.ordinary.found, h.rectified, h.open);
  if (h.awaiting_reinspection > 0)
    text += fmt::format("，已整改待复查{}处", h.awaiting_reinspection);
  if (h.overdue == 0) return text + "，无超期未整改隐患。";
  std::vector<std::string> listed;
  for (std::size_t i = 0; i < std::min(plan.overdue_hazards.size(), kSafetyNamedItems); ++i) {
    const OverdueHazard& o = plan.overdue_hazards[i];
    listed.push_back(fmt::format("{}（{}，{}隐患，超期{}天）", o.id, who(o.enterprise),
                                 o.level == "major" ? "重大" : "一般", o.days_overdue));
  }
  return text + fmt::format("；超期未整改{}处：{}{}，需督促整改。", h.overdue, join(listed, "；"),
                            plan.overdue_hazards.size() > kSafetyNamedItems ? "等" : "");
}

std::string gaps_zh(const SafetyPlanFigures& plan) {
  if (plan.roster_gaps.empty()) return "值班表无空档，24小时值班落实到人。";
  std::vector<std::string> days;
  for (std::size_t i = 0; i < std::min(plan.roster_gaps.size(), kSafetyNamedItems); ++i) {
    days.push_back(date_zh(plan.roster_gaps[i]));
  }
  return fmt::format("值班表有{}天无人值班：{}{}，需补排。", plan.roster_gaps.size(),
                     join(days, "、"), plan.roster_gaps.size() > kSafetyNamedItems ? "等" : "");
}

std::string plan_zh(const SafetyPlanFigures& plan, const CivilDate& as_of,
                    const std::string& area) {
  std::string text =
      fmt::format("{}（{}至{}，{}，行业大类{}）：截至{}，{}纳入检查企业{}家，已检查{}家，",
                  plan.name, plan.from.to_string(), plan.to.to_string(), plan.kind,
                  divisions_text(plan), date_zh(as_of), area, plan.enterprises, plan.checked);
  text += fmt::format("检查覆盖率{}%，时间进度{}%", format_rate(plan.coverage),
                      format_fixed(plan.time_progress, kRateDecimals));
  return text + unchecked_zh(plan) + "。" + hazards_zh(plan) + gaps_zh(plan);
}

std::string plan_en(const SafetyPlanFigures& plan, const CivilDate& as_of,
                    const std::string& area) {
  std::string text = fmt::format(
      "{} ({} to {}, {}, divisions {}): by {}, {} of the {} enterprises in scope in {} had been "
      "checked, a coverage of {}% against a time progress of {}%",
      plan.name, plan.from.to_string(), plan.to.to_string(), plan.kind, join(plan.divisions, ", "),
      date_en(as_of), plan.checked, plan.enterprises, area, format_rate(plan.coverage),
      format_fixed(plan.time_progress, kRateDecimals));
  if (!plan.unchecked.empty()) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < std::min(plan.unchecked.size(), kSafetyNamedItems); ++i) {
      names.push_back(who(plan.unchecked[i]));
    }
    text += fmt::format("; not yet checked: {}{}", join(names, ", "),
                        plan.unchecked.size() > kSafetyNamedItems ? " and others" : "");
  }
  text += ". ";
  const HazardCounts& h = plan.hazards;
  if (h.found == 0) {
    text += "No hazard was found.";
  } else {
    text += fmt::format("{} hazards were found ({} major, {} ordinary): {} rectified, {} open",
                        h.found, plan.major.found, plan.ordinary.found, h.rectified, h.open);
    if (h.awaiting_reinspection > 0) {
      text += fmt::format(", {} rectified awaiting re-inspection", h.awaiting_reinspection);
    }
    if (h.overdue == 0) {
      text += "; none is past its deadline.";
    } else {
      std::vector<std::string> listed;
      for (std::size_t i = 0; i < std::min(plan.overdue_hazards.size(), kSafetyNamedItems); ++i) {
        const OverdueHazard& o = plan.overdue_hazards[i];
        listed.push_back(fmt::format("{} ({}, {}, {} days overdue)", o.id, who(o.enterprise),
                                     o.level, o.days_overdue));
      }
      text += fmt::format("; {} past the deadline: {}.", h.overdue, join(listed, "; "));
    }
  }
  if (plan.roster_gaps.empty()) return text + " The duty roster has a person on every day.";
  std::vector<std::string> days;
  for (std::size_t i = 0; i < std::min(plan.roster_gaps.size(), kSafetyNamedItems); ++i) {
    days.push_back(date_en(plan.roster_gaps[i]));
  }
  return text + fmt::format(" The duty roster has no one on {} day{}: {}{}.",
                            plan.roster_gaps.size(), plan.roster_gaps.size() == 1 ? "" : "s",
                            join(days, ", "),
                            plan.roster_gaps.size() > kSafetyNamedItems ? " and others" : "");
}

}  // namespace

std::vector<std::string> safety_paragraphs_zh(const ReportData& report, const std::string& area) {
  std::vector<std::string> paragraphs;
  if (!report.safety) return paragraphs;
  for (const SafetyPlanFigures& plan : report.safety->plans) {
    paragraphs.push_back(plan_zh(plan, report.safety->as_of, area));
  }
  return paragraphs;
}

std::vector<std::string> safety_paragraphs_en(const ReportData& report, const std::string& area) {
  std::vector<std::string> paragraphs;
  if (!report.safety) return paragraphs;
  for (const SafetyPlanFigures& plan : report.safety->plans) {
    paragraphs.push_back(plan_en(plan, report.safety->as_of, area));
  }
  return paragraphs;
}

void append_safety_tables(const ReportData& report, Language lang, std::vector<Table>& tables) {
  if (!report.safety) return;
  Table table{pick(lang, "汛期安全检查", "Flood-season safety checks"),
              {{pick(lang, "计划", "Plan")},
               {pick(lang, "企业", "Enterprises"), Align::kRight},
               {pick(lang, "已检查", "Checked"), Align::kRight},
               {pick(lang, "覆盖率(%)", "Coverage (%)"), Align::kRight},
               {pick(lang, "时间进度(%)", "Time progress (%)"), Align::kRight},
               {pick(lang, "隐患", "Hazards"), Align::kRight},
               {pick(lang, "已整改", "Rectified"), Align::kRight},
               {pick(lang, "未整改", "Open"), Align::kRight},
               {pick(lang, "超期", "Overdue"), Align::kRight},
               {pick(lang, "重大超期", "Major overdue"), Align::kRight},
               {pick(lang, "值班空档(天)", "Days without duty"), Align::kRight}},
              {},
              {}};
  for (const SafetyPlanFigures& plan : report.safety->plans) {
    table.rows.push_back(
        {plan.name, std::to_string(plan.enterprises), std::to_string(plan.checked),
         format_rate(plan.coverage), format_fixed(plan.time_progress, kRateDecimals),
         std::to_string(plan.hazards.found), std::to_string(plan.hazards.rectified),
         std::to_string(plan.hazards.open), std::to_string(plan.hazards.overdue),
         std::to_string(plan.major.overdue), std::to_string(plan.roster_gaps.size())});
  }
  tables.push_back(std::move(table));
}

}  // namespace zhizao::detail
