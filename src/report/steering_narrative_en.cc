// The English paragraphs on the campaigns, the lagging projects and the targets, in the plain
// register of an official English release; the same figures and choices as the Chinese ones.
#include <algorithm>

#include <fmt/format.h>

#include "base/number_format.h"
#include "report/narrative.h"
#include "report/narrative_en_phrases.h"
#include "report/period_wording.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

constexpr double kWanYuanPerBillion = 1e5;

// "1 March", or "1 December 2020" outside the report's year.
std::string date_en(const CivilDate& date, int report_year) {
  std::string text = fmt::format("{} {}", date.day, english_month(date.month));
  return date.year == report_year ? text : fmt::format("{} {}", text, date.year);
}

std::string billion(double wan_yuan) { return format_fixed(wan_yuan / kWanYuanPerBillion, 2); }

// ", 13.8 percentage points ahead of time progress" / "behind" / ", in line with time progress".
std::string against_time_en(double progress, double time_progress) {
  double gap = progress - time_progress;
  switch (display_trend(gap, kRateDecimals)) {
    case Trend::kUp:
      return ", " + format_magnitude(gap, kRateDecimals) +
             " percentage points ahead of time progress";
    case Trend::kDown:
      return ", " + format_magnitude(gap, kRateDecimals) +
             " percentage points behind time progress";
    case Trend::kFlat:
      break;
  }
  return ", in line with time progress";
}

// "; 5 projects started (62.5% of the 8 planned)".
std::string against_plan_en(long actual, const char* verb, const std::optional<long>& planned) {
  std::string text = fmt::format("; {} {}", count_en(actual, "project", "projects"), verb);
  if (!planned) return text;
  if (*planned == 0) return text + " (none planned)";
  return text + fmt::format(" ({}% of the {} planned)",
                            format_fixed(
                                100.0 * static_cast<double>(actual) / static_cast<double>(*planned),
                                kRateDecimals),
                            *planned);
}

std::string campaign_sentence(const CampaignFigures& c, const ReportData& report) {
  const CivilDate last_day = last_day_of(report.period);
  std::string text = fmt::format("{} ({} to {})", c.name, date_en(c.from, report.period.year),
                                 date_en(c.to, report.period.year));
  if (c.from > last_day) {
    text += " has not begun";
    if (c.projects > 0) text += "; it has " + count_en(c.projects, "project", "projects");
    return text + ". ";
  }
  text += c.to < last_day
              ? " has ended"
              : " is " + format_fixed(c.time_progress, kRateDecimals) + "% through its time";
  text += fmt::format("; its {} completed investment of {} billion yuan",
                      count_en(c.projects, "project", "projects"), billion(c.investment));
  if (has_figure(c.investment_progress)) {
    text += ", " + format_fixed(*c.investment_progress, kRateDecimals) + "% of plan" +
            against_time_en(*c.investment_progress, c.time_progress);
  }
  text += against_plan_en(c.actual_starts, "started", c.planned_starts);
  text += against_plan_en(c.actual_completions, "completed", c.planned_completions);
  return text + ". ";
}

std::string groups_en(const std::vector<LagCount>& groups) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < groups.size() && i < kNamedGroups; ++i) {
    parts.push_back(fmt::format("{} {}", groups[i].name, groups[i].count));
  }
  return join(parts, ", ") + (groups.size() > kNamedGroups ? " and others" : "");
}

