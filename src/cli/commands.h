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
void add_help_command(CLI::App& app, int* exit_code);       // help [TOPIC]
void add_template_command(CLI::App& app, int* exit_code);   // template --kind K --out F.xlsx
void add_check_command(CLI::App& app, int* exit_code);      // check --db DB [--rules F]
void add_serve_command(CLI::App& app, int* exit_code);      // serve --db DB [--port N]
void add_user_command(CLI::App& app, int* exit_code);       // user add|list|disable|enable
void add_backup_command(CLI::App& app, int* exit_code);     // backup --db DB FILE
void add_restore_command(CLI::App& app, int* exit_code);    // restore --db DB FILE [--force]
void add_quality_command(CLI::App& app, int* exit_code);    // quality --db DB --period P
void add_warnings_command(CLI::App& app, int* exit_code);   // warnings --db DB --period P
void add_nowcast_command(CLI::App& app, int* exit_code);    // nowcast --db DB --period P
void add_safety_command(CLI::App& app, int* exit_code);     // safety --db DB --period P
void add_settings_command(CLI::App& app, int* exit_code);   // settings --db DB [area CODE]

}  // namespace zhizao
