// The transport's time and connection bounds, on a real HttpServer over loopback with small
// limits: a head sent too slowly is 408, a refusal on the head is answered before the body is
// sent, an idle keep-alive connection is closed, slow heads and idle connections hold no worker,
// and requests beyond the workers and the queue, or connections beyond the open limit or an
// address's cap, get 503.
#include "http/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "http/loopback_test_support.h"

namespace zhizao::http {
namespace {

using std::chrono::milliseconds;

std::atomic<bool> slow_started{false};  // set by the /slow route once a worker runs it

// The server under test: /hello, a /slow POST that takes 400 ms, and /refused answered 429 on
// its head.
class RunningServer : public testing_support::LoopbackServer {
 public:
  explicit RunningServer(const Limits& limits)
      : LoopbackServer(options_with(limits), [](HttpServer& server) {
          server.routes().get("/hello", [](const Request&, Response& res) {
            res.set_content("hello", "text/plain");
          });
          server.routes().post("/slow", [](const Request&, Response& res) {
            slow_started = true;
            std::this_thread::sleep_for(milliseconds(400));
            res.set_content("done", "text/plain");
          });
          server.set_head_check([](const Request& req, Response& res) {
            if (req.raw_path != "/refused") return false;
            res.status = 429;
            return true;
          });
        }) {}

