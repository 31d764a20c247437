#include "store/account_store.h"

#include <sqlite3.h>

#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::StepResult;

constexpr const char* kUserColumns =
    "SELECT name, password_hash, role, created_at, disabled, failed_logins, "
    "coalesce(locked_until, '') FROM user";

UserRow read_user(const SqliteStatement& statement) {
  UserRow user;
  user.name = statement.column_text(0);
  user.password_hash = statement.column_text(1);
  user.role = statement.column_text(2);
  user.created_at = statement.column_text(3);
  user.disabled = statement.column_int(4) != 0;
  user.failed_logins = statement.column_int(5);
  user.locked_until = statement.column_text(6);
  return user;
}

// Runs `sql` with text parameters ?1, ?2, ... and returns the number of rows it changed.
Result<int> run_with_text(sqlite3* db, const char* sql, std::initializer_list<std::string> args) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
  if (!statement) return fail(statement.error());
  int index = 1;
  for (const std::string& arg : args) statement->bind(index++, std::string_view(arg));
  ZHIZAO_RETURN_IF_ERROR_RESULT(statement->run());
  return sqlite3_changes(db);
}

}  // namespace

Status AccountStore::insert_user(const UserRow& user) {
  sqlite3* db = db_.native_handle();
  Result<std::optional<UserRow>> existing = find_user(user.name);
  if (!existing) return existing.error();
  if (existing->has_value()) return Status::usage("user \"" + user.name + "\" exists");
  Result<SqliteStatement> insert = SqliteStatement::prepare(
      db,
      "INSERT INTO user (name, password_hash, role, created_at, disabled, failed_logins) "
      "VALUES (?1, ?2, ?3, ?4, ?5, 0)");
  if (!insert) return insert.error();
  insert->bind(1, std::string_view(user.name));
  insert->bind(2, std::string_view(user.password_hash));
  insert->bind(3, std::string_view(user.role));
  insert->bind(4, std::string_view(user.created_at));
  insert->bind(5, user.disabled ? 1 : 0);
  return insert->run();
}

Result<std::optional<UserRow>> AccountStore::find_user(const std::string& name) const {
  Result<SqliteStatement> select =
      SqliteStatement::prepare(db_.native_handle(), std::string(kUserColumns) + " WHERE name = ?1");
  if (!select) return fail(select.error());
  select->bind(1, std::string_view(name));
  Result<StepResult> stepped = select->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped == StepResult::kDone) return std::optional<UserRow>();
  return std::optional<UserRow>(read_user(*select));
}

Result<std::vector<UserRow>> AccountStore::list_users() const {
  Result<SqliteStatement> select =
      SqliteStatement::prepare(db_.native_handle(), std::string(kUserColumns) + " ORDER BY name");
  if (!select) return fail(select.error());
  std::vector<UserRow> users;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) break;
    users.push_back(read_user(*select));
  }
  return users;
}

Status AccountStore::set_disabled(const std::string& name, bool disabled) {
  sqlite3* db = db_.native_handle();
  detail::SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR(transaction.begin(detail::TransactionKind::kImmediate));
  Result<int> changed = run_with_text(db, "UPDATE user SET disabled = ?2 WHERE name = ?1",
                                      {name, disabled ? "1" : "0"});
  if (!changed) return changed.error();
  if (*changed == 0) return Status::not_found("no user \"" + name + "\"");
  if (disabled) {
    Result<int> revoked =
        run_with_text(db, "UPDATE session SET revoked = 1 WHERE user_name = ?1", {name});
    if (!revoked) return revoked.error();
  }
  return transaction.commit();
}

Status AccountStore::record_login_success(const std::string& name) {
  Result<int> changed = run_with_text(
      db_.native_handle(), "UPDATE user SET failed_logins = 0, locked_until = NULL WHERE name = ?1",
      {name});
  return changed ? Status::ok() : changed.error();
}

