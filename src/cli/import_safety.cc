#include "cli/import_safety.h"

#include <fmt/format.h>

#include "cli/exit_code.h"
#include "demo/demo_safety.h"
#include "safety/safety_import.h"

namespace zhizao {

int import_with_safety_files(const SafetyImportArgs& args,
                             const std::function<int(std::vector<std::string>)>& import_contract) {
  std::vector<std::string> contract;
  std::vector<std::string> safety;
  for (const std::string& file : args.files) {
    (safety_kind_from_file_name(file) ? safety : contract).push_back(file);
  }
  if (!contract.empty()) {
    int code = import_contract(contract);
    if (code != kExitDone || safety.empty()) return code;
  }
  std::optional<Encoding> forced;
  if (args.encoding == "utf-8" || args.encoding == "utf8") forced = Encoding::kUtf8;
  if (args.encoding == "gb18030" || args.encoding == "gbk") forced = Encoding::kGb18030;
  auto db = Database::open(args.db, OpenMode::kCreateIfMissing);
  if (!db) return report_failure(db.error());
  auto outcome = import_safety_files(**db, safety, forced, args.max_file_size);
  if (!outcome) return report_failure(outcome.error());
  for (const std::string& warning : outcome->warnings) fmt::print(stderr, "warning: {}\n", warning);
  if (outcome->refused()) {
    for (const std::string& error : outcome->errors) fmt::print(stderr, "{}\n", error);
    fmt::print(stderr,
               "zhizao: import of the safety files refused: {} error{}; none of them was "
               "stored{}\n",
               outcome->errors.size(), outcome->errors.size() == 1 ? "" : "s",
               contract.empty() ? "" : " (the other files were stored)");
    return kExitDataRefused;
  }
  if (!args.quiet) {
    for (const auto& file : outcome->files) {
      fmt::print("{}: {} rows of {}\n", file.name, file.rows, file.kind);
    }
    fmt::print("safety records: {} stored (rows of the same key replaced)\n", outcome->stored);
  }
  return kExitDone;
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
