// Issue #18, item 6: each submission the API returns carries the enterprise's name, the
// previous-year values the engine compares it with, and, once returned, the reason.
// kOwnUscc (演示甲轴承有限公司, division 34, ratio 0.27 in 2020) reported in 2020-04 output 1080,
// value added 324, electricity 54.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

class SubmissionFactsTest : public ::testing::Test {
 protected:
  std::pair<int, json> post(const std::string& user, const std::string& path, const json& body) {
    auto response = server_.client()->Post(path.c_str(), TestServer::session(server_.login(user)),
                                           body.dump(), "application/json");
    EXPECT_TRUE(response) << path;
    if (!response) return {0, json()};
    return {response->status, json::parse(response->body)};
  }
  std::pair<int, json> get(const std::string& user, const std::string& path) {
    auto response = server_.client()->Get(path.c_str(), TestServer::session(server_.login(user)));
    EXPECT_TRUE(response) << path;
    if (!response) return {0, json()};
    return {response->status, json::parse(response->body)};
  }
  // Submits April 2021 for kOwnUscc with `extra` fields; returns the new id (0 on failure).
  long submit_april(const json& extra = json::object()) {
    json body = {{"uscc", kOwnUscc},   {"period", "2021-04"}, {"output", 1280},
                 {"value_added", 384}, {"electricity", 64},   {"in_scope", 1}};
    body.update(extra);
    auto [status, created] = post("ent", "/api/submissions", body);
    EXPECT_EQ(status, 201) << created;
    return status == 201 ? created["id"].get<long>() : 0;
  }

  TestServer server_;
};

TEST_F(SubmissionFactsTest, NameAndLastYearInTheListTheDetailAndTheReview) {
  long id = submit_april();
  ASSERT_NE(id, 0);
  const json last_year = {{"output", 1080.0}, {"value_added", 324.0}, {"electricity", 54.0}};
  auto [list_status, list] = get("county", "/api/submissions");
  ASSERT_EQ(list_status, 200) << list;
  ASSERT_EQ(list["submissions"].size(), 1u);
  const json& listed = list["submissions"][0];
  EXPECT_EQ(listed["name"], "演示甲轴承有限公司");
  EXPECT_EQ(listed["last_year"], last_year);
  EXPECT_FALSE(listed.contains("reason"));  // never returned

  const std::string path = "/api/submissions/" + std::to_string(id);
  auto [detail_status, detail] = get("ent", path);
  ASSERT_EQ(detail_status, 200);
  EXPECT_EQ(detail["name"], "演示甲轴承有限公司");
  EXPECT_EQ(detail["last_year"], last_year);
  EXPECT_FALSE(detail.contains("reason"));

  auto [review_status, reviewed] = post("county", path + "/review", {{"decision", "approve"}});
  ASSERT_EQ(review_status, 200) << reviewed;
  EXPECT_EQ(reviewed["state"], "county_approved");
  EXPECT_EQ(reviewed["name"], "演示甲轴承有限公司");
  EXPECT_EQ(reviewed["last_year"], last_year);
}

// output_prev is what the engine compares with when reported; value added then follows it
// (output_prev × the ratio of 2020, 0.27); electricity, not reported, is still 2020-04's.
TEST_F(SubmissionFactsTest, ReportedPreviousValuesComeFirst) {
  ASSERT_NE(submit_april({{"output_prev", 1100}}), 0);
  auto [status, list] = get("city", "/api/submissions");
  ASSERT_EQ(status, 200);
  const json& last_year = list["submissions"][0]["last_year"];
  EXPECT_EQ(last_year["output"], 1100.0);
  EXPECT_DOUBLE_EQ(last_year["value_added"].get<double>(), 1100 * 0.27);
  EXPECT_EQ(last_year["electricity"], 54.0);
}

// A month without a year-earlier record or _prev values has none to compare with.
TEST_F(SubmissionFactsTest, NullWithoutAYearEarlier) {
  auto [status, created] =
      post("ent", "/api/submissions",
           {{"uscc", kOwnUscc}, {"period", "2021-05"}, {"output", 1300}, {"value_added", 390}});
  ASSERT_EQ(status, 201) << created;
  auto [list_status, list] = get("ent", "/api/submissions");
  ASSERT_EQ(list_status, 200);
  EXPECT_EQ(list["submissions"][0]["last_year"],
            json({{"output", nullptr}, {"value_added", nullptr}, {"electricity", nullptr}}));
}

TEST_F(SubmissionFactsTest, TheReasonOfAReturn) {
  long id = submit_april();
  ASSERT_NE(id, 0);
  const std::string path = "/api/submissions/" + std::to_string(id);
  auto [status, rejected] =
      post("county", path + "/review", {{"decision", "reject"}, {"comment", "用电量与产值不符"}});
  ASSERT_EQ(status, 200) << rejected;
  EXPECT_EQ(rejected["state"], "rejected");
  EXPECT_EQ(rejected["reason"], "用电量与产值不符");
  // The enterprise reads it in its list and in the detail.
  auto [list_status, list] = get("ent", "/api/submissions?state=rejected");
  ASSERT_EQ(list_status, 200);
  ASSERT_EQ(list["submissions"].size(), 1u);
  EXPECT_EQ(list["submissions"][0]["reason"], "用电量与产值不符");
  EXPECT_EQ(get("ent", path).second["reason"], "用电量与产值不符");

  // A return without a comment has a null reason; one superseded by a newer submission says so.
  long second = submit_april();
  ASSERT_NE(second, 0);
  auto [bare_status, bare] = post(
      "county", "/api/submissions/" + std::to_string(second) + "/review", {{"decision", "reject"}});
  ASSERT_EQ(bare_status, 200);
  EXPECT_TRUE(bare.contains("reason"));
  EXPECT_TRUE(bare["reason"].is_null());
  long third = submit_april();
  long fourth = submit_april();
  ASSERT_NE(fourth, 0);
  auto [old_status, superseded] = get("ent", "/api/submissions/" + std::to_string(third));
  ASSERT_EQ(old_status, 200);
  EXPECT_EQ(superseded["state"], "rejected");
  EXPECT_EQ(superseded["reason"], "superseded by #" + std::to_string(fourth));
}

}  // namespace
}  // namespace zhizao::testing
