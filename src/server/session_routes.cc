// POST /api/login, POST /api/logout, GET /api/me (docs/api.md, "Sessions and roles").
#include "server/api_context.h"
#include "server/http_support.h"

namespace zhizao::server {
namespace {

constexpr size_t kMaxAuditedNameLength = 64;

nlohmann::json actor_json(const Principal& actor) {
  nlohmann::json out;
  out["name"] = actor.name;
  out["role"] = actor.role.to_string();
  bool restricted = actor.role.kind == RoleKind::kCounty;
  out["scope"] = restricted ? nlohmann::json(actor.role.code) : nlohmann::json(nullptr);
  if (actor.role.kind == RoleKind::kEnterprise) out["uscc"] = actor.role.code;
  return out;
}

void login(const ServerConfig& config, const httplib::Request& req, httplib::Response& res,
           Database& db) {
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
  set_session_cookie(res, granted.token, granted.lifetime);
  send_json(res, 200, actor_json(granted.actor));
}

}  // namespace

void add_session_routes(httplib::Server& http, const ServerConfig& config) {
  http.Post("/api/login",
            with_database(config, [&config](const httplib::Request& req, httplib::Response& res,
                                            Database& db) { login(config, req, res, db); }));
  http.Post("/api/logout", authenticated(config, [&config](ApiCall& call) {
              Accounts accounts(call.db, config.accounts);
              Status revoked = accounts.logout(cookie_value(call.req, kSessionCookie));
              if (!revoked.is_ok()) {
                send_status(call.res, revoked);
                return;
              }
              if (!audit(call, "logout", call.actor.name, nlohmann::json::object())) return;
              set_session_cookie(call.res, "", std::chrono::seconds(0));
              call.res.status = 204;
            }));
  http.Get("/api/me", authenticated(config, [](ApiCall& call) {
             send_json(call.res, 200, actor_json(call.actor));
           }));
}

}  // namespace zhizao::server
