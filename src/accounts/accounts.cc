#include "accounts/accounts.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "accounts/credential_rules.h"
#include "accounts/session_token.h"
#include "domain/region.h"
#include "store/account_store.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

// The idle deadline is written again only when it moves by at least this much.
constexpr std::chrono::seconds kRenewStep = std::chrono::minutes(1);

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

std::optional<Clock::time_point> parse_utc(std::string_view text) {
  // "YYYY-MM-DDTHH:MM:SSZ": 20 characters, digits where format_utc writes them.
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return std::nullopt;
  for (size_t i = 0; i < kShape.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return std::nullopt;
  }
  auto number = [&](size_t at, size_t length) {
    int value = 0;
    for (size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  std::tm parts{};
  parts.tm_year = number(0, 4) - 1900;
  parts.tm_mon = number(5, 2) - 1;
  parts.tm_mday = number(8, 2);
  parts.tm_hour = number(11, 2);
  parts.tm_min = number(14, 2);
  parts.tm_sec = number(17, 2);
  // Clock counts nanoseconds in 64 bits (until 2262): later years would overflow it, and
  // zhizao never writes a time before 1970 or after 2199.
  if (parts.tm_year < 70 || parts.tm_year > 299 || parts.tm_mon > 11 || parts.tm_mday < 1 ||
      parts.tm_mday > 31 || parts.tm_hour > 23 || parts.tm_min > 59 || parts.tm_sec > 60) {
    return std::nullopt;
  }
  return Clock::from_time_t(timegm(&parts));
}

Status Accounts::add_user(const std::string& name, const Role& role, const std::string& password,
                          Clock::time_point now) {
  ZHIZAO_RETURN_IF_ERROR(check_user_name(name));
  ZHIZAO_RETURN_IF_ERROR(check_password(password));
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

Status Accounts::set_password(const std::string& name, const std::string& password) {
  ZHIZAO_RETURN_IF_ERROR(check_password(password));
  Result<std::string> hash = hash_password(password, options_.password_cost);
  if (!hash) return hash.error();
  return AccountStore(db_).update_credentials(name, *hash, std::nullopt);
}

Status Accounts::set_role(const std::string& name, const Role& role) {
  ZHIZAO_RETURN_IF_ERROR(check_group_exists(db_, role));
  return AccountStore(db_).update_credentials(name, std::nullopt, role.to_string());
}

Result<int> Accounts::revoke_sessions(const std::string& name) {
  return AccountStore(db_).revoke_user_sessions(name);
}

Result<std::optional<LoginGrant>> Accounts::login(const std::string& name,
                                                  const std::string& password,
                                                  Clock::time_point now) {
  AccountStore store(db_);
  Result<std::optional<UserRow>> user = store.find_user(name);
  if (!user) return fail(user.error());
  if (!user->has_value() || password.size() > kMaxPasswordBytes) {
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
  session.expires_at = format_utc(now + std::min(options_.idle_timeout, options_.session_lifetime));
  ZHIZAO_RETURN_IF_ERROR_RESULT(store.insert_session(session));
  ZHIZAO_RETURN_IF_ERROR_RESULT(store.record_login_success(name));
  return std::optional<LoginGrant>(LoginGrant{token->token, Principal{row.name, *role},
                                              options_.session_lifetime, session.expires_at});
}

Result<std::optional<Principal>> Accounts::authenticate(const std::string& token,
                                                        Clock::time_point now,
                                                        GroupCommit* renewals) const {
  if (token.empty()) return std::optional<Principal>();
  AccountStore store(db_);
  Result<std::optional<SessionRow>> session = store.find_session(session_token_hash(token));
  if (!session) return fail(session.error());
  if (!session->has_value()) return std::optional<Principal>();
  const SessionRow& row = **session;
  std::optional<Clock::time_point> created = parse_utc(row.created_at);
  std::optional<Clock::time_point> idle_end = parse_utc(row.expires_at);
  if (row.revoked || !created || !idle_end) return std::optional<Principal>();
  Clock::time_point absolute_end = *created + options_.session_lifetime;
  if (now >= *idle_end || now >= absolute_end) return std::optional<Principal>();
  Result<std::optional<UserRow>> user = store.find_user(row.user_name);
  if (!user) return fail(user.error());
  if (!user->has_value() || (*user)->disabled) return std::optional<Principal>();
  Result<Role> role = parse_role((*user)->role);
  if (!role) return std::optional<Principal>();
  Clock::time_point renewed = std::min(now + options_.idle_timeout, absolute_end);
  if (renewed - *idle_end >= kRenewStep) {
    const std::string expires_at = format_utc(renewed);
    Status written = renewals == nullptr ? store.set_session_expiry(row.token_hash, expires_at)
                                         : renewals->run(db_, [&](Database& group_db) {
                                             return AccountStore(group_db).set_session_expiry(
                                                 row.token_hash, expires_at);
                                           });
    if (!written.is_ok()) return fail(written);
  }
  return std::optional<Principal>(Principal{row.user_name, *role});
}

Status Accounts::logout(const std::string& token) {
  if (token.empty()) return Status::ok();
  return AccountStore(db_).revoke_session(session_token_hash(token));
}

}  // namespace zhizao
