// `zhizao import` and the safety files (docs/safety.md). Given with the contract's files, the
// safety files are stored in the same transaction as them (SafetyFilesInImport, an ApplyObserver
// whose before_commit() validates and writes them after the contract's rows are written, so that
// a check may name an enterprise of enterprises.csv given in the same command): one command
// stores everything or nothing. Given alone, they are imported in a transaction of their own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/dataset.h"
#include "ingest/importer.h"
#include "safety/safety_import.h"
#include "store/database.h"

namespace zhizao {

// Splits a command's files: those whose names are safety kinds, and the others.
struct ImportFiles {
  std::vector<std::string> contract;
  std::vector<std::string> safety;
};
ImportFiles split_import_files(const std::vector<std::string>& files);

// Stores the safety files `sources` in the transaction of a contract import (see the top). `db`
// is the apply's database and must outlive the observer.
class SafetyFilesInImport final : public ApplyObserver {
 public:
  SafetyFilesInImport(Database& db, std::vector<SourceFile> sources,
                      std::optional<Encoding> forced);

  void tables_written(const std::vector<SourcedBatch>& batches) override;
  // Validates and writes the safety rows; kInvalidData (the apply rolls back) when any file has an
  // error, the outcome() listing them; the store's error when writing fails.
  Status before_commit() override;
  void committed(const ApplySummary& summary) override;
  void abandoned() override;

  // Set once before_commit() ran and validated the files (refused or stored).
  const std::optional<SafetyImportOutcome>& outcome() const { return outcome_; }

 private:
  Database& db_;
  std::vector<SourceFile> sources_;
  std::optional<Encoding> forced_;
  std::optional<SafetyImportOutcome> outcome_;
};

// Prints a safety import's warnings, and its errors or its counts (unless `quiet`), as `import`
// does. Returns kExitDataRefused when it was refused (`refused_note` ends the message: what was
// not stored), else kExitDone.
int print_safety_outcome(const SafetyImportOutcome& outcome, bool quiet, const char* refused_note);

struct SafetyImportArgs {
  std::string db;
  std::vector<std::string> files;  // the safety files only
  std::string encoding;            // as --encoding, "" to detect
  uint64_t max_file_size = 0;
  bool quiet = false;
};

// Imports safety files given without contract files, in one transaction of their own, printing
// as `import` does. Returns the exit code.
int import_safety_files_alone(const SafetyImportArgs& args);

// The --encoding value as an Encoding, nullopt to detect.
std::optional<Encoding> forced_encoding(const std::string& encoding);

// Imports the demo's safety files (demo/demo_safety.h) for `dataset`, already stored in `db`.
// Errors: the store's; kInternal when the generated files are refused (a bug).
Status store_demo_safety(Database& db, const Dataset& dataset);

}  // namespace zhizao
