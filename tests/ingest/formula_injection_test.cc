// Formula injection (issue 19, item 3): `export` guards the names a spreadsheet would evaluate
// (ingest/formula_guard.h), and the import reads them back, so export → import stays a round
// trip; hand-written files and workbooks are read as before.
#include <fstream>
#include <sstream>

#include "import_fixture.h"
#include "ingest/workbook_export.h"

namespace zhizao::testing_support {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The names of the issue and OWASP's triggers in every free-text column: ids, names, categories,
// references to ids, a chain list, a region group.
Dataset injection_dataset() {
  Dataset d;
  d.chains = {{"=chain", "=HYPERLINK(\"http://x\",\"y\")"}, {"plain", "+cmd|' /C calc'!A0"}};
  d.parks = {{"@park", "@SUM(1)", "410300", "-2+3"}, {"'=p", "'abc", "", "＝1+1"}};
  d.region_groups = {luoyang_metropolitan_area(), {"-west", "=西部", {"410305"}}};
  d.enterprises = {
      {kU1,
       "=HYPERLINK(\"http://x\",\"y\")",
       "1311",
       "13",
       "410302",
       "@park",
       {"=chain", "plain"},
       true},
      {kU2, "\t=1+1", "34", "34", "410308", "'=p", {"plain", "=chain"}, false},
  };
  d.monthly = {{kU1, {2021, 2}, 1234.5, 0.5, {}, 1000, {}, {}, true}};
  d.projects = {
      {"-P1",
       "-2+3",
       "410302",
       5000,
       "1311",
       "=chain",
       "@park",
       1200,
       CivilDate{2021, 3, 1},
       {},
       {},
       {},
       "=campaign"},
      {"P2", "''=x", "410305", 0, "", "", "", std::nullopt, {}, {}, {}, {}, ""},
  };
  d.project_progress = {{"-P1", {2021, 3}, 300}};
  d.campaigns = {
      {"=campaign", "@SUM(1)", CivilDate{2021, 4, 1}, CivilDate{2021, 5, 1}, {}, {}, {}}};
  return d;
}

TEST_F(ImportTest, ExportGuardsInjectionNamesAndImportRestoresThem) {
  ASSERT_TRUE(db_->apply({{"seed", injection_dataset()}}).has_value());
  Dataset original = stored();
  ASSERT_EQ(original.enterprises.size(), 2u);
  std::filesystem::path out = dir_ / "export";
  ASSERT_TRUE(export_contract_files(original, out.string()).is_ok());

  EXPECT_EQ(read_text(out / "chains.csv"),
            "id,name\n'=chain,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n"
            "plain,'+cmd|' /C calc'!A0\n");
  EXPECT_EQ(read_text(out / "parks.csv"),
            "id,name,region,category\n''=p,'abc,,'＝1+1\n'@park,'@SUM(1),410300,'-2+3\n");
  EXPECT_EQ(read_text(out / "region_groups.csv"), "id,name,members\n'-west,'=西部,410305\n");
  std::string enterprises = read_text(out / "enterprises.csv");
  EXPECT_NE(enterprises.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1311,410302,'@park,"
                             "'=chain;plain,1\n"),
            std::string::npos)
      << enterprises;
  EXPECT_NE(enterprises.find(",'\t=1+1,34,410308,''=p,plain;=chain,0\n"), std::string::npos)
      << enterprises;
  std::string projects = read_text(out / "projects.csv");
  EXPECT_NE(
      projects.find("'-P1,'-2+3,410302,5000,1311,'=chain,'@park,1200,2021-03-01,,,,'=campaign\n"),
      std::string::npos)
      << projects;
  EXPECT_NE(projects.find("P2,'''=x,410305,0,"), std::string::npos) << projects;
  EXPECT_EQ(read_text(out / "project_progress.csv"), "id,period,investment\n'-P1,2021-03,300\n");
  EXPECT_EQ(read_text(out / "campaigns.csv"),
            "id,name,from,to,planned_starts,planned_completions,planned_investment\n"
            "'=campaign,'@SUM(1),2021-04-01,2021-05-01,,,\n");

  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    paths.push_back(entry.path().string());
  }
  std::unique_ptr<Database> fresh = open_database("fresh.db");
  Result<ImportOutcome> imported = import_files(*fresh, paths, {});
  ASSERT_TRUE(imported.has_value());
  EXPECT_EQ(imported->errors, std::vector<std::string>{});
  EXPECT_EQ(imported->warnings, std::vector<std::string>{});
  EXPECT_EQ(*fresh->load(), original);

  // And the second export is byte-identical to the first.
  std::filesystem::path again = dir_ / "again";
  ASSERT_TRUE(export_contract_files(*fresh->load(), again.string()).is_ok());
  for (const char* name : {"chains.csv", "parks.csv", "enterprises.csv", "monthly.csv",
                           "projects.csv", "project_progress.csv", "region_groups.csv"}) {
    EXPECT_EQ(read_text(again / name), read_text(out / name)) << name;
  }
}

