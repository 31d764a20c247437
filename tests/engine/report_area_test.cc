// compute_report names the installation's area: the smallest region holding every enterprise
// (area/installation_area.h), whatever the scope.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::va_record;

Dataset firms_in(std::initializer_list<const char*> counties) {
  Dataset data;
  int n = 0;
  for (const char* county : counties) {
    std::string uscc = "F" + std::to_string(++n);
    data.enterprises.push_back(firm(uscc, "13", county));
    data.monthly.push_back(va_record(uscc, {2020, 3}, 100));
    data.monthly.push_back(va_record(uscc, {2021, 3}, 110));
  }
  return data;
}

InstallationArea area_of(const Dataset& data, std::string scope = "") {
  Result<ReportData> report = compute_report(data, {{2021, 3}, WindowKind::kMonthly, scope});
  EXPECT_TRUE(report) << (report ? "" : report.error().message());
  return report ? report->area : InstallationArea{};
}

TEST(ReportAreaTest, TheSmallestRegionHoldingEveryEnterprise) {
  EXPECT_EQ(area_of(firms_in({"410302", "410323"})),
            (InstallationArea{"410300", "洛阳市", AreaLevel::kCity}));
  EXPECT_EQ(area_of(firms_in({"410302", "410203"})).name, "河南省");
  EXPECT_EQ(area_of(firms_in({"410302", "130102"})), country_area());
}

TEST(ReportAreaTest, AScopeDoesNotChangeTheArea) {
  EXPECT_EQ(area_of(firms_in({"410302", "410323"}), "410323").code, "410300");
}

TEST(ReportAreaTest, TheAreaSettingWins) {
  Dataset data = firms_in({"410302", "410323"});
  data.area_code = "410000";
  EXPECT_EQ(area_of(data), (InstallationArea{"410000", "河南省", AreaLevel::kProvince}));
  data.area_code = "000000";
  EXPECT_EQ(area_of(data), country_area());
  data.area_code = "410323";
  EXPECT_EQ(area_of(data).level, AreaLevel::kCounty);
}

TEST(ReportAreaTest, ASettingThatNamesNoRegionFallsBackToTheDefault) {
  Dataset data = firms_in({"410302", "410323"});
  for (const char* stale : {"999999", "410100x", "110100"}) {  // unknown, malformed, 市辖区
    data.area_code = stale;
    EXPECT_EQ(area_of(data).code, "410300") << stale;
  }
}

}  // namespace
}  // namespace zhizao
