#include "cli/clickhouse_option.h"

#include <fmt/format.h>

#include "clickhouse/clickhouse_target.h"

namespace zhizao {

void add_clickhouse_option(CLI::App* cmd, std::string* url) {
  cmd->add_option("--clickhouse", *url,
                  "Daily electricity readings in ClickHouse: http://HOST:PORT[,...][?cluster=NAME]")
      ->check(CLI::Validator(
          [](std::string& value) {
            Result<ClickHouseTarget> target = parse_clickhouse_target(value);
            if (target) return std::string();
            // CLI11 names the option itself before the message.
            std::string message = target.error().message();
            constexpr std::string_view kPrefix = "--clickhouse: ";
            if (message.starts_with(kPrefix)) message.erase(0, kPrefix.size());
            return message;
          },
          "URL", "clickhouse"));
}

void print_clickhouse_import(const ClickHouseDailyLoader& loader) {
  fmt::print("ClickHouse: {} daily readings in {} batches, committed as import {}\n",
             loader.readings_staged(), loader.batches_sent(), loader.import_id());
}

}  // namespace zhizao
