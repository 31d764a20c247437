// Physical limits through the command line (issue 19, item 5): `import` refuses a figure beyond
// a bound at its line, or warns when the rules file says so; `check` then lists the stored
// outlier with the enterprise, month, field and value.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

// 1e308 as the plain decimal the contract's files hold (the import takes no exponents).
const std::string kHuge = "1" + std::string(308, '0');

class PhysicalLimitsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("physical-limits");
    db_ = (dir_ / "small.db").string();
    RunResult imported = import_into(db_, csv_files_in(test_data("cli/small"), FileOrder::kByName));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    // 甲 in May 2021: a sound month, then an output of 1e308 万元 in June.
    outlier_ = (dir_ / "monthly_may_june.csv").string();
    std::ofstream(outlier_) << "uscc,period,output,value_added\n"
                            << "91410302MA400001XM,2021-05,1300,390\n"
                            << "91410302MA400001XM,2021-06," << kHuge << ",\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write_rules(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  std::filesystem::path dir_;
  std::string db_;
  std::string outlier_;
};

TEST_F(PhysicalLimitsCliTest, ImportRefusesAFigureBeyondABoundAtItsLine) {
  RunResult run = run_zhizao({"import", "--db", db_, "-q", outlier_});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find(outlier_ +
                         ":3: output: 工业总产值 1e308 万元超出单个企业一个月的物理上限（1亿万元，"
                         "即1万亿元）（规则 physical_output_max）\n"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("nothing was stored"), std::string::npos) << run.err;
  RunResult english = run_zhizao({"import", "--db", db_, "-q", "--lang", "en", outlier_});
  EXPECT_EQ(english.exit_code, 2);
  EXPECT_NE(english.err.find(":3: output: Gross output of 1e308 × 10^4 yuan exceeds what one "
                             "enterprise can reach in a month (10^8 × 10^4 yuan, one trillion "
                             "yuan) (rule physical_output_max)"),
            std::string::npos)
      << english.err;
  RunResult check = run_zhizao({"check", "--db", db_});
  EXPECT_NE(check.out.find("records: 42\n"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("stored outliers (beyond a physical limit): none"), std::string::npos);
}

TEST_F(PhysicalLimitsCliTest, WarnStoresThenCheckListsTheOutlier) {
  std::string rules = write_rules("warn.toml", R"toml([[rule]]
id = "physical_output_max"
severity = "hard"
field = "output"
expression = "output <= 1e8"
physical_limit = true
on_import = "warn"
description_zh = "工业总产值 {value} 万元超出上限"
)toml");
  RunResult run = run_zhizao({"import", "--db", db_, "-q", "--rules", rules, outlier_});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("warning: " + outlier_ +
                         ":3: output: 工业总产值 1e308 万元超出上限（规则 physical_output_max）"),
            std::string::npos)
      << run.err;

  // The default rules find it among the stored data.
  RunResult check = run_zhizao({"check", "--db", db_});
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("stored outliers (beyond a physical limit): 1\n"
                           "  91410302MA400001XM 演示甲轴承有限公司 2021-06 output = 1e308: "
                           "工业总产值 1e308 万元超出单个企业一个月的物理上限（1亿万元，即1万亿元）"
                           "（规则 physical_output_max）\n"),
            std::string::npos)
      << check.out;
  RunResult json_run = run_zhizao({"check", "--db", db_, "--json", "--period", "2021-06"});
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  nlohmann::json json = nlohmann::json::parse(json_run.out);
  EXPECT_EQ(json["outlier_count"], 1);
  const nlohmann::json& outlier = json["outliers"][0];
  EXPECT_EQ(outlier["uscc"], "91410302MA400001XM");
  EXPECT_EQ(outlier["name"], "演示甲轴承有限公司");
  EXPECT_EQ(outlier["period"], "2021-06");
  EXPECT_EQ(outlier["field"], "output");
  EXPECT_EQ(outlier["value"], 1e308);
  EXPECT_EQ(outlier["rule"], "physical_output_max");
  RunResult none = run_zhizao({"check", "--db", db_, "--outliers", "0"});
  EXPECT_NE(none.out.find("stored outliers (beyond a physical limit): 1\n  … and 1 more\n"),
            std::string::npos)
      << none.out;
}

TEST_F(PhysicalLimitsCliTest, MalformedRulesFileRefusesTheImportBeforeAnything) {
  std::string rules = write_rules("bad.toml", R"toml([[rule]]
id = "x"
severity = "hard"
field = "output"
expression = "output <= 1e8"
on_import = "sometimes"
description_zh = "x"
)toml");
  std::string fresh = (dir_ / "fresh.db").string();
  RunResult run = run_zhizao({"import", "--db", fresh, "--rules", rules, outlier_});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(rules + ":6: rule x: on_import must be"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(fresh));
}

// The defaults must not trip on real-looking data: the calibrated demo and every dataset of
// tests/data import (the bounds apply on import) and check without an outlier or a hard failure.
TEST(PhysicalLimitsCleanDataTest, DemoAndTestDataHaveNoOutliers) {
  auto dir = fresh_directory("physical-limits-clean");
  auto clean = [](const std::string& db) {
    RunResult run = run_zhizao({"check", "--db", db, "--json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    nlohmann::json json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["outlier_count"], 0) << db;
    for (const nlohmann::json& rule : json["rules"]) {
      if (rule["severity"] == "hard") {
        EXPECT_EQ(rule["fails"], 0) << db << " " << rule["id"];
      }
    }
  };
  std::string demo = (dir / "demo.db").string();
  RunResult created = run_zhizao({"demo", "--db", demo});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  clean(demo);
  int datasets = 0;
  for (const char* data :
       {"cli/small", "reference/plain", "reference/entrants", "reference/jan_feb_fold"}) {
    std::string db = (dir / (std::to_string(++datasets) + ".db")).string();
    std::vector<std::string> args = {"import", "--db", db, "-q"};
    for (const auto& entry : std::filesystem::directory_iterator(test_data(data))) {
      if (entry.path().extension() == ".csv") args.push_back(entry.path().string());
    }
    RunResult imported = run_zhizao(args);
    ASSERT_EQ(imported.exit_code, 0) << data << ": " << imported.err;
    clean(db);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace zhizao::testing
