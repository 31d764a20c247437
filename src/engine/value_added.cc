#include "engine/value_added.h"

namespace zhizao::detail {

std::optional<double> current_value(const IndexedDataset& data, std::size_t enterprise,
                                    const MonthlyRecord& record, Measure measure) {
  switch (measure) {
    case Measure::kValueAdded:
      if (record.value_added) return record.value_added;
      if (auto ratio = data.ratio(enterprise, record.period.year)) return record.output * *ratio;
      return std::nullopt;
    case Measure::kOutput:
      return record.output;
    case Measure::kElectricity:
      return record.electricity;
  }
  return std::nullopt;
}

std::optional<double> reported_previous_value(const IndexedDataset& data, std::size_t enterprise,
                                              const MonthlyRecord& record, Measure measure) {
  switch (measure) {
    case Measure::kValueAdded:
      if (record.value_added_prev) return record.value_added_prev;
      if (record.output_prev) {
        if (auto ratio = data.ratio(enterprise, record.period.year - 1)) {
          return *record.output_prev * *ratio;
        }
      }
      return std::nullopt;
    case Measure::kOutput:
      return record.output_prev;
    case Measure::kElectricity:
      return record.electricity_prev;
  }
  return std::nullopt;
}

ComparablePriceValue at_comparable_prices(const IndexedDataset& data, std::size_t enterprise,
                                          YearMonth month, double value_added) {
  std::optional<double> ppi = data.ppi(enterprise, month);
  if (!ppi || *ppi == 0) return {value_added, true};
  return {value_added / (*ppi / 100.0), false};
}

}  // namespace zhizao::detail
