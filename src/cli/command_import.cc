// zhizao import: the data contract's files into the database, all or nothing.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "base/progress_bar.h"
#include "base/text.h"
#include "cli/clickhouse_option.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/import_rules.h"
#include "cli/import_safety.h"
#include "clickhouse/daily_readings_of.h"
#include "columnar/report_input.h"
#include "columnar/snapshot.h"
#include "columnar/streamed_snapshot.h"
#include "ingest/importer.h"

namespace zhizao {
namespace {

struct ImportArgs {
  std::string db;
  std::vector<std::string> files;
  std::string encoding;
  std::string uscc_exceptions;
  bool quiet = false;
  uint64_t max_file_size = kDefaultMaxFileBytes;
  // Bytes of a monthly CSV file parsed at a time (ImportOptions::monthly_chunk_bytes).
  uint64_t part_size = kDefaultMonthlyChunkBytes;
  ImportRulesArgs rules;  // audit rules on import (cli/import_rules.h)
  // --clickhouse URL: the daily readings go there (cli/clickhouse_option.h)
  std::string clickhouse;
  // The safety files of the command (docs/safety.md), stored in the same transaction.
  std::vector<std::string> safety_files;
};

// Reads one code a line ('#' starts a comment) into `exceptions`.
Status read_uscc_exceptions(const std::string& path, UsccExceptions* exceptions) {
  std::ifstream in(path);
  if (!in) return Status::not_found(fmt::format("cannot read USCC exception list: {}", path));
  std::string line;
  while (std::getline(in, line)) {
    std::string_view code = trim(line.substr(0, line.find('#')));
    if (!code.empty()) exceptions->codes.emplace(code);
  }
  return Status::ok();
}

// Keeps the stored rows until the process exits, which follows the import. Freeing a national
// import's 28 million records one heap block at a time took 1.0 s (measured with the phase times
// of docs/performance.md); the kernel takes the whole address space back at exit at once (the
// trade-off of clang's -disable-free). The rows stay reachable, so leak checkers stay quiet.
void keep_until_exit(std::vector<SourcedBatch>&& stored) {
  static auto* kept = new std::vector<std::vector<SourcedBatch>>();
  kept->push_back(std::move(stored));
}

// Where an import spills the records of its streamed monthly files: the database's directory.
std::string spill_dir_of(const std::string& db) {
  std::filesystem::path dir = std::filesystem::path(db).parent_path();
  return dir.empty() ? "." : dir.string();
}

int run_import(const ImportArgs& args) {
  ImportOptions options;
  options.limits.max_file_bytes = args.max_file_size;
  options.encoding = forced_encoding(args.encoding);
  if (!args.uscc_exceptions.empty()) {
    Status read = read_uscc_exceptions(args.uscc_exceptions, &options.uscc_exceptions);
    if (!read.is_ok()) return report_failure(read);
  }
  RuleSet rules;
  if (int loaded = load_import_rules(args.rules, &rules); loaded != kExitDone) return loaded;
  // Read before anything is stored, so that an unreadable safety file stores nothing either.
  Result<std::vector<SourceFile>> safety_sources =
      read_safety_files(args.safety_files, args.max_file_size);
  if (!safety_sources) return report_failure(safety_sources.error());
  auto db = Database::open(args.db, OpenMode::kCreateIfMissing);
  if (!db) return report_failure(db.error());
  Status audit = install_import_audit(rules, args.rules, **db, &options);
  if (!audit.is_ok()) return report_failure(audit);
  std::string snapshot_warning;
  Status prepared = prepare_snapshot_for_apply(**db, args.db);
  if (!prepared.is_ok()) snapshot_warning = prepared.message();
  // Monthly CSV files are streamed (issue 17: a national file in bounded memory), their records
  // spilled beside the database, where there is room for it.
  options.monthly_chunk_bytes = static_cast<size_t>(std::max<uint64_t>(args.part_size, 1));
  options.spill_dir = spill_dir_of(args.db);
  auto clickhouse = daily_readings_sink_of(args.clickhouse);  // null: readings to the database
  if (!clickhouse) return report_failure(clickhouse.error());
  options.daily_readings_sink = clickhouse->get();
  // The snapshot of a streamed import into a new database, written beside the import from the
  // records as they are stored (issue 17); not with safety files, whose rows the commit adds.
  std::optional<SnapshotOfStreamedMonths> streamed_snapshot;
  if (safety_sources->empty() && snapshot_wanted(SnapshotUse::kAuto)) {
    streamed_snapshot.emplace(snapshot_path_for(args.db));
    options.streamed_months_observer = &*streamed_snapshot;
  }
  std::optional<SafetyFilesInImport> safety_step;
  if (!safety_sources->empty()) {
    safety_step.emplace(**db, std::move(*safety_sources), options.encoding);
    options.apply_observer = &*safety_step;
  }
  auto outcome = [&] {
    // The bar is cleared when this scope ends, before any warning or error is printed.
    ProgressBar bar("import", args.quiet ? Verbosity::kQuiet : Verbosity::kNormal);
    options.progress = [&bar](std::string_view stage, size_t done, size_t total) {
      bar.update(stage, done, total);
    };
    // The reports' columnar snapshot follows the commit now rather than at the next report, from
    // the rows just stored; if it cannot, the next report rebuilds it (it never reads a stale one).
    // Not called when a monthly file was streamed: then it was written beside the import, or it
    // is rebuilt from the database below.
    options.on_stored = [&](std::vector<SourcedBatch>& stored, const ApplySummary& summary) {
      Status refreshed = refresh_snapshot_after_apply(**db, args.db, stored, summary);
      if (!refreshed.is_ok()) snapshot_warning = refreshed.message();
      keep_until_exit(std::move(stored));
    };
    Result<ImportOutcome> imported = import_files(**db, args.files, options);
    const bool placed = streamed_snapshot && streamed_snapshot->placed();
    if (imported && !imported->refused() && imported->streamed_files > 0 && !placed) {
      bar.update("snapshot", 0, 1);
      Status rebuilt = refresh_snapshot(**db, args.db);
      if (!rebuilt.is_ok()) snapshot_warning = rebuilt.message();
    }
    return imported;
  }();
  const SafetyImportOutcome* safety =
      safety_step && safety_step->outcome() ? &*safety_step->outcome() : nullptr;
  if (!outcome) {
    if (safety != nullptr && safety->refused()) {
      return print_safety_outcome(*safety, args.quiet,
                                  "nothing was stored, neither these nor the other files");
    }
    return report_failure(outcome.error());
  }
  for (const std::string& warning : outcome->warnings) fmt::print(stderr, "warning: {}\n", warning);
  if (outcome->refused()) {
    for (const std::string& error : outcome->errors) fmt::print(stderr, "{}\n", error);
    fmt::print(stderr, "zhizao: import refused: {} error{}; nothing was stored{}\n",
               outcome->errors_found, outcome->errors_found == 1 ? "" : "s",
               args.safety_files.empty() ? "" : " (the safety files are checked once these pass)");
    return kExitDataRefused;
  }
  if (!args.quiet) {
    for (const auto& file : outcome->files) {
      fmt::print("{}: {} rows of {}\n", file.name, file.rows, file.kind);
    }
    const ApplySummary& s = outcome->summary;
    fmt::print("import {}: {} inserted, {} replaced (revisions kept), {} unchanged\n", s.import_id,
               s.inserted, s.replaced, s.unchanged);
    if (*clickhouse) print_clickhouse_import(**clickhouse);
  }
  if (safety != nullptr) print_safety_outcome(*safety, args.quiet, "");
  if (!snapshot_warning.empty()) fmt::print(stderr, "warning: snapshot: {}\n", snapshot_warning);
  return kExitDone;
}

}  // namespace

void add_import_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd =
      app.add_subcommand("import", "Import the data contract's CSV files (all or nothing)");
  cmd->add_option("--db", args->db, "Database file (created if missing)")->required();
  cmd->add_option("files", args->files, "Files: enterprises.csv monthly.csv deflators.csv ...")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--encoding", args->encoding, "Force the encoding instead of detecting it")
      ->check(CLI::IsMember({"utf-8", "utf8", "gb18030", "gbk"}));
  cmd->add_option("--uscc-exceptions", args->uscc_exceptions,
                  "File of genuine USCCs that fail their check digit, one a line");
  cmd->add_flag("-q,--quiet", args->quiet, "Print nothing but warnings and errors");
  cmd->add_option("--max-file-size", args->max_file_size,
                  "Largest file read, in bytes (4GiB; units such as 8GiB accepted)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("--part-size", args->part_size,
                  "Bytes of a monthly CSV file read and checked at a time (64MiB); the memory an "
                  "import holds grows with it")
      ->transform(CLI::AsSizeValue(false));
  add_import_rules_options(cmd, &args->rules);
  add_clickhouse_option(cmd, &args->clickhouse);
  cmd->footer(
      "Example:\n  zhizao import --db city.db data/*.csv\n"
      "Every error is printed as FILE:LINE: COLUMN: reason; then nothing is stored "
      "and the exit code is 2.");
  // The safety files (docs/safety.md) are stored in the contract files' transaction
  // (cli/import_safety.h), or in one of their own when they come alone.
  cmd->callback([args, exit_code] {
    ImportFiles split = split_import_files(args->files);
    if (split.contract.empty()) {
      *exit_code = import_safety_files_alone(
          {args->db, split.safety, args->encoding, args->max_file_size, args->quiet});
      return;
    }
    ImportArgs contract = *args;
    contract.files = std::move(split.contract);
    contract.safety_files = std::move(split.safety);
    *exit_code = run_import(contract);
  });
}

}  // namespace zhizao