TEST_F(ImportTest, HandWrittenCsvCellsAreReadAsBeforeExceptTheGuard) {
  import_ok({{"chains.csv",
              "id,name\n"
              "c1,'=1+1\n"    // guarded: the formula's text
              "c2,=1+1\n"     // unguarded: stored as written (a name, never evaluated here)
              "c3,'abc\n"     // an apostrophe that guards nothing is data
              "c4,''=x\n"     // one apostrophe of guard, one of data
              "c5,'\n"        // an apostrophe alone is data
              "'-c6,x\n"}});  // ids are text columns too
  Dataset d = stored();
  ASSERT_EQ(d.chains.size(), 6u);
  EXPECT_EQ(d.chains[0].id, "-c6");
  EXPECT_EQ(d.chains[1].name, "=1+1");
  EXPECT_EQ(d.chains[2].name, "=1+1");
  EXPECT_EQ(d.chains[3].name, "'abc");
  EXPECT_EQ(d.chains[4].name, "'=x");
  EXPECT_EQ(d.chains[5].name, "'");
}

TEST_F(ImportTest, NumberColumnsAreNeverGuarded) {
  std::string enterprises =
      "uscc,name,industry,region\n" + kU1 + ",甲,1311,410302\n" + kU2 + ",乙,34,410308\n";
  std::vector<std::string> errors = errors_of(
      {{"enterprises.csv", enterprises},
       {"monthly.csv", "uscc,period,output\n" + kU1 + ",2021-02,'5\n" + kU2 + ",'2021-02,5\n"}});
  ASSERT_EQ(errors.size(), 2u) << ::testing::PrintToString(errors);
  EXPECT_NE(errors[0].find("monthly.csv:2: output:"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("monthly.csv:3: period:"), std::string::npos) << errors[1];
}

// Workbooks keep text as text: the workbook export writes no guard and the workbook import
// restores none, so a name beginning with an apostrophe survives that round trip too.
TEST_F(ImportTest, WorkbookRoundTripKeepsInjectionNamesAndApostrophes) {
  ASSERT_TRUE(db_->apply({{"seed", injection_dataset()}}).has_value());
  Dataset original = stored();
  std::filesystem::path workbook = dir_ / "data.xlsx";
  ASSERT_TRUE(export_contract_workbook(original, workbook.string()).is_ok());
  std::unique_ptr<Database> fresh = open_database("fresh.db");
  Result<ImportOutcome> imported = import_files(*fresh, {workbook.string()}, {});
  ASSERT_TRUE(imported.has_value());
  EXPECT_EQ(imported->errors, std::vector<std::string>{});
  Dataset back = *fresh->load();
  EXPECT_EQ(back.parks, original.parks);
  EXPECT_EQ(back.chains, original.chains);
  EXPECT_EQ(back.projects, original.projects);
  ASSERT_EQ(back.enterprises.size(), 2u);
  EXPECT_EQ(back.enterprises[0].name, "=HYPERLINK(\"http://x\",\"y\")");
}

}  // namespace
}  // namespace zhizao::testing_support
