// The month so far, day by day against the same day of last year (the dashboard's chart of
// GET /api/electricity/daily): per day the kWh of the enterprises read on that day in both years,
// and the contract's calendar-aligned growth of the month over them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"
#include "signals/daily_growth.h"
#include "store/daily_electricity_store.h"

namespace zhizao {

struct DailyComparisonDay {
  CivilDate date;
  DailyGrowthSums sums;  // over the enterprises read on this day in Y and on the same day in Y−1
  double kwh = 0;        // every reading of the day in Y (also those without a previous one)
  long read = 0;         // enterprises with a reading of the day in Y
};

struct DailyComparison {
  YearMonth period;
  std::vector<DailyComparisonDay> days;  // every day of the month, readings or not
  DailyGrowthSums month;                 // the contract's growth of the month, over all its days
  std::optional<CivilDate> spring_festival;           // of Y, when in month M
  std::optional<CivilDate> previous_spring_festival;  // of Y−1, when in month M
};

// Compares month M of Y with Y−1 day by day. Errors: kIoError, kCorruption from the store.
Result<DailyComparison> compare_daily(const DailyReadingsSource& store, YearMonth period);

// {"period", "electricity_growth", "spring_festival", "previous_spring_festival", "days": [{"date",
// "kwh", "paired_kwh", "paired_kwh_prev", "growth"}]}; kWh as read, growth in percent, null
// without a figure.
nlohmann::ordered_json daily_comparison_json(const DailyComparison& comparison);

}  // namespace zhizao
