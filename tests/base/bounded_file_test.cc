// read_bounded_file (base/bounded_file.h): missing, exactly at the bound, one byte over, not a
// regular file, unreadable.
#include "base/bounded_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace zhizao {
namespace {

class BoundedFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("zhizao-bounded-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::filesystem::path dir_;
};

TEST_F(BoundedFileTest, ReadsAFileOfExactlyTheBound) {
  std::string bytes(100, 'x');
  bytes[0] = '\0';  // any byte, NUL included
  Result<std::string> read = read_bounded_file(write("at.toml", bytes), 100, "rules file");
  ASSERT_TRUE(read.has_value()) << read.error().message();
  EXPECT_EQ(*read, bytes);
  Result<std::string> empty = read_bounded_file(write("empty.toml", ""), 100, "rules file");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(*empty, "");
}

TEST_F(BoundedFileTest, RefusesOneByteOverTheBoundNamingFileAndBound) {
  std::string path = write("over.toml", std::string(101, 'x'));
  Result<std::string> read = read_bounded_file(path, 100, "rules file");
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(read.error().message(),
            path + ": the rules file is larger than 100 bytes, the bound for it");
  // The shipped bound: 1 MiB passes, 1 MiB + 1 does not.
  EXPECT_TRUE(read_bounded_file(write("mib.toml", std::string(kRulesFileMaxBytes, '#')),
                                kRulesFileMaxBytes, "rules file")
                  .has_value());
  EXPECT_EQ(read_bounded_file(write("mib1.toml", std::string(kRulesFileMaxBytes + 1, '#')),
                              kRulesFileMaxBytes, "rules file")
                .error()
                .code(),
            StatusCode::kInvalidData);
}

TEST_F(BoundedFileTest, AMissingFileIsNotFound) {
  std::string path = (dir_ / "missing.toml").string();
  Result<std::string> read = read_bounded_file(path, 100, "warning rules file");
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(read.error().message(), "cannot read warning rules file: " + path);
  EXPECT_EQ(read_bounded_file(path + "/below", 100, "x").error().code(), StatusCode::kNotFound);
}

TEST_F(BoundedFileTest, DevicesDirectoriesAndFifosAreRefusedWithoutReading) {
  Result<std::string> zero = read_bounded_file("/dev/zero", 100, "rules file");
  ASSERT_FALSE(zero.has_value());
  EXPECT_EQ(zero.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(zero.error().message(),
            "/dev/zero: the rules file is a character device, not a regular file");
  EXPECT_EQ(read_bounded_file(dir_.string(), 100, "rules file").error().message(),
            dir_.string() + ": the rules file is a directory, not a regular file");
  // A FIFO without a writer: refused at once, not waited on.
  std::string fifo = (dir_ / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(read_bounded_file(fifo, 100, "rules file").error().message(),
            fifo + ": the rules file is a FIFO, not a regular file");
}

TEST_F(BoundedFileTest, AnUnreadableFileIsAnIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  std::string path = write("secret.toml", "a = 1\n");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  Result<std::string> read = read_bounded_file(path, 100, "rules file");
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code(), StatusCode::kIoError);
  EXPECT_NE(read.error().message().find("cannot read rules file: " + path), std::string::npos);
}

}  // namespace
}  // namespace zhizao
