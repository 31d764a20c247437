#include "server/api_server.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "http/http_server.h"
#include "rules/rule_set.h"
#include "server/access_log.h"
#include "server/api_context.h"
#include "server/database_pool.h"
#include "server/http_support.h"
#include "server/wal_checkpointer.h"
#include "store/database.h"

namespace zhizao {

using server::send_error;
using server::send_json;

struct ApiServer::Impl {
  ServerOptions options;
  server::ServerConfig config;
  RuleSet rules;
  // The requests' connections; declared before `http` so that they outlive its workers.
  std::unique_ptr<server::DatabasePool> databases;
  // Checkpoints the log on its own connection, held open while the server lives: besides, while
  // one is open an import by another process stays in WAL (store/bulk_journal.h), so requests
  // read the data as it was instead of waiting for a national import to commit.
  std::unique_ptr<server::WalCheckpointer> checkpointer;
  std::unique_ptr<http::HttpServer> http;
  std::unique_ptr<server::LoginRateLimiter> login_limiter;
};

namespace {
// How often the server checkpoints its write-ahead log (server/wal_checkpointer.h): at the load
// test's rate of submissions the log grows a few MB a second.
constexpr std::chrono::milliseconds kCheckpointInterval{500};
}  // namespace

namespace {

// The policy for everything the server sends (docs/security.md): scripts only from the server's
// own files (no inline script, no eval), no plugins, no framing, no <base> rewriting, forms and
// fetches only to itself. Inline styles stay allowed because ECharts' tooltips carry style
// attributes; injected CSS cannot run code.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

bool wants_tls(const ServerOptions& options) {
  return !options.tls_cert_path.empty() || !options.tls_key_path.empty();
}

// Gives every answer of status >= 400 without a body the API's JSON error (unknown paths, the
// transport's refusals: 413, 431, 421, ...).
void json_error(const http::Request& req, http::Response& res, std::string_view message) {
  switch (res.status) {
    case 400:
      send_error(res, 400, "bad_request", message.empty() ? "malformed request" : message);
      break;
    case 404:
      send_error(res, 404, "not_found", "no such endpoint: " + req.method + " " + req.path);
      break;
    case 405:
      send_error(res, 405, "method_not_allowed",
                 req.method + " is not allowed on " + req.path +
                     " (Allow: " + res.get_header_value("Allow") + ")");
      break;
    case 413:
      send_error(res, 413, "too_large",
                 message.empty() ? "the request body is too large" : message);
      break;
    default:
      send_error(res, res.status, "http_" + std::to_string(res.status),
                 message.empty()
                     ? "the request was refused (HTTP " + std::to_string(res.status) + ")"
                     : std::string(message));
  }
}

void log_exception(const http::Request& req, http::Response& res, std::exception_ptr error) {
  std::string what = "unknown";
  try {
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  std::fprintf(stderr, "zhizao serve: %s %s: internal error: %s\n", req.method.c_str(),
               req.path.c_str(), what.c_str());
  send_error(res, 500, "internal", "the server failed; see its log");
}

void register_api_root(http::Router& routes, const server::ServerConfig& config) {
  routes.get("/api/health", [](const http::Request&, http::Response& res) {
    send_json(res, 200, nlohmann::json{{"status", "ok"}});
  });
  routes.get("/api/version", [&config](const http::Request&, http::Response& res) {
    send_json(res, 200,
              nlohmann::ordered_json{{"version", config.version},
                                     {"schema", Database::schema_version()}});
  });
}

}  // namespace

std::vector<std::string> default_allowed_hosts(const std::string& bind) {
  std::vector<std::string> hosts = {"localhost", "127.0.0.1", "[::1]"};
  if (bind.empty() || bind == "0.0.0.0" || bind == "::" || bind == "[::]") return hosts;
  hosts.push_back(bind.find(':') != std::string::npos && !bind.starts_with("[") ? "[" + bind + "]"
                                                                                : bind);
  return hosts;
}

ApiServer::ApiServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->login_limiter = std::make_unique<server::LoginRateLimiter>(impl_->options.login_limit);
}

ApiServer::~ApiServer() = default;

Result<int> ApiServer::bind() {
  const ServerOptions& options = impl_->options;
  if (!(options.publish_threshold >= 0 && options.publish_threshold <= 100)) {
    return fail(Status::usage("the publish threshold is a percentage from 0 to 100"));
  }
  // Fail at start, not at the first request, when the database is missing or unreadable.
  Result<std::unique_ptr<Database>> db = Database::open(options.db_path, OpenMode::kMustExist);
  if (!db) return fail(db.error());
  impl_->checkpointer =
      std::make_unique<server::WalCheckpointer>(*std::move(db), kCheckpointInterval);
  if (options.rules_path.empty()) {
    impl_->rules = default_rule_set();
  } else {
    Result<RuleSet> rules = load_rule_set(options.rules_path);
    if (!rules) return fail(rules.error());
    impl_->rules = std::move(*rules);
  }
  bool tls = wants_tls(options);
  server::ServerConfig& config = impl_->config;
  config.db_path = options.db_path;
  config.accounts = options.accounts;
  config.rules = &impl_->rules;
  config.version = options.version;
  config.login_limiter = impl_->login_limiter.get();
  config.cookies = tls ? server::CookieSecurity::kSecure : server::CookieSecurity::kPlain;
  config.scheme = tls ? "https" : "http";
  config.extra_origins = options.allowed_origins;
  config.publish_threshold = options.publish_threshold;
  config.quality_thresholds = options.quality_thresholds;
  config.proof_dir = options.proof_dir;
  config.clickhouse = options.clickhouse;
  if (Status outside =
          server::check_proof_folder(options.db_path, options.proof_dir, options.web_root);
      !outside.is_ok())
    return fail(outside);

  http::ServerOptions transport;
  transport.bind = options.bind;
  transport.port = options.port;
  transport.tls_cert_path = options.tls_cert_path;
  transport.tls_key_path = options.tls_key_path;
  transport.limits.max_body_bytes = options.max_body_bytes;
  transport.limits.max_connections_per_address = options.max_connections_per_address;
  // No more connections are lent at once than there are workers to use them.
  impl_->databases = std::make_unique<server::DatabasePool>(
      options.db_path, static_cast<std::size_t>(std::max(1, transport.limits.workers)),
      server::PooledCheckpoints::kLeftToCheckpointer);
  config.databases = impl_->databases.get();
  transport.allowed_hosts =
      options.allowed_hosts.empty() ? default_allowed_hosts(options.bind) : options.allowed_hosts;
  impl_->http = std::make_unique<http::HttpServer>(std::move(transport));
  http::HttpServer& http = *impl_->http;
  if (!options.web_root.empty()) {
    Result<std::unique_ptr<http::StaticFiles>> files = http::StaticFiles::open(options.web_root);
    if (!files) return fail(files.error());
    (*files)->warm();
    http.set_static_files(std::move(*files), "index.html");
  }
  http::Headers headers = {{"X-Content-Type-Options", "nosniff"},
                           {"X-Frame-Options", "DENY"},
                           {"Referrer-Policy", "no-referrer"},
                           {"Content-Security-Policy", kContentSecurityPolicy},
                           {"Cross-Origin-Opener-Policy", "same-origin"},
                           {"Cross-Origin-Resource-Policy", "same-origin"}};
  // Only under TLS: a browser that saw it over HTTPS refuses plain HTTP to this host for a year
  // (RFC 6797); sent over plain HTTP it would be ignored anyway.
  if (tls) headers.emplace("Strict-Transport-Security", "max-age=31536000");
  http.set_default_headers(std::move(headers));
  http.set_error_body(json_error);
  http.set_exception_handler(log_exception);
  http.set_head_check([&config](const http::Request& req, http::Response& res) {
    return server::refuse_on_head(config, req, res);
  });
  if (options.access_log == AccessLog::kJsonLines) {
    http.set_exchange_log([](const http::ExchangeRecord& record) {
      server::write_log_line(server::access_log_line(record));
    });
  }
  http.set_after_routing([](const http::Request& req, http::Response& res) {
    if (req.raw_path.starts_with("/api/")) res.set_header("Cache-Control", "no-store");
  });
  if (options.web_root.empty()) {
    http.routes().get("/", [](const http::Request&, http::Response& res) {
      res.set_content(
          "<!doctype html><meta charset=utf-8><title>zhizao</title>"
          "<p>zhizao API is running; the dashboard is not built (make build, or --web-root).",
          "text/html; charset=utf-8");
    });
  }
  http::Router& routes = http.routes();
  register_api_root(routes, config);
  server::add_session_routes(routes, config);
  server::add_report_routes(routes, config);
  server::add_enterprise_routes(routes, config);
  server::add_admin_routes(routes, config);
  server::add_submission_routes(routes, config);
  server::add_project_routes(routes, config);
  server::add_document_routes(routes, config);
  server::add_warning_routes(routes, config);
  server::add_case_routes(routes, config);
  server::add_safety_routes(routes, config);
  server::add_service_routes(routes, config);
  server::add_product_routes(routes, config);
  server::add_nowcast_routes(routes, config);
  server::add_quality_routes(routes, config);
  server::add_revision_routes(routes, config);
  server::add_openapi_routes(routes);
  return http.bind();
}

Status ApiServer::listen() {
  if (!impl_->http) return Status::usage("listen() before bind()");
  return impl_->http->listen();
}

void ApiServer::stop() {
  if (impl_->http) impl_->http->stop();
}

bool ApiServer::is_running() const { return impl_->http && impl_->http->is_running(); }

std::vector<http::Router::RouteInfo> ApiServer::routes() const {
  if (!impl_->http) return {};
  return impl_->http->routes().list();
}

std::string default_web_root(const std::string& executable) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path path = fs::weakly_canonical(fs::path(executable), error);
  if (error) return "";
  // Installed (the Debian package, docs/operations.md): /usr/bin/zhizao →
  // /usr/share/zhizao/web, relative so that a package unpacked under another root works too.
  fs::path installed = path.parent_path().parent_path() / "share" / "zhizao" / "web";
  if (fs::is_regular_file(installed / "index.html", error)) return installed.string();
  // build/zhizao → <source>/web/dist; also one level deeper (build/src/zhizao) for safety.
  for (fs::path dir = path.parent_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    fs::path candidate = dir.parent_path() / "web" / "dist";
    if (fs::is_directory(candidate, error)) return candidate.string();
    if (dir.parent_path() == dir) break;
  }
  return "";
}

}  // namespace zhizao
