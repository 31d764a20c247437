// zhizao warnings: the early warnings of a period (data contract, "v2 additions", "Warnings"), as
// text, Markdown or the contract's JSON. They are the report's own (ReportInput::report computes
// them last, src/warnings), so `report --json` carries the same list.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/report_options.h"
#include "cli/safety_report.h"
#include "cli/warning_rules_option.h"
#include "report/warnings_render.h"

namespace zhizao {
namespace {

struct WarningsArgs {
  ReportOptions report;  // db, period, scope, lang and the window (only what is asked of it)
  bool markdown = false;
  std::string rules;
};

int run_warnings(const WarningsArgs& args) {
  Status rules = use_warning_rules(args.rules);
  if (!rules.is_ok()) return report_failure(rules);
  auto request = args.report.request();
  if (!request) return report_failure(request.error());
  auto input = open_report_input(args.report.db, args.report.no_snapshot);
  if (!input) return report_failure(input.error());
  if (request->period.month != 1 && !input->has_records(request->period)) {
    fmt::print(stderr, "note: no enterprise has a record of {}: no warnings can be computed\n",
               request->period.to_string());
  }
  auto report = input->report(*request);
  if (!report) return report_failure(report.error());
  // The safety warnings join as in `zhizao report` (src/safety reads the database).
  if (Status s = attach_safety_to_report(args.report.db, *input, *report); !s.is_ok()) {
    return report_failure(s);
  }
  ReportFormat format = args.report.json ? ReportFormat::kJson
                        : args.markdown  ? ReportFormat::kMarkdown
                                         : ReportFormat::kText;
  std::string text =
      render_warnings(report->period, report->warnings, format, args.report.language());
  Status written = write_output(args.report.output, text);
  return written.is_ok() ? kExitDone : report_failure(written);
}

}  // namespace

void add_warnings_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<WarningsArgs>();
  CLI::App* cmd = app.add_subcommand("warnings", "List the early warnings of a period");
  ReportOptions& o = args->report;
  cmd->add_option("--db", o.db, "Database file")->required();
  cmd->add_option("--period", o.period, "Period YYYY-MM (also YYYYMM, YYYY年M月)")->required();
  cmd->add_option("--scope", o.scope, "Restrict to a region code (any level) or a region group id");
  auto* json = cmd->add_flag("--json", o.json, "Print the data contract's JSON object");
  cmd->add_flag("--markdown", args->markdown, "Print Markdown")->excludes(json);
  cmd->add_option("--lang", o.lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_flag("--monthly", o.monthly,
                "The sets' rules over month M alone (当月) instead of months 1..M (累计)");
  cmd->add_option("-o,--output", o.output, "Write to FILE instead of standard output");
  cmd->add_flag("--no-snapshot", o.no_snapshot,
                "Read every record from the database, not the columnar snapshot (to compare)");
  add_warning_rules_option(cmd, &args->rules);
  cmd->footer(
      "Examples:\n  zhizao warnings --db city.db --period 2021-04\n"
      "  zhizao warnings --db city.db --period 2021-04 --scope 410381 --json\n"
      "  zhizao warnings --db city.db --period 2021-04 --warning-rules my_warnings.toml\n"
      "Rules: rules/default_warnings.toml and docs/methodology.md, \"Early warnings\".");
  cmd->callback([args, exit_code] { *exit_code = run_warnings(*args); });
}

}  // namespace zhizao
