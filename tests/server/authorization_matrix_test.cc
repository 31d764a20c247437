// The authorization matrix of docs/api.md: every role × every endpoint, with the status each
// must answer. 403 for a record outside the caller's scope and for one that does not exist alike.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "server/case_actions.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

// Columns: no session, admin, city, county:410302, county:410305, enterprise (own), enterprise
// (other). A POST row with a body sends it as JSON.
constexpr std::array<const char*, 7> kRoles = {"",        "admin", "city", "county",
                                               "county2", "ent",   "ent2"};

struct Row {
  const char* method;
  std::string path;
  std::string body;
  std::array<int, 7> expected;
};

std::string own_submission() {
  return std::string(R"({"uscc": ")") + kOwnUscc +
         R"(", "period": "2021-05", "output": 1300, "value_added": 390, "electricity": 65})";
}

// The path of the first case the matrix raises today (case_store.h numbers them per day).
std::string first_case() {
  const CivilDate today = server::china_today();
  return fmt::format("/api/cases/SQ{:04d}{:02d}{:02d}-001", today.year, today.month, today.day);
}

std::vector<Row> matrix() {
  const std::string own = kOwnUscc;
  const std::string p = "?period=2021-04";
  // A valid code nobody registered.
  const std::string absent = "91410302MA4000099X";
  return {
      {"GET", "/api/health", "", {200, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/version", "", {200, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/openapi.json", "", {200, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/me", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/periods", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/report" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/report" + p + "&monthly=1", "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/report" + p + "&scope=410302", "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/report" + p + "&scope=410300", "", {401, 200, 200, 403, 403, 403, 403}},
      {"GET", "/api/trend" + p + "&months=3", "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/industry" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/manufacturing" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      // County 410305 has no enterprise of division 34 or chain C1: no such set in its report.
      {"GET", "/api/divisions/34" + p, "", {401, 200, 200, 200, 404, 403, 403}},
      {"GET", "/api/divisions/32" + p, "", {401, 200, 200, 404, 200, 403, 403}},
      {"GET", "/api/regions/410302" + p, "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/regions/410305" + p, "", {401, 200, 200, 403, 200, 403, 403}},
      {"GET", "/api/parks/P1" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/chains/C1" + p, "", {401, 200, 200, 200, 404, 403, 403}},
      {"GET", "/api/key-enterprises" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/projects" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/projects" + p + "&scope=410302", "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/projects/PJ1" + p, "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/projects/PJ2" + p, "", {401, 200, 200, 403, 200, 403, 403}},
      {"GET", "/api/projects/NOPE" + p, "", {401, 404, 404, 403, 403, 403, 403}},
      // Products (data contract v2): scoped as the report; a product code is not a scoped record.
      {"GET", "/api/products" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/products" + p + "&window=monthly", "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/products" + p + "&scope=410302", "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/products/NOPE" + p, "", {401, 404, 404, 404, 404, 403, 403}},
      {"GET", "/api/products/NOPE" + p + "&scope=410305", "", {401, 404, 404, 403, 404, 403, 403}},
      // Warnings (data contract v2): scoped as the report for city and counties; an enterprise
      // user gets the warnings about its own enterprise only, whatever scope it asks for.
      {"GET", "/api/warnings" + p, "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/warnings" + p + "&monthly=1", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/warnings" + p + "&scope=410302", "", {401, 200, 200, 200, 403, 200, 200}},
      {"GET", "/api/warnings" + p + "&scope=410300", "", {401, 200, 200, 403, 403, 200, 200}},
      {"GET", "/api/warnings", "", {401, 400, 400, 400, 400, 400, 400}},
      {"GET", "/api/warnings?period=2030-04", "", {401, 404, 404, 404, 404, 404, 404}},
      // Data quality (docs/methodology.md, "Data quality"): reviewers only; a county sees and
      // verifies its own area; enterprises nothing.
      {"GET", "/api/quality" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/quality" + p + "&scope=410302", "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/quality" + p + "&scope=410300", "", {401, 200, 200, 403, 403, 403, 403}},
      {"GET", "/api/quality", "", {401, 400, 400, 400, 400, 403, 403}},
      {"GET", "/api/quality/" + own + p, "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/quality/" + absent + p, "", {401, 404, 404, 403, 403, 403, 403}},
      // The documents with the appendix of open findings: scoped as the documents themselves.
      {"GET",
       "/api/report/document" + p + "&format=markdown&quality_appendix=1",
       "",
       {401, 200, 200, 200, 200, 403, 403}},
      {"GET",
       "/api/report/document" + p + "&format=text&quality_appendix=1&scope=410302",
       "",
       {401, 200, 200, 200, 403, 403, 403}},
      {"GET",
       "/api/report/analysis" + p + "&quality_appendix=1&scope=410300",
       "",
       {401, 200, 200, 403, 403, 403, 403}},
      {"POST",
       "/api/quality/verify",
       R"({"uscc": ")" + own +
           R"(", "check": "copied_last_year", "months": ["2021-04"], "note": "n"})",
       {401, 200, 200, 200, 403, 403, 403}},
      {"POST",
       "/api/quality/verify",
       R"({"uscc": ")" + absent +
           R"(", "check": "copied_last_year", "months": ["2021-04"], "note": "n"})",
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/quality/verify",
       R"({"uscc": ")" + own + R"(", "check": "guesswork", "months": ["2021-04"], "note": "n"})",
       {401, 400, 400, 400, 400, 403, 403}},
      // Daily electricity (data contract v2): city-wide figures; the small data has no readings.
      {"GET", "/api/nowcast" + p, "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/electricity/daily" + p, "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/enterprises/" + own, "", {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/enterprises/" + own + "/months", "", {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/enterprises/" + absent, "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/enterprises/" + absent + "/months", "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/audit", "", {401, 200, 403, 403, 403, 403, 403}},
      {"GET", "/api/users", "", {401, 200, 403, 403, 403, 403, 403}},
      {"POST",
       "/api/users",
       R"({"name": "x", "role": "city", "password": "p"})",
       {401, 400, 403, 403, 403, 403, 403}},
      {"POST", "/api/users/nobody/disable", "", {401, 404, 403, 403, 403, 403, 403}},
      {"GET", "/api/submissions", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/submissions?state=submitted", "", {401, 200, 200, 200, 200, 200, 200}},
      {"POST", "/api/submissions", own_submission(), {401, 403, 403, 403, 403, 201, 403}},
      {"GET", "/api/submissions/999999", "", {401, 404, 404, 404, 404, 404, 404}},
      {"POST",
       "/api/submissions/999999/review",
       R"({"decision": "approve"})",
       {401, 404, 404, 404, 404, 403, 403}},
      {"POST", "/api/users/nobody/revoke", "", {401, 404, 403, 403, 403, 403, 403}},
      {"POST", "/api/users/city/revoke", "", {401, 204, 403, 403, 403, 403, 403}},
      {"POST", "/api/logout", "", {401, 204, 204, 204, 204, 204, 204}},
      {"POST", "/api/logout-all", "", {401, 204, 204, 204, 204, 204, 204}},
      // Enterprise cases (issue 14): the POST row raises SQ<today>-001 (admin, for kOwnUscc in
      // 410302), -002 (city), -003 (county), -004 (ent); the rows after it act on -001.
      {"GET", "/api/cases", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/cases?view=meeting", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/cases?state=closed", "", {401, 400, 400, 400, 400, 400, 400}},
      {"GET", "/api/cases/NOPE", "", {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/cases",
       R"({"uscc": ")" + own + R"(", "category": "用电", "title": "t"})",
       {401, 201, 201, 201, 403, 201, 403}},
      {"GET", first_case(), "", {401, 200, 200, 200, 403, 200, 403}},
      {"POST", first_case() + "/evaluate", R"({"rating": 5})", {401, 403, 403, 403, 403, 409, 403}},
      {"POST",
       first_case() + "/assign",
       R"({"department": "工信局"})",
       {401, 200, 200, 200, 403, 403, 403}},
      {"POST", first_case() + "/progress", R"({"note": "n"})", {401, 200, 200, 200, 403, 403, 403}},
      {"POST", first_case() + "/resolve", "{}", {401, 200, 409, 409, 403, 403, 403}},
      {"POST", first_case() + "/evaluate", R"({"rating": 4})", {401, 403, 403, 403, 403, 200, 403}},
      {"POST", first_case() + "/reopen", R"({"reason": "r"})", {401, 403, 403, 403, 403, 200, 403}},
      {"POST",
       "/api/cases/NOPE/assign",
       R"({"department": "x"})",
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST", "/api/cases/NOPE/progress", R"({"note": "n"})", {401, 404, 404, 403, 403, 403, 403}},
      {"POST", "/api/cases/NOPE/resolve", "{}", {401, 404, 404, 403, 403, 403, 403}},
      {"POST", "/api/cases/NOPE/evaluate", R"({"rating": 5})", {401, 404, 404, 403, 403, 403, 403}},
      {"POST", "/api/cases/NOPE/reopen", R"({"reason": "r"})", {401, 404, 404, 403, 403, 403, 403}},
      // Enterprise service registers (issue 14): admin and city any enterprise, a county its area,
      // an enterprise reads its own and writes nothing. The first visit POST creates (201), the
      // next ones replace it (200).
      {"GET", "/api/assignments", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/assignments?uscc=" + own, "", {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/assignments?uscc=" + absent, "", {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/assignments",
       R"({"uscc": ")" + own + R"(", "department": "工信局", "cadres": ["张三"]})",
       {401, 200, 200, 200, 403, 403, 403}},
      {"POST",
       "/api/assignments",
       R"({"uscc": ")" + absent + R"(", "department": "工信局", "cadres": ["张三"]})",
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/assignments",
       R"({"uscc": ")" + own + R"(", "department": "工信局"})",
       {401, 400, 400, 400, 400, 403, 403}},
      {"GET", "/api/visits", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/visits?period=2021-04&uscc=" + own, "", {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/visits?uscc=" + absent, "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/visits?from=2021-02-30", "", {401, 400, 400, 400, 400, 400, 400}},
      {"POST",
       "/api/visits",
       R"({"uscc": ")" + own + R"(", "date": "2021-04-10", "cadre": "张三", "findings": "f"})",
       {401, 201, 200, 200, 403, 403, 403}},
      {"POST",
       "/api/visits",
       R"({"uscc": ")" + absent + R"(", "date": "2021-04-10"})",
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/visits",
       R"({"uscc": ")" + own + R"(", "date": "2021-04-31"})",
       {401, 400, 400, 400, 400, 403, 403}},
      {"GET", "/api/service" + p, "", {401, 200, 200, 200, 200, 403, 403}},
      {"GET", "/api/service" + p + "&scope=410302", "", {401, 200, 200, 200, 403, 403, 403}},
      {"GET", "/api/service", "", {401, 400, 400, 400, 400, 403, 403}},
      {"GET", "/api/service/export?register=visits", "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/service/export?register=nope", "", {401, 400, 400, 400, 400, 400, 400}},
      // Flood-season safety checks (issue 14, docs/api.md "Safety"): admin creates plan M1 (city
      // then finds it taken); the check rows record JC20210410-001 (admin), -002 (city), -003
      // (county) of kOwnUscc, the hazard rows YH20210410-001..003 of the first check; the rows
      // after them act on YH20210410-001, which has no proof file (the JSON body is no proof:
      // 415 for those who may upload one).
      {"POST",
       "/api/safety/plans",
       R"({"id": "M1", "name": "汛期", "kind": "尾矿库", "divisions": ["08", "34"], )"
       R"("from": "2021-01-01", "to": "2021-12-31"})",
       {401, 201, 409, 403, 403, 403, 403}},
      {"GET", "/api/safety" + p, "", {401, 200, 200, 200, 200, 200, 200}},
      {"GET", "/api/safety" + p + "&scope=410302", "", {401, 200, 200, 200, 403, 200, 200}},
      {"GET", "/api/safety", "", {401, 400, 400, 400, 400, 400, 400}},
      {"POST",
       "/api/safety/checks",
       R"({"plan": "M1", "uscc": ")" + own + R"(", "date": "2021-04-10", "inspector": "i"})",
       {401, 201, 201, 201, 403, 403, 403}},
      {"POST",
       "/api/safety/checks",
       R"({"plan": "M1", "uscc": ")" + absent + R"(", "date": "2021-04-10", "inspector": "i"})",
       {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/safety/checks",
       R"({"plan": "NOPE", "uscc": ")" + own + R"(", "date": "2021-04-10", "inspector": "i"})",
       {401, 404, 404, 404, 403, 403, 403}},
      {"GET", "/api/enterprises/" + own + "/safety", "", {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/enterprises/" + absent + "/safety", "", {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/safety/hazards",
       R"({"check": "JC20210410-001", "level": "major", "found": "2021-04-10"})",
       {401, 201, 201, 201, 403, 403, 403}},
      {"POST",
       "/api/safety/hazards",
       R"({"check": "NOPE", "level": "major"})",
       {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/safety/hazards/YH20210410-001", "", {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/safety/hazards/NOPE", "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/safety/hazards/YH20210410-001/proof", "", {401, 404, 404, 404, 403, 404, 403}},
      {"GET", "/api/safety/hazards/NOPE/proof", "", {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/safety/hazards/YH20210410-001/proof",
       "{}",
       {401, 415, 415, 415, 403, 415, 403}},
      {"POST", "/api/safety/hazards/NOPE/proof", "{}", {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/safety/hazards/YH20210410-001/rectify",
       R"({"rectified": "2021-04-20"})",
       {401, 409, 409, 409, 403, 403, 403}},
      {"POST",
       "/api/safety/hazards/YH20210410-001/reinspect",
       R"({"result": "passed"})",
       {401, 409, 409, 409, 403, 403, 403}},
      {"POST", "/api/safety/hazards/NOPE/rectify", "{}", {401, 404, 404, 403, 403, 403, 403}},
      {"POST",
       "/api/safety/hazards/NOPE/reinspect",
       R"({"result": "passed"})",
       {401, 404, 404, 403, 403, 403, 403}},
      // The registers' revision history (issue 14, server/revision_routes.cc): scoped as reading
      // the row itself.
      {"GET", first_case() + "/revisions", "", {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/cases/NOPE/revisions", "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET",
       "/api/safety/checks/JC20210410-001/revisions",
       "",
       {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/safety/checks/NOPE/revisions", "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET",
       "/api/safety/hazards/YH20210410-001/revisions",
       "",
       {401, 200, 200, 200, 403, 200, 403}},
      {"GET", "/api/safety/hazards/NOPE/revisions", "", {401, 404, 404, 403, 403, 403, 403}},
      {"GET", "/api/no-such-endpoint", "", {404, 404, 404, 404, 404, 404, 404}},
  };
}

TEST(AuthorizationMatrixTest, EveryRoleEveryEndpoint) {
  TestServer server;
  auto client = server.client();
  for (const Row& row : matrix()) {
    for (size_t column = 0; column < kRoles.size(); ++column) {
      std::string user = kRoles[column];
      httplib::Headers headers;
      if (!user.empty()) {
        std::string token = server.login(user);
        ASSERT_FALSE(token.empty()) << user;
        headers = TestServer::session(token);
      }
      httplib::Result response =
          std::string(row.method) == "GET"
              ? client->Get(row.path.c_str(), headers)
              : client->Post(row.path.c_str(), headers, row.body, "application/json");
      ASSERT_TRUE(response) << row.method << " " << row.path;
      EXPECT_EQ(response->status, row.expected[column])
          << row.method << " " << row.path << " as " << (user.empty() ? "(none)" : user) << ": "
          << response->body;
      if (response->status >= 400) {
        EXPECT_NE(response->body.find("\"error\""), std::string::npos) << row.path;
      }
    }
  }
}

// Every state-changing endpoint refuses a logged-in caller without the session's CSRF token
// (403 "csrf") before it looks at the role or the body; without a session it is still 401.
TEST(AuthorizationMatrixTest, EveryWriteNeedsTheCsrfToken) {
  TestServer server;
  auto client = server.client();
  for (const Row& row : matrix()) {
    if (std::string(row.method) != "POST" || row.path == "/api/no-such-endpoint") continue;
    for (size_t column = 1; column < kRoles.size(); ++column) {
      std::string token = server.login(kRoles[column]);
      ASSERT_FALSE(token.empty()) << kRoles[column];
      auto response = client->Post(row.path.c_str(), TestServer::cookie_only(token), row.body,
                                   "application/json");
      ASSERT_TRUE(response) << row.path;
      EXPECT_EQ(response->status, 403) << row.path << " as " << kRoles[column];
      EXPECT_NE(response->body.find("\"csrf\""), std::string::npos) << row.path;
    }
  }
}

// A forbidden answer says nothing more for a record that exists than for one that does not.
TEST(AuthorizationMatrixTest, ForbiddenAnswersAreIdentical) {
  TestServer server;
  auto client = server.client();
  auto headers = TestServer::session(server.login("county2"));
  auto existing = client->Get((std::string("/api/enterprises/") + kOwnUscc).c_str(), headers);
  auto absent = client->Get("/api/enterprises/91410302MA4000099X", headers);
  ASSERT_TRUE(existing && absent);
  EXPECT_EQ(existing->status, 403);
  EXPECT_EQ(existing->status, absent->status);
  EXPECT_EQ(existing->body, absent->body);
}

}  // namespace
}  // namespace zhizao::testing
