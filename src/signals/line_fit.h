// Ordinary least squares of y on one regressor x, and its prediction interval: the nowcast's
// model (docs/methodology.md, "Nowcast"). One regressor needs no matrix library: the normal
// equations have a closed form. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>

namespace zhizao {

struct Observation {
  double x = 0;
  double y = 0;
};

// y = intercept + slope × x, fitted to n observations.
struct LineFit {
  double intercept = 0;
  double slope = 0;
  double residual_variance = 0;  // s² = Σ residual² / (n − 2)
  double x_mean = 0;
  double x_spread = 0;  // Sxx = Σ (x − x̄)²
  long n = 0;
};

// Fits the line. nullopt with fewer than 3 observations or when every x is the same.
std::optional<LineFit> fit_line(std::span<const Observation> observations);

struct PredictionInterval {
  double estimate = 0;
  double low = 0;
  double high = 0;
};

// The prediction at `x` and its two-sided `level` prediction interval for a new observation:
// estimate ± t(1 − (1 − level)/2, n − 2) × s × √(1 + 1/n + (x − x̄)² / Sxx) (Student's t
// quantile from Boost.Math). Precondition: 0 < level < 1; `fit` from fit_line.
PredictionInterval predict(const LineFit& fit, double x, double level);

}  // namespace zhizao
