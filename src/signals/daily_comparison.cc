#include "signals/daily_comparison.h"

#include <cmath>

#include "signals/json_number.h"
#include "signals/spring_festival.h"

namespace zhizao {
namespace {

std::optional<CivilDate> in_month(std::optional<CivilDate> date, int month) {
  if (date && date->month == month) return date;
  return std::nullopt;
}

}  // namespace

Result<DailyComparison> compare_daily(const DailyReadingsSource& store, YearMonth period) {
  Result<std::vector<DailyElectricityYear>> current = store.year(period.year);
  if (!current) return fail(current.error());
  Result<std::vector<DailyElectricityYear>> previous = store.year(period.year - 1);
  if (!previous) return fail(previous.error());
  DailyComparison comparison;
  comparison.period = period;
  comparison.spring_festival = in_month(spring_festival(period.year), period.month);
  comparison.previous_spring_festival = in_month(spring_festival(period.year - 1), period.month);
  for (int day = 1; day <= days_in_month(period.year, period.month); ++day) {
    DailyComparisonDay today;
    today.date = {period.year, period.month, day};
    int slot = detail::day_slot(period.month, day);
    for (const DailyElectricityYear& block : *current) {
      double kwh = block.readings.values()[static_cast<size_t>(slot)];
      if (std::isnan(kwh)) continue;
      today.kwh += kwh;
      ++today.read;
    }
    if (!(period.month == 2 && day == 29)) {
      DayPair pair{slot, slot};
      today.sums = pair_sums(*current, *previous, std::span(&pair, 1));
    }
    comparison.days.push_back(today);
  }
  std::vector<DayPair> pairs = calendar_pairs(period.year, period.month);
  comparison.month = pair_sums(*current, *previous, pairs);
  return comparison;
}

nlohmann::ordered_json daily_comparison_json(const DailyComparison& comparison) {
  auto date_or_null = [](const std::optional<CivilDate>& date) {
    return date ? nlohmann::ordered_json(date->to_string()) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json days = nlohmann::ordered_json::array();
  for (const DailyComparisonDay& day : comparison.days) {
    bool paired = day.sums.pairs > 0;
    days.push_back(
        {{"date", day.date.to_string()},
         {"kwh", day.kwh},
         {"paired_kwh", paired ? nlohmann::ordered_json(day.sums.current) : nullptr},
         {"paired_kwh_prev", paired ? nlohmann::ordered_json(day.sums.previous) : nullptr},
         {"growth", number_or_null(day.sums.growth())}});
  }
  return {{"period", comparison.period.to_string()},
          {"electricity_growth", number_or_null(comparison.month.growth())},
          {"spring_festival", date_or_null(comparison.spring_festival)},
          {"previous_spring_festival", date_or_null(comparison.previous_spring_festival)},
          {"days", std::move(days)}};
}

}  // namespace zhizao
