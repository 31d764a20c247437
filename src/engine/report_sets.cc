#include "engine/report_sets.h"

#include <array>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/language.h"
#include "domain/industry.h"
#include "engine/running_figures.h"
#include "engine/set_aggregation.h"
#include "engine/set_membership.h"

namespace zhizao::detail {
namespace {

// Members from which the two families of sets are filled on two threads (as the figures, in
// scoped_enterprises.cc: below it a thread costs more than it saves).
constexpr std::size_t kParallelSetsFrom = 20'000;

// is_manufacturing, answered once per two-digit division code: a binary search of the division
// table per enterprise, twice a report, was a tenth of a national report's time.
class ManufacturingDivisions {
 public:
  bool contains(std::string_view division) {
    if (division.size() != 2 || !is_digit(division[0]) || !is_digit(division[1])) {
      return is_manufacturing(division);
    }
    signed char& known =
        known_[static_cast<std::size_t>((division[0] - '0') * 10 + (division[1] - '0'))];
    if (known == 0) known = is_manufacturing(division) ? 1 : -1;
    return known > 0;
  }

 private:
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  std::array<signed char, 100> known_{};  // 0 not asked yet, 1 manufacturing, -1 not
};

}  // namespace

namespace {

// The headline of the members' figures, `figures_of(i, scratch)` giving member i's.
template <typename FiguresOf>
HeadlineFigures headline_of(const IndexedDataset& data, const ScopedEnterprises& scoped,
                            FiguresOf figures_of) {
  SetAccumulator industry;
  SetAccumulator manufacturing;
  ManufacturingDivisions manufacturing_divisions;
  EnterpriseFigures scratch;
  for (std::size_t i = 0; i < scoped.members.size(); ++i) {
    const EnterpriseFigures& figures = figures_of(i, scratch);
    industry.add(figures);
    if (manufacturing_divisions.contains(data.enterprises()[scoped.members[i]].division)) {
      manufacturing.add(figures);
    }
  }
  return {industry.figures(kIndustryCode, "工业"),
          manufacturing.figures(kManufacturingCode,
                                std::string(section_name(Section::kManufacturing, Language::kZh)))};
}

}  // namespace

HeadlineFigures headline_figures(const IndexedDataset& data, const ScopedEnterprises& scoped,
                                 const std::vector<EnterpriseFigures>& figures) {
  return headline_of(
      data, scoped, [&](std::size_t i, EnterpriseFigures&) -> const auto& { return figures[i]; });
}

HeadlineFigures headline_figures_of_cells(const IndexedDataset& data,
                                          const ScopedEnterprises& scoped,
                                          const ReportWindow& window) {
  const MonthlyColumns& columns = data.columns();
  const int month = window.to.index();
  return headline_of(
      data, scoped, [&](std::size_t i, EnterpriseFigures & scratch) -> const auto& {
        set_figures_of_cell(columns.running[columns.offset(month, scoped.members[i])], scratch);
        return scratch;
      });
}

Breadth manufacturing_breadth(const std::vector<SetFigures>& divisions) {
  Breadth breadth;
  for (const SetFigures& division : divisions) {
    if (!is_manufacturing(division.code) || division.value_added.pairs == 0) continue;
    ++breadth.with_data;
    std::optional<double> growth = division.value_added_growth;
    if (growth && *growth > 0) ++breadth.growing;
    if (growth && *growth >= 10) ++breadth.double_digit;
  }
  if (breadth.with_data > 0) breadth.share = 100.0 * breadth.growing / breadth.with_data;
  return breadth;
}

void fill_report_sets(const IndexedDataset& data, const ScopedEnterprises& scoped,
                      ReportData& report) {
  SetMembership membership(data, scoped.members);
  ReportSetSums sums(membership);
  // Each set gets its enterprises in enterprise order, so its sums are the same bits however
  // the work is shared: the industry sets (headline, sections, divisions, parks, chains) and the
  // regional ones (counties, cities, provinces, groups) touch disjoint accumulators, so at
  // national scale they are filled on two threads.
  auto add_to_industry_sets = [&] {
    for (std::size_t i = 0; i < scoped.members.size(); ++i) {
      sums.add_to_industry_sets(i, scoped.figures[i]);
    }
  };
  auto add_to_regional_sets = [&] {
    for (std::size_t i = 0; i < scoped.members.size(); ++i) {
      sums.add_to_regional_sets(i, scoped.figures[i]);
    }
  };
  if (scoped.members.size() >= kParallelSetsFrom && std::thread::hardware_concurrency() > 1) {
    std::jthread regional(add_to_regional_sets);
    add_to_industry_sets();
  } else {
    add_to_regional_sets();
    add_to_industry_sets();
  }
  sums.fill(report);
  finish_report_sets(report);
}

void finish_report_sets(ReportData& report) {
  const ComparableSums total = report.industry.value_added;
  auto share_all = [&](std::vector<SetFigures>& sets) {
    for (SetFigures& set : sets) set_share_of_total(set, total);
  };
  set_share_of_total(report.industry, total);
  set_share_of_total(report.manufacturing, total);
  for (auto* sets : {&report.sections, &report.divisions, &report.regions, &report.cities,
                     &report.provinces, &report.region_groups, &report.parks, &report.chains}) {
    share_all(*sets);
  }
  report.manufacturing_breadth = manufacturing_breadth(report.divisions);
  for (const SetFigures& division : report.divisions) {
    if (division.at_current_prices) report.divisions_at_current_prices.push_back(division.code);
  }
}

}  // namespace zhizao::detail
