#include "cli/import_safety.h"

#include <fmt/format.h>

#include "cli/exit_code.h"
#include "demo/demo_safety.h"

namespace zhizao {

ImportFiles split_import_files(const std::vector<std::string>& files) {
  ImportFiles split;
  for (const std::string& file : files) {
    (safety_kind_from_file_name(file) ? split.safety : split.contract).push_back(file);
  }
  return split;
}

SafetyFilesInImport::SafetyFilesInImport(Database& db, std::vector<SourceFile> sources,
                                         std::optional<Encoding> forced)
    : db_(db), sources_(std::move(sources)), forced_(forced) {}

// The safety rows are written in before_commit(); the apply's other steps need nothing here.
void SafetyFilesInImport::tables_written(const std::vector<SourcedBatch>&) {}

Status SafetyFilesInImport::before_commit() {
  Result<SafetyImportOutcome> outcome = import_safety_sources(db_, sources_, forced_);
  if (!outcome) return outcome.error();
  outcome_ = std::move(*outcome);
  if (outcome_->refused()) return Status::invalid_data("the safety files were refused");
  return Status::ok();
}

void SafetyFilesInImport::committed(const ApplySummary&) {}

void SafetyFilesInImport::abandoned() {}

int print_safety_outcome(const SafetyImportOutcome& outcome, bool quiet, const char* refused_note) {
  for (const std::string& warning : outcome.warnings) fmt::print(stderr, "warning: {}\n", warning);
  if (outcome.refused()) {
    for (const std::string& error : outcome.errors) fmt::print(stderr, "{}\n", error);
    fmt::print(stderr, "zhizao: import of the safety files refused: {} error{}; {}\n",
               outcome.errors.size(), outcome.errors.size() == 1 ? "" : "s", refused_note);
    return kExitDataRefused;
  }
  if (!quiet) {
    for (const auto& file : outcome.files) {
      fmt::print("{}: {} rows of {}\n", file.name, file.rows, file.kind);
    }
    fmt::print("safety records: {} stored (rows of the same key replaced)\n", outcome.stored);
  }
  return kExitDone;
}

std::optional<Encoding> forced_encoding(const std::string& encoding) {
  if (encoding == "utf-8" || encoding == "utf8") return Encoding::kUtf8;
  if (encoding == "gb18030" || encoding == "gbk") return Encoding::kGb18030;
  return std::nullopt;
}

int import_safety_files_alone(const SafetyImportArgs& args) {
  auto db = Database::open(args.db, OpenMode::kCreateIfMissing);
  if (!db) return report_failure(db.error());
  auto outcome =
      import_safety_files(**db, args.files, forced_encoding(args.encoding), args.max_file_size);
  if (!outcome) return report_failure(outcome.error());
  return print_safety_outcome(*outcome, args.quiet, "none of them was stored");
}

Status store_demo_safety(Database& db, const Dataset& dataset) {
  Result<SafetyImportOutcome> outcome =
      import_safety_sources(db, detail::demo_safety_files(dataset), std::nullopt);
  if (!outcome) return outcome.error();
  if (outcome->refused()) {
    return Status::internal("the demo's safety files were refused (a bug): " +
                            outcome->errors.front());
  }
  return Status::ok();
}

}  // namespace zhizao
