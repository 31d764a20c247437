// Issue #19, items 1, 6 and 7, against a real server on loopback through raw sockets: bodies
// bounded whatever their framing, before any login work; heads bounded; Host names checked;
// request content codings refused; static files only inside the web root; Content-Type exact.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "http/loopback_test_support.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Resident memory of this process (the server runs in it), from /proc/self/status.
long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  }
  return -1;
}

int connect_to(int port) { return testing_support::connect_loopback(port); }

// What the server answered, read until it closes (or 5 s pass).
std::string read_answer(int fd) {
  std::string answer;
  char buffer[4096];
  Clock::time_point deadline = Clock::now() + std::chrono::seconds(5);
  while (Clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, 100) <= 0) continue;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<size_t>(n));
  }
  return answer;
}

// Sends `head`, then streams up to `body_bytes` of `chunk` (already framed) while watching for
// an answer; returns the answer and how long it took from the first byte.
struct Streamed {
  std::string answer;
  double seconds = 0;
  size_t sent = 0;
};
Streamed stream_request(int port, const std::string& head, const std::string& chunk,
                        size_t body_bytes) {
  Streamed out;
  int fd = connect_to(port);
  if (fd < 0) return out;
  Clock::time_point start = Clock::now();
  (void)::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
  while (out.sent < body_bytes) {
    pollfd ready{fd, POLLIN | POLLOUT, 0};
    ::poll(&ready, 1, 1000);
    if (ready.revents & (POLLIN | POLLHUP | POLLERR)) break;  // the server answered or closed
    ssize_t n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno != EAGAIN) break;
    if (n > 0) out.sent += static_cast<size_t>(n);
  }
  out.answer = read_answer(fd);
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ::close(fd);
  return out;
}

int status_of(const std::string& answer) {
  if (!answer.starts_with("HTTP/1.1 ")) return 0;
  return std::stoi(answer.substr(9, 3));
}

std::string body_of(const std::string& answer) {
  size_t end = answer.find("\r\n\r\n");
  return end == std::string::npos ? "" : answer.substr(end + 4);
}

std::string exchange(int port, const std::string& request) {
  int fd = connect_to(port);
  if (fd < 0) return "";
  (void)::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer = read_answer(fd);
  ::close(fd);
  return answer;
}

constexpr size_t k256MiB = 256u * 1024 * 1024;

TEST(TransportHardeningTest, A256MiBChunkedLoginIsRefusedAtOnceWithLittleMemory) {
  TestServer server([](ServerOptions& options) { options.max_body_bytes = 256 * 1024; });
  std::string head =
      "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  // One chunk announcing 256 MiB, then its data.
  long before = resident_kib();
  std::string data(64 * 1024, 'x');
  Streamed one = stream_request(server.port(), head + "10000000\r\n", data, k256MiB);
  EXPECT_EQ(status_of(one.answer), 413) << one.answer.substr(0, 200);
  EXPECT_LT(one.seconds, 1.0);
  // 1 MiB chunks (each framed) up to 256 MiB: refused once they pass the limit.
  std::string framed = "100000\r\n" + std::string(1024 * 1024, 'y') + "\r\n";
  Streamed many = stream_request(server.port(), head, framed, k256MiB);
  EXPECT_EQ(status_of(many.answer), 413) << many.answer.substr(0, 200);
  EXPECT_LT(many.seconds, 1.0);
  EXPECT_LT(many.sent, 64u * 1024 * 1024) << "the server stopped reading early";
  EXPECT_EQ(nlohmann::json::parse(body_of(many.answer))["error"]["code"], "too_large");
  long after = resident_kib();
  EXPECT_LT(after - before, 16 * 1024) << "resident memory grew by " << (after - before) << " KiB";
}

TEST(TransportHardeningTest, HeadsAreBoundedAndRefusedWith414Or431) {
  TestServer server;
  long before = resident_kib();
  std::string line = "GET /" + std::string(1024 * 1024, 'a');  // no end of line, ever
  Streamed long_line = stream_request(server.port(), line, std::string(64 * 1024, 'a'), k256MiB);
  EXPECT_EQ(status_of(long_line.answer), 414);
  EXPECT_LT(long_line.seconds, 1.0);
  std::string fields = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  Streamed many_fields =
      stream_request(server.port(), fields, "X-Filler: 0123456789abcdef\r\n", 64 * 1024 * 1024);
  EXPECT_EQ(status_of(many_fields.answer), 431);
  EXPECT_LT(resident_kib() - before, 16 * 1024);
}

