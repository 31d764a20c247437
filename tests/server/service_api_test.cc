// The enterprise service registers and figures of the API (issue 14): assignments and visits
// kept through POST /api/assignments and /api/visits with their scopes, refusals, revisions and
// audit rows, and GET /api/service equal to the report's `service` for the same request.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "ingest/importer.h"
#include "server/case_actions.h"
#include "server_fixture.h"
#include "service/service_dates.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

// A valid code nobody registered.
constexpr const char* kAbsentUscc = "91410302MA4000099X";

class ServiceApiTest : public ::testing::Test {
 protected:
  httplib::Result get(const std::string& user, const std::string& path) {
    return client_->Get(path.c_str(), TestServer::session(token(user)));
  }
  // Gets and expects `status`; returns the answer's JSON.
  json read(const std::string& user, const std::string& path, int status = 200) {
    httplib::Result answer = get(user, path);
    EXPECT_TRUE(answer) << path;
    if (!answer) return json();
    EXPECT_EQ(answer->status, status) << user << " " << path << ": " << answer->body;
    return json::parse(answer->body, nullptr, false);
  }
  // Posts and expects `status`; returns the answer's JSON.
  json expect(const std::string& user, const std::string& path, const json& body, int status) {
    httplib::Result answer = client_->Post(path.c_str(), TestServer::session(token(user)),
                                           body.dump(), "application/json");
    EXPECT_TRUE(answer) << path;
    if (!answer) return json();
    EXPECT_EQ(answer->status, status) << user << " " << path << ": " << answer->body;
    return json::parse(answer->body, nullptr, false);
  }
  std::string token(const std::string& user) {
    auto found = tokens_.find(user);
    if (found != tokens_.end()) return found->second;
    return tokens_[user] = server_.login(user);
  }

  TestServer server_;
  std::unique_ptr<httplib::Client> client_ = server_.client();
  std::map<std::string, std::string> tokens_;
};

json assignment(const std::string& uscc, const std::string& department, const json& cadres) {
  return {{"uscc", uscc}, {"department", department}, {"cadres", cadres}};
}

