// GET /api/warnings: who sees which warnings. A rule that holds for every enterprise with a
// comparable month (growth below 1000%) makes each enterprise of tests/data/cli/small a subject.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "server_fixture.h"
#include "warnings/warning_rules.h"

namespace zhizao::testing {
namespace {

class WarningRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<WarningRules> rules = parse_warning_rules(R"(
[[warning]]
id = "every_enterprise"
level = "yellow"
kind = "output_falling"
months = 1
below = 1000
reason_zh = "{name}：{period}产值同比{growth_change}"
reason_en = "{name}: output {growth_change} in {period}"
)",
                                                     "test.toml");
    ASSERT_TRUE(rules) << rules.error().message();
    install_warning_rules(std::make_shared<const WarningRules>(*rules));
  }
  void TearDown() override { install_warning_rules(nullptr); }

  // The subject ids of the answer to `path` for `user`, after checking it is 200.
  static std::set<std::string> subjects_for(const TestServer& server, const std::string& user,
                                            const std::string& path) {
    auto response = server.client()->Get(path.c_str(), TestServer::session(server.login(user)));
    EXPECT_TRUE(response);
    if (!response) return {};
    EXPECT_EQ(response->status, 200) << response->body;
    nlohmann::json body = nlohmann::json::parse(response->body);
    EXPECT_EQ(body["period"], "2021-04");
    std::set<std::string> out;
    for (const auto& w : body["warnings"]) {
      EXPECT_EQ(w["subject"]["kind"], "enterprise");
      EXPECT_EQ(w["level"], "yellow");
      EXPECT_EQ(w["rule"], "every_enterprise");
      EXPECT_TRUE(w["reason"].is_string());
      EXPECT_TRUE(w["reason_en"].is_string());
      EXPECT_TRUE(w["figures"].contains("growth"));
      out.insert(w["subject"]["id"].get<std::string>());
    }
    return out;
  }
};

TEST_F(WarningRoutesTest, EachRoleSeesItsOwnSubjects) {
  TestServer server;
  const std::string path = "/api/warnings?period=2021-04";
  std::set<std::string> all = subjects_for(server, "city", path);
  EXPECT_EQ(all.size(), 6u);  // every enterprise of the small data
  EXPECT_EQ(subjects_for(server, "admin", path), all);
  EXPECT_EQ(subjects_for(server, "county", path), (std::set<std::string>{kOwnUscc}));
  EXPECT_EQ(subjects_for(server, "county2", path), (std::set<std::string>{kOtherUscc}));
  EXPECT_EQ(subjects_for(server, "ent", path), (std::set<std::string>{kOwnUscc}));
  EXPECT_EQ(subjects_for(server, "ent2", path + "&scope=410302"),
            (std::set<std::string>{kOtherUscc}));
  EXPECT_EQ(subjects_for(server, "city", path + "&scope=410305"),
            (std::set<std::string>{kOtherUscc}));
}

}  // namespace
}  // namespace zhizao::testing
