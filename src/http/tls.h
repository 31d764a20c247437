// TLS for the transport, with OpenSSL 3 directly: a server context made from a PEM certificate
// chain and private key (TLS 1.2 or newer, OpenSSL's default ciphers), and connections over a
// non-blocking socket whose handshake, reads and writes keep the same deadlines as plain ones.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "http/connection.h"

namespace zhizao::http {

class TlsContext {
 public:
  // Loads the chain and key. Errors: kNotFound (a file is missing), kInvalidData (OpenSSL
  // refuses a file, or the key does not match the certificate).
  static Result<std::unique_ptr<TlsContext>> load(const std::string& cert_path,
                                                  const std::string& key_path);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  // Takes ownership of `fd` and runs the server handshake until `deadline`. Errors: kIoError
  // (timed out, stopped, the peer broke off or spoke no TLS).
  Result<std::unique_ptr<Connection>> accept(int fd, int stop_fd, Deadline deadline) const;

 private:
  struct Impl;
  explicit TlsContext(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace zhizao::http
