#include "engine/enterprise_figures.h"

#include "engine/two_year.h"

namespace zhizao::detail {

const ComparableSums& EnterpriseFigures::of(Measure measure) const {
  switch (measure) {
    case Measure::kValueAdded:
      return value_added;
    case Measure::kOutput:
      return output;
    case Measure::kElectricity:
      return electricity;
  }
  return value_added;
}

EnterpriseFigures figures_of_units(std::span<const PairUnit> units, int first_month,
                                   int last_month) {
  EnterpriseFigures figures;
  for (const PairUnit& unit : units) {
    if (unit.first_month < first_month || unit.last_month > last_month) continue;
    if (unit.in_scope && !unit.of(Measure::kValueAdded).current) figures.lacks_value_added = true;
    for (Measure measure : kMeasures) {
      if (!unit.comparable(measure)) continue;
      ComparableSums& sums = measure == Measure::kValueAdded ? figures.value_added
                             : measure == Measure::kOutput   ? figures.output
                                                             : figures.electricity;
      sums.current += *unit.of(measure).current;
      sums.previous += *unit.of(measure).previous;
      ++sums.pairs;
      if (measure == Measure::kValueAdded && unit.without_ppi) figures.at_current_prices = true;
    }
  }
  return figures;
}

EnterpriseFigures enterprise_figures(const IndexedDataset& data, std::size_t enterprise,
                                     const ReportWindow& window, TwoYearAverage two_year) {
  int year = window.year();
  std::vector<PairUnit> units = pair_units(data, enterprise, year, window.from.month,
                                           window.to.month, ScopeRule::kInScopeOnly);
  EnterpriseFigures figures = figures_of_units(units, window.from.month, window.to.month);
  for (int month = window.from.month; month <= window.to.month; ++month) {
    if (data.has_record_in_scope(enterprise, {year, month})) ++figures.months_in_scope;
  }
  if (two_year == TwoYearAverage::kCompute && figures.value_added.pairs > 0) {
    std::vector<PairUnit> last_year = pair_units(data, enterprise, year - 1, window.from.month,
                                                 window.to.month, ScopeRule::kAnyRecord);
    add_two_year_pairs(units, last_year, figures.two_year_this, figures.two_year_last);
  }
  return figures;
}

}  // namespace zhizao::detail
