#include "signals/line_fit.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace zhizao {

std::optional<LineFit> fit_line(std::span<const Observation> observations) {
  const auto n = static_cast<long>(observations.size());
  if (n < 3) return std::nullopt;
  double x_sum = 0;
  double y_sum = 0;
  for (const Observation& o : observations) {
    x_sum += o.x;
    y_sum += o.y;
  }
  LineFit fit;
  fit.n = n;
  fit.x_mean = x_sum / static_cast<double>(n);
  double y_mean = y_sum / static_cast<double>(n);
  double sxy = 0;
  for (const Observation& o : observations) {
    fit.x_spread += (o.x - fit.x_mean) * (o.x - fit.x_mean);
    sxy += (o.x - fit.x_mean) * (o.y - y_mean);
  }
  if (fit.x_spread <= 0) return std::nullopt;
  fit.slope = sxy / fit.x_spread;
  fit.intercept = y_mean - fit.slope * fit.x_mean;
  double squares = 0;
  for (const Observation& o : observations) {
    double residual = o.y - (fit.intercept + fit.slope * o.x);
    squares += residual * residual;
  }
  fit.residual_variance = squares / static_cast<double>(n - 2);
  return fit;
}

PredictionInterval predict(const LineFit& fit, double x, double level) {
  double estimate = fit.intercept + fit.slope * x;
  boost::math::students_t distribution(static_cast<double>(fit.n - 2));
  double t = boost::math::quantile(distribution, 1 - (1 - level) / 2);
  double n = static_cast<double>(fit.n);
  double spread = std::sqrt(fit.residual_variance *
                            (1 + 1 / n + (x - fit.x_mean) * (x - fit.x_mean) / fit.x_spread));
  return {estimate, estimate - t * spread, estimate + t * spread};
}

}  // namespace zhizao
