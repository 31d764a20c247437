#include "accounts/accounts.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "accounts/session_token.h"
#include "domain/region.h"
#include "store/account_store.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

constexpr size_t kMaxNameLength = 64;
constexpr size_t kMinPasswordLength = 8;
constexpr size_t kMaxPasswordLength = 1024;

Status check_user_name(const std::string& name) {
  if (name.empty() || name.size() > kMaxNameLength) {
    return Status::usage("a user name has 1 to 64 characters");
  }
  bool bad = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == ':';
  });
  if (bad || name.front() == ' ' || name.back() == ' ') {
    return Status::usage("user name \"" + name + "\": no control characters, ':' or outer spaces");
  }
  return Status::ok();
}

// A hash to verify against when the user does not exist, so that an unknown name costs the same
// time as a wrong password (no user enumeration by timing).
const std::string& decoy_hash(PasswordCost cost) {
  if (cost == PasswordCost::kMinimal) {
    static const std::string minimal =
        hash_password("decoy password", PasswordCost::kMinimal).value_or("");
    return minimal;
  }
  static const std::string interactive =
      hash_password("decoy password", PasswordCost::kInteractive).value_or("");
  return interactive;
}

Status check_group_exists(Database& db, const Role& role) {
  if (role.kind != RoleKind::kCounty || find_region(role.code) != nullptr) return Status::ok();
  Result<Dataset> dataset = db.load();
  if (!dataset) return dataset.error();
  for (const RegionGroup& group : dataset->region_groups) {
    if (group.id == role.code) return Status::ok();
  }
  return Status::usage("role \"" + role.to_string() + "\": no region group \"" + role.code + "\"");
}

}  // namespace

std::string format_utc(Clock::time_point time) {
  std::time_t seconds = Clock::to_time_t(time);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(seconds));
}

Status Accounts::add_user(const std::string& name, const Role& role, const std::string& password,
                          Clock::time_point now) {
  ZHIZAO_RETURN_IF_ERROR(check_user_name(name));
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return Status::usage("a password has at least 8 bytes (and at most 1024)");
  }
  ZHIZAO_RETURN_IF_ERROR(check_group_exists(db_, role));
  Result<std::string> hash = hash_password(password, options_.password_cost);
  if (!hash) return hash.error();
  UserRow row;
  row.name = name;
  row.password_hash = *hash;
  row.role = role.to_string();
  row.created_at = format_utc(now);
  return AccountStore(db_).insert_user(row);
}

Result<std::vector<UserInfo>> Accounts::list_users() const {
  Result<std::vector<UserRow>> rows = AccountStore(db_).list_users();
  if (!rows) return fail(rows.error());
  std::vector<UserInfo> users;
  for (const UserRow& row : *rows) {
    Result<Role> role = parse_role(row.role);
    if (!role)
      return fail(Status::corruption("user \"" + row.name + "\": stored role \"" + row.role +
                                     "\" is not a role"));
    users.push_back(UserInfo{row.name, *role, row.created_at, row.disabled});
  }
  return users;
}

Status Accounts::set_disabled(const std::string& name, bool disabled) {
  return AccountStore(db_).set_disabled(name, disabled);
}

Result<std::optional<LoginGrant>> Accounts::login(const std::string& name,
                                                  const std::string& password,
                                                  Clock::time_point now) {
  AccountStore store(db_);
  Result<std::optional<UserRow>> user = store.find_user(name);
  if (!user) return fail(user.error());
  if (!user->has_value() || password.size() > kMaxPasswordLength) {
    verify_password(decoy_hash(options_.password_cost), password);
    return std::optional<LoginGrant>();
  }
  const UserRow& row = **user;
  std::string now_text = format_utc(now);
  bool locked = !row.locked_until.empty() && now_text < row.locked_until;
  bool matches = verify_password(row.password_hash, password);
  Result<Role> role = parse_role(row.role);
  if (!matches || locked || row.disabled || !role) {
    std::string lock;
    if (!matches && row.failed_logins + 1 >= options_.max_failed_logins) {
      lock = format_utc(now + options_.lock_duration);
    }
    if (!matches) ZHIZAO_RETURN_IF_ERROR_RESULT(store.record_login_failure(name, lock));
    return std::optional<LoginGrant>();
  }
  Result<SessionToken> token = new_session_token();
  if (!token) return fail(token.error());
  SessionRow session;
  session.token_hash = token->token_hash;
  session.user_name = row.name;
  session.created_at = now_text;
  session.expires_at = format_utc(now + options_.session_lifetime);
  ZHIZAO_RETURN_IF_ERROR_RESULT(store.insert_session(session));
  ZHIZAO_RETURN_IF_ERROR_RESULT(store.record_login_success(name));
  return std::optional<LoginGrant>(LoginGrant{token->token, Principal{row.name, *role},
                                              options_.session_lifetime, session.expires_at});
}

Result<std::optional<Principal>> Accounts::authenticate(const std::string& token,
                                                        Clock::time_point now) const {
  if (token.empty()) return std::optional<Principal>();
  AccountStore store(db_);
  Result<std::optional<SessionRow>> session = store.find_session(session_token_hash(token));
  if (!session) return fail(session.error());
  if (!session->has_value()) return std::optional<Principal>();
  const SessionRow& row = **session;
  if (row.revoked || format_utc(now) >= row.expires_at) return std::optional<Principal>();
  Result<std::optional<UserRow>> user = store.find_user(row.user_name);
  if (!user) return fail(user.error());
  if (!user->has_value() || (*user)->disabled) return std::optional<Principal>();
  Result<Role> role = parse_role((*user)->role);
  if (!role) return std::optional<Principal>();
  return std::optional<Principal>(Principal{row.user_name, *role});
}

Status Accounts::logout(const std::string& token) {
  if (token.empty()) return Status::ok();
  return AccountStore(db_).revoke_session(session_token_hash(token));
}

}  // namespace zhizao
