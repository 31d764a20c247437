// Import of the safety files (docs/safety.md "Files"): a clean import stored and read back, the
// deadline of each level filled in, Chinese headers in GB18030, an .xlsx sheet, every error case
// as FILE:LINE: COLUMN: reason with nothing stored, the warnings, and replacement by key.
#include "safety/safety_import.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/file_kind.h"
#include "ingest/gb18030_test_text.h"
#include "safety/safety_figures.h"
#include "safety/safety_fixture.h"
#include "safety/safety_store.h"
#include "store/temp_database.h"
#include "xlsx/workbook_writer.h"

namespace zhizao {
namespace {

using testing_support::code;
using testing_support::day;

using testing_support::to_gb18030;

const std::string kPlans =
    "id,name,kind,divisions,region,from,to\n"
    "P1,汛期尾矿库检查,尾矿库,08;09;10,,2021-06-01,2021-09-30\n";

std::string checks() {
  return "id,plan,uscc,date,inspector,findings\n"
         "c1,P1," +
         code('A') +
         ",2021-06-05,甲,\"坝体正常, 排洪井堵塞\"\n"
         "c2,P1," +
         code('B') + ",2021-06-20,乙,\n";
}

const std::string kHazards =
    "id,check,level,description,found,deadline,rectified,reinspected,reinspection_result,proof\n"
    "h1,c1,major,排洪井堵塞,2021-06-05,2021-06-20,,,,\n"
    "h2,c1,一般,冲沟,2021-06-05,,2021-06-15,2021-06-18,通过,h2.jpg\n"
    "h3,c2,重大,浸润线偏高,2021-06-20,,,,,\n";

const std::string kRoster =
    "date,shift,person,phone,handover\n"
    "2021-06-01,白班,张三,0379-12345678,正常\n"
    "2021-06-01,夜班,李四,,\n";

class SafetyImport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(path_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    db_ = std::move(*opened);
    auto applied =
        db_->apply({SourcedBatch{"enterprises.csv", testing_support::safety_enterprises()}});
    ASSERT_TRUE(applied.has_value()) << applied.error().message();
  }

  SafetyImportOutcome import(const std::vector<SourceFile>& files) {
    Result<SafetyImportOutcome> outcome = import_safety_sources(*db_, files, std::nullopt);
    EXPECT_TRUE(outcome.has_value()) << outcome.error().message();
    return outcome ? *outcome : SafetyImportOutcome{};
  }

  SafetyRegister stored() {
    Result<SafetyRegister> loaded = load_safety_register(*db_);
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : SafetyRegister{};
  }

  // Imports `file` beside valid plans and checks, expects it refused with exactly `errors`, and
  // nothing stored.
  void expect_refused(const SourceFile& file, const std::vector<std::string>& errors) {
    // A plans file replaces the valid plans and checks (which would name its plans), a checks
    // file the valid checks.
    std::vector<SourceFile> files;
    if (!file.name.starts_with("safety_plans")) files.push_back({"safety_plans.csv", kPlans});
    if (!file.name.starts_with("safety_plans") && !file.name.starts_with("safety_checks")) {
      files.push_back({"safety_checks.csv", checks()});
    }
    files.push_back(file);
    SafetyImportOutcome outcome = import(files);
    EXPECT_EQ(outcome.errors, errors);
    EXPECT_TRUE(stored().empty()) << "nothing may be stored";
  }

