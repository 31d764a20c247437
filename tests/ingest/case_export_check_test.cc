// A case raised through the API without a department (state raised, before it is assigned) and
// cases.csv, whose department column the contract requires (ingest/case_export_check.h): every
// export of the contract's files (CSV or workbook) refuses it and names it, writing nothing; the
// cases register lists it with an empty department; once assigned, the case round-trips through
// cases.csv and the register workbook.
#include <fmt/format.h>

#include <fstream>

#include "import_fixture.h"
#include "ingest/case_export_check.h"
#include "ingest/register_export.h"
#include "ingest/workbook_export.h"
#include "store/case_store.h"

namespace zhizao::testing_support {
namespace {

namespace fs = std::filesystem;

SourceFile case_enterprises() {
  return {"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲公司,1311,410302\n"};
}

class CaseExportCheck : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    import_ok({case_enterprises(),
               {"cases.csv",
                "id,uscc,raised,category,department,deadline,resolved,rating\n"
                "S1," +
                    kU1 + ",2021-03-01,用地,自然资源局,2021-03-31,2021-03-20,5\n"}});
    // Raised through the API as POST /api/cases does without "department": revision 1, raised.
    raised_.row = {"SQ20210405-001", kU1, {2021, 4, 5}, "用电", "", {2021, 4, 20}, {}, {}};
    raised_.region = "410302";
    raised_.title = "临时用电";
    raised_.state = "raised";
    raised_.level = "county";
    raised_.raised_by = "ent";
    raised_.updated_at = "2021-04-05T08:00:00Z";
    raised_.revision = 1;
    write(raised_, "raise", "", "raised");
  }

  void write(const StoredCase& after, const char* action, const char* from, const char* to) {
    CaseEvent event{after.revision, after.updated_at, "ent", action, from, to, "", ""};
    AuditEntry audit{0, "", "ent", "127.0.0.1", std::string("case.") + action, after.row.id, "{}"};
    Result<bool> written = CaseStore(*db_).write(after, event, audit);
    ASSERT_TRUE(written.has_value()) << written.error().message();
    ASSERT_TRUE(*written);
  }

  Dataset stored() {
    Result<Dataset> loaded = db_->load();
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : Dataset{};
  }

  StoredCase raised_;
};

TEST_F(CaseExportCheck, TheContractExportsRefuseACaseWithoutDepartmentTheRegisterListsIt) {
  const Dataset data = stored();
  ASSERT_EQ(data.cases.size(), 2u);
  Status checked = check_cases_have_department(data);
  EXPECT_EQ(checked.code(), StatusCode::kInvalidData);
  EXPECT_NE(checked.message().find("SQ20210405-001 (" + kU1 + ", raised 2021-04-05)"),
            std::string::npos)
      << checked.message();
  EXPECT_EQ(checked.message().find("S1 "), std::string::npos);  // the assigned case is not named

  const fs::path out = dir_ / "out";
  EXPECT_EQ(export_contract_files(data, out.string()).code(), StatusCode::kInvalidData);
  EXPECT_FALSE(fs::exists(out / "cases.csv"));
  EXPECT_FALSE(fs::exists(out / "enterprises.csv"));  // nothing half-exported
  EXPECT_EQ(export_contract_workbook(data, (dir_ / "all.xlsx").string()).code(),
            StatusCode::kInvalidData);
  EXPECT_FALSE(fs::exists(dir_ / "all.xlsx"));
  // The cases register, read by people, lists the unassigned case with an empty department;
  // importing it back refuses that row and names the column, as the contract requires one.
  const std::string sheet = (dir_ / "cases.xlsx").string();
  ASSERT_TRUE(export_register_workbook(data, "cases", sheet).is_ok());
  std::unique_ptr<Database> again = open_database("again.db");
  ASSERT_TRUE(import_sources(*again, {case_enterprises()}, {}).has_value());
  Result<ImportOutcome> from_sheet = import_files(*again, {sheet}, {});
  ASSERT_TRUE(from_sheet.has_value());
  ASSERT_EQ(from_sheet->errors.size(), 1u);
  // Column E of row 3 (the second case) is the department: a workbook's errors name the cell.
  EXPECT_NE(from_sheet->errors[0].find("!E3: missing value"), std::string::npos)
      << from_sheet->errors[0];
  EXPECT_TRUE(export_register_workbook(data, "visits", (dir_ / "visits.xlsx").string()).is_ok());
}

