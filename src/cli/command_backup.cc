// zhizao backup / zhizao restore: consistent copies of the database, also while `zhizao serve`
// runs, and their way back (store/backup.h; docs/operations.md).
#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "store/backup.h"

namespace zhizao {
namespace {

struct BackupArgs {
  std::string db;
  std::string file;
  bool force = false;
  bool quiet = false;
};

struct RestoreArgs {
  std::string db;
  std::string file;
  bool force = false;
  bool discard_replaced = false;
  bool quiet = false;
};

int run_backup(const BackupArgs& args) {
  BackupOptions options;
  options.existing = args.force ? ExistingFile::kReplace : ExistingFile::kRefuse;
  Result<BackupSummary> backup = backup_database(args.db, args.file, options);
  if (!backup) return report_failure(backup.error());
  if (!args.quiet) {
    fmt::print(
        "backup of {} written to {}: {} pages, {:.1f} MiB, schema version {}, integrity ok\n",
        args.db, args.file, backup->pages, static_cast<double>(backup->bytes) / (1024.0 * 1024.0),
        backup->schema_version);
  }
  return kExitDone;
}

int run_restore(const RestoreArgs& args) {
  RestoreOptions options;
  options.existing = args.force ? ExistingFile::kReplace : ExistingFile::kRefuse;
  options.replaced = args.discard_replaced ? ReplacedDatabase::kDiscard : ReplacedDatabase::kKeep;
  Result<RestoreSummary> restored = restore_database(args.file, args.db, options);
  if (!restored) return report_failure(restored.error());
  if (!args.quiet) {
    fmt::print("restored {} from {} (schema version {}", args.db, args.file,
               restored->backup_schema_version);
    if (restored->backup_schema_version != restored->schema_version) {
      fmt::print(", migrated to {}", restored->schema_version);
    }
    fmt::print(")\n");
    if (!restored->kept_as.empty())
      fmt::print("the replaced database is kept as {}\n", restored->kept_as);
  }
  return kExitDone;
}

}  // namespace

void add_backup_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<BackupArgs>();
  CLI::App* cmd = app.add_subcommand(
      "backup", "Copy the database to a file, consistently, also while zhizao serve runs");
  cmd->add_option("--db", args->db, "Database file")->required();
  cmd->add_option("file", args->file, "Backup file to write")->required();
  cmd->add_flag("--force", args->force, "Replace FILE if it exists");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->footer(
      "Example:\n  zhizao backup --db city.db backups/city-$(date +%F).db\n"
      "SQLite's online backup: writers are not stopped, the copy is one consistent state. The\n"
      "file appears only once complete and verified (integrity check, schema version); the\n"
      "copy is one self-contained file. See docs/operations.md.");
  cmd->callback([args, exit_code] { *exit_code = run_backup(*args); });
}

void add_restore_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RestoreArgs>();
  CLI::App* cmd =
      app.add_subcommand("restore", "Replace the database with a backup made by zhizao backup");
  cmd->add_option("--db", args->db, "Database file to create or replace")->required();
  cmd->add_option("file", args->file, "Backup file to restore from")->required();
  cmd->add_flag("--force", args->force, "Replace the database if it exists");
  cmd->add_flag("--discard-replaced", args->discard_replaced,
                "Do not keep the replaced database as DB.before-restore-TIMESTAMP");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->footer(
      "Example:\n  zhizao restore --db city.db backups/city-2021-05-01.db --force\n"
      "Stop zhizao serve first. The backup must pass SQLite's integrity check and have a schema\n"
      "no newer than this program's (older ones are migrated). The replaced database is kept as\n"
      "DB.before-restore-YYYYMMDDTHHMMSSZ. See docs/operations.md.");
  cmd->callback([args, exit_code] { *exit_code = run_restore(*args); });
}

}  // namespace zhizao