TEST(TransportHardeningTest, OnlyTheAllowedHostNamesAreAnswered) {
  TestServer server;
  std::string own =
      exchange(server.port(), "GET /api/health HTTP/1.1\r\nConnection: close\r\nHost: localhost:" +
                                  std::to_string(server.port()) + "\r\n\r\n");
  EXPECT_EQ(status_of(own), 200);
  // DNS rebinding: the attacker's name resolving to this server.
  std::string rebound =
      exchange(server.port(), "GET /api/health HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
  EXPECT_EQ(status_of(rebound), 421);
  EXPECT_EQ(nlohmann::json::parse(body_of(rebound))["error"]["code"], "http_421");
  std::string none = exchange(server.port(), "GET /api/health HTTP/1.1\r\n\r\n");
  EXPECT_EQ(status_of(none), 400);
  TestServer named([](ServerOptions& options) { options.allowed_hosts = {"zhizao.example"}; });
  EXPECT_EQ(
      status_of(exchange(
          named.port(),
          "GET /api/health HTTP/1.1\r\nConnection: close\r\nHost: ZHIZAO.example:80\r\n\r\n")),
      200);
  EXPECT_EQ(
      status_of(exchange(named.port(), "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")),
      421);
}

TEST(TransportHardeningTest, CompressedRequestBodiesAre415) {
  TestServer server;
  std::string answer = exchange(server.port(),
                                "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Type: application/json\r\nContent-Encoding: gzip\r\n"
                                "Content-Length: 4\r\n\r\nabcd");
  EXPECT_EQ(status_of(answer), 415);
}

TEST(TransportHardeningTest, TheJsonMediaTypeIsComparedExactly) {
  TestServer server;
  auto client = server.client();
  for (const char* type : {"text/plain; x=application/json", "application/jsonx", "text/plain",
                           "application/json-patch+json"}) {
    auto response = client->Post("/api/login", login_body("city"), type);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 400) << type;
  }
  auto ok = client->Post("/api/login", login_body("city"), "Application/JSON ; charset=utf-8");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST(TransportHardeningTest, ErrorMessagesDoNotEchoLargeValues) {
  TestServer server;
  std::string token = server.login("ent");
  auto client = server.client();
  std::string uscc(3000, 'A');
  auto response = client->Post("/api/submissions", TestServer::session(token),
                               R"({"uscc": ")" + uscc + R"(", "period": "2021-04", "output": 1})",
                               "application/json");
  ASSERT_TRUE(response);
  EXPECT_GE(response->status, 400);
  EXPECT_LT(response->body.size(), 1024u) << response->body.substr(0, 200);
}

TEST(TransportHardeningTest, StaticFilesStayInsideTheWebRoot) {
  namespace fs = std::filesystem;
  fs::path base = fs::temp_directory_path() / ("zhizao_webroot_" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "dist" / "assets");
  std::ofstream(base / "dist" / "index.html") << "<!doctype html><title>dash</title>";
  std::ofstream(base / "secret.db") << "SQLite format 3";
  fs::create_symlink("/etc/passwd", base / "dist" / "passwd");
  fs::create_symlink(base / "secret.db", base / "dist" / "assets" / "data.js");
  TestServer server([&](ServerOptions& options) { options.web_root = (base / "dist").string(); });
  auto client = server.client();
  auto nul = client->Get("/index.html%00.js");
  auto passwd = client->Get("/passwd");
  auto database = client->Get("/assets/data.js");
  auto dotdot = client->Get("/assets/%2e%2e/%2e%2e/secret.db");
  auto encoded_slash = client->Get("/assets%2F..%2Fsecret.db");
  fs::remove_all(base);
  ASSERT_TRUE(nul && passwd && database && dotdot && encoded_slash);
  EXPECT_EQ(nul->status, 400);
  EXPECT_EQ(passwd->status, 404);
  EXPECT_EQ(database->status, 404);
  EXPECT_EQ(dotdot->status, 400);
  EXPECT_EQ(encoded_slash->status, 400);
  EXPECT_EQ(passwd->body.find("root:"), std::string::npos);
}

}  // namespace
}  // namespace zhizao::testing
