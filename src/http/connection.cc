#include "http/connection.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace zhizao::http {
namespace {

void describe_peer(int fd, std::string& addr, int& port) {
  sockaddr_storage storage{};
  socklen_t length = sizeof storage;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (storage.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&storage);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    port = ntohs(in->sin_port);
  } else if (storage.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&storage);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    port = ntohs(in6->sin6_port);
  }
  addr = text;
}

class PlainConnection final : public SocketConnection {
 public:
  PlainConnection(int fd, int stop_fd) : SocketConnection(fd, stop_fd) {}

  Result<size_t> read_some(char* data, size_t size, Deadline deadline) override {
    for (;;) {
      ssize_t n = ::recv(fd_, data, size, 0);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) {
        return fail(Status::io_error(std::string("recv: ") + std::strerror(errno)));
      }
      Status ready = wait_ready(Wait::kRead, deadline);
      if (!ready.is_ok()) return fail(ready);
    }
  }

  Status write_all(std::string_view data, Deadline deadline) override {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n >= 0) {
        data.remove_prefix(static_cast<size_t>(n));
        continue;
      }
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) {
        return Status::io_error(std::string("send: ") + std::strerror(errno));
      }
      Status ready = wait_ready(Wait::kWrite, deadline);
      if (!ready.is_ok()) return ready;
    }
    return Status::ok();
  }

  void close_after_answer(std::chrono::milliseconds linger, size_t max_bytes) override {
    drain(linger, max_bytes);
  }
};

}  // namespace

SocketConnection::SocketConnection(int fd, int stop_fd) : fd_(fd), stop_fd_(stop_fd) {
  int flags = ::fcntl(fd_, F_GETFL, 0);
  if (flags >= 0) ::fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
  describe_peer(fd_, remote_addr_, remote_port_);
}

SocketConnection::~SocketConnection() { ::close(fd_); }

Status SocketConnection::wait_ready(Wait wait, Deadline deadline) const {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return Status::io_error("timed out");
    pollfd fds[2] = {{fd_, static_cast<short>(wait == Wait::kRead ? POLLIN : POLLOUT), 0},
                     {stop_fd_, POLLIN, 0}};
    int n = ::poll(fds, 2, static_cast<int>(std::min<long>(left.count(), 60'000)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::io_error(std::string("poll: ") + std::strerror(errno));
    if (fds[1].revents != 0) return Status::io_error("stopped");
    if (fds[0].revents != 0) return Status::ok();  // ready, or an error the next call reports
  }
}

void SocketConnection::drain(std::chrono::milliseconds linger, size_t max_bytes) {
  ::shutdown(fd_, SHUT_WR);
  Deadline deadline = Clock::now() + linger;
  char buffer[16 * 1024];
  size_t drained = 0;
  while (drained < max_bytes) {
    ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n == 0) return;
    if (n > 0) {
      drained += static_cast<size_t>(n);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return;
    if (!wait_ready(Wait::kRead, deadline).is_ok()) return;
  }
}

std::unique_ptr<Connection> make_plain_connection(int fd, int stop_fd) {
  return std::make_unique<PlainConnection>(fd, stop_fd);
}

}  // namespace zhizao::http
