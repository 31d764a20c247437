// TempDatabasePath: a unique database file name under the test temp directory, removed (with
// its WAL and shared-memory files) when the test ends.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace zhizao::testing_support {

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
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }
  std::string path_;
};

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
