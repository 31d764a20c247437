#include "accounts/authorization.h"

#include <algorithm>

#include "domain/region.h"

namespace zhizao {
namespace {

const RegionGroup* find_group(std::string_view id, std::span<const RegionGroup> groups) {
  for (const RegionGroup& group : groups) {
    if (group.id == id) return &group;
  }
  return nullptr;
}

// True if GB/T 2260 region `inner` lies within region `outer` (both known codes).
bool region_within_region(const Region& inner, const Region& outer) {
  if (inner.code == outer.code) return true;
  switch (outer.level) {
    case RegionLevel::kProvince:
      return province_code_of(inner.code) == outer.code;
    case RegionLevel::kCity:
      return inner.level == RegionLevel::kCounty && city_code_of(inner.code) == outer.code;
    case RegionLevel::kCounty:
      return false;
  }
  return false;
}

bool region_within_area(const Region& inner, std::string_view outer,
                        std::span<const RegionGroup> groups) {
  if (const Region* outer_region = find_region(outer)) {
    return region_within_region(inner, *outer_region);
  }
  const RegionGroup* group = find_group(outer, groups);
  if (group == nullptr) return false;
  return std::any_of(group->members.begin(), group->members.end(), [&](const std::string& m) {
    const Region* member = find_region(m);
    return member != nullptr && region_within_region(inner, *member);
  });
}

}  // namespace

bool area_within(std::string_view inner, std::string_view outer,
                 std::span<const RegionGroup> groups) {
  if (outer.empty()) return true;
  if (inner.empty()) return false;  // everything lies within nothing smaller
  if (const Region* inner_region = find_region(inner)) {
    return region_within_area(*inner_region, outer, groups);
  }
  const RegionGroup* group = find_group(inner, groups);
  if (group == nullptr) return false;
  if (inner == outer) return true;
  if (group->members.empty()) return false;
  return std::all_of(group->members.begin(), group->members.end(), [&](const std::string& m) {
    const Region* member = find_region(m);
    return member != nullptr && region_within_area(*member, outer, groups);
  });
}

bool may_read_everything(const Principal& actor) {
  return actor.role.kind == RoleKind::kAdmin || actor.role.kind == RoleKind::kCity;
}

std::optional<std::string> report_scope_for(const Principal& actor, std::string_view requested,
                                            std::span<const RegionGroup> groups) {
  switch (actor.role.kind) {
    case RoleKind::kAdmin:
    case RoleKind::kCity:
      return std::string(requested);
    case RoleKind::kCounty:
      if (requested.empty()) return actor.role.code;
      if (area_within(requested, actor.role.code, groups)) return std::string(requested);
      return std::nullopt;
    case RoleKind::kEnterprise:
      return std::nullopt;
  }
  return std::nullopt;
}

bool may_read_enterprise(const Principal& actor, const Enterprise& enterprise,
                         std::span<const RegionGroup> groups) {
  switch (actor.role.kind) {
    case RoleKind::kAdmin:
    case RoleKind::kCity:
      return true;
    case RoleKind::kCounty:
      return area_within(enterprise.region, actor.role.code, groups);
    case RoleKind::kEnterprise:
      return enterprise.uscc == actor.role.code;
  }
  return false;
}

bool may_submit_for(const Principal& actor, std::string_view uscc) {
  return actor.role.kind == RoleKind::kEnterprise && actor.role.code == uscc;
}

bool may_review(const Principal& actor, ReviewLevel level, std::string_view region,
                std::span<const RegionGroup> groups) {
  if (actor.role.kind == RoleKind::kAdmin) return true;
  if (level == ReviewLevel::kCity) return actor.role.kind == RoleKind::kCity;
  return actor.role.kind == RoleKind::kCounty && area_within(region, actor.role.code, groups);
}

bool may_administer(const Principal& actor) { return actor.role.kind == RoleKind::kAdmin; }

}  // namespace zhizao
