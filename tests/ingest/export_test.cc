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

const std::string kU1 = valid_uscc("91410300MA44XXXX1");
const std::string kU2 = valid_uscc("91410302MA45YYYY2");

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
       CivilDate{2021, 3, 15}, CivilDate{2022, 12, 31}, CivilDate{2024, 2, 29}},
      {"P2", "项目二", "410305", 0, "", "", "", std::nullopt, {}, {}, {}, {}},
  };
  d.project_progress = {{"P1", {2021, 3}, 300}, {"P1", {2021, 4}, 0.5}};
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
  for (const char* name :
       {"enterprises.csv", "monthly.csv", "deflators.csv", "va_ratios.csv", "parks.csv",
        "chains.csv", "projects.csv", "project_progress.csv", "region_groups.csv"}) {
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
