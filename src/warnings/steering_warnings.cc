// The rules over the steering figures (src/steering): lagging projects (project_lagging), targets
// whose needed pace outruns the achieved one (target_pace) and campaigns behind their time
// progress (campaign_behind).
#include <chrono>

#include "warnings/warning_evaluators.h"

namespace zhizao::detail {
namespace {

// The month of the first late day: D − days_late is the missed planned date, late from the day
// after it (data contract, "Projects, lagging").
YearMonth first_late_month(YearMonth period, long days_late) {
  using namespace std::chrono;
  sys_days last_day = year_month_day_last(
      year(period.year), month_day_last(month(static_cast<unsigned>(period.month))));
  year_month_day first_late{last_day - days(days_late - 1)};
  return {static_cast<int>(first_late.year()),
          static_cast<int>(static_cast<unsigned>(first_late.month()))};
}

void add_project_lagging(const ReportData& figures, const WarningRule& rule,
                         std::vector<Warning>& out) {
  double days = rule.parameter("days");
  for (const LaggingProject& project : figures.projects.lagging) {
    if (static_cast<double>(project.days_late) <= days) continue;
    Warning w = warning_of(rule, "project", project.id, project.name);
    w.figures = {{"days_late", static_cast<double>(project.days_late)}};
    w.since = first_late_month(figures.period, project.days_late);
    out.push_back(std::move(w));
  }
}

void add_target_pace(const ReportData& figures, const WarningRule& rule,
                     std::vector<Warning>& out) {
  double factor = rule.parameter("factor");
  for (const TargetFigures& target : figures.targets) {
    if (!target.pace_needed || !target.pace_achieved) continue;
    // A target already reached (no growth needed) raises nothing; otherwise a pace achieved at
    // or below zero is always outrun.
    if (*target.pace_needed <= 0 || *target.pace_needed <= factor * *target.pace_achieved) {
      continue;
    }
    Warning w = warning_of(rule, "target", target.id, target.name);
    w.figures = {{"pace_needed", *target.pace_needed}, {"pace_achieved", *target.pace_achieved}};
    if (target.progress) w.figures.emplace_back("progress", *target.progress);
    out.push_back(std::move(w));
  }
}

void add_campaign_behind(const ReportData& figures, const WarningRule& rule,
                         std::vector<Warning>& out) {
  double points = rule.parameter("points");
  for (const CampaignFigures& campaign : figures.campaigns) {
    if (!campaign.investment_progress) continue;
    double gap = campaign.time_progress - *campaign.investment_progress;
    if (gap <= points) continue;
    Warning w = warning_of(rule, "campaign", campaign.id, campaign.name);
    w.figures = {{"investment_progress", *campaign.investment_progress},
                 {"time_progress", campaign.time_progress},
                 {"gap", gap}};
    out.push_back(std::move(w));
  }
}

}  // namespace

void add_steering_warnings(const ReportData& figures, Coverage coverage,
                           std::span<const WarningRule* const> rules, std::vector<Warning>& out) {
  for (const WarningRule* rule : rules) {
    switch (rule->kind) {
      case WarningKind::kProjectLagging:
        add_project_lagging(figures, *rule, out);
        break;
      case WarningKind::kTargetPace:
        add_target_pace(figures, *rule, out);
        break;
      case WarningKind::kCampaignBehind:
        if (coverage == Coverage::kWholeData) add_campaign_behind(figures, *rule, out);
        break;
      default:
        break;
    }
  }
}

}  // namespace zhizao::detail
