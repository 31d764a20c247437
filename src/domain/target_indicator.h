// The names of TargetIndicator as the data contract writes them in targets.csv (v2 additions,
// "Targets"): output, manufacturing_output, enterprises_over, manufacturing_enterprises_over.
// The store keeps these names in its table and the importer reads them.
#pragma once

#include <optional>
#include <string_view>

#include "domain/records.h"

namespace zhizao {

// Returns the contract's name of `indicator`, e.g. "manufacturing_enterprises_over".
std::string_view target_indicator_name(TargetIndicator indicator);

// Returns the indicator the contract's name `name` stands for (exact, lower case), or nullopt.
std::optional<TargetIndicator> parse_target_indicator(std::string_view name);

// True for the two indicators that count enterprises above a threshold (enterprises_over,
// manufacturing_enterprises_over): a target of these needs its `threshold`.
bool counts_enterprises(TargetIndicator indicator);

}  // namespace zhizao
