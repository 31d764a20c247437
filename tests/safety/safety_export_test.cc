// The safety files written back (safety/safety_export.h): each kind exported as .xlsx (date
// cells, Chinese headers) or CSV imports into a fresh database as the same rows; the templates
// import with their example rows into a database that has the sample enterprise, and a header
// alone imports nothing; write errors are errors.
#include "safety/safety_export.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "safety/safety_fixture.h"
#include "safety/safety_store.h"
#include "store/temp_database.h"
#include "xlsx/workbook.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;

// The cell at 1-based (row, column), nullptr when empty.
const xlsx::Cell* cell_at(const xlsx::Sheet& sheet, int row, int column) {
  for (const xlsx::Cell& cell : sheet.cells) {
    if (cell.row == row && cell.column == column) return &cell;
  }
  return nullptr;
}

class SafetyExport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           (std::string("safety_export_") +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Database> open(const std::string& name, const Dataset& enterprises) {
    auto opened = Database::open((dir_ / name).string(), OpenMode::kCreateIfMissing);
    EXPECT_TRUE(opened.has_value());
    if (!opened) return nullptr;
    EXPECT_TRUE((*opened)->apply({SourcedBatch{"enterprises.csv", enterprises}}).has_value());
    return std::move(*opened);
  }

  // Imports the files of `folder` with the given extension; fails the test on any error.
  SafetyRegister import_folder(Database& db, const fs::path& folder, const std::string& ext) {
    std::vector<std::string> paths;
    for (const char* stem : {"safety_plans", "safety_checks", "safety_hazards", "duty_roster"}) {
      paths.push_back((folder / (std::string(stem) + ext)).string());
    }
    Result<SafetyImportOutcome> outcome = import_safety_files(db, paths, std::nullopt, 1 << 20);
    EXPECT_TRUE(outcome.has_value());
    if (!outcome) return {};
    EXPECT_EQ(outcome->errors, std::vector<std::string>{});
    EXPECT_EQ(outcome->warnings, std::vector<std::string>{});
    return load_safety_register(db).value();
  }

  fs::path dir_;
};

void expect_same(const SafetyRegister& back, const SafetyRegister& original) {
  EXPECT_EQ(back.plans, original.plans);
  EXPECT_EQ(back.checks, original.checks);
  EXPECT_EQ(back.hazards, original.hazards);
  EXPECT_EQ(back.roster, original.roster);
}

TEST_F(SafetyExport, XlsxAndCsvRoundTripGiveTheSameRows) {
  std::unique_ptr<Database> db = open("a.db", testing_support::safety_enterprises());
  ASSERT_TRUE(store_safety_records(*db, testing_support::safety_register()).has_value());
  SafetyRegister original = load_safety_register(*db).value();
  // A proof name, a description with a comma and a quote, a region and empty fields.
  original.hazards[0].proof = std::string(64, 'c') + ".pdf";
  original.hazards[1].description = "坝体\"渗水\", 已处理";
  original.plans[1].region = "410328";
  // Cells a spreadsheet would evaluate: guarded in CSV ('+86 …), read back as written.
  original.roster[0].phone = "+86 379 6543210";
  original.hazards[2].description = "=HYPERLINK(\"x\")";
  original.checks[0].findings = "-坝体渗水";
  ASSERT_TRUE(store_safety_records(*db, original).has_value());
  original = load_safety_register(*db).value();
  ASSERT_EQ(original.plans.size(), 3u);
  ASSERT_EQ(original.hazards.size(), 7u);

  for (SafetyFileFormat format : {SafetyFileFormat::kXlsx, SafetyFileFormat::kCsv}) {
    const bool xlsx = format == SafetyFileFormat::kXlsx;
    const fs::path out = dir_ / (xlsx ? "xlsx" : "csv");
    ASSERT_TRUE(export_safety_files(original, format, out.string()).is_ok());
    std::unique_ptr<Database> fresh =
        open(xlsx ? "x.db" : "c.db", testing_support::safety_enterprises());
    expect_same(import_folder(*fresh, out, xlsx ? ".xlsx" : ".csv"), original);
  }
}

