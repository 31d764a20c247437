// "Campaigns" of the data contract (v2 additions): a campaign's window runs from `from` to
// E = min(to, D), D the last day of the report period.
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/compensated_sum.h"
#include "steering/steering.h"
#include "steering/steering_dates.h"

namespace zhizao {
namespace {

bool dated_within(const std::optional<CivilDate>& date, const CivilDate& from,
                  const CivilDate& end) {
  return date && from <= *date && *date <= end;
}

CampaignFigures campaign_heading(const Campaign& campaign) {
  CampaignFigures figures;
  figures.id = campaign.id;
  figures.name = campaign.name;
  figures.from = campaign.from;
  figures.to = campaign.to;
  figures.planned_starts = campaign.planned_starts;
  figures.planned_completions = campaign.planned_completions;
  figures.planned_investment = campaign.planned_investment;
  return figures;
}

// 100 × days from `from` to `end`, both counted (at least 0), / days from `from` to `to`, both
// counted; 0 for a campaign whose `to` precedes its `from` (no days to divide by).
double time_progress(const Campaign& campaign, const CivilDate& end) {
  const long elapsed = std::max(detail::days_between(campaign.from, end) + 1, 0L);
  const long length = detail::days_between(campaign.from, campaign.to) + 1;
  if (length <= 0) return 0;
  return 100.0 * static_cast<double>(elapsed) / static_cast<double>(length);
}

}  // namespace

std::vector<CampaignFigures> campaign_figures(const Dataset& dataset,
                                              const detail::RegionScope& scope, YearMonth period) {
  std::vector<CampaignFigures> out;
  if (dataset.campaigns.empty()) return out;
  const CivilDate last_day = detail::last_day_of(period);
  // Progress rows by project, read once for all campaigns.
  std::unordered_map<std::string, std::vector<const ProjectProgress*>> progress_of;
  for (const ProjectProgress& row : dataset.project_progress) {
    progress_of[row.project_id].push_back(&row);
  }
  for (const Campaign& campaign : dataset.campaigns) {
    CampaignFigures figures = campaign_heading(campaign);
    const CivilDate end = std::min(campaign.to, last_day);
    const bool started = campaign.from <= last_day;
    detail::CompensatedSum investment;
    for (const Project& project : dataset.projects) {
      if (project.campaign != campaign.id || !scope.contains(project.region)) continue;
      ++figures.projects;
      if (!started) continue;  // a campaign that starts after D has zeros
      figures.actual_starts += dated_within(project.actual_start, campaign.from, end);
      figures.actual_completions += dated_within(project.actual_completion, campaign.from, end);
      auto rows = progress_of.find(project.id);
      if (rows == progress_of.end()) continue;
      for (const ProjectProgress* row : rows->second) {
        if (campaign.from.year_month() <= row->period && row->period <= end.year_month()) {
          investment.add(row->investment);
        }
      }
    }
    figures.investment = investment.value();
    figures.time_progress = started ? time_progress(campaign, end) : 0.0;
    if (figures.planned_investment && *figures.planned_investment != 0) {
      figures.investment_progress = 100.0 * figures.investment / *figures.planned_investment;
    }
    out.push_back(std::move(figures));
  }
  return out;
}

}  // namespace zhizao
