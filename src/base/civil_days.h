// Whole-day arithmetic on civil dates (proleptic Gregorian, std::chrono): the days between two
// dates and a date plus days, as the v2 registers count them (a case's days overdue, a hazard's
// rectification deadline, a project's days late). Header-only; thread-safe.
#pragma once

#include <chrono>

#include "base/year_month.h"

namespace zhizao {

// Returns the day number of `date` (days since 1970-01-01), so that differences are days.
inline long civil_day_number(const CivilDate& date) {
  const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  return static_cast<long>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

// Returns `to` − `from` in days (negative when `to` is earlier).
inline long civil_days_between(const CivilDate& from, const CivilDate& to) {
  return civil_day_number(to) - civil_day_number(from);
}

// Returns `date` + `days` (days may be negative).
inline CivilDate civil_add_days(const CivilDate& date, long days) {
  const std::chrono::year_month_day ymd{
      std::chrono::sys_days{std::chrono::days{civil_day_number(date) + days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace zhizao
