#include "demo/demo_daily_electricity.h"

#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "demo/demo_random.h"

namespace zhizao::detail {
namespace {

// The Spring Festival of the demo's years (Hong Kong Observatory's conversion table, as
// signals/spring_festival.cc): 2019-02-05, 2020-01-25, 2021-02-12.
CivilDate festival_of(int year) {
  switch (year) {
    case 2019:
      return {2019, 2, 5};
    case 2020:
      return {2020, 1, 25};
    default:
      return {2021, 2, 12};
  }
}

int epoch_day(const CivilDate& d) {
  std::chrono::year_month_day ymd{std::chrono::year(d.year),
                                  std::chrono::month(static_cast<unsigned>(d.month)),
                                  std::chrono::day(static_cast<unsigned>(d.day))};
  return static_cast<int>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

// How a day's load compares with an ordinary weekday: factories slow down a week before the
// festival, stop over its first week and come back over the following two.
double festival_factor(const CivilDate& date) {
  int k = epoch_day(date) - epoch_day(festival_of(date.year));
  if (k >= -7 && k <= -1) return 1.0 - 0.06 * (k + 8);  // 0.94 .. 0.58
  if (k >= 0 && k <= 6) return 0.35;
  if (k >= 7 && k <= 14) return 0.35 + 0.05 * (k - 6);  // 0.40 .. 0.75
  if (k >= 15 && k <= 21) return 0.80 + 0.025 * (k - 15);
  return 1.0;
}

double weekday_factor(const CivilDate& date) {
  // 1970-01-01 was a Thursday: day 0 → 4 (Sunday = 0).
  int weekday = ((epoch_day(date) % 7) + 7 + 4) % 7;
  if (weekday == 0) return 0.88;
  if (weekday == 6) return 0.93;
  return 1.0;
}

// weekday_factor × festival_factor, from a table of the demo's years (1.5 million days are
// weighed: the calendar arithmetic once per date, not once per reading).
double load_factor(const CivilDate& date) {
  static const std::array<std::array<double, kDaySlots>, 3> table = [] {
    std::array<std::array<double, kDaySlots>, 3> factors{};
    for (int year = 2019; year <= 2021; ++year) {
      for (int month = 1; month <= 12; ++month) {
        for (int day = 1; day <= days_in_month(year, month); ++day) {
          CivilDate d{year, month, day};
          factors[static_cast<size_t>(year - 2019)][static_cast<size_t>(day_slot(d))] =
              weekday_factor(d) * festival_factor(d);
        }
      }
    }
    return factors;
  }();
  if (date.year < 2019 || date.year > 2021) return weekday_factor(date) * festival_factor(date);
  return table[static_cast<size_t>(date.year - 2019)][static_cast<size_t>(day_slot(date))];
}

// Spreads `tenths` (of a kWh) over `days` by weight into `block`; the last day takes what rounding
// left.
void spread(const std::vector<CivilDate>& days, int64_t tenths, DemoRandom& random,
            DailyYearBlock& block) {
  std::vector<double> weights;
  double total_weight = 0;
  for (const CivilDate& day : days) {
    double w = load_factor(day) * random.between(0.96, 1.04);
    weights.push_back(w);
    total_weight += w;
  }
  int64_t given = 0;
  for (size_t i = 0; i < days.size(); ++i) {
    int64_t share = i + 1 == days.size()
                        ? tenths - given
                        : static_cast<int64_t>(
                              std::floor(static_cast<double>(tenths) * weights[i] / total_weight));
    given += share;
    block.set(day_slot(days[i]), static_cast<double>(share) / 10.0);
  }
}

std::vector<CivilDate> days_of(YearMonth from, YearMonth to) {
  std::vector<CivilDate> days;
  for (YearMonth m = from; m <= to; m = m.plus_months(1)) {
    for (int d = 1; d <= days_in_month(m.year, m.month); ++d) days.push_back({m.year, m.month, d});
  }
  return days;
}

}  // namespace

std::vector<DailyElectricityYear> demo_daily_electricity(const Dataset& demo, uint64_t seed) {
  DemoRandom random(seed ^ 0x656C6563ULL);  // "elec": a stream of its own
  std::set<std::pair<std::string, int>> januaries;
  for (const MonthlyRecord& row : demo.monthly) {
    if (row.period.month == 1) januaries.insert({row.uscc, row.period.year});
  }
  std::map<std::pair<std::string, int>, DailyYearBlock> blocks;
  for (const MonthlyRecord& row : demo.monthly) {
    if (!row.electricity) continue;
    // A February row without a January row of its own holds both months (data contract).
    bool folded = row.period.month == 2 && !januaries.contains({row.uscc, row.period.year});
    YearMonth from = folded ? YearMonth{row.period.year, 1} : row.period;
    auto tenths = static_cast<int64_t>(std::llround(*row.electricity * 1e5));
    spread(days_of(from, row.period), tenths, random, blocks[{row.uscc, row.period.year}]);
  }
  std::vector<DailyElectricityYear> years;
  years.reserve(blocks.size());
  for (auto& [key, block] : blocks) years.push_back({key.first, key.second, std::move(block)});
  return years;
}

Status store_demo_daily_electricity(Database& db, const Dataset& demo, uint64_t seed) {
  std::vector<DailyElectricityYear> years = demo_daily_electricity(demo, seed);
  return write_daily_years(db, years);
}

}  // namespace zhizao::detail
