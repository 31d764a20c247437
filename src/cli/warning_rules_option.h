// --warning-rules FILE, on the commands whose reports carry early warnings (report, warnings,
// safety, serve): the bureau's own rules instead of the compiled-in rules/default_warnings.toml.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "base/status.h"

namespace zhizao {

// Adds --warning-rules to `cmd`, storing the path in `*path` (which must outlive the parse).
void add_warning_rules_option(CLI::App* cmd, std::string* path);

// Loads the rules file at `path` and makes it the process's rules (install_warning_rules);
// nothing for an empty path. Errors: kUsage (exit 1) listing every fault as FILE:LINE: reason;
// kNotFound when the file cannot be read.
Status use_warning_rules(const std::string& path);

}  // namespace zhizao
