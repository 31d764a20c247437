// CSRF (per-session token in X-CSRF-Token and the Origin/Referer check), the security headers on
// every answer, and the per-address login rate limit (docs/security.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accounts/session_token.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

TEST(CsrfTest, LoginAndMeReturnTheSessionsToken) {
  TestServer server;
  auto client = server.client();
  auto login = post_json(*client, "/api/login", login_body("city"));
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200);
  std::string token = session_token_of(login);
  std::string csrf = json::parse(login->body)["csrf_token"];
  EXPECT_EQ(csrf.size(), 43u);
  EXPECT_EQ(csrf, csrf_token_for(token));
  EXPECT_EQ(csrf.find(token), std::string::npos);
  auto me = client->Get("/api/me", TestServer::cookie_only(token));  // reads need no token
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(json::parse(me->body)["csrf_token"], csrf);
  // Another session of the same user has another token.
  EXPECT_NE(csrf_token_for(server.login("city")), csrf);
}

TEST(CsrfTest, WritesWithoutTheRightTokenAre403) {
  TestServer server;
  auto client = server.client();
  std::string token = server.login("admin");
  std::string other = server.login("admin");
  const std::string body = R"({"name": "zhao", "role": "city", "password": "long-enough"})";
  auto none = client->Post("/api/users", TestServer::cookie_only(token), body, "application/json");
  auto wrong =
      client->Post("/api/users", with_header(TestServer::cookie_only(token), "X-CSRF-Token", "x"),
                   body, "application/json");
  auto others = client->Post(
      "/api/users",
      with_header(TestServer::cookie_only(token), "X-CSRF-Token", csrf_token_for(other)), body,
      "application/json");
  ASSERT_TRUE(none && wrong && others);
  for (const auto* response : {&none, &wrong, &others}) {
    EXPECT_EQ((*response)->status, 403);
    EXPECT_EQ(error_code_of(*response), "csrf");
  }
  // Nothing was written: the user does not exist yet, and the right token creates it.
  auto users = client->Get("/api/users", TestServer::session(token));
  ASSERT_TRUE(users);
  EXPECT_EQ(users->body.find("zhao"), std::string::npos);
  auto right = client->Post("/api/users", TestServer::session(token), body, "application/json");
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 201);
}

TEST(CsrfTest, LogoutNeedsTheTokenToo) {
  TestServer server;
  auto client = server.client();
  std::string token = server.login("city");
  auto forged = client->Post("/api/logout", TestServer::cookie_only(token), "", "application/json");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
  auto still = client->Get("/api/me", TestServer::session(token));
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);
}

TEST(CsrfTest, CrossOriginWritesAreRefused) {
  TestServer server;
  auto client = server.client();
  std::string token = server.login("city");
  std::string host = "127.0.0.1:" + std::to_string(server.port());
  auto evil = client->Post(
      "/api/logout", with_header(TestServer::session(token), "Origin", "https://evil.example"), "",
      "application/json");
  auto null_origin =
      client->Post("/api/logout", with_header(TestServer::session(token), "Origin", "null"), "",
                   "application/json");
  auto evil_referer = client->Post(
      "/api/logout",
      with_header(TestServer::session(token), "Referer", "http://evil.example/" + host), "",
      "application/json");
  auto evil_login =
      post_json(*client, "/api/login", login_body("city"), {{"Origin", "http://evil.example"}});
  ASSERT_TRUE(evil && null_origin && evil_referer && evil_login);
  for (const auto* response : {&evil, &null_origin, &evil_referer, &evil_login}) {
    EXPECT_EQ((*response)->status, 403);
    EXPECT_EQ(error_code_of(*response), "csrf");
  }
  EXPECT_FALSE(evil_login->has_header("Set-Cookie"));
  // Origins compare as scheme, host and port (RFC 6454): the right host under another scheme or
  // port, or with a path-like suffix, is another origin.
  for (const std::string& origin : {"https://" + host, "http://" + host + "0",
                                    "http://" + host + ".evil.example", "http://user@" + host}) {
    auto other = post_json(*client, "/api/login", login_body("city"), {{"Origin", origin}});
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 403) << origin;
  }
  // The dashboard's own origin passes, with or without the default port spelled out.
  auto own_login =
      post_json(*client, "/api/login", login_body("city"), {{"Origin", "http://" + host}});
  ASSERT_TRUE(own_login);
  EXPECT_EQ(own_login->status, 200);
  auto own = client->Post(
      "/api/logout", with_header(TestServer::session(token), "Referer", "http://" + host + "/#/x"),
      "", "application/json");
  ASSERT_TRUE(own);
  EXPECT_EQ(own->status, 204);
}

TEST(CsrfTest, AnOriginAllowedForAProxyPasses) {
  TestServer server(
      [](ServerOptions& options) { options.allowed_origins = {"https://zhizao.example.gov.cn"}; });
  auto client = server.client();
  auto proxied = post_json(*client, "/api/login", login_body("city"),
                           {{"Origin", "https://zhizao.example.gov.cn:443"}});
  ASSERT_TRUE(proxied);
  EXPECT_EQ(proxied->status, 200);
  auto plain = post_json(*client, "/api/login", login_body("city"),
                         {{"Origin", "http://zhizao.example.gov.cn"}});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 403);
}

TEST(SecurityHeadersTest, EveryAnswerCarriesThem) {
  TestServer server;
  auto client = server.client();
  std::string token = server.login("city");
  auto health = client->Get("/api/health");
  auto page = client->Get("/");
  auto missing = client->Get("/api/nothing");
  auto report = client->Get("/api/report?period=2021-04", TestServer::session(token));
  ASSERT_TRUE(health && page && missing && report);
  for (const auto* response : {&health, &page, &missing, &report}) {
    const httplib::Response& r = **response;
    std::string csp = r.get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos) << csp;  // no inline, no eval
    EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << csp;
    EXPECT_EQ(r.get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.get_header_value("X-Frame-Options"), "DENY");
    EXPECT_EQ(r.get_header_value("Referrer-Policy"), "no-referrer");
    EXPECT_FALSE(r.has_header("Strict-Transport-Security"));  // plain HTTP
  }
  EXPECT_EQ(health->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(report->get_header_value("Cache-Control"), "no-store");
  EXPECT_EQ(missing->get_header_value("Cache-Control"), "no-store");
}

TEST(LoginRateLimitTest, AnAddressGetsItsBurstThen429) {
  TestServer server([](ServerOptions& options) {
    options.login_limit.burst = 3;
    options.login_limit.refill = std::chrono::minutes(1);
  });
  auto client = server.client();
  for (int i = 0; i < 3; ++i) {
    auto wrong = post_json(*client, "/api/login", login_body("city", "guess-1234"));
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 401) << i;
  }
  // The right password too: the bucket is checked before the credentials.
  auto limited = post_json(*client, "/api/login", login_body("city"));
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(error_code_of(limited), "rate_limited");
  int retry_after = std::stoi(limited->get_header_value("Retry-After"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 60);
  EXPECT_FALSE(limited->has_header("Set-Cookie"));
  // Other endpoints are not limited.
  auto health = client->Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

}  // namespace
}  // namespace zhizao::testing
