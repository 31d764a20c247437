#include "clickhouse/clickhouse_readings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "base/civil_days.h"
#include "clickhouse/clickhouse_client.h"
#include "clickhouse/daily_tables.h"
#include "clickhouse/row_binary.h"

namespace zhizao {
namespace {

// GB 32100-2015 codes are 18 characters; a longer one is not a uscc zhizao stored.
constexpr std::size_t kMaxUsccBytes = 64;
constexpr CivilDate kEpoch{1970, 1, 1};

// Readings of committed imports only (GLOBAL: the list is read once, on the node asked, and sent
// to the shards).
std::string committed() {
  return fmt::format("import_id GLOBAL IN (SELECT import_id FROM {})", kDailyImports);
}

Status hint_missing_tables(const Status& status) {
  if (status.message().find("Code: 60,") == std::string::npos) return status;
  return Status::io_error(status.message() +
                          " — no import into ClickHouse yet: `zhizao import --clickhouse URL "
                          "electricity_daily.csv` creates the tables");
}

// The year's blocks as the answer's rows come, in any order (sorting 3.6 million rows by
// (uscc, date) in ClickHouse cost more than its GROUP BY; 10,000 blocks sort here in no time).
class YearAssembly {
 public:
  explicit YearAssembly(int year) : year_(year) {}

  // Adds one decoded (uscc, date, kWh), checking the values. Errors: kCorruption.
  Status add(std::string_view uscc, std::uint16_t day_number, double kwh) {
    CivilDate date = civil_add_days(kEpoch, day_number);
    if (date.year != year_) {
      return Status::corruption(fmt::format("ClickHouse answered a reading of {} to a query of {}",
                                            date.to_string(), year_));
    }
    if (!std::isfinite(kwh) || kwh < 0) {
      return Status::corruption(fmt::format("ClickHouse holds a reading of {}|{} that is not ≥ 0",
                                            uscc, date.to_string()));
    }
    if (blocks_.empty() || blocks_[last_].uscc != uscc) {
      auto [found, added] = index_.try_emplace(std::string(uscc), blocks_.size());
      if (added) blocks_.push_back({std::string(uscc), year_, {}});
      last_ = found->second;
    }
    DailyElectricityYear& block = blocks_[last_];
    int slot = detail::day_slot(date);
    if (block.readings.at(slot)) {
      return Status::corruption(
          fmt::format("ClickHouse answered {}|{} twice", block.uscc, date.to_string()));
    }
    block.readings.set(slot, kwh);
    return Status::ok();
  }

  // The blocks sorted by uscc, as DailyReadingsSource promises.
  std::vector<DailyElectricityYear> sorted() && {
    std::sort(blocks_.begin(), blocks_.end(),
              [](const DailyElectricityYear& a, const DailyElectricityYear& b) {
                return a.uscc < b.uscc;
              });
    return std::move(blocks_);
  }

 private:
  int year_;
  std::vector<DailyElectricityYear> blocks_;
  std::unordered_map<std::string, std::size_t> index_;
  std::size_t last_ = 0;
};

}  // namespace

Result<std::vector<DailyElectricityYear>> ClickHouseReadings::year(int year) const {
  if (year < 1970 || year > 2105) return std::vector<DailyElectricityYear>{};  // Date's range
  // One row per enterprise-day: the reading of its latest committed import. The node asked
  // merges the shards' GROUP BY states bucket by bucket (distributed_aggregation_memory_efficient)
  // instead of all at once: at 109.6 M readings over two shards the whole merge of a year's
  // 36.5 M enterprise-days passed an 8 GB query limit (bench/README.md).
  std::string sql = fmt::format(
      "SELECT uscc, date, argMax(kwh, import_id) FROM {} WHERE date >= toDate('{}-01-01') "
      "AND date <= toDate('{}-12-31') AND {} GROUP BY uscc, date "
      "SETTINGS distributed_aggregation_memory_efficient = 1 FORMAT RowBinary",
      kDailyReadings, year, year, committed());
  ClickHouseClient client(target_.nodes.front(), target_.database);
  Result<std::string> answer = client.query(sql, target_.max_answer_bytes);
  if (!answer) return fail(hint_missing_tables(answer.error()));
  YearAssembly blocks(year);
  detail::RowBinaryReader reader(*answer);
  while (!reader.at_end()) {
    Result<std::string_view> uscc = reader.string_view(kMaxUsccBytes);
    if (!uscc) return fail(uscc.error());
    Result<std::uint16_t> day = reader.uint16();
    if (!day) return fail(day.error());
    Result<double> kwh = reader.float64();
    if (!kwh) return fail(kwh.error());
    Status added = blocks.add(*uscc, *day, *kwh);
    if (!added.is_ok()) return fail(added);
  }
  return std::move(blocks).sorted();
}

Result<std::vector<int>> ClickHouseReadings::years() const {
  std::string sql =
      fmt::format("SELECT DISTINCT toYear(date) AS y FROM {} WHERE {} ORDER BY y FORMAT RowBinary",
                  kDailyReadings, committed());
  ClickHouseClient client(target_.nodes.front(), target_.database);
  // At most the 136 years of ClickHouse's Date, two bytes each.
  Result<std::string> answer = client.query(sql, 1024);
  if (!answer) return fail(hint_missing_tables(answer.error()));
  std::vector<int> years;
  detail::RowBinaryReader reader(*answer);
  while (!reader.at_end()) {
    Result<std::uint16_t> year = reader.uint16();
    if (!year) return fail(year.error());
    if (!years.empty() && *year <= years.back()) {
      return fail(Status::corruption("ClickHouse answered the years out of order"));
    }
    years.push_back(*year);
  }
  return years;
}

}  // namespace zhizao
