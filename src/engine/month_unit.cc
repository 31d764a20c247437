#include "engine/month_unit.h"

#include <array>
#include <cmath>
#include <optional>

#include "engine/value_added.h"

namespace zhizao::detail {
namespace {

// The seven cells of one (enterprise, month); NaN = missing (engine/monthly_columns.h).
struct MonthCells {
  RecordPresence presence = RecordPresence::kNone;
  std::array<double, kMonthlyColumnCount> values{};

  double at(MonthlyColumn column) const { return values[static_cast<std::size_t>(column)]; }
  bool has(MonthlyColumn column) const { return !std::isnan(at(column)); }
};

// Reads the cells of `month_index`; presence kNone when outside the columns.
MonthCells cells_of(const MonthlyColumns& columns, int month_index, std::size_t enterprise) {
  MonthCells cells;
  std::ptrdiff_t at = columns.offset(month_index, enterprise);
  if (at < 0) return cells;
  cells.presence = columns.presence[at];
  if (cells.presence == RecordPresence::kNone) return cells;
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) cells.values[c] = columns.values[c][at];
  return cells;
}

// Sets `to` to `value` or empties it, field by field (see comparable_pair.cc's assign).
void assign(std::optional<double>& to, bool present, double value) {
  if (present) {
    to.emplace(value);
  } else {
    to.reset();
  }
}

// current_value over cells of year `year`: the value (when `present` is set).
double current_of(const IndexedDataset& data, std::size_t enterprise, int year,
                  const MonthCells& cells, Measure measure, bool& present) {
  present = true;
  switch (measure) {
    case Measure::kValueAdded:
      if (cells.has(MonthlyColumn::kValueAdded)) return cells.at(MonthlyColumn::kValueAdded);
      if (std::optional<double> ratio = data.ratio(enterprise, year)) {
        return cells.at(MonthlyColumn::kOutput) * *ratio;
      }
      break;
    case Measure::kOutput:
      return cells.at(MonthlyColumn::kOutput);
    case Measure::kElectricity:
      if (cells.has(MonthlyColumn::kElectricity)) return cells.at(MonthlyColumn::kElectricity);
      break;
  }
  present = false;
  return 0;
}

// reported_previous_value over cells of year `year`.
double reported_previous_of(const IndexedDataset& data, std::size_t enterprise, int year,
                            const MonthCells& cells, Measure measure, bool& present) {
  present = true;
  switch (measure) {
    case Measure::kValueAdded:
      if (cells.has(MonthlyColumn::kValueAddedPrev)) {
        return cells.at(MonthlyColumn::kValueAddedPrev);
      }
      if (cells.has(MonthlyColumn::kOutputPrev)) {
        if (std::optional<double> ratio = data.ratio(enterprise, year - 1)) {
          return cells.at(MonthlyColumn::kOutputPrev) * *ratio;
        }
      }
      break;
    case Measure::kOutput:
      if (cells.has(MonthlyColumn::kOutputPrev)) return cells.at(MonthlyColumn::kOutputPrev);
      break;
    case Measure::kElectricity:
      if (cells.has(MonthlyColumn::kElectricityPrev)) {
        return cells.at(MonthlyColumn::kElectricityPrev);
      }
      break;
  }
  present = false;
  return 0;
}

}  // namespace

void fill_single_month_unit(const IndexedDataset& data, std::size_t enterprise, YearMonth month,
                            ScopeRule rule, PairUnit& unit) {
  unit.first_month = month.month;
  unit.last_month = month.month;
  const MonthCells cells = cells_of(data.columns(), month.index(), enterprise);
  if (cells.presence == RecordPresence::kNone) return;
  unit.in_scope = rule == ScopeRule::kAnyRecord || cells.presence == RecordPresence::kInScope;
  // The current values: a sum over the unit's one record, so 0 + value, as set_current_values
  // adds them (0 + −0 is +0).
  for (Measure measure : kMeasures) {
    bool present = false;
    double value = current_of(data, enterprise, month.year, cells, measure, present);
    if (present && measure == Measure::kValueAdded) {
      ComparablePriceValue deflated = at_comparable_prices(data, enterprise, month, value);
      unit.without_ppi = deflated.without_ppi;
      value = deflated.value;
    }
    assign(unit.measures[measure_slot(measure)].current, present, 0.0 + value);
  }
  // The m−12 record counts whatever its in_scope flag; read only when a previous value is not
  // reported (as comparable_pair.cc's single_month_unit).
  MonthCells year_ago;
  bool year_ago_read = false;
  for (Measure measure : kMeasures) {
    bool present = false;
    double previous = reported_previous_of(data, enterprise, month.year, cells, measure, present);
    if (!present) {
      if (!year_ago_read) {
        year_ago = cells_of(data.columns(), month.index() - 12, enterprise);
        year_ago_read = true;
      }
      if (year_ago.presence != RecordPresence::kNone) {
        previous = current_of(data, enterprise, month.year - 1, year_ago, measure, present);
      }
    }
    assign(unit.measures[measure_slot(measure)].previous, present, previous);
  }
}

}  // namespace zhizao::detail
