// zhizao settings --db DB [KEY [VALUE]]: the installation's settings (store/settings_store.h).
// Today one key, `area` (issue 16): the region the reports and the dashboard are about, a GB/T
// 2260 code (000000 the country) or `auto` for the default, the smallest region holding every
// enterprise. Every change is written to the audit log.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "area/installation_area.h"
#include "cli/cli_audit.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "columnar/report_input.h"
#include "store/database.h"
#include "store/settings_store.h"

namespace zhizao {
namespace {

// The value that puts the area back to its default.
constexpr std::string_view kAutomatic = "auto";

struct SettingsArgs {
  std::string db;
  std::string key;
  std::optional<std::string> value;
};

// The line of one setting: "area\t410200\t开封市", or "area\tauto" when unset.
std::string area_line(const std::optional<std::string>& code) {
  if (!code) return fmt::format("{}\t{}", kAreaSetting, kAutomatic);
  Result<InstallationArea> area = area_of_code(*code);
  return fmt::format("{}\t{}\t{}", kAreaSetting, *code, area ? area->name : "(unknown code)");
}

nlohmann::json value_or_null(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

int show(Database& db) {
  Result<std::optional<std::string>> area = SettingsStore(db).get(kAreaSetting);
  if (!area) return report_failure(area.error());
  fmt::print("{}\n", area_line(*area));
  return kExitDone;
}

int change_area(Database& db, const SettingsArgs& args, const std::string& value) {
  SettingsStore settings(db);
  Result<std::optional<std::string>> previous = settings.get(kAreaSetting);
  if (!previous) return report_failure(previous.error());
  nlohmann::json detail = {{"previous", value_or_null(*previous)}};
  if (value == kAutomatic) {
    Result<bool> cleared = settings.clear(kAreaSetting);
    if (!cleared) return report_failure(cleared.error());
    if (!*cleared) {
      fmt::print("area: automatic already\n");
      return kExitDone;
    }
    detail["value"] = nullptr;
    Status audited = audit_cli_change(db, "setting.clear", std::string(kAreaSetting), detail);
    if (!audited.is_ok()) return report_failure(audited);
    fmt::print("area: automatic (the smallest region holding every enterprise)\n");
  } else {
    Result<InstallationArea> area = area_of_code(value);
    if (!area) return report_failure(area.error());
    Status stored = settings.set(kAreaSetting, value);
    if (!stored.is_ok()) return report_failure(stored);
    detail["value"] = value;
    Status audited = audit_cli_change(db, "setting.set", std::string(kAreaSetting), detail);
    if (!audited.is_ok()) return report_failure(audited);
    fmt::print("area: {} {}\n", value, area->name);
  }
  // The reports read the area from the snapshot's tables: make it current now, as an import does.
  Status refreshed = refresh_snapshot(db, args.db);
  if (!refreshed.is_ok()) return report_failure(refreshed);
  return kExitDone;
}

int run_settings(const SettingsArgs& args) {
  if (!args.key.empty() && args.key != kAreaSetting) {
    return report_failure(
        Status::usage(fmt::format("unknown setting: {} (known: {})", args.key, kAreaSetting)));
  }
  auto db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  if (!args.value) return show(**db);
  return change_area(**db, args, *args.value);
}

}  // namespace

void add_settings_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SettingsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "settings",
      "Show or change the installation's settings: `area CODE` (GB/T 2260, 000000 the "
      "country) or `area auto` (the smallest region holding every enterprise)");
  cmd->add_option("--db", args->db, "Database file")->required();
  cmd->add_option("key", args->key, "Setting: area (all settings when omitted)");
  cmd->add_option("value", args->value, "New value; `auto` puts the default back");
  cmd->callback([args, exit_code] { *exit_code = run_settings(*args); });
}

}  // namespace zhizao
