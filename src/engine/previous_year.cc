#include "engine/previous_year.h"

#include <string_view>
#include <unordered_map>

#include "engine/indexed_dataset.h"
#include "engine/value_added.h"

namespace zhizao {
namespace {

// The rule of comparable_pair.cc's single months: the reported previous value, else the current
// value of the record of m−12.
std::optional<double> previous_of(const detail::IndexedDataset& data, std::size_t enterprise,
                                  const MonthlyRecord& record, detail::Measure measure) {
  if (std::optional<double> reported =
          detail::reported_previous_value(data, enterprise, record, measure)) {
    return reported;
  }
  std::optional<MonthlyRecord> year_ago = data.record(enterprise, record.period.plus_months(-12));
  if (!year_ago) return std::nullopt;
  return detail::current_value(data, enterprise, *year_ago, measure);
}

std::vector<PreviousYearValues> values_of(const detail::IndexedDataset& data,
                                          std::span<const MonthlyRecord> records) {
  std::unordered_map<std::string_view, std::size_t> index;
  std::span<const Enterprise> enterprises = data.enterprises();
  // The first row of a uscc gets the records, as in IndexedDataset.
  for (std::size_t e = 0; e < enterprises.size(); ++e) index.emplace(enterprises[e].uscc, e);
  std::vector<PreviousYearValues> out;
  out.reserve(records.size());
  for (const MonthlyRecord& record : records) {
    PreviousYearValues values;
    auto found = index.find(record.uscc);
    if (found == index.end()) {
      values.output = record.output_prev;
      values.value_added = record.value_added_prev;
      values.electricity = record.electricity_prev;
    } else {
      const std::size_t e = found->second;
      values.output = previous_of(data, e, record, detail::Measure::kOutput);
      values.value_added = previous_of(data, e, record, detail::Measure::kValueAdded);
      values.electricity = previous_of(data, e, record, detail::Measure::kElectricity);
    }
    out.push_back(values);
  }
  return out;
}

}  // namespace

std::vector<PreviousYearValues> previous_year_values(const Dataset& dataset,
                                                     std::span<const MonthlyRecord> records) {
  return values_of(detail::IndexedDataset(dataset), records);
}

std::vector<PreviousYearValues> previous_year_values(const ColumnarData& data,
                                                     std::span<const MonthlyRecord> records) {
  return values_of(detail::IndexedDataset(data.tables, data.columns), records);
}

}  // namespace zhizao
