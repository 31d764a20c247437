// Reading a small text file whole, within a bound known before it is read (docs/security.md,
// "Bounds"): the rules, thresholds and configuration files a bureau edits are a few KiB, so a
// path that names a 4 GB file, /dev/zero or a FIFO by mistake (or on purpose) is refused at once
// instead of being read into memory until it runs out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

// The bound for the TOML files read at start (audit rules, warning rules, quality thresholds,
// `serve --config`): 1 MiB, about 70 times the largest shipped (rules/default_rules.toml, 14 KB).
inline constexpr std::size_t kRulesFileMaxBytes = std::size_t{1} << 20;

// Returns the bytes of the regular file at `path`, at most `max_bytes` of them. `what` names the
// file in messages ("warning rules file"). Errors: kNotFound "cannot read WHAT: PATH" when there
// is no such file; kInvalidData naming the path and the bound when the file holds more than
// `max_bytes` bytes (checked on its size before reading, and on what is read, since a file may
// grow meanwhile), or naming what it is when it is not a regular file (a FIFO is opened without
// waiting for a writer); kIoError when it cannot be opened (permissions) or read. Thread-safe.
Result<std::string> read_bounded_file(const std::string& path, std::size_t max_bytes,
                                      std::string_view what);

}  // namespace zhizao
