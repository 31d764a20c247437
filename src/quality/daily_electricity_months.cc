#include "quality/daily_electricity_months.h"

namespace zhizao {

DailyElectricityMonths DailyElectricityMonths::from_blocks(
    std::span<const DailyElectricityYear> blocks) {
  DailyElectricityMonths months;
  for (const DailyElectricityYear& block : blocks) {
    for (int month = 1; month <= 12; ++month) {
      double kwh = 0;
      bool complete = true;
      for (int day = 1; day <= days_in_month(block.year, month) && complete; ++day) {
        std::optional<double> reading = block.readings.at(detail::day_slot(month, day));
        complete = reading.has_value();
        if (reading) kwh += *reading;
      }
      if (!complete) continue;
      months.sums_[block.uscc][YearMonth{block.year, month}.index()] = kwh / 1e4;
    }
  }
  return months;
}

Result<DailyElectricityMonths> DailyElectricityMonths::load(const Database& db, int first_year,
                                                            int last_year) {
  return load(DailyElectricityStore(db), first_year, last_year);
}

Result<DailyElectricityMonths> DailyElectricityMonths::load(const DailyReadingsSource& store,
                                                            int first_year, int last_year) {
  DailyElectricityMonths months;
  for (int year = first_year; year <= last_year; ++year) {
    Result<std::vector<DailyElectricityYear>> blocks = store.year(year);
    if (!blocks) return fail(blocks.error());
    DailyElectricityMonths of_year = from_blocks(*blocks);
    for (auto& [uscc, sums] : of_year.sums_) months.sums_[uscc].merge(sums);
  }
  return months;
}

std::optional<double> DailyElectricityMonths::complete_month(const std::string& uscc,
                                                             YearMonth month) const {
  auto enterprise = sums_.find(uscc);
  if (enterprise == sums_.end()) return std::nullopt;
  auto sum = enterprise->second.find(month.index());
  if (sum == enterprise->second.end()) return std::nullopt;
  return sum->second;
}

std::size_t DailyElectricityMonths::size() const {
  std::size_t count = 0;
  for (const auto& [uscc, sums] : sums_) count += sums.size();
  return count;
}

}  // namespace zhizao
