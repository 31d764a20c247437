#include "engine/report_sets.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/language.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "domain/region_group.h"
#include "engine/set_aggregation.h"

namespace zhizao::detail {
namespace {

using AccumulatorsByCode = std::map<std::string, SetAccumulator>;

// Members from which the two families of sets are filled on two threads (as the figures, in
// scoped_enterprises.cc: below it a thread costs more than it saves).
constexpr std::size_t kParallelSetsFrom = 20'000;

std::string region_name(const std::string& code) {
  const Region* region = find_region(code);
  return region != nullptr ? std::string(region->name) : code;
}

template <typename NameOf>
std::vector<SetFigures> in_code_order(const AccumulatorsByCode& sets, NameOf name_of) {
  std::vector<SetFigures> figures;
  for (const auto& [code, accumulator] : sets)
    figures.push_back(accumulator.figures(code, name_of(code)));
  return figures;
}

// Parks or chains: those of the data table first, in its order, then unknown ids by id.
template <typename Entry>
std::vector<SetFigures> in_data_order(const AccumulatorsByCode& sets,
                                      const std::vector<Entry>& table) {
  std::vector<SetFigures> figures;
  std::map<std::string, bool> listed;
  for (const Entry& entry : table) {
    auto found = sets.find(entry.id);
    if (found == sets.end() || listed[entry.id]) continue;
    listed[entry.id] = true;
    figures.push_back(found->second.figures(entry.id, entry.name));
  }
  for (const auto& [id, accumulator] : sets) {
    if (!listed[id]) figures.push_back(accumulator.figures(id, id));
  }
  return figures;
}

constexpr Section kSections[] = {Section::kMining, Section::kManufacturing, Section::kUtilities};
constexpr const char* kSectionCodes[] = {"B", "C", "D"};

std::size_t section_slot(Section section) { return static_cast<std::size_t>(section); }

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

HeadlineFigures headline_figures(const IndexedDataset& data, const ScopedEnterprises& scoped,
                                 const std::vector<EnterpriseFigures>& figures) {
  SetAccumulator industry;
  SetAccumulator manufacturing;
  ManufacturingDivisions manufacturing_divisions;
  for (std::size_t i = 0; i < scoped.members.size(); ++i) {
    industry.add(figures[i]);
    if (manufacturing_divisions.contains(data.enterprises()[scoped.members[i]].division)) {
      manufacturing.add(figures[i]);
    }
  }
  return {industry.figures(kIndustryCode, "工业"),
          manufacturing.figures(kManufacturingCode,
                                std::string(section_name(Section::kManufacturing, Language::kZh)))};
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

namespace {

// The sets one division code adds to: found once per distinct code, not per enterprise (at
// 500,000 enterprises the string-keyed lookups were a fifth of a report's time).
struct DivisionSets {
  SetAccumulator* division = nullptr;
  SetAccumulator* section = nullptr;  // none for a code outside GB/T 4754's table
};

// The sets one county code adds to, found once per distinct code.
struct RegionSets {
  SetAccumulator* county = nullptr;
  SetAccumulator* city = nullptr;
  SetAccumulator* province = nullptr;
  std::vector<std::size_t> groups;  // positions of the region groups that contain the county
};

}  // namespace

void fill_report_sets(const IndexedDataset& data, const ScopedEnterprises& scoped,
                      ReportData& report) {
  const Dataset& dataset = data.dataset();
  SetAccumulator sections[3];
  // std::map: the accumulators' addresses stay valid while other codes are added.
  AccumulatorsByCode divisions, counties, cities, provinces, parks, chains;
  std::vector<SetAccumulator> groups(dataset.region_groups.size());
  std::unordered_map<std::string_view, DivisionSets> division_sets;
  std::unordered_map<std::string_view, RegionSets> region_sets;
  auto sets_of_division = [&](const std::string& code) -> const DivisionSets& {
    auto [found, added] = division_sets.try_emplace(code);
    if (added) {
      found->second.division = &divisions[code];
      if (find_division(code) != nullptr) {
        found->second.section = &sections[section_slot(section_of(code))];
      }
    }
    return found->second;
  };
  auto sets_of_region = [&](const std::string& code) -> const RegionSets& {
    auto [found, added] = region_sets.try_emplace(code);
    if (added) {
      RegionSets& sets = found->second;
      sets.county = &counties[code];
      sets.city = &cities[city_code_of(code)];
      sets.province = &provinces[province_code_of(code)];
      for (std::size_t g = 0; g < groups.size(); ++g) {
        if (group_contains(dataset.region_groups[g], code)) sets.groups.push_back(g);
      }
    }
    return found->second;
  };
  // Each set gets its enterprises in enterprise order, so its sums are the same bits however
  // the work is shared: the industry sets (sections, divisions, parks, chains) and the regional
  // ones (counties, cities, provinces, groups) touch disjoint accumulators and lookup tables,
  // so at national scale they are filled on two threads.
  auto add_to_industry_sets = [&] {
    for (std::size_t i = 0; i < scoped.members.size(); ++i) {
      const Enterprise& enterprise = data.enterprises()[scoped.members[i]];
      const EnterpriseFigures& figures = scoped.figures[i];
      const DivisionSets& by_division = sets_of_division(enterprise.division);
      if (by_division.section != nullptr) by_division.section->add(figures);
      by_division.division->add(figures);
      if (!enterprise.park.empty()) parks[enterprise.park].add(figures);
      for (const std::string& chain : enterprise.chains) chains[chain].add(figures);
    }
  };
  auto add_to_regional_sets = [&] {
    for (std::size_t i = 0; i < scoped.members.size(); ++i) {
      const EnterpriseFigures& figures = scoped.figures[i];
      const RegionSets& by_region = sets_of_region(data.enterprises()[scoped.members[i]].region);
      by_region.county->add(figures);
      by_region.city->add(figures);
      by_region.province->add(figures);
      for (std::size_t g : by_region.groups) groups[g].add(figures);
    }
  };
  if (scoped.members.size() >= kParallelSetsFrom && std::thread::hardware_concurrency() > 1) {
    std::jthread regional(add_to_regional_sets);
    add_to_industry_sets();
  } else {
    add_to_regional_sets();
    add_to_industry_sets();
  }

  HeadlineFigures headline = headline_figures(data, scoped, scoped.figures);
  report.industry = std::move(headline.industry);
  report.manufacturing = std::move(headline.manufacturing);
  for (std::size_t s = 0; s < 3; ++s) {
    report.sections.push_back(sections[section_slot(kSections[s])].figures(
        kSectionCodes[s], std::string(section_name(kSections[s], Language::kZh))));
  }
  report.divisions = in_code_order(divisions, [](const std::string& code) {
    return std::string(division_name(code, Language::kZh));
  });
  report.regions = in_code_order(counties, region_name);
  report.cities = in_code_order(cities, region_name);
  report.provinces = in_code_order(provinces, region_name);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const RegionGroup& group = dataset.region_groups[g];
    report.region_groups.push_back(groups[g].figures(group.id, group.name));
  }
  report.parks = in_data_order(parks, dataset.parks);
  report.chains = in_data_order(chains, dataset.chains);

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
