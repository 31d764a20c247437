#include "domain/industry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "domain/industry_table.h"

namespace zhizao {
namespace {

TEST(IndustryDivisions, FortyOneInCodeOrderBySection) {
  const auto divisions = industrial_divisions();
  ASSERT_EQ(divisions.size(), 41u);
  EXPECT_EQ(divisions.front().code, "06");
  EXPECT_EQ(divisions.back().code, "46");
  for (std::size_t i = 1; i < divisions.size(); ++i) {
    EXPECT_LT(divisions[i - 1].code, divisions[i].code);
  }
  const auto count = [&](Section section) {
    return std::count_if(divisions.begin(), divisions.end(),
                         [section](const Division& d) { return d.section == section; });
  };
  EXPECT_EQ(count(Section::kMining), 7);
  EXPECT_EQ(count(Section::kManufacturing), 31);
  EXPECT_EQ(count(Section::kUtilities), 3);
}

TEST(IndustryDivisions, OfficialNames) {
  EXPECT_EQ(division_name("06", Language::kZh), "煤炭开采和洗选业");
  EXPECT_EQ(division_name("13", Language::kZh), "农副食品加工业");
  EXPECT_EQ(division_name("15", Language::kZh), "酒、饮料和精制茶制造业");
  EXPECT_EQ(division_name("34", Language::kZh), "通用设备制造业");
  EXPECT_EQ(division_name("39", Language::kZh), "计算机、通信和其他电子设备制造业");
  EXPECT_EQ(division_name("44", Language::kZh), "电力、热力生产和供应业");
  EXPECT_EQ(division_name("34", Language::kEn), "Manufacture of General Purpose Machinery");
  EXPECT_EQ(division_name("46", Language::kEn), "Production and Supply of Water");
  EXPECT_EQ(division_name("51", Language::kZh), "51");  // unknown: the code itself
}

TEST(IndustryDivisions, FindAndSections) {
  ASSERT_NE(find_division("12"), nullptr);
  EXPECT_EQ(find_division("12")->name_zh, "其他采矿业");
  EXPECT_EQ(find_division("05"), nullptr);
  EXPECT_EQ(find_division("47"), nullptr);
  EXPECT_EQ(find_division("3"), nullptr);
  EXPECT_TRUE(is_manufacturing("13"));
  EXPECT_TRUE(is_manufacturing("43"));
  EXPECT_FALSE(is_manufacturing("12"));
  EXPECT_FALSE(is_manufacturing("44"));
  EXPECT_FALSE(is_manufacturing("99"));
  EXPECT_EQ(section_of("10"), Section::kMining);
  EXPECT_EQ(section_of("27"), Section::kManufacturing);
  EXPECT_EQ(section_of("45"), Section::kUtilities);
  EXPECT_EQ(section_name(Section::kMining, Language::kZh), "采矿业");
  EXPECT_EQ(section_name(Section::kManufacturing, Language::kZh), "制造业");
  EXPECT_EQ(section_name(Section::kUtilities, Language::kZh), "电力、热力、燃气及水生产和供应业");
  EXPECT_EQ(section_name(Section::kManufacturing, Language::kEn), "Manufacturing");
  EXPECT_EQ(section_name(Section::kUtilities, Language::kEn),
            "Electricity, heat, gas and water production and supply");
}

// Class counts per section as transcribed from GB/T 4754-2017 (see industry_table.cc).
TEST(IndustryClasses, CountsPerSectionAndDivision) {
  const auto classes = detail::industrial_class_codes();
  EXPECT_EQ(classes.size(), 666u);
  EXPECT_TRUE(std::is_sorted(classes.begin(), classes.end()));
  EXPECT_EQ(std::adjacent_find(classes.begin(), classes.end()), classes.end());
  std::map<Section, int> per_section;
  std::map<std::string, int> per_division;
  for (std::string_view code : classes) {
    const std::string division(code.substr(0, 2));
    ASSERT_NE(find_division(division), nullptr) << code;
    ++per_section[section_of(division)];
    ++per_division[division];
  }
  EXPECT_EQ(per_section[Section::kMining], 39);
  EXPECT_EQ(per_section[Section::kManufacturing], 609);
  EXPECT_EQ(per_section[Section::kUtilities], 18);
  EXPECT_EQ(per_division.size(), 41u);  // every division has classes
  EXPECT_EQ(per_division["12"], 1);     // 1200 其他采矿业
  EXPECT_EQ(per_division["34"], 52);
  EXPECT_EQ(per_division["35"], 56);
  EXPECT_EQ(per_division["39"], 36);
  EXPECT_EQ(per_division["42"], 2);
}

TEST(IndustryCode, ClassesMapToTheirDivision) {
  EXPECT_EQ(division_of_industry_code("3411").value(), "34");
  EXPECT_EQ(division_of_industry_code("3421").value(), "34");  // 金属切削机床制造
  EXPECT_EQ(division_of_industry_code("0610").value(), "06");
  EXPECT_EQ(division_of_industry_code("1200").value(), "12");
  EXPECT_EQ(division_of_industry_code("3962").value(), "39");  // new in 2017: 智能车载设备制造
  EXPECT_EQ(division_of_industry_code("4690").value(), "46");
  EXPECT_EQ(division_of_industry_code(" 2710 ").value(), "27");
}

TEST(IndustryCode, DivisionsMapToThemselves) {
  EXPECT_EQ(division_of_industry_code("13").value(), "13");
  EXPECT_EQ(division_of_industry_code("06").value(), "06");
  EXPECT_EQ(division_of_industry_code("46").value(), "46");
}

void expect_refused(std::string_view code, std::string_view reason_part) {
  const Result<std::string> result = division_of_industry_code(code);
  ASSERT_FALSE(result.has_value()) << code;
  EXPECT_EQ(result.error().code(), StatusCode::kInvalidData);
  EXPECT_NE(result.error().message().find(reason_part), std::string::npos)
      << result.error().message();
}

TEST(IndustryCode, Errors) {
  expect_refused("51", "not an industrial division of GB/T 4754-2017: \"51\"");
  expect_refused("05", "not an industrial division");
  expect_refused("5132", "not an industrial division of GB/T 4754-2017: \"5132\"");
  expect_refused("99", "unknown industry code \"99\"");
  expect_refused("00", "unknown industry code \"00\"");
  expect_refused("3410", "unknown industry code \"3410\": not a class of division 34");
  expect_refused("3430", "unknown industry code \"3430\"");  // 343 has classes 3431–3439
  expect_refused("1390", "unknown industry code \"1390\"");
  expect_refused("34111", "malformed industry code \"34111\"");
  expect_refused("341", "malformed industry code \"341\"");
  expect_refused("C34", "malformed industry code \"C34\"");
  expect_refused("", "malformed industry code \"\"");
  expect_refused("3a11", "malformed");
}

}  // namespace
}  // namespace zhizao
