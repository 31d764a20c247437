#include "cli/cli_audit.h"

#include "store/audit_log.h"

namespace zhizao {

Status audit_cli_change(Database& db, const std::string& action, const std::string& target,
                        const nlohmann::json& detail) {
  AuditEntry entry;
  entry.remote = "cli";
  entry.action = action;
  entry.target = target;
  entry.detail = detail.dump();
  Result<long> appended = AuditLog(db).append(entry);
  return appended ? Status::ok() : appended.error();
}

}  // namespace zhizao
