#include "server/safety_access.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/civil_days.h"
#include "safety/proof_file.h"
#include "safety/safety_revisions.h"
#include "safety/safety_store.h"
#include "store/case_store.h"
#include "store/submission_store.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

ordered_json optional_date(const std::optional<CivilDate>& date) {
  return date ? ordered_json(date->to_string()) : ordered_json(nullptr);
}

ordered_json counts_json(const ordered_json& hazards) {
  std::map<std::string, long> counts = {
      {"open", 0}, {"overdue", 0}, {"awaiting_reinspection", 0}, {"closed", 0}};
  for (const ordered_json& hazard : hazards) ++counts[hazard["state"].get<std::string>()];
  return {{"hazards", hazards.size()},
          {"open", counts["open"] + counts["overdue"]},
          {"overdue", counts["overdue"]},
          {"awaiting_reinspection", counts["awaiting_reinspection"]},
          {"closed", counts["closed"]}};
}

}  // namespace

tl::unexpected<SafetyRefusal> safety_refusal(int http_status, std::string code,
                                             std::string message) {
  return tl::unexpected<SafetyRefusal>(
      SafetyRefusal{http_status, std::move(code), std::move(message)});
}

tl::unexpected<SafetyRefusal> safety_bad_request(std::string message) {
  return safety_refusal(400, "bad_request", std::move(message));
}

tl::unexpected<SafetyRefusal> safety_forbidden() {
  return safety_refusal(403, "forbidden", "not permitted for this user");
}

tl::unexpected<SafetyRefusal> safety_internal(const Status& status) {
  std::fprintf(stderr, "zhizao: safety: %s\n", status.message().c_str());
  return safety_refusal(500, "internal", "internal error");
}

tl::unexpected<SafetyRefusal> safety_absent(const Principal& actor, const std::string& what) {
  if (may_read_everything(actor)) return safety_refusal(404, "not_found", "no " + what);
  return safety_forbidden();
}

SafetyResult<SafetyAccess> SafetyAccess::open(Database& db, const Principal& actor) {
  Result<std::vector<RegionGroup>> groups = SubmissionStore(db).region_groups();
  if (!groups) return safety_internal(groups.error());
  return SafetyAccess(db, actor, std::move(*groups));
}

SafetyResult<std::optional<SafetyEnterprise>> SafetyAccess::enterprise(const std::string& uscc) {
  auto cached = cache_.find(uscc);
  if (cached != cache_.end()) return cached->second;
  Result<std::optional<CaseEnterprise>> found = CaseStore(*db_).enterprise(uscc);
  if (!found) return safety_internal(found.error());
  std::optional<SafetyEnterprise> out;
  if (*found) out = SafetyEnterprise{(*found)->uscc, (*found)->name, (*found)->region};
  cache_.emplace(uscc, out);
  return out;
}

bool SafetyAccess::sees(const SafetyEnterprise& enterprise) const {
  if (actor_.role.kind == RoleKind::kEnterprise) return enterprise.uscc == actor_.role.code;
  return handles(enterprise);
}

bool SafetyAccess::handles(const SafetyEnterprise& enterprise) const {
  if (may_read_everything(actor_)) return true;
  return actor_.role.kind == RoleKind::kCounty &&
         area_within(enterprise.region, actor_.role.code, groups_);
}

bool SafetyAccess::proves(const SafetyEnterprise& enterprise) const {
  if (actor_.role.kind == RoleKind::kEnterprise) return enterprise.uscc == actor_.role.code;
  return handles(enterprise);
}

bool SafetyAccess::within(const SafetyEnterprise& enterprise, const std::string& scope) const {
  return scope.empty() || area_within(enterprise.region, scope, groups_);
}

std::string hazard_state(const Hazard& hazard, const CivilDate& as_of) {
  const bool reinspected = hazard.reinspected && !(as_of < *hazard.reinspected);
  const bool failed = reinspected && hazard.reinspection == ReinspectionResult::kFailed;
  if (hazard.rectified && !(as_of < *hazard.rectified) && !failed) {
    return reinspected && hazard.reinspection == ReinspectionResult::kPassed
               ? "closed"
               : "awaiting_reinspection";
  }
  return hazard.deadline < as_of ? "overdue" : "open";
}

ordered_json plan_json(const SafetyPlan& plan) { return safety_row_json(SafetyRow(plan)); }

ordered_json check_json(const SafetyCheck& check, const SafetyEnterprise& enterprise) {
  return {{"id", check.id},
          {"plan", check.plan},
          {"uscc", check.uscc},
          {"name", enterprise.name},
          {"region", enterprise.region},
          {"date", check.date.to_string()},
          {"inspector", check.inspector},
          {"findings", check.findings}};
}

