// `zhizao import --clickhouse URL`: the readings of an import loaded into ClickHouse's Distributed
// table (clickhouse/daily_tables.h) in bounded batches, and made visible all at once. What
// all-or-nothing means across shards (docs/operations.md, "ClickHouse"): every row carries the
// import's id; stage() inserts them batch by batch, synchronously on every shard; commit() then
// inserts one row with the id into the committed imports, which is the moment the readings become
// visible to every reader. An import that fails before the commit leaves rows that no reader
// sees (and that a later import of the same readings supersedes).
#pragma once

#include <cstdint>
#include <optional>

#include "clickhouse/clickhouse_target.h"
#include "ingest/importer.h"

namespace zhizao {

// Loads one import. Not thread-safe; one instance per import.
class ClickHouseDailyLoader : public DailyReadingsSink {
 public:
  // `import_id` orders imports (the latest wins an enterprise-day): by default the time of the
  // stage in nanoseconds since 1970.
  explicit ClickHouseDailyLoader(ClickHouseTarget target,
                                 std::optional<std::uint64_t> import_id = std::nullopt);

  // Nothing for no readings (an import of other files does not need ClickHouse). Else creates
  // the tables where missing, then inserts `readings` in batches that end at the first row
  // reaching target.insert_batch_bytes. Errors: kInvalidData for a date outside 1970–2105
  // (ClickHouse's Date) or a reading that is negative or not finite, before anything is sent;
  // kIoError from ClickHouse (then the rows sent stay invisible).
  Status stage(const std::vector<DailyElectricity>& readings) override;
  // Marks the import committed (nothing when it had no readings). Errors: kIoError (the readings
  // stay invisible; importing the same files again makes them visible); kInternal when stage() did
  // not succeed first.
  Status commit() override;

  std::uint64_t import_id() const { return import_id_; }
  std::uint64_t readings_staged() const { return staged_; }
  std::uint64_t batches_sent() const { return batches_; }

 private:
  ClickHouseTarget target_;
  std::uint64_t import_id_ = 0;
  std::uint64_t staged_ = 0;
  std::uint64_t batches_ = 0;
  bool ready_ = false;
};

}  // namespace zhizao
