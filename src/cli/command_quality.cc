// zhizao quality: the data-quality checks of a period (docs/methodology.md, "Data quality"), and
// `zhizao quality verify`, with which a reviewer marks a finding verified with a note. Findings
// are things to verify, not errors: the exit code is 0 whatever is found.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/clickhouse_option.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/report_options.h"
#include "clickhouse/daily_readings_of.h"
#include "quality/quality_checks.h"
#include "quality/quality_report.h"
#include "rules/rule_set.h"
#include "server/quality_service.h"
#include "store/quality_verifications.h"
#include "store/submission_store.h"

namespace zhizao {
namespace {

struct QualityArgs {
  std::string db;
  std::string period;
  std::string scope;
  bool json = false;
  bool markdown = false;
  std::string lang = "zh";
  std::string quality_rules;
  std::string rules;
  bool no_snapshot = false;
  std::string clickhouse;  // --clickhouse URL: the daily readings are read there
};

struct VerifyArgs {
  std::string db;
  std::string uscc;
  std::string check;
  std::vector<std::string> months;
  std::string note;
  std::string user;
};

// Loads the thresholds and the audit rules named by `args` (the defaults when none).
int load_settings(const QualityArgs& args, QualityThresholds* thresholds, RuleSet* rules) {
  if (!args.quality_rules.empty()) {
    Result<QualityThresholds> loaded = load_quality_thresholds(args.quality_rules);
    if (!loaded) return report_failure(loaded.error());
    *thresholds = *loaded;
  }
  if (args.rules.empty()) {
    *rules = default_rule_set();
    return kExitDone;
  }
  Result<RuleSet> loaded = load_rule_set(args.rules);
  if (!loaded) return report_failure(loaded.error());
  *rules = *std::move(loaded);
  return kExitDone;
}

int run_quality(const QualityArgs& args) {
  if (args.db.empty() || args.period.empty()) {
    return report_failure(Status::usage("quality needs --db and --period"));
  }
  Result<YearMonth> period = parse_year_month(args.period);
  if (!period) return report_failure(Status::usage(period.error().message()));
  QualityThresholds thresholds;
  RuleSet rules;
  if (int loaded = load_settings(args, &thresholds, &rules); loaded != kExitDone) return loaded;
  Result<std::unique_ptr<Database>> db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Result<ReportInput> input =
      open_report_input(**db, args.db, args.no_snapshot ? SnapshotUse::kOff : SnapshotUse::kAuto);
  if (!input) return report_failure(input.error());
  Result<std::unique_ptr<DailyReadingsSource>> readings = daily_readings_of(**db, args.clickhouse);
  if (!readings) return report_failure(readings.error());
  Result<QualityReport> report =
      quality_report_of(**db, *input, {*period, args.scope}, thresholds, rules, readings->get());
  if (!report) return report_failure(report.error());
  if (args.json) {
    fmt::print("{}\n", quality_report_to_json(*report, QualityJsonDetail::kContract).dump(2));
  } else {
    fmt::print("{}", quality_report_to_text(
                         *report, args.lang == "en" ? Language::kEn : Language::kZh,
                         args.markdown ? QualityTextFormat::kMarkdown : QualityTextFormat::kText));
  }
  return kExitDone;
}

// Parses the months given as several values or comma-separated.
Result<std::vector<YearMonth>> parse_months(const std::vector<std::string>& given) {
  std::vector<YearMonth> months;
  for (const std::string& item : given) {
    std::stringstream parts(item);
    std::string part;
    while (std::getline(parts, part, ',')) {
      if (part.empty()) continue;
      Result<YearMonth> month = parse_year_month(part);
      if (!month) return fail(Status::usage(month.error().message()));
      months.push_back(*month);
    }
  }
  if (months.empty()) return fail(Status::usage("--months names no month"));
  return months;
}

int run_verify(const VerifyArgs& args) {
  const std::vector<std::string>& checks = quality_check_ids();
  if (std::find(checks.begin(), checks.end(), args.check) == checks.end()) {
    return report_failure(Status::usage(fmt::format("unknown check \"{}\" (expected one of {})",
                                                    args.check, fmt::join(checks, ", "))));
  }
  if (args.note.empty()) return report_failure(Status::usage("--note must not be empty"));
  Result<std::vector<YearMonth>> months = parse_months(args.months);
  if (!months) return report_failure(months.error());
  Result<std::unique_ptr<Database>> db = Database::open(args.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Result<std::optional<std::string>> region = SubmissionStore(**db).enterprise_region(args.uscc);
  if (!region) return report_failure(region.error());
  if (!*region) return report_failure(Status::usage("no enterprise " + args.uscc));
  Status verified = QualityVerificationStore(**db).verify(args.uscc, args.check, *months, args.user,
                                                          args.note, "cli");
  if (!verified.is_ok()) return report_failure(verified);
  fmt::print("verified {} {} for {} month(s)\n", args.uscc, args.check, months->size());
  return kExitDone;
}

}  // namespace

void add_quality_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<QualityArgs>();
  CLI::App* cmd = app.add_subcommand(
      "quality", "Check the enterprises' figures before publishing (things to verify)");
  cmd->add_option("--db", args->db, "Database file");
  cmd->add_option("--period", args->period, "Period YYYY-MM (months 1..M of its year)");
  cmd->add_option("--scope", args->scope, "A region code of any level or a region group id");
  cmd->add_flag("--json", args->json, "Print the findings as JSON (data contract)");
  cmd->add_flag("--markdown", args->markdown, "Print the findings as a Markdown table");
  cmd->add_option("--lang", args->lang, "Language of the text: zh or en")
      ->check(CLI::IsMember({"zh", "en"}));
  add_clickhouse_option(cmd, &args->clickhouse);
  cmd->add_option("--quality-rules", args->quality_rules,
                  "Thresholds file (TOML); the compiled-in defaults if absent")
      ->check(CLI::ExistingFile);
  cmd->add_option("--rules", args->rules,
                  "Audit rules file whose physical limits are reported too (default rules)")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--no-snapshot", args->no_snapshot, "Read every record from SQLite");
  cmd->footer(
      "Examples:\n  zhizao quality --db city.db --period 2021-04\n"
      "  zhizao quality --db city.db --period 2021-04 --scope 410381 --json\n"
      "  zhizao quality verify --db city.db --uscc U --check copied_last_year \\\n"
      "      --months 2021-03,2021-04 --note \"confirmed by phone\" --user wang\n"
      "Checks: electricity_divergence, value_added_ratio, copied_last_year, constant_series,\n"
      "unexplained_jump, benford_first_digit, last_digit_uniformity, physical_limit\n"
      "(docs/methodology.md, \"Data quality\"). A verified finding is listed as verified, not\n"
      "open, for the same months.");

  auto verify = std::make_shared<VerifyArgs>();
  CLI::App* sub = cmd->add_subcommand("verify", "Mark a finding verified, with a note");
  sub->add_option("--db", verify->db, "Database file")->required();
  sub->add_option("--uscc", verify->uscc, "The enterprise's credit code")->required();
  sub->add_option("--check", verify->check, "The check's id")->required();
  sub->add_option("--months", verify->months, "The months verified (YYYY-MM, comma-separated)")
      ->required();
  sub->add_option("--note", verify->note, "What the reviewer found")->required();
  sub->add_option("--user", verify->user, "Who verified (kept in the audit log)");
  sub->callback([verify, exit_code] { *exit_code = run_verify(*verify); });
  cmd->require_subcommand(0, 1);
  cmd->callback([args, exit_code, sub] {
    if (sub->parsed()) return;
    *exit_code = run_quality(*args);
  });
}

}  // namespace zhizao
