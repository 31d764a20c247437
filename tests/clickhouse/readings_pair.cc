#include "readings_pair.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <bit>
#include <cmath>
#include <filesystem>

#include "clickhouse/clickhouse_loader.h"
#include "clickhouse/clickhouse_readings.h"
#include "quality/daily_electricity_months.h"
#include "signals/daily_comparison.h"
#include "signals/nowcast.h"
#include "signals/nowcast_render.h"
#include "store/daily_electricity_store.h"

namespace zhizao::testing_clickhouse {
namespace {

// Invented statistics, the same for both sources: a fixed function of the window.
ValueAddedGrowthOf invented_statistics() {
  return [](YearMonth key) -> Result<std::optional<double>> {
    if (key.year < 2020) return std::optional<double>();
    return std::optional<double>(2.5 + 0.37 * ((key.year * 12 + key.month) % 7));
  };
}

void expect_same_blocks(const DailyReadingsSource& embedded, const DailyReadingsSource& clickhouse,
                        int year) {
  Result<std::vector<DailyElectricityYear>> a = embedded.year(year);
  Result<std::vector<DailyElectricityYear>> b = clickhouse.year(year);
  ASSERT_TRUE(a.has_value()) << a.error().to_string();
  ASSERT_TRUE(b.has_value()) << b.error().to_string();
  ASSERT_EQ(a->size(), b->size()) << year;
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].uscc, (*b)[i].uscc);
    EXPECT_EQ((*a)[i].year, (*b)[i].year);
    for (int slot = 0; slot < detail::kDaySlots; ++slot) {
      std::optional<double> x = (*a)[i].readings.at(slot);
      std::optional<double> y = (*b)[i].readings.at(slot);
      ASSERT_EQ(x.has_value(), y.has_value()) << (*a)[i].uscc << " " << year << " slot " << slot;
      if (x) {
        EXPECT_EQ(std::bit_cast<uint64_t>(*x), std::bit_cast<uint64_t>(*y));
      }
    }
  }
}

}  // namespace

ScratchDatabase::ScratchDatabase(const std::string& name)
    : path_(::testing::TempDir() + "zhizao_ch_" + name + "_" + std::to_string(getpid()) + ".db") {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  auto db = Database::open(path_, OpenMode::kCreateIfMissing);
  EXPECT_TRUE(db.has_value());
  if (db) db_ = std::move(*db);
}

ScratchDatabase::~ScratchDatabase() {
  db_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
}

void load_both(Database& db, const ClickHouseTarget& target,
               const std::vector<DailyElectricity>& readings) {
  SourcedBatch batch{"electricity_daily.csv", {}};
  batch.rows.electricity_daily = readings;
  Result<ApplySummary> stored = db.apply({batch});
  ASSERT_TRUE(stored.has_value()) << stored.error().to_string();
  ClickHouseDailyLoader loader(target);
  Status staged = loader.stage(readings);
  ASSERT_TRUE(staged.is_ok()) << staged.to_string();
  Status committed = loader.commit();
  ASSERT_TRUE(committed.is_ok()) << committed.to_string();
}

int expect_same_figures(const Database& db, const ClickHouseTarget& target, YearMonth first,
                        YearMonth last) {
  DailyElectricityStore embedded(db);
  ClickHouseReadings clickhouse(target);
  Result<std::vector<int>> years = embedded.years();
  Result<std::vector<int>> ch_years = clickhouse.years();
  EXPECT_TRUE(years.has_value() && ch_years.has_value());
  if (!years || !ch_years) return 0;
  EXPECT_EQ(*years, *ch_years);
  for (int year : *years) expect_same_blocks(embedded, clickhouse, year);

  int with_readings = 0;
  for (YearMonth month = first; month <= last; month = month.plus_months(1)) {
    Result<DailyComparison> a = compare_daily(embedded, month);
    Result<DailyComparison> b = compare_daily(clickhouse, month);
    EXPECT_TRUE(a.has_value() && b.has_value()) << month.to_string();
    if (!a || !b) continue;
    EXPECT_EQ(daily_comparison_json(*a).dump(), daily_comparison_json(*b).dump())
        << month.to_string();
    Result<Nowcast> n = compute_nowcast(embedded, invented_statistics(), month);
    Result<Nowcast> m = compute_nowcast(clickhouse, invented_statistics(), month);
    EXPECT_TRUE(n.has_value() && m.has_value()) << month.to_string();
    if (!n || !m) continue;
    EXPECT_EQ(nowcast_json(*n, NowcastJson::kDetailed).dump(),
              nowcast_json(*m, NowcastJson::kDetailed).dump())
        << month.to_string();
    if (n->days > 0) ++with_readings;
  }

  Result<DailyElectricityMonths> a = DailyElectricityMonths::load(embedded, first.year, last.year);
  Result<DailyElectricityMonths> b =
      DailyElectricityMonths::load(clickhouse, first.year, last.year);
  EXPECT_TRUE(a.has_value() && b.has_value());
  if (a && b) {
    EXPECT_EQ(a->size(), b->size());
    for (int year : *years) {
      Result<std::vector<DailyElectricityYear>> blocks = embedded.year(year);
      if (!blocks) continue;
      for (const DailyElectricityYear& block : *blocks) {
        for (int month = 1; month <= 12; ++month) {
          std::optional<double> x = a->complete_month(block.uscc, {year, month});
          std::optional<double> y = b->complete_month(block.uscc, {year, month});
          EXPECT_EQ(x.has_value(), y.has_value());
          if (x && y) {
            EXPECT_EQ(std::bit_cast<uint64_t>(*x), std::bit_cast<uint64_t>(*y));
          }
        }
      }
    }
  }
  return with_readings;
}

}  // namespace zhizao::testing_clickhouse
