#include "server/api_context.h"

#include <cstdio>

#include "server/http_support.h"
#include "server/write_turns.h"
#include "store/audit_log.h"

namespace zhizao::server {

http::Handler with_database(const ServerConfig& config,
                            std::function<void(const Request&, Response&, Database&)> handler) {
  return [&config, handler = std::move(handler)](const Request& req, Response& res) {
    Result<DatabasePool::Lease> lease = config.databases->lend();
    if (!lease) {
      send_status(res, Status::internal("cannot open the database: " + lease.error().to_string()));
      return;
    }
    handler(req, res, **lease);
  };
}

http::Handler authenticated(const ServerConfig& config, std::function<void(ApiCall&)> handler) {
  return with_database(config, [&config, handler = std::move(handler)](
                                   const Request& req, Response& res, Database& db) {
    std::string token = cookie_value(req, kSessionCookie);
    Accounts accounts(db, config.accounts);
    Result<std::optional<Principal>> actor =
        accounts.authenticate(token, Clock::now(), &grouped_writes(config.db_path));
    if (!actor) {
      send_status(res, actor.error());
      return;
    }
    if (!actor->has_value()) {
      send_error(res, 401, "unauthorized", "log in first (POST /api/login)");
      return;
    }
    if (is_state_changing(req)) {
      if (!same_origin(req, config.scheme, config.extra_origins)) {
        send_csrf_refusal(res, "a request from another origin");
        return;
      }
      if (!csrf_token_matches(req, token)) {
        send_csrf_refusal(res, "missing or wrong X-CSRF-Token header (see /api/me)");
        return;
      }
    }
    ApiCall call{req, res, db, std::move(**actor), req.remote_addr};
    handler(call);
  });
}

void send_forbidden(Response& res) {
  send_error(res, 403, "forbidden", "outside your role's scope");
}

bool audit(Database& db, Response& res, std::string_view user_name, std::string_view remote,
           std::string_view action, std::string_view target, const nlohmann::json& detail) {
  AuditEntry entry;
  entry.user_name = user_name;
  entry.remote = remote;
  entry.action = action;
  entry.target = target;
  entry.detail = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  Result<long> appended = AuditLog(db).append(entry);
  if (!appended) {
    send_status(res, Status::internal("audit log: " + appended.error().to_string()));
    return false;
  }
  return true;
}

bool audit(ApiCall& call, std::string_view action, std::string_view target,
           const nlohmann::json& detail) {
  return audit(call.db, call.res, call.actor.name, call.remote, action, target, detail);
}

}  // namespace zhizao::server
