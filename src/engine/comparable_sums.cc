#include "engine/report_data.h"

namespace zhizao {

std::optional<double> ComparableSums::growth() const {
  // Data contract: a rate whose denominator is zero or empty is null, never 0.
  if (pairs == 0 || previous == 0) return std::nullopt;
  return 100.0 * (current / previous - 1.0);
}

}  // namespace zhizao
