// GET /api/projects and GET /api/projects/ID (docs/api.md, "Projects"): the industrial projects
// of the caller's scope with their milestones and year-to-date investment. Every figure comes
// from the engine's project_figures (data contract, "projects, year to date"): the totals over
// the scope exactly as the report computes them, and each project's own figures as the same
// function over a dataset holding only that project, so a row and the report cannot disagree.
// Everything is as known at the end of the period (issue #18, item 8): an actual start or
// completion dated after it has not happened yet in that view, and no later month's investment
// is shown.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/year_month.h"
#include "domain/region.h"
#include "engine/projects.h"
#include "engine/region_scope.h"
#include "report/json_writer.h"
#include "report/steering_section.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/served_input.h"
#include "steering/steering.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

using ProgressByProject = std::map<std::string, std::vector<ProjectProgress>>;

// The contract's keys of the report's "projects" object, so that the totals compare one to one.
ordered_json totals_json(const ProjectFigures& figures) {
  return {{"investment", figures.investment},
          {"planned_starts", figures.planned_starts},
          {"actual_starts", figures.actual_starts},
          {"year_planned_starts", figures.year_planned_starts},
          {"start_share", detail::optional_number(figures.start_share)},
          {"planned_completions", figures.planned_completions},
          {"actual_completions", figures.actual_completions},
          {"projects", figures.projects},
          {"year_planned_completions", figures.year_planned_completions},
          {"completion_share", detail::optional_number(figures.completion_share)},
          {"year_plan_investment", figures.year_plan_investment},
          {"investment_share", detail::optional_number(figures.investment_share)},
          {"time_progress", detail::optional_number(figures.time_progress)}};
}

ordered_json date_json(const std::optional<CivilDate>& date) {
  return date ? ordered_json(date->to_string()) : ordered_json(nullptr);
}

CivilDate last_day_of(YearMonth period) {
  return {period.year, period.month, days_in_month(period.year, period.month)};
}

// An actual date as known at the end of the period: one after it has not happened yet.
ordered_json actual_date_json(const std::optional<CivilDate>& date, YearMonth period) {
  return date && *date <= last_day_of(period) ? date_json(date) : ordered_json(nullptr);
}

// Where a project stands at the end of `period`: "completed" once its actual completion date has
// passed, "started" once its actual start has, else "planned".
const char* stage_at(const Project& project, YearMonth period) {
  const CivilDate last_day = last_day_of(period);
  if (project.actual_completion && *project.actual_completion <= last_day) return "completed";
  if (project.actual_start && *project.actual_start <= last_day) return "started";
  return "planned";
}

// A milestone overdue at the end of `period` (D), as the data contract's v2 "Projects, lagging":
// planned on or before D, and not done on or before D, whatever the year it was planned in.
bool overdue(const std::optional<CivilDate>& planned, const std::optional<CivilDate>& actual,
             YearMonth period) {
  const CivilDate last_day = last_day_of(period);
  return planned && *planned <= last_day && !(actual && *actual <= last_day);
}

template <typename Named>
ordered_json name_of(const std::vector<Named>& list, const std::string& id) {
  auto found =
      std::find_if(list.begin(), list.end(), [&](const Named& item) { return item.id == id; });
  return found == list.end() ? ordered_json(nullptr) : ordered_json(found->name);
}

