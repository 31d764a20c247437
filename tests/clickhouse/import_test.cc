// `zhizao import --clickhouse`'s path through the importer: the readings of electricity_daily.csv
// go to ClickHouse, not to the database, after every check has passed; a refused import sends
// nothing; the figures equal those of the same files imported into the embedded store.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "clickhouse/clickhouse_client.h"
#include "clickhouse/clickhouse_loader.h"
#include "clickhouse/clickhouse_readings.h"
#include "clickhouse/daily_tables.h"
#include "clickhouse_servers.h"
#include "ingest/importer.h"
#include "readings_pair.h"
#include "store/daily_electricity_store.h"

namespace zhizao::testing_clickhouse {
namespace {

long rows_on_shards(const ClickHouseTarget& target) {
  long rows = 0;
  for (const ClickHouseNode& node : target.nodes) {
    Result<std::string> count =
        ClickHouseClient(node, target.database)
            .query(fmt::format("SELECT count() FROM {} FORMAT TSV", kDailyReadingsLocal), 64);
    EXPECT_TRUE(count.has_value()) << count.error().to_string();
    if (count) rows += std::stol(*count);
  }
  return rows;
}

class ImportToClickHouse : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(servers().failure, ""); }
};

TEST_F(ImportToClickHouse, ReadingsGoThereAndGiveTheEmbeddedFigures) {
  ClickHouseTarget target = two_shard_target("import");
  ScratchDatabase embedded("import_embedded");
  ScratchDatabase with_ch("import_ch");
  std::vector<std::string> files = {kHandReadings + "enterprises.csv",
                                    kHandReadings + "electricity_daily.csv"};
  Result<ImportOutcome> plain = import_files(embedded.db(), files, ImportOptions{});
  ASSERT_TRUE(plain.has_value() && !plain->refused());
  ClickHouseDailyLoader loader(target);
  ImportOptions options;
  options.daily_readings_sink = &loader;
  Result<ImportOutcome> outcome = import_files(with_ch.db(), files, options);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  ASSERT_FALSE(outcome->refused());
  EXPECT_EQ(loader.readings_staged(), 14u);  // the file's 14 readings
  Result<std::vector<int>> in_db = DailyElectricityStore(with_ch.db()).years();
  ASSERT_TRUE(in_db.has_value());
  EXPECT_TRUE(in_db->empty());  // none in the database
  EXPECT_EQ(rows_on_shards(target), 14);
  EXPECT_GT(expect_same_figures(embedded.db(), target, {2020, 1}, {2021, 6}), 0);
}

TEST_F(ImportToClickHouse, ARefusedImportSendsNothing) {
  ClickHouseTarget target = two_shard_target("refused");
  ScratchDatabase scratch("refused");
  ClickHouseDailyLoader first(target);
  ImportOptions options;
  options.daily_readings_sink = &first;
  std::vector<std::string> files = {kHandReadings + "enterprises.csv",
                                    kHandReadings + "electricity_daily.csv"};
  Result<ImportOutcome> good = import_files(scratch.db(), files, options);
  ASSERT_TRUE(good.has_value() && !good->refused());
  // A second file: a good reading, then a negative one and an unknown enterprise.
  ClickHouseDailyLoader second(target);
  options.daily_readings_sink = &second;
  std::vector<SourceFile> bad = {
      {"electricity_daily.csv",
       "uscc,date,kwh\n91410300MA44XXXX10,2021-03-01,999\n91410300MA44XXXX10,2021-03-02,-1\n"
       "91410300MA4ZZZZZ11,2021-03-03,5\n"}};
  Result<ImportOutcome> refused = import_sources(scratch.db(), bad, options);
  ASSERT_TRUE(refused.has_value());
  EXPECT_TRUE(refused->refused());
  EXPECT_GE(refused->errors.size(), 2u);
  EXPECT_EQ(second.readings_staged(), 0u);
  EXPECT_EQ(rows_on_shards(target), 14);
  Result<std::vector<DailyElectricityYear>> year = ClickHouseReadings(target).year(2021);
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(year->front().readings.at(detail::day_slot(3, 1)), 110);  // still the first import's
}

TEST_F(ImportToClickHouse, AnUnreachableServerFailsTheImportAndStoresNothing) {
  ScratchDatabase scratch("unreachable");
  Result<ClickHouseTarget> target = parse_clickhouse_target("http://127.0.0.1:1");
  ASSERT_TRUE(target.has_value());
  ClickHouseDailyLoader loader(*target);
  ImportOptions options;
  options.daily_readings_sink = &loader;
  Result<ImportOutcome> outcome = import_files(
      scratch.db(), {kHandReadings + "enterprises.csv", kHandReadings + "electricity_daily.csv"},
      options);
  ASSERT_FALSE(outcome.has_value());
  EXPECT_EQ(outcome.error().code(), StatusCode::kIoError);
  Result<Dataset> stored = scratch.db().load();
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->enterprises.empty());  // the enterprises were not stored either
}

TEST_F(ImportToClickHouse, AnImportWithoutReadingsDoesNotNeedClickHouse) {
  ScratchDatabase scratch("no_readings");
  Result<ClickHouseTarget> target = parse_clickhouse_target("http://127.0.0.1:1");
  ASSERT_TRUE(target.has_value());
  ClickHouseDailyLoader loader(*target);
  ImportOptions options;
  options.daily_readings_sink = &loader;
  Result<ImportOutcome> outcome =
      import_files(scratch.db(), {kHandReadings + "enterprises.csv"}, options);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  EXPECT_FALSE(outcome->refused());
  EXPECT_EQ(outcome->summary.inserted, 2);
  EXPECT_EQ(loader.batches_sent(), 0u);
}

}  // namespace
}  // namespace zhizao::testing_clickhouse
