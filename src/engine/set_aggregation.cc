#include "engine/set_aggregation.h"

#include <utility>

#include "engine/shares.h"
#include "engine/two_year.h"

namespace zhizao::detail {

void SumsAccumulator::add(const ComparableSums& sums) {
  if (sums.pairs == 0) return;
  current_.add(sums.current);
  previous_.add(sums.previous);
  pairs_ += sums.pairs;
}

ComparableSums SumsAccumulator::sums() const {
  ComparableSums sums;
  sums.current = current_.value();
  sums.previous = previous_.value();
  sums.pairs = pairs_;
  return sums;
}

void SetAccumulator::add(const EnterpriseFigures& enterprise) {
  value_added_.add(enterprise.value_added);
  output_.add(enterprise.output);
  electricity_.add(enterprise.electricity);
  two_year_this_.add(enterprise.two_year_this);
  two_year_last_.add(enterprise.two_year_last);
  if (enterprise.months_in_scope > 0) ++enterprises_;
  at_current_prices_ = at_current_prices_ || enterprise.at_current_prices;
}

SetFigures SetAccumulator::figures(std::string code, std::string name) const {
  SetFigures set;
  set.code = std::move(code);
  set.name = std::move(name);
  set.value_added = value_added_.sums();
  set.output = output_.sums();
  set.electricity = electricity_.sums();
  set.value_added_growth = set.value_added.growth();
  set.output_growth = set.output.growth();
  set.electricity_growth = set.electricity.growth();
  set.two_year_average_growth = two_year_average(two_year_this_.sums(), two_year_last_.sums());
  set.enterprises = enterprises_;
  set.at_current_prices = at_current_prices_;
  return set;
}

void set_share_of_total(SetFigures& set, const ComparableSums& total) {
  set.contribution = contribution_to(set.value_added, total);
  set.pull = pull_on(set.value_added, total);
}

}  // namespace zhizao::detail
