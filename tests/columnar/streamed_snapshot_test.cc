// SnapshotOfStreamedMonths (issue 17): the snapshot written beside a streamed import is the file
// rebuild_snapshot writes after it, byte for byte; a refused import leaves no file; a database
// that held months before is left to the rebuild.
#include "columnar/streamed_snapshot.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "columnar/snapshot.h"
#include "ingest/import_fixture.h"
#include "ingest/importer.h"

namespace zhizao {
namespace {

std::string code(int i) { return testing_support::valid_uscc(fmt::format("91410300MA{:07d}", i)); }

std::string enterprises_csv(int count) {
  std::string text = "uscc,name,industry,region,key\n";
  for (int i = 0; i < count; ++i) {
    text += fmt::format("{},企业{},{},410302,{}\n", code(i), i, i % 2 ? "1311" : "34",
                        i % 3 == 0 ? 1 : 0);
  }
  return text;
}

// Months 2019-11 .. 2021-02 of every enterprise but each seventh's (an enterprise without
// records), some optional values missing, some months out of scope, the lines shuffled so that
// the import spills several runs; `base` shifts the values.
std::string monthly_csv(int count, int base, int first_month = 0) {
  std::vector<std::string> lines;
  for (int i = 0; i < count; ++i) {
    if (i % 7 == 3) continue;
    for (int m = first_month; m < 16; ++m) {
      YearMonth period = YearMonth{2019, 11}.plus_months(m);
      lines.push_back(fmt::format("{},{},{}.5,{},{},{},,{},{}\n", code(i), period.to_string(),
                                  base + i * 100 + m, m % 4 ? std::to_string(base + m) : "", i + m,
                                  m % 3 ? std::to_string(base + i) : "", i % 5 ? "7" : "",
                                  m % 5 ? 1 : 0));
    }
  }
  std::shuffle(lines.begin(), lines.end(), std::mt19937(42));
  std::string text =
      "uscc,period,output,value_added,electricity,output_prev,value_added_prev,electricity_prev,"
      "in_scope\n";
  for (const std::string& line : lines) text += line;
  return text;
}

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class StreamedSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           fmt::format("zhizao_streamed_snapshot_{}_{}",
                       ::testing::UnitTest::GetInstance()->current_test_info()->name(), getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = Database::open((dir_ / "db.sqlite").string(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value());
    db_ = std::move(*db);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Writes the files and imports them into db_, the monthly file streamed in parts of 400 bytes,
  // followed by `observer`.
  ImportOutcome import(const std::string& enterprises, const std::string& monthly,
                       SnapshotOfStreamedMonths& observer) {
    std::ofstream(dir_ / "enterprises.csv", std::ios::binary) << enterprises;
    std::ofstream(dir_ / "monthly.csv", std::ios::binary) << monthly;
    ImportOptions options;
    options.monthly_chunk_bytes = 400;
    options.spill_dir = dir_.string();
    options.streamed_months_observer = &observer;
    Result<ImportOutcome> outcome = import_files(
        *db_, {(dir_ / "enterprises.csv").string(), (dir_ / "monthly.csv").string()}, options);
    EXPECT_TRUE(outcome.has_value()) << (outcome ? "" : outcome.error().to_string());
    return outcome.value_or(ImportOutcome{});
  }

  // The files of dir_ whose name holds `part`.
  std::vector<std::string> files_with(const std::string& part) const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      std::string name = entry.path().filename().string();
      if (name.find(part) != std::string::npos) names.push_back(name);
    }
    return names;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(StreamedSnapshotTest, TheFileIsTheRebuildsByteForByte) {
  const std::filesystem::path path = dir_ / "streamed.snapshot";
  SnapshotOfStreamedMonths observer(path.string());
  ImportOutcome outcome = import(enterprises_csv(40), monthly_csv(40, 10), observer);
  ASSERT_FALSE(outcome.refused()) << outcome.errors.front();
  ASSERT_EQ(outcome.streamed_files, 1U);
  EXPECT_EQ(outcome.summary.inserted, 40 + (40 - 6) * 16);
  ASSERT_TRUE(observer.placed()) << observer.failure().to_string();
  ASSERT_TRUE(rebuild_snapshot(*db_, (dir_ / "rebuilt.snapshot").string()).is_ok());
  const std::string streamed = bytes_of(path);
  EXPECT_GT(streamed.size(), 4096U);
  EXPECT_TRUE(streamed == bytes_of(dir_ / "rebuilt.snapshot"));
  EXPECT_TRUE(files_with(".tmp-").empty());
  // The snapshot opens and holds the committed data version.
  Result<std::unique_ptr<ColumnarSnapshot>> opened = ColumnarSnapshot::open(path.string());
  ASSERT_TRUE(opened.has_value());
  EXPECT_EQ((*opened)->data_version(), outcome.summary.data_version_after);
}

TEST_F(StreamedSnapshotTest, ARefusedImportLeavesNoFile) {
  const std::filesystem::path path = dir_ / "streamed.snapshot";
  SnapshotOfStreamedMonths observer(path.string());
  // The last enterprise is not in the enterprises file: every one of its rows is an error.
  ImportOutcome outcome = import(enterprises_csv(39), monthly_csv(40, 10), observer);
  EXPECT_TRUE(outcome.refused());
  EXPECT_FALSE(observer.placed());
  EXPECT_TRUE(observer.failure().is_ok());
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(files_with(".tmp-").empty());
}

TEST_F(StreamedSnapshotTest, ADatabaseThatHeldMonthsIsLeftToTheRebuild) {
  const std::filesystem::path path = dir_ / "streamed.snapshot";
  {
    SnapshotOfStreamedMonths first(path.string());
    ASSERT_FALSE(import(enterprises_csv(20), monthly_csv(20, 10, 8), first).refused());
    ASSERT_TRUE(first.placed());
  }
  const std::string before = bytes_of(path);
  SnapshotOfStreamedMonths second(path.string());
  ImportOutcome outcome = import(enterprises_csv(20), monthly_csv(20, 50), second);
  ASSERT_FALSE(outcome.refused());
  EXPECT_GT(outcome.summary.replaced, 0);
  EXPECT_FALSE(second.placed());
  EXPECT_TRUE(second.failure().is_ok());
  EXPECT_TRUE(bytes_of(path) == before);  // untouched: the caller rebuilds
  EXPECT_TRUE(files_with(".tmp-").empty());
}

}  // namespace
}  // namespace zhizao
