// An enterprise submits a month (refused, then corrected), the county approves it, the city
// publishes it; each step's status, visibility and audit rows.
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

class SubmissionTest : public ::testing::Test {
 protected:
  httplib::Result post(const std::string& user, const std::string& path, const json& body) {
    return server_.client()->Post(path.c_str(), TestServer::session(server_.login(user)),
                                  body.dump(), "application/json");
  }
  httplib::Result get(const std::string& user, const std::string& path) {
    return server_.client()->Get(path.c_str(), TestServer::session(server_.login(user)));
  }

  TestServer server_;
};

json may_figures(double value_added) {
  return {{"uscc", kOwnUscc},           {"period", "2021-05"}, {"output", 1300},
          {"value_added", value_added}, {"electricity", 65},   {"in_scope", 1}};
}

TEST_F(SubmissionTest, RefusedCorrectedApprovedPublished) {
  auto refused = post("ent", "/api/submissions", may_figures(1400));  // value added > output
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  json violations = json::parse(refused->body)["violations"];
  ASSERT_FALSE(violations.empty());
  EXPECT_EQ(violations[0]["rule"], "value_added_within_output");
  EXPECT_EQ(violations[0]["field"], "value_added");
  EXPECT_EQ(violations[0]["severity"], "hard");

  auto accepted = post("ent", "/api/submissions", may_figures(390));
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->status, 201) << accepted->body;
  json created = json::parse(accepted->body);
  EXPECT_EQ(created["state"], "submitted");
  std::string review_path = "/api/submissions/" + std::to_string(created["id"].get<long>());

  // The other county neither sees nor reviews it; the enterprise itself may not review.
  auto listed = get("county2", "/api/submissions");
  ASSERT_TRUE(listed);
  EXPECT_TRUE(json::parse(listed->body)["submissions"].empty());
  auto other = post("county2", review_path + "/review", {{"decision", "approve"}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
  auto self = post("ent", review_path + "/review", {{"decision", "approve"}});
  ASSERT_TRUE(self);
  EXPECT_EQ(self->status, 403);
  // The city may not publish before the county approves.
  auto early = post("city", review_path + "/review", {{"decision", "approve"}});
  ASSERT_TRUE(early);
  EXPECT_EQ(early->status, 409);

  auto county =
      post("county", review_path + "/review", {{"decision", "approve"}, {"comment", "核实无误"}});
  ASSERT_TRUE(county);
  ASSERT_EQ(county->status, 200) << county->body;
  EXPECT_EQ(json::parse(county->body)["state"], "county_approved");
  auto published = post("city", review_path + "/review", {{"decision", "approve"}});
  ASSERT_TRUE(published);
  ASSERT_EQ(published->status, 200) << published->body;
  EXPECT_EQ(json::parse(published->body)["state"], "published");

  // Published figures are the enterprise's data now.
  auto months = get("ent", std::string("/api/enterprises/") + kOwnUscc + "/months");
  ASSERT_TRUE(months);
  json last = json::parse(months->body)["months"].back();
  EXPECT_EQ(last["period"], "2021-05");
  EXPECT_EQ(last["value_added"], 390.0);

  auto detail = get("county", review_path);
  ASSERT_TRUE(detail);
  EXPECT_EQ(json::parse(detail->body)["events"].size(), 3u);
}

// Submissions sent at once take turns on the database (server/write_turns.h): every one is
// accepted, none fails on a busy database, and each is stored once.
TEST_F(SubmissionTest, SubmissionsSentAtOnceAreAllAccepted) {
  const httplib::Headers session = TestServer::session(server_.login("ent"));
  constexpr int kSenders = 6;
  constexpr int kEach = 4;
  std::vector<std::future<std::vector<long>>> senders;
  for (int s = 0; s < kSenders; ++s) {
    senders.push_back(std::async(std::launch::async, [&, s] {
      std::vector<long> ids;
      std::unique_ptr<httplib::Client> client = server_.client();
      for (int i = 0; i < kEach; ++i) {
        auto accepted = client->Post("/api/submissions", session,
                                     may_figures(380 + s * kEach + i).dump(), "application/json");
        EXPECT_TRUE(accepted);
        if (!accepted) continue;
        EXPECT_EQ(accepted->status, 201) << accepted->body;
        if (accepted->status == 201) ids.push_back(json::parse(accepted->body)["id"].get<long>());
      }
      return ids;
    }));
  }
  std::vector<long> ids;
  for (auto& sender : senders) {
    for (long id : sender.get()) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids.size(), std::size_t{kSenders * kEach});
  EXPECT_EQ(std::adjacent_find(ids.begin(), ids.end()), ids.end());
  // Every one is in the database; a later one of the same month supersedes the earlier.
  auto listed = get("county", "/api/submissions");
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->status, 200);
  json submissions = json::parse(listed->body)["submissions"];
  EXPECT_EQ(submissions.size(), std::size_t{kSenders * kEach});
  // Committed in groups (store/group_commit.h), each still superseded the ones before it, also
  // those of its own group: only the last stays pending.
  std::vector<long> pending;
  for (const json& submission : submissions) {
    if (submission["state"] == "submitted") pending.push_back(submission["id"].get<long>());
  }
  EXPECT_EQ(pending, std::vector<long>{ids.back()});
}

