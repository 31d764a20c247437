// The safety files (docs/safety.md) in `zhizao export --safety` and `zhizao template --kind
// safety_plans|safety_checks|safety_hazards|duty_roster` (safety/safety_export.h).
#pragma once

#include <string>
#include <string_view>

namespace zhizao {

// Writes the stored safety files of the database `db` into the folder `dir` as STEM.xlsx (xlsx)
// or STEM.csv, and says so unless `quiet`. Returns the exit code (cli/exit_code.h).
int run_safety_export(const std::string& db, const std::string& dir, bool xlsx, bool quiet);

// Whether `kind` names a safety file kind; then run_safety_template writes its template to
// `path` and returns the exit code.
bool is_safety_template_kind(std::string_view kind);
int run_safety_template(std::string_view kind, const std::string& path);

// ", safety_plans, safety_checks, safety_hazards, duty_roster" for the template kinds' help.
std::string safety_template_kinds_help();

}  // namespace zhizao
