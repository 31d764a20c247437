// The audit row of a change made on the command line (docs/security.md "Audit log"): the
// remote is "cli", so the log tells such changes from the API's.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/status.h"
#include "store/database.h"

namespace zhizao {

// Appends the audit row of `action` on `target` with `detail`. Errors: the database's.
Status audit_cli_change(Database& db, const std::string& action, const std::string& target,
                        const nlohmann::json& detail);

}  // namespace zhizao
