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
  explicit ReportSetSums(const SetMembership& membership);

  // Adds member `position`'s figures to its headline, section, division, park and chain sets.
  void add_to_industry_sets(std::size_t position, const EnterpriseFigures& figures);
  // Adds them to its county, city, province and region-group sets.
  void add_to_regional_sets(std::size_t position, const EnterpriseFigures& figures);

  // Fills the set fields of `report` as fill_report_sets documents them.
  void fill(ReportData& report) const;

 private:
  const SetMembership& membership_;
  SetAccumulator industry_, manufacturing_;
  SetAccumulator sections_[3];
  std::vector<SetAccumulator> divisions_, counties_, cities_, provinces_, parks_, chains_, groups_;
};

}  // namespace zhizao::detail
