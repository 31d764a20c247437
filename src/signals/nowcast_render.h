// The nowcast as the contract's JSON and as a short text in Chinese or English, for `zhizao
// nowcast` and GET /api/nowcast. Pure functions; thread-safe.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "base/language.h"
#include "engine/engine.h"
#include "signals/nowcast.h"

namespace zhizao {

// What the JSON holds: exactly the contract's keys, or those and the details a dashboard shows
// (extra keys: interval_level, window, cut_day, aligned_electricity_growth, actual,
// training_months, backtest_points).
enum class NowcastJson { kContract, kDetailed };

// {"period", "days", "electricity_growth", "value_added_growth": {"estimate", "low", "high"},
// "backtest": {"months", "mean_absolute_error"}, "divisions": [...]}: growths in percent,
// unrounded; null where there is no figure (no readings, too few months to fit, nothing
// back-tested); `divisions` as division_nowcasts_json (signals/division_nowcast_render.h), in
// both forms. kDetailed adds day_weighting: {"model", "weight", "regressor"} too.
nlohmann::ordered_json nowcast_json(const Nowcast& nowcast, NowcastJson detail);

// A few lines: the month so far, its electricity growth, the estimate with its interval, the
// back-test's months and mean absolute error, the day weighting when fitted, the statistics when
// already stored, then the divisions' table.
std::string nowcast_text(const Nowcast& nowcast, Language language);

// The statistics of the model from a report function (the CLI's and the server's ReportInput):
// the industrial value-added growth of the monthly window released as the period, and each
// manufacturing division's (the report's division figures) beside it: one report per window.
// Errors: those of `report`.
WindowStatisticsOf window_statistics_from(
    std::function<Result<ReportData>(const ReportRequest&)> report);

}  // namespace zhizao
