// zhizao template: a blank Excel workbook to fill in and import.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/safety_files_option.h"
#include "ingest/workbook_export.h"

namespace zhizao {
namespace {

struct TemplateArgs {
  std::string kind = "all";
  std::string out;
};

int run_template(const TemplateArgs& args) {
  if (is_safety_template_kind(args.kind)) return run_safety_template(args.kind, args.out);
  Status written = write_import_template(args.kind, args.out);
  if (!written.is_ok()) return report_failure(written);
  fmt::print("wrote the {} template to {}\n", args.kind, args.out);
  return kExitDone;
}

}  // namespace

void add_template_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TemplateArgs>();
  CLI::App* cmd =
      app.add_subcommand("template", "Write a blank Excel template to fill in and import");
  cmd->add_option("--kind", args->kind,
                  fmt::format("File kind, or all for one sheet per kind: {}{}",
                              template_kinds_help(), safety_template_kinds_help()))
      ->capture_default_str();
  cmd->add_option("--out,--output", args->out, "The .xlsx file to write")->required();
  cmd->footer(
      "Example:\n  zhizao template --kind monthly --out monthly.xlsx\n"
      "  (fill it in, delete the sample row) zhizao import --db city.db monthly.xlsx");
  cmd->callback([args, exit_code] { *exit_code = run_template(*args); });
}

}  // namespace zhizao
