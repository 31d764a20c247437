// The enterprise cases of the API (issue 14): a case carried from raised to evaluated by the
// enterprise and its county, through an overdue escalation to the city and a reopen, with the
// refusals of every other role on the way.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "server/case_actions.h"
#include "server_fixture.h"
#include "service/service_dates.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

class CaseApiTest : public ::testing::Test {
 protected:
  httplib::Result get(const std::string& user, const std::string& path) {
    return client_->Get(path.c_str(), TestServer::session(token(user)));
  }
  httplib::Result post(const std::string& user, const std::string& path, const json& body) {
    return client_->Post(path.c_str(), TestServer::session(token(user)), body.dump(),
                         "application/json");
  }
  // Posts and expects `status`; returns the answer's JSON.
  json expect(const std::string& user, const std::string& path, const json& body, int status) {
    httplib::Result answer = post(user, path, body);
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

TEST_F(CaseApiTest, FromRaisedToEvaluatedThroughEscalationAndReopen) {
  const CivilDate today = server::china_today();
  const std::string raised = civil_add_days(today, -10).to_string();
  // 用电 has 7 days (the seeded table): raised 10 days ago, the case is overdue at once.
  json raised_case =
      expect("ent", "/api/cases",
             {{"category", "用电"}, {"title", "变压器增容"}, {"raised", raised}}, 201);
  const std::string id = raised_case["id"];
  EXPECT_EQ(raised_case["uscc"], kOwnUscc);
  EXPECT_EQ(raised_case["state"], "raised");
  EXPECT_EQ(raised_case["deadline"], civil_add_days(today, -3).to_string());
  const std::string path = "/api/cases/" + id;

  // The next read escalates it to the city.
  httplib::Result read = get("county", path);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->status, 200) << read->body;
  json detail = json::parse(read->body);
  EXPECT_EQ(detail["level"], "city");
  EXPECT_EQ(detail["escalated"], true);
  EXPECT_EQ(detail["alert"], "overdue");
  EXPECT_EQ(detail["days_left"], -3);
  ASSERT_EQ(detail["events"].size(), 2u);
  EXPECT_EQ(detail["events"][1]["action"], "escalate");
  EXPECT_EQ(detail["events"][1]["user"], "system");
  // The city's meeting view lists it; other counties and enterprises do not see it.
  json meeting = json::parse(get("city", "/api/cases?view=meeting")->body);
  ASSERT_EQ(meeting["cases"].size(), 1u);
  EXPECT_EQ(meeting["cases"][0]["id"], id);
  EXPECT_EQ(get("county2", path)->status, 403);
  EXPECT_EQ(get("ent2", path)->status, 403);
  EXPECT_EQ(json::parse(get("ent2", "/api/cases")->body)["cases"].size(), 0u);

  // The enterprise cannot handle its own case; the county can.
  expect("ent", path + "/assign", {{"department", "供电公司"}}, 403);
  expect("county2", path + "/assign", {{"department", "供电公司"}}, 403);
  expect("county", path + "/assign", {{"assignee", "王"}}, 400);  // no department
  json assigned =
      expect("county", path + "/assign", {{"department", "供电公司"}, {"assignee", "王"}}, 200);
  EXPECT_EQ(assigned["state"], "assigned");
  EXPECT_EQ(assigned["department"], "供电公司");
  expect("ent", path + "/evaluate", {{"rating", 5}}, 409);  // not resolved yet
  EXPECT_EQ(expect("county", path + "/progress", {{"note", "已派员现场查看"}}, 200)["state"],
            "in_progress");
  json resolved = expect("county", path + "/resolve", {{"note", "已增容"}}, 200);
  EXPECT_EQ(resolved["state"], "resolved");
  EXPECT_EQ(resolved["resolved"], today.to_string());
  EXPECT_EQ(resolved["alert"], "none");

  // Only the enterprise rates, 1 to 5.
  expect("county", path + "/evaluate", {{"rating", 5}}, 403);
  expect("ent2", path + "/evaluate", {{"rating", 5}}, 403);
  expect("ent", path + "/evaluate", {{"rating", 7}}, 400);
  EXPECT_EQ(expect("ent", path + "/evaluate", {{"rating", 2}}, 200)["rating"], 2);

  // It reopens: back to the department, the resolution and rating no longer stand.
  expect("ent", path + "/reopen", json::object(), 400);  // a reason is required
  json reopened = expect("ent", path + "/reopen", {{"reason", "仍频繁跳闸"}}, 200);
  EXPECT_EQ(reopened["state"], "assigned");
  EXPECT_TRUE(reopened["resolved"].is_null());
  EXPECT_TRUE(reopened["rating"].is_null());
  EXPECT_EQ(reopened["reopened"], 1);
  EXPECT_EQ(reopened["alert"], "overdue");
  expect("city", path + "/resolve", {{"note", "更换开关"}}, 200);
  json evaluated = expect("ent", path + "/evaluate", {{"rating", 5}, {"comment", "满意"}}, 200);
  EXPECT_EQ(evaluated["state"], "evaluated");
  EXPECT_EQ(evaluated["revision"], 9);

  // Every revision is kept, and every change is in the audit log.
  detail = json::parse(get("ent", path)->body);
  std::vector<std::string> actions;
  for (const json& event : detail["events"]) actions.push_back(event["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"raise", "escalate", "assign", "progress", "resolve",
                                               "evaluate", "reopen", "resolve", "evaluate"}));
  EXPECT_EQ(detail["events"][5]["record"]["rating"], 2);
  json audit = json::parse(get("admin", "/api/audit?action=case.evaluate")->body);
  std::string audit_text = audit.dump();
  EXPECT_NE(audit_text.find("case.evaluate"), std::string::npos);
  EXPECT_NE(audit_text.find(id), std::string::npos);
}