// rules/submission_workflow.h writes the audit rows of submissions and reviews itself.
TEST_F(SubmissionTest, SubmissionsAndReviewsAreAudited) {
  auto accepted = post("ent", "/api/submissions", may_figures(390));
  ASSERT_TRUE(accepted);
  ASSERT_EQ(accepted->status, 201) << accepted->body;
  std::string path =
      "/api/submissions/" + std::to_string(json::parse(accepted->body)["id"].get<long>());
  ASSERT_TRUE(post("county", path + "/review", {{"decision", "approve"}}));
  ASSERT_TRUE(post("city", path + "/review", {{"decision", "reject"}, {"comment", "重报"}}));
  auto audit = get("admin", "/api/audit");
  ASSERT_TRUE(audit);
  std::vector<std::string> actions;
  json entries = json::parse(audit->body)["entries"];
  for (const json& entry : entries) {
    if (entry["action"].get<std::string>().starts_with("submission.")) {
      actions.push_back(entry["action"]);
    }
  }
  std::vector<std::string> expected = {"submission.create", "submission.review",
                                       "submission.review"};
  EXPECT_EQ(actions, expected);
}

TEST_F(SubmissionTest, SoftRulesNeedAnExplanation) {
  json figures = may_figures(50);  // value added 3.8% of output: outside the 10–60% band
  auto unexplained = post("ent", "/api/submissions", figures);
  ASSERT_TRUE(unexplained);
  EXPECT_EQ(unexplained->status, 422);
  EXPECT_EQ(json::parse(unexplained->body)["violations"][0]["severity"], "soft");
  figures["explanations"] = {{"value_added_ratio_band", "检修停产，增加值率偏低"}};
  auto explained = post("ent", "/api/submissions", figures);
  ASSERT_TRUE(explained);
  ASSERT_EQ(explained->status, 201) << explained->body;
  json warnings = json::parse(explained->body)["warnings"];
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0]["rule"], "value_added_ratio_band");
}

TEST_F(SubmissionTest, MalformedBodiesAre400) {
  auto not_object = post("ent", "/api/submissions", json::array());
  ASSERT_TRUE(not_object);
  EXPECT_EQ(not_object->status, 400);
  auto bad_period =
      post("ent", "/api/submissions", {{"uscc", kOwnUscc}, {"period", "2021-13"}, {"output", 1}});
  ASSERT_TRUE(bad_period);
  EXPECT_EQ(bad_period->status, 400);
  auto bad_decision = post("county", "/api/submissions/1/review", {{"decision", "maybe"}});
  ASSERT_TRUE(bad_decision);
  EXPECT_EQ(bad_decision->status, 400);
}

// Issue 19, item 5: figures beyond a physical limit are a hard failure (rules/default_rules.toml,
// "Physical limits"), named in the answer; nothing is stored.
TEST_F(SubmissionTest, PhysicalLimitBreachIs422WithTheRuleNamed) {
  auto refused = post("ent", "/api/submissions",
                      {{"uscc", kOwnUscc},
                       {"period", "2021-05"},
                       {"output", 1e308},
                       {"output_prev", 1e-300},
                       {"explanations", {{"output_yoy_band", "扩产"}}}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422) << refused->body;
  json body = json::parse(refused->body);
  EXPECT_EQ(body["error"]["code"], "rules_failed");
  std::vector<std::string> rules;
  for (const json& v : body["violations"]) {
    rules.push_back(v["rule"]);
    if (v["rule"] != "physical_output_max") continue;
    EXPECT_EQ(v["severity"], "hard");
    EXPECT_EQ(v["field"], "output");
    EXPECT_EQ(v["message"],
              "工业总产值 1e308 万元超出单个企业一个月的物理上限（1亿万元，即1万亿元）");
  }
  EXPECT_NE(std::find(rules.begin(), rules.end(), "physical_output_max"), rules.end());
  EXPECT_NE(std::find(rules.begin(), rules.end(), "physical_output_growth_max"), rules.end());
  // JSON cannot carry an infinity: a number out of range is a malformed body; as a string, a
  // malformed field.
  auto overflow = server_.client()->Post(
      "/api/submissions", TestServer::session(server_.login("ent")),
      std::string(R"({"uscc": ")") + kOwnUscc + R"(", "period": "2021-05", "output": 1e999})",
      "application/json");
  ASSERT_TRUE(overflow);
  EXPECT_EQ(overflow->status, 400);
  auto infinite = post("ent", "/api/submissions",
                       {{"uscc", kOwnUscc}, {"period", "2021-05"}, {"output", "inf"}});
  ASSERT_TRUE(infinite);
  EXPECT_EQ(infinite->status, 400);
  EXPECT_NE(infinite->body.find("output: must be a finite number"), std::string::npos);
  auto listed = get("ent", "/api/submissions");
  ASSERT_TRUE(listed);
  EXPECT_TRUE(json::parse(listed->body)["submissions"].empty());
}

}  // namespace
}  // namespace zhizao::testing
