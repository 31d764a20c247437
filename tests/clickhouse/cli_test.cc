// The command line with --clickhouse: `zhizao import` sends the readings to ClickHouse (two
// shards) and `zhizao nowcast` reads them back with the same JSON as the same files imported into
// the database; a URL that is not one is a usage error (exit 1) before anything runs, and a
// server that does not answer names itself.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include "clickhouse_servers.h"

namespace zhizao::testing_clickhouse {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CliRun run(const std::string& arguments) {
  CliRun result;
  std::string command = std::string(ZHIZAO_BINARY) + " " + arguments + " 2>&1";
  std::FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    result.output.append(buffer.data(), n);
  }
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

class ClickHouseCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(servers().failure, "");
    folder_ = ::testing::TempDir() + "zhizao_ch_cli_" + std::to_string(getpid());
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string folder_;
};

TEST_F(ClickHouseCli, ImportAndNowcastGiveTheEmbeddedJson) {
  ClickHouseTarget target = two_shard_target("cli");
  std::string url = fmt::format("'{},{}?database={}'", target.nodes[0].url(), target.nodes[1].url(),
                                target.database);
  std::string files = kHandReadings + "enterprises.csv " + kHandReadings + "electricity_daily.csv";
  CliRun imported = run("import --db " + folder_ + "/ch.db --clickhouse " + url + " " + files);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("ClickHouse: 14 daily readings in 1 batches"), std::string::npos)
      << imported.output;
  ASSERT_EQ(run("import -q --db " + folder_ + "/embedded.db " + files).exit_code, 0);
  for (const char* period : {"2020-02", "2021-02", "2021-03", "2021-04"}) {
    CliRun ch = run(fmt::format("nowcast --json --db {}/ch.db --period {} --clickhouse {}", folder_,
                                period, url));
    CliRun embedded =
        run(fmt::format("nowcast --json --db {}/embedded.db --period {}", folder_, period));
    ASSERT_EQ(ch.exit_code, 0) << ch.output;
    EXPECT_EQ(ch.output, embedded.output) << period;
    EXPECT_NE(ch.output.find("\"electricity_growth\""), std::string::npos);
  }
  // The quality checks read the readings through the same choice (the hand data has no monthly
  // records, so both find nothing: this runs the path, the months are compared in
  // same_figures_test).
  CliRun ch_quality = run(
      fmt::format("quality --json --db {}/ch.db --period 2021-03 --clickhouse {}", folder_, url));
  ASSERT_EQ(ch_quality.exit_code, 0) << ch_quality.output;
  EXPECT_EQ(ch_quality.output,
            run("quality --json --db " + folder_ + "/embedded.db --period 2021-03").output);
  // Without --clickhouse the database of the ClickHouse import has no readings.
  CliRun without = run("nowcast --json --db " + folder_ + "/ch.db --period 2021-03");
  EXPECT_NE(without.output.find("no daily electricity reading of 2021-03"), std::string::npos)
      << without.output;
}

TEST_F(ClickHouseCli, BadUrlsAndUnreachableServersAreClearErrors) {
  CliRun bad = run("nowcast --db " + folder_ + "/x.db --period 2021-03 --clickhouse ftp://x");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("not an http:// URL of a ClickHouse HTTP interface: ftp://x"),
            std::string::npos)
      << bad.output;
  // quality and report --quality-appendix read the readings too, so they take the option.
  for (const char* command :
       {"quality --period 2021-03", "report --period 2021-03 --quality-appendix"}) {
    CliRun other = run(fmt::format("{} --db {}/x.db --clickhouse ftp://x", command, folder_));
    EXPECT_EQ(other.exit_code, 1) << command;
    EXPECT_NE(other.output.find("not an http:// URL"), std::string::npos) << other.output;
  }
  CliRun refused =
      run("import --db " + folder_ + "/y.db --clickhouse http://127.0.0.1:1 " + kHandReadings +
          "enterprises.csv " + kHandReadings + "electricity_daily.csv");
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.output.find("ClickHouse at http://127.0.0.1:1: cannot be reached"),
            std::string::npos)
      << refused.output;
}

}  // namespace
}  // namespace zhizao::testing_clickhouse
