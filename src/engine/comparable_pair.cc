#include "engine/comparable_pair.h"

namespace zhizao::detail {
namespace {

bool counts(const MonthlyRecord* record, ScopeRule rule) {
  return record != nullptr && (rule == ScopeRule::kAnyRecord || record->in_scope);
}

// Sets the current values of `unit` from `records` (all of year Y): sums, value added deflated
// month by month; a measure is missing when any record lacks it.
void set_current_values(const IndexedDataset& data, const std::string& division,
                        const std::vector<const MonthlyRecord*>& records, PairUnit& unit) {
  for (Measure measure : kMeasures) {
    std::optional<double> sum = 0.0;
    for (const MonthlyRecord* record : records) {
      std::optional<double> value = current_value(data, division, *record, measure);
      if (!value) {
        sum.reset();
        break;
      }
      if (measure == Measure::kValueAdded) {
        ComparablePriceValue deflated =
            at_comparable_prices(data, division, record->period, *value);
        unit.without_ppi = unit.without_ppi || deflated.without_ppi;
        *sum += deflated.value;
      } else {
        *sum += *value;
      }
    }
    unit.measures[measure_slot(measure)].current = records.empty() ? std::nullopt : sum;
  }
}

// Returns Σ over `records` of `value_of(record)`, or nullopt if `records` is empty or any lacks it.
template <typename ValueOf>
std::optional<double> sum_all(const std::vector<const MonthlyRecord*>& records, ValueOf value_of) {
  if (records.empty()) return std::nullopt;
  double sum = 0;
  for (const MonthlyRecord* record : records) {
    std::optional<double> value = value_of(*record);
    if (!value) return std::nullopt;
    sum += *value;
  }
  return sum;
}

PairUnit single_month_unit(const IndexedDataset& data, std::size_t enterprise, YearMonth month,
                           ScopeRule rule) {
  const std::string& division = data.enterprises()[enterprise].division;
  PairUnit unit;
  unit.first_month = month.month;
  unit.last_month = month.month;
  const MonthlyRecord* record = data.record(enterprise, month);
  if (record == nullptr) return unit;
  unit.in_scope = counts(record, rule);
  set_current_values(data, division, {record}, unit);
  // The m−12 record counts whatever its in_scope flag: last year's figures of this enterprise.
  const MonthlyRecord* year_ago = data.record(enterprise, month.plus_months(-12));
  for (Measure measure : kMeasures) {
    std::optional<double> previous = reported_previous_value(data, division, *record, measure);
    if (!previous && year_ago != nullptr) {
      previous = current_value(data, division, *year_ago, measure);
    }
    unit.measures[measure_slot(measure)].previous = previous;
  }
  return unit;
}

std::vector<const MonthlyRecord*> january_february(const IndexedDataset& data,
                                                   std::size_t enterprise, int year) {
  std::vector<const MonthlyRecord*> records;
  for (int month = 1; month <= 2; ++month) {
    if (const MonthlyRecord* record = data.record(enterprise, {year, month})) {
      records.push_back(record);
    }
  }
  return records;
}

bool needs_fold(const IndexedDataset& data, std::size_t enterprise, int year) {
  bool january_now = data.record(enterprise, {year, 1}) != nullptr;
  bool january_before = data.record(enterprise, {year - 1, 1}) != nullptr;
  return january_now != january_before && !january_february(data, enterprise, year).empty() &&
         !january_february(data, enterprise, year - 1).empty();
}

PairUnit folded_unit(const IndexedDataset& data, std::size_t enterprise, int year, ScopeRule rule) {
  const std::string& division = data.enterprises()[enterprise].division;
  PairUnit unit;
  unit.first_month = 1;
  unit.last_month = 2;
  std::vector<const MonthlyRecord*> current;
  for (const MonthlyRecord* record : january_february(data, enterprise, year)) {
    if (counts(record, rule)) current.push_back(record);
  }
  if (current.empty()) return unit;
  unit.in_scope = true;
  set_current_values(data, division, current, unit);
  std::vector<const MonthlyRecord*> year_before = january_february(data, enterprise, year - 1);
  for (Measure measure : kMeasures) {
    std::optional<double> previous = sum_all(current, [&](const MonthlyRecord& record) {
      return reported_previous_value(data, division, record, measure);
    });
    if (!previous) {
      previous = sum_all(year_before, [&](const MonthlyRecord& record) {
        return current_value(data, division, record, measure);
      });
    }
    unit.measures[measure_slot(measure)].previous = previous;
  }
  return unit;
}

}  // namespace

std::vector<PairUnit> pair_units(const IndexedDataset& data, std::size_t enterprise, int year,
                                 int first_month, int last_month, ScopeRule rule) {
  std::vector<PairUnit> units;
  int month = first_month;
  if (first_month == 1 && last_month >= 2 && needs_fold(data, enterprise, year)) {
    units.push_back(folded_unit(data, enterprise, year, rule));
    month = 3;
  }
  for (; month <= last_month; ++month) {
    units.push_back(single_month_unit(data, enterprise, {year, month}, rule));
  }
  return units;
}

}  // namespace zhizao::detail
