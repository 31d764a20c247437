#include "engine/projects.h"

#include <optional>
#include <set>
#include <string>

#include "engine/compensated_sum.h"

namespace zhizao::detail {
namespace {

// Day of the year (1-based) of `date`.
int day_of_year(const CivilDate& date) {
  int day = date.day;
  for (int month = 1; month < date.month; ++month) day += days_in_month(date.year, month);
  return day;
}

std::optional<double> percent_of(double part, double whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * part / whole;
}

}  // namespace

ProjectFigures project_figures(const Dataset& dataset, const RegionScope& scope, YearMonth period) {
  const CivilDate first_day{period.year, 1, 1};
  const CivilDate last_day{period.year, period.month, days_in_month(period.year, period.month)};
  auto in_window = [&](const std::optional<CivilDate>& date) {
    return date && first_day <= *date && *date <= last_day;
  };
  auto in_year = [&](const std::optional<CivilDate>& date) {
    return date && date->year == period.year;
  };

  ProjectFigures figures;
  std::set<std::string> ids;
  CompensatedSum year_plan;
  for (const Project& project : dataset.projects) {
    if (!scope.contains(project.region)) continue;
    ids.insert(project.id);
    ++figures.projects;
    figures.planned_starts += in_window(project.planned_start);
    figures.actual_starts += in_window(project.actual_start);
    figures.year_planned_starts += in_year(project.planned_start);
    figures.planned_completions += in_window(project.planned_completion);
    figures.actual_completions += in_window(project.actual_completion);
    figures.year_planned_completions += in_year(project.planned_completion);
    if (project.year_plan_investment) year_plan.add(*project.year_plan_investment);
  }
  CompensatedSum investment;
  for (const ProjectProgress& progress : dataset.project_progress) {
    if (progress.period.year != period.year || progress.period.month > period.month) continue;
    if (!scope.code().empty() && !ids.contains(progress.project_id)) continue;
    investment.add(progress.investment);
  }
  figures.investment = investment.value();
  figures.year_plan_investment = year_plan.value();
  figures.start_share = percent_of(static_cast<double>(figures.actual_starts),
                                   static_cast<double>(figures.year_planned_starts));
  figures.completion_share = percent_of(static_cast<double>(figures.actual_completions),
                                        static_cast<double>(figures.year_planned_completions));
  figures.investment_share = percent_of(figures.investment, figures.year_plan_investment);
  const int days_in_year = day_of_year({period.year, 12, 31});
  figures.time_progress = 100.0 * day_of_year(last_day) / days_in_year;
  return figures;
}

}  // namespace zhizao::detail
