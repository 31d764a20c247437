// Black-box tests of `zhizao warnings` (and --warning-rules on `report`) on the small hand-made
// dataset, with the rules of tests/data/cli/warnings/rules.toml; golden files of their own under
// tests/data/cli/golden/warnings/.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

class WarningsCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(fresh_directory("warnings-small"));
    auto result = import_into(db(), csv_files_in(test_data("cli/small"), FileOrder::kByName));
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string db() { return (*dir_ / "small.db").string(); }
  static std::string rules() { return test_data("cli/warnings/rules.toml").string(); }
  static RunResult run(const std::string& command, std::vector<std::string> extra) {
    std::vector<std::string> args = {command, "--db", db()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_zhizao(args);
  }
  static std::filesystem::path* dir_;
};
std::filesystem::path* WarningsCli::dir_ = nullptr;

TEST_F(WarningsCli, GoldenOutputsInEveryFormatAndLanguage) {
  struct Case {
    std::vector<std::string> args;
    std::string golden;
  };
  const std::vector<Case> cases = {
      {{"--period", "2021-04", "--json"}, "cli/golden/warnings/small_2021-04.json"},
      {{"--period", "2021-04", "--json", "--lang", "en"},
       "cli/golden/warnings/small_2021-04.en.json"},
      {{"--period", "2021-04"}, "cli/golden/warnings/small_2021-04.zh.txt"},
      {{"--period", "2021-04", "--markdown", "--lang", "en"},
       "cli/golden/warnings/small_2021-04.en.md"},
      {{"--period", "2021-04", "--scope", "410302", "--json"},
       "cli/golden/warnings/small_2021-04_410302.json"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.insert(args.end(), {"--warning-rules", rules()});
    RunResult result = run("warnings", args);
    ASSERT_EQ(result.exit_code, 0) << c.golden << ": " << result.err;
    EXPECT_EQ(compare_with_golden(result.out, c.golden), "");
  }
}

TEST_F(WarningsCli, JsonHasTheContractShapeAndTheReportCarriesTheSameList) {
  RunResult warnings =
      run("warnings", {"--period", "2021-04", "--json", "--warning-rules", rules()});
  ASSERT_EQ(warnings.exit_code, 0) << warnings.err;
  nlohmann::json body = nlohmann::json::parse(warnings.out);
  EXPECT_EQ(body["period"], "2021-04");
  ASSERT_FALSE(body["warnings"].empty());
  const char* order[] = {"red", "orange", "yellow", "blue"};
  int last = 0;
  for (const auto& w : body["warnings"]) {
    for (const char* key : {"level", "rule", "subject", "reason", "figures"}) {
      EXPECT_TRUE(w.contains(key)) << key;
    }
    EXPECT_TRUE(w["subject"].contains("kind"));
    EXPECT_TRUE(w["subject"].contains("id"));
    int level = static_cast<int>(std::find(std::begin(order), std::end(order), w["level"]) -
                                 std::begin(order));
    EXPECT_LT(level, 4);
    EXPECT_GE(level, last);  // most severe first
    last = level;
  }
  RunResult report = run("report", {"--period", "2021-04", "--json", "--warning-rules", rules()});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(nlohmann::json::parse(report.out)["warnings"], body["warnings"]);
}

TEST_F(WarningsCli, TheReportWatchParagraphListsRedAndOrange) {
  RunResult report = run("report", {"--period", "2021-04", "--warning-rules", rules()});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("一级（红色）预警"), std::string::npos) << report.out;
  EXPECT_NE(report.out.find("二级（橙色）预警"), std::string::npos) << report.out;
}

TEST_F(WarningsCli, BadRulesFileIsRefusedWithLinesAndExitOne) {
  std::string bad = test_data("cli/warnings/bad_rules.toml").string();
  for (const char* command : {"warnings", "report"}) {
    RunResult result = run(command, {"--period", "2021-04", "--warning-rules", bad});
    EXPECT_EQ(result.exit_code, 1) << command;
    EXPECT_TRUE(result.out.empty()) << command;
    EXPECT_NE(result.err.find(bad + ":5: warning falling: level must be"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(bad + ":7: warning falling: \"months\" must be at least 1"),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(bad + ":8: warning falling: unknown placeholder {colour}"),
              std::string::npos)
        << result.err;
  }
  // serve reads the file before it opens anything, and refuses it the same way.
  RunResult serve = run("serve", {"--port", "0", "--warning-rules", bad});
  EXPECT_EQ(serve.exit_code, 1);
  EXPECT_NE(serve.err.find(bad + ":5: warning falling: level must be"), std::string::npos)
      << serve.err;
  RunResult missing =
      run("warnings", {"--period", "2021-04", "--warning-rules", "/nonexistent/w.toml"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read warning rules file: /nonexistent/w.toml"),
            std::string::npos);
}

TEST_F(WarningsCli, UsageErrors) {
  EXPECT_EQ(run("warnings", {"--period", "2021-13"}).exit_code, 1);
  EXPECT_EQ(run("warnings", {"--period", "2021-01"}).exit_code, 1);  // January alone
  EXPECT_EQ(run("warnings", {"--period", "2021-04", "--scope", "nowhere"}).exit_code, 1);
  EXPECT_NE(run("warnings", {"--period", "2021-04", "--json", "--markdown"}).exit_code, 0);
}

}  // namespace
}  // namespace zhizao::testing
