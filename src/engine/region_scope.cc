#include "engine/region_scope.h"

#include <fmt/format.h>

#include "domain/region.h"
#include "domain/region_group.h"

namespace zhizao::detail {

Result<RegionScope> RegionScope::resolve(const Dataset& dataset, std::string_view code) {
  RegionScope scope;
  scope.code_ = std::string(code);
  if (code.empty() || find_region(code) != nullptr) return scope;
  for (const RegionGroup& group : dataset.region_groups) {
    if (group.id == code) {
      scope.group_ = &group;
      return scope;
    }
  }
  return fail(Status::usage(
      fmt::format("unknown scope \"{}\": neither a region code nor a region group", code)));
}

bool RegionScope::contains(std::string_view county) const {
  if (code_.empty()) return true;
  if (group_ != nullptr) return group_contains(*group_, county);
  return region_contains(code_, county);
}

}  // namespace zhizao::detail
