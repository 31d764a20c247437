#include "clickhouse/clickhouse_loader.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "base/civil_days.h"
#include "clickhouse/clickhouse_client.h"
#include "clickhouse/daily_tables.h"
#include "clickhouse/row_binary.h"

namespace zhizao {
namespace {

constexpr long kLastDateDay = 65535;  // ClickHouse's Date is a UInt16 of days: up to 2149-06-06

std::uint64_t now_nanoseconds() {
  auto since = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(since).count());
}

Status check_sendable(const DailyElectricity& reading) {
  long day = civil_day_number(reading.date);
  if (day < 0 || day > kLastDateDay || reading.date.year > 2105) {
    return Status::invalid_data(fmt::format(
        "daily electricity {}|{}: ClickHouse's Date holds 1970-01-01 to 2105-12-31 only",
        reading.uscc, reading.date.to_string()));
  }
  if (!std::isfinite(reading.kwh) || reading.kwh < 0) {
    return Status::invalid_data(fmt::format("daily electricity {}|{}: not a reading ≥ 0",
                                            reading.uscc, reading.date.to_string()));
  }
  return Status::ok();
}

}  // namespace

ClickHouseDailyLoader::ClickHouseDailyLoader(ClickHouseTarget target,
                                             std::optional<std::uint64_t> import_id)
    : target_(std::move(target)), import_id_(import_id.value_or(0)) {}

Status ClickHouseDailyLoader::stage(const std::vector<DailyElectricity>& readings) {
  for (const DailyElectricity& reading : readings) ZHIZAO_RETURN_IF_ERROR(check_sendable(reading));
  ready_ = readings.empty();  // an import without readings leaves ClickHouse alone
  if (ready_) return Status::ok();
  ZHIZAO_RETURN_IF_ERROR(create_daily_tables(target_));
  if (import_id_ == 0) import_id_ = now_nanoseconds();
  ClickHouseClient client(target_.nodes.front(), target_.database);
  const std::string insert =
      fmt::format("INSERT INTO {} (uscc, date, kwh, import_id) FORMAT RowBinary", kDailyReadings);
  detail::RowBinaryWriter batch;
  auto send = [&]() -> Status {
    if (batch.size() == 0) return Status::ok();
    Status sent = client.insert(insert, batch.bytes());
    batch.clear();
    ++batches_;
    return sent;
  };
  for (const DailyElectricity& reading : readings) {
    batch.string(reading.uscc);
    batch.uint16(static_cast<std::uint16_t>(civil_day_number(reading.date)));
    batch.float64(reading.kwh);
    batch.uint64(import_id_);
    ++staged_;
    if (batch.size() >= target_.insert_batch_bytes) ZHIZAO_RETURN_IF_ERROR(send());
  }
  ZHIZAO_RETURN_IF_ERROR(send());
  ready_ = true;
  return Status::ok();
}

Status ClickHouseDailyLoader::commit() {
  if (!ready_) return Status::internal("ClickHouse import committed before it was staged");
  if (staged_ == 0) return Status::ok();
  ClickHouseClient client(target_.nodes.front(), target_.database);
  detail::RowBinaryWriter row;
  row.uint64(import_id_);
  row.uint64(staged_);
  // DateTime in RowBinary is a UInt32 of seconds; now() is given by the server instead.
  Status committed = client.insert(
      fmt::format("INSERT INTO {} (import_id, readings) FORMAT RowBinary", kDailyImports),
      row.bytes());
  if (!committed.is_ok()) {
    return Status::io_error(fmt::format(
        "{} — the {} readings of ClickHouse import {} were loaded but not committed, so no "
        "reader sees them; the other files of the import are stored: import the same files "
        "again",
        committed.message(), staged_, import_id_));
  }
  return Status::ok();
}

}  // namespace zhizao
