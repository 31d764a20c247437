// Options of a command read from a TOML file (`zhizao serve --config /etc/zhizao/zhizao.toml`,
// issue #16): each key is a long option's name without its dashes, each value a string, number,
// boolean or array of them (TOML v1.0, https://toml.io). An option given on the command line
// wins over the file. Written here rather than with CLI11's own config support because CLI11
// 2.1 (Debian 12) reads config files only for the top-level app, not for a subcommand; toml++
// gives the line of every mistake.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "base/status.h"

namespace zhizao {

// Gives every option of `command` named in the file `path` and not given on the command line its
// value from the file, with the option's own checks. Errors: kNotFound (no such file);
// kInvalidData when it is larger than kRulesFileMaxBytes (1 MiB) or not a regular file
// (base/bounded_file.h); kIoError when it cannot be read; kUsage
// "FILE:LINE: reason" for a syntax error, an unknown key, a table, or a value the option
// refuses.
Status apply_options_file(CLI::App& command, const std::string& path);

}  // namespace zhizao