TEST_F(CaseApiTest, RaisingIsScopedAndChecked) {
  const CivilDate today = server::china_today();
  // An enterprise raises only for itself; a county only in its area.
  expect("ent", "/api/cases", {{"uscc", kOtherUscc}, {"category", "用地"}, {"title", "t"}}, 403);
  expect("county", "/api/cases", {{"uscc", kOtherUscc}, {"category", "用地"}, {"title", "t"}}, 403);
  json by_county = expect("county2", "/api/cases",
                          {{"uscc", kOtherUscc},
                           {"category", "用地"},
                           {"title", "用地指标"},
                           {"department", "自然资源局"}},
                          201);
  EXPECT_EQ(by_county["state"], "assigned");  // a department given at once
  EXPECT_EQ(by_county["deadline"], civil_add_days(today, 30).to_string());
  EXPECT_EQ(by_county["alert"], "none");
  // Unknown categories take the default (15 days, reminded 3 days before).
  json other = expect("city", "/api/cases",
                      {{"uscc", kOwnUscc},
                       {"category", "其他"},
                       {"title", "t"},
                       {"raised", civil_add_days(today, -13).to_string()}},
                      201);
  EXPECT_EQ(other["days_left"], 2);
  EXPECT_EQ(other["alert"], "reminder");
  // Refusals: a future date, no category, an unknown enterprise, a bad state filter.
  expect("ent", "/api/cases",
         {{"category", "用地"}, {"title", "t"}, {"raised", civil_add_days(today, 1).to_string()}},
         400);
  expect("ent", "/api/cases", {{"title", "t"}}, 400);
  expect("city", "/api/cases",
         {{"uscc", "91410302MA4000099X"}, {"category", "用地"}, {"title", "t"}}, 404);
  EXPECT_EQ(get("city", "/api/cases?state=closed")->status, 400);
  EXPECT_EQ(get("city", "/api/cases/NOPE")->status, 404);
  EXPECT_EQ(get("county", "/api/cases/NOPE")->status, 403);
  // Each sees its own: the county of 410302 one case, the city both.
  EXPECT_EQ(json::parse(get("county", "/api/cases")->body)["cases"].size(), 1u);
  EXPECT_EQ(json::parse(get("city", "/api/cases")->body)["cases"].size(), 2u);
  EXPECT_EQ(json::parse(get("ent2", "/api/cases?state=assigned")->body)["cases"].size(), 1u);
}

}  // namespace
}  // namespace zhizao::testing