// One project's row: its record, and its own year-to-date figures from project_figures over a
// dataset that holds only it and its progress rows (each count is then 0 or 1, a flag).
ordered_json project_json(const Dataset& dataset, const Project& project,
                          const std::vector<ProjectProgress>& progress, YearMonth period) {
  Dataset alone;
  alone.projects.push_back(project);
  alone.project_progress = progress;
  const ProjectFigures own = detail::project_figures(alone, detail::RegionScope(), period);
  const Region* region = find_region(project.region);
  return {
      {"id", project.id},
      {"name", project.name},
      {"region", project.region},
      {"region_name", region ? ordered_json(std::string(region->name)) : ordered_json(nullptr)},
      {"industry", project.industry},
      {"chain", project.chain},
      {"chain_name", name_of(dataset.chains, project.chain)},
      {"park", project.park},
      {"park_name", name_of(dataset.parks, project.park)},
      {"total_investment", project.total_investment},
      {"year_plan_investment", detail::optional_number(project.year_plan_investment)},
      {"planned_start", date_json(project.planned_start)},
      {"actual_start", actual_date_json(project.actual_start, period)},
      {"planned_completion", date_json(project.planned_completion)},
      {"actual_completion", actual_date_json(project.actual_completion, period)},
      {"investment", own.investment},
      {"investment_share", detail::optional_number(own.investment_share)},
      {"stage", stage_at(project, period)},
      {"planned_start_in_window", own.planned_starts > 0},
      {"started_in_window", own.actual_starts > 0},
      {"planned_start_in_year", own.year_planned_starts > 0},
      {"planned_completion_in_window", own.planned_completions > 0},
      {"completed_in_window", own.actual_completions > 0},
      {"planned_completion_in_year", own.year_planned_completions > 0},
      {"start_overdue", overdue(project.planned_start, project.actual_start, period)},
      {"completion_overdue",
       overdue(project.planned_completion, project.actual_completion, period)},
  };
}

// Adds whether the project lags at the end of the period (src/steering, the contract's
// "Projects, lagging"), how many days late and why, and its campaign, to its row.
void add_lag(ordered_json& row, const Project& project,
             const std::vector<LaggingProject>& lagging) {
  auto lag = std::find_if(lagging.begin(), lagging.end(),
                          [&](const LaggingProject& p) { return p.id == project.id; });
  row["campaign"] = project.campaign;
  row["lagging"] = lag != lagging.end();
  row["days_late"] = lag != lagging.end() ? ordered_json(lag->days_late) : ordered_json(nullptr);
  row["lag_kind"] =
      lag != lagging.end() ? ordered_json(detail::lag_kind_key(lag->kind)) : ordered_json(nullptr);
}

ProgressByProject progress_by_project(const Dataset& dataset) {
  ProgressByProject out;
  for (const ProjectProgress& row : dataset.project_progress) out[row.project_id].push_back(row);
  for (auto& [id, rows] : out) {
    std::sort(rows.begin(), rows.end(), [](const ProjectProgress& a, const ProjectProgress& b) {
      return a.period < b.period;
    });
  }
  return out;
}

// The served input and the request's period; its tables() hold the projects.
struct ProjectsInput {
  ReportInput input;
  YearMonth period;
};

// Reads `period` and the served input (the snapshot's tables: no monthly record is read);
// enterprises see no projects (projects belong to regions, not to an enterprise). Returns
// std::nullopt after answering.
std::optional<ProjectsInput> load_for_period(ApiCall& call, const std::string& db_path) {
  if (call.actor.role.kind == RoleKind::kEnterprise) {
    send_forbidden(call.res);
    return std::nullopt;
  }
  std::optional<std::string> period_text = query_param(call.req, "period");
  if (!period_text) {
    send_error(call.res, 400, "bad_request", "the query needs period=YYYY-MM");
    return std::nullopt;
  }
  Result<YearMonth> period = parse_year_month(*period_text);
  if (!period) {
    send_error(call.res, 400, "bad_request", period.error().message());
    return std::nullopt;
  }
  std::optional<ReportInput> input = served_input(call, db_path);
  if (!input) return std::nullopt;
  return ProjectsInput{*std::move(input), *period};
}

