// Helpers for the rules tests: a fresh database with tests/data/cli/small imported.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <memory>
#include <string>

#include "ingest/importer.h"
#include "store/database.h"

namespace zhizao::testing {

// 甲 of tests/data/cli/small: region 410302 (老城区), division 34 (class 3441), a key enterprise.
inline constexpr const char* kJia = "91410302MA400001XM";
// 乙: region 410305 (涧西区), division 32.
inline constexpr const char* kYi = "91410305MA400002X2";

// A monthly record of `uscc` for `year`-`month` with only its output set (万元).
inline MonthlyRecord output_record(const std::string& uscc, int year, int month, double output) {
  MonthlyRecord record;
  record.uscc = uscc;
  record.period = {year, month};
  record.output = output;
  return record;
}

// A database file in the temporary directory, removed with its WAL files on destruction.
class SmallDatabase {
 public:
  explicit SmallDatabase(const std::string& name) {
    path_ = std::filesystem::temp_directory_path() /
            ("zhizao-rules-" + std::to_string(::getpid()) + "-" + name + ".db");
    remove_files();
    auto db = Database::open(path_.string(), OpenMode::kCreateIfMissing);
    EXPECT_TRUE(db) << db.error().to_string();
    db_ = *std::move(db);
    const std::string dir = std::string(ZHIZAO_TEST_DATA) + "/cli/small/";
    std::vector<std::string> files;
    for (const char* f : {"enterprises.csv", "monthly.csv", "va_ratios.csv", "deflators.csv",
                          "parks.csv", "chains.csv", "projects.csv", "project_progress.csv"}) {
      files.push_back(dir + f);
    }
    auto imported = import_files(*db_, files, ImportOptions{});
    EXPECT_TRUE(imported) << imported.error().to_string();
    EXPECT_FALSE(imported->refused());
  }
  ~SmallDatabase() {
    db_.reset();
    remove_files();
  }
  Database& db() { return *db_; }

 private:
  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

}  // namespace zhizao::testing
