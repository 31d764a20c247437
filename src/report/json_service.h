// The JSON form of the "Enterprise service" figures (data contract v2, "Figures"): the key
// `service` of `report --json`, with the contract's keys for the city and, beside them, the
// breakdowns per cadre, department and county and the list of overdue cases.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/v2_figures.h"

namespace zhizao::detail {

// Returns {"visit_coverage", "unvisited", "cases_resolved", "on_time_rate", "median_days",
// "mean_rating", "open_overdue", "assigned", "visited", "resolved_on_time", "ratings",
// "cadres": [...], "departments": [...], "counties": [...], "overdue_cases": [...]}. Rates
// unrounded, null without a denominator. Pure.
nlohmann::ordered_json service_to_json(const ServiceFigures& service);

}  // namespace zhizao::detail
