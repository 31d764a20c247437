// The nowcast (`zhizao nowcast`, GET /api/nowcast): the city's value-added growth of a month, and
// that of each manufacturing division, estimated from daily electricity before the statistics
// arrive, with a prediction interval and the mean absolute error of the same procedure
// back-tested on every earlier month it could have been run on (docs/methodology.md, "Daily
// electricity and the nowcast"; data contract "v2 additions", "Daily electricity").
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"
#include "signals/day_weighting.h"
#include "signals/line_fit.h"
#include "store/daily_electricity_store.h"

namespace zhizao {

// The statistics the model learns from: the industrial value-added growth (percent) of the
// monthly window whose release period is `period` (当月; January–February for a February
// period), or nullopt when the stored monthly records give none. Errors pass through.
using ValueAddedGrowthOf = std::function<Result<std::optional<double>>(YearMonth period)>;

// The statistics of one monthly window: the city's industrial value-added growth and that of
// each manufacturing division with a figure (code → percent).
struct WindowStatistics {
  std::optional<double> city;
  std::map<std::string, double> divisions;
};
// The statistics of the window released as `period`. Errors pass through.
using WindowStatisticsOf = std::function<Result<WindowStatistics>(YearMonth period)>;

// The enterprises (uscc) of each manufacturing division (GB/T 4754 divisions 13–43), by code.
using DivisionMembers = std::map<std::string, std::unordered_set<std::string>>;

// Why a division has no estimate.
enum class DivisionGap {
  kNone,                 // it has one
  kNoReadings,           // no enterprise of the division has a reading of the month
  kTooFewMonths,         // fewer past windows with both figures than options.min_training_months
  kNoElectricityGrowth,  // its days so far have no enterprise-day read in both years
  kNoFit,                // its past electricity growths are all the same: no line
};

// One manufacturing division's nowcast: the same model as the city's on its own enterprises'
// electricity and its own value-added growth (the report's division figure).
struct DivisionNowcast {
  std::string code;
  long enterprises = 0;  // registered in the division
  int days = 0;          // days of month M with a reading of one of its enterprises
  std::optional<double> electricity_growth;  // the contract's growth of M over its enterprises
  // The Spring-Festival-aligned growth of its enterprises over the window so far.
  std::optional<double> aligned_electricity_growth;
  GroupNowcast model;
  DivisionGap gap = DivisionGap::kNone;
};

struct Nowcast {
  YearMonth period;
  int days = 0;  // days of month M with at least one reading
  // The contract's calendar-aligned growth of month M over the enterprise-days of both years.
  std::optional<double> electricity_growth;
  // The window the estimate is for: month M, or January–February for M = 1 or 2.
  YearMonth window_from;
  YearMonth window_to;
  int cut_day = 0;  // the last day of M with a reading: the windows are compared up to it
  // The Spring-Festival-aligned growth over the window so far.
  std::optional<double> aligned_electricity_growth;
  DayWeighting day_weighting = DayWeighting::kNone;
  std::optional<double> weight;     // of the days so far (kFitted), fitted on the past windows
  std::optional<double> regressor;  // the model's x for the window
  std::optional<PredictionInterval> value_added_growth;  // nullopt: too few months to fit
  double level = 0.90;
  int training_months = 0;
  std::optional<LineFit> fit;
  std::vector<BacktestPoint> backtest;
  std::optional<double> mean_absolute_error;  // over `backtest`, percentage points
  // The statistics of the window when they are already stored (never used by the estimate).
  std::optional<double> actual;
  // Every manufacturing division with a registered enterprise, in code order.
  std::vector<DivisionNowcast> divisions;
};

// Computes the nowcast of `period` from the readings in `store` and the statistics of the
// earlier windows, for the city and for each division of `divisions`. A period without readings
// gives days = 0 and no estimate, not an error.
// Errors: kUsage for a period outside 1900..2999 or options.cut_day outside 1..31; those of the
// store and of `statistics`.
Result<Nowcast> compute_nowcast(const DailyReadingsSource& store,
                                const WindowStatisticsOf& statistics,
                                const DivisionMembers& divisions, YearMonth period,
                                const NowcastOptions& options = {});

// The city alone (no division), from its statistics only.
Result<Nowcast> compute_nowcast(const DailyReadingsSource& store,
                                const ValueAddedGrowthOf& statistics, YearMonth period,
                                const NowcastOptions& options = {});

}  // namespace zhizao