ordered_json hazard_json(const Hazard& hazard, const SafetyCheck& check,
                         const SafetyEnterprise& enterprise, const CivilDate& as_of) {
  const std::string state = hazard_state(hazard, as_of);
  ordered_json proof = nullptr;
  if (!hazard.proof.empty()) {
    // Only a file stored through the API has a download; a name from safety_hazards.csv is a name.
    const bool stored = parse_proof_file_name(hazard.proof).has_value();
    proof = {{"name", hazard.proof},
             {"url", stored ? ordered_json("/api/safety/hazards/" + hazard.id + "/proof")
                            : ordered_json(nullptr)}};
  }
  return {
      {"id", hazard.id},
      {"check", hazard.check},
      {"plan", check.plan},
      {"uscc", check.uscc},
      {"name", enterprise.name},
      {"region", enterprise.region},
      {"level", hazard_level_name(hazard.level)},
      {"description", hazard.description},
      {"found", hazard.found.to_string()},
      {"deadline", hazard.deadline.to_string()},
      {"rectified", optional_date(hazard.rectified)},
      {"reinspected", optional_date(hazard.reinspected)},
      {"reinspection_result", hazard.reinspection == ReinspectionResult::kNone
                                  ? ordered_json(nullptr)
                                  : ordered_json(reinspection_result_name(hazard.reinspection))},
      {"state", state},
      {"days_overdue", state == "overdue" ? civil_days_between(hazard.deadline, as_of) : 0},
      {"proof", proof}};
}

SafetyResult<ordered_json> visible_registers(
    SafetyAccess& access, const SafetyRegister& records, const std::vector<std::string>& plans,
    const CivilDate& as_of, const std::function<bool(const SafetyEnterprise&)>& keep) {
  const std::set<std::string> wanted(plans.begin(), plans.end());
  std::map<std::string, std::pair<const SafetyCheck*, SafetyEnterprise>> shown;
  ordered_json checks = ordered_json::array();
  for (const SafetyCheck& check : records.checks) {
    if (as_of < check.date || (!wanted.empty() && !wanted.contains(check.plan))) continue;
    SafetyResult<std::optional<SafetyEnterprise>> enterprise = access.enterprise(check.uscc);
    if (!enterprise) return tl::unexpected(enterprise.error());
    if (!*enterprise || !access.sees(**enterprise) || !keep(**enterprise)) continue;
    checks.push_back(check_json(check, **enterprise));
    shown.emplace(check.id, std::pair{&check, **enterprise});
  }
  ordered_json hazards = ordered_json::array();
  for (const Hazard& hazard : records.hazards) {
    auto check = shown.find(hazard.check);
    if (check == shown.end() || as_of < hazard.found) continue;
    hazards.push_back(hazard_json(hazard, *check->second.first, check->second.second, as_of));
  }
  return ordered_json{{"checks", std::move(checks)}, {"hazards", std::move(hazards)}};
}

SafetyResult<ordered_json> enterprise_safety(Database& db, const SafetyActor& actor,
                                             const std::string& uscc, const CivilDate& as_of) {
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  SafetyResult<std::optional<SafetyEnterprise>> enterprise = access->enterprise(uscc);
  if (!enterprise) return tl::unexpected(enterprise.error());
  if (!*enterprise) return safety_absent(actor.principal, "enterprise " + uscc);
  if (!access->sees(**enterprise)) return safety_forbidden();
  Result<SafetyRegister> records = load_safety_register(db);
  if (!records) return safety_internal(records.error());
  SafetyResult<ordered_json> registers = visible_registers(
      *access, *records, {}, as_of, [&uscc](const SafetyEnterprise& e) { return e.uscc == uscc; });
  if (!registers) return registers;
  ordered_json body = {{"uscc", uscc},
                       {"name", (*enterprise)->name},
                       {"region", (*enterprise)->region},
                       {"as_of", as_of.to_string()}};
  body["summary"] = counts_json((*registers)["hazards"]);
  body["summary"]["checks"] = (*registers)["checks"].size();
  body["checks"] = std::move((*registers)["checks"]);
  body["hazards"] = std::move((*registers)["hazards"]);
  return body;
}

SafetyResult<ordered_json> hazard_detail(Database& db, const SafetyActor& actor,
                                         const std::string& id) {
  SafetyResult<SafetyAccess> access = SafetyAccess::open(db, actor.principal);
  if (!access) return tl::unexpected(access.error());
  Result<SafetyRegister> records = load_safety_register(db);
  if (!records) return safety_internal(records.error());
  auto hazard = std::find_if(records->hazards.begin(), records->hazards.end(),
                             [&id](const Hazard& h) { return h.id == id; });
  if (hazard == records->hazards.end()) return safety_absent(actor.principal, "hazard " + id);
  auto check = std::find_if(records->checks.begin(), records->checks.end(),
                            [&](const SafetyCheck& c) { return c.id == hazard->check; });
  if (check == records->checks.end()) return safety_internal(Status::corruption("hazard " + id));
  SafetyResult<std::optional<SafetyEnterprise>> enterprise = access->enterprise(check->uscc);
  if (!enterprise) return tl::unexpected(enterprise.error());
  if (!*enterprise || !access->sees(**enterprise)) return safety_forbidden();
  Result<std::vector<SafetyEvent>> events = safety_events(db, "hazard", id);
  if (!events) return safety_internal(events.error());
  ordered_json body = hazard_json(*hazard, *check, **enterprise, actor.today);
  body["as_of"] = actor.today.to_string();
  body["check_record"] = check_json(*check, **enterprise);
  body["revisions"] = ordered_json::array();
  for (const SafetyEvent& event : *events) {
    body["revisions"].push_back(
        {{"revision", event.revision},
         {"at", event.at},
         {"user", event.user_name},
         {"action", event.action},
         {"note", event.note},
         {"before", event.before.empty() ? ordered_json(nullptr)
                                         : ordered_json::parse(event.before, nullptr, false)},
         {"after", ordered_json::parse(event.after, nullptr, false)}});
  }
  return body;
}

}  // namespace zhizao::server
