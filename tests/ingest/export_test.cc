// export_contract_files: the files it writes, and that importing them gives back the Dataset.
#include <fstream>
#include <sstream>

#include "import_fixture.h"

namespace zhizao::testing_support {
namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A dataset with the awkward cases: quotes, commas and line breaks in names, tiny and huge
// numbers, missing optionals, every date, a retired region already mapped, a custom group.
Dataset awkward_dataset() {
  Dataset d;
  d.chains = {{"bearing", "轴承"}, {"farm", "农机, \"装备\""}};
  d.parks = {{"p1", "高新区\n二期", "410300", "6+3+X"}, {"p2", "空园区", "", ""}};
  d.region_groups = {luoyang_metropolitan_area(), {"west", "西部", {"410305", "410000"}}};
  d.enterprises = {
      {kU1, "甲公司", "1311", "13", "410302", "p1", {"bearing", "farm"}, true},
      {kU2, "乙 公司", "34", "34", "410308", "", {}, false},
  };
  d.monthly = {
      {kU1, {2021, 2}, 1234.5, 0.1 + 0.2, 1e-7, 123456789012345678.0, std::nullopt, 0, true},
      {kU1, {2021, 3}, 0, {}, {}, {}, {}, {}, false},
      {kU2, {2020, 12}, 1.0 / 3, 2, 3, 4, 5, 6, true},
  };
  d.deflators = {{"13", {2021, 3}, 101.5}, {"34", {2021, 3}, 99.25}};
  d.va_ratios = {{"13", 2020, 0.3}, {"13", 2021, 1}};
  d.projects = {
      {"P1", "项目一", "410302", 5000, "1311", "bearing", "p1", 1200, CivilDate{2021, 3, 1},
       CivilDate{2021, 3, 15}, CivilDate{2022, 12, 31}, CivilDate{2024, 2, 29}, "cp1"},
      {"P2", "项目二", "410305", 0, "", "", "", std::nullopt, {}, {}, {}, {}, ""},
  };
  d.project_progress = {{"P1", {2021, 3}, 300}, {"P1", {2021, 4}, 0.5}};
  // The v2 files, in the store's key order.
  d.products = {{"P001", "轴承, \"滚动\"", "套", "34"}, {"P002", "=汽车", "辆", ""}};
  d.product_output = {{kU1, {2021, 3}, "P001", 1.0 / 3, std::nullopt},
                      {kU1, {2021, 3}, "P002", 0, 12.5}};
  d.targets = {{"t1", "百亿企业", TargetIndicator::kManufacturingEnterprisesOver, "luoyang-metro",
                2025, 30, 1000000},
               {"t2", "总产值", TargetIndicator::kOutput, "410300", 2025, 5e7, std::nullopt}};
  d.campaigns = {{"cp1", "百日\n攻坚", CivilDate{2021, 4, 1}, CivilDate{2021, 7, 9}, 12L, 0L, 0.5},
                 {"cp2", "春季", CivilDate{2021, 2, 1}, CivilDate{2021, 2, 1}, {}, {}, {}}};
  d.assignments = {{kU1, "张三", "工信局"}, {kU1, "李四", "发改委"}};
  d.visits = {{kU1, CivilDate{2021, 4, 2}, "张三", "用工, 用地"},
              {kU2, CivilDate{2021, 4, 1}, "李四", ""}};
  d.cases = {{"S1", kU2, CivilDate{2021, 3, 5}, "融资", "金融局", CivilDate{2021, 4, 5}, {}, {}},
             {"S2", kU1, CivilDate{2021, 3, 1}, "用地", "自然资源局", CivilDate{2021, 3, 31},
              CivilDate{2021, 3, 31}, 5}};
  return d;
}

TEST_F(ImportTest, ExportThenImportGivesTheSameDataset) {
  Dataset original = awkward_dataset();
  ASSERT_TRUE(db_->apply({{"seed", original}}).has_value());
  Dataset loaded = stored();
  EXPECT_EQ(loaded, original);  // the dataset is already in the store's key order

  std::filesystem::path out = dir_ / "export";
  Status exported = export_contract_files(loaded, out.string());
  ASSERT_TRUE(exported.is_ok()) << exported.to_string();
  std::vector<std::string> paths;
  for (const char* name : {"enterprises.csv", "monthly.csv", "deflators.csv", "va_ratios.csv",
                           "parks.csv", "chains.csv", "projects.csv", "project_progress.csv",
                           "region_groups.csv", "products.csv", "product_output.csv", "targets.csv",
                           "campaigns.csv", "assignments.csv", "visits.csv", "cases.csv"}) {
    ASSERT_TRUE(std::filesystem::exists(out / name)) << name;
    paths.push_back((out / name).string());
  }
  std::unique_ptr<Database> fresh = open_database("fresh.db");
  Result<ImportOutcome> imported = import_files(*fresh, paths, {});
  ASSERT_TRUE(imported.has_value());
  EXPECT_EQ(imported->errors, std::vector<std::string>{});
  EXPECT_EQ(imported->warnings, std::vector<std::string>{});
  EXPECT_EQ(*fresh->load(), loaded);
}

TEST_F(ImportTest, ExportedFilesAreUtf8WithEnglishHeaders) {
  Dataset d = awkward_dataset();
  std::filesystem::path out = dir_ / "files";
  ASSERT_TRUE(export_contract_files(d, out.string()).is_ok());
  EXPECT_EQ(read_text(out / "chains.csv"), "id,name\nbearing,轴承\nfarm,\"农机, \"\"装备\"\"\"\n");
  EXPECT_EQ(read_text(out / "monthly.csv"),
            "uscc,period,output,value_added,electricity,output_prev,value_added_prev,"
            "electricity_prev,in_scope\n" +
                kU1 + ",2021-02,1234.5,0.30000000000000004,0.0000001,123456789012345680,,0,1\n" +
                kU1 + ",2021-03,0,,,,,,0\n" + kU2 + ",2020-12,0.3333333333333333,2,3,4,5,6,1\n");
  EXPECT_EQ(read_text(out / "region_groups.csv"), "id,name,members\nwest,西部,410305;410000\n");
  EXPECT_EQ(read_text(out / "projects.csv").substr(0, 3), "id,");
  EXPECT_NE(read_text(out / "projects.csv").find("2021-03-01,2021-03-15,2022-12-31,2024-02-29"),
            std::string::npos);
  // No temporary file is left behind.
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    EXPECT_EQ(entry.path().extension(), ".csv") << entry.path();
  }
}

