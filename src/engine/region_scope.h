// RegionScope: the part of the country a report or a set is restricted to — a GB/T 2260 region of
// any level, or a region group of the dataset (e.g. 洛阳都市圈) — or everything.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/dataset.h"

namespace zhizao::detail {

// Value type; holds a pointer into the Dataset it was resolved against, which must outlive it.
class RegionScope {
 public:
  // The scope that contains every county.
  RegionScope() = default;

  // Resolves `code`: empty → everything; a known region code of any level; or the id of a region
  // group of `dataset` (region codes take precedence). Errors: kUsage for anything else.
  static Result<RegionScope> resolve(const Dataset& dataset, std::string_view code);

  // True if county-level `county` lies in the scope.
  bool contains(std::string_view county) const;

  // The code or group id the scope was resolved from; empty for everything.
  const std::string& code() const { return code_; }

 private:
  std::string code_;
  const RegionGroup* group_ = nullptr;
};

}  // namespace zhizao::detail
