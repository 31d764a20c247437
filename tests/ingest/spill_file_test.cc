// SpillFile: what is appended reads back the same, whichever way the writes reach the disk
// (through the page cache, or past it in staged O_DIRECT blocks with the tail kept in memory).
#include "ingest/spill_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace zhizao::detail {
namespace {

// Bytes that differ from place to place, so a piece read from the wrong offset shows.
std::string pattern(std::size_t size, unsigned seed) {
  std::string bytes(size, '\0');
  std::uint32_t state = seed * 2654435761U + 1;
  for (char& byte : bytes) {
    state = state * 1664525U + 1013904223U;
    byte = static_cast<char>(state >> 24);
  }
  return bytes;
}

std::string read_all(const SpillFile& file, std::size_t piece) {
  std::string back;
  std::vector<char> buffer(piece);
  for (std::uint64_t at = 0;;) {
    Result<std::size_t> read = file.read_at(at, buffer);
    EXPECT_TRUE(read.has_value());
    if (!read || *read == 0) break;
    back.append(buffer.data(), *read);
    at += *read;
  }
  return back;
}

// Appends `written` in pieces of `piece` bytes.
void append_in_pieces(SpillFile& file, const std::string& written, std::size_t piece) {
  for (std::size_t at = 0; at < written.size(); at += piece) {
    const std::size_t size = std::min(piece, written.size() - at);
    ASSERT_TRUE(file.append({written.data() + at, size}).is_ok());
  }
}

class SpillFileTest : public ::testing::TestWithParam<std::tuple<SpillWrites, const char*>> {
 protected:
  std::string directory() const {
    const std::string dir = std::get<1>(GetParam());
    return dir.empty() || std::filesystem::is_directory(dir) ? dir : std::string();
  }
};

TEST_P(SpillFileTest, ReadsBackWhatWasAppendedAcrossStagedBlocks) {
  Result<SpillFile> file = SpillFile::create(directory(), std::get<0>(GetParam()));
  ASSERT_TRUE(file.has_value());
  // 8 MiB are staged at a time: 20 MB in odd pieces cross two whole blocks and leave a tail.
  const std::string written = pattern(20'000'017, 1);
  append_in_pieces(*file, written, 1'000'003);
  EXPECT_EQ(file->size(), written.size());
  file->will_read(0, 1 << 20);  // a hint only
  // Pieces that start and end off the 4 KiB blocks, across the staged tail's start.
  EXPECT_EQ(read_all(*file, 1'179'649), written);
  std::vector<char> middle(10);
  Result<std::size_t> read = file->read_at((std::uint64_t{16} << 20) - 5, middle);
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(*read, 10U);
  EXPECT_EQ(std::string(middle.data(), 10), written.substr((std::size_t{16} << 20) - 5, 10));
}

TEST_P(SpillFileTest, AppendsAfterReadingAndReadsTheEndShort) {
  Result<SpillFile> file = SpillFile::create(directory(), std::get<0>(GetParam()));
  ASSERT_TRUE(file.has_value());
  const std::string first = pattern(9'000'000, 2);
  const std::string second = pattern(5'000, 3);
  append_in_pieces(*file, first, 4'000'000);
  std::vector<char> start(3);
  ASSERT_TRUE(file->read_at(0, start).has_value());
  EXPECT_EQ(std::string(start.data(), 3), first.substr(0, 3));
  append_in_pieces(*file, second, 777);
  EXPECT_EQ(file->size(), first.size() + second.size());
  EXPECT_EQ(read_all(*file, 65'536), first + second);
  // Past the end: fewer bytes, then none.
  std::vector<char> tail(100);
  Result<std::size_t> read = file->read_at(file->size() - 40, tail);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, 40U);
  read = file->read_at(file->size() + 1'000, tail);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, 0U);
}

TEST_P(SpillFileTest, AnEmptyFileReadsNothing) {
  Result<SpillFile> file = SpillFile::create(directory(), std::get<0>(GetParam()));
  ASSERT_TRUE(file.has_value());
  std::vector<char> buffer(16);
  Result<std::size_t> read = file->read_at(0, buffer);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(*read, 0U);
}

TEST_P(SpillFileTest, MovedFileKeepsItsStagedBytes) {
  Result<SpillFile> file = SpillFile::create(directory(), std::get<0>(GetParam()));
  ASSERT_TRUE(file.has_value());
  const std::string written = pattern(12'345, 4);
  append_in_pieces(*file, written, 1'000);
  SpillFile moved = *std::move(file);
  SpillFile assigned = std::move(moved);
  EXPECT_EQ(read_all(assigned, 4'096), written);
}

// The system's temporary directory, and a tmpfs (/dev/shm, where O_DIRECT may be refused).
INSTANTIATE_TEST_SUITE_P(WritesAndDirectories, SpillFileTest,
                         ::testing::Combine(::testing::Values(SpillWrites::kThroughPageCache,
                                                              SpillWrites::kPastPageCache),
                                            ::testing::Values("", "/dev/shm")));

TEST(SpillFile, ADirectoryThatCannotHoldFilesIsAnError) {
  for (SpillWrites writes : {SpillWrites::kThroughPageCache, SpillWrites::kPastPageCache}) {
    Result<SpillFile> file = SpillFile::create("/nonexistent/zhizao-spill-test", writes);
    ASSERT_FALSE(file.has_value());
    EXPECT_EQ(file.error().code(), StatusCode::kIoError);
    EXPECT_NE(file.error().message().find("temporary file of the import"), std::string::npos);
  }
}

}  // namespace
}  // namespace zhizao::detail
