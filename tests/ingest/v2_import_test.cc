// Import of the data contract's v2 files (products, product_output, targets, campaigns,
// assignments, visits, cases) and the projects' campaign column: good files store their rows
// (English or Chinese headers, UTF-8 or GB18030, CSV or XLSX); every error is reported as
// FILE:LINE: COLUMN: reason and nothing is stored.
#include <iconv.h>

#include "import_fixture.h"
#include "ingest/gb18030_test_text.h"
#include "ingest/workbook_export.h"
#include "xlsx/workbook_writer.h"

namespace zhizao::testing_support {
namespace {

SourceFile v2_enterprises() {
  return {"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲公司,1311,410302\n" + kU2 +
                                 ",乙公司,3411,410305\n"};
}
SourceFile products() {
  return {"products.csv", "code,name,unit,division\nP1,轴承,套,34\nP2,汽车,辆,\n"};
}
SourceFile campaigns() {
  return {"campaigns.csv",
          "id,name,from,to,planned_starts,planned_completions,planned_investment\n"
          "cp1,百日攻坚,2021-04-01,2021-07-09,12,3,50000.5\ncp2,春季,2021-02-01,2021-02-01,,,\n"};
}

class V2Import : public ImportTest {
 protected:
  // The stored rows of the v2 kinds (and projects), without the default region group.
  Dataset stored_v2() {
    Dataset d = stored();
    d.region_groups.clear();
    d.enterprises.clear();
    return d;
  }
  // Imports `files` after the enterprises, expecting exactly `expected` errors and nothing of
  // `files` stored.
  void expect_refused(const std::vector<SourceFile>& files,
                      const std::vector<std::string>& expected) {
    import_ok({v2_enterprises()});
    Dataset before = stored();
    EXPECT_EQ(errors_of(files), expected);
    EXPECT_EQ(stored(), before);
  }
};

TEST_F(V2Import, GoodFilesOfEveryKindAreStored) {
  ImportOutcome outcome = import_ok(
      {v2_enterprises(),
       products(),
       campaigns(),
       {"product_output.csv", "uscc,period,product,quantity,quantity_prev,unit\n" + kU1 +
                                  ",2021-04,P1,1200,1100,套\n" + kU2 + ",202104,P2,5,,\n"},
       {"targets.csv",
        "id,name,indicator,scope,year,value,threshold\n"
        "t1,百亿企业,manufacturing_enterprises_over,luoyang-metro,2025,30,1000000\n"
        "t2,总产值,output,410300,2025,50000000,\n"},
       {"assignments.csv",
        "uscc,cadre,department\n" + kU1 + ",张三,工信局\n" + kU1 + ",李四,发改委\n"},
       {"visits.csv", "uscc,date,cadre,findings\n" + kU1 + ",2021-04-02,张三,\"用工, 用地\"\n"},
       {"cases.csv",
        "id,uscc,raised,category,department,deadline,resolved,rating\n"
        "S1," +
            kU2 +
            ",2021-03-01,用地,自然资源局,2021-03-31,2021-03-20,5\n"
            "S2," +
            kU1 + ",2021-03-05,融资,金融局,2021-04-05,,\n"},
       {"projects.csv", "id,name,region,total_investment,campaign\nX1,项目,410302,100,cp1\n"}});
  EXPECT_EQ(outcome.warnings, std::vector<std::string>{});
  Dataset d = stored_v2();
  EXPECT_EQ(d.products,
            (std::vector<Product>{{"P1", "轴承", "套", "34"}, {"P2", "汽车", "辆", ""}}));
  EXPECT_EQ(d.product_output,
            (std::vector<ProductOutput>{{kU1, {2021, 4}, "P1", 1200, 1100.0},
                                        {kU2, {2021, 4}, "P2", 5, std::nullopt}}));
  EXPECT_EQ(d.targets,
            (std::vector<Target>{
                {"t1", "百亿企业", TargetIndicator::kManufacturingEnterprisesOver, "luoyang-metro",
                 2025, 30, 1000000.0},
                {"t2", "总产值", TargetIndicator::kOutput, "410300", 2025, 5e7, std::nullopt}}));
  EXPECT_EQ(d.campaigns,
            (std::vector<Campaign>{
                {"cp1", "百日攻坚", {2021, 4, 1}, {2021, 7, 9}, 12L, 3L, 50000.5},
                {"cp2", "春季", {2021, 2, 1}, {2021, 2, 1}, std::nullopt, std::nullopt, {}}}));
  EXPECT_EQ(d.assignments.size(), 2u);
  EXPECT_EQ(d.visits, (std::vector<Visit>{{kU1, {2021, 4, 2}, "张三", "用工, 用地"}}));
  ASSERT_EQ(d.cases.size(), 2u);
  EXPECT_EQ(d.cases[0], (ServiceCase{"S1",
                                     kU2,
                                     {2021, 3, 1},
                                     "用地",
                                     "自然资源局",
                                     {2021, 3, 31},
                                     CivilDate{2021, 3, 20},
                                     5}));
  EXPECT_EQ(d.cases[1].resolved, std::nullopt);
  ASSERT_EQ(d.projects.size(), 1u);
  EXPECT_EQ(d.projects[0].campaign, "cp1");
}

TEST_F(V2Import, ChineseHeadersInGb18030) {
  import_ok({v2_enterprises()});
  std::string text = "产品代码,产品名称,计量单位,行业大类\nP1,轴承,套,34\n";
  std::string cases =
      "诉求编号,统一社会信用代码,提出日期,类别,责任部门,办结时限,办结日期,满意度\n"
      "S1," +
      kU1 + ",2021年3月1日,用地,自然资源局,2021-03-31,,4\n";
  std::string visits =
      "统一社会信用代码,走访日期,包联干部,走访情况\n" + kU1 + ",2021-04-02,张三,好\n";
  import_ok(
      {{"products.csv", to_gb18030(text)},
       {"cases.csv", to_gb18030(cases)},
       {"visits.csv", to_gb18030(visits)},
       {"assignments.csv",
        to_gb18030("统一社会信用代码,包联干部,责任部门\n" + kU1 + ",张三,工信局\n")},
       {"targets.csv", to_gb18030("目标编号,目标名称,指标,范围,目标年份,目标值,规模门槛(万元)\n"
                                  "t1,目标,enterprises_over,all,2025,10,500\n")},
       {"campaigns.csv",
        to_gb18030("行动编号,攻坚行动,开始日期,结束日期\nc1,攻坚,2021-04-01,2021-05-01\n")},
       {"product_output.csv", to_gb18030("统一社会信用代码,时期,产品代码,产量,上年同期产量\n" +
                                         kU1 + ",2021年4月,P1,3,\n")}});
  Dataset d = stored_v2();
  EXPECT_EQ(d.products, (std::vector<Product>{{"P1", "轴承", "套", "34"}}));
  ASSERT_EQ(d.cases.size(), 1u);
  EXPECT_EQ(d.cases[0].raised, (CivilDate{2021, 3, 1}));
  EXPECT_EQ(d.cases[0].rating, std::optional<int>(4));
  EXPECT_EQ(d.visits.at(0).findings, "好");
  EXPECT_EQ(d.targets.at(0).threshold, std::optional<double>(500));
  EXPECT_EQ(d.campaigns.at(0).to, (CivilDate{2021, 5, 1}));
  EXPECT_EQ(d.product_output.at(0).period, (YearMonth{2021, 4}));
  EXPECT_EQ(d.assignments.at(0).cadre, "张三");
}

TEST_F(V2Import, ProductOutputErrors) {
  expect_refused(
      {products(),
       {"product_output.csv", "uscc,period,product,quantity,quantity_prev,unit\n" + kU1 +
                                  ",2021-04,P9,1,,\n" + kU1 + ",2021-04,P1,-1,,\n" + kU1 +
                                  ",2021-05,P1,1,,吨\n" + kU3 + ",2021-04,P1,1,,\n" + kU1 +
                                  ",2021-05,P1,2,,\n"}},
      {"product_output.csv:2: product: unknown product: \"P9\"",
       "product_output.csv:3: quantity: must not be negative: \"-1\"",
       "product_output.csv:4: unit: unit mismatch: \"吨\", but product P1 is counted in \"套\"",
       "product_output.csv:5: uscc: unknown enterprise: \"" + kU3 + "\"",
       "product_output.csv:6: uscc: duplicate key \"" + kU1 + "|2021-05|P1\" (first on line 4)"});
}

TEST_F(V2Import, AProductOfTheDatabaseIsKnownWithItsUnit) {
  import_ok({v2_enterprises(), products()});
  EXPECT_EQ(errors_of({{"product_output.csv",
                        "uscc,period,product,quantity,unit\n" + kU1 + ",2021-04,P2,1,台\n"}}),
            std::vector<std::string>{
                "product_output.csv:2: unit: unit mismatch: \"台\", but product P2 is counted in "
                "\"辆\""});
  import_ok(
      {{"product_output.csv", "uscc,period,product,quantity,unit\n" + kU1 + ",2021-04,P2,1,辆\n"}});
  EXPECT_EQ(stored().product_output.size(), 1u);
}

TEST_F(V2Import, ProductErrors) {
  expect_refused(
      {{"products.csv",
        "code,name,unit,division\nP1,轴承,,34\nP2,汽车,辆,99\nP3,x,台,341\n"
        "P1,又,台,\n"}},
      {"products.csv:2: unit: missing value",
       "products.csv:3: division: unknown industry code \"99\": no division 99 in GB/T 4754-2017",
       "products.csv:4: division: not a 2-digit division: \"341\"",
       "products.csv:5: code: duplicate key \"P1\" (first on line 2)"});
}

TEST_F(V2Import, TargetErrors) {
  expect_refused(
      {{"targets.csv",
        "id,name,indicator,scope,year,value,threshold\n"
        "t1,a,revenue,all,2025,1,\n"
        "t2,b,output,nowhere,2025,1,\n"
        "t3,c,output,all,1999,1,\n"
        "t4,d,output,all,2025,0,\n"
        "t5,e,enterprises_over,all,2025,30,\n"
        "t6,f,manufacturing_output,410305,2025,1,\n"
        "t7,g,manufacturing_enterprises_over,nowhere,2025,30,\n"
        "t8,h,enterprises_over,all,2025,30,-5\n"}},
      {"targets.csv:2: indicator: unknown indicator \"revenue\": one of output, "
       "manufacturing_output, enterprises_over, manufacturing_enterprises_over",
       "targets.csv:3: scope: unknown scope \"nowhere\": a region code, region group, park, chain "
       "or all",
       "targets.csv:4: year: must be 2000 or later: \"1999\"",
       "targets.csv:5: value: must be greater than 0: \"0\"",
       "targets.csv:6: threshold: required for indicator enterprises_over",
       "targets.csv:8: scope: unknown scope \"nowhere\": a region code, region group, park, chain "
       "or all",
       "targets.csv:8: threshold: required for indicator manufacturing_enterprises_over",
       "targets.csv:9: threshold: must not be negative: \"-5\""});
}

TEST_F(V2Import, TargetScopesMayBeParksChainsAndGroups) {
  import_ok({{"parks.csv", "id,name\npk,园区\n"},
             {"chains.csv", "id,name\nch,链\n"},
             {"region_groups.csv", "id,name,members\ng1,组,410302\n"},
             {"targets.csv",
              "id,name,indicator,scope,year,value\n"
              "t1,a,output,pk,2025,1\nt2,b,output,ch,2025,1\n"
              "t3,c,output,g1,2025,1\nt4,d,output,luoyang-metro,2025,1\n"
              "t5,e,output,410000,2025,1\n"}});
  EXPECT_EQ(stored().targets.size(), 5u);
}

TEST_F(V2Import, AThresholdOfAnIndicatorThatCountsNoEnterprisesIsAWarning) {
  ImportOutcome outcome =
      import_ok({{"targets.csv",
                  "id,name,indicator,scope,year,value,threshold\nt1,a,output,all,2025,1,5\n"}});
  EXPECT_EQ(outcome.warnings,
            std::vector<std::string>{"targets.csv:2: threshold: not used by indicator output"});
  EXPECT_EQ(stored().targets.at(0).threshold, std::optional<double>(5));
}

TEST_F(V2Import, CampaignErrorsAndProjectsCampaigns) {
  expect_refused({{"campaigns.csv",
                   "id,name,from,to,planned_starts,planned_completions,planned_investment\n"
                   "c1,a,2021-05-01,2021-04-30,,,\n"
                   "c2,b,2021-02-30,2021-04-30,,,\n"
                   "c3,c,2021-01-01,2021-04-30,1.5,-2,-1\n"
                   "c4,d,,2021-04-30,,,\n"},
                  {"projects.csv", "id,name,region,total_investment,campaign\nX1,p,410302,1,c9\n"}},
                 {"campaigns.csv:2: to: 2021-04-30 is before from 2021-05-01",
                  "campaigns.csv:3: from: not a date: \"2021-02-30\"",
                  "campaigns.csv:4: planned_starts: not a whole number: \"1.5\"",
                  "campaigns.csv:4: planned_completions: must not be negative: \"-2\"",
                  "campaigns.csv:4: planned_investment: must not be negative: \"-1\"",
                  "campaigns.csv:5: from: missing value",
                  "projects.csv:2: campaign: unknown campaign: \"c9\""});
}

TEST_F(V2Import, ServiceFileErrors) {
  expect_refused(
      {{"assignments.csv", "uscc,cadre,department\n" + kU3 + ",张三,工信局\n" + kU1 + ",,工信局\n" +
                               kU1 + ",张三,工信局\n" + kU1 + ",张三,工信局\n"},
       {"visits.csv",
        "uscc,date,cadre,findings\n" + kU1 + ",2021-13-01,张三,\nbad,2021-04-01,李四,\n"},
       {"cases.csv",
        "id,uscc,raised,category,department,deadline,resolved,rating\n"
        "S1," +
            kU1 +
            ",2021-03-10,用地,局,2021-03-01,2021-03-09,6\n"
            "S2," +
            kU3 +
            ",2021-03-10,用地,局,2021-04-01,,0\n"
            "S3," +
            kU1 + ",2021-03-10,用地,局,2021-04-01,,4.5\n"}},
      {"assignments.csv:2: uscc: unknown enterprise: \"" + kU3 + "\"",
       "assignments.csv:3: cadre: missing value",
       "assignments.csv:5: uscc: duplicate key \"" + kU1 + "|张三|工信局\" (first on line 4)",
       "visits.csv:2: date: not a date: \"2021-13-01\"",
       "visits.csv:3: uscc: not 18 characters: \"BAD\"",
       "cases.csv:2: deadline: 2021-03-01 is before raised 2021-03-10",
       "cases.csv:2: resolved: 2021-03-09 is before raised 2021-03-10",
       "cases.csv:2: rating: not a whole number from 1 to 5: \"6\"",
       "cases.csv:3: uscc: unknown enterprise: \"" + kU3 + "\"",
       "cases.csv:3: rating: not a whole number from 1 to 5: \"0\"",
       "cases.csv:4: rating: not a whole number from 1 to 5: \"4.5\""});
}

TEST_F(V2Import, MissingRequiredColumnsAreReportedOnLineOne) {
  expect_refused({{"targets.csv", "id,name,indicator,scope,year\nt1,a,output,all,2025\n"}},
                 {"targets.csv:1: value: missing required column"});
}

TEST_F(V2Import, TheAllTemplateImportsIntoAnEmptyDatabase) {
  std::string path = (dir_ / "all.xlsx").string();
  ASSERT_TRUE(write_import_template("all", path).is_ok());
  Result<ImportOutcome> outcome = import_files(*db_, {path}, {});
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->errors, std::vector<std::string>{});
  Dataset d = stored();
  EXPECT_EQ(d.products.size(), 1u);
  EXPECT_EQ(d.product_output.size(), 1u);
  EXPECT_EQ(d.targets.size(), 1u);
  EXPECT_EQ(d.campaigns.size(), 1u);
  EXPECT_EQ(d.assignments.size(), 1u);
  EXPECT_EQ(d.visits.size(), 1u);
  EXPECT_EQ(d.cases.size(), 1u);
  EXPECT_EQ(d.campaigns.at(0).from, (CivilDate{2021, 4, 1}));
  EXPECT_EQ(d.cases.at(0).rating, std::optional<int>(5));
}

TEST_F(V2Import, EveryKindsTemplateImportsBesideTheSampleData) {
  std::string all = (dir_ / "all.xlsx").string();
  ASSERT_TRUE(write_import_template("all", all).is_ok());
  ASSERT_TRUE(import_files(*db_, {all}, {}).has_value());
  for (const char* kind : {"products", "product_output", "targets", "campaigns", "assignments",
                           "visits", "cases", "projects"}) {
    std::string path = (dir_ / (std::string(kind) + ".xlsx")).string();
    ASSERT_TRUE(write_import_template(kind, path).is_ok()) << kind;
    Result<ImportOutcome> outcome = import_files(*db_, {path}, {});
    ASSERT_TRUE(outcome.has_value()) << kind;
    EXPECT_EQ(outcome->errors, std::vector<std::string>{}) << kind;
    EXPECT_EQ(outcome->summary.unchanged, 1) << kind;  // the same sample row again
  }
}

TEST_F(V2Import, ExportedWorkbookReadsBackTheSameRows) {
  import_ok({v2_enterprises(),
             products(),
             campaigns(),
             {"product_output.csv", "uscc,period,product,quantity\n" + kU1 + ",2021-04,P1,3.25\n"},
             {"targets.csv",
              "id,name,indicator,scope,year,value,threshold\n"
              "t1,a,enterprises_over,all,2025,30,1000000\n"},
             {"visits.csv", "uscc,date,cadre\n" + kU1 + ",2021-04-02,张三\n"},
             {"cases.csv",
              "id,uscc,raised,category,department,deadline,resolved,rating\n"
              "S1," +
                  kU2 + ",2021-03-01,用地,局,2021-03-31,2021-03-20,5\n"},
             {"assignments.csv", "uscc,cadre,department\n" + kU1 + ",张三,工信局\n"}});
  Dataset original = stored();
  std::string path = (dir_ / "data.xlsx").string();
  ASSERT_TRUE(export_contract_workbook(original, path).is_ok());
  std::unique_ptr<Database> fresh = open_database("fresh.db");
  Result<ImportOutcome> outcome = import_files(*fresh, {path}, {});
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->errors, std::vector<std::string>{});
  EXPECT_EQ(*fresh->load(), original);
}

