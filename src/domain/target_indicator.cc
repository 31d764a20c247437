#include "domain/target_indicator.h"

#include <array>
#include <utility>

namespace zhizao {
namespace {

constexpr std::array<std::pair<TargetIndicator, std::string_view>, 4> kNames = {{
    {TargetIndicator::kOutput, "output"},
    {TargetIndicator::kManufacturingOutput, "manufacturing_output"},
    {TargetIndicator::kEnterprisesOver, "enterprises_over"},
    {TargetIndicator::kManufacturingEnterprisesOver, "manufacturing_enterprises_over"},
}};

}  // namespace

std::string_view target_indicator_name(TargetIndicator indicator) {
  for (const auto& [value, name] : kNames) {
    if (value == indicator) return name;
  }
  return "";
}

std::optional<TargetIndicator> parse_target_indicator(std::string_view name) {
  for (const auto& [value, known] : kNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

bool counts_enterprises(TargetIndicator indicator) {
  return indicator == TargetIndicator::kEnterprisesOver ||
         indicator == TargetIndicator::kManufacturingEnterprisesOver;
}

}  // namespace zhizao
