// Display formatting of the report's figures. Figures stay unrounded everywhere else; they are
// rounded here, once, for display (round half away from zero, as the bureau rounds), and the
// wording of a figure (增长 / 下降 / 持平) is decided on the displayed value, so a sentence never
// says "增长0.0%". In base, below every module, so that each text that shows a figure (the report,
// the nowcast of src/signals) rounds it the same way. All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhizao::detail {

// The placeholder shown in tables for a figure without a denominator (null).
inline constexpr std::string_view kMissing = "—";

// Decimals the bureau writes: growth rates and shares one, electricity growth two (20.13%).
inline constexpr int kRateDecimals = 1;
inline constexpr int kElectricityDecimals = 2;
inline constexpr int kTablePullDecimals = 2;

// The direction a figure shows once rounded to its display decimals.
enum class Trend { kUp, kDown, kFlat };

// Returns `value` × 10^decimals rounded half away from zero (llround), the exact integer that
// the displayed text is made from. Precondition: finite `value`, 0 ≤ decimals ≤ 6.
long long scaled_for_display(double value, int decimals);

// Returns the trend of `value` as displayed with `decimals`: 0.04 → kFlat, −0.05 → kDown.
Trend display_trend(double value, int decimals);

// Returns `value` rounded for display, e.g. (12.65, 1) → "12.7", (−0.04, 1) → "0.0" (never
// "−0.0"). Non-finite values give kMissing.
std::string format_fixed(double value, int decimals);

// As format_fixed but of |value|: for sentences whose verb carries the sign ("下降3.2%").
std::string format_magnitude(double value, int decimals);

// format_fixed, or kMissing for nullopt (tables).
std::string format_optional(const std::optional<double>& value, int decimals);

// format_optional with kRateDecimals: a growth rate, share or coverage in a table cell.
inline std::string format_rate(const std::optional<double>& value) {
  return format_optional(value, kRateDecimals);
}

// Converts 万元 to 亿元 (÷ 10 000) and formats with one decimal: 2255000 → "225.5".
std::string format_yi_yuan(double wan_yuan);

// True when the optional holds a finite number.
bool has_figure(const std::optional<double>& value);

}  // namespace zhizao::detail
