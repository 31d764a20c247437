// zhizao safety: the flood-season safety checks (汛期安全检查, docs/safety.md) of a period or as of
// a day: per plan the enterprises checked and not, the hazards and the duty roster's gaps, with
// their warnings; as text, Markdown or JSON. `report` carries the same figures (its section
// 汛期安全检查 and the key `safety`).
#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/report_options.h"
#include "cli/safety_report.h"
#include "cli/warning_rules_option.h"
#include "domain/region.h"
#include "report/narrative.h"
#include "report/safety_section.h"
#include "report/warnings_render.h"
#include "safety/safety_figures.h"
#include "safety/safety_store.h"

namespace zhizao {
namespace {

struct SafetyArgs {
  ReportOptions report;       // db, period, scope, lang, --monthly, output, format
  std::string date;           // as-of day instead of the period's last day
  std::string warning_rules;  // --warning-rules FILE: the safety warnings are its rules
};

struct SafetyAnswer {
  YearMonth period;
  std::optional<SafetyFigures> figures;
  std::vector<Warning> warnings;
};

Result<SafetyFigureRequest> safety_request(const SafetyArgs& args) {
  SafetyFigureRequest request;
  request.scope = args.report.scope;
  if (!args.date.empty()) {
    Result<CivilDate> day = parse_civil_date(args.date);
    if (!day) return fail(Status::usage(fmt::format("--date: {}", day.error().message())));
    request.as_of = *day;
  } else {
    Result<YearMonth> period = parse_year_month(args.report.period);
    if (!period) return fail(Status::usage(fmt::format("--period: {}", period.error().message())));
    request.as_of = {period->year, period->month, days_in_month(period->year, period->month)};
  }
  request.window_first = {request.as_of.year, args.report.monthly ? request.as_of.month : 1, 1};
  return request;
}

// The area the sentences name: the scope's region name (its code or group id when not a region),
// else the whole city, as the report's narrative says.
std::string area_name(const std::string& scope, Language lang) {
  if (scope.empty()) return lang == Language::kZh ? "全市" : "the city";
  const Region* region = find_region(scope);
  return region == nullptr ? scope : std::string(region->name);
}

std::string render_text(const SafetyAnswer& answer, const std::string& scope, ReportFormat format,
                        Language lang) {
  const bool zh = lang == Language::kZh;
  const std::string as_of =
      answer.figures ? answer.figures->as_of.to_string() : answer.period.to_string();
  std::string title = zh ? fmt::format("汛期安全检查（截至{}）", as_of)
                         : fmt::format("Flood-season safety checks (as of {})", as_of);
  std::string out = format == ReportFormat::kMarkdown ? "## " + title + "\n\n" : title + "\n\n";
  if (!answer.figures) {
    return out + (zh ? "没有检查期与所选时期相交的汛期安全检查计划。\n"
                     : "No safety check plan's season meets the period.\n");
  }
  ReportData report;
  report.safety = answer.figures;
  const std::string area = area_name(scope, lang);
  for (const std::string& paragraph : zh ? detail::safety_paragraphs_zh(report, area)
                                         : detail::safety_paragraphs_en(report, area)) {
    out += paragraph + "\n\n";
  }
  std::vector<detail::Table> tables;
  detail::append_safety_tables(report, lang, tables);
  for (const detail::Table& table : tables) {
    out += format == ReportFormat::kMarkdown ? detail::write_markdown_table(table)
                                             : detail::write_text_table(table);
    out += "\n";
  }
  return out + render_warnings(answer.period, answer.warnings, format, lang);
}

std::string render_json(const SafetyAnswer& answer, Language lang) {
  nlohmann::ordered_json out = {{"period", answer.period.to_string()}};
  if (answer.figures) {
    out.update(detail::safety_to_json(*answer.figures));
  } else {
    out["plans"] = nlohmann::ordered_json::array();
  }
  out["warnings"] = warnings_to_json(answer.warnings, lang);
  return out.dump(2) + "\n";
}

int run_safety(const SafetyArgs& args) {
  if (args.report.period.empty() && args.date.empty()) {
    return report_failure(Status::usage("give --period YYYY-MM or --date YYYY-MM-DD"));
  }
  if (Status rules = use_warning_rules(args.warning_rules); !rules.is_ok()) {
    return report_failure(rules);
  }
  Result<SafetyFigureRequest> request = safety_request(args);
  if (!request) return report_failure(request.error());
  auto input = open_report_input(args.report.db, args.report.no_snapshot);
  if (!input) return report_failure(input.error());
  auto db = Database::open(args.report.db, OpenMode::kMustExist);
  if (!db) return report_failure(db.error());
  Result<SafetyRegister> records = load_safety_register(**db);
  if (!records) return report_failure(records.error());
  Result<std::optional<SafetyFigures>> figures =
      compute_safety_figures(*records, input->tables(), *request);
  if (!figures) return report_failure(figures.error());
  SafetyAnswer answer{request->as_of.year_month(), std::move(*figures), {}};
  if (answer.figures) answer.warnings = safety_warnings(*answer.figures);
  const Language lang = args.report.language();
  const ReportFormat format = args.report.report_format();
  std::string text = format == ReportFormat::kJson
                         ? render_json(answer, lang)
                         : render_text(answer, args.report.scope, format, lang);
  Status written = write_output(args.report.output, text);
  return written.is_ok() ? kExitDone : report_failure(written);
}

}  // namespace

Status attach_safety_to_report(const std::string& db_path, const ReportInput& input,
                               ReportData& report) {
  auto db = Database::open(db_path, OpenMode::kMustExist);
  if (!db) return db.error();
  return attach_safety_figures(**db, input.tables(), report);
}

void add_safety_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SafetyArgs>();
  CLI::App* cmd =
      app.add_subcommand("safety", "Flood-season safety checks: plans, hazards, duty roster");
  ReportOptions& o = args->report;
  cmd->add_option("--db", o.db, "Database file")->required();
  cmd->add_option("--period", o.period, "Period YYYY-MM: figures as of its last day");
  cmd->add_option("--date", args->date, "Figures as of this day (YYYY-MM-DD) instead");
  cmd->add_option("--scope", o.scope, "Restrict to a region code (any level) or a region group id");
  cmd->add_option("--format", o.format, "text (default), markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_flag("--json", o.json, "The same as --format json");
  cmd->add_option("--lang", o.lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_flag("--monthly", o.monthly,
                "Only plans whose season meets month M (default: months 1..M of the year)");
  cmd->add_option("-o,--output", o.output, "Write to FILE instead of standard output");
  cmd->add_flag("--no-snapshot", o.no_snapshot,
                "Read every record from the database, not the columnar snapshot (to compare)");
  add_warning_rules_option(cmd, &args->warning_rules);
  cmd->footer(
      "Examples:\n  zhizao safety --db city.db --period 2021-06\n"
      "  zhizao safety --db city.db --date 2021-07-15 --scope 410381 --format json\n"
      "Files and definitions: docs/safety.md.");
  cmd->callback([args, exit_code] { *exit_code = run_safety(*args); });
}

}  // namespace zhizao
