#include <gtest/gtest.h>

#include <fstream>

#include "store/database.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::raw_sql;
using testing_support::TempDatabasePath;

TEST(DatabaseOpen, CreatesAndStampsANewDatabase) {
  TempDatabasePath file;
  Result<std::unique_ptr<Database>> db = Database::open(file.path(), OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  db->reset();
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA user_version"),
            std::to_string(Database::schema_version()));
  // 0x7A68697A, "zhiz".
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA application_id"), "2053663098");
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA journal_mode"), "wal");
}

TEST(DatabaseOpen, SchemaVersionCountsTheMigrations) {
  // Version 1 creates the tables, version 2 seeds the default region group, version 3 adds the
  // platform's users, sessions, audit log and submissions, version 4 the data version, version 5
  // stores the monthly records as year blocks, version 6 adds the v2 input tables; later ones
  // are appended by v2 modules (daily electricity, quality, cases) as they come.
  EXPECT_GE(Database::schema_version(), 6);
  EXPECT_EQ(std::string(detail::migrations()[5].description),
            "v2 inputs: products, targets, campaigns, enterprise service");
}

TEST(DatabaseOpen, ReopensAnExistingDatabaseWithItsData) {
  TempDatabasePath file;
  {
    auto db = Database::open(file.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().to_string();
    SourcedBatch batch{"chains.csv", {}};
    batch.rows.chains.push_back({"c1", "装备制造"});
    ASSERT_TRUE((*db)->apply({batch}).has_value());
  }
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  Result<Dataset> loaded = (*db)->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  ASSERT_EQ(loaded->chains.size(), 1u);
  EXPECT_EQ(loaded->chains[0], (Chain{"c1", "装备制造"}));
  // Reopening does not seed the default group a second time.
  EXPECT_EQ(loaded->region_groups.size(), 1u);
}

TEST(DatabaseOpen, MigratesAPartlyMigratedDatabase) {
  TempDatabasePath file;
  // A database at version 1, as an early release left it: the tables of migration 1 only.
  raw_sql(file.path(), std::string(detail::migrations()[0].sql) +
                           "; PRAGMA application_id = 2053663098; PRAGMA user_version = 1");
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  auto loaded = (*db)->load();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->region_groups.size(), 1u);
  EXPECT_EQ(loaded->region_groups[0].id, "luoyang-metro");
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA user_version"),
            std::to_string(Database::schema_version()));
}

TEST(DatabaseOpen, MustExistRefusesAMissingFile) {
  TempDatabasePath file;
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(file.path()));
}

TEST(DatabaseOpen, RefusesAnotherApplicationsSqliteFile) {
  TempDatabasePath file;
  raw_sql(file.path(), "CREATE TABLE notes (text TEXT)");
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code(), StatusCode::kCorruption);
  EXPECT_NE(db.error().message().find("not a zhizao database"), std::string::npos);
  // The foreign file is left as it was: no zhizao tables, still in rollback-journal mode.
  EXPECT_EQ(raw_sql(file.path(), "SELECT count(*) FROM sqlite_schema"), "1");
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA journal_mode"), "delete");
}

TEST(DatabaseOpen, RefusesAFileWithAnotherApplicationId) {
  TempDatabasePath file;
  raw_sql(file.path(), "PRAGMA application_id = 42");
  auto db = Database::open(file.path(), OpenMode::kCreateIfMissing);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code(), StatusCode::kCorruption);
}

TEST(DatabaseOpen, RefusesAFileThatIsNotSqlite) {
  TempDatabasePath file;
  {
    std::ofstream text(file.path());
    text << "uscc,name\n" << std::string(200, 'x') << "\n";
  }
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code(), StatusCode::kCorruption) << db.error().to_string();
}

TEST(DatabaseOpen, RefusesASchemaNewerThanTheBinary) {
  TempDatabasePath file;
  ASSERT_TRUE(Database::open(file.path(), OpenMode::kCreateIfMissing).has_value());
  raw_sql(file.path(), "PRAGMA user_version = " + std::to_string(Database::schema_version() + 1));
  auto db = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code(), StatusCode::kCorruption);
  EXPECT_NE(db.error().message().find("newer"), std::string::npos);
}

TEST(DatabaseOpen, ReportsAnUnopenablePathAsIoError) {
  auto db = Database::open("/nonexistent-dir-zhizao/sub/x.db", OpenMode::kCreateIfMissing);
  ASSERT_FALSE(db.has_value());
  EXPECT_EQ(db.error().code(), StatusCode::kIoError);
}

TEST(DatabaseOpen, EmptyDatabaseLoadsOnlyTheDefaultRegionGroup) {
  TempDatabasePath file;
  auto db = Database::open(file.path(), OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value());
  Result<Dataset> loaded = (*db)->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  Dataset expected;
  expected.region_groups.push_back({"luoyang-metro",
                                    "洛阳都市圈",
                                    {"410300", "419001", "410800", "410400", "411200", "410181"}});
  EXPECT_EQ(*loaded, expected);
  auto revisions = (*db)->revisions({});
  ASSERT_TRUE(revisions.has_value());
  EXPECT_TRUE(revisions->empty());
}

}  // namespace
}  // namespace zhizao
