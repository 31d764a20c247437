#include "domain/region_group.h"

#include <gtest/gtest.h>

#include <string>

namespace zhizao {
namespace {

TEST(RegionGroup, LuoyangMetropolitanArea) {
  const RegionGroup group = luoyang_metropolitan_area();
  EXPECT_EQ(group.id, "luoyang-metro");
  EXPECT_EQ(group.name, "洛阳都市圈");
  const std::vector<std::string> members = {"410300", "419001", "410800",
                                            "410400", "411200", "410181"};
  EXPECT_EQ(group.members, members);
  EXPECT_TRUE(check_region_group(group).is_ok());
}

TEST(RegionGroup, Contains) {
  const RegionGroup group = luoyang_metropolitan_area();
  EXPECT_TRUE(group_contains(group, "410302"));   // 老城区, via 洛阳市
  EXPECT_TRUE(group_contains(group, "410371"));   // 洛阳高新区
  EXPECT_TRUE(group_contains(group, "419001"));   // 济源市 itself
  EXPECT_TRUE(group_contains(group, "410181"));   // 巩义市 itself
  EXPECT_TRUE(group_contains(group, "410882"));   // 沁阳市, via 焦作市
  EXPECT_TRUE(group_contains(group, "410482"));   // 汝州市, via 平顶山市
  EXPECT_TRUE(group_contains(group, "411282"));   // 灵宝市, via 三门峡市
  EXPECT_FALSE(group_contains(group, "410102"));  // 郑州 中原区
  EXPECT_FALSE(group_contains(group, "410183"));  // 新密市: Zhengzhou, not Gongyi
  EXPECT_FALSE(group_contains(group, "110101"));
  EXPECT_FALSE(group_contains(group, "410381"));  // retired: resolve first
  EXPECT_FALSE(group_contains(RegionGroup{"empty", "空", {}}, "410302"));
}

TEST(RegionGroup, ProvinceMembersContainTheirCounties) {
  const RegionGroup henan{"henan", "河南省", {"410000"}};
  EXPECT_TRUE(check_region_group(henan).is_ok());
  EXPECT_TRUE(group_contains(henan, "419001"));
  EXPECT_FALSE(group_contains(henan, "420102"));
}

void expect_refused(const RegionGroup& group, std::string_view reason_part) {
  const Status status = check_region_group(group);
  EXPECT_EQ(status.code(), StatusCode::kInvalidData);
  EXPECT_NE(status.message().find(reason_part), std::string::npos) << status.message();
}

TEST(RegionGroup, CheckErrors) {
  expect_refused(RegionGroup{"", "洛阳都市圈", {"410300"}}, "has no id");
  expect_refused(RegionGroup{"g", "", {"410300"}}, "region group \"g\" has no name");
  expect_refused(RegionGroup{"g", "组", {}}, "region group \"g\" has no members");
  expect_refused(RegionGroup{"g", "组", {"410300", "999999"}},
                 "member \"999999\" is not a GB/T 2260 code");
  expect_refused(RegionGroup{"g", "组", {"410381"}}, "member \"410381\"");
  expect_refused(RegionGroup{"g", "组", {"4103"}}, "member \"4103\"");
  expect_refused(RegionGroup{"g", "组", {"410300", "410300"}}, "listed twice");
}

}  // namespace
}  // namespace zhizao
