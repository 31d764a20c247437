#include "accounts/role.h"

#include <gtest/gtest.h>

namespace zhizao {
namespace {

TEST(RoleTest, ParsesEveryKind) {
  EXPECT_EQ(parse_role("admin").value(), (Role{RoleKind::kAdmin, ""}));
  EXPECT_EQ(parse_role("city").value(), (Role{RoleKind::kCity, ""}));
  EXPECT_EQ(parse_role("county:410302").value(), (Role{RoleKind::kCounty, "410302"}));
  EXPECT_EQ(parse_role("county:410300").value(), (Role{RoleKind::kCounty, "410300"}));
  EXPECT_EQ(parse_role("county:luoyang-metro").value(), (Role{RoleKind::kCounty, "luoyang-metro"}));
  EXPECT_EQ(parse_role("enterprise:91410302ma400001xm").value(),
            (Role{RoleKind::kEnterprise, "91410302MA400001XM"}));
}

TEST(RoleTest, TextFormRoundTrips) {
  for (const char* text : {"admin", "city", "county:410302", "enterprise:91410302MA400001XM"}) {
    EXPECT_EQ(parse_role(text)->to_string(), text);
  }
}

TEST(RoleTest, RefusesMalformedRoles) {
  for (const char* text : {"", "Admin", "county:", "county:999999", "county:Luoyang Metro",
                           "enterprise:91410302MA400001X1", "enterprise:", "root"}) {
    auto role = parse_role(text);
    ASSERT_FALSE(role.has_value()) << text;
    EXPECT_EQ(role.error().code(), StatusCode::kUsage) << text;
  }
}

}  // namespace
}  // namespace zhizao