TEST_F(ImportTest, V2FilesHaveTheContractsColumns) {
  std::filesystem::path out = dir_ / "v2";
  ASSERT_TRUE(export_contract_files(awkward_dataset(), out.string()).is_ok());
  EXPECT_EQ(read_text(out / "product_output.csv"), "uscc,period,product,quantity,quantity_prev\n" +
                                                       kU1 + ",2021-03,P001,0.3333333333333333,\n" +
                                                       kU1 + ",2021-03,P002,0,12.5\n");
  EXPECT_EQ(read_text(out / "products.csv"),
            "code,name,unit,division\nP001,\"轴承, \"\"滚动\"\"\",套,34\nP002,'=汽车,辆,\n");
  EXPECT_EQ(read_text(out / "targets.csv"),
            "id,name,indicator,scope,year,value,threshold\n"
            "t1,百亿企业,manufacturing_enterprises_over,luoyang-metro,2025,30,1000000\n"
            "t2,总产值,output,410300,2025,50000000,\n");
  EXPECT_EQ(read_text(out / "campaigns.csv"),
            "id,name,from,to,planned_starts,planned_completions,planned_investment\n"
            "cp1,\"百日\n攻坚\",2021-04-01,2021-07-09,12,0,0.5\n"
            "cp2,春季,2021-02-01,2021-02-01,,,\n");
  EXPECT_EQ(read_text(out / "cases.csv"),
            "id,uscc,raised,category,department,deadline,resolved,rating\n"
            "S1," +
                kU2 +
                ",2021-03-05,融资,金融局,2021-04-05,,\n"
                "S2," +
                kU1 + ",2021-03-01,用地,自然资源局,2021-03-31,2021-03-31,5\n");
  EXPECT_EQ(read_text(out / "assignments.csv").substr(0, 23), "uscc,cadre,department\n9");
  EXPECT_EQ(read_text(out / "visits.csv").substr(0, 24), "uscc,date,cadre,findings");
  EXPECT_NE(read_text(out / "projects.csv").find(",campaign\n"), std::string::npos);
  EXPECT_NE(read_text(out / "projects.csv").find("2024-02-29,cp1\n"), std::string::npos);
}

TEST_F(ImportTest, V1DataWritesNoV2Files) {
  Dataset d;
  d.chains = {{"c", "链"}};
  std::filesystem::path out = dir_ / "v1";
  ASSERT_TRUE(export_contract_files(d, out.string()).is_ok());
  for (const char* name : {"products.csv", "product_output.csv", "targets.csv", "campaigns.csv",
                           "assignments.csv", "visits.csv", "cases.csv"}) {
    EXPECT_FALSE(std::filesystem::exists(out / name)) << name;
  }
}

TEST_F(ImportTest, OnlyTheDefaultGroupWritesNoRegionGroupsFile) {
  Dataset d;
  d.region_groups = {luoyang_metropolitan_area()};
  std::filesystem::path out = dir_ / "default";
  ASSERT_TRUE(export_contract_files(d, out.string()).is_ok());
  EXPECT_FALSE(std::filesystem::exists(out / "region_groups.csv"));
  EXPECT_EQ(read_text(out / "enterprises.csv"), "uscc,name,industry,region,park,chains,key\n");
}

TEST_F(ImportTest, ExportIntoAFileIsAnIoError) {
  std::filesystem::path blocker = dir_ / "blocker";
  std::ofstream(blocker) << "x";
  Status status = export_contract_files(Dataset{}, (blocker / "sub").string());
  EXPECT_EQ(status.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace zhizao::testing_support
