#include "server/service_register_access.h"

#include <utility>

#include "server/served_input.h"

namespace zhizao::server {

RegisterAccess::RegisterAccess(Principal actor, ReportInput input)
    : actor_(std::move(actor)), input_(std::move(input)) {}

const Enterprise* RegisterAccess::find(const std::string& uscc) const {
  return input_.find_enterprise(uscc);
}

bool RegisterAccess::in_area(const std::string& uscc) const {
  const Enterprise* enterprise = find(uscc);
  return enterprise != nullptr &&
         area_within(enterprise->region, actor_.role.code, input_.tables().region_groups);
}

bool RegisterAccess::reads(const std::string& uscc) const {
  switch (actor_.role.kind) {
    case RoleKind::kAdmin:
    case RoleKind::kCity:
      return true;
    case RoleKind::kCounty:
      return in_area(uscc);
    case RoleKind::kEnterprise:
      return uscc == actor_.role.code;
  }
  return false;
}

bool RegisterAccess::writes(const std::string& uscc) const {
  switch (actor_.role.kind) {
    case RoleKind::kAdmin:
    case RoleKind::kCity:
      return find(uscc) != nullptr;
    case RoleKind::kCounty:
      return in_area(uscc);
    case RoleKind::kEnterprise:
      return false;
  }
  return false;
}

std::string RegisterAccess::name_of(const std::string& uscc) const {
  const Enterprise* enterprise = find(uscc);
  return enterprise == nullptr ? std::string() : enterprise->name;
}

std::string RegisterAccess::region_of(const std::string& uscc) const {
  const Enterprise* enterprise = find(uscc);
  return enterprise == nullptr ? std::string() : enterprise->region;
}

bool RegisterAccess::may_read_enterprise_query(ApiCall& call, const std::string& uscc) const {
  if (may_read_everything(actor_) && find(uscc) == nullptr) {
    send_error(call.res, 404, "not_found", "no enterprise " + uscc);
    return false;
  }
  if (!reads(uscc)) {
    send_forbidden(call.res);
    return false;
  }
  return true;
}

bool RegisterAccess::may_write_at_all(ApiCall& call) const {
  if (actor_.role.kind != RoleKind::kEnterprise) return true;
  send_forbidden(call.res);
  return false;
}

bool RegisterAccess::may_write_enterprise(ApiCall& call, const std::string& uscc) const {
  if (may_read_everything(actor_) && find(uscc) == nullptr) {
    send_error(call.res, 404, "not_found", "no enterprise " + uscc);
    return false;
  }
  if (!writes(uscc)) {
    send_forbidden(call.res);
    return false;
  }
  return true;
}

std::optional<RegisterAccess> register_access(ApiCall& call, const std::string& db_path) {
  std::optional<ReportInput> input = served_input(call, db_path);
  if (!input) return std::nullopt;
  return RegisterAccess(call.actor, std::move(*input));
}

}  // namespace zhizao::server
