#include "report/period_wording.h"

#include <array>

#include <fmt/format.h>

namespace zhizao::detail {
namespace {

// January is never a period of its own: its window is folded into January–February.
bool is_first_period(int month) { return month <= 2; }

}  // namespace

std::string english_month(int month) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (month < 1 || month > 12) return fmt::format("month {}", month);
  return kMonths[static_cast<size_t>(month - 1)];
}

std::string window_label(int month, WindowKind window, Language language) {
  bool range = window == WindowKind::kCumulative || is_first_period(month);
  int first = range ? 1 : month;
  int last = is_first_period(month) ? 2 : month;
  if (language == Language::kZh) {
    return first == last ? fmt::format("{}月份", last) : fmt::format("{}—{}月", first, last);
  }
  return first == last ? english_month(last)
                       : fmt::format("{}–{}", english_month(first), english_month(last));
}

std::string window_label_with_year(YearMonth period, WindowKind window, Language language) {
  std::string label = window_label(period.month, window, language);
  if (language == Language::kZh) return fmt::format("{}年{}", period.year, label);
  return fmt::format("{} {}", label, period.year);
}

std::optional<std::string> previous_window_label(int month, WindowKind window, Language language) {
  if (is_first_period(month)) return std::nullopt;
  return window_label(month - 1, window, language);
}

}  // namespace zhizao::detail
