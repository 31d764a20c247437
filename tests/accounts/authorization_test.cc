#include "accounts/authorization.h"

#include <gtest/gtest.h>

#include <vector>

namespace zhizao {
namespace {

const std::vector<RegionGroup> kGroups = {
    {"luoyang-metro", "洛阳都市圈", {"410300", "419001", "410800", "410400", "411200", "410181"}},
    {"west", "西部", {"410302", "410303"}},
};

Principal actor(const char* role) { return Principal{"u", parse_role(role).value()}; }

Enterprise enterprise(const char* uscc, const char* region) {
  Enterprise e;
  e.uscc = uscc;
  e.region = region;
  return e;
}

TEST(AreaWithinTest, RegionsNestCountyCityProvince) {
  EXPECT_TRUE(area_within("410302", "410302", kGroups));
  EXPECT_TRUE(area_within("410302", "410300", kGroups));
  EXPECT_TRUE(area_within("410302", "410000", kGroups));
  EXPECT_TRUE(area_within("410300", "410000", kGroups));
  EXPECT_FALSE(area_within("410300", "410302", kGroups));
  EXPECT_FALSE(area_within("410305", "410302", kGroups));
  EXPECT_FALSE(area_within("410000", "410300", kGroups));
  EXPECT_TRUE(area_within("410302", "", kGroups));
  EXPECT_FALSE(area_within("", "410302", kGroups));
}

TEST(AreaWithinTest, GroupsContainAndLieWithin) {
  EXPECT_TRUE(area_within("410302", "luoyang-metro", kGroups));
  EXPECT_TRUE(area_within("410300", "luoyang-metro", kGroups));
  EXPECT_FALSE(area_within("410100", "luoyang-metro", kGroups));
  EXPECT_TRUE(area_within("west", "410300", kGroups));
  EXPECT_TRUE(area_within("west", "luoyang-metro", kGroups));
  EXPECT_FALSE(area_within("west", "410302", kGroups));
  EXPECT_FALSE(area_within("luoyang-metro", "410300", kGroups));
  EXPECT_FALSE(area_within("nowhere", "410300", kGroups));
  EXPECT_FALSE(area_within("410302", "nowhere", kGroups));
}

TEST(ReportScopeTest, CountyUsersAreHeldToTheirArea) {
  EXPECT_EQ(report_scope_for(actor("admin"), "", kGroups), "");
  EXPECT_EQ(report_scope_for(actor("city"), "410305", kGroups), "410305");
  EXPECT_EQ(report_scope_for(actor("county:410302"), "", kGroups), "410302");
  EXPECT_EQ(report_scope_for(actor("county:410302"), "410302", kGroups), "410302");
  EXPECT_EQ(report_scope_for(actor("county:410302"), "410305", kGroups), std::nullopt);
  EXPECT_EQ(report_scope_for(actor("county:410302"), "410300", kGroups), std::nullopt);
  EXPECT_EQ(report_scope_for(actor("county:410300"), "west", kGroups), "west");
  EXPECT_EQ(report_scope_for(actor("enterprise:91410302MA400001XM"), "", kGroups), std::nullopt);
}

TEST(EnterpriseAccessTest, OwnCountyOrOwnRecordOnly) {
  Enterprise own = enterprise("91410302MA400001XM", "410302");
  Enterprise other = enterprise("91410305MA400002X2", "410305");
  EXPECT_TRUE(may_read_enterprise(actor("admin"), other, kGroups));
  EXPECT_TRUE(may_read_enterprise(actor("city"), other, kGroups));
  EXPECT_TRUE(may_read_enterprise(actor("county:410302"), own, kGroups));
  EXPECT_FALSE(may_read_enterprise(actor("county:410302"), other, kGroups));
  EXPECT_TRUE(may_read_enterprise(actor("county:west"), own, kGroups));
  EXPECT_TRUE(may_read_enterprise(actor("enterprise:91410302MA400001XM"), own, kGroups));
  EXPECT_FALSE(may_read_enterprise(actor("enterprise:91410302MA400001XM"), other, kGroups));
}

TEST(SubmitAndReviewTest, EachRoleItsStep) {
  EXPECT_TRUE(may_submit_for(actor("enterprise:91410302MA400001XM"), "91410302MA400001XM"));
  EXPECT_FALSE(may_submit_for(actor("enterprise:91410302MA400001XM"), "91410305MA400002X2"));
  EXPECT_FALSE(may_submit_for(actor("admin"), "91410302MA400001XM"));
  EXPECT_TRUE(may_review(actor("county:410302"), ReviewLevel::kCounty, "410302", kGroups));
  EXPECT_FALSE(may_review(actor("county:410302"), ReviewLevel::kCounty, "410305", kGroups));
  EXPECT_FALSE(may_review(actor("county:410302"), ReviewLevel::kCity, "410302", kGroups));
  EXPECT_TRUE(may_review(actor("city"), ReviewLevel::kCity, "410302", kGroups));
  EXPECT_FALSE(may_review(actor("city"), ReviewLevel::kCounty, "410302", kGroups));
  EXPECT_TRUE(may_review(actor("admin"), ReviewLevel::kCounty, "410302", kGroups));
  EXPECT_FALSE(
      may_review(actor("enterprise:91410302MA400001XM"), ReviewLevel::kCounty, "410302", kGroups));
  EXPECT_TRUE(may_administer(actor("admin")));
  EXPECT_FALSE(may_administer(actor("city")));
}

}  // namespace
}  // namespace zhizao
