// The TLS handshake holds no worker while it waits for the peer (docs/security.md, "Bounds"): on
// a real HttpServer with one worker and a self-signed certificate, clients that send the start
// of a hello and stop do not keep a visitor from being answered, and a handshake not finished
// within head_timeout is closed. Certificates come from the openssl command (skipped without).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "http/http_server.h"
#include "http/loopback_test_support.h"

namespace zhizao::http {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

// The server under test: /hello over TLS with the certificate and key in `dir`.
class TlsServer : public testing_support::LoopbackServer {
 public:
  TlsServer(const fs::path& dir, const Limits& limits)
      : LoopbackServer(options_with(dir, limits), [](HttpServer& server) {
          server.routes().get("/hello", [](const Request&, Response& res) {
            res.set_content("hello", "text/plain");
          });
        }) {}

 private:
  static ServerOptions options_with(const fs::path& dir, const Limits& limits) {
    ServerOptions options;
    options.port = 0;
    options.limits = limits;
    options.tls_cert_path = (dir / "cert.pem").string();
    options.tls_key_path = (dir / "key.pem").string();
    return options;
  }
};

int connect_tcp(int port) {
  int fd = testing_support::connect_loopback(port);
  EXPECT_GE(fd, 0);
  timeval wait{5, 0};  // a blocking client that gives up after 5 s rather than hanging the test
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, sizeof wait);
  return fd;
}

// GET /hello over TLS (the certificate is not verified: the test trusts its own server).
// Returns the answer's bytes, or "" when the handshake or the exchange failed.
std::string tls_get_hello(int port) {
  SSL_CTX* context = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
  SSL* ssl = SSL_new(context);
  int fd = connect_tcp(port);
  SSL_set_fd(ssl, fd);
  std::string answer;
  if (SSL_connect(ssl) == 1) {
    static constexpr char kRequest[] =
        "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    if (SSL_write(ssl, kRequest, sizeof kRequest - 1) > 0) {
      char buffer[4096];
      int n = 0;
      while ((n = SSL_read(ssl, buffer, sizeof buffer)) > 0) {
        answer.append(buffer, static_cast<size_t>(n));
      }
    }
  }
  SSL_free(ssl);
  SSL_CTX_free(context);
  ::close(fd);
  return answer;
}

using testing_support::closed_within;

// The first bytes of a TLS record carrying a ClientHello (type 22, version 3.1, length 512):
// enough for the server to start reading the hello, which then never arrives.
constexpr char kHelloStart[] = "\x16\x03\x01\x02\x00\x01";

class TlsHandshakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("zhizao_tls_handshake_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout '" +
        (dir_ / "key.pem").string() + "' -out '" + (dir_ / "cert.pem").string() +
        "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) GTEST_SKIP() << "no openssl command";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

// Before, a worker ran each handshake to its end, waiting up to head_timeout for the peer: with
// one worker, one client sending half a hello kept every visitor waiting.
TEST_F(TlsHandshakeTest, SlowHandshakesHoldNoWorker) {
  Limits limits;
  limits.workers = 1;
  limits.head_timeout = milliseconds(20'000);
  TlsServer server(dir_, limits);
  std::vector<int> slow;
  for (int i = 0; i < 4; ++i) {
    slow.push_back(connect_tcp(server.port()));
    (void)::send(slow.back(), kHelloStart, sizeof kHelloStart - 1, MSG_NOSIGNAL);
  }
  std::this_thread::sleep_for(milliseconds(200));  // the worker has taken their first steps
  auto asked = std::chrono::steady_clock::now();
  std::string answer = tls_get_hello(server.port());
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  EXPECT_NE(answer.find("hello"), std::string::npos);
  // Far below the 20 s a held worker would have made it wait (a bound, not a speed measure).
  EXPECT_LT(std::chrono::steady_clock::now() - asked, milliseconds(5000));
  for (int fd : slow) ::close(fd);
}

TEST_F(TlsHandshakeTest, AHandshakeNotFinishedInTheHeadTimeIsClosed) {
  Limits limits;
  limits.head_timeout = milliseconds(300);
  TlsServer server(dir_, limits);
  int fd = connect_tcp(server.port());
  (void)::send(fd, kHelloStart, sizeof kHelloStart - 1, MSG_NOSIGNAL);
  EXPECT_TRUE(closed_within(fd, milliseconds(3000)));
  ::close(fd);
  // The server still serves a client that completes its handshake.
  EXPECT_TRUE(tls_get_hello(server.port()).starts_with("HTTP/1.1 200 "));
}

}  // namespace
}  // namespace zhizao::http
