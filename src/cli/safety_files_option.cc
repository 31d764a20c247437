#include "cli/safety_files_option.h"

#include <fmt/format.h>

#include "cli/exit_code.h"
#include "safety/safety_export.h"
#include "safety/safety_store.h"
#include "store/database.h"

namespace zhizao {

int run_safety_export(const std::string& db, const std::string& dir, bool xlsx, bool quiet) {
  if (dir.empty()) {
    return report_failure(Status::usage("--safety needs the directory to write (DIR or --output)"));
  }
  auto database = Database::open(db, OpenMode::kMustExist);
  if (!database) return report_failure(database.error());
  Result<SafetyRegister> records = load_safety_register(**database);
  if (!records) return report_failure(records.error());
  const Status written =
      export_safety_files(*records, xlsx ? SafetyFileFormat::kXlsx : SafetyFileFormat::kCsv, dir);
  if (!written.is_ok()) return report_failure(written);
  if (!quiet) {
    fmt::print("wrote the safety files to {}: {} plans, {} checks, {} hazards, {} duty shifts\n",
               dir, records->plans.size(), records->checks.size(), records->hazards.size(),
               records->roster.size());
  }
  return kExitDone;
}

bool is_safety_template_kind(std::string_view kind) { return parse_safety_kind(kind).has_value(); }

int run_safety_template(std::string_view kind, const std::string& path) {
  std::optional<SafetyFileKind> safety_kind = parse_safety_kind(kind);
  if (!safety_kind) return report_failure(Status::usage(fmt::format("no safety kind {}", kind)));
  const Status written = write_safety_template(*safety_kind, path);
  if (!written.is_ok()) return report_failure(written);
  fmt::print("wrote the {} template to {}\n", safety_kind_name(*safety_kind), path);
  return kExitDone;
}

std::string safety_template_kinds_help() {
  return ", safety_plans, safety_checks, safety_hazards, duty_roster";
}

}  // namespace zhizao
