#include "engine/comparable_pair.h"

#include "engine/month_unit.h"

#include <algorithm>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace zhizao::detail {
namespace {

// Sets `to` to `from` field by field. A plain assignment of the optional, just returned in
// registers, was stored as 8 + 1 bytes and copied as 16, a load the CPU cannot forward from the
// two stores: a stall per measure and unit, a tenth of a national report's time.
void assign(std::optional<double>& to, std::optional<double> from) {
  if (from) {
    to.emplace(*from);
  } else {
    to.reset();
  }
}

bool counts(const MonthlyRecord& record, ScopeRule rule) {
  return rule == ScopeRule::kAnyRecord || record.in_scope;
}

// Sets the current values of `unit` from `records` (all of year Y): sums, value added deflated
// month by month; a measure is missing when any record lacks it.
void set_current_values(const IndexedDataset& data, std::size_t enterprise,
                        std::span<const MonthlyRecord> records, PairUnit& unit) {
  for (Measure measure : kMeasures) {
    std::optional<double> sum = 0.0;
    for (const MonthlyRecord& record : records) {
      std::optional<double> value = current_value(data, enterprise, record, measure);
      if (!value) {
        sum.reset();
        break;
      }
      if (measure == Measure::kValueAdded) {
        ComparablePriceValue deflated =
            at_comparable_prices(data, enterprise, record.period, *value);
        unit.without_ppi = unit.without_ppi || deflated.without_ppi;
        *sum += deflated.value;
      } else {
        *sum += *value;
      }
    }
    assign(unit.measures[measure_slot(measure)].current, records.empty() ? std::nullopt : sum);
  }
}

// Returns Σ over `records` of `value_of(record)`, or nullopt if `records` is empty or any lacks it.
template <typename ValueOf>
std::optional<double> sum_all(const std::vector<MonthlyRecord>& records, ValueOf value_of) {
  if (records.empty()) return std::nullopt;
  double sum = 0;
  for (const MonthlyRecord& record : records) {
    std::optional<double> value = value_of(record);
    if (!value) return std::nullopt;
    sum += *value;
  }
  return sum;
}

std::vector<MonthlyRecord> january_february(const IndexedDataset& data, std::size_t enterprise,
                                            int year) {
  std::vector<MonthlyRecord> records;
  for (int month = 1; month <= 2; ++month) {
    if (std::optional<MonthlyRecord> record = data.record(enterprise, {year, month})) {
      records.push_back(std::move(*record));
    }
  }
  return records;
}

bool needs_fold(const IndexedDataset& data, std::size_t enterprise, int year) {
  bool january_now = data.has_record(enterprise, {year, 1});
  bool january_before = data.has_record(enterprise, {year - 1, 1});
  auto any_january_february = [&](int y) {
    return data.has_record(enterprise, {y, 1}) || data.has_record(enterprise, {y, 2});
  };
  return january_now != january_before && any_january_february(year) &&
         any_january_february(year - 1);
}

PairUnit folded_unit(const IndexedDataset& data, std::size_t enterprise, int year, ScopeRule rule) {
  PairUnit unit;
  unit.first_month = 1;
  unit.last_month = 2;
  std::vector<MonthlyRecord> current;
  for (MonthlyRecord& record : january_february(data, enterprise, year)) {
    if (counts(record, rule)) current.push_back(std::move(record));
  }
  if (current.empty()) return unit;
  unit.in_scope = true;
  set_current_values(data, enterprise, current, unit);
  std::vector<MonthlyRecord> year_before = january_february(data, enterprise, year - 1);
  for (Measure measure : kMeasures) {
    std::optional<double> previous = sum_all(current, [&](const MonthlyRecord& record) {
      return reported_previous_value(data, enterprise, record, measure);
    });
    if (!previous) {
      previous = sum_all(year_before, [&](const MonthlyRecord& record) {
        return current_value(data, enterprise, record, measure);
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
  pair_units(data, enterprise, year, first_month, last_month, rule, units);
  return units;
}

void pair_units(const IndexedDataset& data, std::size_t enterprise, int year, int first_month,
                int last_month, ScopeRule rule, std::vector<PairUnit>& units) {
  units.clear();
  units.reserve(static_cast<std::size_t>(std::max(last_month - first_month + 1, 0)));
  int month = first_month;
  if (first_month == 1 && last_month >= 2 && needs_fold(data, enterprise, year)) {
    units.push_back(folded_unit(data, enterprise, year, rule));
    month = 3;
  }
  for (; month <= last_month; ++month) {
    // Filled in place: a unit built apart and copied in was a store-forwarding stall per month.
    fill_single_month_unit(data, enterprise, {year, month}, rule, units.emplace_back());
  }
}

}  // namespace zhizao::detail
