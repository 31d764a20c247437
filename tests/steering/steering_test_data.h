// Small hand-made projects, campaigns and targets for the steering tests.
#pragma once

#include <optional>
#include <string>

#include "domain/dataset.h"

namespace zhizao::testing {

inline Project steering_project(std::string id, std::string region = "410302",
                                std::string campaign = "") {
  Project project;
  project.id = std::move(id);
  project.name = "项目" + project.id;
  project.region = std::move(region);
  project.total_investment = 1000;
  project.campaign = std::move(campaign);
  return project;
}

inline ProjectProgress progress_row(std::string id, YearMonth period, double investment) {
  ProjectProgress row;
  row.project_id = std::move(id);
  row.period = period;
  row.investment = investment;
  return row;
}

inline Campaign campaign(std::string id, CivilDate from, CivilDate to) {
  Campaign row;
  row.id = std::move(id);
  row.name = "攻坚" + row.id;
  row.from = from;
  row.to = to;
  return row;
}

inline Target target(std::string id, TargetIndicator indicator, std::string scope, int year,
                     double value, std::optional<double> threshold = std::nullopt) {
  Target row;
  row.id = std::move(id);
  row.name = "目标" + row.id;
  row.indicator = indicator;
  row.scope = std::move(scope);
  row.year = year;
  row.value = value;
  row.threshold = threshold;
  return row;
}

}  // namespace zhizao::testing
