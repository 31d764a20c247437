#include "domain/region.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace zhizao {
namespace {

TEST(Regions, CountyTableIsComplete) {
  const auto counties = county_regions();
  EXPECT_EQ(counties.size(), 2978u);  // china-division 2.7.0 areas.csv
  EXPECT_TRUE(std::is_sorted(counties.begin(), counties.end(),
                             [](const Region& a, const Region& b) { return a.code < b.code; }));
  for (const Region& county : counties) {
    EXPECT_EQ(county.level, RegionLevel::kCounty);
    EXPECT_EQ(county.code.size(), 6u);
    EXPECT_FALSE(county.name.empty());
  }
}

TEST(Regions, LuoyangHasFourteenCountyLevelUnitsAndTheHighTechZone) {
  std::vector<std::string> names;
  for (const Region& county : county_regions()) {
    if (city_code_of(county.code) == "410300") {
      names.push_back(std::string(county.code) + " " + std::string(county.name));
    }
  }
  const std::vector<std::string> expected = {
      "410302 老城区", "410303 西工区", "410304 瀍河回族区",
      "410305 涧西区", "410307 偃师区", "410308 孟津区",
      "410311 洛龙区", "410323 新安县", "410324 栾川县",
      "410325 嵩县",   "410326 汝阳县", "410327 宜阳县",
      "410328 洛宁县", "410329 伊川县", "410371 洛阳高新技术产业开发区"};
  EXPECT_EQ(names, expected);
}

TEST(Regions, FindAnyLevel) {
  const Region* province = find_region("410000");
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(province->name, "河南省");
  EXPECT_EQ(province->level, RegionLevel::kProvince);
  const Region* city = find_region("410300");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->name, "洛阳市");
  EXPECT_EQ(city->level, RegionLevel::kCity);
  const Region* county = find_region("410302");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->name, "老城区");
  EXPECT_EQ(county->level, RegionLevel::kCounty);
  ASSERT_NE(find_region("110100"), nullptr);
  EXPECT_EQ(find_region("110100")->name, "市辖区");
  ASSERT_NE(find_region("419000"), nullptr);
  EXPECT_EQ(find_region("419000")->name, "省直辖县级行政区划");
  EXPECT_EQ(find_region("410381"), nullptr);  // retired
  EXPECT_EQ(find_region("999999"), nullptr);
  EXPECT_EQ(find_region("4103"), nullptr);
}

TEST(Regions, RollUp) {
  EXPECT_EQ(city_code_of("410302"), "410300");
  EXPECT_EQ(city_code_of("419001"), "419000");
  EXPECT_EQ(province_code_of("419001"), "410000");
  EXPECT_EQ(province_code_of("410302"), "410000");
  EXPECT_EQ(province_code_of("410300"), "410000");
  EXPECT_EQ(city_code_of("4103"), "");
  EXPECT_EQ(province_code_of("abcdef"), "");
}

TEST(Regions, Contains) {
  EXPECT_TRUE(region_contains("410302", "410302"));
  EXPECT_TRUE(region_contains("410300", "410302"));
  EXPECT_TRUE(region_contains("410000", "410302"));
  EXPECT_TRUE(region_contains("419000", "419001"));
  EXPECT_TRUE(region_contains("410000", "419001"));
  EXPECT_TRUE(region_contains("419001", "419001"));
  EXPECT_TRUE(region_contains("441900", "441900"));  // a city without districts
  EXPECT_FALSE(region_contains("410303", "410302"));
  EXPECT_FALSE(region_contains("410800", "410302"));
  EXPECT_FALSE(region_contains("420000", "410302"));
  EXPECT_FALSE(region_contains("410300", "410381"));  // retired codes are not counties
  EXPECT_FALSE(region_contains("410300", "410300"));  // a city is not a county
  EXPECT_FALSE(region_contains("999900", "999901"));
}

TEST(ResolveCounty, CurrentCodesPass) {
  // 441900 东莞市 and 442000 中山市 are cities without districts: county-level units too.
  for (const char* code : {"410302", "410371", "419001", "441900", "442000", "110101"}) {
    const Result<CountyResolution> result = resolve_county(code);
    ASSERT_TRUE(result.has_value()) << code;
    EXPECT_EQ(result->code, code);
    EXPECT_FALSE(result->warning.has_value());
  }
  EXPECT_EQ(resolve_county(" 410305 ").value().code, "410305");
}

TEST(ResolveCounty, RetiredLuoyangCodesAreMappedWithAWarning) {
  const struct {
    const char* retired;
    const char* current;
    const char* warning;
  } cases[] = {
      {"410306", "410308", "retired code 410306 (吉利区) mapped to 410308 (孟津区)"},
      {"410322", "410308", "retired code 410322 (孟津县) mapped to 410308 (孟津区)"},
      {"410381", "410307", "retired code 410381 (偃师市) mapped to 410307 (偃师区)"},
  };
  for (const auto& c : cases) {
    const Result<CountyResolution> result = resolve_county(c.retired);
    ASSERT_TRUE(result.has_value()) << c.retired;
    EXPECT_EQ(result->code, c.current);
    EXPECT_EQ(result->warning, c.warning);
  }
}

void expect_county_refused(std::string_view code, std::string_view reason_part) {
  const Result<CountyResolution> result = resolve_county(code);
  ASSERT_FALSE(result.has_value()) << code;
  EXPECT_EQ(result.error().code(), StatusCode::kInvalidData);
  EXPECT_NE(result.error().message().find(reason_part), std::string::npos)
      << result.error().message();
}

TEST(ResolveCounty, Errors) {
  expect_county_refused("4103", "malformed county code \"4103\"");
  expect_county_refused("41030a", "malformed county code");
  expect_county_refused("", "malformed county code");
  expect_county_refused("4103020", "malformed county code");
  expect_county_refused("410399", "unknown county code \"410399\"");
  expect_county_refused("410300", "not a county-level code: \"410300\" is the city 洛阳市");
  expect_county_refused("410000", "not a county-level code: \"410000\" is the province 河南省");
  expect_county_refused("419000", "is the city 省直辖县级行政区划");
}

}  // namespace
}  // namespace zhizao
