// /api/projects and /api/projects/ID over tests/data/cli/small (three projects), with values
// computed by hand from projects.csv and project_progress.csv, and totals equal to the report's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

class ProjectEndpointTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Returns the status and the parsed body of GET `path` as `user`.
  std::pair<int, json> get(const std::string& user, const std::string& path) {
    auto response = server_->client()->Get(path.c_str(), TestServer::session(server_->login(user)));
    EXPECT_TRUE(response) << path;
    if (!response) return {0, json()};
    return {response->status, json::parse(response->body)};
  }

  static TestServer* server_;
};

TestServer* ProjectEndpointTest::server_ = nullptr;

// PJ1 (410302): started 2021-02-01 (planned 02-15), completion planned 2021-12-31, plan 12000,
// 1500 + 2000 + 2500 in 2021. PJ2 (410305): started 2021-04-30 (planned 05-10), plan 20000, 800.
// PJ3 (410303): started 2020, completion planned 2021-03-31 and done 2021-04-30, plan 10000,
// 3000 + 2000 + 1000 + 500 in 2021 (the 4000 of 2020-12 is another year).
TEST_F(ProjectEndpointTest, ListsEveryProjectWithItsYearToDateFigures) {
  auto [status, body] = get("city", "/api/projects?period=2021-04");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["period"], "2021-04");
  EXPECT_EQ(body["window"]["from"], "2021-01");
  EXPECT_EQ(body["window"]["to"], "2021-04");
  EXPECT_TRUE(body["scope"].is_null());
  const json& projects = body["projects"];
  ASSERT_EQ(projects.size(), 3u);

  const json& pj1 = projects[0];
  EXPECT_EQ(pj1["id"], "PJ1");
  EXPECT_EQ(pj1["name"], "演示轴承扩产项目");
  EXPECT_EQ(pj1["region"], "410302");
  EXPECT_EQ(pj1["region_name"], "老城区");
  EXPECT_EQ(pj1["chain_name"], "轴承");
  EXPECT_EQ(pj1["park_name"], "演示装备产业园");
  EXPECT_EQ(pj1["total_investment"], 50000.0);
  EXPECT_EQ(pj1["planned_start"], "2021-02-15");
  EXPECT_EQ(pj1["actual_start"], "2021-02-01");
  EXPECT_TRUE(pj1["actual_completion"].is_null());
  EXPECT_EQ(pj1["investment"], 6000.0);
  EXPECT_DOUBLE_EQ(pj1["investment_share"].get<double>(), 50.0);
  EXPECT_EQ(pj1["stage"], "started");
  EXPECT_EQ(pj1["planned_start_in_window"], true);
  EXPECT_EQ(pj1["started_in_window"], true);
  EXPECT_EQ(pj1["planned_completion_in_window"], false);
  EXPECT_EQ(pj1["planned_completion_in_year"], true);

  const json& pj2 = projects[1];
  EXPECT_EQ(pj2["investment"], 800.0);
  EXPECT_DOUBLE_EQ(pj2["investment_share"].get<double>(), 4.0);
  EXPECT_EQ(pj2["planned_start_in_window"], false);  // planned for May
  EXPECT_EQ(pj2["planned_start_in_year"], true);
  EXPECT_EQ(pj2["started_in_window"], true);  // 30 April
  EXPECT_EQ(pj2["planned_completion_in_year"], false);

  const json& pj3 = projects[2];
  EXPECT_EQ(pj3["investment"], 6500.0);
  EXPECT_EQ(pj3["stage"], "completed");
  EXPECT_EQ(pj3["started_in_window"], false);
  EXPECT_EQ(pj3["planned_completion_in_window"], true);
  EXPECT_EQ(pj3["completed_in_window"], true);

  const json& totals = body["totals"];
  EXPECT_EQ(totals["investment"], 13300.0);
  EXPECT_EQ(totals["planned_starts"], 1);
  EXPECT_EQ(totals["actual_starts"], 2);
  EXPECT_EQ(totals["year_planned_starts"], 2);
  EXPECT_DOUBLE_EQ(totals["start_share"].get<double>(), 100.0);
  EXPECT_EQ(totals["actual_completions"], 1);
  EXPECT_EQ(totals["year_planned_completions"], 2);
  EXPECT_DOUBLE_EQ(totals["completion_share"].get<double>(), 50.0);
  EXPECT_EQ(totals["year_plan_investment"], 42000.0);
  EXPECT_DOUBLE_EQ(totals["investment_share"].get<double>(), 100.0 * 13300 / 42000);
}

