// `zhizao import` and the safety files (docs/safety.md): the files whose names are safety kinds go
// to src/safety after the contract's files are stored, so that a check may name an enterprise of
// enterprises.csv given in the same command.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "domain/dataset.h"
#include "store/database.h"

namespace zhizao {

struct SafetyImportArgs {
  std::string db;
  std::vector<std::string> files;  // every file of the command
  std::string encoding;            // as --encoding, "" to detect
  uint64_t max_file_size = 0;
  bool quiet = false;
};

// Runs `import_contract` on the files that are not safety files (when there are any), then, when
// it succeeded, imports the safety files in one transaction of their own, printing as `import`
// does. Returns the exit code: the contract import's when it failed; kExitDataRefused when the
// safety files were refused (the contract's files, if any, stay stored: the message says so).
int import_with_safety_files(const SafetyImportArgs& args,
                             const std::function<int(std::vector<std::string>)>& import_contract);

// Imports the demo's safety files (demo/demo_safety.h) for `dataset`, already stored in `db`.
// Errors: the store's; kInternal when the generated files are refused (a bug).
Status store_demo_safety(Database& db, const Dataset& dataset);

}  // namespace zhizao
