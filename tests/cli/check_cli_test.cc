// zhizao check: the summary on the small dataset, JSON output, and a malformed rules file.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

class CheckCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("check");
    db_ = (dir_ / "small.db").string();
    RunResult imported = import_into(db_, csv_files_in(test_data("cli/small"), FileOrder::kByName));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(CheckCliTest, SummarisesWithExitZeroDespiteFailures) {
  RunResult run = run_zhizao({"check", "--db", db_, "--period", "2021-04"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("records: 6 of 2021-04"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("91410329MA400005XX 2021-04"), std::string::npos) << run.out;
}

TEST_F(CheckCliTest, JsonHasTheTallies) {
  RunResult run = run_zhizao({"check", "--db", db_, "--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json json = nlohmann::json::parse(run.out);
  EXPECT_EQ(json["records"], 42);
  for (const auto& rule : json["rules"]) {
    if (rule["id"] == "output_yoy_band") {
      EXPECT_EQ(rule["passes"], 19);
      EXPECT_EQ(rule["fails"], 4);
      EXPECT_EQ(rule["missing"], 19);
    }
  }
}

TEST_F(CheckCliTest, MalformedRulesFileExitsTwoWithItsLine) {
  std::string rules = (dir_ / "bad.toml").string();
  std::ofstream(rules) << "[[rule]]\nid = \"x\"\nseverity = \"grave\"\nfield = \"output\"\n"
                          "expression = \"output > 0\"\ndescription_zh = \"d\"\n";
  RunResult run = run_zhizao({"check", "--db", db_, "--rules", rules});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(rules + ":3: rule x: severity must be"), std::string::npos) << run.err;
}

TEST_F(CheckCliTest, BadPeriodIsAUsageError) {
  RunResult run = run_zhizao({"check", "--db", db_, "--period", "2021-13"});
  EXPECT_EQ(run.exit_code, 1);
}

}  // namespace
}  // namespace zhizao::testing
