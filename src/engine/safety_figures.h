// The flood-season safety check figures (汛期安全检查, issue 14) as plain data, so that ReportData
// can carry them and src/report can render them without depending on src/safety, which computes
// them (safety/safety_figures.h). Definitions: docs/safety.md "Figures".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/year_month.h"

namespace zhizao {

// Hazards (隐患) of a plan counted at the as-of day D (docs/safety.md).
struct HazardCounts {
  long found = 0;      // found on or before D
  long rectified = 0;  // rectified on or before D and not failed at a re-inspection by D
  long open = 0;       // found − rectified
  long overdue = 0;    // open with deadline < D
  long awaiting_reinspection = 0;  // rectified, no re-inspection on or before D

  bool operator==(const HazardCounts&) const = default;
};

// The hazards of one county (the enterprise's region).
struct CountyHazards {
  std::string region;  // county-level code
  std::string name;    // its name from GB/T 2260
  HazardCounts counts;
};

// An enterprise named by a figure (unchecked, or with an overdue hazard).
struct SafetyEnterprise {
  std::string uscc;
  std::string name;
  std::string region;
};

// One open hazard past its deadline at D.
struct OverdueHazard {
  std::string id;
  std::string level;  // "major" (重大) or "ordinary" (一般)
  SafetyEnterprise enterprise;
  CivilDate deadline;
  long days_overdue = 0;  // D − deadline, in days
};

// One safety check plan at D.
struct SafetyPlanFigures {
  std::string id;
  std::string name;
  std::string kind;                    // what is checked, e.g. 尾矿库
  std::vector<std::string> divisions;  // 2-digit divisions, as given
  std::string region;                  // the plan's region; empty for the whole area
  CivilDate from;
  CivilDate to;
  long enterprises = 0;  // in scope: division in `divisions`, county in `region` and the report's
  long checked = 0;      // in scope with a check of the plan dated from `from` to D
  std::vector<SafetyEnterprise> unchecked;  // in scope without one, by code
  std::optional<double> coverage;           // 100 × checked / enterprises; null without any
  double time_progress = 0;  // 100 × days from `from` to min(to, D) / days from `from` to `to`
  HazardCounts hazards;      // every level
  HazardCounts major;
  HazardCounts ordinary;
  std::vector<CountyHazards> by_county;        // counties with a hazard, by code
  std::vector<OverdueHazard> overdue_hazards;  // major first, then most days overdue, then id
  std::vector<CivilDate> roster_gaps;  // days from `from` to min(to, D) without a duty person
};

// The plans whose season meets the report's window, as of D (the period's last day).
struct SafetyFigures {
  CivilDate as_of;
  std::vector<SafetyPlanFigures> plans;  // by id
};

}  // namespace zhizao
