// The administrator's endpoints: the audit log and the users (docs/api.md, "Administration").
#include <charconv>

#include "server/api_context.h"
#include "server/http_support.h"
#include "store/audit_log.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

constexpr long kMaxAuditPage = 1000;

// Parses a non-negative whole number query parameter; std::nullopt when malformed.
std::optional<long> whole_number(const std::string& text) {
  long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

void get_audit(ApiCall& call) {
  AuditFilter filter;
  filter.limit = kMaxAuditPage;
  for (const char* name : {"after", "limit"}) {
    std::optional<std::string> text = query_param(call.req, name);
    if (!text) continue;
    std::optional<long> value = whole_number(*text);
    if (!value) {
      send_error(call.res, 400, "bad_request", std::string(name) + " is a whole number");
      return;
    }
    if (std::string_view(name) == "after") filter.after_id = *value;
    if (std::string_view(name) == "limit") filter.limit = std::min(*value, kMaxAuditPage);
  }
  filter.user_name = query_param(call.req, "user");
  filter.action = query_param(call.req, "action");
  Result<std::vector<AuditEntry>> entries = AuditLog(call.db).list(filter);
  if (!entries) {
    send_status(call.res, entries.error());
    return;
  }
  ordered_json body{{"entries", ordered_json::array()}};
  for (const AuditEntry& entry : *entries) {
    ordered_json detail = ordered_json::parse(entry.detail, nullptr, false);
    body["entries"].push_back(
        {{"id", entry.id},
         {"at", entry.at},
         {"user", entry.user_name},
         {"remote", entry.remote},
         {"action", entry.action},
         {"target", entry.target},
         {"detail", detail.is_discarded() ? ordered_json(entry.detail) : std::move(detail)}});
  }
  send_json(call.res, 200, body);
}

void get_users(ApiCall& call, const ServerConfig& config) {
  Result<std::vector<UserInfo>> users = Accounts(call.db, config.accounts).list_users();
  if (!users) {
    send_status(call.res, users.error());
    return;
  }
  ordered_json body{{"users", ordered_json::array()}};
  for (const UserInfo& user : *users) {
    body["users"].push_back({{"name", user.name},
                             {"role", user.role.to_string()},
                             {"created_at", user.created_at},
                             {"disabled", user.disabled}});
  }
  send_json(call.res, 200, body);
}

void post_user(ApiCall& call, const ServerConfig& config) {
  Result<nlohmann::json> body = json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return;
  }
  for (const char* key : {"name", "role", "password"}) {
    if (!body->contains(key) || !(*body)[key].is_string()) {
      send_error(call.res, 400, "bad_request", "the body needs \"name\", \"role\", \"password\"");
      return;
    }
  }
  std::string name = (*body)["name"];
  Result<Role> role = parse_role((*body)["role"].get<std::string>());
  if (!role) {
    send_status(call.res, role.error());
    return;
  }
  Status added = Accounts(call.db, config.accounts)
                     .add_user(name, *role, (*body)["password"].get<std::string>(), Clock::now());
  if (!added.is_ok()) {
    send_status(call.res, added);
    return;
  }
  if (!audit(call, "user.add", name, {{"role", role->to_string()}})) return;
  send_json(call.res, 201, ordered_json{{"name", name}, {"role", role->to_string()}});
}

void set_disabled(ApiCall& call, const ServerConfig& config, bool disabled) {
  std::string name = call.req.matches[1];
  Status changed = Accounts(call.db, config.accounts).set_disabled(name, disabled);
  if (!changed.is_ok()) {
    send_status(call.res, changed);
    return;
  }
  if (!audit(call, disabled ? "user.disable" : "user.enable", name, nlohmann::json::object())) {
    return;
  }
  call.res.status = 204;
}

// Wraps `handler` so that only the administrator reaches it.
std::function<void(ApiCall&)> admin_only(std::function<void(ApiCall&)> handler) {
  return [handler = std::move(handler)](ApiCall& call) {
    if (!may_administer(call.actor)) {
      send_forbidden(call.res);
      return;
    }
    handler(call);
  };
}

}  // namespace

void add_admin_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/audit", authenticated(config, admin_only(get_audit)));
  routes.get(
      "/api/users",
      authenticated(config, admin_only([&config](ApiCall& call) { get_users(call, config); })));
  routes.post(
      "/api/users",
      authenticated(config, admin_only([&config](ApiCall& call) { post_user(call, config); })));
  routes.post(R"(/api/users/([^/]+)/disable)",
              authenticated(config, admin_only([&config](ApiCall& call) {
                              set_disabled(call, config, true);
                            })));
  routes.post(R"(/api/users/([^/]+)/enable)",
              authenticated(config, admin_only([&config](ApiCall& call) {
                              set_disabled(call, config, false);
                            })));
}

}  // namespace zhizao::server
