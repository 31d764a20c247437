// The nowcast (`zhizao nowcast`, GET /api/nowcast): the city's value-added growth of a month
// estimated from its daily electricity before the statistics arrive, with a prediction interval
// and the mean absolute error of the same procedure back-tested on every earlier month it could
// have been run on (docs/methodology.md, "Nowcast"; data contract "v2 additions").
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"
#include "signals/line_fit.h"
#include "store/daily_electricity_store.h"

namespace zhizao {

// The statistics the model learns from: the industrial value-added growth (percent) of the
// monthly window whose release period is `period` (当月; January–February for a February
// period), or nullopt when the stored monthly records give none. Errors pass through.
using ValueAddedGrowthOf = std::function<Result<std::optional<double>>(YearMonth period)>;

struct NowcastOptions {
  int min_training_months = 6;  // fewest past windows a fit (estimate or back-test) uses
  double level = 0.90;          // of the prediction interval
};

// One back-tested window: as if the nowcast had been run on its release period at the same day
// of the month, fitted on the windows before it only.
struct BacktestPoint {
  YearMonth period;  // release period of the window (February for January–February)
  double estimate = 0;
  double actual = 0;
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
  // The model's regressor: the Spring-Festival-aligned growth over the window so far.
  std::optional<double> aligned_electricity_growth;
  std::optional<PredictionInterval> value_added_growth;  // nullopt: too few months to fit
  double level = 0.90;
  int training_months = 0;
  std::optional<LineFit> fit;
  std::vector<BacktestPoint> backtest;
  std::optional<double> mean_absolute_error;  // over `backtest`, percentage points
  // The statistics of the window when they are already stored (never used by the estimate).
  std::optional<double> actual;
};

// Computes the nowcast of `period` from the readings in `store` and the statistics of the
// earlier windows. A period without readings gives days = 0 and no estimate, not an error.
// Errors: kUsage for a period outside 1900..2999; those of the store and of `statistics`.
Result<Nowcast> compute_nowcast(const DailyReadingsSource& store,
                                const ValueAddedGrowthOf& statistics, YearMonth period,
                                const NowcastOptions& options = {});

}  // namespace zhizao
