#include <limits>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "report/render.h"
#include "sample_report.h"

namespace zhizao {
namespace {

using json = nlohmann::ordered_json;

TEST(ReportJson, HasEveryContractKey) {
  json j = report_to_json(testing::sample_report());
  EXPECT_EQ(j["period"], "2021-04");
  EXPECT_EQ(j["window"]["from"], "2021-01");
  EXPECT_EQ(j["window"]["to"], "2021-04");
  const json& industry = j["industry"];
  for (const char* key : {"value_added_growth", "manufacturing_value_added_growth", "output_growth",
                          "electricity_growth", "enterprises", "manufacturing_breadth", "divisions",
                          "regions", "parks", "chains"}) {
    EXPECT_TRUE(industry.contains(key)) << key;
  }
  for (const char* key : {"with_data", "growing", "double_digit", "share"}) {
    EXPECT_TRUE(industry["manufacturing_breadth"].contains(key)) << key;
  }
  for (const char* list : {"divisions", "regions"}) {
    for (const json& set : industry[list]) {
      for (const char* key : {"code", "name", "value_added_growth", "contribution", "pull"}) {
        EXPECT_TRUE(set.contains(key)) << list << " " << key;
      }
    }
  }
  for (const char* list : {"parks", "chains"}) {
    for (const json& set : industry[list]) {
      for (const char* key : {"id", "name", "value_added_growth"}) {
        EXPECT_TRUE(set.contains(key)) << list << " " << key;
      }
    }
  }
  for (const char* key : {"count", "output_growth", "over_50", "doubled"}) {
    EXPECT_TRUE(j["key_enterprises"].contains(key)) << key;
  }
  for (const char* key : {"investment", "planned_starts", "actual_starts", "year_planned_starts",
                          "start_share", "planned_completions", "actual_completions"}) {
    EXPECT_TRUE(j["projects"].contains(key)) << key;
  }
}

TEST(ReportJson, RatesAreUnroundedAndCountsExact) {
  json j = report_to_json(testing::sample_report());
  EXPECT_DOUBLE_EQ(j["industry"]["value_added_growth"].get<double>(), 12.7);
  EXPECT_DOUBLE_EQ(j["industry"]["electricity_growth"].get<double>(), 20.1345);
  EXPECT_DOUBLE_EQ(j["industry"]["manufacturing_breadth"]["share"].get<double>(),
                   26.0 / 31.0 * 100.0);
  EXPECT_DOUBLE_EQ(j["projects"]["start_share"].get<double>(), 164.0 / 283.0 * 100.0);
  EXPECT_DOUBLE_EQ(j["projects"]["investment"].get<double>(), 2255000.0);
  EXPECT_EQ(j["industry"]["enterprises"], 1850);
  EXPECT_EQ(j["key_enterprises"]["over_50"], 21);
  EXPECT_EQ(j["industry"]["divisions"].size(), 7u);
  EXPECT_EQ(j["industry"]["divisions"][3]["code"], "34");
  EXPECT_DOUBLE_EQ(j["industry"]["divisions"][3]["value_added_growth"].get<double>(), 25.13);
  // Dumped text keeps full precision: 26/31 is not cut to 83.87.
  EXPECT_NE(j.dump().find("83.87096774193"), std::string::npos);
}

TEST(ReportJson, NullStaysNullNeverZero) {
  ReportData r = testing::sample_report();
  r.industry.value_added_growth.reset();
  r.manufacturing_breadth = {0, 0, 0, std::nullopt};
  r.projects.start_share.reset();
  r.key_enterprises.output_growth.reset();
  json j = report_to_json(r);
  EXPECT_TRUE(j["industry"]["value_added_growth"].is_null());
  EXPECT_TRUE(j["industry"]["manufacturing_breadth"]["share"].is_null());
  EXPECT_TRUE(j["projects"]["start_share"].is_null());
  EXPECT_TRUE(j["key_enterprises"]["output_growth"].is_null());
  const json& other = j["industry"]["divisions"][5];  // 41, no comparable pairs
  ASSERT_EQ(other["code"], "41");
  EXPECT_TRUE(other["value_added_growth"].is_null());
  EXPECT_TRUE(other["contribution"].is_null());
  EXPECT_TRUE(other["pull"].is_null());
  EXPECT_TRUE(j["industry"]["regions"][2]["value_added_growth"].is_null());
}

TEST(ReportJson, NonFiniteRatesBecomeNull) {
  ReportData r = testing::sample_report();
  r.industry.output_growth = std::numeric_limits<double>::infinity();
  json j = report_to_json(r);
  EXPECT_TRUE(j["industry"]["output_growth"].is_null());
}

TEST(ReportJson, ExtraKeysAreSeparateFromRegions) {
  ReportData r = testing::sample_report();
  r.window = WindowKind::kMonthly;
  r.window_from = {2021, 4};
  r.cities = {testing::make_set("410300", "洛阳市", 12.7, 100.0, 12.7, 1850)};
  r.region_groups = {
      testing::make_set("metro", "洛阳都市圈", 11.0, std::nullopt, std::nullopt, 3000)};
  r.scope = "410300";
  json j = report_to_json(r);
  EXPECT_EQ(j["monthly"], true);
  EXPECT_EQ(j["scope"], "410300");
  EXPECT_EQ(j["industry"]["regions"].size(), 4u);  // counties only
  EXPECT_EQ(j["industry"]["cities"][0]["code"], "410300");
  EXPECT_EQ(j["industry"]["region_groups"][0]["id"], "metro");
  EXPECT_EQ(j["industry"]["sections"].size(), 3u);
  EXPECT_DOUBLE_EQ(j["industry"]["two_year_average_growth"].get<double>(), 6.6);
  EXPECT_EQ(j["industry"]["divisions_at_current_prices"], json::array({"36"}));
  EXPECT_EQ(j["industry"]["divisions"][4]["at_current_prices"], true);
  EXPECT_EQ(j["key_enterprises"]["enterprises"].size(), 6u);
  EXPECT_TRUE(j["key_enterprises"]["enterprises"][5]["output_growth"].is_null());
}

TEST(ReportJson, AllDataScopeIsNullAndCumulativeIsNotMonthly) {
  json j = report_to_json(testing::sample_report());
  EXPECT_TRUE(j["scope"].is_null());
  EXPECT_EQ(j["monthly"], false);
}

TEST(ReportJson, RenderJsonIsTheDumpPlusNewline) {
  ReportData r = testing::sample_report();
  std::string text = render_report(r, ReportFormat::kJson, Language::kZh);
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(json::parse(text), report_to_json(r));
}

TEST(ReportJson, InvalidUtf8NameDoesNotThrow) {
  ReportData r = testing::sample_report();
  r.parks[0].name = std::string("bad\xff");
  EXPECT_NO_THROW(render_report(r, ReportFormat::kJson, Language::kEn));
}

TEST(ExplanationJson, CarriesTargetTotalsAndNulls) {
  std::string text =
      render_explanation(testing::sample_explanation(), ReportFormat::kJson, Language::kZh);
  json j = json::parse(text);
  EXPECT_EQ(j["target"]["kind"], "division");
  EXPECT_EQ(j["target"]["code"], "34");
  EXPECT_EQ(j["measure"], "value_added");
  EXPECT_DOUBLE_EQ(j["totals"]["value_added_growth"].get<double>(), 25.0);
  ASSERT_EQ(j["enterprises"].size(), 3u);
  EXPECT_DOUBLE_EQ(j["enterprises"][0]["contribution"].get<double>(), 80.0);
  EXPECT_TRUE(j["enterprises"][2]["growth"].is_null());
  EXPECT_EQ(j["enterprises"][2]["note"], "no previous-year figures");
}

}  // namespace
}  // namespace zhizao