void list_projects(ApiCall& call, const std::string& db_path) {
  std::optional<ProjectsInput> loaded = load_for_period(call, db_path);
  if (!loaded) return;
  const Dataset& dataset = loaded->input.tables();
  const YearMonth period = loaded->period;
  std::optional<std::string> scope_code = report_scope_for(
      call.actor, query_param(call.req, "scope").value_or(""), dataset.region_groups);
  if (!scope_code) {
    send_forbidden(call.res);
    return;
  }
  Result<detail::RegionScope> scope = detail::RegionScope::resolve(dataset, *scope_code);
  if (!scope) {
    send_status(call.res, scope.error());
    return;
  }
  std::vector<const Project*> projects;
  for (const Project& project : dataset.projects) {
    if (scope->contains(project.region)) projects.push_back(&project);
  }
  std::sort(projects.begin(), projects.end(),
            [](const Project* a, const Project* b) { return a->id < b->id; });
  const ProgressByProject progress = progress_by_project(dataset);
  const std::vector<ProjectProgress> none;
  ordered_json body;
  body["period"] = period.to_string();
  body["window"] = {{"from", YearMonth{period.year, 1}.to_string()}, {"to", period.to_string()}};
  body["scope"] = scope_code->empty() ? ordered_json(nullptr) : ordered_json(*scope_code);
  body["totals"] = totals_json(detail::project_figures(dataset, *scope, period));
  const std::vector<LaggingProject> lagging = lagging_projects(dataset, *scope, period);
  body["lagging"] = ordered_json::array();
  for (const LaggingProject& lag : lagging) body["lagging"].push_back(lag.id);
  body["totals"]["lagging"] = body["lagging"];  // as the report's "projects" object
  body["projects"] = ordered_json::array();
  for (const Project* project : projects) {
    auto rows = progress.find(project->id);
    body["projects"].push_back(
        project_json(dataset, *project, rows == progress.end() ? none : rows->second, period));
    add_lag(body["projects"].back(), *project, lagging);
  }
  send_json(call.res, 200, body);
}

void get_project(ApiCall& call, const std::string& db_path) {
  std::optional<ProjectsInput> loaded = load_for_period(call, db_path);
  if (!loaded) return;
  const Dataset& dataset = loaded->input.tables();
  const YearMonth period = loaded->period;
  const std::string id = call.req.matches[1];
  auto found = std::find_if(dataset.projects.begin(), dataset.projects.end(),
                            [&](const Project& project) { return project.id == id; });
  const bool sees_all = may_read_everything(call.actor);
  // A county user gets 403 for a project outside its area and for one that does not exist alike.
  if (found == dataset.projects.end()) {
    if (sees_all) {
      send_error(call.res, 404, "not_found", "no project " + id);
    } else {
      send_forbidden(call.res);
    }
    return;
  }
  if (!sees_all && !area_within(found->region, call.actor.role.code, dataset.region_groups)) {
    send_forbidden(call.res);
    return;
  }
  const ProgressByProject progress = progress_by_project(dataset);
  auto rows = progress.find(id);
  const std::vector<ProjectProgress> own_rows =
      rows == progress.end() ? std::vector<ProjectProgress>{} : rows->second;
  ordered_json body = project_json(dataset, *found, own_rows, period);
  Dataset alone;
  alone.projects.push_back(*found);
  add_lag(body, *found, lagging_projects(alone, detail::RegionScope(), period));
  body["period"] = period.to_string();
  // The window's months (January to the period), so that they add up to `investment`; the
  // months before the year only enter investment_to_date, and later months nowhere.
  body["progress"] = ordered_json::array();
  double to_date = 0;
  for (const ProjectProgress& row : own_rows) {
    if (row.period > period) continue;
    to_date += row.investment;
    if (row.period.year != period.year) continue;
    body["progress"].push_back(
        {{"period", row.period.to_string()}, {"investment", row.investment}});
  }
  body["investment_to_date"] = to_date;
  send_json(call.res, 200, body);
}

}  // namespace

void add_project_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/projects", authenticated(config, [db_path = config.db_path](ApiCall& call) {
               list_projects(call, db_path);
             }));
  routes.get(R"(/api/projects/([^/]+))",
             authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_project(call, db_path);
             }));
}

}  // namespace zhizao::server
