// TLS for the transport, with OpenSSL 3 directly: a server context made from a PEM certificate
// chain and private key (TLS 1.2 or newer, OpenSSL's default ciphers), and connections over a
// non-blocking socket whose handshake proceeds a step at a time as its socket becomes ready, and
// whose reads and writes keep the same deadlines as plain ones.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "http/connection.h"

namespace zhizao::http {

// A server handshake over a non-blocking socket, made a step at a time by whoever finds the
// socket ready: a worker takes a step, and the listener's poll waits for the next one
// (http_server.cc), so that a client sending its hello slowly holds no worker
// (docs/security.md, "Bounds"). Not thread-safe: one holder at a time.
class TlsHandshake {
 public:
  enum class Next { kDone, kRead, kWrite };
  virtual ~TlsHandshake() = default;
  // One non-blocking step: kDone, or the readiness of the socket the next step waits for.
  // Errors: kIoError (the peer closed, broke off or spoke no TLS).
  virtual Result<Next> step() = 0;
  virtual int socket_fd() const = 0;
  // After step() returned kDone: the connection (the handshake object is spent).
  virtual std::unique_ptr<Connection> connection() = 0;
};

class TlsContext {
 public:
  // Loads the chain and key. Errors: kNotFound (a file is missing), kInvalidData (OpenSSL
  // refuses a file, or the key does not match the certificate).
  static Result<std::unique_ptr<TlsContext>> load(const std::string& cert_path,
                                                  const std::string& key_path);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  // Takes ownership of `fd` (closed on error too) and begins the server handshake on it; no
  // byte is read or written yet. Errors: kIoError (OpenSSL could not make the session).
  Result<std::unique_ptr<TlsHandshake>> begin(int fd, int stop_fd) const;

 private:
  struct Impl;
  explicit TlsContext(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zhizao::http
