// One register as its own workbook (ingest/register_export.h, issue 14): assignments, visits and
// cases exported alone read back as the same rows, into a database that has the enterprises.
#include "ingest/register_export.h"
#include "import_fixture.h"

namespace zhizao::testing_support {
namespace {

SourceFile register_enterprises() {
  return {"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲公司,1311,410302\n" + kU2 +
                                 ",乙公司,3411,410305\n"};
}

class RegisterExport : public ImportTest {
 protected:
  Dataset stored(Database& db) {
    Result<Dataset> loaded = db.load();
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : Dataset{};
  }
};

TEST_F(RegisterExport, EachRegisterReadsBackAsTheSameRows) {
  import_ok({register_enterprises(),
             {"assignments.csv", "uscc,cadre,department\n" + kU1 + ",张三,工信局\n" + kU1 +
                                     ",李四,工信局\n" + kU2 + ",王五,发改委\n"},
             {"visits.csv", "uscc,date,cadre,findings\n" + kU1 + ",2021-04-02,张三,订单饱满\n" +
                                kU2 + ",2021-03-30,王五,\"用工紧张, 需协调\"\n"},
             {"cases.csv",
              "id,uscc,raised,category,department,deadline,resolved,rating\n"
              "S1," +
                  kU2 +
                  ",2021-03-01,用地,自然资源局,2021-03-31,2021-03-20,5\n"
                  "S2," +
                  kU1 + ",2021-04-01,用电,供电公司,2021-04-08,,\n"}});
  const Dataset original = stored(*db_);
  ASSERT_EQ(original.assignments.size(), 3u);
  ASSERT_EQ(original.visits.size(), 2u);
  ASSERT_EQ(original.cases.size(), 2u);

  std::unique_ptr<Database> fresh = open_database("fresh.db");
  ASSERT_TRUE(import_sources(*fresh, {register_enterprises()}, {}).has_value());
  for (const char* kind : {"assignments", "visits", "cases"}) {
    // A name the users give it: the kind is told by the sheet (包联, 走访记录, 企业诉求).
    const std::string path = (dir_ / (std::string("登记簿-") + kind + ".xlsx")).string();
    ASSERT_TRUE(export_register_workbook(original, kind, path).is_ok()) << kind;
    Result<ImportOutcome> outcome = import_files(*fresh, {path}, {});
    ASSERT_TRUE(outcome.has_value()) << kind;
    EXPECT_EQ(outcome->errors, std::vector<std::string>{}) << kind;
  }
  const Dataset back = stored(*fresh);
  EXPECT_EQ(back.assignments, original.assignments);
  EXPECT_EQ(back.visits, original.visits);
  EXPECT_EQ(back.cases, original.cases);
  EXPECT_EQ(back, original);
}

TEST_F(RegisterExport, AnEmptyRegisterIsAHeaderThatImportsNothing) {
  import_ok({register_enterprises()});
  const std::string path = (dir_ / "visits.xlsx").string();
  ASSERT_TRUE(export_register_workbook(stored(*db_), "visits", path).is_ok());
  Result<ImportOutcome> outcome = import_files(*db_, {path}, {});
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->errors, std::vector<std::string>{});
  EXPECT_TRUE(stored(*db_).visits.empty());
}

TEST_F(RegisterExport, RefusesAnUnknownRegister) {
  Status status = export_register_workbook(Dataset{}, "meetings", (dir_ / "x.xlsx").string());
  EXPECT_EQ(status.code(), StatusCode::kUsage);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "x.xlsx"));
}

}  // namespace
}  // namespace zhizao::testing_support
