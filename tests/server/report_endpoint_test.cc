// /api/report and the drill-downs give the CLI's JSON byte for byte, restricted to a county
// user's county; /api/trend, /api/periods and the enterprise endpoints give what docs/api.md says.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "columnar/report_input.h"
#include "engine/engine.h"
#include "report/render.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

std::string cli_json(const std::string& db_path, const std::string& period, WindowKind window,
                     const std::string& scope) {
  auto db = Database::open(db_path, OpenMode::kMustExist);
  EXPECT_TRUE(db);
  auto dataset = (*db)->load();
  EXPECT_TRUE(dataset);
  ReportRequest request{parse_year_month(period).value(), window, scope};
  // As `zhizao report --no-snapshot`: the engine's figures and the v2 figures beside them.
  auto report = ReportInput::of_dataset(std::move(*dataset)).report(request);
  EXPECT_TRUE(report);
  return render_report(*report, ReportFormat::kJson, Language::kZh);
}

// Runs the zhizao binary when it is built; returns its standard output.
std::optional<std::string> run_binary(const std::string& arguments) {
  if (!std::filesystem::exists(ZHIZAO_BINARY)) return std::nullopt;
  std::string command = std::string(ZHIZAO_BINARY) + " " + arguments;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  if (::pclose(pipe) != 0) return std::nullopt;
  return out;
}

class ReportEndpointTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  httplib::Result get(const std::string& user, const std::string& path) {
    return server_->client()->Get(path.c_str(), TestServer::session(server_->login(user)));
  }

  static TestServer* server_;
};

TestServer* ReportEndpointTest::server_ = nullptr;

TEST_F(ReportEndpointTest, ReportIsTheCliJsonByteForByte) {
  auto cumulative = get("city", "/api/report?period=2021-04");
  ASSERT_TRUE(cumulative);
  EXPECT_EQ(cumulative->status, 200);
  EXPECT_EQ(cumulative->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(cumulative->body, cli_json(server_->db_path(), "2021-04", WindowKind::kCumulative, ""));
  auto monthly = get("admin", "/api/report?period=2021-03&monthly=1");
  ASSERT_TRUE(monthly);
  EXPECT_EQ(monthly->body, cli_json(server_->db_path(), "2021-03", WindowKind::kMonthly, ""));
  auto scoped = get("city", "/api/report?period=2021-04&scope=410305");
  ASSERT_TRUE(scoped);
  EXPECT_EQ(scoped->body,
            cli_json(server_->db_path(), "2021-04", WindowKind::kCumulative, "410305"));
}

TEST_F(ReportEndpointTest, ReportEqualsTheBinarysOutput) {
  auto printed = run_binary("report --db " + server_->db_path() + " --period 2021-04 --json");
  if (!printed) GTEST_SKIP() << "zhizao binary not built";
  auto response = get("city", "/api/report?period=2021-04");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, *printed);
}

TEST_F(ReportEndpointTest, CountyUsersGetTheirCountysReport) {
  auto own = get("county", "/api/report?period=2021-04");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 200);
  EXPECT_EQ(own->body, cli_json(server_->db_path(), "2021-04", WindowKind::kCumulative, "410302"));
  EXPECT_NE(own->body, cli_json(server_->db_path(), "2021-04", WindowKind::kCumulative, ""));
  auto outside = get("county", "/api/report?period=2021-04&scope=410305");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 403);
  auto unknown = get("county", "/api/report?period=2021-04&scope=nowhere");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 403);
  auto group = get("county", "/api/report?period=2021-04&scope=luoyang-metro");
  ASSERT_TRUE(group);
  EXPECT_EQ(group->status, 403);
}

TEST_F(ReportEndpointTest, BadPeriodsAre400) {
  for (const char* path : {"/api/report", "/api/report?period=2021-13", "/api/report?period=x",
                           "/api/report?period=2021-01", "/api/trend?period=2021-04&months=0",
                           "/api/trend?period=2021-04&months=abc"}) {
    auto response = get("city", path);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << path << response->body;
    EXPECT_EQ(json::parse(response->body)["error"]["code"], "bad_request") << path;
  }
}

