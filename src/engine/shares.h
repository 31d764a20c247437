// 贡献率 and 拉动: how much of a whole's increase a part accounts for (data contract,
// "Indicator definitions": contribution and pull).
#pragma once

#include <optional>

#include "engine/report_data.h"

namespace zhizao::detail {

// 100 × part's increase / whole's increase (贡献率, %); nullopt when either has no comparable
// pairs or the whole did not change.
std::optional<double> contribution_to(const ComparableSums& part, const ComparableSums& whole);

// 100 × part's increase / whole's Σ previous (拉动, percentage points); nullopt when either has no
// comparable pairs or the whole's previous sum is 0.
std::optional<double> pull_on(const ComparableSums& part, const ComparableSums& whole);

}  // namespace zhizao::detail
