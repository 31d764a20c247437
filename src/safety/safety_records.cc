#include "safety/safety_records.h"

#include "base/text.h"

namespace zhizao {

std::string_view hazard_level_name(HazardLevel level) {
  return level == HazardLevel::kMajor ? "major" : "ordinary";
}

std::string_view hazard_level_name_zh(HazardLevel level) {
  return level == HazardLevel::kMajor ? "重大" : "一般";
}

std::optional<HazardLevel> parse_hazard_level(std::string_view text) {
  std::string lower = ascii_lower(trim(text));
  if (lower == "major" || lower == "重大" || lower == "重大隐患") return HazardLevel::kMajor;
  if (lower == "ordinary" || lower == "一般" || lower == "一般隐患") return HazardLevel::kOrdinary;
  return std::nullopt;
}

std::string_view reinspection_result_name(ReinspectionResult result) {
  switch (result) {
    case ReinspectionResult::kNone:
      return "";
    case ReinspectionResult::kPassed:
      return "passed";
    case ReinspectionResult::kFailed:
      return "failed";
  }
  return "";
}

std::optional<ReinspectionResult> parse_reinspection_result(std::string_view text) {
  std::string lower = ascii_lower(trim(text));
  if (lower.empty()) return ReinspectionResult::kNone;
  if (lower == "passed" || lower == "通过" || lower == "合格") return ReinspectionResult::kPassed;
  if (lower == "failed" || lower == "未通过" || lower == "不合格")
    return ReinspectionResult::kFailed;
  return std::nullopt;
}

}  // namespace zhizao
