#include "ingest/column_schema.h"

#include <gtest/gtest.h>

#include "ingest/file_kind.h"

namespace zhizao::detail {
namespace {

TEST(FileKindTest, FromFileName) {
  EXPECT_EQ(kind_from_file_name("enterprises.csv"), FileKind::kEnterprises);
  EXPECT_EQ(kind_from_file_name("data/2021/Monthly_2021-04.CSV"), FileKind::kMonthly);
  EXPECT_EQ(kind_from_file_name("deflators.csv"), FileKind::kDeflators);
  EXPECT_EQ(kind_from_file_name("va_ratios-2021.csv"), FileKind::kValueAddedRatios);
  EXPECT_EQ(kind_from_file_name("parks.csv"), FileKind::kParks);
  EXPECT_EQ(kind_from_file_name("chains.csv"), FileKind::kChains);
  EXPECT_EQ(kind_from_file_name("projects.csv"), FileKind::kProjects);
  EXPECT_EQ(kind_from_file_name("project_progress.csv"), FileKind::kProjectProgress);
  EXPECT_EQ(kind_from_file_name("project_progress_2021-04.csv"), FileKind::kProjectProgress);
  EXPECT_EQ(kind_from_file_name("region_groups.csv"), FileKind::kRegionGroups);
  EXPECT_EQ(kind_from_file_name("C:\\data\\parks.csv"), FileKind::kParks);
  EXPECT_EQ(kind_from_file_name("monthlyreport.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("project.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("企业.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("data/enterprises/list.csv"), std::nullopt);
}

TEST(NormaliseHeaderTest, TrimsBomCaseAndUnits) {
  EXPECT_EQ(normalise_header(" Output "), "output");
  EXPECT_EQ(normalise_header("\xEF\xBB\xBFuscc"), "uscc");
  EXPECT_EQ(normalise_header("工业总产值(万元)"), "工业总产值");
  EXPECT_EQ(normalise_header("工业总产值（万元）"), "工业总产值");
  EXPECT_EQ(normalise_header("用电量 (万千瓦时)"), "用电量");
  EXPECT_EQ(normalise_header("Output [万元]"), "output");
  EXPECT_EQ(normalise_header("\xE3\x80\x80规上\xE3\x80\x80"), "规上");
  EXPECT_EQ(normalise_header("(万元)"), "(万元)");
}

TEST(MapHeaderTest, EnglishChineseUnknownAndMissing) {
  Findings findings;
  std::vector<std::string_view> header = {"统一社会信用代码", "时期", "工业总产值（万元）",
                                          "Remark", "Value_Added"};
  HeaderMap map = map_header(FileKind::kMonthly, header, findings);
  EXPECT_EQ(map.field_of_column[monthly_col::kUscc], 0);
  EXPECT_EQ(map.field_of_column[monthly_col::kPeriod], 1);
  EXPECT_EQ(map.field_of_column[monthly_col::kOutput], 2);
  EXPECT_EQ(map.field_of_column[monthly_col::kValueAdded], 4);
  EXPECT_EQ(map.field_of_column[monthly_col::kElectricity], -1);
  EXPECT_EQ(map.column_header(FileKind::kMonthly, monthly_col::kOutput), "工业总产值（万元）");
  EXPECT_EQ(map.column_header(FileKind::kMonthly, monthly_col::kElectricity), "electricity");
  EXPECT_TRUE(findings.errors.empty());
  ASSERT_EQ(findings.warnings.size(), 1u);
  EXPECT_EQ(format_finding("m.csv", findings.warnings[0]),
            "m.csv:1: Remark: unknown column, ignored");

  Findings missing;
  map_header(FileKind::kMonthly, {"uscc", "period"}, missing);
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(format_finding("m.csv", missing.errors[0]), "m.csv:1: output: missing required column");
}

TEST(MapHeaderTest, ColumnGivenTwiceIsAnError) {
  Findings findings;
  map_header(FileKind::kChains, {"id", "name", "产业链名称"}, findings);
  ASSERT_EQ(findings.errors.size(), 1u);
  EXPECT_EQ(format_finding("c.csv", findings.errors[0]),
            "c.csv:1: 产业链名称: column given twice (also as \"name\")");
}

TEST(KindFromHeaderTest, PicksTheBestFit) {
  EXPECT_EQ(kind_from_header({"uscc", "name", "industry", "region"}), FileKind::kEnterprises);
  EXPECT_EQ(kind_from_header({"统一社会信用代码", "时期", "工业总产值(万元)"}), FileKind::kMonthly);
  EXPECT_EQ(kind_from_header({"industry", "period", "ppi"}), FileKind::kDeflators);
  EXPECT_EQ(kind_from_header({"行业代码", "年份", "增加值率"}), FileKind::kValueAddedRatios);
  EXPECT_EQ(kind_from_header({"id", "name"}), std::nullopt);  // chains or parks: not guessed
  EXPECT_EQ(kind_from_header({"id", "name", "category"}), FileKind::kParks);
  EXPECT_EQ(kind_from_header({"园区编号", "园区名称"}), FileKind::kParks);
  EXPECT_EQ(kind_from_header({"编号", "名称", "区划代码", "总投资"}), FileKind::kProjects);
  EXPECT_EQ(kind_from_header({"项目编号", "时期", "完成投资"}), FileKind::kProjectProgress);
  EXPECT_EQ(kind_from_header({"id", "name", "members"}), FileKind::kRegionGroups);
  EXPECT_EQ(kind_from_header({"a", "b"}), std::nullopt);
  EXPECT_EQ(kind_from_header({"uscc", "name"}), std::nullopt);
}

TEST(KindFromFileNameTest, KnowsTheV2Files) {
  EXPECT_EQ(kind_from_file_name("products.csv"), FileKind::kProducts);
  EXPECT_EQ(kind_from_file_name("product_output.csv"), FileKind::kProductOutput);
  EXPECT_EQ(kind_from_file_name("product_output_2021-04.csv"), FileKind::kProductOutput);
  EXPECT_EQ(kind_from_file_name("targets.csv"), FileKind::kTargets);
  EXPECT_EQ(kind_from_file_name("campaigns.csv"), FileKind::kCampaigns);
  EXPECT_EQ(kind_from_file_name("Campaigns_2021.CSV"), FileKind::kCampaigns);
  EXPECT_EQ(kind_from_file_name("assignments.csv"), FileKind::kAssignments);
  EXPECT_EQ(kind_from_file_name("visits.csv"), FileKind::kVisits);
  EXPECT_EQ(kind_from_file_name("visits-2021-04.csv"), FileKind::kVisits);
  EXPECT_EQ(kind_from_file_name("cases.csv"), FileKind::kCases);
  EXPECT_EQ(kind_from_file_name("electricity_daily.csv"), FileKind::kElectricityDaily);
  // Look-alikes: a stem followed by a letter is another word, not the kind.
  EXPECT_EQ(kind_from_file_name("product.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("productsummary.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("campaign.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("target.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("casesx.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("my_campaigns.csv"), std::nullopt);
  EXPECT_EQ(kind_from_file_name("product_outputs.csv"), std::nullopt);
}

TEST(KindFromHeaderTest, TellsTheV2FilesByTheirOwnColumns) {
  EXPECT_EQ(kind_from_header({"id", "name", "from", "to"}), FileKind::kCampaigns);
  EXPECT_EQ(kind_from_header({"id", "name", "indicator", "scope", "year", "value"}),
            FileKind::kTargets);
  EXPECT_EQ(kind_from_header({"code", "name", "unit"}), FileKind::kProducts);
  EXPECT_EQ(kind_from_header({"uscc", "period", "product", "quantity"}), FileKind::kProductOutput);
  EXPECT_EQ(kind_from_header({"uscc", "cadre", "department"}), FileKind::kAssignments);
  EXPECT_EQ(kind_from_header({"uscc", "date", "cadre", "findings"}), FileKind::kVisits);
  EXPECT_EQ(kind_from_header(
                {"诉求编号", "统一社会信用代码", "提出日期", "类别", "责任部门", "办结时限"}),
            FileKind::kCases);
  EXPECT_EQ(kind_from_header({"行动编号", "攻坚行动", "开始日期", "结束日期"}),
            FileKind::kCampaigns);
}

TEST(KindFromHeaderTest, AHeaderThatFitsSeveralKindsHasNone) {
  HeaderKinds kinds = kinds_from_header({"id", "name"});
  EXPECT_EQ(kinds.kind, std::nullopt);
  EXPECT_EQ(kinds.candidates, (std::vector<FileKind>{FileKind::kChains, FileKind::kParks}));
  EXPECT_EQ(unknown_kind_reason(kinds),
            "cannot tell the file kind: its header fits several kinds (chains, parks); name the "
            "file after its kind (e.g. chains)");
  // An unknown column leaves several candidates that know all but it: still none.
  EXPECT_EQ(kind_from_header({"id", "name", "remark"}), std::nullopt);
  // One candidate is enough even with an unknown column (a warning later).
  EXPECT_EQ(kind_from_header({"uscc", "period", "output", "remark"}), FileKind::kMonthly);
  EXPECT_EQ(unknown_kind_reason(kinds_from_header({"a", "b"})),
            "cannot tell the file kind from its name or header");
}

}  // namespace
}  // namespace zhizao::detail
