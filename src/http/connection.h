// Connection: one accepted socket, plain or TLS, with reads and writes that wait at most until a
// deadline and stop at once when the server stops. Non-blocking sockets and poll(2) throughout,
// so that no read can block a worker past its deadline.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao::http {

using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

class Connection {
 public:
  Connection() = default;
  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Reads at most `size` bytes. Returns how many; 0 when the peer closed its side. Errors:
  // kIoError ("timed out", "stopped", or the system's error).
  virtual Result<size_t> read_some(char* data, size_t size, Deadline deadline) = 0;
  // Writes all of `data`. Errors: kIoError as for read_some.
  virtual Status write_all(std::string_view data, Deadline deadline) = 0;
  // Ends a connection after an answer that refused a request whose body was not read: stops
  // sending, then reads and drops up to `max_bytes` for at most `linger`, so that the client
  // reads the answer instead of a reset (RFC 9112 §9.6). The connection is unusable after.
  virtual void close_after_answer(std::chrono::milliseconds linger, size_t max_bytes) = 0;

  virtual const std::string& remote_addr() const = 0;
  virtual int remote_port() const = 0;
  // The socket, for the listener to poll while the connection waits parked (http_server.h); -1
  // when there is none.
  virtual int socket_fd() const = 0;
};

// A connection over a socket: the base of the plain and the TLS ones.
class SocketConnection : public Connection {
 public:
  ~SocketConnection() override;
  const std::string& remote_addr() const override { return remote_addr_; }
  int remote_port() const override { return remote_port_; }
  int socket_fd() const override { return fd_; }

 protected:
  // Takes ownership of `fd` (closed by the destructor) and makes it non-blocking; `stop_fd`
  // becomes readable when the server stops and is not owned.
  SocketConnection(int fd, int stop_fd);
  enum class Wait { kRead, kWrite };
  // Waits until the socket is ready for `wait`. Errors: kIoError "timed out" or "stopped".
  Status wait_ready(Wait wait, Deadline deadline) const;
  // Shuts the writing side and drains the reading side (see close_after_answer).
  void drain(std::chrono::milliseconds linger, size_t max_bytes);

  int fd_;
  int stop_fd_;
  std::string remote_addr_;
  int remote_port_ = 0;
};

// A plain TCP connection. `fd` is made non-blocking.
std::unique_ptr<Connection> make_plain_connection(int fd, int stop_fd);

}  // namespace zhizao::http
