// What the transport tests share (tests/http, tests/server): an HttpServer listening on an
// ephemeral loopback port in a thread of the test, and raw client sockets to it, so that a test
// can send a head byte by byte, hold a connection open, or watch for the server's close.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "http/http_server.h"

namespace zhizao::testing_support {

// An HttpServer on 127.0.0.1 at a free port, listening from construction to destruction.
// `install` adds the routes and head checks before the server binds.
class LoopbackServer {
 public:
  LoopbackServer(http::ServerOptions options, const std::function<void(http::HttpServer&)>& install)
      : server_(std::make_unique<http::HttpServer>(std::move(options))) {
    install(*server_);
    Result<int> port = server_->bind();
    EXPECT_TRUE(port) << port.error().to_string();
    port_ = port.value_or(0);
    thread_ = std::thread([this] { (void)server_->listen(); });
    for (int i = 0; i < 500 && !server_->is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer() {
    server_->stop();
    thread_.join();
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<http::HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// A TCP connection to `port` on 127.0.0.1 from the loopback address `source`; -1 when the
// socket cannot be bound or connected.
inline int connect_loopback(int port, const char* source = "127.0.0.1") {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &local.sin_addr);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// True when the peer has closed the connection within `wait`.
inline bool closed_within(int fd, std::chrono::milliseconds wait) {
  pollfd ready{fd, POLLIN, 0};
  if (::poll(&ready, 1, static_cast<int>(wait.count())) <= 0) return false;
  char byte;
  return ::recv(fd, &byte, 1, MSG_PEEK) == 0;
}

}  // namespace zhizao::testing_support
