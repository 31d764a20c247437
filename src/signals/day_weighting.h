// The nowcast's model for one set of enterprises (the city, or one manufacturing division), on
// the windows it can learn from (docs/methodology.md, "Daily electricity and the nowcast",
// "The day weighting"): ordinary least squares of the window's value-added growth on one
// regressor built from the window's electricity, the estimate with its prediction interval, and
// the back-test that runs the same procedure on every earlier window. Two regressors:
// - DayWeighting::kNone: trained on the whole window's aligned growth, applied to the days so far;
// - DayWeighting::kFitted (a restricted U-MIDAS): x = w × (days so far) + (1 − w) × (whole
//   previous month), every window cut at the same day of the month as the estimate, the weight
//   w ∈ {0, 0.1, …, 1} chosen by the least residual variance on the windows before it.
// Pure functions of their inputs; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "base/year_month.h"
#include "signals/line_fit.h"

namespace zhizao {

enum class DayWeighting { kNone, kFitted };

struct NowcastOptions {
  int min_training_months = 6;  // fewest past windows a fit (estimate or back-test) uses
  double level = 0.90;          // of the prediction interval
  DayWeighting day_weighting = DayWeighting::kNone;
  // When set (1..31), the month is taken as read up to this day even if later days have
  // readings: the back-test at an earlier day of the month (measurements, docs/methodology.md).
  std::optional<int> cut_day;
};

// One back-tested window: as if the nowcast had been run on its release period at the same day
// of the month, fitted on the windows before it only.
struct BacktestPoint {
  YearMonth period;  // release period of the window (February for January–February)
  double estimate = 0;
  double actual = 0;
};

// What the model sees of one window of one set (growths in percent, Spring-Festival-aligned).
struct WindowRegressors {
  YearMonth key;                             // release period of the window
  std::optional<double> whole;               // over the whole window
  std::optional<double> so_far;              // over its days up to the cut day
  std::optional<double> previous_month;      // over the whole month before the window
  std::optional<double> value_added_growth;  // the statistics; nullopt for the window estimated
};

// The model's answer for one set.
struct GroupNowcast {
  int training_months = 0;          // past windows the model can use
  std::optional<double> weight;     // w of kFitted (of the days so far); nullopt for kNone
  std::optional<double> regressor;  // x of the window estimated
  std::optional<LineFit> fit;
  std::optional<PredictionInterval> value_added_growth;  // nullopt: too few windows, no x or fit
  std::vector<BacktestPoint> backtest;
  std::optional<double> mean_absolute_error;  // over `backtest`, percentage points
};

// x of a window under `weighting` with `weight` (kFitted): nullopt when a part it needs is
// missing (a weight of exactly 1 or 0 needs only its own part).
std::optional<double> day_weighted_regressor(const WindowRegressors& window, DayWeighting weighting,
                                             double weight);

// The weight w ∈ {1, 0.9, …, 0} of kFitted whose line fits `past` (windows with statistics; for
// w < 1 those with a previous month) with the least residual variance s² = Σ residual² / (n − 2)
// (ties: the larger w), and that fit; nullopt when no w gives a fit (fewer than 3 windows with
// the regressor, or every x the same).
struct WeightedFit {
  double weight = 1;
  LineFit fit;
};
std::optional<WeightedFit> fit_day_weights(std::span<const WindowRegressors> past);

// The model on `past` (every earlier window, oldest first) for `current`. Never fails: what is
// missing is a nullopt (too few windows: value_added_growth nullopt, training_months says why).
GroupNowcast nowcast_group(std::span<const WindowRegressors> past, const WindowRegressors& current,
                           const NowcastOptions& options);

}  // namespace zhizao
