// AuditLog: the append-only `audit_log` table (migration 3): who did what, when, to what and from
// where. Every write of the platform (login, logout, submission, review, user change) adds a row.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace zhizao {

struct AuditEntry {
  long id = 0;            // assigned on append
  std::string at;         // ISO 8601 UTC; set to the current time on append when empty
  std::string user_name;  // '' for the command line or an unknown user
  std::string remote;     // client address; "cli" for the command line
  std::string action;     // e.g. "login", "login.failed", "submission.create", "user.add"
  std::string target;     // e.g. "USCC|2021-04", a submission id, a user name
  std::string detail;     // JSON object text; never a secret (password, token)
};

struct AuditFilter {
  std::optional<std::string> user_name;
  std::optional<std::string> action;
  long after_id = 0;  // only entries with a larger id
  long limit = 1000;  // at most this many, oldest first
};

// Borrows `db`, which must outlive it. Not thread-safe (one per thread, like Database).
class AuditLog {
 public:
  explicit AuditLog(Database& db) : db_(db) {}

  // Appends `entry` and returns its id. An empty `detail` is stored as "{}". Errors: kIoError.
  Result<long> append(const AuditEntry& entry);
  // Returns the entries matching `filter`, oldest first. Errors: kIoError.
  Result<std::vector<AuditEntry>> list(const AuditFilter& filter) const;

 private:
  Database& db_;
};

// Returns the current time as ISO 8601 UTC text, e.g. "2024-05-31T08:15:00Z".
std::string utc_timestamp_now();

}  // namespace zhizao