 private:
  static ServerOptions options_with(const Limits& limits) {
    ServerOptions options;
    options.port = 0;
    options.limits = limits;
    return options;
  }
};

// Connects to the server on 127.0.0.1 from `source` (a loopback address).
int connect_to(int port, const char* source = "127.0.0.1") {
  int fd = testing_support::connect_loopback(port, source);
  EXPECT_GE(fd, 0);
  return fd;
}

void send_text(int fd, const std::string& text) {
  (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
}

// Reads until the peer closes or `wait` passes.
std::string read_all(int fd, milliseconds wait) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + wait;
  char buffer[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd ready{fd, POLLIN, 0};
    if (::poll(&ready, 1, 20) <= 0) continue;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  return out;
}

using testing_support::closed_within;

TEST(HttpServerTest, AHeadSentTooSlowlyIs408) {
  Limits limits;
  limits.head_timeout = milliseconds(300);
  RunningServer server(limits);
  int fd = connect_to(server.port());
  send_text(fd, "GET /hello HTTP/1.1\r\nHost: a\r\n");  // never ends its head
  std::string answer = read_all(fd, milliseconds(3000));
  ::close(fd);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 408 ")) << answer;
}

TEST(HttpServerTest, ARefusalOnTheHeadComesBeforeTheBodyIsSent) {
  RunningServer server(Limits{});
  int fd = connect_to(server.port());
  // Announces a body it never sends: only a refusal made on the head can be answered.
  send_text(fd, "POST /refused HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n");
  std::string answer = read_all(fd, milliseconds(3000));
  ::close(fd);
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 429 ")) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos);
}

TEST(HttpServerTest, AnIdleKeepAliveConnectionIsClosed) {
  Limits limits;
  limits.idle_timeout = milliseconds(300);
  RunningServer server(limits);
  int fd = connect_to(server.port());
  send_text(fd, "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n");
  std::string answer = read_all(fd, milliseconds(200));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  EXPECT_NE(answer.find("Connection: keep-alive"), std::string::npos);
  EXPECT_TRUE(closed_within(fd, milliseconds(3000)));
  ::close(fd);
}

TEST(HttpServerTest, RequestsBeyondTheWorkersAndTheQueueGet503) {
  Limits limits;
  limits.workers = 1;
  limits.max_pending_connections = 1;
  limits.idle_timeout = milliseconds(300);
  RunningServer server(limits);
  // One request busy in the worker, one waiting in the queue, the third refused at once.
  slow_started = false;
  int busy = connect_to(server.port());
  send_text(busy, "POST /slow HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
  for (int i = 0; i < 1000 && !slow_started; ++i) std::this_thread::sleep_for(milliseconds(5));
  ASSERT_TRUE(slow_started);
  int waiting = connect_to(server.port());
  send_text(waiting, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  std::this_thread::sleep_for(milliseconds(100));  // queued before the next one arrives
  int refused = connect_to(server.port());
  send_text(refused, "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n");
  std::string answer = read_all(refused, milliseconds(2000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 503 ")) << answer;
  EXPECT_TRUE(read_all(waiting, milliseconds(3000)).starts_with("HTTP/1.1 200 "));
  EXPECT_TRUE(read_all(busy, milliseconds(3000)).starts_with("HTTP/1.1 200 "));
  for (int fd : {busy, waiting, refused}) ::close(fd);
}

TEST(HttpServerTest, ConnectionsBeyondTheOpenLimitGet503) {
  Limits limits;
  limits.max_open_connections = 2;
  RunningServer server(limits);
  int first = connect_to(server.port());
  int second = connect_to(server.port());
  std::this_thread::sleep_for(milliseconds(100));  // both accepted and parked
  int third = connect_to(server.port());
  EXPECT_TRUE(read_all(third, milliseconds(2000)).starts_with("HTTP/1.1 503 "));
  send_text(first, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(read_all(first, milliseconds(3000)).starts_with("HTTP/1.1 200 "));
  for (int fd : {first, second, third}) ::close(fd);
}

// One address may hold at most max_connections_per_address of the open connections; another
// address is still served, and a closed connection frees its address's slot.
TEST(HttpServerTest, ConnectionsBeyondTheCapOfAnAddressGet503) {
  Limits limits;
  limits.max_connections_per_address = 2;
  RunningServer server(limits);
  int first = connect_to(server.port());
  int second = connect_to(server.port());
  std::this_thread::sleep_for(milliseconds(100));  // both accepted and parked
  int third = connect_to(server.port());
  EXPECT_TRUE(read_all(third, milliseconds(2000)).starts_with("HTTP/1.1 503 "));
  ::close(third);
  // 127.0.0.2 is another loopback address (the whole of 127.0.0.0/8 is loopback on Linux).
  int other = connect_to(server.port(), "127.0.0.2");
  send_text(other, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(read_all(other, milliseconds(3000)).starts_with("HTTP/1.1 200 "));
  ::close(other);
  ::close(first);
  std::this_thread::sleep_for(milliseconds(200));  // the server has seen the close
  int again = connect_to(server.port());
  send_text(again, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(read_all(again, milliseconds(3000)).starts_with("HTTP/1.1 200 "));
  for (int fd : {second, again}) ::close(fd);
}

// Slow heads and idle keep-alive connections wait parked in the listener, not on a worker: with
// one worker, a visitor is answered while others hold half-sent heads and idle connections
// (before, each held a worker for up to head_timeout or idle_timeout).
TEST(HttpServerTest, SlowHeadsAndIdleConnectionsHoldNoWorker) {
  Limits limits;
  limits.workers = 1;
  limits.head_timeout = milliseconds(20'000);
  limits.idle_timeout = milliseconds(20'000);
  RunningServer server(limits);
  std::vector<int> slow;
  for (int i = 0; i < 4; ++i) {
    slow.push_back(connect_to(server.port()));
    send_text(slow.back(), "GET /hello HTTP/1.1\r\nHo");  // a head that stops halfway
  }
  int idle = connect_to(server.port());
  send_text(idle, "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n");
  std::string first = read_all(idle, milliseconds(1000));  // kept alive, then idle
  EXPECT_TRUE(first.starts_with("HTTP/1.1 200 ")) << first;
  EXPECT_NE(first.find("Connection: keep-alive"), std::string::npos);
  int visitor = connect_to(server.port());
  auto asked = std::chrono::steady_clock::now();
  send_text(visitor, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  std::string answer = read_all(visitor, milliseconds(5000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 200 ")) << answer;
  // Far below the 20 s a held worker would have made it wait (a bound, not a speed measure).
  EXPECT_LT(std::chrono::steady_clock::now() - asked, milliseconds(5000));
  // The slow heads go on where they stopped, and the idle connection serves its next request.
  for (int fd : slow) send_text(fd, "st: a\r\nConnection: close\r\n\r\n");
  for (int fd : slow) {
    EXPECT_TRUE(read_all(fd, milliseconds(3000)).starts_with("HTTP/1.1 200 "));
    ::close(fd);
  }
  send_text(idle, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_TRUE(read_all(idle, milliseconds(3000)).starts_with("HTTP/1.1 200 "));
  ::close(idle);
  ::close(visitor);
}

}  // namespace
}  // namespace zhizao::http