TEST_F(ProjectEndpointTest, TotalsAreTheReportsProjectFigures) {
  for (const auto& [user, query] :
       std::vector<std::pair<std::string, std::string>>{{"city", "period=2021-04"},
                                                        {"city", "period=2021-03&monthly=1"},
                                                        {"city", "period=2021-04&scope=410305"},
                                                        {"county", "period=2021-04"},
                                                        {"admin", "period=2021-02"}}) {
    auto [status, projects] = get(user, "/api/projects?" + query);
    auto [report_status, report] = get(user, "/api/report?" + query);
    ASSERT_EQ(status, 200) << query;
    ASSERT_EQ(report_status, 200) << query;
    EXPECT_EQ(projects["totals"], report["projects"]) << user << " " << query;
    // The rows add up to the totals.
    double investment = 0;
    for (const json& row : projects["projects"]) investment += row["investment"].get<double>();
    EXPECT_DOUBLE_EQ(investment, report["projects"]["investment"].get<double>()) << query;
    // So do the counts: each flag is the project's part in one count of the report.
    for (const auto& [flag, count] : std::vector<std::pair<std::string, std::string>>{
             {"planned_start_in_window", "planned_starts"},
             {"started_in_window", "actual_starts"},
             {"planned_start_in_year", "year_planned_starts"},
             {"planned_completion_in_window", "planned_completions"},
             {"completed_in_window", "actual_completions"},
             {"planned_completion_in_year", "year_planned_completions"}}) {
      long flagged = 0;
      for (const json& row : projects["projects"]) flagged += row[flag].get<bool>() ? 1 : 0;
      EXPECT_EQ(flagged, report["projects"][count].get<long>()) << query << " " << flag;
    }
  }
}

TEST_F(ProjectEndpointTest, CountyUsersSeeTheirCountysProjects) {
  auto [status, body] = get("county", "/api/projects?period=2021-04");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(body["scope"], "410302");
  ASSERT_EQ(body["projects"].size(), 1u);
  EXPECT_EQ(body["projects"][0]["id"], "PJ1");
  EXPECT_EQ(body["totals"]["investment"], 6000.0);

  EXPECT_EQ(get("county", "/api/projects?period=2021-04&scope=410305").first, 403);
  EXPECT_EQ(get("county", "/api/projects?period=2021-04&scope=nowhere").first, 403);
  EXPECT_EQ(get("county2", "/api/projects/PJ1?period=2021-04").first, 403);
  // A project that does not exist answers like one outside the county.
  auto [absent_status, absent] = get("county2", "/api/projects/NOPE?period=2021-04");
  auto [outside_status, outside] = get("county2", "/api/projects/PJ3?period=2021-04");
  EXPECT_EQ(absent_status, 403);
  EXPECT_EQ(absent, outside);
}

TEST_F(ProjectEndpointTest, OneProjectWithItsMonthlyProgress) {
  auto [status, body] = get("county", "/api/projects/PJ1?period=2021-03");
  ASSERT_EQ(status, 200) << body;
  EXPECT_EQ(body["id"], "PJ1");
  EXPECT_EQ(body["period"], "2021-03");
  EXPECT_EQ(body["investment"], 3500.0);  // 1500 + 2000
  // The months of the window only: April's 2500 is not known in a 1–3月 view.
  ASSERT_EQ(body["progress"].size(), 2u);
  EXPECT_EQ(body["progress"][0], json({{"period", "2021-02"}, {"investment", 1500.0}}));
  EXPECT_EQ(body["progress"][1], json({{"period", "2021-03"}, {"investment", 2000.0}}));
  EXPECT_EQ(body["investment_to_date"], 3500.0);

  auto [early_status, early] = get("admin", "/api/projects/PJ3?period=2021-01");
  ASSERT_EQ(early_status, 200);
  EXPECT_EQ(early["investment"], 3000.0);
  EXPECT_EQ(early["stage"], "started");
  // 2020-12 is before the year: in investment_to_date (4000 + 3000), not in the year's months.
  ASSERT_EQ(early["progress"].size(), 1u);
  EXPECT_EQ(early["progress"][0], json({{"period", "2021-01"}, {"investment", 3000.0}}));
  EXPECT_EQ(early["investment_to_date"], 7000.0);

  EXPECT_EQ(get("city", "/api/projects/NOPE?period=2021-04").first, 404);
}

