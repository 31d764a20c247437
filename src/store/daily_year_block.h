// The daily year block: how the daily electricity readings (electricity_daily.csv) of one
// enterprise and one year are stored, as one row of table electricity_daily_year (uscc, year,
// days, kwh). One row per enterprise-year instead of one per day: the demo's 1,800 enterprises ×
// 3 years are 5,400 rows instead of 2 million, and a year of a whole city is read with one
// sequential scan (docs/formats.md, "Daily electricity").
//
// Layout of `kwh`: day slot s (0..365) occupies bytes [8 s, 8 s + 8), an IEEE 754 binary64 in
// little-endian order; a day without a reading is a quiet NaN (readings are finite and ≥ 0, so
// no reading is ever NaN). Slots follow a leap-year calendar, so that a date has the same slot in
// every year: 1 January is 0, 29 February is 59, 1 March is 60, 31 December is 365; in a common
// year slot 59 stays empty. The blob ends after the last slot holding a reading; `days` counts
// the slots holding one.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"

namespace zhizao::detail {

inline constexpr int kDaySlots = 366;
inline constexpr std::size_t kDailyBlockMaxBytes = kDaySlots * 8;

// The slot of month/day in the leap-year calendar above. Precondition: a real date of some year.
int day_slot(int month, int day);
// The slot of a date (its year is not used).
inline int day_slot(const CivilDate& date) { return day_slot(date.month, date.day); }

// The readings of one enterprise and one year. Value type; not thread-safe.
class DailyYearBlock {
 public:
  DailyYearBlock();

  // The reading of slot s, or nullopt. Precondition: 0 ≤ s < kDaySlots.
  std::optional<double> at(int slot) const;
  // Stores (or with nullopt removes) the reading of slot s.
  void set(int slot, std::optional<double> kwh);
  // Slots holding a reading.
  int days() const;
  bool empty() const { return days() == 0; }
  // The readings, NaN where missing (kDaySlots values).
  std::span<const double> values() const { return kwh_; }

  // The encoded blob (trailing empty slots dropped).
  std::vector<unsigned char> encode() const;
  // Reads a stored blob. Errors: kCorruption when its length is not a multiple of 8 or above
  // kDailyBlockMaxBytes, when a value is negative or infinite, or when `days` disagrees (a
  // damaged or foreign file); the message names the key.
  static Result<DailyYearBlock> decode(std::string_view uscc, int year, long days,
                                       std::span<const unsigned char> blob);

 private:
  std::array<double, kDaySlots> kwh_;
};

}  // namespace zhizao::detail