Status AccountStore::record_login_failure(const std::string& name,
                                          const std::string& locked_until) {
  Result<int> changed = run_with_text(
      db_.native_handle(),
      "UPDATE user SET failed_logins = failed_logins + 1, "
      "locked_until = CASE WHEN ?2 = '' THEN locked_until ELSE ?2 END WHERE name = ?1",
      {name, locked_until});
  return changed ? Status::ok() : changed.error();
}

Status AccountStore::insert_session(const SessionRow& session) {
  Result<SqliteStatement> insert = SqliteStatement::prepare(
      db_.native_handle(),
      "INSERT INTO session (token_hash, user_name, created_at, expires_at, revoked) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert) return insert.error();
  insert->bind(1, std::string_view(session.token_hash));
  insert->bind(2, std::string_view(session.user_name));
  insert->bind(3, std::string_view(session.created_at));
  insert->bind(4, std::string_view(session.expires_at));
  insert->bind(5, session.revoked ? 1 : 0);
  return insert->run();
}

Result<std::optional<SessionRow>> AccountStore::find_session(const std::string& token_hash) const {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db_.native_handle(),
      "SELECT token_hash, user_name, created_at, expires_at, revoked FROM session "
      "WHERE token_hash = ?1");
  if (!select) return fail(select.error());
  select->bind(1, std::string_view(token_hash));
  Result<StepResult> stepped = select->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped == StepResult::kDone) return std::optional<SessionRow>();
  SessionRow session;
  session.token_hash = select->column_text(0);
  session.user_name = select->column_text(1);
  session.created_at = select->column_text(2);
  session.expires_at = select->column_text(3);
  session.revoked = select->column_int(4) != 0;
  return std::optional<SessionRow>(std::move(session));
}

Status AccountStore::revoke_session(const std::string& token_hash) {
  Result<int> changed = run_with_text(
      db_.native_handle(), "UPDATE session SET revoked = 1 WHERE token_hash = ?1", {token_hash});
  return changed ? Status::ok() : changed.error();
}

Result<int> AccountStore::revoke_user_sessions(const std::string& name) {
  sqlite3* db = db_.native_handle();
  detail::SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kImmediate));
  Result<std::optional<UserRow>> user = find_user(name);
  if (!user) return fail(user.error());
  if (!user->has_value()) return fail(Status::not_found("no user \"" + name + "\""));
  Result<int> revoked = run_with_text(
      db, "UPDATE session SET revoked = 1 WHERE user_name = ?1 AND revoked = 0", {name});
  if (!revoked) return fail(revoked.error());
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return *revoked;
}

Status AccountStore::set_session_expiry(const std::string& token_hash,
                                        const std::string& expires_at) {
  Result<int> changed =
      run_with_text(db_.native_handle(), "UPDATE session SET expires_at = ?2 WHERE token_hash = ?1",
                    {token_hash, expires_at});
  return changed ? Status::ok() : changed.error();
}

Status AccountStore::update_credentials(const std::string& name,
                                        const std::optional<std::string>& password_hash,
                                        const std::optional<std::string>& role) {
  sqlite3* db = db_.native_handle();
  detail::SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR(transaction.begin(detail::TransactionKind::kImmediate));
  Result<std::optional<UserRow>> user = find_user(name);
  if (!user) return user.error();
  if (!user->has_value()) return Status::not_found("no user \"" + name + "\"");
  if (password_hash) {
    Result<int> changed = run_with_text(db, "UPDATE user SET password_hash = ?2 WHERE name = ?1",
                                        {name, *password_hash});
    if (!changed) return changed.error();
  }
  if (role) {
    Result<int> changed =
        run_with_text(db, "UPDATE user SET role = ?2 WHERE name = ?1", {name, *role});
    if (!changed) return changed.error();
  }
  Result<int> revoked =
      run_with_text(db, "UPDATE session SET revoked = 1 WHERE user_name = ?1", {name});
  if (!revoked) return revoked.error();
  return transaction.commit();
}

}  // namespace zhizao
