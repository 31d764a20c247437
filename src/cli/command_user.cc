// zhizao user add|list|disable|enable: the platform's users (roles and passwords; docs/api.md).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "accounts/accounts.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace zhizao {
namespace {

struct UserArgs {
  std::string db;
  std::string name;
  std::string role;
};

// Writes the audit row of a user change made on the command line.
Status audit_cli(Database& db, const std::string& action, const std::string& target,
                 const nlohmann::json& detail) {
  AuditEntry entry;
  entry.remote = "cli";
  entry.action = action;
  entry.target = target;
  entry.detail = detail.dump();
  Result<long> appended = AuditLog(db).append(entry);
  return appended ? Status::ok() : appended.error();
}

int run_add(const UserArgs& args) {
  Result<Role> role = parse_role(args.role);
  if (!role) return report_failure(role.error());
  // One line from standard input, so that the password is neither in argv nor in the history.
  std::string password;
  if (!std::getline(std::cin, password)) {
    return report_failure(Status::usage("no password on standard input (one line)"));
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Status added = Accounts(**db).add_user(args.name, *role, password, Clock::now());
  if (!added.is_ok()) return report_failure(added);
  Status audited = audit_cli(**db, "user.add", args.name, {{"role", role->to_string()}});
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
  Status audited = audit_cli(**db, disabled ? "user.disable" : "user.enable", args.name,
                             nlohmann::json::object());
  if (!audited.is_ok()) return report_failure(audited);
  fmt::print("{} user {}\n", disabled ? "disabled" : "enabled", args.name);
  return kExitDone;
}

}  // namespace

void add_user_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* cmd = app.add_subcommand("user", "Manage the users of zhizao serve");
  cmd->require_subcommand(1);
  cmd->footer(
      "Roles: admin, city, county:CODE (a GB/T 2260 code or a region group id), "
      "enterprise:USCC.\nExample:\n  echo 'a long password' | zhizao user add --db city.db li "
      "--role city");

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
}

}  // namespace zhizao
