// EnterpriseProfile: the few facts of an enterprise that audit rules read (rules/rule_variables.h:
// its GB/T 4754-2017 division and whether it is a key enterprise), read from the `enterprise`
// table without loading the rest of the data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace zhizao {

struct EnterpriseProfile {
  std::string uscc;
  std::string division;  // 2-digit GB/T 4754-2017 division, "06".."46"
  bool key = false;      // 重点企业

  bool operator==(const EnterpriseProfile&) const = default;
};

// The profile of one stored enterprise, or nullopt when it is not registered. Errors: kIoError.
// Same thread rules as `db`.
Result<std::optional<EnterpriseProfile>> find_enterprise_profile(const Database& db,
                                                                 std::string_view uscc);

// Every stored enterprise's profile, sorted by uscc (bytewise). Errors: kIoError. Same thread
// rules as `db`.
Result<std::vector<EnterpriseProfile>> load_enterprise_profiles(const Database& db);

}  // namespace zhizao
