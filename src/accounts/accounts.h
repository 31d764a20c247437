// Accounts: users, logins and sessions over the database (store/account_store.h), with Argon2id
// passwords (accounts/password.h) and hashed session tokens (accounts/session_token.h).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/authorization.h"
#include "accounts/password.h"
#include "accounts/role.h"
#include "base/result.h"
#include "store/database.h"
#include "store/group_commit.h"

namespace zhizao {

using Clock = std::chrono::system_clock;

struct AccountOptions {
  PasswordCost password_cost = PasswordCost::kInteractive;
  // A session ends `session_lifetime` after the login (absolute expiry) or `idle_timeout` after
  // its last use (idle expiry), whichever comes first (OWASP Session Management Cheat Sheet).
  std::chrono::seconds session_lifetime = std::chrono::hours(8);
  std::chrono::seconds idle_timeout = std::chrono::minutes(30);
  // After this many consecutive failures a user is locked for `lock_duration` (OWASP's advice
  // against online guessing); a locked user's login fails like a wrong password.
  int max_failed_logins = 10;
  std::chrono::seconds lock_duration = std::chrono::minutes(15);
};

struct UserInfo {
  std::string name;
  Role role;
  std::string created_at;
  bool disabled = false;
};

// A successful login: the session token (the cookie's value) and who it belongs to.
struct LoginGrant {
  std::string token;
  Principal actor;
  std::chrono::seconds lifetime{0};  // the absolute lifetime (the cookie's Max-Age)
  std::string expires_at;            // ISO 8601 UTC: the idle deadline, renewed on use
};

// Returns `time` as ISO 8601 UTC text, e.g. "2024-05-31T08:15:00Z". Thread-safe.
std::string format_utc(Clock::time_point time);
// Parses the text of format_utc back (to the second); std::nullopt for anything else, including
// years outside 1970–2199 (the range the nanosecond Clock holds with room to add lifetimes).
// Thread-safe.
std::optional<Clock::time_point> parse_utc(std::string_view text);

// Borrows `db` (which must outlive it). Not thread-safe: one per thread, like Database.
class Accounts {
 public:
  explicit Accounts(Database& db, AccountOptions options = {}) : db_(db), options_(options) {}

  // Adds a user. The name and the password must pass check_user_name and check_password
  // (accounts/credential_rules.h: letters, digits, '._-' and CJK ideographs; passwords of
  // 8–1024 bytes of UTF-8 without control characters). A county role naming a group must name a
  // group of the database. Errors: kUsage (bad name, password or role; the user exists);
  // kIoError.
  Status add_user(const std::string& name, const Role& role, const std::string& password,
                  Clock::time_point now);
  // Returns every user, by name. Errors: kIoError, kCorruption (an unparsable stored role).
  Result<std::vector<UserInfo>> list_users() const;
  // Disables (or enables) a user; disabling revokes its sessions. Takes any stored name, also
  // one from before check_user_name. Errors: kNotFound; kIoError.
  Status set_disabled(const std::string& name, bool disabled);
  // Sets a new password (check_password) and revokes the user's sessions. Errors: kUsage (bad
  // password), kNotFound (no such user), kIoError, kInternal.
  Status set_password(const std::string& name, const std::string& password);
  // Gives the user another role and revokes its sessions. Errors: kUsage (a group that does not
  // exist), kNotFound, kIoError.
  Status set_role(const std::string& name, const Role& role);
  // Revokes every session of the user ("log out everywhere"); returns how many were live.
  // Errors: kNotFound, kIoError.
  Result<int> revoke_sessions(const std::string& name);

  // Checks the credentials and opens a session. Returns std::nullopt for any refusal (unknown
  // user, wrong password, disabled, locked), in about the same time, so that a caller cannot
  // tell which. Errors: kIoError, kInternal.
  Result<std::optional<LoginGrant>> login(const std::string& name, const std::string& password,
                                          Clock::time_point now);
  // Returns the actor of a valid session (known, not revoked, within both its absolute and its
  // idle deadline, user enabled), or std::nullopt. Renews the idle deadline (a write at most
  // once a minute per session, so that reads do not all contend for SQLite's write lock). With
  // `renewals` the renewal is one of its grouped writes (store/group_commit.h): a server's
  // requests then take turns with its other writes instead of meeting them in SQLite's busy
  // handler, whose sleeps of up to 100 ms stalled requests for seconds at 2,000,000 enterprises
  // (docs/performance.md, "Session renewals take turns"). Errors: kIoError.
  Result<std::optional<Principal>> authenticate(const std::string& token, Clock::time_point now,
                                                GroupCommit* renewals = nullptr) const;
  // Revokes the session of `token` (no error when there is none). Errors: kIoError.
  Status logout(const std::string& token);

 private:
  Database& db_;
  AccountOptions options_;
};

}  // namespace zhizao
