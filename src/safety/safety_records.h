// The records of the flood-season safety checks (汛期安全检查, issue 14): check plans, the checks
// done under them, the hazards found and their rectification, and the duty roster. The files that
// carry them and the meaning of every column: docs/safety.md. Plain values, thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/year_month.h"

namespace zhizao {

// A check plan (检查计划): what is checked (e.g. 尾矿库), in which divisions and region, when.
struct SafetyPlan {
  std::string id;
  std::string name;
  std::string kind;                    // e.g. "尾矿库" (tailings dams)
  std::vector<std::string> divisions;  // 2-digit GB/T 4754-2017 divisions, in the file's order
  std::string region;                  // GB/T 2260 code of any level; empty for the whole area
  CivilDate from;
  CivilDate to;  // on or after `from`

  bool operator==(const SafetyPlan&) const = default;
};

// One check of one enterprise under a plan.
struct SafetyCheck {
  std::string id;
  std::string plan;  // SafetyPlan::id
  std::string uscc;
  CivilDate date;
  std::string inspector;
  std::string findings;  // may be empty

  bool operator==(const SafetyCheck&) const = default;
};

// 重大隐患 / 一般隐患 (the levels of the work-safety rules).
enum class HazardLevel { kMajor, kOrdinary };

// The result of the re-inspection (复查) after a rectification.
enum class ReinspectionResult { kNone, kPassed, kFailed };

// A hazard (隐患) found at a check, and its rectification (整改).
struct Hazard {
  std::string id;
  std::string check;  // SafetyCheck::id
  HazardLevel level = HazardLevel::kOrdinary;
  std::string description;
  CivilDate found;
  CivilDate deadline;  // given, or found + the level's days (safety_hazard_deadline)
  std::optional<CivilDate> rectified;
  std::optional<CivilDate> reinspected;
  ReinspectionResult reinspection = ReinspectionResult::kNone;  // kNone iff no reinspected date
  std::string proof;  // the proof file's name, empty when none

  bool operator==(const Hazard&) const = default;
};

// One person on one shift of the duty roster (值班表).
struct DutyShift {
  CivilDate date;
  std::string shift;     // e.g. 白班, 夜班, 全天
  std::string person;    // not empty
  std::string phone;     // may be empty
  std::string handover;  // 交接班情况, may be empty

  bool operator==(const DutyShift&) const = default;
};

// Every safety record of a database (or of one import), each kind sorted by its key.
struct SafetyRegister {
  std::vector<SafetyPlan> plans;
  std::vector<SafetyCheck> checks;
  std::vector<Hazard> hazards;
  std::vector<DutyShift> roster;

  bool empty() const {
    return plans.empty() && checks.empty() && hazards.empty() && roster.empty();
  }
};

// "major" / "ordinary", as stored and in JSON.
std::string_view hazard_level_name(HazardLevel level);
// "重大" / "一般".
std::string_view hazard_level_name_zh(HazardLevel level);
// Parses "major", "ordinary", "重大", "一般" (also 重大隐患, 一般隐患; ASCII case ignored).
std::optional<HazardLevel> parse_hazard_level(std::string_view text);

// "", "passed", "failed", as stored.
std::string_view reinspection_result_name(ReinspectionResult result);
// Parses "passed", "failed", "通过", "未通过" (also 合格 / 不合格; ASCII case ignored); empty is
// kNone.
std::optional<ReinspectionResult> parse_reinspection_result(std::string_view text);

}  // namespace zhizao
