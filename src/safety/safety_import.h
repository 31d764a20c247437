// Import of the safety files (docs/safety.md): safety_plans, safety_checks, safety_hazards and
// duty_roster, as CSV (UTF-8 or GB18030) or XLSX, headers in English or Chinese. All or nothing:
// every error of every file is listed as FILE:LINE: COLUMN: reason and then nothing is stored.
// `zhizao import` hands these files here (cli/command_import.cc); the contract's own files go
// through src/ingest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ingest/importer.h"
#include "store/database.h"

namespace zhizao {

enum class SafetyFileKind { kPlans, kChecks, kHazards, kRoster };

// The kind's file stem: "safety_plans", "safety_checks", "safety_hazards", "duty_roster".
std::string_view safety_kind_name(SafetyFileKind kind);

// Tells a safety file from its name as ingest tells the contract's (the base name, case ignored,
// starts with the stem followed by nothing, '.' or a non-letter); nullopt for any other file. No
// stem is a prefix of a contract stem or the reverse, so a name is never taken for both.
std::optional<SafetyFileKind> safety_kind_from_file_name(std::string_view path);

struct SafetyImportOutcome {
  std::vector<std::string> errors;    // "FILE:LINE: COLUMN: reason"; not empty: nothing stored
  std::vector<std::string> warnings;  // same format; they never refuse
  struct FileCount {
    std::string name;
    std::string kind;
    long rows = 0;
  };
  std::vector<FileCount> files;
  long stored = 0;  // rows written (new or replacing a row of the same key)

  bool refused() const { return !errors.empty(); }
};

// Validates `files` (each a safety file by its name; any other name is an error of that file)
// against each other and the database — plans named by checks, checks named by hazards, the
// enterprises of enterprises.csv — fills empty hazard deadlines from safety_hazard_deadline, and
// stores every row in one transaction, replacing rows of the same key, moving the data version.
// Called inside a transaction of `db` (ApplyObserver::before_commit), it validates against what
// that transaction has written and stores into it (a savepoint), so that the contract's files and
// the safety files of one command are stored together or not at all.
// Data errors are in the outcome; the Result fails only when the database cannot be read or
// written (kIoError, kCorruption).
Result<SafetyImportOutcome> import_safety_sources(Database& db,
                                                  const std::vector<SourceFile>& files,
                                                  std::optional<Encoding> forced);

// Reads the regular files at `paths`, each at most `max_file_bytes`. Errors: kNotFound / kIoError
// for a file that cannot be read; kInvalidData for one that is not a regular file or is too large.
Result<std::vector<SourceFile>> read_safety_files(const std::vector<std::string>& paths,
                                                  uint64_t max_file_bytes);

// Reads the regular files at `paths` (each at most `max_file_bytes`) and imports them as above.
// Errors: kNotFound / kIoError for a file that cannot be read; kInvalidData for one that is not a
// regular file or is too large; as import_safety_sources.
Result<SafetyImportOutcome> import_safety_files(Database& db, const std::vector<std::string>& paths,
                                                std::optional<Encoding> forced,
                                                uint64_t max_file_bytes);

}  // namespace zhizao
