#include "signals/daily_growth.h"

#include <algorithm>
#include <cmath>

#include "signals/spring_festival.h"

namespace zhizao {
namespace {

// The block of `uscc` in `blocks` (sorted by uscc) at or after `*at`, moving `*at` forward; null
// when it has none. Calls must come in increasing uscc order.
const DailyElectricityYear* find_block(std::span<const DailyElectricityYear> blocks, size_t* at,
                                       const std::string& uscc) {
  while (*at < blocks.size() && blocks[*at].uscc < uscc) ++*at;
  if (*at < blocks.size() && blocks[*at].uscc == uscc) return &blocks[*at];
  return nullptr;
}

}  // namespace

std::optional<double> DailyGrowthSums::growth() const {
  if (pairs == 0 || previous == 0) return std::nullopt;
  return 100 * (current / previous - 1);
}

std::vector<DayPair> calendar_pairs(int year, int month, int last_day) {
  std::vector<DayPair> pairs;
  int days = std::min(last_day, days_in_month(year, month));
  for (int day = 1; day <= days; ++day) {
    if (month == 2 && day == 29) continue;  // against nothing
    int slot = detail::day_slot(month, day);
    pairs.push_back({slot, slot});
  }
  return pairs;
}

std::vector<DayPair> festival_pairs(const CivilDate& from, const CivilDate& to) {
  std::optional<CivilDate> festival = spring_festival(from.year);
  std::optional<CivilDate> previous_festival = spring_festival(from.year - 1);
  if (from.month > 2 || !festival || !previous_festival) {
    std::vector<DayPair> pairs;
    for (int month = from.month; month <= to.month; ++month) {
      int first = month == from.month ? from.day : 1;
      int last = month == to.month ? to.day : 31;
      for (const DayPair& pair : calendar_pairs(from.year, month, last)) {
        if (pair.slot >= detail::day_slot(month, first)) pairs.push_back(pair);
      }
    }
    return pairs;
  }
  const int shift = days_since_epoch(*previous_festival) - days_since_epoch(*festival);
  std::vector<DayPair> pairs;
  for (int day = days_since_epoch(from); day <= days_since_epoch(to); ++day) {
    CivilDate date = date_of_epoch_day(day);
    CivilDate previous = date_of_epoch_day(day + shift);
    pairs.push_back(
        {detail::day_slot(date), detail::day_slot(previous), from.year - previous.year});
  }
  return pairs;
}

DailyGrowthSums pair_sums(std::span<const DailyElectricityYear> current,
                          std::span<const DailyElectricityYear> previous,
                          std::span<const DayPair> pairs,
                          const std::unordered_set<std::string>* only,
                          std::span<const DailyElectricityYear> two_years_back) {
  DailyGrowthSums sums;
  size_t at_previous = 0;
  size_t at_two_back = 0;
  for (const DailyElectricityYear& now : current) {
    if (only != nullptr && !only->contains(now.uscc)) continue;
    const DailyElectricityYear* one = find_block(previous, &at_previous, now.uscc);
    const DailyElectricityYear* two = find_block(two_years_back, &at_two_back, now.uscc);
    if (one == nullptr && two == nullptr) continue;
    std::span<const double> cur = now.readings.values();
    for (const DayPair& pair : pairs) {
      const DailyElectricityYear* then = pair.years_back == 2 ? two : one;
      if (then == nullptr) continue;
      double a = cur[static_cast<size_t>(pair.slot)];
      double b = then->readings.values()[static_cast<size_t>(pair.previous_slot)];
      if (std::isnan(a) || std::isnan(b)) continue;
      sums.current += a;
      sums.previous += b;
      ++sums.pairs;
    }
  }
  return sums;
}

std::vector<DailyGrowthSums> grouped_pair_sums(
    std::span<const DailyElectricityYear> current, std::span<const DailyElectricityYear> previous,
    std::span<const DayPair> pairs, const EnterpriseGroups& group_of, size_t groups,
    std::span<const DailyElectricityYear> two_years_back) {
  std::vector<DailyGrowthSums> sums(std::max<size_t>(groups, 1));
  size_t at_previous = 0;
  size_t at_two_back = 0;
  for (const DailyElectricityYear& now : current) {
    const DailyElectricityYear* one = find_block(previous, &at_previous, now.uscc);
    const DailyElectricityYear* two = find_block(two_years_back, &at_two_back, now.uscc);
    if (one == nullptr && two == nullptr) continue;
    auto found = group_of.find(now.uscc);
    DailyGrowthSums* group =
        found != group_of.end() && found->second < sums.size() ? &sums[found->second] : nullptr;
    std::span<const double> cur = now.readings.values();
    for (const DayPair& pair : pairs) {
      const DailyElectricityYear* then = pair.years_back == 2 ? two : one;
      if (then == nullptr) continue;
      double a = cur[static_cast<size_t>(pair.slot)];
      double b = then->readings.values()[static_cast<size_t>(pair.previous_slot)];
      if (std::isnan(a) || std::isnan(b)) continue;
      // The same additions in the same order as pair_sums: the city's figure to the last bit.
      sums[0].current += a;
      sums[0].previous += b;
      ++sums[0].pairs;
      if (group != nullptr && group != &sums[0]) {
        group->current += a;
        group->previous += b;
        ++group->pairs;
      }
    }
  }
  return sums;
}

std::vector<int> grouped_days_with_readings(std::span<const DailyElectricityYear> blocks, int year,
                                            int month, const EnterpriseGroups& group_of,
                                            size_t groups) {
  const int days = days_in_month(year, month);
  std::vector<std::vector<bool>> read(std::max<size_t>(groups, 1),
                                      std::vector<bool>(static_cast<size_t>(days), false));
  for (const DailyElectricityYear& block : blocks) {
    auto found = group_of.find(block.uscc);
    size_t group = found != group_of.end() && found->second < read.size() ? found->second : 0;
    for (int day = 1; day <= days; ++day) {
      if (!block.readings.at(detail::day_slot(month, day))) continue;
      read[0][static_cast<size_t>(day - 1)] = true;
      read[group][static_cast<size_t>(day - 1)] = true;
    }
  }
  std::vector<int> counts;
  for (const std::vector<bool>& days_read : read) {
    counts.push_back(static_cast<int>(std::count(days_read.begin(), days_read.end(), true)));
  }
  return counts;
}

std::optional<double> monthly_electricity(const detail::DailyYearBlock& readings, int year,
                                          int month) {
  double kwh = 0;
  bool any = false;
  for (int day = 1; day <= days_in_month(year, month); ++day) {
    std::optional<double> reading = readings.at(detail::day_slot(month, day));
    if (!reading) continue;
    kwh += *reading;
    any = true;
  }
  if (!any) return std::nullopt;
  return kwh / 1e4;
}

namespace {

// Whether some block has a reading on day `day` of month M.
bool any_reading(std::span<const DailyElectricityYear> blocks, int month, int day) {
  int slot = detail::day_slot(month, day);
  for (const DailyElectricityYear& block : blocks) {
    if (block.readings.at(slot)) return true;
  }
  return false;
}

}  // namespace

int days_with_readings(std::span<const DailyElectricityYear> blocks, int year, int month) {
  int days = 0;
  for (int day = 1; day <= days_in_month(year, month); ++day) {
    days += any_reading(blocks, month, day) ? 1 : 0;
  }
  return days;
}

int last_day_with_readings(std::span<const DailyElectricityYear> blocks, int year, int month) {
  for (int day = days_in_month(year, month); day >= 1; --day) {
    if (any_reading(blocks, month, day)) return day;
  }
  return 0;
}

}  // namespace zhizao
