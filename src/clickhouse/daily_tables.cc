#include "clickhouse/daily_tables.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "clickhouse/clickhouse_client.h"

namespace zhizao {
namespace {

constexpr std::uint64_t kDdlAnswerBytes = 64 * 1024;

std::vector<std::string> daily_ddl(const ClickHouseTarget& target) {
  return {
      fmt::format("CREATE TABLE IF NOT EXISTS {} (uscc String, date Date, kwh Float64, "
                  "import_id UInt64) ENGINE = MergeTree() PARTITION BY toYear(date) "
                  "ORDER BY (uscc, date, import_id)",
                  kDailyReadingsLocal),
      fmt::format("CREATE TABLE IF NOT EXISTS {} AS {} ENGINE = Distributed({}, {}, {}, "
                  "cityHash64(uscc))",
                  kDailyReadings, kDailyReadingsLocal, target.cluster, target.database,
                  kDailyReadingsLocal),
      fmt::format("CREATE TABLE IF NOT EXISTS {} (import_id UInt64, readings UInt64, "
                  "committed_at DateTime DEFAULT now()) ENGINE = MergeTree() ORDER BY import_id",
                  kDailyImportsLocal),
      fmt::format("CREATE TABLE IF NOT EXISTS {} AS {} ENGINE = Distributed({}, {}, {}, "
                  "import_id)",
                  kDailyImports, kDailyImportsLocal, target.cluster, target.database,
                  kDailyImportsLocal),
  };
}

}  // namespace

Status create_daily_tables(const ClickHouseTarget& target) {
  for (const ClickHouseNode& node : target.nodes) {
    ClickHouseClient client(node, target.database);
    for (const std::string& statement : daily_ddl(target)) {
      Result<std::string> done = client.query(statement, kDdlAnswerBytes);
      if (!done) return done.error();
    }
  }
  return Status::ok();
}

}  // namespace zhizao
