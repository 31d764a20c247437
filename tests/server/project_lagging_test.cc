// /api/projects carries the contract's lagging projects (src/steering) for the dashboard: over
// tests/data/cli/small, PJ3's completion was planned for 2021-03-31 and came on 2021-04-30, so it
// lags at the end of March (0 days late) and no longer at the end of April.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

class ProjectLaggingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  std::pair<int, json> get(const std::string& user, const std::string& path) {
    auto response = server_->client()->Get(path.c_str(), TestServer::session(server_->login(user)));
    EXPECT_TRUE(response) << path;
    if (!response) return {0, json()};
    return {response->status, json::parse(response->body)};
  }

  static TestServer* server_;
};

TestServer* ProjectLaggingTest::server_ = nullptr;

TEST_F(ProjectLaggingTest, ListShowsWhichProjectsLagAndHowLate) {
  auto [status, body] = get("city", "/api/projects?period=2021-03");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["lagging"], json({"PJ3"}));
  const json& projects = body["projects"];
  ASSERT_EQ(projects.size(), 3u);
  EXPECT_EQ(projects[0]["lagging"], false);
  EXPECT_TRUE(projects[0]["days_late"].is_null());
  EXPECT_TRUE(projects[0]["lag_kind"].is_null());
  EXPECT_EQ(projects[2]["id"], "PJ3");
  EXPECT_EQ(projects[2]["lagging"], true);
  EXPECT_EQ(projects[2]["days_late"], 0);
  EXPECT_EQ(projects[2]["lag_kind"], "completion");
  EXPECT_EQ(projects[2]["campaign"], "");
}

TEST_F(ProjectLaggingTest, NoneLagsAtTheEndOfApril) {
  auto [status, body] = get("city", "/api/projects?period=2021-04");
  ASSERT_EQ(status, 200) << body;
  EXPECT_TRUE(body["lagging"].empty());
  auto [one_status, one] = get("city", "/api/projects/PJ3?period=2021-03");
  ASSERT_EQ(one_status, 200) << one;
  EXPECT_EQ(one["lagging"], true);
  EXPECT_EQ(one["days_late"], 0);
}

TEST_F(ProjectLaggingTest, ACountySeesOnlyItsOwnLaggingProjects) {
  auto [status, body] = get("county", "/api/projects?period=2021-03");
  ASSERT_EQ(status, 200) << body;
  EXPECT_TRUE(body["lagging"].empty());  // the county user's area holds PJ1 only
}

}  // namespace
}  // namespace zhizao::testing
