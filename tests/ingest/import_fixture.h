// ImportTest: a fresh database per test and helpers to import in-memory files into it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/region_group.h"
#include "domain/uscc.h"
#include "ingest/importer.h"
#include "store/database.h"

namespace zhizao::testing_support {

// Returns a valid code: `first17` followed by its GB 32100-2015 check character.
inline std::string valid_uscc(std::string_view first17) {
  std::optional<char> check = uscc_check_character(first17);
  EXPECT_TRUE(check.has_value()) << first17;
  return std::string(first17) + check.value_or('?');
}

// The enterprises of the import tests: U1 and U2 are imported, U3 never.
inline const std::string kU1 = valid_uscc("91410300MA44XXXX1");
inline const std::string kU2 = valid_uscc("91410302MA45YYYY2");
inline const std::string kU3 = valid_uscc("91410305MA46WWWW3");

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("zhizao_ingest_" + std::string(test->test_suite_name()) + "_" + test->name() + "_" +
            std::to_string(getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = open_database("zhizao.db");
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Database> open_database(const std::string& name) {
    auto db = Database::open((dir_ / name).string(), OpenMode::kCreateIfMissing);
    EXPECT_TRUE(db.has_value()) << (db ? "" : db.error().to_string());
    return db ? std::move(*db) : nullptr;
  }

  // Imports the files into db_, failing the test when the Result itself fails.
  ImportOutcome import(const std::vector<SourceFile>& files, ImportOptions options = {}) {
    Result<ImportOutcome> outcome = import_sources(*db_, files, options);
    EXPECT_TRUE(outcome.has_value()) << (outcome ? "" : outcome.error().to_string());
    return outcome ? *outcome : ImportOutcome{};
  }

  // Imports and expects no errors.
  ImportOutcome import_ok(const std::vector<SourceFile>& files, ImportOptions options = {}) {
    ImportOutcome outcome = import(files, options);
    EXPECT_EQ(outcome.errors, std::vector<std::string>{});
    return outcome;
  }

  // Imports and returns only the errors.
  std::vector<std::string> errors_of(const std::vector<SourceFile>& files,
                                     ImportOptions options = {}) {
    return import(files, options).errors;
  }

  Dataset stored() {
    Result<Dataset> loaded = db_->load();
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : Dataset{};
  }

  // What an empty database holds: only the default region group.
  static Dataset empty_dataset() {
    Dataset d;
    d.region_groups.push_back(luoyang_metropolitan_area());
    return d;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace zhizao::testing_support
