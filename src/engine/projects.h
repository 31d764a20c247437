// Projects year to date (data contract, "Indicator definitions": projects): from 1 January of Y
// to the last day of month M, also in a monthly report.
#pragma once

#include "base/year_month.h"
#include "domain/dataset.h"
#include "engine/region_scope.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// Returns the project figures of the projects whose region lies in `scope`, for the year to date
// ending with `period`. Progress rows count when their project is in the scope (all rows when the
// scope is everything); year_plan_investment sums the projects that give one.
ProjectFigures project_figures(const Dataset& dataset, const RegionScope& scope, YearMonth period);

}  // namespace zhizao::detail
