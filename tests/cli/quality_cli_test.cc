// zhizao quality through the command line (docs/methodology.md, "Data quality"): the findings of a
// small hand-made dataset (tests/data/cli/quality: a copied year, an inflated month, a constant
// figure among ordinary enterprises) as JSON, text and Markdown against golden files; a reviewer's
// verification turning a finding verified; imported daily electricity read by the electricity
// checks; the scope; usage errors.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/year_month.h"
#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

constexpr const char* kCopied = "91410303MA4QC00090";
constexpr const char* kJump = "91410302MA4QC0010N";
constexpr const char* kConstant = "91410303MA4QC00118";

class QualityCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("quality-cli");
    db_ = (dir_ / "quality.db").string();
    RunResult imported =
        import_into(db_, csv_files_in(test_data("cli/quality"), FileOrder::kByName));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  RunResult quality(std::vector<std::string> extra) {
    std::vector<std::string> args = {"quality", "--db", db_, "--period", "2021-04"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_zhizao(args);
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(QualityCliTest, JsonMatchesTheGoldenFile) {
  RunResult run = quality({"--json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(compare_with_golden(run.out, "cli/golden/quality_2021-04.json"), "");
  nlohmann::json json = nlohmann::json::parse(run.out);
  std::set<std::pair<std::string, std::string>> raised;
  for (const auto& f : json["findings"]) {
    raised.insert({f["uscc"].get<std::string>(), f["check"].get<std::string>()});
    EXPECT_EQ(f["status"], "open");
    EXPECT_EQ(f.size(), 5u) << f.dump();  // exactly the contract's keys
  }
  EXPECT_TRUE(raised.count({kCopied, "copied_last_year"}));
  EXPECT_TRUE(raised.count({kJump, "unexplained_jump"}));
  EXPECT_TRUE(raised.count({kConstant, "constant_series"}));
}

TEST_F(QualityCliTest, TextAndMarkdownMatchTheGoldenFiles) {
  RunResult zh = quality({});
  ASSERT_EQ(zh.exit_code, 0) << zh.err;
  EXPECT_EQ(compare_with_golden(zh.out, "cli/golden/quality_2021-04.zh.txt"), "");
  RunResult en = quality({"--markdown", "--lang", "en"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  EXPECT_EQ(compare_with_golden(en.out, "cli/golden/quality_2021-04.en.md"), "");
}

TEST_F(QualityCliTest, AVerifiedFindingIsListedAsVerified) {
  RunResult verify =
      run_zhizao({"quality", "verify", "--db", db_, "--uscc", kCopied, "--check",
                  "copied_last_year", "--months", "2021-01,2021-02", "--months", "2021-03,2021-04",
                  "--note", "电话核实：去年同期订单相同", "--user", "wang"});
  ASSERT_EQ(verify.exit_code, 0) << verify.err;
  nlohmann::json json = nlohmann::json::parse(quality({"--json"}).out);
  bool seen = false;
  for (const auto& f : json["findings"]) {
    if (f["uscc"] != kCopied || f["check"] != "copied_last_year") {
      EXPECT_EQ(f["status"], "open");
      continue;
    }
    seen = true;
    EXPECT_EQ(f["status"], "verified");
    EXPECT_EQ(f["verified_by"], "wang");
    EXPECT_EQ(f["note"], "电话核实：去年同期订单相同");
  }
  EXPECT_TRUE(seen);
  // The verification is in the audit log, and a report's appendix lists only open findings.
  RunResult report =
      run_zhizao({"report", "--db", db_, "--period", "2021-04", "--quality-appendix"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("附录：数据质量待核实事项"), std::string::npos) << report.out;
  EXPECT_NE(report.out.find(kJump), std::string::npos);
  EXPECT_EQ(report.out.find(kCopied), std::string::npos);
}

TEST_F(QualityCliTest, StoredFiguresBeyondAPhysicalLimitAreFindingsToo) {
  // A bureau's rules may store such a figure with a warning (on_import = "warn"); quality then
  // reports it with the rule's own message.
  std::string rules = (dir_ / "warn.toml").string();
  std::ofstream(rules) << R"toml([[rule]]
id = "physical_output_max"
severity = "hard"
field = "output"
expression = "output <= 1e8"
physical_limit = true
on_import = "warn"
description_zh = "工业总产值 {value} 万元超出上限"
description_en = "Gross output {value} beyond the limit"
)toml";
  std::string month = (dir_ / "monthly_outlier.csv").string();
  std::ofstream(month) << "uscc,period,output,value_added,electricity\n"
                       << kJump << ",2021-04,300000000,900,120\n";
  RunResult imported = run_zhizao({"import", "--db", db_, "-q", "--rules", rules, month});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  nlohmann::json json = nlohmann::json::parse(quality({"--json"}).out);
  // The default rules quality confronts: beyond the monthly bound and 10,000 times last year.
  std::set<std::string> rules_broken;
  for (const auto& f : json["findings"]) {
    if (f["check"] != "physical_limit") continue;
    EXPECT_EQ(f["uscc"], kJump);
    EXPECT_EQ(f["months"], nlohmann::json::array({"2021-04"}));
    EXPECT_EQ(f["evidence"]["field"], "output");
    EXPECT_EQ(f["evidence"]["value"], nlohmann::json::array({3e8}));
    rules_broken.insert(f["evidence"]["rule"].get<std::string>());
  }
  EXPECT_EQ(rules_broken,
            (std::set<std::string>{"physical_output_growth_max", "physical_output_max"}))
      << json.dump(2);
  RunResult text = quality({});
  EXPECT_NE(text.out.find("超出单个企业一个月的物理上限（1亿万元，即1万亿元），请核实"),
            std::string::npos)
      << text.out;
}

// Daily electricity (docs/methodology.md, "Data quality"): imported electricity_daily.csv readings
// that cover a month are what the electricity checks read, and the evidence says so.
TEST_F(QualityCliTest, ImportedDailyReadingsAreWhatTheElectricityChecksRead) {
  // The jump enterprise's monthly electricity, 2020-01 to 2021-04, spread evenly over the days.
  std::map<YearMonth, double> monthly;
  std::ifstream csv(test_data("cli/quality/monthly.csv"));
  for (std::string line; std::getline(csv, line);) {
    if (line.rfind(kJump, 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    monthly[*parse_year_month(cells[1])] = std::stod(cells[4]);
  }
  ASSERT_EQ(monthly.size(), 16u);
  auto write_daily = [&](double march_factor) {
    std::string path = (dir_ / "electricity_daily.csv").string();
    std::ofstream out(path);
    out << "uscc,date,kwh\n";
    for (const auto& [month, electricity] : monthly) {
      int days = days_in_month(month.year, month.month);
      double factor = month == YearMonth{2021, 3} ? march_factor : 1;
      for (int day = 1; day <= days; ++day) {
        out << kJump << "," << fmt::format("{}-{:02d}", month.to_string(), day) << ","
            << fmt::format("{:.4f}", electricity * factor * 1e4 / days) << "\n";
      }
    }
    return path;
  };
  auto evidence_of = [&](const std::string& check) {
    nlohmann::json json = nlohmann::json::parse(quality({"--json"}).out);
    for (const auto& f : json["findings"]) {
      if (f["uscc"] == kJump && f["check"] == check) return f["evidence"];
    }
    return nlohmann::json();
  };
  EXPECT_EQ(evidence_of("unexplained_jump")["electricity_source"], "monthly");
  // Readings as the monthly figures: the same findings, now from the metered days.
  RunResult same = run_zhizao({"import", "--db", db_, "-q", write_daily(1)});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  nlohmann::json jump = evidence_of("unexplained_jump");
  EXPECT_EQ(jump["electricity_source"], "daily");
  EXPECT_NEAR(jump["electricity_factor"][0].get<double>(), 0.9855195911413969, 1e-6);
  EXPECT_EQ(evidence_of("electricity_divergence")["electricity_source"], "daily");
  EXPECT_NE(quality({}).out.find("用电量（按日读数合计）"), std::string::npos);
  // Metered days of March 2021 four times as high: the jump is followed, nothing to verify.
  RunResult followed = run_zhizao({"import", "--db", db_, "-q", write_daily(4)});
  ASSERT_EQ(followed.exit_code, 0) << followed.err;
  EXPECT_TRUE(evidence_of("unexplained_jump").is_null());
  EXPECT_TRUE(evidence_of("electricity_divergence").is_null());
}

TEST_F(QualityCliTest, ScopeLimitsTheFindingsToACounty) {
  nlohmann::json json = nlohmann::json::parse(quality({"--json", "--scope", "410302"}).out);
  ASSERT_FALSE(json["findings"].empty());
  for (const auto& f : json["findings"]) EXPECT_EQ(f["uscc"], kJump);
}

TEST_F(QualityCliTest, RefusesBadUsage) {
  EXPECT_EQ(quality({"--scope", "nowhere"}).exit_code, 1);
  EXPECT_EQ(run_zhizao({"quality", "--db", db_, "--period", "2021-01"}).exit_code, 1);
  EXPECT_EQ(run_zhizao({"quality", "--db", db_}).exit_code, 1);
  RunResult unknown = run_zhizao({"quality", "verify", "--db", db_, "--uscc", kCopied, "--check",
                                  "guesswork", "--months", "2021-03", "--note", "x"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("unknown check"), std::string::npos) << unknown.err;
  EXPECT_EQ(run_zhizao({"quality", "verify", "--db", db_, "--uscc", "91410302MA4QC0099X", "--check",
                        "copied_last_year", "--months", "2021-03", "--note", "x"})
                .exit_code,
            1);
  std::string rules = (dir_ / "q.toml").string();
  std::ofstream(rules) << "[unexplained_jump]\nfactr = 4\n";
  RunResult bad_rules = quality({"--quality-rules", rules});
  EXPECT_EQ(bad_rules.exit_code, 2);
  EXPECT_NE(bad_rules.err.find("q.toml:2: unknown key \"factr\""), std::string::npos)
      << bad_rules.err;
}

TEST_F(QualityCliTest, TheReportsAppendixTakesTheThresholdsFile) {
  // The same thresholds as `quality --quality-rules` and `serve --quality-rules`: a jump factor
  // of 100 raises no jump, so the appendix no longer lists that check (the enterprise stays, for
  // its electricity).
  std::string lenient = (dir_ / "lenient.toml").string();
  std::ofstream(lenient) << "[unexplained_jump]\nfactor = 100\n";
  RunResult with_defaults =
      run_zhizao({"report", "--db", db_, "--period", "2021-04", "--quality-appendix"});
  ASSERT_EQ(with_defaults.exit_code, 0) << with_defaults.err;
  EXPECT_NE(with_defaults.out.find("unexplained_jump"), std::string::npos);
  RunResult with_file = run_zhizao({"report", "--db", db_, "--period", "2021-04",
                                    "--quality-appendix", "--quality-rules", lenient});
  ASSERT_EQ(with_file.exit_code, 0) << with_file.err;
  EXPECT_EQ(with_file.out.find("unexplained_jump"), std::string::npos);
  EXPECT_NE(with_file.out.find(kJump), std::string::npos);
  EXPECT_NE(with_file.out.find("附录：数据质量待核实事项"), std::string::npos);
  std::string bad = (dir_ / "q.toml").string();
  std::ofstream(bad) << "[unexplained_jump]\nfactr = 4\n";
  RunResult refused = run_zhizao(
      {"report", "--db", db_, "--period", "2021-04", "--quality-appendix", "--quality-rules", bad});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("q.toml:2: unknown key \"factr\""), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace zhizao::testing
