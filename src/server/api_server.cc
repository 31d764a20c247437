#include "server/api_server.h"

#include <httplib.h>

#include <cstdio>
#include <exception>
#include <filesystem>

#include "rules/rule_set.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "store/database.h"

namespace zhizao {

using server::send_error;
using server::send_json;

struct ApiServer::Impl {
  ServerOptions options;
  server::ServerConfig config;
  RuleSet rules;
  std::unique_ptr<httplib::Server> http;  // an httplib::SSLServer under TLS
  std::unique_ptr<server::LoginRateLimiter> login_limiter;
  // A connection held open, unused, while the server lives: requests open their own, but while
  // one is open an import by another process stays in WAL (store/bulk_journal.h), so requests
  // read the data as it was instead of waiting for a national import to commit.
  std::unique_ptr<Database> held_open;
};

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

std::unique_ptr<httplib::Server> make_http_server(const ServerOptions& options) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
  if (!options.tls_cert_path.empty() && !options.tls_key_path.empty()) {
    return std::make_unique<httplib::SSLServer>(options.tls_cert_path.c_str(),
                                                options.tls_key_path.c_str());
  }
#endif
  return std::make_unique<httplib::Server>();
}

// Errors of the TLS options: see ApiServer::bind.
Status check_tls(const ServerOptions& options, const httplib::Server& http) {
  if (!wants_tls(options)) return Status::ok();
  if (options.tls_cert_path.empty() || options.tls_key_path.empty()) {
    return Status::usage("TLS needs both a certificate and a private key file");
  }
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
  return Status::usage("this build of zhizao has no TLS support (cpp-httplib without OpenSSL)");
#endif
  for (const std::string& path : {options.tls_cert_path, options.tls_key_path}) {
    if (!std::filesystem::is_regular_file(path)) return Status::not_found("no file " + path);
  }
  if (!http.is_valid()) {
    return Status::invalid_data("OpenSSL refused the certificate " + options.tls_cert_path +
                                " or the key " + options.tls_key_path +
                                " (PEM files, and the key must match the certificate)");
  }
  return Status::ok();
}

// Answers every status ≥ 400 that a route left without a body (unknown paths, 413 from the
// body limit, 400 from a malformed request) with the API's JSON error.
httplib::Server::HandlerResponse json_error(const httplib::Request& req, httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  switch (res.status) {
    case 404:
      send_error(res, 404, "not_found", "no such endpoint: " + req.method + " " + req.path);
      break;
    case 413:
      send_error(res, 413, "too_large", "the request body is too large");
      break;
    default:
      send_error(res, res.status, "http_" + std::to_string(res.status),
                 "the request was refused (HTTP " + std::to_string(res.status) + ")");
  }
  return httplib::Server::HandlerResponse::Handled;
}

void register_dashboard(httplib::Server& http, const std::string& web_root) {
  if (web_root.empty()) {
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(
          "<!doctype html><meta charset=utf-8><title>zhizao</title>"
          "<p>zhizao API is running; the dashboard is not built (make build, or --web-root).",
          "text/html; charset=utf-8");
    });
    return;
  }
  // Files first (httplib serves mount points before routes); paths without an extension that
  // are not files are the dashboard's own routes and get its index.html.
  http.set_mount_point("/", web_root);
  std::string index = (std::filesystem::path(web_root) / "index.html").string();
  http.Get(R"(/(?!api/)[^.]*)", [index](const httplib::Request&, httplib::Response& res) {
    std::FILE* file = std::fopen(index.c_str(), "rb");
    if (file == nullptr) {
      res.status = 404;
      return;
    }
    std::string text;
    char buffer[8192];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    std::fclose(file);
    res.set_content(std::move(text), "text/html; charset=utf-8");
  });
}

}  // namespace

ApiServer::ApiServer(ServerOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->http = make_http_server(impl_->options);
  impl_->login_limiter = std::make_unique<server::LoginRateLimiter>(impl_->options.login_limit);
}

ApiServer::~ApiServer() = default;

Result<int> ApiServer::bind() {
  const ServerOptions& options = impl_->options;
  // Fail at start, not at the first request, when the database is missing or unreadable.
  Result<std::unique_ptr<Database>> db = Database::open(options.db_path, OpenMode::kMustExist);
  if (!db) return fail(db.error());
  impl_->held_open = *std::move(db);
  if (options.rules_path.empty()) {
    impl_->rules = default_rule_set();
  } else {
    Result<RuleSet> rules = load_rule_set(options.rules_path);
    if (!rules) return fail(rules.error());
    impl_->rules = std::move(*rules);
  }
  if (!options.web_root.empty() && !std::filesystem::is_directory(options.web_root)) {
    return fail(Status::not_found("no web root folder " + options.web_root));
  }
  httplib::Server& http = *impl_->http;
  Status tls_checked = check_tls(options, http);
  if (!tls_checked.is_ok()) return fail(tls_checked);
  bool tls = wants_tls(options);
  server::ServerConfig& config = impl_->config;
  config.db_path = options.db_path;
  config.accounts = options.accounts;
  config.rules = &impl_->rules;
  config.version = options.version;
  config.login_limiter = impl_->login_limiter.get();
  config.cookies = tls ? server::CookieSecurity::kSecure : server::CookieSecurity::kPlain;

  http.set_payload_max_length(options.max_body_bytes);
  httplib::Headers headers = {{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy", kContentSecurityPolicy},
                              {"Cross-Origin-Opener-Policy", "same-origin"},
                              {"Cross-Origin-Resource-Policy", "same-origin"}};
  // Only under TLS: a browser that saw it over HTTPS refuses plain HTTP to this host for a year
  // (RFC 6797); sent over plain HTTP it would be ignored anyway.
  if (tls) headers.emplace("Strict-Transport-Security", "max-age=31536000");
  http.set_default_headers(std::move(headers));
  http.set_error_handler(httplib::Server::HandlerWithResponse(json_error));
  http.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
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
      });
  http.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.path.starts_with("/api/")) res.set_header("Cache-Control", "no-store");
  });

  http.Get("/api/health", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, nlohmann::json{{"status", "ok"}});
  });
  http.Get("/api/version", [&config](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200,
              nlohmann::ordered_json{{"version", config.version},
                                     {"schema", Database::schema_version()}});
  });
  server::add_session_routes(http, config);
  server::add_report_routes(http, config);
  server::add_enterprise_routes(http, config);
  server::add_admin_routes(http, config);
  server::add_submission_routes(http, config);
  server::add_project_routes(http, config);
  register_dashboard(http, options.web_root);

  int port = options.port == 0
                 ? http.bind_to_any_port(options.bind)
                 : (http.bind_to_port(options.bind, options.port) ? options.port : -1);
  if (port < 0) {
    return fail(
        Status::io_error("cannot listen on " + options.bind + ":" + std::to_string(options.port)));
  }
  return port;
}

Status ApiServer::listen() {
  if (!impl_->http->listen_after_bind()) return Status::io_error("the server stopped on an error");
  return Status::ok();
}

void ApiServer::stop() { impl_->http->stop(); }

bool ApiServer::is_running() const { return impl_->http->is_running(); }

std::string default_web_root(const std::string& executable) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path path = fs::weakly_canonical(fs::path(executable), error);
  if (error) return "";
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