TEST_F(SafetyExport, XlsxHasChineseHeadersDateCellsAndTextCodes) {
  SafetyRegister records = testing_support::safety_register();
  const std::string path = (dir_ / "safety_plans.xlsx").string();
  ASSERT_TRUE(
      export_safety_file(records, SafetyFileKind::kPlans, SafetyFileFormat::kXlsx, path).is_ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  Result<xlsx::Workbook> workbook = xlsx::read_workbook(bytes.str());
  ASSERT_TRUE(workbook.has_value()) << workbook.error().message();
  ASSERT_EQ(workbook->sheets.size(), 1u);
  const xlsx::Sheet& sheet = workbook->sheets[0];
  EXPECT_EQ(sheet.name, "检查计划");
  const xlsx::Cell* header = cell_at(sheet, 1, 1);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->text, "计划编号");
  const xlsx::Cell* divisions = cell_at(sheet, 2, 4);
  ASSERT_NE(divisions, nullptr);
  EXPECT_EQ(divisions->type, xlsx::CellType::kText);
  EXPECT_EQ(divisions->text, "08;09;10");
  const xlsx::Cell* from = cell_at(sheet, 2, 6);
  ASSERT_NE(from, nullptr);
  EXPECT_EQ(from->type, xlsx::CellType::kNumber);
  EXPECT_TRUE(from->date);
  EXPECT_EQ(xlsx::date_from_serial(from->number, false).value(), (CivilDate{2021, 6, 1}));
}

TEST_F(SafetyExport, TemplatesImportWithTheirExampleRows) {
  Dataset sample;
  Enterprise e;
  e.uscc = "91410302MA400001XM";  // the contract templates' sample enterprise
  e.name = "示例机械制造有限公司";
  e.industry = "3411";
  e.division = "34";
  e.region = "410302";
  sample.enterprises.push_back(e);
  std::unique_ptr<Database> db = open("t.db", sample);
  const fs::path folder = dir_ / "templates";
  fs::create_directories(folder);
  for (SafetyFileKind kind : {SafetyFileKind::kPlans, SafetyFileKind::kChecks,
                              SafetyFileKind::kHazards, SafetyFileKind::kRoster}) {
    ASSERT_TRUE(write_safety_template(
                    kind, (folder / (std::string(safety_kind_name(kind)) + ".xlsx")).string())
                    .is_ok());
  }
  SafetyRegister back = import_folder(*db, folder, ".xlsx");
  ASSERT_EQ(back.plans.size(), 1u);
  ASSERT_EQ(back.checks.size(), 1u);
  ASSERT_EQ(back.hazards.size(), 1u);
  ASSERT_EQ(back.roster.size(), 1u);
  EXPECT_EQ(back.plans[0].divisions, (std::vector<std::string>{"08", "09", "10"}));
  EXPECT_EQ(back.checks[0].uscc, e.uscc);
  EXPECT_EQ(back.hazards[0].reinspection, ReinspectionResult::kPassed);
  EXPECT_EQ(back.roster[0].phone, "0379-12345678");
}

TEST_F(SafetyExport, AHeaderAloneImportsNothing) {
  std::unique_ptr<Database> db = open("e.db", testing_support::safety_enterprises());
  ASSERT_TRUE(export_safety_files(SafetyRegister{}, SafetyFileFormat::kXlsx, (dir_ / "e").string())
                  .is_ok());
  EXPECT_TRUE(import_folder(*db, dir_ / "e", ".xlsx").empty());
}

TEST_F(SafetyExport, KindsAndWriteErrors) {
  EXPECT_EQ(parse_safety_kind("Safety_Hazards"), SafetyFileKind::kHazards);
  EXPECT_EQ(parse_safety_kind("duty_roster"), SafetyFileKind::kRoster);
  EXPECT_EQ(parse_safety_kind("cases"), std::nullopt);
  EXPECT_EQ(parse_safety_kind("safety_plans.xlsx"), std::nullopt);
  // A folder where a file is expected: nothing is written, the error says why.
  fs::create_directories(dir_ / "blocker");
  Status blocked = export_safety_file(testing_support::safety_register(), SafetyFileKind::kRoster,
                                      SafetyFileFormat::kCsv, (dir_ / "blocker").string());
  EXPECT_EQ(blocked.code(), StatusCode::kIoError);
  std::ofstream(dir_ / "file") << "x";
  EXPECT_EQ(export_safety_files(SafetyRegister{}, SafetyFileFormat::kXlsx,
                                (dir_ / "file" / "sub").string())
                .code(),
            StatusCode::kIoError);
  EXPECT_FALSE(
      write_safety_template(SafetyFileKind::kPlans, (dir_ / "no" / "t.xlsx").string()).is_ok());
}

}  // namespace
}  // namespace zhizao
