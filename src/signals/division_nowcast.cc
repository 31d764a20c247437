#include "signals/division_nowcast.h"

#include <algorithm>

#include "domain/industry.h"

namespace zhizao {

DivisionMembers manufacturing_division_members(std::span<const Enterprise> enterprises) {
  DivisionMembers members;
  std::unordered_set<std::string> seen;
  for (const Enterprise& e : enterprises) {
    if (!seen.insert(e.uscc).second) continue;
    if (is_manufacturing(e.division)) members[e.division].insert(e.uscc);
  }
  return members;
}

DivisionGap division_gap(const DivisionNowcast& division, const NowcastOptions& options) {
  if (division.model.value_added_growth) return DivisionGap::kNone;
  if (division.days == 0) return DivisionGap::kNoReadings;
  if (division.model.training_months < std::max(3, options.min_training_months)) {
    return DivisionGap::kTooFewMonths;
  }
  if (!division.model.regressor && division.model.fit) return DivisionGap::kNoElectricityGrowth;
  return DivisionGap::kNoFit;
}

std::string_view division_gap_key(DivisionGap gap) {
  switch (gap) {
    case DivisionGap::kNone:
      return "";
    case DivisionGap::kNoReadings:
      return "no_readings";
    case DivisionGap::kTooFewMonths:
      return "too_few_months";
    case DivisionGap::kNoElectricityGrowth:
      return "no_electricity_growth";
    case DivisionGap::kNoFit:
      return "no_fit";
  }
  return "";
}

}  // namespace zhizao
