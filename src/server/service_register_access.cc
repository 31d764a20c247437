#include "server/service_register_access.h"

#include <utility>

#include "store/service_register_store.h"
#include "store/submission_store.h"

namespace zhizao::server {

RegisterAccess::RegisterAccess(Principal actor, std::vector<CaseEnterprise> enterprises,
                               std::vector<RegionGroup> groups)
    : actor_(std::move(actor)), groups_(std::move(groups)) {
  for (CaseEnterprise& enterprise : enterprises) {
    std::string uscc = enterprise.uscc;
    enterprises_.emplace(std::move(uscc), std::move(enterprise));
  }
}

const CaseEnterprise* RegisterAccess::find(const std::string& uscc) const {
  auto found = enterprises_.find(uscc);
  return found == enterprises_.end() ? nullptr : &found->second;
}

bool RegisterAccess::in_area(const std::string& uscc) const {
  const CaseEnterprise* enterprise = find(uscc);
  return enterprise != nullptr && area_within(enterprise->region, actor_.role.code, groups_);
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
  const CaseEnterprise* enterprise = find(uscc);
  return enterprise == nullptr ? std::string() : enterprise->name;
}

std::string RegisterAccess::region_of(const std::string& uscc) const {
  const CaseEnterprise* enterprise = find(uscc);
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

std::optional<RegisterAccess> register_access(ApiCall& call) {
  Result<std::vector<CaseEnterprise>> enterprises = ServiceRegisterStore(call.db).enterprises();
  if (!enterprises) {
    send_status(call.res, enterprises.error());
    return std::nullopt;
  }
  Result<std::vector<RegionGroup>> groups = SubmissionStore(call.db).region_groups();
  if (!groups) {
    send_status(call.res, groups.error());
    return std::nullopt;
  }
  return RegisterAccess(call.actor, std::move(*enterprises), std::move(*groups));
}

}  // namespace zhizao::server
