// --clickhouse URL, on the commands that write or read the daily electricity readings (import,
// nowcast, serve, quality, and report with --quality-appendix): the readings live in ClickHouse
// instead of the database (clickhouse/clickhouse_target.h for the URL, docs/operations.md
// "ClickHouse").
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "clickhouse/clickhouse_loader.h"

namespace zhizao {

// Adds --clickhouse to `cmd`, storing the URL in `*url` (which must outlive the parse); a URL
// that does not parse is a usage error of the command line (exit 1), found before anything runs.
void add_clickhouse_option(CLI::App* cmd, std::string* url);

// Prints (stdout) what an import loaded into ClickHouse: readings, batches, its import id.
void print_clickhouse_import(const ClickHouseDailyLoader& loader);

}  // namespace zhizao
