// End-to-end imports into a real database: every file kind, encodings, the error rules with
// their exact messages, references, duplicates, replacement and revisions.
#include <iconv.h>

#include <fstream>

#include "import_fixture.h"
#include "ingest/gb18030_test_text.h"

namespace zhizao::testing_support {
namespace {

std::vector<SourceFile> full_set() {
  return {
      {"project_progress.csv", "id,period,investment\nP1,2021-03,300\n"},
      {"projects.csv",
       "id,name,region,total_investment,industry,chain,park,year_plan_investment,planned_start,"
       "actual_start,planned_completion,actual_completion\n"
       "P1,项目一,410302,5000,1311,bearing,p1,1200,2021-03-01,2021/3/15,2022-12-31,\n"},
      {"region_groups.csv", "id,name,members\nwest,西部,410305;410308；410300\n"},
      {"va_ratios.csv", "industry,year,ratio\n13,2021,0.25\n"},
      {"deflators.csv", "industry,period,ppi\n13,2021-03,101.5\n"},
      {"monthly.csv",
       "uscc,period,output,value_added,electricity,output_prev,value_added_prev,"
       "electricity_prev,in_scope\n" +
           kU1 + ",2021-02,\"1,234.5\",300,12.5,1000,,,1\r\n" + kU1 + ",202103,100,,,,,,0\r\n" +
           kU2 + ",2021年3月,50,,,,,,\r\n"},
      {"enterprises.csv", "uscc,name,industry,region,park,chains,key\n" + kU1 +
                              ",甲公司,1311,410302,p1,bearing; farm,1\n" + kU2 +
                              ",\"乙, \"\"公司\"\"\",34,410305,,,\n"},
      {"parks.csv", "id,name,region,category\np1,洛阳高新区,410300,6\n"},
      {"chains.csv", "id,name\nbearing,轴承\nfarm,农机装备\n"},
  };
}

TEST_F(ImportTest, ImportsEveryKindInAnyOrder) {
  ImportOutcome outcome = import_ok(full_set());
  EXPECT_TRUE(outcome.warnings.empty());
  EXPECT_EQ(outcome.summary.inserted, 13);
  ASSERT_EQ(outcome.files.size(), 9u);
  EXPECT_EQ(outcome.files[0].name, "project_progress.csv");
  EXPECT_EQ(outcome.files[0].kind, "project_progress");
  EXPECT_EQ(outcome.files[5].kind, "monthly");
  EXPECT_EQ(outcome.files[5].rows, 3);

  Dataset d = stored();
  EXPECT_EQ(d.chains, (std::vector<Chain>{{"bearing", "轴承"}, {"farm", "农机装备"}}));
  EXPECT_EQ(d.parks, (std::vector<Park>{{"p1", "洛阳高新区", "410300", "6"}}));
  EXPECT_EQ(d.enterprises,
            (std::vector<Enterprise>{
                {kU1, "甲公司", "1311", "13", "410302", "p1", {"bearing", "farm"}, true},
                {kU2, "乙, \"公司\"", "34", "34", "410305", "", {}, false}}));
  MonthlyRecord feb{kU1, {2021, 2}, 1234.5, 300, 12.5, 1000, std::nullopt, std::nullopt, true};
  MonthlyRecord mar{kU1, {2021, 3}, 100, {}, {}, {}, {}, {}, false};
  MonthlyRecord other{kU2, {2021, 3}, 50, {}, {}, {}, {}, {}, true};
  EXPECT_EQ(d.monthly, (std::vector<MonthlyRecord>{feb, mar, other}));
  EXPECT_EQ(d.deflators, (std::vector<Deflator>{{"13", {2021, 3}, 101.5}}));
  EXPECT_EQ(d.va_ratios, (std::vector<ValueAddedRatio>{{"13", 2021, 0.25}}));
  Project p1{"P1",
             "项目一",
             "410302",
             5000,
             "1311",
             "bearing",
             "p1",
             1200,
             CivilDate{2021, 3, 1},
             CivilDate{2021, 3, 15},
             CivilDate{2022, 12, 31},
             std::nullopt,
             ""};
  EXPECT_EQ(d.projects, (std::vector<Project>{p1}));
  EXPECT_EQ(d.project_progress, (std::vector<ProjectProgress>{{"P1", {2021, 3}, 300}}));
  ASSERT_EQ(d.region_groups.size(), 2u);
  EXPECT_EQ(d.region_groups[1], (RegionGroup{"west", "西部", {"410305", "410308", "410300"}}));
}

TEST_F(ImportTest, Gb18030WithChineseHeadersUnitsAndNoKindInTheName) {
  std::string enterprises = "统一社会信用代码,企业名称,行业代码,区划代码,园区,产业链,重点企业\r\n" +
                            kU1 + ",甲公司,1311,410302,,,是\r\n";
  std::string monthly =
      "\xEF\xBB\xBF统一社会信用代码,时期,工业总产值（万元）,工业增加值(万元),用电量(万千瓦时),"
      "上年同期工业总产值,规上\n" +
      kU1 + ",2021-04,\"2,000\",500,30,1800,否\n";
  import_ok({{"企业名录.csv", to_gb18030(enterprises)}, {"四月.csv", monthly}});
  Dataset d = stored();
  ASSERT_EQ(d.enterprises.size(), 1u);
  EXPECT_EQ(d.enterprises[0].name, "甲公司");
  EXPECT_TRUE(d.enterprises[0].key);
  ASSERT_EQ(d.monthly.size(), 1u);
  EXPECT_EQ(d.monthly[0], (MonthlyRecord{kU1, {2021, 4}, 2000, 500, 30, 1800, {}, {}, false}));
}

TEST_F(ImportTest, ForcedEncoding) {
  std::string gb = to_gb18030("uscc,name,industry,region\n" + kU1 + ",甲公司,13,410302\n");
  ImportOptions utf8;
  utf8.encoding = Encoding::kUtf8;
  EXPECT_EQ(errors_of({{"enterprises.csv", gb}}, utf8),
            std::vector<std::string>{"enterprises.csv:2: (encoding): not valid UTF-8"});
  ImportOptions gb18030;
  gb18030.encoding = Encoding::kGb18030;
  import_ok({{"enterprises.csv", gb}}, gb18030);
  EXPECT_EQ(stored().enterprises.at(0).name, "甲公司");
}

TEST_F(ImportTest, RowErrorsWithExactMessagesAndNothingStored) {
  std::string bad_check = kU1.substr(0, 17) + (kU1[17] == '0' ? '1' : '0');
  std::string text = "uscc,name,industry,region,park,chains,key,remark\n" + kU1 +
                     ",甲,1311,410302,,,1,x\n" + bad_check + ",乙,1311,410302,,,,\n" + kU2 +
                     ",,51,410300,,,2,\n" + kU1 + ",dup,13,410302,,,,\n";
  ImportOutcome outcome = import({{"enterprises.csv", text}});
  EXPECT_EQ(outcome.errors,
            (std::vector<std::string>{
                "enterprises.csv:3: uscc: bad check character: \"" + bad_check + "\" (expected " +
                    kU1[17] + ")",
                "enterprises.csv:4: name: missing value",
                "enterprises.csv:4: industry: not an industrial division of GB/T 4754-2017: "
                "\"51\" (industry is divisions 06–46)",
                "enterprises.csv:4: region: not a county-level code: \"410300\" is the city 洛阳市",
                "enterprises.csv:4: key: not 0 or 1: \"2\"",
                "enterprises.csv:5: uscc: duplicate key \"" + kU1 + "\" (first on line 2)",
            }));
  EXPECT_EQ(outcome.warnings,
            std::vector<std::string>{"enterprises.csv:1: remark: unknown column, ignored"});
  EXPECT_EQ(stored(), empty_dataset());
}

TEST_F(ImportTest, AllErrorsOfSeveralFilesTogetherInFileThenLineOrder) {
  import_ok({{"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲,13,410302\n"}});
  Dataset before = stored();
  std::vector<SourceFile> files = {
      {"monthly.csv", "uscc,period,output,value_added,in_scope\n" + kU3 + ",2021-03,1,,\n" + kU1 +
                          ",2021-13,1,,\n" + kU1 + ",2021-03,-5,\"12,3a\",x\n" + kU1 +
                          ",2021-04,,,\n"},
      {"deflators.csv", "industry,period,ppi\n1311,2021-03,100\n13,2021-03,0\n"},
      {"va_ratios.csv", "industry,year,ratio\n13,2021,1.5\n13,21,0.3\n"},
      {"projects.csv",
       "id,name,region,total_investment,chain,park,planned_start\n"
       "P1,项目,410302,100,,,2021-02-30\nP2,项目二,410302,-1,nochain,nopark,\n"},
      {"project_progress.csv", "id,period,investment\nP9,2021-03,10\n"},
      {"chains.csv", "id,name\n"},  // a valid file is refused with the others
  };
  EXPECT_EQ(errors_of(files),
            (std::vector<std::string>{
                "monthly.csv:2: uscc: unknown enterprise: \"" + kU3 + "\"",
                "monthly.csv:3: period: not a period: \"2021-13\"",
                "monthly.csv:4: output: must not be negative: \"-5\"",
                "monthly.csv:4: value_added: not a number: \"12,3a\"",
                "monthly.csv:4: in_scope: not 0 or 1: \"x\"",
                "monthly.csv:5: output: missing value",
                "deflators.csv:2: industry: not a 2-digit division: \"1311\"",
                "deflators.csv:3: ppi: must be greater than 0: \"0\"",
                "va_ratios.csv:2: ratio: must be greater than 0 and at most 1: \"1.5\"",
                "va_ratios.csv:3: year: not a year: \"21\"",
                "projects.csv:2: planned_start: not a date: \"2021-02-30\"",
                "projects.csv:3: total_investment: must not be negative: \"-1\"",
                "projects.csv:3: chain: unknown chain: \"nochain\"",
                "projects.csv:3: park: unknown park: \"nopark\"",
                "project_progress.csv:2: id: unknown project: \"P9\"",
            }));
  EXPECT_EQ(stored(), before);
}

TEST_F(ImportTest, MissingRequiredColumnAndUnknownKind) {
  std::vector<SourceFile> files = {
      {"monthly.csv", "uscc,时期,备注\n" + kU1 + ",2021-03,x\n"},
      {"notes.csv", "a,b\n1,2\n"},
      {"empty.csv", ""},
      {"chains.csv", ""},
  };
  ImportOutcome outcome = import(files);
  EXPECT_EQ(outcome.errors,
            (std::vector<std::string>{
                "monthly.csv:1: output: missing required column",
                "notes.csv:1: (header): cannot tell the file kind from its name or header",
                "empty.csv:1: (header): cannot tell the file kind from its name or header",
                "chains.csv:1: (header): empty file: no header row",
            }));
  EXPECT_EQ(outcome.warnings,
            std::vector<std::string>{"monthly.csv:1: 备注: unknown column, ignored"});
}

TEST_F(ImportTest, CsvSyntaxErrorsNameLineAndColumn) {
  EXPECT_EQ(errors_of({{"chains.csv", "id,name\na,b,c\nx,\"open\n\n"}}),
            (std::vector<std::string>{"chains.csv:2: (row): 3 fields, but the header has 2",
                                      "chains.csv:3: name: unterminated quoted field"}));
  EXPECT_EQ(errors_of({{"chains.csv", "id,\"name\nx,y\n"}}),
            std::vector<std::string>{"chains.csv:1: (header): unterminated quoted field"});
}

TEST_F(ImportTest, LinesArePhysicalLinesAcrossQuotedLineBreaks) {
  EXPECT_EQ(errors_of({{"chains.csv", "id,name\r\na,\"two\r\nlines\"\r\nb,\r\n\"c\n\",x\nb,y\n"}}),
            (std::vector<std::string>{"chains.csv:4: name: missing value",
                                      "chains.csv:7: id: duplicate key \"b\" (first on line 4)"}));
  EXPECT_EQ(errors_of({{"chains.csv", "id,name\na;b,x\n"}}),
            std::vector<std::string>{"chains.csv:2: id: a chain id must not contain ';': \"a;b\""});
}

TEST_F(ImportTest, EnglishHeadersIgnoreCaseSpacesAndUnits) {
  import_ok({{"enterprises.csv", " USCC ,Name,Industry,Region\n" + kU1 + ",甲,13,410302\n"},
             {"m.csv",
              "Uscc,PERIOD,Output (万元),Electricity[万千瓦时]\n" + kU1 + ", 2021-05 , 7 ,1.5\n"}});
  EXPECT_EQ(stored().monthly,
            (std::vector<MonthlyRecord>{{kU1, {2021, 5}, 7, {}, 1.5, {}, {}, {}, true}}));
}

TEST_F(ImportTest, EmptyTrailingFieldsAndBlankRowsAreAccepted) {
  import_ok({{"chains.csv", "id,name,\r\na,甲,\r\n,,\r\n\r\nb,乙\r\n"}});
  EXPECT_EQ(stored().chains, (std::vector<Chain>{{"a", "甲"}, {"b", "乙"}}));
}

TEST_F(ImportTest, ReferencesMayComeFromTheDatabaseOrTheSameImport) {
  // Monthly rows before their enterprises, in the same import.
  import_ok({{"monthly.csv", "uscc,period,output\n" + kU1 + ",2021-03,10\n"},
             {"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲,13,410302\n"}});
  // Later, from the database.
  import_ok({{"monthly.csv", "uscc,period,output\n" + kU1 + ",2021-04,11\n"}});
  EXPECT_EQ(stored().monthly.size(), 2u);
  EXPECT_EQ(errors_of({{"enterprises.csv", "uscc,name,industry,region,park,chains\n" + kU2 +
                                               ",乙,13,410302,p9,a;b\n"}}),
            (std::vector<std::string>{"enterprises.csv:2: park: unknown park: \"p9\"",
                                      "enterprises.csv:2: chains: unknown chain: \"a\"",
                                      "enterprises.csv:2: chains: unknown chain: \"b\""}));
}

TEST_F(ImportTest, DuplicateKeysInsideAndAcrossFiles) {
  import_ok({{"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲,13,410302\n"}});
  std::string row = kU1 + ",2021-03,10\n";
  EXPECT_EQ(errors_of({{"monthly_a.csv", "uscc,period,output\n" + row + kU1 + ",2021-04,1\n"},
                       {"monthly_b.csv", "uscc,period,output\n" + row + row}}),
            (std::vector<std::string>{
                "monthly_b.csv:2: uscc: duplicate key \"" + kU1 +
                    "|2021-03\" (first in "
                    "monthly_a.csv:2)",
                "monthly_b.csv:3: uscc: duplicate key \"" + kU1 +
                    "|2021-03\" (first in "
                    "monthly_a.csv:2)",
            }));
  EXPECT_EQ(errors_of({{"deflators.csv", "industry,period,ppi\n13,2021-03,100\n13,202103,101\n"},
                       {"va_ratios.csv", "industry,year,ratio\n13,2021,0.3\n13,2021年,0.3\n"},
                       {"chains.csv", "id,name\na,x\na,y\n"},
                       {"project_progress.csv", "id,period,investment\n"}}),
            (std::vector<std::string>{
                "deflators.csv:3: industry: duplicate key \"13|2021-03\" (first on line 2)",
                "va_ratios.csv:3: industry: duplicate key \"13|2021\" (first on line 2)",
                "chains.csv:3: id: duplicate key \"a\" (first on line 2)",
            }));
}

TEST_F(ImportTest, RetiredRegionIsMappedWithAWarning) {
  ImportOutcome outcome =
      import_ok({{"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲,13,410322\n"}});
  EXPECT_EQ(
      outcome.warnings,
      std::vector<std::string>{
          "enterprises.csv:2: region: retired code 410322 (孟津县) mapped to 410308 (孟津区)"});
  EXPECT_EQ(stored().enterprises.at(0).region, "410308");
}

TEST_F(ImportTest, ParkRegionAnyLevelAndRegionGroupMembers) {
  EXPECT_EQ(errors_of({{"parks.csv", "id,name,region\np1,园区,419999\np2,园区二,410000\n"},
                       {"region_groups.csv",
                        "id,name,members\ng,组,410300;999999\nh,组二,410300;410300\nk,组三,;\n"}}),
            (std::vector<std::string>{
                "parks.csv:2: region: unknown region code: \"419999\"",
                "region_groups.csv:2: members: unknown region code: \"999999\"",
                "region_groups.csv:3: members: region group \"h\": member \"410300\" is listed "
                "twice",
                "region_groups.csv:4: members: missing value",
            }));
}

TEST_F(ImportTest, ReimportReplacesAndKeepsTheRevision) {
  import_ok({{"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲,13,410302\n"},
             {"monthly.csv", "uscc,period,output\n" + kU1 + ",2021-03,100\n"}});
  ImportOutcome again =
      import_ok({{"monthly_2021-03.csv", "uscc,period,output\n" + kU1 + ",2021-03,120\n"}});
  EXPECT_EQ(again.summary.replaced, 1);
  EXPECT_EQ(again.summary.inserted, 0);
  EXPECT_EQ(stored().monthly.at(0).output, 120);
  RevisionFilter filter;
  filter.kind = "monthly";
  Result<std::vector<Revision>> revisions = db_->revisions(filter);
  ASSERT_TRUE(revisions.has_value());
  ASSERT_FALSE(revisions->empty());
  EXPECT_EQ(revisions->back().source, "monthly_2021-03.csv");
  EXPECT_EQ(revisions->back().uscc, kU1);
}

TEST_F(ImportTest, ImportFilesReadsFromDiskAndRefusesAMissingFile) {
  std::filesystem::path chains = dir_ / "chains.csv";
  {
    std::ofstream out(chains);
    out << "id,name\nbearing,轴承\n";
  }
  std::string missing = (dir_ / "parks.csv").string();
  Result<ImportOutcome> refused = import_files(*db_, {chains.string(), missing}, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kNotFound);
  EXPECT_NE(refused.error().message().find(missing), std::string::npos);
  EXPECT_EQ(stored(), empty_dataset());

  Result<ImportOutcome> done = import_files(*db_, {chains.string()}, {});
  ASSERT_TRUE(done.has_value());
  EXPECT_TRUE(done->errors.empty());
  EXPECT_EQ(stored().chains, (std::vector<Chain>{{"bearing", "轴承"}}));
}

}  // namespace
}  // namespace zhizao::testing_support
