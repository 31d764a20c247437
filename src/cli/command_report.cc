// zhizao report and zhizao explain: compute a period's figures and write them.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/explain_product.h"
#include "cli/quality_appendix_option.h"
#include "cli/report_options.h"
#include "cli/safety_report.h"
#include "cli/warning_rules_option.h"
#include "document/office_report.h"
#include "document/report_charts.h"
#include "engine/trend.h"

namespace zhizao {
namespace {

// The office formats: xlsx and docx are binary, so they go to a file, never to a terminal.
int write_office_report(const ReportOptions& options, OfficeFormat format, const ReportInput& input,
                        const ReportRequest& request, const ReportData& report) {
  OfficeOptions office{options.language(), today_label(options.language())};
  if (format == OfficeFormat::kXlsx) {
    Status written = write_xlsx_report(report, options.output, office);
    return written.is_ok() ? kExitDone : report_failure(written);
  }
  auto trend = input.trend(request, kTrendMonths);
  if (!trend) return report_failure(trend.error());
  auto bytes = format == OfficeFormat::kDocx ? render_docx_report(report, *trend, office)
                                             : render_html_report(report, *trend, office);
  if (!bytes) return report_failure(bytes.error());
  Status written = write_output(options.output, *bytes);
  return written.is_ok() ? kExitDone : report_failure(written);
}

int run_report(const ReportOptions& options) {
  auto request = options.request();
  if (!request) return report_failure(request.error());
  std::optional<OfficeFormat> office = options.office_format();
  if (office && *office != OfficeFormat::kHtml && options.output.empty()) {
    return report_failure(Status::usage(
        fmt::format("--format {} writes a binary file: give --output FILE", options.format)));
  }
  auto input = open_report_input(options.db, options.no_snapshot);
  if (!input) return report_failure(input.error());
  // As the API answers 404 for such a period, say so; the report itself stays as the contract
  // defines it (every figure null), so scripts that ask for any month keep working.
  if (request->period.month != 1 && !input->has_records(request->period)) {
    fmt::print(stderr, "note: no enterprise has a record of {}: the report's figures are empty\n",
               request->period.to_string());
  }
  auto report = input->report(*request);
  if (!report) return report_failure(report.error());
  if (Status q = fill_quality_appendix(options.db, *input, *request, *report); !q.is_ok()) {
    return report_failure(q);
  }
  if (Status s = attach_safety_to_report(options.db, *input, *report); !s.is_ok()) {
    return report_failure(s);  // 汛期安全检查 (src/safety, docs/safety.md)
  }
  if (office) return write_office_report(options, *office, *input, *request, *report);
  std::string text = render_report(*report, options.report_format(), options.language());
  Status written = write_output(options.output, text);
  return written.is_ok() ? kExitDone : report_failure(written);
}

struct ExplainArgs {
  ReportOptions report;
  std::string division;
  std::string region;
  std::string park;
  std::string chain;
  std::string product;  // explain --product (src/products)
  bool key_enterprises = false;
  bool manufacturing = false;

  ExplainTarget target() const {
    if (!division.empty()) return {ExplainKind::kDivision, division};
    if (!region.empty()) return {ExplainKind::kRegion, region};
    if (!park.empty()) return {ExplainKind::kPark, park};
    if (!chain.empty()) return {ExplainKind::kChain, chain};
    if (key_enterprises) return {ExplainKind::kKeyEnterprises, ""};
    if (manufacturing) return {ExplainKind::kManufacturing, ""};
    return {ExplainKind::kIndustry, ""};
  }
};

int run_explain(const ExplainArgs& args) {
  if (!args.product.empty()) return run_explain_product(args.report, args.product);
  auto request = args.report.request();
  if (!request) return report_failure(request.error());
  auto input = open_report_input(args.report.db, args.report.no_snapshot);
  if (!input) return report_failure(input.error());
  auto explanation = input->explain(*request, args.target());
  if (!explanation) return report_failure(explanation.error());
  std::string text =
      render_explanation(*explanation, args.report.report_format(), args.report.language());
  Status written = write_output(args.report.output, text);
  return written.is_ok() ? kExitDone : report_failure(written);
}

}  // namespace

void add_report_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Write the monthly analysis of a period");
  options->add_to(cmd, OfficeFormats::kIncluded);
  auto warning_rules = std::make_shared<std::string>();
  add_warning_rules_option(cmd, warning_rules.get());
  add_quality_appendix_option(cmd);
  cmd->footer(
      "Examples:\n  zhizao report --db city.db --period 2021-04\n"
      "  zhizao report --db city.db --period 2021-04 --monthly --lang en\n"
      "  zhizao report --db city.db --period 2021-04 --json\n"
      "  zhizao report --db city.db --period 2021-04 --format docx --output 2021-04.docx\n"
      "  zhizao report --db city.db --period 2021-04 --format xlsx --output 2021-04.xlsx\n"
      "  zhizao report --db city.db --period 2021-04 --format html --output 2021-04.html\n"
      "January is released with February (1-2月): ask for YYYY-02.");
  cmd->callback([options, warning_rules, exit_code] {
    Status rules = use_warning_rules(*warning_rules);
    *exit_code = rules.is_ok() ? run_report(*options) : report_failure(rules);
  });
}

void add_explain_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand("explain", "Trace a figure down to the enterprises behind it");
  args->report.add_to(cmd);
  auto* group = cmd->add_option_group("target", "What to explain (default: all industry)");
  group->add_option("--division", args->division, "A 2-digit division, e.g. 34");
  group->add_option("--region", args->region, "A region code of any level");
  group->add_option("--park", args->park, "A park id");
  group->add_option("--chain", args->chain, "A chain id");
  group->add_option("--product", args->product, "A product code of products.csv");
  group->add_flag("--key", args->key_enterprises, "The key enterprises' output");
  group->add_flag("--manufacturing", args->manufacturing, "Manufacturing (divisions 13-43)");
  group->require_option(0, 1);
  cmd->footer("Example:\n  zhizao explain --db city.db --period 2021-04 --division 34");
  cmd->callback([args, exit_code] { *exit_code = run_explain(*args); });
}

}  // namespace zhizao
