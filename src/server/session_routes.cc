// POST /api/login, POST /api/logout, POST /api/logout-all, GET /api/me and the administrator's
// POST /api/users/NAME/revoke (docs/api.md, "Sessions and roles"; docs/security.md).
#include <string>

#include "accounts/session_token.h"
#include "server/api_context.h"
#include "server/http_support.h"

namespace zhizao::server {
namespace {

constexpr size_t kMaxAuditedNameLength = 64;

nlohmann::json actor_json(const Principal& actor, std::string_view session_token) {
  nlohmann::json out;
  out["name"] = actor.name;
  out["role"] = actor.role.to_string();
  bool restricted = actor.role.kind == RoleKind::kCounty;
  out["scope"] = restricted ? nlohmann::json(actor.role.code) : nlohmann::json(nullptr);
  if (actor.role.kind == RoleKind::kEnterprise) out["uscc"] = actor.role.code;
  out["csrf_token"] = csrf_token_for(session_token);
  return out;
}

}  // namespace

// The per-address bucket comes first, before the body is read or a password hashed, so that a
// flood costs the server a map lookup per request.
static bool within_login_rate(const ServerConfig& config, const Request& req, Response& res) {
  if (config.login_limiter == nullptr) return true;
  RateDecision decision =
      config.login_limiter->acquire(req.remote_addr, LoginRateLimiter::Clock::now());
  if (decision.allowed) return true;
  res.set_header("Retry-After", std::to_string(decision.retry_after.count()));
  send_error(res, 429, "rate_limited", "too many login attempts from this address; retry later");
  return false;
}

bool refuse_on_head(const ServerConfig& config, const Request& req, Response& res) {
  if (req.method != "POST" || req.raw_path != "/api/login") return false;
  return !within_login_rate(config, req, res);
}

namespace {

void login(const ServerConfig& config, const Request& req, Response& res, Database& db) {
  if (!same_origin(req, config.scheme, config.extra_origins)) {
    send_csrf_refusal(res, "a login from another origin");
    return;
  }
  Result<nlohmann::json> body = json_object_body(req);
  if (!body) {
    send_status(res, body.error());
    return;
  }
  auto name = body->find("name");
  auto password = body->find("password");
  if (name == body->end() || !name->is_string() || password == body->end() ||
      !password->is_string()) {
    send_error(res, 400, "bad_request", "the body needs \"name\" and \"password\" strings");
    return;
  }
  Accounts accounts(db, config.accounts);
  Result<std::optional<LoginGrant>> grant =
      accounts.login(name->get<std::string>(), password->get<std::string>(), Clock::now());
  if (!grant) {
    send_status(res, grant.error());
    return;
  }
  if (!grant->has_value()) {
    // The name tried is kept (cut short) to see guessing; the password never.
    std::string tried = name->get<std::string>().substr(0, kMaxAuditedNameLength);
    if (!audit(db, res, "", req.remote_addr, "login.failed", tried, nlohmann::json::object())) {
      return;
    }
    send_error(res, 401, "unauthorized", "wrong name or password");
    return;
  }
  const LoginGrant& granted = **grant;
  nlohmann::json detail;
  detail["role"] = granted.actor.role.to_string();
  detail["expires_at"] = granted.expires_at;
  if (!audit(db, res, granted.actor.name, req.remote_addr, "login", granted.actor.name, detail)) {
    return;
  }
  set_session_cookie(res, granted.token, granted.lifetime, config.cookies);
  send_json(res, 200, actor_json(granted.actor, granted.token));
}

void logout(ApiCall& call, const ServerConfig& config) {
  Accounts accounts(call.db, config.accounts);
  Status revoked = accounts.logout(cookie_value(call.req, kSessionCookie));
  if (!revoked.is_ok()) {
    send_status(call.res, revoked);
    return;
  }
  if (!audit(call, "logout", call.actor.name, nlohmann::json::object())) return;
  set_session_cookie(call.res, "", std::chrono::seconds(0), config.cookies);
  call.res.status = 204;
}

// Ends every session of `name`: the caller's own ("log out everywhere") or, for the
// administrator, any user's.
void revoke_all(ApiCall& call, const ServerConfig& config, const std::string& name,
                std::string_view action) {
  Result<int> revoked = Accounts(call.db, config.accounts).revoke_sessions(name);
  if (!revoked) {
    send_status(call.res, revoked.error());
    return;
  }
  if (!audit(call, action, name, {{"sessions", *revoked}})) return;
  if (name == call.actor.name) {
    set_session_cookie(call.res, "", std::chrono::seconds(0), config.cookies);
  }
  call.res.status = 204;
}

}  // namespace

void add_session_routes(http::Router& routes, const ServerConfig& config) {
  http::Handler login_with_database = with_database(
      config,
      [&config](const Request& req, Response& res, Database& db) { login(config, req, res, db); });
  // The rate limit runs on the request's head (refuse_on_head), before its body is read.
  routes.post("/api/login", login_with_database);
  routes.post("/api/logout",
              authenticated(config, [&config](ApiCall& call) { logout(call, config); }));
  routes.post("/api/logout-all", authenticated(config, [&config](ApiCall& call) {
                revoke_all(call, config, call.actor.name, "logout.all");
              }));
  routes.post(R"(/api/users/([^/]+)/revoke)", authenticated(config, [&config](ApiCall& call) {
                if (!may_administer(call.actor)) {
                  send_forbidden(call.res);
                  return;
                }
                revoke_all(call, config, call.req.matches[1], "user.revoke");
              }));
  routes.get("/api/me", authenticated(config, [](ApiCall& call) {
               send_json(call.res, 200,
                         actor_json(call.actor, cookie_value(call.req, kSessionCookie)));
             }));
}

}  // namespace zhizao::server
