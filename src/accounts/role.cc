#include "accounts/role.h"

#include <algorithm>

#include "domain/region.h"
#include "domain/uscc.h"

namespace zhizao {
namespace {

constexpr std::string_view kCountyPrefix = "county:";
constexpr std::string_view kEnterprisePrefix = "enterprise:";

bool looks_like_group_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  // At least one letter, so that a mistyped region code is not taken for a group id.
  if (std::none_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

std::string Role::to_string() const {
  switch (kind) {
    case RoleKind::kAdmin:
      return "admin";
    case RoleKind::kCity:
      return "city";
    case RoleKind::kCounty:
      return std::string(kCountyPrefix) + code;
    case RoleKind::kEnterprise:
      return std::string(kEnterprisePrefix) + code;
  }
  return "city";
}

Result<Role> parse_role(std::string_view text) {
  if (text == "admin") return Role{RoleKind::kAdmin, ""};
  if (text == "city") return Role{RoleKind::kCity, ""};
  if (text.starts_with(kCountyPrefix)) {
    std::string_view code = text.substr(kCountyPrefix.size());
    if (find_region(code) != nullptr || looks_like_group_id(code)) {
      return Role{RoleKind::kCounty, std::string(code)};
    }
    return fail(Status::usage("role \"" + std::string(text) +
                              "\": not a GB/T 2260 region code or a region group id"));
  }
  if (text.starts_with(kEnterprisePrefix)) {
    Result<std::string> uscc =
        check_uscc(text.substr(kEnterprisePrefix.size()), default_uscc_exceptions());
    if (!uscc) {
      return fail(Status::usage("role \"" + std::string(text) + "\": " + uscc.error().message()));
    }
    return Role{RoleKind::kEnterprise, *uscc};
  }
  return fail(Status::usage("unknown role \"" + std::string(text) +
                            "\" (admin, city, county:CODE or enterprise:USCC)"));
}

}  // namespace zhizao
