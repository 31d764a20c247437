#include "base/number_format.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace zhizao::detail {
namespace {

constexpr long long kPowersOfTen[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

// Beyond this magnitude a scaled value does not fit a long long; no report figure gets near it,
// and such a value is written by fmt directly (its last digits are noise anyway).
constexpr double kLargestScaled = 9e18;

// Writes |scaled| / 10^decimals exactly, from the integer, so that no second rounding by the
// float formatter can disagree with the trend computed from the same integer.
std::string format_scaled(long long scaled, int decimals, bool with_sign) {
  long long magnitude = std::llabs(scaled);
  long long unit = kPowersOfTen[decimals];
  std::string sign = with_sign && scaled < 0 ? "-" : "";
  if (decimals == 0) return fmt::format("{}{}", sign, magnitude);
  return fmt::format("{}{}.{:0{}}", sign, magnitude / unit, magnitude % unit, decimals);
}

}  // namespace

long long scaled_for_display(double value, int decimals) {
  double scaled = value * static_cast<double>(kPowersOfTen[decimals]);
  if (!std::isfinite(scaled)) return 0;
  // Clamped so that llround stays defined; only the sign matters at this size.
  if (std::fabs(scaled) >= kLargestScaled) return scaled > 0 ? 1 : -1;
  return std::llround(scaled);
}

Trend display_trend(double value, int decimals) {
  long long scaled = scaled_for_display(value, decimals);
  if (scaled > 0) return Trend::kUp;
  if (scaled < 0) return Trend::kDown;
  return Trend::kFlat;
}

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value)) return std::string(kMissing);
  if (std::fabs(value) * static_cast<double>(kPowersOfTen[decimals]) >= kLargestScaled) {
    return fmt::format("{:.{}f}", value, decimals);
  }
  return format_scaled(scaled_for_display(value, decimals), decimals, true);
}

std::string format_magnitude(double value, int decimals) {
  return format_fixed(std::fabs(value), decimals);
}

std::string format_optional(const std::optional<double>& value, int decimals) {
  if (!value.has_value()) return std::string(kMissing);
  return format_fixed(*value, decimals);
}

std::string format_yi_yuan(double wan_yuan) { return format_fixed(wan_yuan / 10000.0, 1); }

bool has_figure(const std::optional<double>& value) {
  return value.has_value() && std::isfinite(*value);
}

}  // namespace zhizao::detail
