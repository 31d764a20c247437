#include "cli/cli.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "cli/commands.h"
#include "cli/exit_code.h"

#ifndef ZHIZAO_VERSION
#define ZHIZAO_VERSION "dev"
#endif

namespace zhizao {

int run_cli(int argc, char** argv) {
  CLI::App app{
      "zhizao (智造): monthly industrial statistics, from enterprise records to the report",
      "zhizao"};
  app.set_version_flag("--version", ZHIZAO_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Example:\n  zhizao import --db city.db data/*.csv\n"
      "  zhizao report --db city.db --period 2021-04\n"
      "Exit codes: 0 done, 1 wrong usage, 2 the data was refused.");
  int exit_code = kExitDone;
  add_import_command(app, &exit_code);
  add_report_command(app, &exit_code);
  add_explain_command(app, &exit_code);
  add_revisions_command(app, &exit_code);
  add_export_command(app, &exit_code);
  add_demo_command(app, &exit_code);
  add_help_command(app, &exit_code);
  add_template_command(app, &exit_code);
  add_check_command(app, &exit_code);
  add_serve_command(app, &exit_code);
  add_user_command(app, &exit_code);
  add_backup_command(app, &exit_code);
  add_restore_command(app, &exit_code);
  add_quality_command(app, &exit_code);
  add_warnings_command(app, &exit_code);
  add_nowcast_command(app, &exit_code);
  add_safety_command(app, &exit_code);
  add_settings_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? kExitDone : kExitUsage;
  } catch (const std::exception& e) {
    // A bug: report it at the process boundary rather than crash without a word.
    fmt::print(stderr, "zhizao: internal error: {}\n", e.what());
    return kExitUsage;
  }
  return exit_code;
}

}  // namespace zhizao
