// SnapshotAlongsideApply: the snapshot written while the apply writes its monthly records is the
// file a rebuild writes, byte for byte, of the committed data version; a failed apply leaves the
// old snapshot and no temporary file; without a current snapshot it does not try.
#include "columnar/snapshot_alongside.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "columnar/snapshot_merge.h"
#include "demo/luoyang_demo.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Files beside `path` whose names start with its name (the snapshot's temporary files).
int files_beside(const std::string& path) {
  int count = 0;
  const std::string name = fs::path(path).filename().string();
  for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path())) {
    if (entry.path().filename().string().rfind(name, 0) == 0) ++count;
  }
  return count;
}

class SnapshotAlongsideTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Dataset> demo = generate_luoyang_demo({});
    ASSERT_TRUE(demo.has_value()) << demo.error().message();
    auto db = Database::open(temp_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().message();
    db_ = std::move(*db);
    // The demo up to 2020 stored, its snapshot current; 2021 to come.
    Dataset earlier = *demo;
    earlier.monthly.clear();
    for (const MonthlyRecord& row : demo->monthly) {
      (row.period.year < 2021 ? earlier.monthly : later_.monthly).push_back(row);
    }
    ASSERT_TRUE(db_->apply({{"earlier.csv", earlier}}).has_value());
    ASSERT_FALSE(later_.monthly.empty());
  }
  void TearDown() override {
    db_.reset();
    fs::remove(snapshot_path());
    fs::remove(rebuilt_path());
  }
  std::string snapshot_path() const { return snapshot_path_for(temp_.path()); }
  std::string rebuilt_path() const { return temp_.path() + ".rebuilt"; }

  testing_support::TempDatabasePath temp_;
  std::unique_ptr<Database> db_;
  Dataset later_;
};

TEST_F(SnapshotAlongsideTest, WritesTheRebuildsFileOfTheCommittedVersion) {
  ASSERT_TRUE(open_or_rebuild_snapshot(*db_, snapshot_path()).has_value());
  // A new enterprise sorting first moves every position; a stored month is replaced.
  Enterprise entrant;
  entrant.uscc = "0000000000000000XX";
  entrant.name = "演示新进企业";
  entrant.industry = "C3411";
  entrant.division = "34";
  entrant.region = "410302";
  later_.enterprises.push_back(entrant);
  MonthlyRecord entrant_month = later_.monthly.front();
  entrant_month.uscc = entrant.uscc;
  later_.monthly.push_back(entrant_month);
  SnapshotAlongsideApply alongside(*db_, snapshot_path());
  Result<ApplySummary> summary = db_->apply({{"later.csv", later_}}, ApplyProgress(), &alongside);
  ASSERT_TRUE(summary.has_value()) << summary.error().message();
  ASSERT_EQ(alongside.outcome(), SnapshotAlongsideApply::Outcome::kInPlace)
      << alongside.failure().message();
  auto opened = ColumnarSnapshot::open(snapshot_path());
  ASSERT_TRUE(opened.has_value()) << opened.error().message();
  EXPECT_EQ((*opened)->data_version(), summary->data_version_after);
  ASSERT_TRUE(rebuild_snapshot(*db_, rebuilt_path()).is_ok());
  EXPECT_TRUE(file_bytes(snapshot_path()) == file_bytes(rebuilt_path()))
      << "the snapshot written alongside differs from a rebuild";
  EXPECT_EQ(files_beside(snapshot_path()), 1);  // no temporary file left
}

TEST_F(SnapshotAlongsideTest, AFailedApplyLeavesTheOldSnapshotAndNoTemporaryFile) {
  ASSERT_TRUE(open_or_rebuild_snapshot(*db_, snapshot_path()).has_value());
  const std::string before = file_bytes(snapshot_path());
  later_.monthly.back().period.month = 13;  // refused by the writer, after the tables
  SnapshotAlongsideApply alongside(*db_, snapshot_path());
  Result<ApplySummary> summary = db_->apply({{"later.csv", later_}}, ApplyProgress(), &alongside);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(alongside.outcome(), SnapshotAlongsideApply::Outcome::kNotAttempted);
  EXPECT_TRUE(file_bytes(snapshot_path()) == before);
  EXPECT_EQ(files_beside(snapshot_path()), 1);
}

TEST_F(SnapshotAlongsideTest, WithoutACurrentSnapshotItDoesNotTry) {
  fs::remove(snapshot_path());
  SnapshotAlongsideApply alongside(*db_, snapshot_path());
  ASSERT_TRUE(db_->apply({{"later.csv", later_}}, ApplyProgress(), &alongside).has_value());
  EXPECT_EQ(alongside.outcome(), SnapshotAlongsideApply::Outcome::kNotAttempted);
  EXPECT_FALSE(fs::exists(snapshot_path()));
}

// Issue 17: the merge unmaps the pages it wrote (WritableColumns::release_written); what was
// written before and after a release must reach the file and read back through the mapping.
TEST(WritableColumnsTest, WritesBeforeAndAfterAReleaseReachTheFile) {
  testing_support::TempDatabasePath temp;
  const std::string path = temp.path() + ".columns";
  constexpr std::size_t kPage = 4096;
  detail::SnapshotHeader header;
  header.enterprises = 16;
  header.presence_offset = 0;
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) header.value_offsets[c] = (c + 1) * kPage;
  header.file_size = (kMonthlyColumnCount + 1) * kPage;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, static_cast<off_t>(header.file_size)), 0);
  void* mapped = ::mmap(nullptr, header.file_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ASSERT_NE(mapped, MAP_FAILED);
  detail::WritableColumns target(header, static_cast<unsigned char*>(mapped));
  target.column(MonthlyColumn::kOutput)[3] = 1.5;
  target.presence[3] = RecordPresence::kInScope;
  target.release_written();
  EXPECT_EQ(target.column(MonthlyColumn::kOutput)[3], 1.5);  // mapped again from the page cache
  target.column(MonthlyColumn::kElectricityPrev)[15] = 2.5;
  ASSERT_EQ(::msync(mapped, header.file_size, MS_SYNC), 0);
  target.release_written();
  ::munmap(mapped, header.file_size);
  double output = 0;
  double electricity_prev = 0;
  unsigned char presence = 0;
  ASSERT_EQ(::pread(fd, &output, sizeof output, static_cast<off_t>(kPage + 3 * sizeof(double))),
            static_cast<ssize_t>(sizeof output));
  ASSERT_EQ(::pread(fd, &electricity_prev, sizeof electricity_prev,
                    static_cast<off_t>(kMonthlyColumnCount * kPage + 15 * sizeof(double))),
            static_cast<ssize_t>(sizeof electricity_prev));
  ASSERT_EQ(::pread(fd, &presence, 1, 3), 1);
  ::close(fd);
  fs::remove(path);
  EXPECT_EQ(output, 1.5);
  EXPECT_EQ(electricity_prev, 2.5);
  EXPECT_EQ(presence, static_cast<unsigned char>(RecordPresence::kInScope));
}

}  // namespace
}  // namespace zhizao