TEST_F(ReportEndpointTest, DrillDownIsTheExplainJson) {
  auto response = get("city", "/api/divisions/34?period=2021-04");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  auto db = Database::open(server_->db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(db);
  auto dataset = (*db)->load();
  ASSERT_TRUE(dataset);
  ReportRequest request{YearMonth{2021, 4}, WindowKind::kCumulative, ""};
  auto explanation = explain(*dataset, request, ExplainTarget{ExplainKind::kDivision, "34"});
  ASSERT_TRUE(explanation);
  EXPECT_EQ(response->body, render_explanation(*explanation, ReportFormat::kJson, Language::kZh));
  json body = json::parse(response->body);
  ASSERT_EQ(body["enterprises"].size(), 1u);
  EXPECT_EQ(body["enterprises"][0]["uscc"], kOwnUscc);

  auto unknown = get("city", "/api/divisions/99?period=2021-04");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ReportEndpointTest, CountyDrillDownsStayInTheCounty) {
  auto industry = get("county", "/api/industry?period=2021-04");
  ASSERT_TRUE(industry);
  ASSERT_EQ(industry->status, 200);
  json body = json::parse(industry->body);
  ASSERT_EQ(body["enterprises"].size(), 1u);
  EXPECT_EQ(body["enterprises"][0]["uscc"], kOwnUscc);
}

TEST_F(ReportEndpointTest, TrendHasOnePointPerMonthWithoutJanuary) {
  auto response = get("city", "/api/trend?period=2021-04&months=4");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  json points = json::parse(response->body)["points"];
  ASSERT_EQ(points.size(), 3u);  // 2021-01 is released with February
  EXPECT_EQ(points[0]["period"], "2021-02");
  EXPECT_EQ(points[2]["period"], "2021-04");
  json report = json::parse(cli_json(server_->db_path(), "2021-04", WindowKind::kCumulative, ""));
  EXPECT_EQ(points[2]["value_added_growth"], report["industry"]["value_added_growth"]);
}

TEST_F(ReportEndpointTest, PeriodsListTheMonthsWithData) {
  auto response = get("ent", "/api/periods");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  json body = json::parse(response->body);
  EXPECT_EQ(body["periods"].front(), "2020-01");
  EXPECT_EQ(body["latest"], "2021-04");
  EXPECT_EQ(body["periods"].size(), 8u);
}

TEST_F(ReportEndpointTest, EnterpriseMonthsForItsOwnUser) {
  auto response = get("ent", std::string("/api/enterprises/") + kOwnUscc + "/months");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  json body = json::parse(response->body);
  EXPECT_EQ(body["uscc"], kOwnUscc);
  EXPECT_EQ(body["name"], "演示甲轴承有限公司");
  json months = body["months"];
  ASSERT_EQ(months.size(), 8u);
  EXPECT_EQ(months[0]["period"], "2020-01");
  EXPECT_EQ(months[0]["output"], 1020.0);
  EXPECT_EQ(months[0]["value_added"], 306.0);
  EXPECT_TRUE(months[0]["output_prev"].is_null());
  EXPECT_EQ(months[7]["period"], "2021-04");
  EXPECT_EQ(months[7]["output"], 1274.4);
  EXPECT_EQ(months[7]["in_scope"], true);

  auto record = get("ent", std::string("/api/enterprises/") + kOwnUscc);
  ASSERT_TRUE(record);
  json enterprise = json::parse(record->body);
  EXPECT_EQ(enterprise["region"], "410302");
  EXPECT_EQ(enterprise["division"], "34");
  EXPECT_EQ(enterprise["key"], true);
  EXPECT_EQ(enterprise["chains"], json::array({"C1"}));
  // Lower case in the path is the same code.
  auto lower = get("ent", "/api/enterprises/91410302ma400001xm");
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->status, 200);
}

}  // namespace
}  // namespace zhizao::testing
