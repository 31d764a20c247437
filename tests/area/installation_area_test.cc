// The installation's area: the smallest region holding every enterprise, a code's area, the
// words for the whole area, and the level the regional tables rank.
#include <gtest/gtest.h>

#include "area/installation_area.h"

namespace zhizao {
namespace {

std::vector<Enterprise> in(std::initializer_list<const char*> counties) {
  std::vector<Enterprise> out;
  for (const char* county : counties) {
    Enterprise e;
    e.uscc = county;
    e.region = county;
    out.push_back(e);
  }
  return out;
}

TEST(SmallestAreaTest, CountyCityProvinceCountry) {
  EXPECT_EQ(smallest_area_holding(in({"410302", "410302"})),
            (InstallationArea{"410302", "老城区", AreaLevel::kCounty}));
  EXPECT_EQ(smallest_area_holding(in({"410302", "410308", "410327"})),
            (InstallationArea{"410300", "洛阳市", AreaLevel::kCity}));
  EXPECT_EQ(smallest_area_holding(in({"410302", "410202"})),
            (InstallationArea{"410000", "河南省", AreaLevel::kProvince}));
  EXPECT_EQ(smallest_area_holding(in({"410302", "110101"})), country_area());
}

TEST(SmallestAreaTest, PlaceholderCitiesRollUpToTheProvince) {
  // 济源 (419001) is a county-level city under the province itself: no city holds it.
  EXPECT_EQ(smallest_area_holding(in({"419001", "419001"})).level, AreaLevel::kCounty);
  EXPECT_EQ(smallest_area_holding(in({"410302", "419001"})).code, "410000");
  // Beijing's districts: GB/T 2260's 110100 is "市辖区", so the area is 北京市 (a province).
  InstallationArea beijing = smallest_area_holding(in({"110101", "110105"}));
  EXPECT_EQ(beijing, (InstallationArea{"110000", "北京市", AreaLevel::kProvince}));
  EXPECT_EQ(whole_area_word(beijing, Language::kZh), "全市");
}

TEST(SmallestAreaTest, UnknownCountiesArePassedOverAndNoneIsTheCountry) {
  EXPECT_EQ(smallest_area_holding(in({"999999", "410302", "410303"})).code, "410300");
  EXPECT_EQ(smallest_area_holding(in({})), country_area());
  EXPECT_EQ(smallest_area_holding(in({"999999"})), country_area());
}

TEST(AreaOfCodeTest, EveryLevelAndRefusals) {
  EXPECT_EQ(area_of_code("000000")->name, "全国");
  EXPECT_EQ(area_of_code("410200")->name, "开封市");
  EXPECT_EQ(area_of_code("410200")->level, AreaLevel::kCity);
  EXPECT_EQ(area_of_code("410000")->level, AreaLevel::kProvince);
  EXPECT_EQ(area_of_code("410302")->level, AreaLevel::kCounty);
  for (const char* bad : {"110100", "419000", "999999", "4103", ""}) {
    Result<InstallationArea> area = area_of_code(bad);
    ASSERT_FALSE(area) << bad;
    EXPECT_EQ(area.error().code(), StatusCode::kUsage);
    EXPECT_NE(area.error().message().find(bad), std::string::npos);
  }
  // A code given on the command line is quoted cut short (docs/security.md, "Bounds on input").
  const std::string long_code(100'000, '4');
  Result<InstallationArea> area = area_of_code(long_code);
  ASSERT_FALSE(area);
  EXPECT_LT(area.error().message().size(), 200U);
  EXPECT_NE(area.error().message().find("(100000 bytes)"), std::string::npos)
      << area.error().message();
}

TEST(WholeAreaWordTest, TheRegistersWordsByLevelAndName) {
  auto word = [](const char* code) { return whole_area_word(*area_of_code(code), Language::kZh); };
  EXPECT_EQ(word("000000"), "全国");
  EXPECT_EQ(word("410000"), "全省");
  EXPECT_EQ(word("450000"), "全区");  // 广西壮族自治区
  EXPECT_EQ(word("410300"), "全市");
  EXPECT_EQ(word("410302"), "全区");  // 老城区
  EXPECT_EQ(word("410323"), "全县");  // 新安县
  EXPECT_EQ(whole_area_word(*area_of_code("410000"), Language::kEn), "the province");
  EXPECT_EQ(whole_area_word(country_area(), Language::kEn), "the country");
}

TEST(InstallationAreaTest, TheSettingWinsWhenItNamesARegion) {
  std::vector<Enterprise> luoyang = in({"410302", "410323"});
  EXPECT_EQ(installation_area("", luoyang).code, "410300");
  EXPECT_EQ(installation_area("410200", luoyang),
            (InstallationArea{"410200", "开封市", AreaLevel::kCity}));
  EXPECT_EQ(installation_area("000000", luoyang), country_area());
  // A stale or malformed setting: the default, not an error for every report.
  EXPECT_EQ(installation_area("999999", luoyang).code, "410300");
  EXPECT_EQ(installation_area("110100", luoyang).code, "410300");  // 市辖区: no city
}

TEST(LevelBelowTest, OneLevelDown) {
  EXPECT_EQ(level_below(AreaLevel::kCountry), AreaLevel::kProvince);
  EXPECT_EQ(level_below(AreaLevel::kProvince), AreaLevel::kCity);
  EXPECT_EQ(level_below(AreaLevel::kCity), AreaLevel::kCounty);
  EXPECT_EQ(level_below(AreaLevel::kCounty), AreaLevel::kCounty);
}

}  // namespace
}  // namespace zhizao
