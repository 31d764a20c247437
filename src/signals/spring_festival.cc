#include "signals/spring_festival.h"

#include <array>
#include <chrono>

namespace zhizao {
namespace {

// Month and day of the Spring Festival, 2015–2030 (source in the header).
constexpr std::array<std::array<int, 2>, kLastFestivalYear - kFirstFestivalYear + 1> kFestival = {{
    {2, 19},  // 2015
    {2, 8},   // 2016
    {1, 28},  // 2017
    {2, 16},  // 2018
    {2, 5},   // 2019
    {1, 25},  // 2020
    {2, 12},  // 2021
    {2, 1},   // 2022
    {1, 22},  // 2023
    {2, 10},  // 2024
    {1, 29},  // 2025
    {2, 17},  // 2026
    {2, 6},   // 2027
    {1, 26},  // 2028
    {2, 13},  // 2029
    {2, 3},   // 2030
}};

}  // namespace

std::optional<CivilDate> spring_festival(int year) {
  if (year < kFirstFestivalYear || year > kLastFestivalYear) return std::nullopt;
  const auto& [month, day] = kFestival[static_cast<size_t>(year - kFirstFestivalYear)];
  return CivilDate{year, month, day};
}

int days_since_epoch(const CivilDate& date) {
  std::chrono::year_month_day ymd{std::chrono::year(date.year),
                                  std::chrono::month(static_cast<unsigned>(date.month)),
                                  std::chrono::day(static_cast<unsigned>(date.day))};
  return static_cast<int>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

CivilDate date_of_epoch_day(int days) {
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace zhizao
