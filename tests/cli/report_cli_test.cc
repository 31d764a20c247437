// Black-box tests of `zhizao report` and `zhizao explain` on the small hand-made dataset.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

class ReportCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(fresh_directory("report-small"));
    auto result = import_into(db(), csv_files_in(test_data("cli/small"), FileOrder::kByName));
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::string db() { return (*dir_ / "small.db").string(); }
  static RunResult report(std::vector<std::string> extra) {
    std::vector<std::string> args = {"report", "--db", db()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_zhizao(args);
  }
  static std::filesystem::path* dir_;
};
std::filesystem::path* ReportCli::dir_ = nullptr;

TEST_F(ReportCli, GoldenOutputsInEveryFormatAndLanguage) {
  struct Case {
    std::vector<std::string> args;
    std::string golden;
  };
  const std::vector<Case> cases = {
      {{"--period", "2021-04", "--json"}, "cli/golden/small_2021-04.json"},
      {{"--period", "2021-04"}, "cli/golden/small_2021-04.zh.txt"},
      {{"--period", "2021-04", "--lang", "en"}, "cli/golden/small_2021-04.en.txt"},
      {{"--period", "2021-04", "--format", "markdown"}, "cli/golden/small_2021-04.zh.md"},
      {{"--period", "2021-04", "--monthly", "--json"}, "cli/golden/small_2021-04_monthly.json"},
      {{"--period", "2021-02", "--monthly", "--lang", "en"},
       "cli/golden/small_2021-02_monthly.en.txt"},
  };
  for (const Case& c : cases) {
    auto result = report(c.args);
    ASSERT_EQ(result.exit_code, 0) << c.golden << ": " << result.err;
    EXPECT_EQ(compare_with_golden(result.out, c.golden), "");
  }
}

TEST_F(ReportCli, JsonFollowsTheContract) {
  auto result = report({"--period", "2021-04", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["period"], "2021-04");
  EXPECT_EQ(json["window"]["from"], "2021-01");
  EXPECT_EQ(json["window"]["to"], "2021-04");
  for (const char* key : {"value_added_growth", "manufacturing_value_added_growth", "output_growth",
                          "electricity_growth", "enterprises", "manufacturing_breadth", "divisions",
                          "regions", "parks", "chains"}) {
    EXPECT_TRUE(json["industry"].contains(key)) << key;
  }
  for (const char* key : {"count", "output_growth", "over_50", "doubled"}) {
    EXPECT_TRUE(json["key_enterprises"].contains(key)) << key;
  }
  EXPECT_EQ(json["key_enterprises"]["count"], 2);
  EXPECT_EQ(json["industry"]["enterprises"], 6);
  // PJ1 1500+2000+2500, PJ2 800, PJ3 3000+2000+1000+500 in Jan–Apr 2021; 2020-12 is outside.
  EXPECT_DOUBLE_EQ(json["projects"]["investment"].get<double>(), 13300);
  EXPECT_EQ(json["projects"]["planned_starts"], 1);  // PJ1 2021-02-15; PJ2 plans 2021-05-10
  EXPECT_EQ(json["projects"]["actual_starts"], 2);   // PJ1 2021-02-01, PJ2 2021-04-30
  EXPECT_EQ(json["projects"]["year_planned_starts"], 2);
  EXPECT_DOUBLE_EQ(json["projects"]["start_share"].get<double>(), 100.0);
  EXPECT_EQ(json["projects"]["planned_completions"], 1);
  EXPECT_EQ(json["projects"]["actual_completions"], 1);
}

TEST_F(ReportCli, JanuaryAloneIsRefusedWithAClearMessage) {
  for (auto args : {std::vector<std::string>{"--period", "2021-01"},
                    std::vector<std::string>{"--period", "2021-01", "--monthly"}}) {
    auto result = report(args);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("2021-02"), std::string::npos) << result.err;
  }
}

TEST_F(ReportCli, MalformedPeriodAndMissingDatabaseAreUsageErrors) {
  EXPECT_EQ(report({"--period", "2021-13"}).exit_code, 1);
  auto missing = run_zhizao({"report", "--db", "/nonexistent/x.db", "--period", "2021-04"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("x.db"), std::string::npos) << missing.err;
}

TEST_F(ReportCli, ExplainTracesADivisionToItsEnterprises) {
  auto result = run_zhizao(
      {"explain", "--db", db(), "--period", "2021-04", "--division", "34", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_NE(result.out.find("91410302MA400001XM"), std::string::npos) << result.out;
  auto text = run_zhizao({"explain", "--db", db(), "--period", "2021-04", "--division", "34"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(compare_with_golden(text.out, "cli/golden/small_explain_34.zh.txt"), "");
  auto unknown = run_zhizao({"explain", "--db", db(), "--period", "2021-04", "--division", "99"});
  EXPECT_EQ(unknown.exit_code, 1);
}

TEST_F(ReportCli, ExportThenImportGivesTheSameReport) {
  auto dir = fresh_directory("report-roundtrip");
  auto exported = run_zhizao({"export", "--db", db(), (dir / "out").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto copy = dir / "copy.db";
  auto imported = import_into(copy, csv_files_in(dir / "out", FileOrder::kByName));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  for (const char* period : {"2021-02", "2021-04"}) {
    auto original = report({"--period", period, "--json"});
    auto again = run_zhizao({"report", "--db", copy.string(), "--period", period, "--json"});
    EXPECT_EQ(original.out, again.out) << period;
  }
}

}  // namespace
}  // namespace zhizao::testing
