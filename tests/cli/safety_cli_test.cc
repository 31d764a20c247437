// Black-box test of the safety files and `zhizao safety` (docs/safety.md): `import` takes them
// beside the contract's files, `safety` and `report` show the figures and the warnings, and a bad
// safety file is refused with every error and exit code 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

class SafetyCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("safety");
    db_ = (dir_ / "city.db").string();
    std::vector<std::string> files = csv_files_in(test_data("cli/small"), FileOrder::kByName);
    for (const char* name :
         {"safety_plans.csv", "safety_checks.csv", "safety_hazards.csv", "duty_roster.csv"}) {
      files.push_back(test_data(std::string("cli/safety/") + name).string());
    }
    std::vector<std::string> args = {"import", "--db", db_};
    args.insert(args.end(), files.begin(), files.end());
    RunResult imported = run_zhizao(args);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.out.find("safety_hazards.csv: 2 rows of safety_hazards"), std::string::npos)
        << imported.out;
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(SafetyCli, SafetyJsonOfJune) {
  RunResult run = run_zhizao({"safety", "--db", db_, "--period", "2021-06", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["period"], "2021-06");
  EXPECT_EQ(json["as_of"], "2021-06-30");
  const auto& plan = json["plans"][0];
  EXPECT_EQ(plan["enterprises"], 1);  // the one enterprise of division 09
  EXPECT_EQ(plan["checked"], 1);
  EXPECT_EQ(plan["hazards"]["found"], 2);
  EXPECT_EQ(plan["hazards"]["overdue"], 1);
  EXPECT_EQ(plan["roster_gaps"].size(), 28u);  // 30 days of June, 2 with a duty person
  ASSERT_EQ(json["warnings"].size(), 1u);
  EXPECT_EQ(json["warnings"][0]["rule"], "safety_overdue_major_hazard");
  EXPECT_EQ(json["warnings"][0]["level"], "red");
}

TEST_F(SafetyCli, TextByDateAndInEnglish) {
  RunResult run = run_zhizao({"safety", "--db", db_, "--date", "2021-06-10", "--lang", "en"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Flood-season safety checks (as of 2021-06-10)"), std::string::npos);
  EXPECT_NE(run.out.find("none is past its deadline"), std::string::npos) << run.out;
  RunResult april = run_zhizao({"safety", "--db", db_, "--period", "2021-04"});
  ASSERT_EQ(april.exit_code, 0);
  EXPECT_NE(april.out.find("没有检查期与所选时期相交"), std::string::npos);
  EXPECT_EQ(run_zhizao({"safety", "--db", db_}).exit_code, 1);
  EXPECT_EQ(run_zhizao({"safety", "--db", db_, "--date", "2021-06-31"}).exit_code, 1);
}

TEST_F(SafetyCli, ReportCarriesTheSectionOnlyInTheSeason) {
  RunResult june = run_zhizao({"report", "--db", db_, "--period", "2021-06", "--json"});
  ASSERT_EQ(june.exit_code, 0) << june.err;
  auto json = nlohmann::json::parse(june.out);
  ASSERT_TRUE(json.contains("safety"));
  EXPECT_EQ(json["safety"]["plans"][0]["id"], "P1");
  RunResult april = run_zhizao({"report", "--db", db_, "--period", "2021-04", "--json"});
  ASSERT_EQ(april.exit_code, 0) << april.err;
  EXPECT_FALSE(nlohmann::json::parse(april.out).contains("safety"));
  RunResult text = run_zhizao({"report", "--db", db_, "--period", "2021-06"});
  EXPECT_NE(text.out.find("汛期安全检查"), std::string::npos);
}

TEST_F(SafetyCli, BadSafetyFileIsRefusedWithEveryError) {
  RunResult run =
      run_zhizao({"import", "--db", db_, test_data("cli/safety_bad/safety_hazards.csv").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("safety_hazards.csv:2: level: not a hazard level"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("none of them was stored"), std::string::npos);
  RunResult help = run_zhizao({"safety", "--help"});
  EXPECT_NE(help.out.find("Example"), std::string::npos);
}

// One command with the contract's files and safety files stores all or nothing: a bad hazard
// refuses the enterprises and monthly records of the same command too (one transaction).
TEST(SafetyCliMixed, BadSafetyFileRefusesTheWholeCommand) {
  std::filesystem::path dir = fresh_directory("safety-mixed");
  const std::string db = (dir / "city.db").string();
  std::vector<std::string> args = {"import", "--db", db};
  for (const std::string& file : csv_files_in(test_data("cli/small"), FileOrder::kByName)) {
    args.push_back(file);
  }
  for (const char* name : {"safety_plans.csv", "safety_checks.csv"}) {
    args.push_back(test_data(std::string("cli/safety/") + name).string());
  }
  args.push_back(test_data("cli/safety_bad/safety_hazards.csv").string());
  RunResult run = run_zhizao(args);
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("safety_hazards.csv:2: level: not a hazard level"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("nothing was stored, neither these nor the other files"),
            std::string::npos)
      << run.err;
  RunResult report = run_zhizao({"report", "--db", db, "--period", "2021-06", "--json"});
  EXPECT_NE(report.err.find("no enterprise has a record of 2021-06"), std::string::npos)
      << report.err;
  // The contract's files alone now insert every row: none of them was stored before.
  std::vector<std::string> again = {"import", "--db", db};
  for (const std::string& file : csv_files_in(test_data("cli/small"), FileOrder::kByName)) {
    again.push_back(file);
  }
  RunResult stored = run_zhizao(again);
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_NE(stored.out.find("inserted, 0 replaced (revisions kept), 0 unchanged"),
            std::string::npos)
      << stored.out;
  RunResult safety = run_zhizao({"safety", "--db", db, "--period", "2021-06", "--format", "json"});
  ASSERT_EQ(safety.exit_code, 0) << safety.err;
  EXPECT_TRUE(nlohmann::json::parse(safety.out)["plans"].empty()) << safety.out;
}

}  // namespace
}  // namespace zhizao::testing
