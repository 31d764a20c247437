// HTTPS (zhizao serve --tls-cert/--tls-key): a self-signed certificate made with the openssl
// command, /api/health over TLS with the certificate as the trusted CA, Secure cookies and
// Strict-Transport-Security, and the errors of a bad setup (docs/security.md).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Makes cert.pem and key.pem (RSA 2048, one day, CN localhost, SAN 127.0.0.1) in `dir`; false
// when the openssl command is missing or fails.
bool make_self_signed(const fs::path& dir) {
  std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
      "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout '" +
      (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() + "' >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("zhizao_tls_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    if (!make_self_signed(dir_)) GTEST_SKIP() << "no openssl command";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string cert() const { return (dir_ / "cert.pem").string(); }
  std::string key() const { return (dir_ / "key.pem").string(); }

  fs::path dir_;
};

TEST_F(TlsTest, ServesHttpsWithSecureCookiesAndHsts) {
  TestServer data;  // its database and users; this test serves it again over TLS
  ServerOptions options;
  options.db_path = data.db_path();
  options.port = 0;
  options.accounts.password_cost = PasswordCost::kMinimal;
  options.tls_cert_path = cert();
  options.tls_key_path = key();
  ApiServer server(options);
  Result<int> port = server.bind();
  ASSERT_TRUE(port) << port.error().to_string();
  std::thread thread([&server] { (void)server.listen(); });
  for (int i = 0; i < 500 && !server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  httplib::SSLClient client("127.0.0.1", *port);
  client.set_ca_cert_path(cert().c_str());  // self-signed: the certificate is its own CA
  client.enable_server_certificate_verification(true);
  client.set_connection_timeout(std::chrono::seconds(5));
  auto health = client.Get("/api/health");
  auto login = client.Post("/api/login", R"({"name": "city", "password": "password-1"})",
                           "application/json");
  httplib::Client plain("127.0.0.1", *port);
  plain.set_connection_timeout(std::chrono::seconds(2));
  plain.set_read_timeout(std::chrono::seconds(2));
  auto over_http = plain.Get("/api/health");
  server.stop();
  thread.join();

  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json::parse(health->body)["status"], "ok");
  EXPECT_EQ(health->get_header_value("Strict-Transport-Security"), "max-age=31536000");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200);
  std::string cookie = login->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  // A plain HTTP request to the TLS port gets no HTTP answer.
  EXPECT_FALSE(over_http && over_http->status == 200);
}

TEST_F(TlsTest, BadSetupsFailAtStart) {
  TestServer data;
  ServerOptions options;
  options.db_path = data.db_path();
  options.port = 0;
  options.tls_cert_path = cert();
  EXPECT_EQ(ApiServer(options).bind().error().code(), StatusCode::kUsage);  // no key
  options.tls_key_path = (dir_ / "missing.pem").string();
  EXPECT_EQ(ApiServer(options).bind().error().code(), StatusCode::kNotFound);
  std::ofstream(dir_ / "garbage.pem") << "not a key\n";
  options.tls_key_path = (dir_ / "garbage.pem").string();
  EXPECT_EQ(ApiServer(options).bind().error().code(), StatusCode::kInvalidData);
  // A key of another certificate does not match this one.
  fs::path other = dir_ / "other";
  fs::create_directories(other);
  ASSERT_TRUE(make_self_signed(other));
  options.tls_key_path = (other / "key.pem").string();
  EXPECT_EQ(ApiServer(options).bind().error().code(), StatusCode::kInvalidData);
}

TEST_F(TlsTest, PlainServersSendNoSecureFlagAndNoHsts) {
  TestServer server;
  auto login = server.client()->Post("/api/login", R"({"name": "city", "password": "password-1"})",
                                     "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->get_header_value("Set-Cookie").find("Secure"), std::string::npos);
  EXPECT_FALSE(login->has_header("Strict-Transport-Security"));
}

}  // namespace
}  // namespace zhizao::testing