TEST_F(ServiceApiTest, AssignmentsAreScopedRevisedAndAudited) {
  json set = expect("city", "/api/assignments",
                    assignment(kOwnUscc, "工信局", {"张三", "李四", "张三"}), 200);
  EXPECT_EQ(set["cadres"], json::array({"张三", "李四"}));  // distinct, by name
  EXPECT_EQ(set["revision"], 1);
  EXPECT_TRUE(set["before"].is_null());
  EXPECT_EQ(set["region"], "410302");
  expect("county2", "/api/assignments", assignment(kOtherUscc, "发改委", {"王五"}), 200);

  // Refusals: enterprises write nothing, counties only their area, unknown enterprises, bodies.
  expect("ent", "/api/assignments", assignment(kOwnUscc, "工信局", {"x"}), 403);
  expect("county2", "/api/assignments", assignment(kOwnUscc, "工信局", {"x"}), 403);
  expect("city", "/api/assignments", assignment(kAbsentUscc, "工信局", {"x"}), 404);
  expect("county", "/api/assignments", assignment(kAbsentUscc, "工信局", {"x"}), 403);
  expect("city", "/api/assignments", {{"uscc", kOwnUscc}, {"department", "工信局"}}, 400);
  expect("city", "/api/assignments", assignment(kOwnUscc, "", {"x"}), 400);
  expect("city", "/api/assignments", assignment(kOwnUscc, "工信局", "张三"), 400);
  expect("city", "/api/assignments", assignment(kOwnUscc, "工信局", {"  "}), 400);
  expect("city", "/api/assignments", assignment(kOwnUscc, "工信局", {3}), 400);

  // Each reads its own: sorted by uscc, cadre, department.
  json all = read("city", "/api/assignments");
  ASSERT_EQ(all["assignments"].size(), 3u);
  EXPECT_EQ(all["assignments"][0]["cadre"], "张三");
  EXPECT_EQ(all["assignments"][1]["cadre"], "李四");
  EXPECT_EQ(all["assignments"][0]["name"], "演示甲轴承有限公司");
  EXPECT_EQ(all["assignments"][2]["uscc"], kOtherUscc);
  EXPECT_EQ(read("county", "/api/assignments")["assignments"].size(), 2u);
  EXPECT_EQ(read("county2", "/api/assignments")["assignments"].size(), 1u);
  EXPECT_EQ(read("ent", "/api/assignments")["assignments"].size(), 2u);
  EXPECT_EQ(read("ent2", "/api/assignments")["assignments"].size(), 1u);
  EXPECT_EQ(read("city", "/api/assignments?cadre=王五")["assignments"].size(), 1u);
  read("county2", std::string("/api/assignments?uscc=") + kOwnUscc, 403);
  read("ent", std::string("/api/assignments?uscc=") + kOtherUscc, 403);
  read("city", std::string("/api/assignments?uscc=") + kAbsentUscc, 404);

  // Replacing keeps the record before as a revision; [] removes the department's cadres.
  json replaced =
      expect("county", "/api/assignments", assignment(kOwnUscc, "工信局", {"赵六"}), 200);
  EXPECT_EQ(replaced["revision"], 2);
  EXPECT_EQ(replaced["before"]["cadres"], json::array({"张三", "李四"}));
  json own = read("ent", std::string("/api/assignments?uscc=") + kOwnUscc);
  ASSERT_EQ(own["assignments"].size(), 1u);
  EXPECT_EQ(own["assignments"][0]["cadre"], "赵六");
  EXPECT_EQ(own["assignments"][0]["revision"], 2);
  json removed =
      expect("city", "/api/assignments", assignment(kOwnUscc, "工信局", json::array()), 200);
  EXPECT_EQ(removed["revision"], 3);
  EXPECT_EQ(read("county", "/api/assignments")["assignments"].size(), 0u);

  std::string audit = read("admin", "/api/audit?action=assignment.set").dump();
  EXPECT_NE(audit.find("赵六"), std::string::npos);
  EXPECT_NE(audit.find("county2"), std::string::npos);
}

