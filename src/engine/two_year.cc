#include "engine/two_year.h"

#include <cmath>

namespace zhizao::detail {
namespace {

bool has_both_values(const PairUnit& unit) {
  const MeasurePair& pair = unit.of(Measure::kValueAdded);
  return pair.current.has_value() && pair.previous.has_value();
}

void add_pair(const MeasurePair& pair, ComparableSums& sums) {
  sums.current += *pair.current;
  sums.previous += *pair.previous;
  ++sums.pairs;
}

const PairUnit* unit_for(const std::vector<PairUnit>& units, int first_month, int last_month) {
  for (const PairUnit& unit : units) {
    if (unit.first_month == first_month && unit.last_month == last_month) return &unit;
  }
  return nullptr;
}

bool in_january_february(const PairUnit& unit) { return unit.first_month <= 2; }

// Both years' January/February blocks as one pair, for when they were paired differently.
void add_january_february_blocks(const std::vector<PairUnit>& this_year_units,
                                 const std::vector<PairUnit>& last_year_units,
                                 ComparableSums& this_year, ComparableSums& last_year) {
  MeasurePair now{0.0, 0.0};
  bool any_comparable = false;
  for (const PairUnit& unit : this_year_units) {
    if (!in_january_february(unit) || !unit.comparable(Measure::kValueAdded)) continue;
    any_comparable = true;
    *now.current += *unit.of(Measure::kValueAdded).current;
    *now.previous += *unit.of(Measure::kValueAdded).previous;
  }
  if (!any_comparable) return;
  MeasurePair before{0.0, 0.0};
  bool any_before = false;
  for (const PairUnit& unit : last_year_units) {
    if (!in_january_february(unit)) continue;
    if (!has_both_values(unit)) return;
    any_before = true;
    *before.current += *unit.of(Measure::kValueAdded).current;
    *before.previous += *unit.of(Measure::kValueAdded).previous;
  }
  if (!any_before) return;
  add_pair(now, this_year);
  add_pair(before, last_year);
}

}  // namespace

void add_two_year_pairs(const std::vector<PairUnit>& this_year_units,
                        const std::vector<PairUnit>& last_year_units, ComparableSums& this_year,
                        ComparableSums& last_year) {
  bool january_february_mismatch = false;
  for (const PairUnit& unit : this_year_units) {
    if (in_january_february(unit) &&
        !unit_for(last_year_units, unit.first_month, unit.last_month)) {
      january_february_mismatch = true;
    }
  }
  for (const PairUnit& unit : this_year_units) {
    if (january_february_mismatch && in_january_february(unit)) continue;
    if (!unit.comparable(Measure::kValueAdded)) continue;
    const PairUnit* before = unit_for(last_year_units, unit.first_month, unit.last_month);
    if (before == nullptr || !has_both_values(*before)) continue;
    add_pair(unit.of(Measure::kValueAdded), this_year);
    add_pair(before->of(Measure::kValueAdded), last_year);
  }
  if (january_february_mismatch) {
    add_january_february_blocks(this_year_units, last_year_units, this_year, last_year);
  }
}

std::optional<double> two_year_average(const ComparableSums& this_year,
                                       const ComparableSums& last_year) {
  std::optional<double> g_this = this_year.growth();
  std::optional<double> g_last = last_year.growth();
  if (!g_this || !g_last) return std::nullopt;
  double product = (1.0 + *g_this / 100.0) * (1.0 + *g_last / 100.0);
  if (product < 0) return std::nullopt;
  return 100.0 * (std::sqrt(product) - 1.0);
}

}  // namespace zhizao::detail