std::string lagging_paragraph(const ReportData& report, const std::string& area) {
  const std::vector<LaggingProject>& lagging = report.projects.lagging;
  if (lagging.empty()) return "";
  long starts = 0;
  long completions = 0;
  for (const LaggingProject& p : lagging) {
    starts += p.kind != LagKind::kCompletion;
    completions += p.kind != LagKind::kStart;
  }
  std::string text = fmt::format(
      "As of {}, {} in {} lagged behind plan", date_en(last_day_of(report.period), 0),
      count_en(static_cast<long>(lagging.size()), "industrial project", "industrial projects"),
      area);
  std::vector<std::string> kinds;
  if (starts > 0) kinds.push_back(fmt::format("{} not started on schedule", starts));
  if (completions > 0) kinds.push_back(fmt::format("{} not completed on schedule", completions));
  text += ": " + join(kinds, ", ");
  std::vector<const LaggingProject*> longest;
  for (const LaggingProject& p : lagging) longest.push_back(&p);
  std::stable_sort(longest.begin(), longest.end(),
                   [](const auto* a, const auto* b) { return a->days_late > b->days_late; });
  std::vector<std::string> names;
  for (size_t i = 0; i < longest.size() && i < kNamedLagging; ++i) {
    names.push_back(fmt::format("{} ({} days)", longest[i]->name, longest[i]->days_late));
  }
  text += "; the longest overdue were " + join(names, ", ") + ".";
  std::vector<std::string> parts;
  auto add = [&](LagDimension dimension, const char* lead) {
    std::vector<LagCount> groups = lagging_by(report, dimension, Language::kEn);
    if (!groups.empty()) parts.push_back(lead + groups_en(groups));
  };
  add(LagDimension::kCounty, "By county: ");
  add(LagDimension::kPark, "by park: ");
  add(LagDimension::kChain, "by chain: ");
  add(LagDimension::kDivision, "by division: ");
  if (!parts.empty()) text += " " + join(parts, "; ") + ".";
  return text;
}

bool counts_enterprises(const TargetFigures& t) {
  return t.indicator == "enterprises_over" || t.indicator == "manufacturing_enterprises_over";
}

bool manufacturing(const TargetFigures& t) {
  return t.indicator == "manufacturing_output" || t.indicator == "manufacturing_enterprises_over";
}

std::string target_sentence(const TargetFigures& t, const ReportData& report,
                            const std::string& area) {
  const std::string scope = target_scope_name(report, t.scope, area);
  std::string text = fmt::format("\"{}\": over the last 12 months, ", t.name);
  std::string goal;
  if (counts_enterprises(t)) {
    text += fmt::format("{} {}enterprises in {} had output of {} billion yuan or more",
                        plain_number(t.current), manufacturing(t) ? "manufacturing " : "", scope,
                        plain_number(t.threshold.value_or(0) / kWanYuanPerBillion));
    goal = fmt::format("the {} target of {}", t.year, plain_number(t.value));
  } else {
    text +=
        fmt::format("{} output of {} was {} billion yuan",
                    manufacturing(t) ? "manufacturing" : "industrial", scope, billion(t.current));
    const double billions = t.value / kWanYuanPerBillion;
    goal = billions >= 1000
               ? fmt::format("the {} target of {} trillion yuan", t.year,
                             plain_number(billions / 1000))
               : fmt::format("the {} target of {} billion yuan", t.year, plain_number(billions));
  }
  if (has_figure(t.progress)) {
    text += ", " + format_fixed(*t.progress, kRateDecimals) + "% of " + goal;
  }
  if (has_figure(t.pace_needed)) {
    text += t.progress.value_or(0) >= 100
                ? fmt::format(", reaching the {} target ahead of time", t.year)
                : fmt::format("; reaching it needs average growth of {}% a year",
                              format_fixed(*t.pace_needed, kRateDecimals));
  }
  std::string subject = manufacturing(t) ? "manufacturing output" : "output";
  if (has_figure(t.pace_achieved)) {
    text += "; " + subject + " " + trend_en(*t.pace_achieved, kRateDecimals) +
            " over the last 12 months";
  } else {
    text += "; " + subject + " had no comparable data";
  }
  return text + ". ";
}

std::string trimmed(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

std::vector<std::string> steering_paragraphs_en(const ReportData& report, const std::string& area) {
  std::string campaigns;
  for (const CampaignFigures& c : report.campaigns) campaigns += campaign_sentence(c, report);
  std::string targets;
  for (const TargetFigures& t : report.targets) targets += target_sentence(t, report, area);
  return {trimmed(campaigns), lagging_paragraph(report, area), trimmed(targets)};
}

}  // namespace zhizao::detail
