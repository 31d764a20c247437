// The view `monthly` decodes the year blocks in plain SQL exactly, and migration 5 moves a
// version-4 database's monthly rows into blocks without changing a bit.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::raw_sql;
using testing_support::TempDatabasePath;

// Awkward doubles: subnormal, extreme, negative, inexact decimals, above 2^53.
std::vector<MonthlyRecord> awkward_records() {
  const double values[] = {0.0,
                           std::numeric_limits<double>::denorm_min(),
                           std::numeric_limits<double>::min(),
                           std::numeric_limits<double>::max(),
                           -std::numeric_limits<double>::max(),
                           0.1,
                           -1234.56,
                           1.0 / 3.0,
                           9007199254740993.0,
                           6.02214076e23,
                           -2.5e-300,
                           123456789.123};
  std::vector<MonthlyRecord> rows;
  const char* usccs[] = {"91410300MA44A0001A", "91410300MA44B0002B"};
  int v = 0;
  for (const char* uscc : usccs) {
    for (YearMonth period :
         {YearMonth{2020, 12}, YearMonth{2021, 1}, YearMonth{2021, 5}, YearMonth{2021, 12}}) {
      MonthlyRecord row;
      row.uscc = uscc;
      row.period = period;
      row.output = values[v++ % 12];
      if (v % 2 == 0) row.value_added = values[v % 12];
      if (v % 3 != 0) row.electricity = values[(v + 1) % 12];
      row.output_prev = values[(v + 2) % 12];
      if (v % 4 != 1) row.value_added_prev = values[(v + 3) % 12];
      if (v % 5 != 2) row.electricity_prev = values[(v + 4) % 12];
      row.in_scope = v % 3 != 1;
      rows.push_back(row);
    }
  }
  return rows;
}

// Every row of the view `monthly`, read through a raw connection, as records in key order.
std::vector<MonthlyRecord> read_view(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* select = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db,
                               "SELECT uscc, year, month, output, value_added, electricity, "
                               "output_prev, value_added_prev, electricity_prev, in_scope "
                               "FROM monthly ORDER BY uscc, year, month",
                               -1, &select, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  std::vector<MonthlyRecord> rows;
  auto optional = [&](int column) -> std::optional<double> {
    if (sqlite3_column_type(select, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(select, column);
  };
  while (sqlite3_step(select) == SQLITE_ROW) {
    MonthlyRecord row;
    row.uscc = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
    row.period = {sqlite3_column_int(select, 1), sqlite3_column_int(select, 2)};
    row.output = sqlite3_column_double(select, 3);
    row.value_added = optional(4);
    row.electricity = optional(5);
    row.output_prev = optional(6);
    row.value_added_prev = optional(7);
    row.electricity_prev = optional(8);
    row.in_scope = sqlite3_column_int(select, 9) != 0;
    rows.push_back(row);
  }
  sqlite3_finalize(select);
  sqlite3_close(db);
  return rows;
}

// Bit-for-bit equality (operator== would take 0.0 for -0.0).
void expect_same_bits(const std::vector<MonthlyRecord>& got,
                      const std::vector<MonthlyRecord>& want) {
  ASSERT_EQ(got.size(), want.size());
  auto bits = [](const std::optional<double>& v) {
    return v ? std::optional<uint64_t>(std::bit_cast<uint64_t>(*v)) : std::nullopt;
  };
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i], want[i]) << i;
    EXPECT_EQ(bits(got[i].output), bits(want[i].output)) << i;
    EXPECT_EQ(bits(got[i].value_added), bits(want[i].value_added)) << i;
    EXPECT_EQ(bits(got[i].value_added_prev), bits(want[i].value_added_prev)) << i;
  }
}

TEST(MonthlyView, DecodesEveryStoredDoubleExactly) {
  TempDatabasePath file;
  auto db = Database::open(file.path(), OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  SourcedBatch batch{"monthly.csv", {}};
  batch.rows.monthly = awkward_records();
  ASSERT_TRUE((*db)->apply({batch}).has_value());
  expect_same_bits(read_view(file.path()), awkward_records());
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM monthly_year"), "4");
}

// A version-4 file with `monthly` as a table, filled through prepared statements.
void write_version_4(const std::string& path, const std::vector<MonthlyRecord>& rows) {
  std::string schema;
  for (size_t i = 0; i < 4; ++i) schema += std::string(detail::migrations()[i].sql) + ";\n";
  raw_sql(path, schema + "PRAGMA application_id = 2053663098; PRAGMA user_version = 4;");
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* insert = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO monthly VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
                               -1, &insert, nullptr),
            SQLITE_OK);
  auto bind = [&](int index, const std::optional<double>& v) {
    v ? sqlite3_bind_double(insert, index, *v) : sqlite3_bind_null(insert, index);
  };
  for (const MonthlyRecord& row : rows) {
    sqlite3_bind_text(insert, 1, row.uscc.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(insert, 2, row.period.year);
    sqlite3_bind_int(insert, 3, row.period.month);
    bind(4, row.output);
    bind(5, row.value_added);
    bind(6, row.electricity);
    bind(7, row.output_prev);
    bind(8, row.value_added_prev);
    bind(9, row.electricity_prev);
    sqlite3_bind_int(insert, 10, row.in_scope ? 1 : 0);
    ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE) << sqlite3_errmsg(db);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
}

TEST(MonthlyView, MigrationFiveMovesVersionFourRowsIntoBlocks) {
  TempDatabasePath file;
  write_version_4(file.path(), awkward_records());
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA user_version"),
            std::to_string(Database::schema_version()));
  EXPECT_EQ(raw_sql(file.path(), "SELECT type FROM sqlite_schema WHERE name = 'monthly'"), "view");
  Result<Dataset> loaded = (*db)->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  expect_same_bits(loaded->monthly, awkward_records());
  expect_same_bits(read_view(file.path()), awkward_records());
  // 2 enterprises × 2 years.
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM monthly_year"), "4");
}

TEST(MonthlyView, MigratesAnEmptyVersionFourDatabase) {
  TempDatabasePath file;
  write_version_4(file.path(), {});
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM monthly"), "0");
}

}  // namespace
}  // namespace zhizao
