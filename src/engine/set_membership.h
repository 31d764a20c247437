// Which sets of a report each scoped enterprise adds to — its section, division, park, chains,
// county, city, province and region groups — found once per scope as dense slot numbers, and the
// accumulators of one report's sets addressed by them (engine/report_sets.h gives the order and
// names of the sets). Apart so that the sets of many windows over the same members (the runs of
// the early warnings, docs/methodology.md "Runs of reports") cost one addition per set and
// member each, not a lookup by text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/enterprise_figures.h"
#include "engine/indexed_dataset.h"
#include "engine/report_data.h"
#include "engine/set_aggregation.h"

namespace zhizao::detail {

// A family of a report's sets, beside the industry headline (which is always added up).
enum class SetFamily : std::uint16_t {
  kManufacturingAndSections = 1U << 0,
  kDivisions = 1U << 1,
  kParks = 1U << 2,
  kChains = 1U << 3,
  kRegions = 1U << 4,  // the county-level regions (ReportData::regions)
  kCities = 1U << 5,
  kProvinces = 1U << 6,
  kRegionGroups = 1U << 7,
};

// Which families a ReportSetSums adds up: every one (a report), or only those a reader needs
// (the runs of the early warnings read the industry headline and their subjects' family).
class SetFamilies {
 public:
  static constexpr SetFamilies all() { return SetFamilies(0xFFFF); }
  static constexpr SetFamilies headline_only() { return SetFamilies(0); }
  constexpr SetFamilies with(SetFamily family) const {
    return SetFamilies(static_cast<std::uint16_t>(bits_ | static_cast<std::uint16_t>(family)));
  }
  constexpr bool has(SetFamily family) const {
    return (bits_ & static_cast<std::uint16_t>(family)) != 0;
  }
  constexpr bool operator==(const SetFamilies&) const = default;

 private:
  constexpr explicit SetFamilies(std::uint16_t bits) : bits_(bits) {}
  std::uint16_t bits_;
};

// The slots of the members of one scope. Immutable after construction; thread-safe to read.
class SetMembership {
 public:
  // `members` are enterprise indices of `data`, in the order their figures will be added.
  // `data` must outlive this object (codes are views of its enterprises).
  SetMembership(const IndexedDataset& data, const std::vector<std::size_t>& members);

  std::size_t member_count() const { return division_of_.size(); }

 private:
  friend class ReportSetSums;

  static constexpr std::int32_t kNone = -1;

  // Codes of each family in the order of its slots: divisions, counties, cities, provinces,
  // parks and chains in code (id) order, as std::map would list them.
  std::vector<std::string> divisions_, counties_, cities_, provinces_, parks_, chains_;
  std::vector<std::int32_t> section_of_division_;  // 0..2 (B, C, D) or kNone
  std::vector<bool> manufacturing_division_;       // per division slot
  std::vector<std::int32_t> city_of_county_, province_of_county_;
  std::vector<std::vector<std::uint32_t>> groups_of_county_;  // region group positions

  // Per member (position in `members`).
  std::vector<std::uint32_t> division_of_, county_of_;
  std::vector<std::int32_t> park_of_;
  std::vector<std::uint32_t> chain_from_;  // member m's chains: chain_slots_[from_[m], from_[m+1])
  std::vector<std::uint32_t> chain_slots_;

  const IndexedDataset& data_;
};

// The accumulators of one report's sets. Figures are added member by member in member order, so
// each set's sums are the same bits however many windows are added side by side. Not
// thread-safe while being added to; the industry and regional families touch disjoint state and
// may be added on two threads.
class ReportSetSums {
 public:
  // Adds up the industry headline and the sets of `families`.
  explicit ReportSetSums(const SetMembership& membership,
                         SetFamilies families = SetFamilies::all());

  // Adds member `position`'s figures to its headline, section, division, park and chain sets
  // (those of the families asked for).
  void add_to_industry_sets(std::size_t position, const EnterpriseFigures& figures);
  // Adds them to its county, city, province and region-group sets (those asked for).
  void add_to_regional_sets(std::size_t position, const EnterpriseFigures& figures);

  // Fills the set fields of `report` as fill_report_sets documents them; the sets of families not
  // asked for are left empty (manufacturing: default).
  void fill(ReportData& report) const;

 private:
  const SetMembership& membership_;
  SetFamilies families_;
  SetAccumulator industry_, manufacturing_;
  SetAccumulator sections_[3];
  std::vector<SetAccumulator> divisions_, counties_, cities_, provinces_, parks_, chains_, groups_;
};

}  // namespace zhizao::detail
