#include "engine/running_figures.h"

#include <vector>

#include "engine/comparable_pair.h"

namespace zhizao::detail {
namespace {

// The measures in the order of RunningFigures::sums and ::pairs.
constexpr Measure kCellMeasures[] = {Measure::kValueAdded, Measure::kOutput, Measure::kElectricity};

ComparableSums& sums_of(EnterpriseFigures& figures, std::size_t slot) {
  return slot == 0 ? figures.value_added : slot == 1 ? figures.output : figures.electricity;
}

}  // namespace

RunningFigures cell_of_figures(const EnterpriseFigures& figures, int months_in_scope) {
  RunningFigures cell;
  for (std::size_t slot = 0; slot < 3; ++slot) {
    const ComparableSums& sums = figures.of(kCellMeasures[slot]);
    cell.sums[2 * slot] = sums.current;
    cell.sums[2 * slot + 1] = sums.previous;
    cell.pairs[slot] = static_cast<std::uint8_t>(sums.pairs);
  }
  cell.months_in_scope = static_cast<std::uint8_t>(months_in_scope);
  cell.flags =
      static_cast<std::uint8_t>((figures.at_current_prices ? RunningFigures::kAtCurrentPrices : 0) |
                                (figures.lacks_value_added ? RunningFigures::kLacksValueAdded : 0));
  return cell;
}

void set_figures_of_cell(const RunningFigures& cell, EnterpriseFigures& figures) {
  for (std::size_t slot = 0; slot < 3; ++slot) {
    ComparableSums& sums = sums_of(figures, slot);
    sums.current = cell.sums[2 * slot];
    sums.previous = cell.sums[2 * slot + 1];
    sums.pairs = cell.pairs[slot];
  }
  figures.at_current_prices = (cell.flags & RunningFigures::kAtCurrentPrices) != 0;
  figures.lacks_value_added = (cell.flags & RunningFigures::kLacksValueAdded) != 0;
  figures.two_year_this = ComparableSums{};
  figures.two_year_last = ComparableSums{};
  figures.months_in_scope = cell.months_in_scope;
}

bool has_running_cell(const IndexedDataset& data, const ReportWindow& window) {
  const MonthlyColumns& columns = data.columns();
  return columns.running != nullptr && window.from.month == 1 && window.to.month >= 2 &&
         columns.offset(window.to.index(), 0) >= 0;
}

void fill_running_figures(const IndexedDataset& data, std::size_t from, std::size_t to,
                          RunningFigures* cells) {
  const MonthlyColumns& columns = data.columns();
  if (columns.months <= 0) return;
  const int first_year = YearMonth::from_index(columns.first_month).year;
  const int last_year = YearMonth::from_index(columns.first_month + columns.months - 1).year;
  std::vector<PairUnit> units;  // one buffer for every enterprise and year
  for (std::size_t e = from; e < to; ++e) {
    for (int year = first_year; year <= last_year; ++year) {
      // The units of the whole year: pair_units folds January–February for any last month from
      // February on, so those of 1..M are a prefix of these (is_prefix_window).
      pair_units(data, e, year, 1, 12, ScopeRule::kInScopeOnly, units);
      EnterpriseFigures running;
      int months_in_scope = 0;
      std::size_t next = 0;
      for (int month = 1; month <= 12; ++month) {
        const YearMonth at{year, month};
        if (data.has_record_in_scope(e, at)) ++months_in_scope;
        for (; next < units.size() && units[next].last_month <= month; ++next) {
          add_unit(units[next], running);
        }
        const std::ptrdiff_t cell = columns.offset(at.index(), e);
        if (cell >= 0) cells[cell] = cell_of_figures(running, months_in_scope);
      }
    }
  }
}

}  // namespace zhizao::detail
