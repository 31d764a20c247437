// The kinds of warning rules and what each accepts: its subjects, its parameters with their
// defaults and ranges, and the figures its reason templates may quote. One table, read by the
// parser (warning_rules.cc) and by the evaluation (compute_warnings.cc).
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "warnings/warning_rules.h"

namespace zhizao::detail {

// How a parameter is written in the file.
enum class ParameterType { kNumber, kCount, kFlag };  // any number; whole number ≥ 0; true/false

struct ParameterSpec {
  std::string_view name;
  ParameterType type = ParameterType::kNumber;
  std::optional<double> default_value;  // nullopt: required
  std::optional<double> minimum;        // inclusive; nullopt: none
  std::string_view meaning;             // for messages
};

struct KindSpec {
  WarningKind kind;
  std::string_view name;                       // as written in the file, e.g. "output_falling"
  std::span<const std::string_view> subjects;  // the first is the default
  std::span<const ParameterSpec> parameters;
  // The Warning's figures, in order; for the safety kinds then the texts their reasons quote
  // (warnings/safety_rule_warnings.h), which are placeholders but not figures.
  std::span<const std::string_view> figures;
};

// Every kind, in the order of WarningKind.
std::span<const KindSpec> warning_kind_specs();

// The kind spec named `name`, or nullptr.
const KindSpec* find_kind_spec(std::string_view name);

// The spec of `kind` (always found).
const KindSpec& kind_spec(WarningKind kind);

// Figures quoted as whole numbers (months, days): the others get one decimal.
bool is_count_figure(std::string_view figure);

}  // namespace zhizao::detail
