// The daily-electricity figures of the data contract ("v2 additions", "Daily electricity"):
// monthly electricity from daily readings, and the growth of a set of enterprises over a month,
// calendar-aligned (day d of Y against the same day of Y−1; 29 February against nothing) over the
// enterprise-days present in both years. Also the Spring-Festival alignment the nowcast uses.
// Pure functions of their inputs; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/year_month.h"
#include "store/daily_electricity_store.h"

namespace zhizao {

// Σ kWh of year Y and of Y−1 over the paired enterprise-days.
struct DailyGrowthSums {
  double current = 0;
  double previous = 0;
  long pairs = 0;  // enterprise-days in both years

  // 100 × (current / previous − 1); nullopt without pairs or when previous is 0.
  std::optional<double> growth() const;
};

// A day of Y (its slot, store/daily_year_block.h) and the day it is compared with: slot
// `previous_slot` of year Y − `years_back` (1, or 2 when the Spring-Festival alignment reaches
// back into December of Y−2).
struct DayPair {
  int slot = 0;
  int previous_slot = 0;
  int years_back = 1;
};

// The calendar pairs of the days 1..min(last_day, days of M) of month M of year Y: each day with
// the same day of Y−1; 29 February has none.
std::vector<DayPair> calendar_pairs(int year, int month, int last_day = 31);

// The days of Y from `from` to `to` (both in Y, from ≤ to), paired as the nowcast aligns them
// (docs/methodology.md, "Nowcast"): when `from` lies in January or February (the window that
// holds the Spring Festival) and the festival of Y and of Y−1 are both known, every day d with
// the day as far from the festival of Y−1 as d is from that of Y (d + Δ, Δ = the festivals'
// distance less a year: a shift of the whole window, so that each day of Y−1 or Y−2 is used at
// most once); otherwise by the calendar (calendar_pairs).
std::vector<DayPair> festival_pairs(const CivilDate& from, const CivilDate& to);

// The sums over `pairs` of every enterprise of `current` (readings of Y) with readings in
// `previous` (Y−1) or, for pairs two years back, in `two_years_back` (Y−2), all sorted by uscc,
// counting a pair when both days have a reading. With `only` (not null), enterprises outside it
// are left out.
DailyGrowthSums pair_sums(std::span<const DailyElectricityYear> current,
                          std::span<const DailyElectricityYear> previous,
                          std::span<const DayPair> pairs,
                          const std::unordered_set<std::string>* only = nullptr,
                          std::span<const DailyElectricityYear> two_years_back = {});

// Enterprises → their group (1, 2, …): the nowcast's divisions.
using EnterpriseGroups = std::unordered_map<std::string, size_t>;

// pair_sums of every group at once, in one pass over the readings: element 0 over every
// enterprise (as pair_sums without `only`, to the last bit), element g over the enterprises of
// group g (1 ≤ g < groups; enterprises outside `group_of` count in element 0 only).
std::vector<DailyGrowthSums> grouped_pair_sums(
    std::span<const DailyElectricityYear> current, std::span<const DailyElectricityYear> previous,
    std::span<const DayPair> pairs, const EnterpriseGroups& group_of, size_t groups,
    std::span<const DailyElectricityYear> two_years_back = {});

// The days of month M of year Y read by some enterprise of each group, as grouped_pair_sums
// counts groups (element 0: every enterprise, as days_with_readings).
std::vector<int> grouped_days_with_readings(std::span<const DailyElectricityYear> blocks, int year,
                                            int month, const EnterpriseGroups& group_of,
                                            size_t groups);

// The contract's monthly electricity of month M of the block's year: Σ kWh / 10^4 (万千瓦时);
// nullopt when the month has no reading.
std::optional<double> monthly_electricity(const detail::DailyYearBlock& readings, int year,
                                          int month);

// The days of month M of year Y on which at least one of `blocks` (readings of Y) has a reading,
// and the last of them (0 when none).
int days_with_readings(std::span<const DailyElectricityYear> blocks, int year, int month);
int last_day_with_readings(std::span<const DailyElectricityYear> blocks, int year, int month);

}  // namespace zhizao
