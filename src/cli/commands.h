// The subcommands of the zhizao command line. Each add_*_command registers one subcommand on
// `app`; when it runs, its callback stores the process exit code in `*exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace zhizao {

void add_import_command(CLI::App& app, int* exit_code);     // import --db DB FILE...
void add_report_command(CLI::App& app, int* exit_code);     // report --db DB --period P
void add_explain_command(CLI::App& app, int* exit_code);    // explain --db DB --period P ...
void add_revisions_command(CLI::App& app, int* exit_code);  // revisions --db DB [--uscc X]
void add_export_command(CLI::App& app, int* exit_code);     // export --db DB DIR
void add_demo_command(CLI::App& app, int* exit_code);       // demo --db DB

}  // namespace zhizao
