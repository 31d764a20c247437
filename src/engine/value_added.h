// The values of one monthly record per measure, by the rules of the data contract:
// va = value_added, else output × ratio(division, year); the previous-year value as the record
// itself reports it; and cva, value added at comparable prices (deflated by the division's PPI).
#pragma once

#include <array>
#include <optional>
#include <string>

#include "domain/records.h"
#include "engine/indexed_dataset.h"

namespace zhizao::detail {

// The three measures that have a growth rate.
enum class Measure { kValueAdded = 0, kOutput = 1, kElectricity = 2 };
inline constexpr std::array<Measure, 3> kMeasures = {Measure::kValueAdded, Measure::kOutput,
                                                     Measure::kElectricity};
inline constexpr std::size_t measure_slot(Measure measure) {
  return static_cast<std::size_t>(measure);
}

// Returns the record's own value of `measure` at current prices. Value added: value_added, else
// output × ratio(the enterprise's division, year of the record) (so a record of Y−1 uses the ratio
// of Y−1); nullopt when neither exists. Output always exists; electricity when reported.
std::optional<double> current_value(const IndexedDataset& data, std::size_t enterprise,
                                    const MonthlyRecord& record, Measure measure);

// Returns the previous-year value the record reports itself (the _prev columns). Value added:
// value_added_prev, else output_prev × ratio(division, year − 1). nullopt when not reported.
std::optional<double> reported_previous_value(const IndexedDataset& data, std::size_t enterprise,
                                              const MonthlyRecord& record, Measure measure);

// Value added at comparable prices: va / (ppi / 100). Without a PPI row, ppi = 100 and
// `without_ppi` is set so that the report can say the figure is at current prices.
struct ComparablePriceValue {
  double value = 0;
  bool without_ppi = false;
};
ComparablePriceValue at_comparable_prices(const IndexedDataset& data, std::size_t enterprise,
                                          YearMonth month, double value_added);

}  // namespace zhizao::detail
