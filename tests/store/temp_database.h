// TempDatabasePath: a unique database file name under the test temp directory, removed (with
// its WAL, shared-memory and journal files and its columnar snapshot) when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"

namespace zhizao::testing_support {

// Two valid codes of the store tests' enterprises.
inline constexpr const char* kUsccA = "91410300MA44A0001A";
inline constexpr const char* kUsccB = "91410300MA44B0002B";

class TempDatabasePath {
 public:
  TempDatabasePath() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = ::testing::TempDir() + "zhizao_store_" + test->test_suite_name() + "_" + test->name() +
            "_" + std::to_string(getpid()) + ".db";
    remove_files();
  }
  ~TempDatabasePath() { remove_files(); }
  TempDatabasePath(const TempDatabasePath&) = delete;
  TempDatabasePath& operator=(const TempDatabasePath&) = delete;

  const std::string& path() const { return path_; }

 private:
  void remove_files() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".zhizao-snapshot"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }
  std::string path_;
};

// Opens (creating) the database at `path`; fails the test and returns null when it cannot.
inline std::unique_ptr<Database> open_database(const std::string& path) {
  Result<std::unique_ptr<Database>> db = Database::open(path, OpenMode::kCreateIfMissing);
  EXPECT_TRUE(db.has_value()) << db.error().to_string();
  return db ? *std::move(db) : nullptr;
}

// Runs `sql` on the file at `path` through a raw connection, bypassing Database. Returns the
// first column of the first row as text ("" when none); fails the test on an SQLite error.
inline std::string raw_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string first;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path;
    sqlite3_close(db);
    return first;
  }
  auto keep_first = [](void* out, int columns, char** values, char**) {
    auto* text = static_cast<std::string*>(out);
    if (text->empty() && columns > 0 && values[0] != nullptr) *text = values[0];
    return 0;
  };
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), keep_first, &first, &error) != SQLITE_OK) {
    ADD_FAILURE() << "SQL failed: " << sql << ": " << (error ? error : "");
  }
  sqlite3_free(error);
  sqlite3_close(db);
  return first;
}

}  // namespace zhizao::testing_support
