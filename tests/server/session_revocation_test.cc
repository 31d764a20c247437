// Ending sessions: log out everywhere, the administrator's revoke, idle and absolute expiry
// (docs/security.md).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "accounts/session_token.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

int status_of_me(const TestServer& server, const std::string& token) {
  auto response = server.client()->Get("/api/me", TestServer::session(token));
  return response ? response->status : -1;
}

int post(const TestServer& server, const std::string& path, const std::string& token) {
  auto response =
      server.client()->Post(path.c_str(), TestServer::session(token), "", "application/json");
  return response ? response->status : -1;
}

TEST(SessionRevocationTest, LogoutAllEndsEverySessionOfTheCaller) {
  TestServer server;
  std::string laptop = server.login("city");
  std::string phone = server.login("city");
  std::string admin = server.login("admin");
  auto response =
      server.client()->Post("/api/logout-all", TestServer::session(phone), "", "application/json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 204);
  EXPECT_NE(response->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(status_of_me(server, laptop), 401);
  EXPECT_EQ(status_of_me(server, phone), 401);
  EXPECT_EQ(status_of_me(server, admin), 200);  // other users keep theirs
  EXPECT_NE(server.login("city"), "");          // and the user may log in again
}

TEST(SessionRevocationTest, TheAdministratorEndsAnotherUsersSessions) {
  TestServer server;
  std::string county = server.login("county");
  std::string city = server.login("city");
  std::string admin = server.login("admin");
  EXPECT_EQ(post(server, "/api/users/county/revoke", city), 403);
  EXPECT_EQ(status_of_me(server, county), 200);
  EXPECT_EQ(post(server, "/api/users/county/revoke", admin), 204);
  EXPECT_EQ(status_of_me(server, county), 401);
  EXPECT_EQ(status_of_me(server, admin), 200);
  EXPECT_EQ(post(server, "/api/users/nobody/revoke", admin), 404);
  auto audit = server.client()->Get("/api/audit?action=user.revoke", TestServer::session(admin));
  ASSERT_TRUE(audit);
  json entries = json::parse(audit->body)["entries"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["target"], "county");
  EXPECT_EQ(entries[0]["detail"]["sessions"], 1);
}

TEST(SessionRevocationTest, IdleSessionsEndBeforeTheirAbsoluteLifetime) {
  TestServer server;
  std::string token = server.login("city");
  std::string hash = session_token_hash(token);
  // Still within 8 hours of the login, but idle past its deadline.
  run_sql(
      server.db_path(),
      "UPDATE session SET expires_at = '2000-01-01T00:00:00Z' WHERE token_hash = '" + hash + "'");
  EXPECT_EQ(status_of_me(server, token), 401);
}

TEST(SessionRevocationTest, UseDoesNotExtendASessionPastItsAbsoluteLifetime) {
  TestServer server;
  std::string token = server.login("city");
  std::string hash = session_token_hash(token);
  // Logged in long ago, used a moment ago (idle deadline in the future).
  run_sql(server.db_path(),
          "UPDATE session SET created_at = '2000-01-01T00:00:00Z', "
          "expires_at = '2199-01-01T00:00:00Z' WHERE token_hash = '" +
              hash + "'");
  EXPECT_EQ(status_of_me(server, token), 401);
}

}  // namespace
}  // namespace zhizao::testing
