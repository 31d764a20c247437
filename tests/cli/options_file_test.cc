// apply_options_file: `zhizao serve --config FILE` (issue #16): values from the file, the
// command line winning, the options' own checks, and FILE:LINE errors.
#include "cli/options_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/bounded_file.h"

namespace zhizao {
namespace {

class OptionsFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("options_file_test_" + std::to_string(::getpid()) + ".toml"))
                .string();
    app_.add_option("--db", db_);
    app_.add_option("--port", port_)->check(CLI::Range(0, 65535));
    app_.add_option("--allowed-host", hosts_)->take_all();
    app_.add_option("--access-log", log_)->check(CLI::IsMember({"off", "json"}));
  }
  void TearDown() override { std::filesystem::remove(path_); }
  void write(const std::string& text) { std::ofstream(path_) << text; }
  void parse(std::vector<std::string> args) {
    std::reverse(args.begin(), args.end());
    app_.parse(args);
  }

  std::string path_;
  CLI::App app_{"test"};
  std::string db_;
  int port_ = 8080;
  std::vector<std::string> hosts_;
  std::string log_ = "off";
};

TEST_F(OptionsFileTest, FileGivesValuesOfEveryKind) {
  write(
      "# comment\ndb = \"/var/lib/zhizao/zhizao.db\"\nport = 8443\n"
      "allowed-host = [\"a.example\", \"b.example\"]\naccess-log = \"json\"\n");
  parse({});
  ASSERT_TRUE(apply_options_file(app_, path_).is_ok());
  EXPECT_EQ(db_, "/var/lib/zhizao/zhizao.db");
  EXPECT_EQ(port_, 8443);
  EXPECT_EQ(hosts_, (std::vector<std::string>{"a.example", "b.example"}));
  EXPECT_EQ(log_, "json");
}

TEST_F(OptionsFileTest, CommandLineWins) {
  write("db = \"file.db\"\nport = 8443\n");
  parse({"--port", "9000"});
  ASSERT_TRUE(apply_options_file(app_, path_).is_ok());
  EXPECT_EQ(port_, 9000);
  EXPECT_EQ(db_, "file.db");
}

TEST_F(OptionsFileTest, UnknownKeyNamesFileAndLine) {
  write("db = \"x.db\"\n\nportt = 1\n");
  parse({});
  Status status = apply_options_file(app_, path_);
  EXPECT_EQ(status.code(), StatusCode::kUsage);
  EXPECT_NE(status.message().find(path_ + ":3: unknown option \"portt\""), std::string::npos)
      << status.message();
}

TEST_F(OptionsFileTest, OptionsOwnChecksApply) {
  write("port = 99999\n");
  parse({});
  Status status = apply_options_file(app_, path_);
  EXPECT_EQ(status.code(), StatusCode::kUsage);
  EXPECT_NE(status.message().find(path_ + ":1: port:"), std::string::npos) << status.message();
  write("access-log = \"verbose\"\n");
  EXPECT_EQ(apply_options_file(app_, path_).code(), StatusCode::kUsage);
}

TEST_F(OptionsFileTest, SyntaxErrorAndTablesAndMissingFile) {
  write("db = \"unterminated\n");
  parse({});
  Status status = apply_options_file(app_, path_);
  EXPECT_EQ(status.code(), StatusCode::kUsage);
  EXPECT_NE(status.message().find(path_ + ":1:"), std::string::npos) << status.message();
  write("[db]\nx = 1\n");
  EXPECT_EQ(apply_options_file(app_, path_).code(), StatusCode::kUsage);
  EXPECT_EQ(apply_options_file(app_, path_ + ".none").code(), StatusCode::kNotFound);
}

// The file is read within kRulesFileMaxBytes (base/bounded_file.h, docs/security.md "Bounds"):
// a configuration at the bound is read, one byte more is refused before it is parsed, and a
// device is never read.
TEST_F(OptionsFileTest, TheFileIsReadWithinItsBound) {
  std::string line = "db = \"city.db\"\n";
  write(line + std::string(kRulesFileMaxBytes - line.size(), '#'));
  parse({});
  EXPECT_TRUE(apply_options_file(app_, path_).is_ok());
  EXPECT_EQ(db_, "city.db");
  write(line + std::string(kRulesFileMaxBytes - line.size() + 1, '#'));
  Status over = apply_options_file(app_, path_);
  EXPECT_EQ(over.code(), StatusCode::kInvalidData);
  EXPECT_EQ(over.message(),
            path_ + ": the configuration file is larger than 1048576 bytes, the bound for it");
  EXPECT_EQ(apply_options_file(app_, "/dev/zero").code(), StatusCode::kInvalidData);
}

}  // namespace
}  // namespace zhizao
