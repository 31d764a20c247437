// Readings loaded through ClickHouse (one shard and two shards) give the same figures as the
// embedded store, to the last bit: hand-made readings around 29 February with missing days,
// random readings, and re-imports that replace readings (the latest import wins an enterprise-
// day, and an import never committed is never seen).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "clickhouse/clickhouse_client.h"
#include "clickhouse/clickhouse_loader.h"
#include "clickhouse/clickhouse_readings.h"
#include "clickhouse/daily_tables.h"
#include "clickhouse_servers.h"
#include "readings_pair.h"
#include "signals/daily_comparison.h"
#include "signals/daily_growth.h"
#include "signals/spring_festival.h"

namespace zhizao::testing_clickhouse {
namespace {

class SameFigures : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override { ASSERT_EQ(servers().failure, ""); }

  ClickHouseTarget target(const std::string& name) {
    std::string full = name + (GetParam() == 2 ? "_two" : "_one");
    return GetParam() == 2 ? two_shard_target(full) : one_shard_target(full);
  }
};

// Three enterprises over 2019–2021: 29 February 2020 read (against nothing), days missing in one
// year or the other, an enterprise that starts in 2020, readings that are not exact in binary.
std::vector<DailyElectricity> hand_made() {
  std::vector<DailyElectricity> rows;
  const std::string a = "91410300MA44XXXX10";
  const std::string b = "91410302MA45YYYY28";
  const std::string c = "91410303MA46ZZZZ3X";
  for (int day = 1; day <= 28; ++day) {
    rows.push_back({a, {2019, 2, day}, 100.1 + day});
    if (day % 5 != 0) rows.push_back({b, {2019, 2, day}, 0.1 * day});
  }
  for (int day = 1; day <= 29; ++day) {
    rows.push_back({a, {2020, 2, day}, 110.3 + day});
    if (day % 7 != 0) rows.push_back({b, {2020, 2, day}, 0.2 * day});
    rows.push_back({c, {2020, 2, day}, 1e-3 * day});
  }
  for (int day = 1; day <= 31; ++day) {
    if (day != 15) rows.push_back({a, {2020, 3, day}, 123456.789});
    rows.push_back({a, {2021, 3, day}, 123456.789 + 0.3});
    if (day > 10) rows.push_back({c, {2021, 3, day}, 7.7});
  }
  for (int day = 1; day <= 28; ++day) rows.push_back({c, {2021, 2, day}, 0.3 * day});
  return rows;
}

// Readings of `enterprises` enterprises on each day of 2019–2021 with probability 0.9, as a
// contract file holds them (kWh to two decimals) or any double.
std::vector<DailyElectricity> random_readings(std::mt19937_64& random, int enterprises,
                                              bool any_double) {
  std::uniform_real_distribution<double> kwh(0, 2e6);
  std::bernoulli_distribution read(0.9);
  std::vector<DailyElectricity> rows;
  for (int e = 0; e < enterprises; ++e) {
    std::string uscc = fmt::format("91410300MA{:08d}", (e * 7919) % 100000000);
    for (int day = days_since_epoch({2019, 1, 1}); day <= days_since_epoch({2021, 12, 31}); ++day) {
      if (!read(random)) continue;
      double value = kwh(random);
      if (!any_double) value = std::round(value * 100) / 100;
      rows.push_back({uscc, date_of_epoch_day(day), value});
    }
  }
  return rows;
}

TEST_P(SameFigures, HandMadeReadingsAround29February) {
  ClickHouseTarget ch = target("hand");
  ScratchDatabase scratch("hand" + std::to_string(GetParam()));
  load_both(scratch.db(), ch, hand_made());
  int months = expect_same_figures(scratch.db(), ch, {2019, 1}, {2021, 12});
  EXPECT_EQ(months, 5);  // 2019-02, 2020-02, 2020-03, 2021-02, 2021-03
  // The figure itself, by hand: March 2021 against March 2020 over enterprise a's 30 paired days
  // (the 15th of 2020 missing) and none of c (no 2020 March): +0.3 each day.
  Result<DailyComparison> march = compare_daily(ClickHouseReadings(ch), {2021, 3});
  ASSERT_TRUE(march.has_value()) << march.error().to_string();
  EXPECT_EQ(march->month.pairs, 30);
  EXPECT_NEAR(*march->month.growth(), 100 * (0.3 / 123456.789), 1e-9);
}

TEST_P(SameFigures, RandomReadings) {
  std::mt19937_64 random(20261206 + static_cast<unsigned>(GetParam()));
  for (bool any_double : {false, true}) {
    ClickHouseTarget ch = target(any_double ? "random_bits" : "random_cents");
    ScratchDatabase scratch("random" + std::to_string(GetParam()) + (any_double ? "b" : "c"));
    load_both(scratch.db(), ch, random_readings(random, 25, any_double));
    EXPECT_EQ(expect_same_figures(scratch.db(), ch, {2019, 1}, {2021, 12}), 36);
    if (GetParam() == 2) {
      // Sharded by enterprise: both shards hold readings, and no enterprise is on both.
      std::string sql =
          fmt::format("SELECT count(), uniqExact(uscc) FROM {} FORMAT TSV", kDailyReadingsLocal);
      long enterprises = 0;
      for (const ClickHouseNode& node : ch.nodes) {
        Result<std::string> counts = ClickHouseClient(node, ch.database).query(sql, 1024);
        ASSERT_TRUE(counts.has_value()) << counts.error().to_string();
        long rows = std::stol(*counts);
        EXPECT_GT(rows, 0) << node.url();
        enterprises += std::stol(counts->substr(counts->find('\t') + 1));
      }
      EXPECT_EQ(enterprises, 25);
    }
  }
}

TEST_P(SameFigures, LatestImportWinsAndUncommittedOnesAreNeverSeen) {
  ClickHouseTarget ch = target("reimport");
  ScratchDatabase scratch("reimport" + std::to_string(GetParam()));
  std::mt19937_64 random(7);
  std::vector<DailyElectricity> first = random_readings(random, 6, false);
  load_both(scratch.db(), ch, first);
  std::vector<DailyElectricity> second;
  for (size_t i = 0; i < first.size(); i += 9)
    second.push_back({first[i].uscc, first[i].date, 1.5 * static_cast<double>(i)});
  load_both(scratch.db(), ch, second);
  // Staged with the latest id of all, never committed: invisible.
  ClickHouseDailyLoader abandoned(ch);
  std::vector<DailyElectricity> third = second;
  for (DailyElectricity& row : third) row.kwh = 9e9;
  ASSERT_TRUE(abandoned.stage(third).is_ok());
  EXPECT_EQ(expect_same_figures(scratch.db(), ch, {2019, 1}, {2021, 12}), 36);
}

TEST_P(SameFigures, SmallBatchesGiveTheSameReadings) {
  ClickHouseTarget ch = target("batches");
  ch.insert_batch_bytes = 4096;
  ScratchDatabase scratch("batches" + std::to_string(GetParam()));
  std::vector<DailyElectricity> rows = hand_made();
  SourcedBatch batch{"electricity_daily.csv", {}};
  batch.rows.electricity_daily = rows;
  ASSERT_TRUE(scratch.db().apply({batch}).has_value());
  ClickHouseDailyLoader loader(ch);
  ASSERT_TRUE(loader.stage(rows).is_ok());
  ASSERT_TRUE(loader.commit().is_ok());
  // ~45 bytes a reading: more than one batch, each within the bound plus one row.
  EXPECT_GE(loader.batches_sent(), rows.size() * 40 / 4096);
  EXPECT_EQ(loader.readings_staged(), rows.size());
  EXPECT_EQ(expect_same_figures(scratch.db(), ch, {2019, 1}, {2021, 12}), 5);
}

INSTANTIATE_TEST_SUITE_P(Shards, SameFigures, ::testing::Values(1, 2), [](const auto& shards) {
  return std::to_string(shards.param) + "shards";
});

}  // namespace
}  // namespace zhizao::testing_clickhouse
