// Black-box test of the safety files written back (docs/safety.md "Export and templates"):
// `export --safety` (xlsx and csv) imports into a fresh database as the same safety figures and
// warnings, `template --kind safety_*` writes a workbook that imports with its example row, the
// safety warnings follow a --warning-rules file, and usage errors exit 1.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSafetyFiles[] = {"safety_plans", "safety_checks", "safety_hazards",
                                        "duty_roster"};

class SafetyFilesCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("safety_files");
    db_ = (dir_ / "city.db").string();
    ASSERT_EQ(import_into(db_, "").exit_code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Imports the small dataset and the safety files of `folder` ("": tests/data/cli/safety).
  RunResult import_into(const std::string& db, const std::string& folder, const char* ext = "csv") {
    std::vector<std::string> args = {"import", "--db", db, "-q"};
    for (const std::string& file : csv_files_in(test_data("cli/small"), FileOrder::kByName)) {
      args.push_back(file);
    }
    for (const char* stem : kSafetyFiles) {
      args.push_back(folder.empty()
                         ? test_data(std::string("cli/safety/") + stem + ".csv").string()
                         : (fs::path(folder) / (std::string(stem) + "." + ext)).string());
    }
    RunResult imported = run_zhizao(args);
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    return imported;
  }

  std::string safety_json(const std::string& db) {
    RunResult run = run_zhizao({"safety", "--db", db, "--period", "2021-06", "--format", "json"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.out;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(SafetyFilesCli, ExportedFilesImportAsTheSameFigures) {
  const std::string original = safety_json(db_);
  ASSERT_NE(nlohmann::json::parse(original)["plans"].size(), 0u);
  for (const char* format : {"xlsx", "csv"}) {
    const std::string out = (dir_ / format).string();
    RunResult exported = run_zhizao({"export", "--db", db_, "--safety", "--format", format, out});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_NE(exported.out.find("wrote the safety files to " + out +
                                ": 1 plans, 1 checks, 2 "
                                "hazards"),
              std::string::npos)
        << exported.out;
    for (const char* stem : kSafetyFiles) {
      EXPECT_TRUE(fs::exists(fs::path(out) / (std::string(stem) + "." + format))) << stem;
    }
    const std::string copy = (dir_ / (std::string("copy-") + format + ".db")).string();
    ASSERT_EQ(import_into(copy, out, format).exit_code, 0);
    EXPECT_EQ(safety_json(copy), original) << format;
  }
}

TEST_F(SafetyFilesCli, TemplatesImportWithTheirExampleRows) {
  const fs::path folder = dir_ / "templates";
  fs::create_directories(folder);
  for (const char* stem : kSafetyFiles) {
    const std::string path = (folder / (std::string(stem) + ".xlsx")).string();
    RunResult written = run_zhizao({"template", "--kind", stem, "--out", path});
    ASSERT_EQ(written.exit_code, 0) << written.err;
    EXPECT_EQ(written.out, "wrote the " + std::string(stem) + " template to " + path + "\n");
  }
  // The example check names the contract templates' sample enterprise: import that template
  // first (its sample row is the enterprise), then the four.
  const std::string enterprises = (dir_ / "enterprises.xlsx").string();
  ASSERT_EQ(run_zhizao({"template", "--kind", "enterprises", "--out", enterprises}).exit_code, 0);
  const std::string db = (dir_ / "t.db").string();
  std::vector<std::string> args = {"import", "--db", db, enterprises};
  for (const char* stem : kSafetyFiles) {
    args.push_back((folder / (std::string(stem) + ".xlsx")).string());
  }
  RunResult imported = run_zhizao(args);
  ASSERT_EQ(imported.exit_code, 0) << imported.err << imported.out;
  EXPECT_NE(imported.out.find("safety_hazards.xlsx: 1 rows of safety_hazards"), std::string::npos)
      << imported.out;
}

TEST_F(SafetyFilesCli, WarningRulesDecideTheSafetyWarnings) {
  // The default: the major hazard 10 days past its deadline is red.
  auto warnings = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"safety",  "--db",     db_,   "--period",
                                     "2021-06", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    RunResult run = run_zhizao(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.exit_code == 0 ? nlohmann::json::parse(run.out)["warnings"] : nlohmann::json();
  };
  ASSERT_EQ(warnings({}).size(), 1u);
  EXPECT_EQ(warnings({})[0]["level"], "red");
  // A bureau's file: major hazards only from 30 days on, blue.
  const std::string rules = (dir_ / "rules.toml").string();
  std::ofstream(rules) << "[[warning]]\nid = \"late_major\"\nlevel = \"blue\"\n"
                          "kind = \"safety_hazard_overdue\"\ndays = 5\nordinary = false\n"
                          "reason_zh = \"{name}{hazard}逾期{overdue}\"\n";
  nlohmann::json custom = warnings({"--warning-rules", rules});
  ASSERT_EQ(custom.size(), 1u);
  EXPECT_EQ(custom[0]["rule"], "late_major");
  EXPECT_EQ(custom[0]["level"], "blue");
  std::ofstream(rules) << "[[warning]]\nid = \"late_major\"\nlevel = \"blue\"\n"
                          "kind = \"safety_hazard_overdue\"\ndays = 30\n"
                          "reason_zh = \"{name}\"\n";
  EXPECT_TRUE(warnings({"--warning-rules", rules}).empty());
}

TEST_F(SafetyFilesCli, UsageErrors) {
  RunResult no_dir = run_zhizao({"export", "--db", db_, "--safety"});
  EXPECT_EQ(no_dir.exit_code, 1);
  EXPECT_NE(no_dir.err.find("--safety needs the directory"), std::string::npos) << no_dir.err;
  RunResult no_db =
      run_zhizao({"export", "--db", (dir_ / "none.db").string(), "--safety", dir_.string()});
  EXPECT_EQ(no_db.exit_code, 1);
  RunResult unknown =
      run_zhizao({"template", "--kind", "safety_meetings", "--out", (dir_ / "x.xlsx").string()});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_FALSE(fs::exists(dir_ / "x.xlsx"));
}

}  // namespace
}  // namespace zhizao::testing
