// HttpServer: HTTP/1.1 over TCP, plain or TLS, on a fixed pool of worker threads. Every request
// is read within Limits (http/limits.h) and checked on its head — Host among the allowed names
// (DNS rebinding), no request content coding, the caller's head check (e.g. a rate limit) —
// before its body is read; only then does a route or a static file answer it. Written on
// Boost.Beast's parser and OpenSSL because Debian 12's cpp-httplib (0.11.4) reads chunked
// bodies, request lines and header lists without bound (issue #19).
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "http/exchange.h"
#include "http/limits.h"
#include "http/message.h"
#include "http/router.h"
#include "http/static_files.h"

namespace zhizao::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";  // a numeric address or a name getaddrinfo resolves
  int port = 8080;                 // 0: any free port (bind() returns it)
  // HTTPS when both are set (PEM chain and key); plain HTTP when both are empty.
  std::string tls_cert_path;
  std::string tls_key_path;
  Limits limits;
  // Host names (without port) a request's Host header may name; others get 421 (RFC 9110
  // §15.5.20). Empty: any.
  std::vector<std::string> allowed_hosts;
};

class HttpServer {
 public:
  explicit HttpServer(ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Set these before bind(); they are read concurrently while serving.
  Router& routes();
  // Files for GET/HEAD outside /api/; paths without an extension that name no file get
  // `app_index` (the single-page dashboard's routes).
  void set_static_files(std::unique_ptr<StaticFiles> files, std::string app_index);
  // Added to every answer that does not set them itself.
  void set_default_headers(Headers headers);
  // Runs on each request's head (body not read yet); returns true when it answered, and the
  // connection is then closed without reading the body.
  void set_head_check(std::function<bool(const Request&, Response&)> check);
  // Gives a body to every answer of status >= 400 that has none; `message` says why when the
  // transport refused the request itself, else is empty.
  void set_error_body(std::function<void(const Request&, Response&, std::string_view)> fill);
  // Runs after every routed answer (e.g. cache headers).
  void set_after_routing(std::function<void(const Request&, Response&)> after);
  // Runs after every answer is written (or failed to be): an access log. Called concurrently
  // from the workers.
  void set_exchange_log(std::function<void(const ExchangeRecord&)> log);
  // Answers a route that threw (a bug): the default is a plain 500.
  void set_exception_handler(
      std::function<void(const Request&, Response&, std::exception_ptr)> handler);

  // Loads TLS and binds the socket. Returns the port. Errors: kNotFound, kUsage (only one TLS
  // file), kInvalidData (OpenSSL refused the files), kIoError (cannot listen).
  Result<int> bind();
  // Serves until stop(). Precondition: bind() succeeded. Errors: kIoError.
  Status listen();
  // Makes listen() return once open connections end their current request; safe from any
  // thread (also from a signal-handling thread), also before listen() starts.
  void stop();
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zhizao::http
