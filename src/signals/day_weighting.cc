#include "signals/day_weighting.h"

#include <algorithm>
#include <cmath>

namespace zhizao {
namespace {

// The grid of kFitted's weight: w = step / 10 for step 10 down to 0 (a coarse grid is enough for
// a handful of windows; a finer one would fit noise).
constexpr int kWeightSteps = 10;

// Whether `window` can be learnt from under `weighting`: statistics and the window's own growth
// (kFitted: a window without a previous month, the first of the readings, counts for w = 1).
bool usable(const WindowRegressors& window, DayWeighting weighting) {
  if (!window.value_added_growth) return false;
  return weighting == DayWeighting::kNone ? window.whole.has_value() : window.so_far.has_value();
}

std::vector<Observation> observations(std::span<const WindowRegressors> windows,
                                      DayWeighting weighting, double weight) {
  std::vector<Observation> points;
  for (const WindowRegressors& w : windows) {
    // kNone learns from the whole window; kFitted from the same days as the estimate.
    std::optional<double> x =
        weighting == DayWeighting::kNone ? w.whole : day_weighted_regressor(w, weighting, weight);
    if (x) points.push_back({*x, *w.value_added_growth});
  }
  return points;
}

// The fit of `weighting` on `past` (all usable) and its weight.
std::optional<WeightedFit> fit_model(std::span<const WindowRegressors> past,
                                     DayWeighting weighting) {
  if (weighting == DayWeighting::kFitted) return fit_day_weights(past);
  std::optional<LineFit> fit = fit_line(observations(past, weighting, 1));
  if (!fit) return std::nullopt;
  return WeightedFit{1, *fit};
}

}  // namespace

std::optional<double> day_weighted_regressor(const WindowRegressors& window, DayWeighting weighting,
                                             double weight) {
  if (weighting == DayWeighting::kNone) return window.so_far;
  if (weight >= 1) return window.so_far;
  if (weight <= 0) return window.previous_month;
  if (!window.so_far || !window.previous_month) return std::nullopt;
  return weight * *window.so_far + (1 - weight) * *window.previous_month;
}

std::optional<WeightedFit> fit_day_weights(std::span<const WindowRegressors> past) {
  std::optional<WeightedFit> best;
  double best_variance = 0;
  for (int step = kWeightSteps; step >= 0; --step) {
    double weight = static_cast<double>(step) / kWeightSteps;
    std::optional<LineFit> fit = fit_line(observations(past, DayWeighting::kFitted, weight));
    if (!fit) continue;
    // s² = Σ residual² / (n − 2), not Σ residual²: a weight below 1 may fit one window fewer.
    if (!best || fit->residual_variance < best_variance) {
      best = WeightedFit{weight, *fit};
      best_variance = fit->residual_variance;
    }
  }
  return best;
}

GroupNowcast nowcast_group(std::span<const WindowRegressors> past, const WindowRegressors& current,
                           const NowcastOptions& options) {
  const DayWeighting weighting = options.day_weighting;
  std::vector<WindowRegressors> windows;
  for (const WindowRegressors& w : past) {
    if (usable(w, weighting)) windows.push_back(w);
  }
  GroupNowcast result;
  result.training_months = static_cast<int>(windows.size());
  const auto min_training = static_cast<size_t>(std::max(3, options.min_training_months));

  // Back-test: each window predicted from the windows before it, with its days so far only.
  double absolute_errors = 0;
  for (size_t t = min_training; t < windows.size(); ++t) {
    const WindowRegressors& target = windows[t];
    std::optional<WeightedFit> model = fit_model(std::span(windows).first(t), weighting);
    if (!model) continue;
    std::optional<double> x = day_weighted_regressor(target, weighting, model->weight);
    if (!x) continue;
    double estimate = predict(model->fit, *x, options.level).estimate;
    result.backtest.push_back({target.key, estimate, *target.value_added_growth});
    absolute_errors += std::abs(estimate - *target.value_added_growth);
  }
  if (!result.backtest.empty()) {
    result.mean_absolute_error = absolute_errors / static_cast<double>(result.backtest.size());
  }

  if (windows.size() < min_training) return result;
  std::optional<WeightedFit> model = fit_model(windows, weighting);
  if (!model) return result;
  result.fit = model->fit;
  if (weighting == DayWeighting::kFitted) result.weight = model->weight;
  result.regressor = day_weighted_regressor(current, weighting, model->weight);
  if (result.regressor) {
    result.value_added_growth = predict(*result.fit, *result.regressor, options.level);
  }
  return result;
}

}  // namespace zhizao
