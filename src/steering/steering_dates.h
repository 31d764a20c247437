// Calendar arithmetic of the steering figures: the period's last day D and whole days between
// dates (proleptic Gregorian, std::chrono). Internal to src/steering.
#pragma once

#include <chrono>

#include "base/year_month.h"

namespace zhizao::detail {

// Returns the last day of `period`, D of the contract.
inline CivilDate last_day_of(YearMonth period) {
  return {period.year, period.month, days_in_month(period.year, period.month)};
}

// Returns the day number of `date` (days since 1970-01-01), so that differences are days.
inline long day_number(const CivilDate& date) {
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  return static_cast<long>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

// Returns `to` − `from` in days (negative when `to` is earlier).
inline long days_between(const CivilDate& from, const CivilDate& to) {
  return day_number(to) - day_number(from);
}

}  // namespace zhizao::detail