  testing_support::TempDatabasePath path_;
  std::unique_ptr<Database> db_;
};

TEST(SafetyFileKind, NamesAreNotAmbiguousWithTheContractsFiles) {
  EXPECT_EQ(safety_kind_from_file_name("data/safety_plans.csv"), SafetyFileKind::kPlans);
  EXPECT_EQ(safety_kind_from_file_name("SAFETY_CHECKS_2021-06.csv"), SafetyFileKind::kChecks);
  EXPECT_EQ(safety_kind_from_file_name("safety_hazards.xlsx"), SafetyFileKind::kHazards);
  EXPECT_EQ(safety_kind_from_file_name("duty_roster"), SafetyFileKind::kRoster);
  EXPECT_FALSE(safety_kind_from_file_name("safety_plansx.csv"));
  EXPECT_FALSE(safety_kind_from_file_name("enterprises.csv"));
  EXPECT_FALSE(safety_kind_from_file_name("cases.csv"));
  for (const char* name :
       {"safety_plans.csv", "safety_checks.csv", "safety_hazards.csv", "duty_roster.csv"}) {
    EXPECT_FALSE(detail::kind_from_file_name(name)) << name << " is taken by ingest";
  }
}

TEST_F(SafetyImport, StoresEveryFileAndFillsDeadlinesByLevel) {
  SafetyImportOutcome outcome = import({{"duty_roster.csv", kRoster},
                                        {"safety_hazards.csv", kHazards},
                                        {"safety_checks.csv", checks()},
                                        {"safety_plans.csv", kPlans}});
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors.front();
  EXPECT_TRUE(outcome.warnings.empty());
  EXPECT_EQ(outcome.stored, 1 + 2 + 3 + 2);
  SafetyRegister r = stored();
  ASSERT_EQ(r.plans.size(), 1u);
  EXPECT_EQ(r.plans[0].divisions, (std::vector<std::string>{"08", "09", "10"}));
  EXPECT_EQ(r.plans[0].region, "");
  ASSERT_EQ(r.checks.size(), 2u);
  EXPECT_EQ(r.checks[0].findings, "坝体正常, 排洪井堵塞");
  ASSERT_EQ(r.hazards.size(), 3u);
  EXPECT_EQ(r.hazards[0].deadline, day(2021, 6, 20));  // given
  EXPECT_EQ(r.hazards[1].deadline, day(2021, 6, 20));  // ordinary: 5 June + 15 days
  EXPECT_EQ(r.hazards[1].reinspection, ReinspectionResult::kPassed);
  EXPECT_EQ(r.hazards[1].proof, "h2.jpg");
  EXPECT_EQ(r.hazards[2].level, HazardLevel::kMajor);
  EXPECT_EQ(r.hazards[2].deadline, day(2021, 7, 20));  // major: 20 June + 30 days
  ASSERT_EQ(r.roster.size(), 2u);
  EXPECT_EQ(r.roster[1].phone, "0379-12345678");  // 夜班 sorts before 白班
}

TEST_F(SafetyImport, LaterImportsReplaceByKeyAndNameStoredRecords) {
  ASSERT_TRUE(import({{"safety_plans.csv", kPlans},
                      {"safety_checks.csv", checks()},
                      {"safety_hazards.csv", kHazards}})
                  .errors.empty());
  // The rectification of h1 arrives later, naming the stored check c1.
  SafetyImportOutcome later = import(
      {{"safety_hazards_0630.csv",
        "id,check,level,found,deadline,rectified\nh1,c1,重大,2021-06-05,2021-06-20,2021-06-28\n"}});
  ASSERT_TRUE(later.errors.empty()) << later.errors.front();
  SafetyRegister r = stored();
  ASSERT_EQ(r.hazards.size(), 3u);
  EXPECT_EQ(r.hazards[0].rectified, day(2021, 6, 28));
}

TEST_F(SafetyImport, ChineseHeadersInGb18030) {
  std::string plans = to_gb18030(
      "计划编号,计划名称,检查对象,行业大类,区划代码,开始日期,结束日期\n"
      "P1,汛期检查,尾矿库,09,410328,2021年6月1日,2021/9/30\n");
  SafetyImportOutcome outcome = import({{"safety_plans.csv", plans}});
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors.front();
  SafetyRegister r = stored();
  ASSERT_EQ(r.plans.size(), 1u);
  EXPECT_EQ(r.plans[0].name, "汛期检查");
  EXPECT_EQ(r.plans[0].region, "410328");
  EXPECT_EQ(r.plans[0].to, day(2021, 9, 30));
}

TEST_F(SafetyImport, XlsxSheetWithDateCells) {
  const std::string file = path_.path() + ".safety_plans.xlsx";
  {
    auto workbook = xlsx::WorkbookWriter::create(file);
    ASSERT_TRUE(workbook.has_value());
    auto sheet = (*workbook)->add_sheet("计划");
    ASSERT_TRUE(sheet.has_value());
    const char* header[] = {"id", "name", "kind", "divisions", "from", "to"};
    for (int c = 0; c < 6; ++c) sheet->text(0, c, header[c]);
    sheet->text(1, 0, "P9");
    sheet->text(1, 1, "表格计划");
    sheet->text(1, 2, "尾矿库");
    sheet->text(1, 3, "08");
    sheet->date(1, 4, day(2021, 6, 1));
    sheet->date(1, 5, day(2021, 9, 30));
    ASSERT_TRUE((*workbook)->close().is_ok());
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(file);
  SafetyImportOutcome outcome = import({{"safety_plans.xlsx", bytes.str()}});
  ASSERT_TRUE(outcome.errors.empty()) << outcome.errors.front();
  SafetyRegister r = stored();
  ASSERT_EQ(r.plans.size(), 1u);
  EXPECT_EQ(r.plans[0].from, day(2021, 6, 1));
  EXPECT_EQ(r.plans[0].divisions, (std::vector<std::string>{"08"}));
}

TEST_F(SafetyImport, HeaderErrors) {
  expect_refused({"safety_plans.csv", "id,name,kind,kind,from\nP1,a,b,c,2021-06-01\n"},
                 {"safety_plans.csv:1: kind: column kind given twice",
                  "safety_plans.csv:1: (header): missing required column divisions [行业大类]",
                  "safety_plans.csv:1: (header): missing required column to [结束日期]"});
  expect_refused({"safety_plans.csv", ""}, {"safety_plans.csv:1: (header): the file is empty"});
  expect_refused({"roster.csv", kRoster},
                 {"roster.csv:1: (file): not a safety file (safety_plans, safety_checks, "
                  "safety_hazards, duty_roster)"});
  expect_refused({"duty_roster.csv", "date,shift,person\n2021-06-01,\"白班,张三\n"},
                 {"duty_roster.csv:2: (csv): unterminated quoted field"});
}

TEST_F(SafetyImport, EncodingAndWorkbookErrors) {
  // GB18030 bytes read as UTF-8 (forced), and a ZIP that is no workbook.
  Result<SafetyImportOutcome> forced = import_safety_sources(
      *db_, {{"safety_plans.csv", to_gb18030("id,name\nP1,汛期\n")}}, Encoding::kUtf8);
  ASSERT_TRUE(forced.has_value());
  ASSERT_EQ(forced->errors.size(), 1u);
  EXPECT_TRUE(forced->errors[0].starts_with("safety_plans.csv:2: (encoding): "))
      << forced->errors[0];
  SafetyImportOutcome broken = import({{"safety_plans.xlsx", std::string("PK\x03\x04"
                                                                         "broken")}});
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_TRUE(broken.errors[0].starts_with("safety_plans.xlsx:1: (file): ")) << broken.errors[0];
  EXPECT_TRUE(stored().empty());
}

TEST_F(SafetyImport, PlanRowErrors) {
  expect_refused({"safety_plans.csv",
                  "id,name,kind,divisions,region,from,to\n"
                  "P1,,尾矿库,08;99;1,410399,2021-06-01,2021-05-31\n"
                  "P2,b,尾矿库,08,,2021-02-30,2021-09-30\n"
                  "P2,c,尾矿库,;,,2021-06-01,2021-09-30,extra\n"},
                 {"safety_plans.csv:2: name: required, empty",
                  "safety_plans.csv:2: divisions: not an industrial division (06–46): \"99\"",
                  "safety_plans.csv:2: divisions: not an industrial division (06–46): \"1\"",
                  "safety_plans.csv:2: region: not a GB/T 2260 region code: \"410399\"",
                  "safety_plans.csv:2: to: 2021-05-31 is before from 2021-06-01",
                  "safety_plans.csv:3: from: not a date: \"2021-02-30\"",
                  "safety_plans.csv:4: (row): 8 fields, the header has 7",
                  "safety_plans.csv:4: divisions: no division given",
                  "safety_plans.csv:4: id: plan P2 given twice (also line 3)"});
}

TEST_F(SafetyImport, CheckRowErrorsAndReferences) {
  expect_refused({"safety_checks.csv",
                  "id,plan,uscc,date,inspector\n"
                  "c1,P9," +
                      code('A') +
                      ",2021-06-05,甲\n"
                      "c2,P1,91410300MA00000ZZZ,2021-06-05,甲\n"
                      "c3,P1," +
                      code('A') +
                      ",,\n"
                      "c1,P1," +
                      code('B') + ",2021-06-05,乙\n"},
                 {"safety_checks.csv:2: plan: unknown plan \"P9\" (not in safety_plans)",
                  "safety_checks.csv:3: uscc: unknown enterprise 91410300MA00000ZZZ (not in "
                  "enterprises.csv)",
                  "safety_checks.csv:4: date: required, empty",
                  "safety_checks.csv:4: inspector: required, empty",
                  "safety_checks.csv:5: id: check c1 given twice (also line 2)"});
}

TEST_F(SafetyImport, HazardRowErrorsAndReferences) {
  expect_refused(
      {"safety_hazards.csv",
       "id,check,level,found,deadline,rectified,reinspected,reinspection_result,proof\n"
       "h1,c9,major,2021-06-05,,,,,\n"
       "h2,c1,一般,2021-06-01,,,,,\n"
       "h3,c1,一般,2021-06-10,2021-06-09,2021-06-08,,,\n"
       "h4,c1,一般,2021-06-10,,,2021-06-12,通过,\n"
       "h5,c1,一般,2021-06-10,,2021-06-12,2021-06-11,,../etc/passwd\n"
       "h6,c1,一般,2021-06-10,,2021-06-12,,通过,.hidden\n"
       "h7,c1,一般,2021-06-10,,2021-06-12,2021-06-13,maybe,\n"
       "h7,c1,一般,2021-06-10,,,,,\n"
       "h8,c1,严重,2021-06-01,,,,,\n"},
      {"safety_hazards.csv:2: check: unknown check \"c9\" (not in safety_checks)",
       "safety_hazards.csv:3: found: 2021-06-01 is before the check's date 2021-06-05",
       "safety_hazards.csv:4: deadline: 2021-06-09 is before found 2021-06-10",
       "safety_hazards.csv:4: rectified: 2021-06-08 is before found 2021-06-10",
       "safety_hazards.csv:5: reinspected: a re-inspection needs the rectified date",
       "safety_hazards.csv:6: reinspected: 2021-06-11 is before rectified 2021-06-12",
       "safety_hazards.csv:6: reinspection_result: required with a re-inspection date",
       "safety_hazards.csv:6: proof: a file name, not a path (no / or \\)",
       "safety_hazards.csv:7: reinspection_result: given without a re-inspection date",
       "safety_hazards.csv:7: proof: a file name may not start with .",
       "safety_hazards.csv:8: reinspection_result: not a result (passed/通过, failed/未通过): "
       "\"maybe\"",
       "safety_hazards.csv:9: id: hazard h7 given twice (also line 8)",
       // A row with an error of its own is not checked against the other files (h8's date).
       "safety_hazards.csv:10: level: not a hazard level (major/重大, ordinary/一般): \"严重\""});
}

TEST_F(SafetyImport, RosterRowErrors) {
  expect_refused(
      {"duty_roster.csv",
       "值班日期,班次,值班人员,联系电话\n"
       "2021-06-01,白班,张三,电话\n"
       "2021-06-01,白班,,\n"
       "2021-06-01,白班,张三,\n"},
      {"duty_roster.csv:2: 联系电话: not a telephone number (digits, + - ( ) #): \"电话\"",
       "duty_roster.csv:3: 值班人员: required, empty",
       "duty_roster.csv:4: 值班人员: 张三 on shift 白班 of 2021-06-01 given twice (also "
       "line 2)"});
}

TEST_F(SafetyImport, OneBadFileRefusesAllAndWarningsDoNot) {
  SafetyImportOutcome refused =
      import({{"safety_plans.csv", kPlans},
              {"duty_roster.csv", "date,shift,person\nnot a date,白班,张三\n"}});
  EXPECT_EQ(refused.errors,
            (std::vector<std::string>{"duty_roster.csv:2: date: not a date: \"not a date\""}));
  EXPECT_TRUE(stored().empty());
  SafetyImportOutcome warned = import({{"safety_plans.csv",
                                        "id,name,kind,divisions,from,to,owner\n"
                                        "P1,a,尾矿库,09,2021-06-01,2021-09-30,x\n"},
                                       {"safety_checks.csv", "id,plan,uscc,date,inspector\nc1,P1," +
                                                                 code('A') + ",2021-10-02,甲\n"}});
  EXPECT_TRUE(warned.errors.empty());
  EXPECT_EQ(warned.warnings,
            (std::vector<std::string>{
                "safety_plans.csv:1: owner: unknown column, ignored",
                "safety_checks.csv:2: date: 2021-10-02 is outside plan P1's season 2021-06-01 to "
                "2021-09-30"}));
  EXPECT_EQ(stored().checks.size(), 1u);
}

TEST_F(SafetyImport, FilesOnDisk) {
  const std::filesystem::path dir = path_.path() + ".files";
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "safety_plans.csv").string();
  {
    std::ofstream out(file);
    out << kPlans;
  }
  Result<SafetyImportOutcome> outcome = import_safety_files(*db_, {file}, std::nullopt, 1 << 20);
  ASSERT_TRUE(outcome.has_value());
  EXPECT_TRUE(outcome->errors.empty());
  Result<SafetyImportOutcome> too_large = import_safety_files(*db_, {file}, std::nullopt, 10);
  ASSERT_FALSE(too_large.has_value());
  EXPECT_EQ(too_large.error().code(), StatusCode::kInvalidData);
  std::filesystem::remove(file);
  Result<SafetyImportOutcome> missing = import_safety_files(*db_, {file}, std::nullopt, 1 << 20);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  std::filesystem::create_directories(dir / "safety_checks.csv");
  Result<SafetyImportOutcome> directory =
      import_safety_files(*db_, {(dir / "safety_checks.csv").string()}, std::nullopt, 1 << 20);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(directory.has_value());
  EXPECT_EQ(directory.error().code(), StatusCode::kInvalidData);
}

TEST_F(SafetyImport, AttachJoinsTheReportOnlyWithPlans) {
  ReportData report;
  report.period = {2021, 6};
  report.window_from = {2021, 1};
  Warning blue;
  blue.level = WarningLevel::kBlue;
  blue.rule = "other_blue";
  report.warnings = {blue};
  const Dataset tables = testing_support::safety_enterprises();
  ASSERT_TRUE(attach_safety_figures(*db_, tables, report).is_ok());
  EXPECT_FALSE(report.safety.has_value());  // no safety record: the report is unchanged
  EXPECT_EQ(report.warnings.size(), 1u);
  ASSERT_TRUE(import({{"safety_plans.csv", kPlans},
                      {"safety_checks.csv", checks()},
                      {"safety_hazards.csv", kHazards}})
                  .errors.empty());
  ASSERT_TRUE(attach_safety_figures(*db_, tables, report).is_ok());
  ASSERT_TRUE(report.safety.has_value());
  EXPECT_EQ(report.safety->plans.size(), 1u);
  // h1 (major, deadline 20 June) is open at 30 June: red, before the blue one.
  ASSERT_EQ(report.warnings.size(), 2u);
  EXPECT_EQ(report.warnings[0].rule, "safety_overdue_major_hazard");
  EXPECT_EQ(report.warnings[1].rule, "other_blue");
}

}  // namespace
}  // namespace zhizao
