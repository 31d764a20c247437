// The data as a workbook and the import templates: both read back by the importer.
#include <gtest/gtest.h>

#include "demo/luoyang_demo.h"
#include "ingest/import_fixture.h"
#include "ingest/workbook_export.h"
#include "workbook_fixture.h"
#include "xlsx/workbook.h"

namespace zhizao::testing_support {
namespace {

// Awkward but real values: at most 15 significant digits, as Excel keeps.
Dataset sample_dataset() {
  Dataset d;
  d.chains = {{"bearing", "轴承"}, {"farm", "农机, \"装备\""}};
  d.parks = {{"p1", "高新区\n二期", "410300", "6+3+X"}, {"p2", "空园区", "", ""}};
  d.region_groups = {luoyang_metropolitan_area(), {"west", "西部", {"410305", "410000"}}};
  d.enterprises = {
      {kU1, "甲公司", "1311", "13", "410302", "p1", {"bearing", "farm"}, true},
      {kU2, "乙 公司", "06", "06", "410308", "", {}, false},
  };
  d.monthly = {
      {kU1, {2021, 2}, 1234.5, 0.3, 1e-7, 123456789012345.0, std::nullopt, 0, true},
      {kU1, {2021, 3}, 0, {}, {}, {}, {}, {}, false},
      {kU2, {2020, 12}, 0.333333333333333, 2, 3, 4, 5, 6, true},
  };
  d.deflators = {{"06", {2021, 3}, 99.25}, {"13", {2021, 3}, 101.5}};
  d.va_ratios = {{"13", 2020, 0.3}, {"13", 2021, 1}};
  d.projects = {
      {"P1", "项目一", "410302", 5000, "1311", "bearing", "p1", 1200, CivilDate{2021, 3, 1},
       CivilDate{2021, 3, 15}, CivilDate{2022, 12, 31}, CivilDate{2024, 2, 29}, ""},
      {"P2", "项目二", "410305", 0.5, "", "", "", std::nullopt, {}, {}, {}, {}, ""},
  };
  d.project_progress = {{"P1", {2021, 3}, 250.75}, {"P2", {2021, 1}, 0}};
  return d;
}

class WorkbookExportTest : public ImportTest {
 protected:
  std::string path(const std::string& name) { return (dir_ / name).string(); }
};

TEST_F(WorkbookExportTest, ExportedWorkbookImportsBackToTheSameDataset) {
  Dataset d = sample_dataset();
  ASSERT_TRUE(export_contract_workbook(d, path("data.xlsx")).is_ok());
  ImportOutcome outcome = import_ok({{"data.xlsx", read_bytes(path("data.xlsx"))}});
  EXPECT_EQ(outcome.warnings, std::vector<std::string>{});
  Dataset back = stored();
  EXPECT_EQ(back, d);
}

TEST_F(WorkbookExportTest, SheetsHeadersAndCellTypes) {
  ASSERT_TRUE(export_contract_workbook(sample_dataset(), path("data.xlsx")).is_ok());
  Result<xlsx::Workbook> book = xlsx::read_workbook(read_bytes(path("data.xlsx")));
  ASSERT_TRUE(book.has_value()) << book.error().to_string();
  std::vector<std::string> names;
  for (const xlsx::Sheet& s : book->sheets) names.push_back(s.name);
  EXPECT_EQ(names, (std::vector<std::string>{"产业链", "园区", "企业名录", "月报", "价格指数",
                                             "增加值率", "项目", "项目进度", "区域分组"}));
  const xlsx::Sheet& monthly = book->sheets[3];
  ASSERT_GE(monthly.cells.size(), 10u);
  EXPECT_EQ(monthly.cells[0].text, "统一社会信用代码");
  EXPECT_EQ(monthly.cells[2].text, "工业总产值(万元)");
  EXPECT_EQ(monthly.cells[4].text, "用电量(万千瓦时)");
  const xlsx::Cell& period = monthly.cells[10];  // B2
  EXPECT_EQ(period.type, xlsx::CellType::kText);
  EXPECT_EQ(period.text, "2021-02");
  const xlsx::Cell& output = monthly.cells[11];  // C2
  EXPECT_EQ(output.type, xlsx::CellType::kNumber);
  EXPECT_EQ(output.number, 1234.5);
  const xlsx::Sheet& projects = book->sheets[6];
  bool found_date = false;
  for (const xlsx::Cell& cell : projects.cells) {
    if (cell.row == 2 && cell.column == 9) {  // I2: planned_start
      found_date = cell.date && cell.number == xlsx::serial_from_date({2021, 3, 1});
    }
  }
  EXPECT_TRUE(found_date);
}

TEST_F(WorkbookExportTest, DemoExportsAndImportsBack) {
  Result<Dataset> demo = generate_luoyang_demo(DemoOptions{});
  ASSERT_TRUE(demo.has_value());
  // What the database holds of the demo (in its order) is what must come back.
  std::unique_ptr<Database> original = open_database("demo.db");
  ASSERT_TRUE(original->apply({SourcedBatch{"demo", *demo}}).has_value());
  Result<Dataset> expected = original->load();
  ASSERT_TRUE(expected.has_value());
  ASSERT_TRUE(export_contract_workbook(*expected, path("demo.xlsx")).is_ok());
  import_ok({{"demo.xlsx", read_bytes(path("demo.xlsx"))}});
  EXPECT_TRUE(stored() == *expected);
}

TEST_F(WorkbookExportTest, ExportToAnUnwritablePathFails) {
  Status written = export_contract_workbook(sample_dataset(), path("no/such/dir/data.xlsx"));
  EXPECT_EQ(written.code(), StatusCode::kIoError);
}

TEST_F(WorkbookExportTest, TemplateOfEveryKindImportsCleanly) {
  ASSERT_TRUE(write_import_template("all", path("all.xlsx")).is_ok());
  ImportOutcome outcome = import_ok({{"all.xlsx", read_bytes(path("all.xlsx"))}});
  EXPECT_EQ(outcome.warnings, std::vector<std::string>{});
  Dataset d = stored();
  EXPECT_EQ(d.chains.size(), 1u);
  EXPECT_EQ(d.parks.size(), 1u);
  EXPECT_EQ(d.enterprises.size(), 1u);
  ASSERT_EQ(d.monthly.size(), 1u);
  EXPECT_EQ(d.monthly[0].output, 1234.5);  // the units row says 万元
  EXPECT_EQ(d.monthly[0].electricity, 12.3);
  EXPECT_EQ(d.deflators.size(), 1u);
  EXPECT_EQ(d.va_ratios.size(), 1u);
  ASSERT_EQ(d.projects.size(), 1u);
  EXPECT_EQ(d.projects[0].planned_start, (CivilDate{2021, 3, 1}));
  EXPECT_EQ(d.project_progress.size(), 1u);
  EXPECT_EQ(d.region_groups.size(), 2u);
}

TEST_F(WorkbookExportTest, TemplatesOfSingleKinds) {
  for (std::string kind :
       {"chains", "parks", "enterprises", "deflators", "va_ratios", "projects", "region_groups"}) {
    std::unique_ptr<Database> db = open_database(kind + ".db");
    ASSERT_TRUE(write_import_template(kind, path(kind + ".xlsx")).is_ok());
    Result<ImportOutcome> outcome =
        import_sources(*db, {{kind + ".xlsx", read_bytes(path(kind + ".xlsx"))}}, {});
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->errors, std::vector<std::string>{}) << kind;
    ASSERT_EQ(outcome->files.size(), 1u);
    EXPECT_EQ(outcome->files[0].kind, kind);
    EXPECT_EQ(outcome->files[0].rows, 1);
  }
  // The monthly sample names the sample enterprise.
  ASSERT_TRUE(write_import_template("monthly", path("monthly.xlsx")).is_ok());
  ASSERT_TRUE(write_import_template("enterprises", path("enterprises.xlsx")).is_ok());
  import_ok({{"monthly.xlsx", read_bytes(path("monthly.xlsx"))},
             {"enterprises.xlsx", read_bytes(path("enterprises.xlsx"))}});
  EXPECT_EQ(stored().monthly.size(), 1u);
}

TEST_F(WorkbookExportTest, UnknownTemplateKindIsAUsageError) {
  Status written = write_import_template("invoices", path("x.xlsx"));
  EXPECT_EQ(written.code(), StatusCode::kUsage);
  EXPECT_NE(written.message().find("monthly"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path("x.xlsx")));
}

}  // namespace
}  // namespace zhizao::testing_support
