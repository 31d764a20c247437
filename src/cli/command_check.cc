// zhizao check: first the database file itself (SQLite's integrity_check and foreign_key_check;
// a damaged file exits with kExitDamaged before any rule runs), then the stored monthly data
// confronted with the audit rules (docs/rules.md). Failing records are findings, not errors: the
// exit code is 0 unless the file is damaged or the rules file or the database cannot be used.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/report_options.h"
#include "rules/rule_check.h"
#include "store/backup.h"

namespace zhizao {
namespace {

struct CheckArgs {
  std::string db;
  std::string rules;
  std::string period;
  std::size_t failures = 5;
  std::size_t outliers = 100;
  bool json = false;
};

nlohmann::json integrity_to_json(const IntegrityReport& integrity) {
  return {{"integrity", integrity.damaged() ? "damaged" : "ok"},
          {"schema_version", integrity.schema_version},
          {"problems", integrity.problems}};
}

// Reports the file's own state. Returns kExitDone when it is sound, else the exit code.
int check_file(const CheckArgs& args, nlohmann::json* database) {
  Result<IntegrityReport> integrity = check_database_file(args.db);
  if (!integrity && integrity.error().code() == StatusCode::kCorruption) {
    report_failure(integrity.error());
    return kExitDamaged;
  }
  if (!integrity) return report_failure(integrity.error());
  *database = integrity_to_json(*integrity);
  if (!integrity->damaged()) {
    if (!args.json) {
      fmt::print("database: integrity ok, foreign keys ok (schema version {})\n",
                 integrity->schema_version);
    }
    return kExitDone;
  }
  if (args.json) {
    fmt::print("{}\n", nlohmann::json{{"database", *database}}.dump(2));
  } else {
    fmt::print("database: DAMAGED\n");
    for (const std::string& problem : integrity->problems) fmt::print("  {}\n", problem);
  }
  fmt::print(stderr,
             "zhizao: error: {} is damaged ({} problem{}); restore a backup (zhizao restore, "
             "docs/operations.md)\n",
             args.db, integrity->problems.size(), integrity->problems.size() == 1 ? "" : "s");
  return kExitDamaged;
}

int run_check(const CheckArgs& args) {
  CheckOptions options;
  options.failures_kept = args.failures;
  options.outliers_kept = args.outliers;
  if (!args.period.empty()) {
    Result<YearMonth> period = parse_year_month(args.period);
    if (!period) return report_failure(Status::usage(period.error().message()));
    options.period = *period;
  }
  RuleSet loaded;
  if (!args.rules.empty()) {
    Result<RuleSet> rules = load_rule_set(args.rules);
    if (!rules && rules.error().code() == StatusCode::kInvalidData) {
      fmt::print(stderr, "{}\n", rules.error().message());
      fmt::print(stderr, "zhizao: rules file refused: {}\n", args.rules);
      return kExitDataRefused;
    }
    if (!rules) return report_failure(rules.error());
    loaded = *std::move(rules);
  }
  const RuleSet& rules = args.rules.empty() ? default_rule_set() : loaded;
  nlohmann::json database;
  if (int file_state = check_file(args, &database); file_state != kExitDone) return file_state;
  auto dataset = load_dataset(args.db);
  if (!dataset) return report_failure(dataset.error());
  auto report = confront(*dataset, rules, options);
  if (!report) return report_failure(report.error());
  if (args.json) {
    nlohmann::json json = check_report_to_json(*report);
    json["database"] = database;
    fmt::print("{}\n", json.dump(2));
  } else {
    fmt::print("{}", check_report_to_text(*report));
  }
  return kExitDone;
}

}  // namespace

void add_check_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd =
      app.add_subcommand("check", "Confront the stored monthly data with the audit rules");
  cmd->add_option("--db", args->db, "Database file")->required();
  cmd->add_option("--rules", args->rules, "Rules file (TOML); the compiled-in defaults if absent")
      ->check(CLI::ExistingFile);
  cmd->add_option("--period", args->period, "Only the records of this month (YYYY-MM)");
  cmd->add_option("--failures", args->failures, "Failing records listed per rule (default 5)");
  cmd->add_option("--outliers", args->outliers,
                  "Stored values beyond a physical limit listed (default 100)");
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->footer(
      "Example:\n  zhizao check --db city.db --period 2021-04\n"
      "  zhizao check --db city.db --rules my_rules.toml --json\n"
      "Each rule is summarised as items, passes, fails and missing (a variable had no value),\n"
      "as the R package validate does. Failures are findings: the exit code is 0. A malformed\n"
      "rules file is reported as FILE:LINE: reason with exit code 2. See docs/rules.md.\n"
      "Stored values beyond a physical limit (rules with physical_limit = true) are listed\n"
      "last as outliers: enterprise, month, field, value and why.\n"
      "First the file itself is checked (SQLite's integrity_check and foreign_key_check): a\n"
      "damaged database is listed and exits with code 3 before any rule runs.");
  cmd->callback([args, exit_code] { *exit_code = run_check(*args); });
}

}  // namespace zhizao
