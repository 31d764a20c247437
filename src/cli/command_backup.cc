// zhizao backup / zhizao restore: consistent copies of the database, also while `zhizao serve`
// runs, and their way back (store/backup.h; docs/operations.md), with the proof files beside the
// database (safety/proof_backup.h).
#include <fmt/format.h>

#include <fmt/ranges.h>

#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "safety/proof_backup.h"
#include "store/backup.h"

namespace zhizao {
namespace {

struct BackupArgs {
  std::string db;
  std::string file;
  std::string proof_dir;  // empty: DB.files
  bool force = false;
  bool quiet = false;
};

struct RestoreArgs {
  std::string db;
  std::string file;
  std::string proof_dir;  // empty: DB.files
  bool force = false;
  bool discard_replaced = false;
  bool quiet = false;
};

std::string proof_folder_of(const std::string& db, const std::string& proof_dir) {
  return proof_dir.empty() ? ProofFolder::default_path(db) : proof_dir;
}

// The proofs a backup or restore did not carry, on stderr: they are the source's loss, not a
// reason to refuse the rest.
void warn_uncopied(const ProofCopySummary& proofs, const std::string& folder) {
  if (!proofs.missing.empty()) {
    fmt::print(stderr, "warning: {} proof file(s) registered but not in {}: {}\n",
               proofs.missing.size(), folder, fmt::join(proofs.missing, ", "));
  }
  if (!proofs.damaged.empty()) {
    fmt::print(stderr, "warning: {} proof file(s) in {} are damaged and were not copied: {}\n",
               proofs.damaged.size(), folder, fmt::join(proofs.damaged, ", "));
  }
}

int run_backup(const BackupArgs& args) {
  BackupOptions options;
  options.existing = args.force ? ExistingFile::kReplace : ExistingFile::kRefuse;
  const ProofFolder source(proof_folder_of(args.db, args.proof_dir));
  const ProofFolder copy(backup_proof_folder(args.file));
  ProofCopySummary proofs;
  options.before_publish = [&](const std::vector<std::string>& names) -> Status {
    Result<ProofCopySummary> copied = copy_proof_files(source, copy, names, DamagedProof::kReport);
    if (!copied) return copied.error();
    proofs = *std::move(copied);
    return Status::ok();
  };
  Result<BackupSummary> backup = backup_database(args.db, args.file, options);
  if (!backup) return report_failure(backup.error());
  warn_uncopied(proofs, source.path());
  if (!args.quiet) {
    fmt::print(
        "backup of {} written to {}: {} pages, {:.1f} MiB, schema version {}, integrity ok\n",
        args.db, args.file, backup->pages, static_cast<double>(backup->bytes) / (1024.0 * 1024.0),
        backup->schema_version);
    if (proofs.registered > 0) {
      fmt::print("proof files: {} of {} copied to {}\n", proofs.copied, proofs.registered,
                 copy.path());
    }
  }
  return kExitDone;
}

int run_restore(const RestoreArgs& args) {
  RestoreOptions options;
  options.existing = args.force ? ExistingFile::kReplace : ExistingFile::kRefuse;
  options.replaced = args.discard_replaced ? ReplacedDatabase::kDiscard : ReplacedDatabase::kKeep;
  const ProofFolder copy(backup_proof_folder(args.file));
  const ProofFolder target(proof_folder_of(args.db, args.proof_dir));
  ProofCopySummary proofs;
  options.before_publish = [&](const std::vector<std::string>& names) -> Status {
    Result<ProofCopySummary> copied = copy_proof_files(copy, target, names, DamagedProof::kRefuse);
    if (!copied) return copied.error();
    proofs = *std::move(copied);
    return Status::ok();
  };
  Result<RestoreSummary> restored = restore_database(args.file, args.db, options);
  if (!restored) return report_failure(restored.error());
  warn_uncopied(proofs, copy.path());
  if (!args.quiet) {
    fmt::print("restored {} from {} (schema version {}", args.db, args.file,
               restored->backup_schema_version);
    if (restored->backup_schema_version != restored->schema_version) {
      fmt::print(", migrated to {}", restored->schema_version);
    }
    fmt::print(")\n");
    if (!restored->kept_as.empty())
      fmt::print("the replaced database is kept as {}\n", restored->kept_as);
    if (proofs.registered > 0) {
      fmt::print("proof files: {} of {} restored to {}\n", proofs.copied, proofs.registered,
                 target.path());
    }
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
  cmd->add_option("--proof-dir", args->proof_dir,
                  "Folder of the proof files (default DB.files, as serve --proof-dir)");
  cmd->add_flag("--force", args->force, "Replace FILE if it exists");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->footer(
      "Example:\n  zhizao backup --db city.db backups/city-$(date +%F).db\n"
      "SQLite's online backup: writers are not stopped, the copy is one consistent state. The\n"
      "file appears only once complete and verified (integrity check, schema version); the\n"
      "copy is one self-contained file. The proof files it registers are copied to FILE.files/\n"
      "first. See docs/operations.md.");
  cmd->callback([args, exit_code] { *exit_code = run_backup(*args); });
}

void add_restore_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RestoreArgs>();
  CLI::App* cmd =
      app.add_subcommand("restore", "Replace the database with a backup made by zhizao backup");
  cmd->add_option("--db", args->db, "Database file to create or replace")->required();
  cmd->add_option("file", args->file, "Backup file to restore from")->required();
  cmd->add_option("--proof-dir", args->proof_dir,
                  "Folder to restore the proof files to (default DB.files, as serve --proof-dir)");
  cmd->add_flag("--force", args->force, "Replace the database if it exists");
  cmd->add_flag("--discard-replaced", args->discard_replaced,
                "Do not keep the replaced database as DB.before-restore-TIMESTAMP");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but errors");
  cmd->footer(
      "Example:\n  zhizao restore --db city.db backups/city-2021-05-01.db --force\n"
      "Stop zhizao serve first. The backup must pass SQLite's integrity check and have a schema\n"
      "no newer than this program's (older ones are migrated). The replaced database is kept as\n"
      "DB.before-restore-YYYYMMDDTHHMMSSZ. The proof files in FILE.files/ are checked against\n"
      "their SHA-256 names and copied back first. See docs/operations.md.");
  cmd->callback([args, exit_code] { *exit_code = run_restore(*args); });
}

}  // namespace zhizao