TEST_F(CaseExportCheck, AnAssignedCaseRoundTripsThroughCasesCsvAndTheRegister) {
  StoredCase assigned = raised_;
  assigned.row.department = "供电公司";
  assigned.assignee = "张三";
  assigned.state = "assigned";
  assigned.revision = 2;
  write(assigned, "assign", "raised", "assigned");
  const Dataset data = stored();
  ASSERT_TRUE(check_cases_have_department(data).is_ok());

  const fs::path out = dir_ / "out";
  ASSERT_TRUE(export_contract_files(data, out.string()).is_ok());
  std::ifstream csv(out / "cases.csv");
  const std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("SQ20210405-001," + kU1 + ",2021-04-05,用电,供电公司,2021-04-20,,"),
            std::string::npos)
      << text;

  std::unique_ptr<Database> fresh = open_database("fresh.db");
  Result<ImportOutcome> imported =
      import_files(*fresh, {(out / "enterprises.csv").string(), (out / "cases.csv").string()}, {});
  ASSERT_TRUE(imported.has_value());
  EXPECT_EQ(imported->errors, std::vector<std::string>{});
  EXPECT_EQ(fresh->load()->cases, data.cases);

  std::unique_ptr<Database> again = open_database("again.db");
  ASSERT_TRUE(import_sources(*again, {case_enterprises()}, {}).has_value());
  const std::string sheet = (dir_ / "企业诉求.xlsx").string();
  ASSERT_TRUE(export_register_workbook(data, "cases", sheet).is_ok());
  Result<ImportOutcome> from_sheet = import_files(*again, {sheet}, {});
  ASSERT_TRUE(from_sheet.has_value());
  EXPECT_EQ(from_sheet->errors, std::vector<std::string>{});
  EXPECT_EQ(again->load()->cases, data.cases);
}

TEST_F(CaseExportCheck, ACsvRowWithoutDepartmentIsRefusedOnImportAsTheContractSays) {
  Result<ImportOutcome> outcome =
      import_sources(*db_,
                     {{"cases.csv", "id,uscc,raised,category,department,deadline\nS9," + kU1 +
                                        ",2021-04-05,用电,,2021-04-20\n"}},
                     {});
  ASSERT_TRUE(outcome.has_value());
  ASSERT_EQ(outcome->errors.size(), 1u);
  EXPECT_NE(outcome->errors[0].find("cases.csv:2"), std::string::npos) << outcome->errors[0];
  EXPECT_NE(outcome->errors[0].find("department"), std::string::npos) << outcome->errors[0];
}

TEST_F(CaseExportCheck, ALongListIsCut) {
  Dataset many;
  for (int i = 0; i < kMaxListedCasesWithoutDepartment + 5; ++i) {
    many.cases.push_back(
        {fmt::format("C{:03}", i), kU1, {2021, 4, 1}, "用电", "", {2021, 4, 9}, {}, {}});
  }
  Status checked = check_cases_have_department(many);
  EXPECT_NE(checked.message().find("25 case(s)"), std::string::npos);
  EXPECT_NE(checked.message().find("C019 ("), std::string::npos);
  EXPECT_EQ(checked.message().find("C020 ("), std::string::npos);
  EXPECT_NE(checked.message().find("and 5 more"), std::string::npos) << checked.message();
}

}  // namespace
}  // namespace zhizao::testing_support
