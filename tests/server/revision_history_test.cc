// The registers' revision history (issue 14, server/revision_routes.cc): a check, a hazard carried
// through proof, rectification and re-inspection, and a case through the workflow each list every
// change oldest first, with who did it and the row before and after; each revision's `before` is
// the previous one's `after`; reading is scoped as reading the row.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

class RevisionHistoryTest : public ::testing::Test {
 protected:
  std::string token(const std::string& user) { return server_.login(user); }
  json post(const std::string& user, const std::string& path, const json& body, int status) {
    httplib::Result answer = client_->Post(path.c_str(), TestServer::session(token(user)),
                                           body.dump(), "application/json");
    EXPECT_TRUE(answer) << path;
    if (!answer) return json();
    EXPECT_EQ(answer->status, status) << user << " " << path << ": " << answer->body;
    return json::parse(answer->body, nullptr, false);
  }
  // GET `path` as `user`: the status and the JSON body.
  std::pair<int, json> get(const std::string& user, const std::string& path) {
    httplib::Result answer = client_->Get(path.c_str(), TestServer::session(token(user)));
    EXPECT_TRUE(answer) << path;
    if (!answer) return {0, json()};
    return {answer->status, json::parse(answer->body, nullptr, false)};
  }
  // The actions of a history, oldest first.
  static std::vector<std::string> actions(const json& history) {
    std::vector<std::string> out;
    for (const json& r : history["revisions"]) out.push_back(r["action"].get<std::string>());
    return out;
  }
  // Each revision's `before` is the previous one's `after`; numbered 1, 2, ...
  static void expect_chained(const json& history) {
    json previous = nullptr;
    long number = 0;
    for (const json& r : history["revisions"]) {
      EXPECT_EQ(r["revision"], ++number);
      EXPECT_EQ(r["before"], previous) << r.dump();
      previous = r["after"];
    }
  }

  TestServer server_;
  std::unique_ptr<httplib::Client> client_ = server_.client();
};

TEST_F(RevisionHistoryTest, AHazardFromFoundToReinspected) {
  post("city", "/api/safety/plans",
       {{"id", "FX2021"},
        {"name", "汛期尾矿库检查"},
        {"kind", "尾矿库"},
        {"divisions", {"08", "34"}},
        {"from", "2021-04-01"},
        {"to", "2021-09-30"}},
       201);
  json check = post("county", "/api/safety/checks",
                    {{"plan", "FX2021"},
                     {"uscc", kOwnUscc},
                     {"date", "2021-04-10"},
                     {"inspector", "张三"},
                     {"findings", "排洪井堵塞"}},
                    201);
  const std::string check_path = "/api/safety/checks/" + check["id"].get<std::string>();
  json hazard = post("county", "/api/safety/hazards",
                     {{"check", check["id"]},
                      {"level", "ordinary"},
                      {"description", "排洪井堵塞"},
                      {"found", "2021-04-10"}},
                     201);
  const std::string path = "/api/safety/hazards/" + hazard["id"].get<std::string>();
  httplib::Result proof = client_->Post((path + "/proof").c_str(),
                                        TestServer::session(token("ent")), kPng, "image/png");
  ASSERT_TRUE(proof);
  ASSERT_EQ(proof->status, 200) << proof->body;
  post("county", path + "/rectify", {{"rectified", "2021-04-20"}, {"note", "已清淤"}}, 200);
  post("city", path + "/reinspect", {{"result", "passed"}, {"date", "2021-04-22"}}, 200);

  auto [status, history] = get("ent", path + "/revisions");
  ASSERT_EQ(status, 200) << history.dump();
  EXPECT_EQ(history["register"], "hazard");
  EXPECT_EQ(history["id"], hazard["id"]);
  EXPECT_EQ(actions(history),
            (std::vector<std::string>{"hazard", "proof", "rectify", "reinspect"}));
  expect_chained(history);
  const json& revisions = history["revisions"];
  EXPECT_EQ(revisions[0]["user"], "county");
  EXPECT_EQ(revisions[0]["after"]["deadline"], "2021-04-25") << "ordinary: found + 15 days";
  EXPECT_EQ(revisions[1]["user"], "ent");
  EXPECT_EQ(revisions[2]["note"], "已清淤");
  EXPECT_EQ(revisions[2]["after"]["rectified"], "2021-04-20");
  EXPECT_EQ(revisions[3]["user"], "city");
  EXPECT_EQ(revisions[3]["after"]["reinspection_result"], "passed");
  // The same revisions as the hazard's detail.
  EXPECT_EQ(revisions, get("city", path).second["revisions"]);

  auto [check_status, check_history] = get("city", check_path + "/revisions");
  ASSERT_EQ(check_status, 200);
  EXPECT_EQ(actions(check_history), (std::vector<std::string>{"check"}));
  EXPECT_EQ(check_history["revisions"][0]["after"]["inspector"], "张三");
  EXPECT_TRUE(check_history["revisions"][0]["before"].is_null());

  // Outside the scope and absent answer alike.
  EXPECT_EQ(get("county2", path + "/revisions").first, 403);
  EXPECT_EQ(get("ent2", check_path + "/revisions").first, 403);
  EXPECT_EQ(get("county2", "/api/safety/hazards/NOPE/revisions").first, 403);
  EXPECT_EQ(get("admin", "/api/safety/hazards/NOPE/revisions").first, 404);
}

TEST_F(RevisionHistoryTest, ACaseThroughTheWorkflow) {
  json raised =
      post("ent", "/api/cases",
           {{"category", "用电"}, {"title", "双回路供电"}, {"description", "扩产用电"}}, 201);
  const std::string path = "/api/cases/" + raised["id"].get<std::string>();
  post("city", path + "/assign", {{"department", "供电公司"}, {"assignee", "李工"}}, 200);
  post("county", path + "/progress", {{"note", "已现场勘查"}}, 200);
  post("county", path + "/resolve", {{"note", "已接通"}}, 200);
  post("ent", path + "/evaluate", {{"rating", 4}}, 200);

  auto [status, history] = get("county", path + "/revisions");
  ASSERT_EQ(status, 200) << history.dump();
  EXPECT_EQ(history["register"], "case");
  EXPECT_EQ(actions(history),
            (std::vector<std::string>{"raise", "assign", "progress", "resolve", "evaluate"}));
  expect_chained(history);
  const json& revisions = history["revisions"];
  EXPECT_EQ(revisions[0]["user"], "ent");
  EXPECT_EQ(revisions[0]["from"], "");
  EXPECT_EQ(revisions[0]["to"], "raised");
  EXPECT_EQ(revisions[1]["after"]["department"], "供电公司");
  EXPECT_EQ(revisions[1]["from"], "raised");
  EXPECT_EQ(revisions[1]["to"], "assigned");
  EXPECT_EQ(revisions[2]["note"], "已现场勘查");
  EXPECT_EQ(revisions[4]["after"]["rating"], 4);

  EXPECT_EQ(get("county2", path + "/revisions").first, 403);
  EXPECT_EQ(get("ent2", path + "/revisions").first, 403);
  EXPECT_EQ(get("city", "/api/cases/NOPE/revisions").first, 404);
}

}  // namespace
}  // namespace zhizao::testing
