// ApiServer: `zhizao serve` — the JSON API of docs/api.md and the dashboard's files (web/dist)
// over the bounded HTTP/1.1 transport of src/http, on one port. Each request opens its own
// database connection, so requests run in parallel on the transport's workers and always read
// the current data.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "base/result.h"
#include "engine/reporting_coverage.h"
#include "http/router.h"
#include "quality/quality_thresholds.h"
#include "server/login_rate_limiter.h"

namespace zhizao {

enum class AccessLog { kOff, kJsonLines };

struct ServerOptions {
  std::string db_path;  // an existing zhizao database
  std::string bind = "127.0.0.1";
  int port = 8080;          // 0: any free port (bind() returns it)
  std::string web_root;     // the dashboard's files; empty: API only
  std::string rules_path;   // audit rules for submissions; empty: the compiled-in defaults
  AccountOptions accounts;  // password cost, session lifetime, lockout
  size_t max_body_bytes = 256 * 1024;     // larger bodies (after chunked decoding) answer 413
  int max_connections_per_address = 128;  // http::Limits's; 0: no cap (behind a proxy)
  // Host names a request may be addressed to (DNS rebinding defence, docs/security.md); empty:
  // localhost, 127.0.0.1, [::1] and `bind` unless it is a wildcard (0.0.0.0, ::).
  std::vector<std::string> allowed_hosts;
  // Origins besides this server's own that may send writes (e.g. https://zhizao.example.gov.cn
  // of a TLS proxy in front of a plain server).
  std::vector<std::string> allowed_origins;
  std::string version = "dev";
  server::LoginRateLimit login_limit;  // per client address, on POST /api/login (429 beyond)
  // HTTPS: both set, the server speaks TLS only (PEM certificate chain and private key), its
  // cookies are Secure and its answers carry Strict-Transport-Security. Both empty: plain HTTP.
  std::string tls_cert_path;
  std::string tls_key_path;
  // The share of expected reports (percent, 0–100) a month needs to be publishable: GET
  // /api/periods' `publishable` and `latest` (engine/reporting_coverage.h).
  double publish_threshold = kDefaultPublishThreshold;
  // kJsonLines: one JSON line per answered request on stdout (server/access_log.h), for the
  // system journal; off by default, since a caller that never reads stdout would block on it.
  AccessLog access_log = AccessLog::kOff;
  // The thresholds of the data-quality checks of /api/quality and of the documents' appendix
  // (`serve --quality-rules FILE`, quality/quality_thresholds.h); the compiled-in defaults.
  QualityThresholds quality_thresholds;
  // The folder of the safety proof files (safety/proof_file.h): "" for the database's path +
  // ".files", beside the database; never under web_root (bind() refuses that).
  std::string proof_dir;
  std::string clickhouse;  // serve --clickhouse URL: the daily readings there ("": the database)
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
  // kUsage (only one of certificate and key; a publish threshold outside 0–100; a proof folder
  // within the web root), kInvalidData (a bad rules file; a certificate and key OpenSSL refuses
  // or that do not match), kCorruption, kIoError (the address cannot be bound).
  Result<int> bind();
  // Serves until stop() is called. Precondition: bind() succeeded. Errors: kIoError.
  Status listen();
  // Makes listen() return; safe from any thread, also before listen() starts.
  void stop();
  // True while listen() is accepting connections.
  bool is_running() const;
  // The registered routes (method and pattern source, registration order); empty before bind().
  std::vector<http::Router::RouteInfo> routes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The Host names a server bound to `bind` answers by default (see ServerOptions::allowed_hosts).
std::vector<std::string> default_allowed_hosts(const std::string& bind);

// Returns the default web root for the executable at `executable`: the web/dist folder of the
// source tree that holds its build directory (build/zhizao → ../web/dist), if it exists, else "".
std::string default_web_root(const std::string& executable);

}  // namespace zhizao
