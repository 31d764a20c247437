// Trend: the headline growth rates of the months before a period, for the 24-month charts of
// the dashboard and the printed report. Each point is a cumulative (1..M) figure, as the bureau
// plots them; January has none (it is released with February).
#pragma once

#include <optional>
#include <vector>

#include "base/result.h"
#include "domain/dataset.h"
#include "engine/engine.h"

namespace zhizao {

struct TrendPoint {
  YearMonth period;
  std::optional<double> value_added_growth;
  std::optional<double> manufacturing_value_added_growth;
  std::optional<double> two_year_average_growth;
  std::optional<double> electricity_growth;
  std::optional<double> output_growth;
};

// Returns one point per month from `months` − 1 months before `request.period` up to it,
// skipping Januaries, oldest first; each computed as compute_report would for that month with
// the request's window and scope. Errors: as compute_report for the last period.
Result<std::vector<TrendPoint>> compute_trend(const Dataset& dataset, const ReportRequest& request,
                                              int months);

// As compute_trend(Dataset) over the same records (engine.h, ColumnarData).
Result<std::vector<TrendPoint>> compute_trend(const ColumnarData& data,
                                              const ReportRequest& request, int months);

}  // namespace zhizao
