// The charts of the printed monthly analysis, the same in the HTML and the Word file: divisions'
// value-added growth and pull, counties' growth against the city's, and the 24-month trend of
// the headline growth rates. Pure functions, thread-safe.
#pragma once

#include <vector>

#include "base/language.h"
#include "document/svg_charts.h"
#include "engine/report_data.h"
#include "engine/trend.h"

namespace zhizao {

// Months of history the report's trend chart shows (compute_trend's `months`).
inline constexpr int kTrendMonths = 24;

// Returns the charts that have something to show, in report order: divisions (ranked by growth,
// growth and pull panels), counties (columns, the city's growth as a dashed line), and the trend
// (value added of industry and manufacturing, and electricity, by period). An empty `trend`
// leaves the trend chart out.
std::vector<SvgChart> report_charts(const ReportData& report, const std::vector<TrendPoint>& trend,
                                    Language language);

}  // namespace zhizao
