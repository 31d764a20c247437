// The first step of every engine call: the report window, the scope, and the figures of each
// enterprise of the scope, computed once and then added up into sets.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "base/result.h"
#include "engine/engine.h"
#include "engine/enterprise_figures.h"
#include "engine/indexed_dataset.h"
#include "engine/region_scope.h"
#include "engine/window.h"

namespace zhizao::detail {

// From this many enterprises the engine's per-member passes (the figures here, the windows'
// additions, the counties' numbering) share the work with a second thread; below it a thread
// costs more than it saves.
inline constexpr std::size_t kParallelFrom = 20'000;

struct ScopedEnterprises {
  ReportWindow window;
  RegionScope scope;
  std::vector<std::size_t> members;        // enterprises (indices) whose region is in the scope
  std::vector<EnterpriseFigures> figures;  // parallel to members
  // When asked for and the previous report's window is a prefix of this one's (is_prefix_window):
  // the figures for it, without the two-year sums, parallel to members; else empty.
  std::optional<std::vector<EnterpriseFigures>> previous_figures;
};

// Whether scoped_enterprises also computes the previous report's figures from the same reading.
enum class PreviousReport { kSkip, kComputeWhenPrefix };

// Returns the scoped enterprises of `request` with their figures for `window`.
// Errors: kUsage for a January period or an unknown scope.
Result<ScopedEnterprises> scoped_enterprises(const IndexedDataset& data,
                                             const ReportRequest& request,
                                             PreviousReport previous = PreviousReport::kSkip);

// Returns the enterprises (indices) whose region is in `scope`, in enterprise order.
std::vector<std::size_t> members_in_scope(const IndexedDataset& data, const RegionScope& scope);

// Returns the figures of `members` for another window (the previous period), without the
// two-year sums.
std::vector<EnterpriseFigures> figures_for_window(const IndexedDataset& data,
                                                  const std::vector<std::size_t>& members,
                                                  const ReportWindow& window);

}  // namespace zhizao::detail
