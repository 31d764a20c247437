// zhizao settings (issue 16): the installation's area, shown, set, refused when it names no
// region, put back to automatic; each change is audit-logged and reaches the report (title and
// the level its regional table ranks) through the columnar snapshot and without it.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;

// The audit rows of the settings, "action target detail" one a line.
std::string settings_audit(const std::string& path) {
  sqlite3* db = nullptr;
  std::string rows;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    const char* sql =
        "SELECT action, target, detail, remote FROM audit_log WHERE action LIKE 'setting.%' "
        "ORDER BY id";
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
      while (sqlite3_step(statement) == SQLITE_ROW) {
        for (int column = 0; column < 4; ++column) {
          rows += reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
          rows += column == 3 ? "\n" : " ";
        }
      }
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return rows;
}

class SettingsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("settings");
    db_ = (dir_ / "city.db").string();
    RunResult imported = import_into(db_, csv_files_in(test_data("cli/small"), FileOrder::kByName));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `zhizao settings --db DB ARGS...` and appends what a user sees to the transcript.
  RunResult settings(const std::vector<std::string>& args) {
    std::vector<std::string> full = {"settings", "--db", db_};
    full.insert(full.end(), args.begin(), args.end());
    RunResult run = run_zhizao(full);
    transcript_ += "$ zhizao settings --db DB";
    for (const std::string& arg : args) transcript_ += " " + arg;
    transcript_ += "\n" + run.out + run.err + "[exit " + std::to_string(run.exit_code) + "]\n";
    return run;
  }
  nlohmann::json report_area(bool snapshot) const {
    std::vector<std::string> args = {"report", "--db", db_, "--period", "2021-04", "--json"};
    if (!snapshot) args.push_back("--no-snapshot");
    RunResult run = run_zhizao(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    nlohmann::json report = nlohmann::json::parse(run.out, nullptr, false);
    return report.is_object() ? report["area"] : nlohmann::json();
  }
  std::string report_text() const {
    return run_zhizao({"report", "--db", db_, "--period", "2021-04"}).out;
  }

  fs::path dir_;
  std::string db_;
  std::string transcript_;
};

TEST_F(SettingsCliTest, SetShowAndPutBackTheArea) {
  EXPECT_EQ(settings({}).exit_code, 0);
  EXPECT_EQ(report_area(true)["code"], "410300");

  EXPECT_EQ(settings({"area", "410000"}).exit_code, 0);
  EXPECT_EQ(settings({}).exit_code, 0);
  EXPECT_EQ(settings({"area"}).exit_code, 0);
  for (bool snapshot : {true, false}) {
    nlohmann::json area = report_area(snapshot);
    EXPECT_EQ(area["code"], "410000") << snapshot;
    EXPECT_EQ(area["name"], "河南省");
    EXPECT_EQ(area["level"], "province");
    EXPECT_EQ(area["word"], "全省");
  }
  std::string text = report_text();
  EXPECT_EQ(text.substr(0, text.find('\n')), "河南省2021年1—4月工业经济运行情况");
  EXPECT_NE(text.find("分市看"), std::string::npos) << text;

  EXPECT_EQ(settings({"area", "000000"}).exit_code, 0);
  EXPECT_EQ(report_area(true)["name"], "全国");
  EXPECT_EQ(settings({"area", "410200"}).exit_code, 0);
  text = report_text();
  EXPECT_EQ(text.substr(0, text.find('\n')), "开封市2021年1—4月工业经济运行情况");

  EXPECT_EQ(settings({"area", "auto"}).exit_code, 0);
  EXPECT_EQ(settings({"area", "auto"}).exit_code, 0);  // already automatic: no change, no error
  EXPECT_EQ(report_area(true)["code"], "410300");
  EXPECT_EQ(compare_with_golden(transcript_, "cli/golden/settings.txt"), "");
  EXPECT_EQ(compare_with_golden(settings_audit(db_), "cli/golden/settings_audit.txt"), "");
}

TEST_F(SettingsCliTest, RefusesWhatNamesNoRegionAndUnknownSettings) {
  for (const char* bad : {"999999", "4103", "410300x", "110100", ""}) {
    EXPECT_EQ(settings({"area", bad}).exit_code, 1) << bad;
  }
  EXPECT_EQ(settings({"colour", "red"}).exit_code, 1);
  EXPECT_EQ(settings({"colour"}).exit_code, 1);
  EXPECT_EQ(compare_with_golden(transcript_, "cli/golden/settings_errors.txt"), "");
  EXPECT_EQ(settings_audit(db_), "");  // nothing refused is logged as a change
  EXPECT_EQ(report_area(true)["code"], "410300");

  RunResult missing = run_zhizao({"settings", "--db", (dir_ / "none.db").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_FALSE(fs::exists(dir_ / "none.db"));
}

}  // namespace
}  // namespace zhizao::testing
