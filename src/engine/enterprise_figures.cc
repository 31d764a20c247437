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

void add_unit(const PairUnit& unit, EnterpriseFigures& figures) {
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

EnterpriseFigures figures_of_units(std::span<const PairUnit> units, int first_month,
                                   int last_month) {
  EnterpriseFigures figures;
  for (const PairUnit& unit : units) {
    if (unit.first_month < first_month || unit.last_month > last_month) continue;
    add_unit(unit, figures);
  }
  return figures;
}

namespace {

EnterpriseFigures figures_of_window(const IndexedDataset& data, std::size_t enterprise,
                                    std::span<const PairUnit> units, const ReportWindow& window) {
  // Counted apart and stored once (see store_figures in set_figures_of_periods.cc).
  int months_in_scope = 0;
  for (int month = window.from.month; month <= window.to.month; ++month) {
    if (data.has_record_in_scope(enterprise, {window.year(), month})) ++months_in_scope;
  }
  EnterpriseFigures figures = figures_of_units(units, window.from.month, window.to.month);
  figures.months_in_scope = months_in_scope;
  return figures;
}

EnterpriseFigures figures_with_two_year(const IndexedDataset& data, std::size_t enterprise,
                                        const std::vector<PairUnit>& units,
                                        const ReportWindow& window, TwoYearAverage two_year) {
  EnterpriseFigures figures = figures_of_window(data, enterprise, units, window);
  if (two_year == TwoYearAverage::kCompute && figures.value_added.pairs > 0) {
    thread_local std::vector<PairUnit> last_year;
    pair_units(data, enterprise, window.year() - 1, window.from.month, window.to.month,
               ScopeRule::kAnyRecord, last_year);
    add_two_year_pairs(units, last_year, figures.two_year_this, figures.two_year_last);
  }
  return figures;
}

}  // namespace

EnterpriseFigures enterprise_figures(const IndexedDataset& data, std::size_t enterprise,
                                     const ReportWindow& window, TwoYearAverage two_year) {
  // One buffer per thread: an allocation per enterprise was a visible part of a national report.
  thread_local std::vector<PairUnit> units;
  pair_units(data, enterprise, window.year(), window.from.month, window.to.month,
             ScopeRule::kInScopeOnly, units);
  return figures_with_two_year(data, enterprise, units, window, two_year);
}

bool is_prefix_window(const ReportWindow& shorter, const ReportWindow& window) {
  // pair_units folds January–February whenever the first month is January and the last is
  // February or later: a shorter window ending before February would pair differently.
  return shorter.year() == window.year() && shorter.from == window.from &&
         shorter.to.month < window.to.month && shorter.to.month >= 2;
}

EnterpriseFigures enterprise_figures(const IndexedDataset& data, std::size_t enterprise,
                                     const ReportWindow& window, TwoYearAverage two_year,
                                     const ReportWindow& shorter,
                                     EnterpriseFigures& shorter_figures) {
  // One buffer per thread: an allocation per enterprise was a visible part of a national report.
  thread_local std::vector<PairUnit> units;
  pair_units(data, enterprise, window.year(), window.from.month, window.to.month,
             ScopeRule::kInScopeOnly, units);
  shorter_figures = figures_of_window(data, enterprise, units, shorter);
  return figures_with_two_year(data, enterprise, units, window, two_year);
}

}  // namespace zhizao::detail
