// The Spring Festival (春节, the first day of the first lunar month) of each year: the day around
// which Chinese factories stop for one to three weeks, in late January or in February. Its move
// from one month to the other is why NBS releases January and February together, and why a
// year-on-year comparison of daily electricity is made against the same day counted from the
// festival (docs/methodology.md, "Nowcast").
#pragma once

#include <optional>

#include "base/year_month.h"

namespace zhizao {

// The first year and last year the table holds.
inline constexpr int kFirstFestivalYear = 2015;
inline constexpr int kLastFestivalYear = 2030;

// The Gregorian date of the Spring Festival of `year`, or nullopt outside 2015–2030. Source:
// Hong Kong Observatory, "Gregorian-Lunar Calendar Conversion Table"
// (https://www.hko.gov.hk/en/gts/time/conversion.htm), the first day of the first lunar month of
// each year; for 2015–2026 also the State Council's yearly holiday notices (国务院办公厅关于
// 部分节假日安排的通知). Static data; thread-safe.
std::optional<CivilDate> spring_festival(int year);

// Days from 1970-01-01 to `date` (negative before), and back: the day arithmetic of the
// alignments. Precondition: a real date.
int days_since_epoch(const CivilDate& date);
CivilDate date_of_epoch_day(int days);

}  // namespace zhizao
