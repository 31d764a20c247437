// The English projects paragraph and "Points to watch", mirroring narrative_zh_watch.cc.
#include <fmt/format.h>

#include "base/number_format.h"
#include "report/narrative.h"
#include "report/narrative_en_phrases.h"
#include "report/narrative_warnings.h"
#include "report/period_wording.h"
#include "report/report_selection.h"

namespace zhizao::detail {
namespace {

constexpr size_t kNamedInWatch = 5;
constexpr size_t kNamedEnterprises = 3;
constexpr double kWanYuanPerBillion = 100000.0;

bool has_projects(const ProjectFigures& p) {
  return p.projects > 0 || p.investment != 0 || p.planned_starts > 0 || p.actual_starts > 0 ||
         p.year_planned_starts > 0 || p.planned_completions > 0 || p.actual_completions > 0;
}

// Returns the signed gap between investment progress and time progress, if both exist.
std::optional<double> progress_gap(const ProjectFigures& p) {
  if (!has_figure(p.investment_share) || !has_figure(p.time_progress)) return std::nullopt;
  return *p.investment_share - *p.time_progress;
}

std::string time_progress_clause(const ProjectFigures& p) {
  auto gap = progress_gap(p);
  if (!gap.has_value()) return "";
  std::string points = format_magnitude(*gap, kRateDecimals);
  switch (display_trend(*gap, kRateDecimals)) {
    case Trend::kUp:
      return ", " + points + " percentage points ahead of time progress";
    case Trend::kDown:
      return ", " + points + " percentage points behind time progress";
    case Trend::kFlat:
      break;
  }
  return ", in line with time progress";
}

std::string declines_item(const std::vector<SetFigures>& sets, const std::string& singular,
                          const std::string& plural, bool divisions) {
  auto falling = sets_with_trend(sets, Trend::kDown);
  if (falling.empty()) return "";
  sort_by_pull(falling, Order::kAscending);
  std::vector<std::string> names;
  for (const SetFigures* set : first_n(falling, kNamedInWatch)) {
    names.push_back(divisions ? division_display_name(*set, Language::kEn) : set->name);
  }
  return fmt::format("value added fell in {} ({}{})",
                     count_en(static_cast<long>(falling.size()), singular, plural),
                     join(names, ", "), falling.size() > kNamedInWatch ? ", among others" : "");
}

std::string headline_item(const ReportData& report, const std::string& area) {
  const auto& growth = report.industry.value_added_growth;
  if (!has_figure(growth)) return "";
  if (display_trend(*growth, kRateDecimals) == Trend::kDown) {
    return "value added above designated size in " + area + " " + trend_en(*growth, kRateDecimals) +
           " year on year";
  }
  std::string change = change_clause_en(report, growth, report.previous_value_added_growth);
  if (change.find("lower") == std::string::npos) return "";
  return "growth in " + area + " was" + change.substr(std::string("; growth was").size());
}

std::string key_enterprises_item(const KeyEnterprises& key) {
  if (key.declining <= 0) return "";
  std::string text = fmt::format("output fell at {}",
                                 count_en(key.declining, "key enterprise", "key enterprises"));
  auto falling = key_enterprises_with_trend(key, Trend::kDown, kNamedEnterprises);
  if (falling.empty()) return text;
  std::vector<std::string> names;
  for (const auto* e : falling) {
    names.push_back(e->name + " " + trend_en(*e->output_growth, kRateDecimals));
  }
  bool more = static_cast<size_t>(key.declining) > falling.size();
  return text + " (" + join(names, ", ") + (more ? ", among others" : "") + ")";
}

std::string projects_item(const ProjectFigures& p) {
  std::vector<std::string> lags;
  if (p.actual_starts < p.planned_starts) {
    lags.push_back(fmt::format(
        "{} fewer than planned",
        count_en(p.planned_starts - p.actual_starts, "project started", "projects started")));
  }
  if (p.actual_completions < p.planned_completions) {
    lags.push_back(
        fmt::format("{} fewer than planned", count_en(p.planned_completions - p.actual_completions,
                                                      "project completed", "projects completed")));
  }
  auto gap = progress_gap(p);
  if (gap.has_value() && display_trend(*gap, kRateDecimals) == Trend::kDown) {
    lags.push_back(fmt::format("investment was {} percentage points behind time progress",
                               format_magnitude(*gap, kRateDecimals)));
  }
  return lags.empty() ? "" : "industrial projects: " + join(lags, ", ");
}

}  // namespace

std::string projects_paragraph_en(const ReportData& report, const std::string& area) {
  const ProjectFigures& p = report.projects;
  if (!has_projects(p)) return "";
  std::string text =
      fmt::format("In {}, industrial projects in {} completed investment of {} billion yuan",
                  window_label(report.period.month, WindowKind::kCumulative, Language::kEn), area,
                  format_fixed(p.investment / kWanYuanPerBillion, 2));
  if (has_figure(p.investment_share)) {
    text += ", " + format_fixed(*p.investment_share, kRateDecimals) + "% of the year's plan" +
            time_progress_clause(p);
  }
  text += fmt::format("; {} planned to start and {} started",
                      count_en(p.planned_starts, "project was", "projects were"), p.actual_starts);
  if (has_figure(p.start_share)) {
    text +=
        ", " + format_fixed(*p.start_share, kRateDecimals) + "% of the starts planned for the year";
  }
  text += fmt::format("; {} planned to complete and {} completed",
                      count_en(p.planned_completions, "project was", "projects were"),
                      p.actual_completions);
  if (has_figure(p.completion_share)) {
    text += ", " + format_fixed(*p.completion_share, kRateDecimals) +
            "% of the completions planned for the year";
  }
  return text + ".";
}

std::string watch_paragraph_en(const ReportData& report, const std::string& area) {
  std::vector<std::string> items;
  auto add = [&items](std::string item) {
    if (!item.empty()) items.push_back(std::move(item));
  };
  add(headline_item(report, area));
  add(declines_item(report.divisions, "division", "divisions", true));
  if (has_figure(report.industry.electricity_growth) &&
      display_trend(*report.industry.electricity_growth, kElectricityDecimals) == Trend::kDown) {
    add("industrial electricity consumption " +
        trend_en(*report.industry.electricity_growth, kElectricityDecimals));
  }
  add(key_enterprises_item(report.key_enterprises));
  const RankedPlaces places = places_below_area(report);
  add(declines_item(*places.sets, places.singular_en, places.plural_en, false));
  add(declines_item(report.parks, "park", "parks", false));
  add(declines_item(report.chains, "industrial chain", "industrial chains", false));
  add(projects_item(report.projects));
  // The red and orange early warnings (src/warnings) follow, with their reasons.
  std::string warned = warnings_watch_en(report);
  if (items.empty()) {
    return "No main indicator fell or lagged behind in this period." +
           (warned.empty() ? "" : " " + warned);
  }
  std::vector<std::string> numbered;
  for (size_t i = 0; i < items.size(); ++i) {
    numbered.push_back(fmt::format("({}) {}", i + 1, items[i]));
  }
  return "Points to watch: " + join(numbered, "; ") + "." + (warned.empty() ? "" : " " + warned);
}

}  // namespace zhizao::detail
