// YearMonth: a calendar month, the unit of the monthly statistics, and CivilDate for project
// milestones. Parsing accepts the forms the data contract lists.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

struct YearMonth {
  int year = 0;
  int month = 0;  // 1..12

  // Months since year 0: consecutive months differ by one, so m − 12 is the same month a year ago.
  int index() const { return year * 12 + (month - 1); }
  static YearMonth from_index(int index) { return {index / 12, index % 12 + 1}; }
  YearMonth plus_months(int n) const { return from_index(index() + n); }

  // Returns "YYYY-MM".
  std::string to_string() const;

  auto operator<=>(const YearMonth&) const = default;
};

// Parses "YYYY-MM", "YYYYMM" or "YYYY年M月" (surrounding spaces allowed).
// Errors: kInvalidData with a reason naming the text, e.g. `not a period: "2021-13"`.
Result<YearMonth> parse_year_month(std::string_view text);

struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;

  YearMonth year_month() const { return {year, month}; }
  // Returns "YYYY-MM-DD".
  std::string to_string() const;

  auto operator<=>(const CivilDate&) const = default;
};

// Parses a real calendar date: "YYYY-MM-DD", also "YYYY-M-D", "YYYY/M/D" (what Excel writes)
// and "YYYY年M月D日". Errors: kInvalidData, e.g. `not a date: "2021-02-30"`.
Result<CivilDate> parse_civil_date(std::string_view text);

// Returns the number of days in `month` of `year` (Gregorian).
int days_in_month(int year, int month);

}  // namespace zhizao
