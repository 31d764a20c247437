#include "steering/target_scope.h"

#include <algorithm>

namespace zhizao::detail {

std::optional<TargetScope> TargetScope::resolve(const Dataset& dataset, const std::string& scope) {
  TargetScope resolved;
  if (scope == "all") return resolved;
  if (!scope.empty()) {
    if (Result<RegionScope> region = RegionScope::resolve(dataset, scope)) {
      resolved.kind_ = Kind::kRegion;
      resolved.region_ = *region;
      return resolved;
    }
  }
  resolved.id_ = scope;
  auto has_id = [&scope](const auto& item) { return item.id == scope; };
  if (std::ranges::any_of(dataset.parks, has_id)) {
    resolved.kind_ = Kind::kPark;
    return resolved;
  }
  if (std::ranges::any_of(dataset.chains, has_id)) {
    resolved.kind_ = Kind::kChain;
    return resolved;
  }
  return std::nullopt;
}

bool TargetScope::contains(const Enterprise& enterprise) const {
  switch (kind_) {
    case Kind::kAll:
      return true;
    case Kind::kRegion:
      return region_.contains(enterprise.region);
    case Kind::kPark:
      return enterprise.park == id_;
    case Kind::kChain:
      return std::ranges::find(enterprise.chains, id_) != enterprise.chains.end();
  }
  return false;
}

}  // namespace zhizao::detail
