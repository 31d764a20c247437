// Login, logout, expired and revoked sessions, the cookie's attributes, and their audit rows.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "accounts/session_token.h"
#include "server/write_turns.h"
#include "server_fixture.h"
#include "store/account_store.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

TEST(SessionTest, LoginSetsAStrictHttpOnlyCookie) {
  TestServer server;
  auto client = server.client();
  auto response = post_json(*client, "/api/login", login_body("city"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  std::string cookie = response->get_header_value("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("zhizao_session=")) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Max-Age=28800"), std::string::npos) << cookie;
  EXPECT_EQ(session_token_of(response).size(), 43u);
  json body = json::parse(response->body);
  EXPECT_EQ(body["name"], "city");
  EXPECT_EQ(body["role"], "city");
  EXPECT_EQ(response->get_header_value("Cache-Control"), "no-store");

  auto me = client->Get("/api/me", TestServer::session(session_token_of(response)));
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(json::parse(me->body)["name"], "city");
}

TEST(SessionTest, CountyAndEnterpriseUsersSeeTheirScope) {
  TestServer server;
  auto client = server.client();
  auto county = client->Get("/api/me", TestServer::session(server.login("county")));
  ASSERT_TRUE(county);
  EXPECT_EQ(json::parse(county->body)["scope"], "410302");
  auto ent = client->Get("/api/me", TestServer::session(server.login("ent")));
  ASSERT_TRUE(ent);
  EXPECT_EQ(json::parse(ent->body)["uscc"], kOwnUscc);
}

TEST(SessionTest, WrongPasswordAndUnknownUserGiveTheSameAnswer) {
  TestServer server;
  auto client = server.client();
  auto wrong = post_json(*client, "/api/login", login_body("city", "nope-nope"));
  auto unknown = post_json(*client, "/api/login", login_body("ghost"));
  ASSERT_TRUE(wrong && unknown);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(wrong->status, unknown->status);
  EXPECT_EQ(wrong->body, unknown->body);
  EXPECT_FALSE(wrong->has_header("Set-Cookie"));
}

TEST(SessionTest, MalformedLoginBodiesAre400) {
  TestServer server;
  auto client = server.client();
  for (const char* body : {"{", "[]", R"({"name": "city"})", R"({"name": 1, "password": "x"})"}) {
    auto response = post_json(*client, "/api/login", body);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << body;
    EXPECT_EQ(error_code_of(response), "bad_request") << body;
  }
  auto as_form = client->Post("/api/login", "name=city&password=password-1",
                              "application/x-www-form-urlencoded");
  ASSERT_TRUE(as_form);
  EXPECT_EQ(as_form->status, 400);
}

TEST(SessionTest, LogoutRevokesTheSessionAndClearsTheCookie) {
  TestServer server;
  auto client = server.client();
  std::string token = server.login("admin");
  auto logout = client->Post("/api/logout", TestServer::session(token), "", "application/json");
  ASSERT_TRUE(logout);
  EXPECT_EQ(logout->status, 204);
  EXPECT_NE(logout->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  auto after = client->Get("/api/me", TestServer::session(token));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST(SessionTest, ExpiredSessionsAre401) {
  TestServer server;
  auto client = server.client();
  std::string token = server.login("city");
  run_sql(server.db_path(),
          "UPDATE session SET expires_at = '2000-01-01T00:00:00Z' "
          "WHERE token_hash = '" +
              session_token_hash(token) + "'");
  auto response = client->Get("/api/me", TestServer::session(token));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 401);
}

// A session's renewal is one of the server's grouped writes (server/write_turns.h), so that it
// takes turns with the submissions instead of meeting them in SQLite's busy handler.
TEST(SessionTest, ARenewalIsOneOfTheGroupedWrites) {
  TestServer server;
  auto client = server.client();
  std::string token = server.login("city");
  const std::string hash = session_token_hash(token);
  // Ten minutes left: a use now moves the deadline to thirty minutes from now.
  const std::string soon = format_utc(Clock::now() + std::chrono::minutes(10));
  run_sql(server.db_path(),
          "UPDATE session SET expires_at = '" + soon + "' WHERE token_hash = '" + hash + "'");
  GroupCommit& writes = server::grouped_writes(server.db_path());
  const long groups_before = writes.groups_committed();
  auto response = client->Get("/api/me", TestServer::session(token));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(writes.groups_committed(), groups_before + 1);
  auto db = Database::open(server.db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value());
  auto stored = AccountStore(**db).find_session(hash).value();
  ASSERT_TRUE(stored.has_value());
  EXPECT_GT(parse_utc(stored->expires_at).value(),
            parse_utc(soon).value() + std::chrono::minutes(15));
  // Used again at once: nothing to renew, nothing written.
  ASSERT_TRUE(client->Get("/api/me", TestServer::session(token)));
  EXPECT_EQ(writes.groups_committed(), groups_before + 1);
}

TEST(SessionTest, DisablingAUserRevokesItsSessions) {
  TestServer server;
  auto client = server.client();
  std::string county = server.login("county");
  std::string admin = server.login("admin");
  auto disabled =
      client->Post("/api/users/county/disable", TestServer::session(admin), "", "application/json");
  ASSERT_TRUE(disabled);
  EXPECT_EQ(disabled->status, 204);
  auto response = client->Get("/api/me", TestServer::session(county));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 401);
  EXPECT_EQ(server.login("county"), "");
  auto enabled =
      client->Post("/api/users/county/enable", TestServer::session(admin), "", "application/json");
  ASSERT_TRUE(enabled);
  EXPECT_EQ(enabled->status, 204);
  EXPECT_NE(server.login("county"), "");
}

TEST(SessionTest, ForgedTokensAre401) {
  TestServer server;
  auto client = server.client();
  auto response = client->Get("/api/me", TestServer::session("not-a-token"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 401);
  EXPECT_EQ(error_code_of(response), "unauthorized");
}

TEST(SessionTest, WritesAreAuditedWithoutSecrets) {
  TestServer server;
  auto client = server.client();
  ASSERT_TRUE(post_json(*client, "/api/login", login_body("city", "bad-guess")));
  std::string city = server.login("city");
  ASSERT_TRUE(client->Post("/api/logout", TestServer::session(city), "", "application/json"));
  std::string admin = server.login("admin");
  auto added = post_json(*client, "/api/users",
                         R"({"name": "zhao", "role": "county:410305", "password": "long-enough"})",
                         TestServer::session(admin));
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201);

  auto audit = client->Get("/api/audit", TestServer::session(admin));
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200);
  EXPECT_EQ(audit->body.find("bad-guess"), std::string::npos);
  EXPECT_EQ(audit->body.find("long-enough"), std::string::npos);
  EXPECT_EQ(audit->body.find(city), std::string::npos);
  json entries = json::parse(audit->body)["entries"];
  std::vector<std::string> actions;
  for (const json& entry : entries) {
    actions.push_back(entry["action"]);
    EXPECT_EQ(entry["remote"], "127.0.0.1");
    EXPECT_EQ(entry["at"].get<std::string>().size(), 20u);
  }
  std::vector<std::string> expected = {"login.failed", "login", "logout", "login", "user.add"};
  EXPECT_EQ(actions, expected);
  EXPECT_EQ(entries[0]["user"], "");
  EXPECT_EQ(entries[0]["target"], "city");
  EXPECT_EQ(entries[2]["user"], "city");
  EXPECT_EQ(entries[4]["target"], "zhao");
  EXPECT_EQ(entries[4]["detail"]["role"], "county:410305");

  auto filtered = client->Get("/api/audit?action=logout", TestServer::session(admin));
  ASSERT_TRUE(filtered);
  EXPECT_EQ(json::parse(filtered->body)["entries"].size(), 1u);
  auto bad = client->Get("/api/audit?limit=x", TestServer::session(admin));
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

}  // namespace
}  // namespace zhizao::testing