// Issue #18, item 8: a 1–3月 view shows nothing that happened after March. PJ3's completion was
// planned for 2021-03-31 and came on 2021-04-30; PJ2 started on 2021-04-30.
TEST_F(ProjectEndpointTest, AViewIsCutAtThePeriodsEnd) {
  auto [status, body] = get("city", "/api/projects?period=2021-03");
  ASSERT_EQ(status, 200) << body;
  const json& pj2 = body["projects"][1];
  const json& pj3 = body["projects"][2];
  ASSERT_EQ(pj3["id"], "PJ3");
  EXPECT_TRUE(pj3["actual_completion"].is_null());  // 2021-04-30 is after March
  EXPECT_EQ(pj3["actual_start"], "2020-11-01");
  EXPECT_EQ(pj3["stage"], "started");
  EXPECT_EQ(pj3["planned_completion_in_window"], true);
  EXPECT_EQ(pj3["completed_in_window"], false);
  EXPECT_EQ(pj3["completion_overdue"], true);  // 应竣未竣
  EXPECT_EQ(pj3["start_overdue"], false);
  EXPECT_EQ(pj3["investment"], 6000.0);  // 3000 + 2000 + 1000, not April's 500
  ASSERT_EQ(pj2["id"], "PJ2");
  EXPECT_TRUE(pj2["actual_start"].is_null());
  EXPECT_EQ(pj2["stage"], "planned");
  EXPECT_EQ(pj2["start_overdue"], false);  // planned for May
  EXPECT_EQ(pj2["investment"], 0.0);

  // The detail says the same as its row.
  auto [detail_status, detail] = get("city", "/api/projects/PJ3?period=2021-03");
  ASSERT_EQ(detail_status, 200);
  for (const char* key :
       {"actual_start", "actual_completion", "stage", "investment", "completion_overdue",
        "planned_completion_in_window", "completed_in_window"}) {
    EXPECT_EQ(detail[key], pj3[key]) << key;
  }
  for (const json& month : detail["progress"])
    EXPECT_LE(month["period"].get<std::string>(), "2021-03");

  // In April the completion has happened and is no longer overdue.
  auto [april_status, april] = get("city", "/api/projects/PJ3?period=2021-04");
  ASSERT_EQ(april_status, 200);
  EXPECT_EQ(april["actual_completion"], "2021-04-30");
  EXPECT_EQ(april["stage"], "completed");
  EXPECT_EQ(april["completion_overdue"], false);
}

// Overdue is the data contract's v2 "lagging": planned on or before the period's end, not done
// by then, whatever year it was planned in. PJ3 was to start on 2020-10-01 and started on
// 2020-11-01.
TEST_F(ProjectEndpointTest, OverdueMilestonesOfEarlierYearsCount) {
  auto [october_status, october] = get("admin", "/api/projects/PJ3?period=2020-10");
  ASSERT_EQ(october_status, 200);
  EXPECT_EQ(october["start_overdue"], true);
  EXPECT_TRUE(october["actual_start"].is_null());
  auto [later_status, later] = get("admin", "/api/projects/PJ3?period=2021-02");
  ASSERT_EQ(later_status, 200);
  EXPECT_EQ(later["start_overdue"], false);
  EXPECT_EQ(later["planned_start_in_window"], false);  // planned in 2020
}

TEST_F(ProjectEndpointTest, BadRequestsAndEnterprises) {
  for (const char* path :
       {"/api/projects", "/api/projects?period=2021-13", "/api/projects?period=x",
        "/api/projects?period=2021-04&scope=nowhere", "/api/projects/PJ1"}) {
    auto [status, body] = get("city", path);
    EXPECT_EQ(status, 400) << path << body;
    EXPECT_EQ(body["error"]["code"], "bad_request") << path;
  }
  EXPECT_EQ(get("ent", "/api/projects?period=2021-04").first, 403);
  EXPECT_EQ(get("ent", "/api/projects/PJ1?period=2021-04").first, 403);
}

}  // namespace
}  // namespace zhizao::testing