// Writes a workbook of one sheet `sheet` whose rows are `rows` (all text) and returns its path.
std::string one_sheet_workbook(const std::filesystem::path& dir, std::string_view sheet,
                               const std::vector<std::vector<std::string>>& rows) {
  std::string path = (dir / "book.xlsx").string();
  auto workbook = xlsx::WorkbookWriter::create(path);
  EXPECT_TRUE(workbook.has_value());
  auto writer = (*workbook)->add_sheet(sheet);
  EXPECT_TRUE(writer.has_value());
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      writer->text(static_cast<int>(r), static_cast<int>(c), rows[r][c]);
    }
  }
  EXPECT_TRUE((*workbook)->close().is_ok());
  return path;
}

TEST_F(V2Import, ASheetNamedByNoKindIsToldByAHeaderOfOneKindOnly) {
  std::string path = one_sheet_workbook(
      dir_, "Sheet1", {{"id", "name", "from", "to"}, {"c1", "攻坚", "2021-04-01", "2021-05-01"}});
  Result<ImportOutcome> outcome = import_files(*db_, {path}, {});
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->errors, std::vector<std::string>{});
  EXPECT_EQ(stored().campaigns.size(), 1u);
}

TEST_F(V2Import, ASheetWhoseHeaderFitsSeveralKindsIsRefused) {
  std::string path = one_sheet_workbook(dir_, "Sheet1", {{"id", "name"}, {"x", "y"}});
  Result<ImportOutcome> outcome = import_files(*db_, {path}, {});
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->errors,
            std::vector<std::string>{
                path + "!Sheet1!A1: cannot tell the sheet kind: its header fits several kinds "
                       "(chains, parks); name the sheet after its kind (e.g. chains)"});
  EXPECT_EQ(stored(), empty_dataset());
}

