// ApiServer: `zhizao serve` — the JSON API of docs/api.md and the dashboard's files (web/dist)
// over cpp-httplib, on one port. Each request opens its own database connection, so requests
// run in parallel on httplib's thread pool and always read the current data.
#pragma once

#include <memory>
#include <string>

#include "accounts/accounts.h"
#include "base/result.h"
#include "server/login_rate_limiter.h"

namespace zhizao {

struct ServerOptions {
  std::string db_path;  // an existing zhizao database
  std::string bind = "127.0.0.1";
  int port = 8080;          // 0: any free port (bind() returns it)
  std::string web_root;     // the dashboard's files; empty: API only
  std::string rules_path;   // audit rules for submissions; empty: the compiled-in defaults
  AccountOptions accounts;  // password cost, session lifetime, lockout
  size_t max_body_bytes = 256 * 1024;  // larger bodies answer 413
  std::string version = "dev";
  server::LoginRateLimit login_limit;  // per client address, on POST /api/login (429 beyond)
  // HTTPS: both set, the server speaks TLS only (PEM certificate chain and private key), its
  // cookies are Secure and its answers carry Strict-Transport-Security. Both empty: plain HTTP.
  std::string tls_cert_path;
  std::string tls_key_path;
};

// Not copyable. start()/stop() may be called from different threads; everything else from one.
class ApiServer {
 public:
  explicit ApiServer(ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Checks the database and rules, registers the routes and binds the socket. Returns the port.
  // Errors: kNotFound (no database, no web root, no rules file, no certificate or key file),
  // kUsage (only one of certificate and key), kInvalidData (a bad rules file; a certificate and
  // key OpenSSL refuses or that do not match), kCorruption, kIoError (the address cannot be
  // bound).
  Result<int> bind();
  // Serves until stop() is called. Precondition: bind() succeeded. Errors: kIoError.
  Status listen();
  // Makes listen() return; safe from any thread, also before listen() starts.
  void stop();
  // True while listen() is accepting connections.
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Returns the default web root for the executable at `executable`: the web/dist folder of the
// source tree that holds its build directory (build/zhizao → ../web/dist), if it exists, else "".
std::string default_web_root(const std::string& executable);

}  // namespace zhizao
