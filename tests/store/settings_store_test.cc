// SettingsStore (migration 12): the installation's settings by key; each change moves the data
// version forward (the report reads the area, so the snapshot must be rebuilt) and the area
// travels with the loaded tables (Dataset::area_code).
#include "store/settings_store.h"

#include <gtest/gtest.h>

#include "temp_database.h"

namespace zhizao {
namespace {

using testing_support::TempDatabasePath;

class SettingsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(file_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().message();
    db_ = std::move(*db);
  }
  std::int64_t version() const { return db_->data_version().value_or(-1); }

  TempDatabasePath file_;
  std::unique_ptr<Database> db_;
};

TEST_F(SettingsStoreTest, ANewDatabaseHasNoSettings) {
  SettingsStore settings(*db_);
  EXPECT_EQ(settings.list().value(), std::vector<Setting>{});
  EXPECT_EQ(settings.get(kAreaSetting).value(), std::nullopt);
  EXPECT_EQ(db_->load().value().area_code, "");
}

TEST_F(SettingsStoreTest, SetReplacesAndMovesTheDataVersion) {
  SettingsStore settings(*db_);
  std::int64_t before = version();
  ASSERT_TRUE(settings.set(kAreaSetting, "410200").is_ok());
  std::int64_t after_first = version();
  EXPECT_GT(after_first, before);
  ASSERT_TRUE(settings.set(kAreaSetting, "410000").is_ok());
  EXPECT_GT(version(), after_first);
  EXPECT_EQ(settings.get(kAreaSetting).value(), std::optional<std::string>("410000"));
  ASSERT_TRUE(settings.set("zz", "x").is_ok());
  EXPECT_EQ(settings.list().value(), (std::vector<Setting>{{"area", "410000"}, {"zz", "x"}}));
  EXPECT_EQ(db_->load().value().area_code, "410000");
}

TEST_F(SettingsStoreTest, ClearSaysWhetherThereWasOne) {
  SettingsStore settings(*db_);
  std::int64_t before = version();
  EXPECT_EQ(settings.clear(kAreaSetting).value(), false);
  EXPECT_EQ(version(), before);  // nothing changed, nothing to rebuild
  ASSERT_TRUE(settings.set(kAreaSetting, "000000").is_ok());
  std::int64_t set = version();
  EXPECT_EQ(settings.clear(kAreaSetting).value(), true);
  EXPECT_GT(version(), set);
  EXPECT_EQ(settings.get(kAreaSetting).value(), std::nullopt);
  EXPECT_EQ(db_->load().value().area_code, "");
}

}  // namespace
}  // namespace zhizao
