// Calendar arithmetic of the safety figures: whole days between dates and a date plus days
// (proleptic Gregorian, std::chrono). Internal to src/safety.
#pragma once

#include <chrono>

#include "base/year_month.h"

namespace zhizao::detail {

// Returns the day number of `date` (days since 1970-01-01), so that differences are days.
inline long safety_day_number(const CivilDate& date) {
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  return static_cast<long>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

// Returns `to` − `from` in days (negative when `to` is earlier).
inline long safety_days_between(const CivilDate& from, const CivilDate& to) {
  return safety_day_number(to) - safety_day_number(from);
}

// Returns `date` + `days` (days may be negative).
inline CivilDate safety_add_days(const CivilDate& date, long days) {
  const std::chrono::year_month_day ymd{
      std::chrono::sys_days{std::chrono::days{safety_day_number(date) + days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace zhizao::detail