TEST_F(V2Import, CampaignsAndTargetsFilesAreNotTakenForChains) {
  // Issue 16, item 4: these imported silently as chains before their kinds were known.
  import_ok({{"campaigns.csv", "id,name,from,to\nc1,攻坚,2021-04-01,2021-05-01\n"},
             {"targets.csv", "id,name,indicator,scope,year,value\nt1,a,output,all,2025,1\n"}});
  EXPECT_TRUE(stored().chains.empty());
  EXPECT_EQ(stored().campaigns.size(), 1u);
  EXPECT_EQ(stored().targets.size(), 1u);
  // A name that names a kind wins over a header that fits another kind.
  EXPECT_EQ(errors_of({{"targets_2026.csv", "id,name\nt2,b\n"}}),
            (std::vector<std::string>{"targets_2026.csv:1: indicator: missing required column",
                                      "targets_2026.csv:1: scope: missing required column",
                                      "targets_2026.csv:1: year: missing required column",
                                      "targets_2026.csv:1: value: missing required column"}));
  // A name of no kind with a header of several kinds is refused, not guessed.
  EXPECT_EQ(errors_of({{"upload.csv", "id,name\nx,y\n"}}),
            std::vector<std::string>{
                "upload.csv:1: (header): cannot tell the file kind: its header fits several kinds "
                "(chains, parks); name the file after its kind (e.g. chains)"});
  EXPECT_TRUE(stored().chains.empty());
}

}  // namespace
}  // namespace zhizao::testing_support
