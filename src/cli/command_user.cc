// zhizao user add|list|disable|enable|revoke|passwd|role: the platform's users (roles, passwords
// and sessions; docs/api.md, docs/security.md). Every change is written to the audit log.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "accounts/accounts.h"
#include "accounts/credential_rules.h"
#include "cli/cli_audit.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "store/database.h"

namespace zhizao {
namespace {

struct UserArgs {
  std::string db;
  std::string name;
  std::string role;
};

// Reads the password: one line from standard input, so that it is neither in argv (visible in
// `ps`) nor in the shell's history. Errors: kUsage when there is no line.
Result<std::string> read_password() {
  std::string password;
  if (!std::getline(std::cin, password)) {
    return fail(Status::usage("no password on standard input (one line)"));
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

int run_add(const UserArgs& args) {
  // The name is checked before the password is read, so that a bad name is said at once; the
  // password's rules are checked by add_user (credential_rules.h, the same as the API's).
  Status name_ok = check_user_name(args.name);
  if (!name_ok.is_ok()) return report_failure(name_ok);
  Result<Role> role = parse_role(args.role);
  if (!role) return report_failure(role.error());
  Result<std::string> password_read = read_password();
  if (!password_read) return report_failure(password_read.error());
  const std::string& password = *password_read;
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Status added = Accounts(**db).add_user(args.name, *role, password, Clock::now());
  if (!added.is_ok()) return report_failure(added);
  Status audited = audit_cli_change(**db, "user.add", args.name, {{"role", role->to_string()}});
  if (!audited.is_ok()) return report_failure(audited);
  fmt::print("added user {} ({})\n", args.name, role->to_string());
  return kExitDone;
}

int run_list(const UserArgs& args) {
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  auto users = Accounts(**db).list_users();
  if (!users) return report_failure(users.error());
  if (users->empty()) fmt::print("no users\n");
  for (const UserInfo& user : *users) {
    fmt::print("{}\t{}\t{}\t{}\n", user.name, user.role.to_string(), user.created_at,
               user.disabled ? "disabled" : "active");
  }
  return kExitDone;
}

int run_set_disabled(const UserArgs& args, bool disabled) {
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Status changed = Accounts(**db).set_disabled(args.name, disabled);
  if (!changed.is_ok()) return report_failure(changed);
  Status audited = audit_cli_change(**db, disabled ? "user.disable" : "user.enable", args.name,
                                    nlohmann::json::object());
  if (!audited.is_ok()) return report_failure(audited);
  fmt::print("{} user {}\n", disabled ? "disabled" : "enabled", args.name);
  return kExitDone;
}

int run_revoke(const UserArgs& args) {
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Result<int> revoked = Accounts(**db).revoke_sessions(args.name);
  if (!revoked) return report_failure(revoked.error());
  Status audited = audit_cli_change(**db, "user.revoke", args.name, {{"sessions", *revoked}});
  if (!audited.is_ok()) return report_failure(audited);
  fmt::print("ended {} session{} of user {}\n", *revoked, *revoked == 1 ? "" : "s", args.name);
  return kExitDone;
}

int run_passwd(const UserArgs& args) {
  Result<std::string> password = read_password();
  if (!password) return report_failure(password.error());
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Status changed = Accounts(**db).set_password(args.name, *password);
  if (!changed.is_ok()) return report_failure(changed);
  Status audited = audit_cli_change(**db, "user.password", args.name, nlohmann::json::object());
  if (!audited.is_ok()) return report_failure(audited);
  fmt::print("changed the password of user {}; its sessions are ended\n", args.name);
  return kExitDone;
}

int run_set_role(const UserArgs& args) {
  Result<Role> role = parse_role(args.role);
  if (!role) return report_failure(role.error());
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Status changed = Accounts(**db).set_role(args.name, *role);
  if (!changed.is_ok()) return report_failure(changed);
  Status audited = audit_cli_change(**db, "user.role", args.name, {{"role", role->to_string()}});
  if (!audited.is_ok()) return report_failure(audited);
  fmt::print("user {} is now {}; its sessions are ended\n", args.name, role->to_string());
  return kExitDone;
}

}  // namespace

void add_user_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* cmd = app.add_subcommand("user", "Manage the users of zhizao serve");
  cmd->require_subcommand(1);
  cmd->footer(
      "Roles: admin, city, county:CODE (a GB/T 2260 code or a region group id), "
      "enterprise:USCC.\nNames: up to 64 ASCII letters, digits, '.', '_', '-' or Chinese "
      "characters,\nnot beginning with '.' or '-', without '..'. Passwords: 8-1024 bytes, no "
      "control characters."
      "\nExample:\n  echo 'a long password' | zhizao user add --db city.db li --role city");

  CLI::App* add = cmd->add_subcommand("add", "Add a user; the password is read from stdin");
  add->add_option("--db", args->db, "Database file")->required();
  add->add_option("name", args->name, "User name")->required();
  add->add_option("--role", args->role, "admin, city, county:CODE or enterprise:USCC")->required();
  add->callback([args, exit_code] { *exit_code = run_add(*args); });

  CLI::App* list = cmd->add_subcommand("list", "List the users");
  list->add_option("--db", args->db, "Database file")->required();
  list->callback([args, exit_code] { *exit_code = run_list(*args); });

  CLI::App* disable = cmd->add_subcommand("disable", "Disable a user and end its sessions");
  disable->add_option("--db", args->db, "Database file")->required();
  disable->add_option("name", args->name, "User name")->required();
  disable->callback([args, exit_code] { *exit_code = run_set_disabled(*args, true); });

  CLI::App* enable = cmd->add_subcommand("enable", "Enable a disabled user");
  enable->add_option("--db", args->db, "Database file")->required();
  enable->add_option("name", args->name, "User name")->required();
  enable->callback([args, exit_code] { *exit_code = run_set_disabled(*args, false); });

  CLI::App* revoke = cmd->add_subcommand("revoke", "End every session of a user (log it out)");
  revoke->add_option("--db", args->db, "Database file")->required();
  revoke->add_option("name", args->name, "User name")->required();
  revoke->callback([args, exit_code] { *exit_code = run_revoke(*args); });

  CLI::App* passwd =
      cmd->add_subcommand("passwd", "Set a user's password (read from stdin) and end its sessions");
  passwd->add_option("--db", args->db, "Database file")->required();
  passwd->add_option("name", args->name, "User name")->required();
  passwd->callback([args, exit_code] { *exit_code = run_passwd(*args); });

  CLI::App* role = cmd->add_subcommand("role", "Give a user another role and end its sessions");
  role->add_option("--db", args->db, "Database file")->required();
  role->add_option("name", args->name, "User name")->required();
  role->add_option("--role", args->role, "admin, city, county:CODE or enterprise:USCC")->required();
  role->callback([args, exit_code] { *exit_code = run_set_role(*args); });
}

}  // namespace zhizao
