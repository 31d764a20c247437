#include "engine/shares.h"

namespace zhizao::detail {

std::optional<double> contribution_to(const ComparableSums& part, const ComparableSums& whole) {
  double denominator = whole.increase();
  if (part.pairs == 0 || whole.pairs == 0 || denominator == 0) return std::nullopt;
  return 100.0 * part.increase() / denominator;
}

std::optional<double> pull_on(const ComparableSums& part, const ComparableSums& whole) {
  if (part.pairs == 0 || whole.pairs == 0 || whole.previous == 0) return std::nullopt;
  return 100.0 * part.increase() / whole.previous;
}

}  // namespace zhizao::detail
