// AccountStore: the rows of the platform's `user` and `session` tables (migration 3). Plain
// persistence: hashing, token generation and the rules of who may log in live in src/accounts/.
// Times are ISO 8601 UTC text ("2024-05-31T08:15:00Z"), which sorts as the instants it names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace zhizao {

struct UserRow {
  std::string name;
  std::string password_hash;  // crypto_pwhash_str output (Argon2id, self-describing)
  std::string role;           // "admin", "city", "county:CODE", "enterprise:USCC"
  std::string created_at;
  bool disabled = false;
  int failed_logins = 0;     // consecutive failures since the last success
  std::string locked_until;  // empty when not locked
};

struct SessionRow {
  std::string token_hash;  // hex SHA-256 of the token; the token itself is never stored
  std::string user_name;
  std::string created_at;
  std::string expires_at;
  bool revoked = false;
};

// Reads and writes users and sessions through `db`'s connection. Borrows `db`, which must outlive
// it. Not thread-safe (one per thread, like Database).
class AccountStore {
 public:
  explicit AccountStore(Database& db) : db_(db) {}

  // Inserts a new user. Errors: kUsage when a user of that name exists; kIoError.
  Status insert_user(const UserRow& user);
  // Returns the user named `name`, or std::nullopt. Errors: kIoError.
  Result<std::optional<UserRow>> find_user(const std::string& name) const;
  // Returns every user, by name. Errors: kIoError.
  Result<std::vector<UserRow>> list_users() const;
  // Sets the disabled flag and, when disabling, revokes the user's sessions.
  // Errors: kNotFound for an unknown user; kIoError.
  Status set_disabled(const std::string& name, bool disabled);
  // Records a login attempt's outcome: a success clears the failure count and any lock; a
  // failure increments it and sets `locked_until` (empty: unchanged). Errors: kIoError.
  Status record_login_success(const std::string& name);
  Status record_login_failure(const std::string& name, const std::string& locked_until);

  // Inserts a session. Errors: kIoError (also for an unknown user).
  Status insert_session(const SessionRow& session);
  // Returns the session with this token hash, or std::nullopt. Errors: kIoError.
  Result<std::optional<SessionRow>> find_session(const std::string& token_hash) const;
  // Marks the session revoked (no error when it does not exist). Errors: kIoError.
  Status revoke_session(const std::string& token_hash);
  // Marks every session of `name` revoked and returns how many were live before. Errors:
  // kNotFound for an unknown user; kIoError.
  Result<int> revoke_user_sessions(const std::string& name);
  // Sets the session's expiry (the idle deadline, renewed on use). Errors: kIoError.
  Status set_session_expiry(const std::string& token_hash, const std::string& expires_at);
  // Replaces a user's password hash and/or role (std::nullopt: unchanged) and revokes its
  // sessions, in one transaction: credentials that changed end every open session.
  // Errors: kNotFound for an unknown user; kIoError.
  Status update_credentials(const std::string& name,
                            const std::optional<std::string>& password_hash,
                            const std::optional<std::string>& role);

 private:
  Database& db_;
};

}  // namespace zhizao
