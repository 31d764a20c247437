// The per-request frame of the API: each request borrows its own Database from the server's pool
// (SQLite connections are not shared between threads; each read sees every earlier commit,
// server/database_pool.h), finds the caller's session and hands the route an ApiCall. Routes are
// registered by the add_*_routes functions.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "engine/reporting_coverage.h"
#include "quality/quality_thresholds.h"
#include "rules/rule_set.h"
#include "server/database_pool.h"
#include "server/http_support.h"
#include "server/login_rate_limiter.h"
#include "store/database.h"

namespace zhizao::server {

// What every route needs to know about the server; owned by the ApiServer, read-only while it
// runs (thread-safe to share).
struct ServerConfig {
  std::string db_path;
  AccountOptions accounts;
  const RuleSet* rules = nullptr;  // the audit rules for submissions; never null while serving
  std::string version;
  LoginRateLimiter* login_limiter = nullptr;        // thread-safe; null: no per-address limit
  CookieSecurity cookies = CookieSecurity::kPlain;  // kSecure when serving HTTPS
  std::string scheme = "http";                      // "https" when serving HTTPS
  std::vector<std::string> extra_origins;  // origins besides scheme://Host allowed to write
  double publish_threshold = kDefaultPublishThreshold;  // percent of expected reports
  QualityThresholds quality_thresholds;  // /api/quality and the documents' appendix (serve
                                         // --quality-rules); the compiled-in defaults if none
  std::string proof_dir;  // the safety proof files (safety/proof_file.h); "" for DB + ".files"
  // serve --clickhouse URL: the daily readings there (clickhouse/daily_readings_of.h); "": the db
  std::string clickhouse;
  // The requests' connections (thread-safe); never null while serving (ApiServer sets it).
  DatabasePool* databases = nullptr;
};

// One authenticated request.
struct ApiCall {
  const Request& req;
  Response& res;
  Database& db;
  Principal actor;
  std::string remote;  // the client's address, for the audit log
};

// Returns a handler that borrows a connection from config.databases and calls `handler` with it;
// a database that cannot be opened answers 500.
http::Handler with_database(const ServerConfig& config,
                            std::function<void(const Request&, Response&, Database&)> handler);

// Returns a handler that also requires a valid session cookie: 401 {"error": {"code":
// "unauthorized"}} without one. A state-changing request (POST, PUT, DELETE...) must also come
// from the same origin and carry the session's CSRF token in X-CSRF-Token: 403 {"error":
// {"code": "csrf"}} otherwise. Then `handler` runs with the caller as `actor`.
http::Handler authenticated(const ServerConfig& config, std::function<void(ApiCall&)> handler);

// Answers 403 {"error": {"code": "forbidden"}}: the same answer whether or not what was asked
// for exists.
void send_forbidden(Response& res);

// Appends an audit row for `call`'s actor and address. A failure is logged to stderr and
// answers 500 (a write that cannot be audited is not acknowledged); returns false then.
bool audit(ApiCall& call, std::string_view action, std::string_view target,
           const nlohmann::json& detail);
// The same for requests without a session (login): `user_name` may be "".
bool audit(Database& db, Response& res, std::string_view user_name, std::string_view remote,
           std::string_view action, std::string_view target, const nlohmann::json& detail);

// The checks made on a request's head, before its body is read: the per-address login rate
// limit on POST /api/login (429 with Retry-After). True when it answered `res`.
bool refuse_on_head(const ServerConfig& config, const Request& req, Response& res);

void add_session_routes(http::Router& routes, const ServerConfig& config);
void add_report_routes(http::Router& routes, const ServerConfig& config);
void add_enterprise_routes(http::Router& routes, const ServerConfig& config);
void add_admin_routes(http::Router& routes, const ServerConfig& config);
void add_submission_routes(http::Router& routes, const ServerConfig& config);
void add_project_routes(http::Router& routes, const ServerConfig& config);
void add_document_routes(http::Router& routes, const ServerConfig& config);
void add_warning_routes(http::Router& routes, const ServerConfig& config);  // GET /api/warnings
void add_case_routes(http::Router& routes, const ServerConfig& config);     // /api/cases (issue 14)
// /api/safety, /api/safety/..., /api/enterprises/USCC/safety (server/safety_routes.cc, issue 14)
void add_safety_routes(http::Router& routes, const ServerConfig& config);
// Errors: kUsage when the proof folder (`proof_dir`, or `db_path` + ".files") lies within
// `web_root` (proof files are served only through the API's checks, never as static files).
Status check_proof_folder(const std::string& db_path, const std::string& proof_dir,
                          const std::string& web_root);
// GET /api/service, /api/assignments, /api/visits, /api/service/export (service_routes.cc, #14)
void add_service_routes(http::Router& routes, const ServerConfig& config);
void add_product_routes(http::Router& routes, const ServerConfig& config);  // GET /api/products
// GET /api/nowcast, GET /api/electricity/daily (server/nowcast_routes.cc)
void add_nowcast_routes(http::Router& routes, const ServerConfig& config);
// GET /api/quality, GET /api/quality/USCC, POST /api/quality/verify (server/quality_routes.cc)
void add_quality_routes(http::Router& routes, const ServerConfig& config);
// GET /api/safety/{checks,hazards}/ID/revisions, /api/cases/ID/revisions (revision_routes.cc, #14)
void add_revision_routes(http::Router& routes, const ServerConfig& config);
// GET /api/openapi.json (server/openapi_routes.cc), no session needed.
void add_openapi_routes(http::Router& routes);
// The text of docs/openapi.json, compiled in (OpenAPI 3.1). Thread-safe.
std::string_view openapi_text();

}  // namespace zhizao::server
