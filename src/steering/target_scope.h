// The scope of a target (data contract v2, targets.csv `scope`): a region code of any level, a
// region group id, a park id, a chain id, or `all`. Internal to src/steering.
#pragma once

#include <optional>
#include <string>

#include "domain/dataset.h"
#include "engine/region_scope.h"

namespace zhizao::detail {

// Value type; holds pointers into the Dataset it was resolved against, which must outlive it.
class TargetScope {
 public:
  // Resolves `scope` in this order: `all`; a region code of any level or a region group id
  // (RegionScope::resolve, region codes first); a park id; a chain id. Returns nullopt when it
  // is none of them (the target then counts no enterprise).
  static std::optional<TargetScope> resolve(const Dataset& dataset, const std::string& scope);

  // True when `enterprise` belongs to the scope: its county lies in the region or group, or its
  // park, or one of its chains, is the scope's id.
  bool contains(const Enterprise& enterprise) const;

 private:
  enum class Kind { kAll, kRegion, kPark, kChain };
  Kind kind_ = Kind::kAll;
  RegionScope region_;
  std::string id_;
};

}  // namespace zhizao::detail
