// Roles of the platform's users (issue 4): the administrator, the city bureau, a county bureau
// (a region of any level or a region group) and an enterprise (by its USCC).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

enum class RoleKind { kAdmin, kCity, kCounty, kEnterprise };

struct Role {
  RoleKind kind = RoleKind::kCity;
  std::string code;  // county: region code or group id; enterprise: USCC; else empty

  // Returns the role's text form: "admin", "city", "county:410302", "enterprise:9141...".
  std::string to_string() const;

  bool operator==(const Role&) const = default;
};

// Parses a role's text form. "county:CODE" takes a GB/T 2260 code of any level (domain/region.h)
// or something shaped like a region group id (lower-case letters, digits, '-' and '_', at least one
// letter; whether the group exists is the caller's to check); "enterprise:USCC" takes a valid GB
// 32100 code (normalised to upper case). Errors: kUsage naming the text and what is wrong.
// Thread-safe.
Result<Role> parse_role(std::string_view text);

}  // namespace zhizao