TEST_F(ServiceApiTest, VisitsAreCheckedScopedAndRevised) {
  const CivilDate today = server::china_today();
  json visit = {{"uscc", kOwnUscc},
                {"date", "2021-04-12"},
                {"cadre", "张三"},
                {"findings", "订单饱满，用工紧张"}};
  json logged = expect("county", "/api/visits", visit, 201);
  EXPECT_EQ(logged["revision"], 1);
  EXPECT_EQ(logged["name"], "演示甲轴承有限公司");
  visit["findings"] = "订单饱满，已协调招工";
  json again = expect("city", "/api/visits", visit, 200);
  EXPECT_EQ(again["revision"], 2);
  EXPECT_EQ(again["before"]["findings"], "订单饱满，用工紧张");
  // Without a date it is today's, without a cadre the user's.
  json now = expect("county2", "/api/visits", {{"uscc", kOtherUscc}}, 201);
  EXPECT_EQ(now["date"], today.to_string());
  EXPECT_EQ(now["cadre"], "county2");

  // Refusals: bad and future dates, unknown enterprises, other areas, enterprises, bodies.
  for (const char* date : {"2021-02-30", "2021-13-01", "yesterday"}) {
    expect("city", "/api/visits", {{"uscc", kOwnUscc}, {"date", date}}, 400);
  }
  expect("city", "/api/visits",
         {{"uscc", kOwnUscc}, {"date", civil_add_days(today, 1).to_string()}}, 400);
  expect("city", "/api/visits", {{"date", "2021-04-12"}}, 400);
  expect("city", "/api/visits", {{"uscc", kOwnUscc}, {"findings", 7}}, 400);
  expect("city", "/api/visits", {{"uscc", kAbsentUscc}}, 404);
  expect("county", "/api/visits", {{"uscc", kAbsentUscc}}, 403);
  expect("county2", "/api/visits", {{"uscc", kOwnUscc}}, 403);
  expect("ent", "/api/visits", {{"uscc", kOwnUscc}}, 403);
  httplib::Result not_json = client_->Post("/api/visits", TestServer::session(token("city")),
                                           "uscc=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(not_json);
  EXPECT_EQ(not_json->status, 400);

  // Reading: filters, scopes and bad filters.
  EXPECT_EQ(read("city", "/api/visits")["visits"].size(), 2u);
  json april = read("city", "/api/visits?period=2021-04");
  ASSERT_EQ(april["visits"].size(), 1u);
  EXPECT_EQ(april["visits"][0]["findings"], "订单饱满，已协调招工");
  EXPECT_EQ(april["visits"][0]["revision"], 2);
  EXPECT_EQ(read("city", "/api/visits?from=2021-04-13")["visits"].size(), 1u);
  EXPECT_EQ(read("city", "/api/visits?to=2021-04-12&cadre=张三")["visits"].size(), 1u);
  EXPECT_EQ(read("county", "/api/visits")["visits"].size(), 1u);
  EXPECT_EQ(read("ent2", "/api/visits")["visits"].size(), 1u);
  read("ent2", std::string("/api/visits?uscc=") + kOwnUscc, 403);
  read("city", "/api/visits?from=2021-04-31", 400);
  read("city", "/api/visits?period=2021-4x", 400);
  read("city", std::string("/api/visits?uscc=") + kAbsentUscc, 404);

  std::string audit = read("admin", "/api/audit?action=visit.log").dump();
  EXPECT_NE(audit.find("已协调招工"), std::string::npos);
}

TEST_F(ServiceApiTest, ServiceFiguresAreTheReportsService) {
  expect("city", "/api/assignments", assignment(kOwnUscc, "工信局", {"张三"}), 200);
  expect("city", "/api/assignments", assignment(kOtherUscc, "发改委", {"李四"}), 200);
  expect("city", "/api/visits", {{"uscc", kOwnUscc}, {"date", "2021-04-03"}, {"cadre", "张三"}},
         201);
  // A visit in another month and one by someone else do not count for the cadre of April.
  expect("city", "/api/visits", {{"uscc", kOtherUscc}, {"date", "2021-03-30"}, {"cadre", "李四"}},
         201);

  json service = read("city", "/api/service?period=2021-04");
  EXPECT_EQ(service["period"], "2021-04");
  const json& figures = service["service"];
  EXPECT_DOUBLE_EQ(figures["visit_coverage"].get<double>(), 50.0);
  EXPECT_EQ(figures["unvisited"], json::array({kOtherUscc}));
  EXPECT_EQ(service["unvisited_names"][kOtherUscc], "演示乙铝业有限公司");
  EXPECT_EQ(figures["cases_resolved"], 0);
  EXPECT_TRUE(figures["mean_rating"].is_null());
  ASSERT_EQ(figures["cadres"].size(), 2u);
  EXPECT_EQ(figures["counties"].size(), 2u);
  // Exactly the report's key for the same request.
  json report = read("city", "/api/report?period=2021-04");
  EXPECT_EQ(figures, report["service"]);
  json monthly = read("city", "/api/service?period=2021-04&monthly=1");
  EXPECT_EQ(monthly["service"], read("city", "/api/report?period=2021-04&monthly=1")["service"]);

  // A county sees its own area; scopes outside it, enterprises and bad periods are refused.
  json county = read("county", "/api/service?period=2021-04");
  EXPECT_DOUBLE_EQ(county["service"]["visit_coverage"].get<double>(), 100.0);
  EXPECT_EQ(county["scope"], "410302");
  EXPECT_EQ(county["service"], read("county", "/api/report?period=2021-04")["service"]);
  read("county", "/api/service?period=2021-04&scope=410305", 403);
  read("ent", "/api/service?period=2021-04", 403);
  read("city", "/api/service", 400);
  read("city", "/api/service?period=2021-4x", 400);
  read("city", "/api/service?period=2021-01", 400);
  read("city", "/api/service?period=2030-04", 404);
}

// The registers as the bureau keeps them: an .xlsx of the caller's rows that imports back into a
// database holding the same enterprises as the same rows.
TEST_F(ServiceApiTest, RegistersExportAsWorkbooksThatImportBack) {
  expect("city", "/api/assignments", assignment(kOwnUscc, "工信局", {"张三", "李四"}), 200);
  expect("city", "/api/assignments", assignment(kOtherUscc, "发改委", {"王五"}), 200);
  expect("city", "/api/visits",
         {{"uscc", kOwnUscc}, {"date", "2021-04-03"}, {"cadre", "张三"}, {"findings", "订单饱满"}},
         201);
  // Raised with its department: cases.csv requires one (a case not yet assigned has none, and
  // its exported row would be refused on import — a question for the contract).
  expect("ent2", "/api/cases",
         {{"category", "用地"}, {"title", "用地指标"}, {"department", "自然资源局"}}, 201);

  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("zhizao_register_export_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // Imports the export of `register_name` as `user` into a new database with the enterprises of
  // tests/data/cli/small, and returns what it stored.
  auto round_trip = [&](const std::string& user, const std::string& register_name) {
    httplib::Result answer = get(user, "/api/service/export?register=" + register_name);
    EXPECT_TRUE(answer);
    if (!answer) return Dataset{};
    EXPECT_EQ(answer->status, 200) << answer->body;
    EXPECT_EQ(answer->get_header_value("Content-Type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_NE(answer->get_header_value("Content-Disposition").find(".xlsx"), std::string::npos);
    const std::filesystem::path file = dir / (user + "-" + register_name + ".xlsx");
    std::ofstream(file, std::ios::binary) << answer->body;
    const std::filesystem::path db_path = dir / (user + "-" + register_name + ".db");
    auto db = Database::open(db_path.string(), OpenMode::kCreateIfMissing);
    EXPECT_TRUE(db.has_value());
    if (!db) return Dataset{};
    const std::filesystem::path small = std::filesystem::path(ZHIZAO_TEST_DATA) / "cli" / "small";
    const std::vector<std::vector<std::string>> imports = {
        {(small / "chains.csv").string(), (small / "parks.csv").string(),
         (small / "enterprises.csv").string()},
        {file.string()}};
    for (const std::vector<std::string>& paths : imports) {
      Result<ImportOutcome> outcome = import_files(**db, paths, ImportOptions{});
      EXPECT_TRUE(outcome.has_value()) << paths.front();
      if (outcome) {
        EXPECT_EQ(outcome->errors, std::vector<std::string>{}) << paths.front();
      }
    }
    Result<Dataset> loaded = (*db)->load();
    EXPECT_TRUE(loaded.has_value());
    return loaded ? *loaded : Dataset{};
  };

  auto server_db = Database::open(server_.db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(server_db.has_value());
  Result<Dataset> served = (*server_db)->load();
  ASSERT_TRUE(served.has_value());
  ASSERT_EQ(served->cases.size(), 1u);
  EXPECT_EQ(round_trip("city", "assignments").assignments, served->assignments);
  EXPECT_EQ(round_trip("city", "visits").visits, served->visits);
  EXPECT_EQ(round_trip("city", "cases").cases, served->cases);
  // Scoped: the county of 410305 gets its own enterprise's rows only, an enterprise its own.
  std::vector<Assignment> other = round_trip("county2", "assignments").assignments;
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].cadre, "王五");
  EXPECT_EQ(round_trip("ent", "assignments").assignments.size(), 2u);
  EXPECT_TRUE(round_trip("ent", "cases").cases.empty());
  EXPECT_EQ(round_trip("ent2", "cases").cases, served->cases);
  EXPECT_EQ(get("city", "/api/service/export?register=meetings")->status, 400);
  EXPECT_EQ(get("city", "/api/service/export")->status, 400);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace zhizao::testing
