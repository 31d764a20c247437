#include "http/tls.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace zhizao::http {
namespace {

std::string openssl_error() {
  unsigned long code = ERR_get_error();
  char text[256] = "unknown OpenSSL error";
  if (code != 0) ERR_error_string_n(code, text, sizeof text);
  ERR_clear_error();
  return text;
}

class TlsConnection final : public SocketConnection {
 public:
  TlsConnection(int fd, int stop_fd, SSL* ssl) : SocketConnection(fd, stop_fd), ssl_(ssl) {
    SSL_set_fd(ssl_, fd_);
  }
  ~TlsConnection() override { SSL_free(ssl_); }

  // Runs `step` (an SSL_* call) until it succeeds, waiting for the socket as OpenSSL asks.
  // Returns the call's result (> 0) or an error.
  template <typename Step>
  Result<int> drive(Step step, Deadline deadline) {
    for (;;) {
      ERR_clear_error();
      int result = step();
      if (result > 0) return result;
      int error = SSL_get_error(ssl_, result);
      if (error == SSL_ERROR_ZERO_RETURN) return 0;
      Wait wait;
      if (error == SSL_ERROR_WANT_READ) {
        wait = Wait::kRead;
      } else if (error == SSL_ERROR_WANT_WRITE) {
        wait = Wait::kWrite;
      } else {
        // A peer that closes without close_notify reads as end of data (RFC 8446 §6.1 allows
        // treating it as truncation; HTTP framing tells complete messages apart anyway).
        if (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0) return 0;
        return fail(Status::io_error("TLS: " + openssl_error()));
      }
      Status ready = wait_ready(wait, deadline);
      if (!ready.is_ok()) return fail(ready);
    }
  }

  // One non-blocking SSL_accept (TlsHandshake::step).
  Result<TlsHandshake::Next> handshake_step() {
    ERR_clear_error();
    int result = SSL_accept(ssl_);
    if (result > 0) return TlsHandshake::Next::kDone;
    int error = SSL_get_error(ssl_, result);
    if (error == SSL_ERROR_WANT_READ) return TlsHandshake::Next::kRead;
    if (error == SSL_ERROR_WANT_WRITE) return TlsHandshake::Next::kWrite;
    if (error == SSL_ERROR_ZERO_RETURN || (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)) {
      return fail(Status::io_error("TLS: the peer closed during the handshake"));
    }
    return fail(Status::io_error("TLS: " + openssl_error()));
  }

  Result<size_t> read_some(char* data, size_t size, Deadline deadline) override {
    int wanted = static_cast<int>(std::min<size_t>(size, 1 << 30));
    Result<int> n = drive([&] { return SSL_read(ssl_, data, wanted); }, deadline);
    if (!n) return fail(n.error());
    return static_cast<size_t>(*n);
  }

  Status write_all(std::string_view data, Deadline deadline) override {
    while (!data.empty()) {
      int wanted = static_cast<int>(std::min<size_t>(data.size(), 1 << 20));
      Result<int> n = drive([&] { return SSL_write(ssl_, data.data(), wanted); }, deadline);
      if (!n) return n.error();
      if (*n == 0) return Status::io_error("TLS: the peer closed");
      data.remove_prefix(static_cast<size_t>(*n));
    }
    return Status::ok();
  }

  void close_after_answer(std::chrono::milliseconds linger, size_t max_bytes) override {
    SSL_shutdown(ssl_);  // sends close_notify; the peer's own is not awaited
    drain(linger, max_bytes);
  }

 private:
  SSL* ssl_;
};

class PendingHandshake final : public TlsHandshake {
 public:
  explicit PendingHandshake(std::unique_ptr<TlsConnection> connection)
      : connection_(std::move(connection)) {}
  Result<Next> step() override { return connection_->handshake_step(); }
  int socket_fd() const override { return connection_->socket_fd(); }
  std::unique_ptr<Connection> connection() override { return std::move(connection_); }

 private:
  std::unique_ptr<TlsConnection> connection_;
};

}  // namespace

struct TlsContext::Impl {
  SSL_CTX* ctx = nullptr;
  ~Impl() {
    if (ctx != nullptr) SSL_CTX_free(ctx);
  }
};

TlsContext::TlsContext(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TlsContext::~TlsContext() = default;

Result<std::unique_ptr<TlsContext>> TlsContext::load(const std::string& cert_path,
                                                     const std::string& key_path) {
  for (const std::string& path : {cert_path, key_path}) {
    if (!std::filesystem::is_regular_file(path)) return fail(Status::not_found("no file " + path));
  }
  auto impl = std::make_unique<Impl>();
  impl->ctx = SSL_CTX_new(TLS_server_method());
  if (impl->ctx == nullptr) return fail(Status::internal("TLS: " + openssl_error()));
  SSL_CTX_set_min_proto_version(impl->ctx, TLS1_2_VERSION);
  SSL_CTX_set_options(impl->ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_use_certificate_chain_file(impl->ctx, cert_path.c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(impl->ctx, key_path.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(impl->ctx) != 1) {
    return fail(Status::invalid_data(
        "OpenSSL refused the certificate " + cert_path + " or the key " + key_path +
        " (PEM files, and the key must match the certificate): " + openssl_error()));
  }
  return std::unique_ptr<TlsContext>(new TlsContext(std::move(impl)));
}

Result<std::unique_ptr<TlsHandshake>> TlsContext::begin(int fd, int stop_fd) const {
  SSL* ssl = SSL_new(impl_->ctx);
  if (ssl == nullptr) {
    ::close(fd);
    return fail(Status::io_error("TLS: " + openssl_error()));
  }
  return std::unique_ptr<TlsHandshake>(
      new PendingHandshake(std::make_unique<TlsConnection>(fd, stop_fd, ssl)));
}

}  // namespace zhizao::http
