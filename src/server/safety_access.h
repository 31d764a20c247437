// The flood-season safety registers of the API (issue 14; docs/api.md "Safety"): who may see and
// change which rows, and the rows as JSON. Scopes as the platform has them
// (accounts/authorization.h): admin and city see and act on everything; a county on the checks and
// hazards of enterprises in its area; an enterprise user sees only its own checks and hazards and
// may only upload the proof of rectification of its own hazards. Plans are the city's: admin and
// city create them, everybody but enterprise users reads them. The duty roster (names and phones
// of the bureau's staff on duty) is not shown to enterprise users.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "accounts/authorization.h"
#include "safety/safety_records.h"
#include "store/database.h"

namespace zhizao::server {

// Why a safety request was refused, as the API answers it.
struct SafetyRefusal {
  int http_status = 400;  // 400, 403, 404, 409, 413, 415, 500
  std::string code;       // "bad_request", "forbidden", "not_found", "conflict", "too_large",
                          // "unsupported_media_type", "internal"
  std::string message;
};

template <typename T>
using SafetyResult = tl::expected<T, SafetyRefusal>;

tl::unexpected<SafetyRefusal> safety_refusal(int http_status, std::string code,
                                             std::string message);
tl::unexpected<SafetyRefusal> safety_bad_request(std::string message);
tl::unexpected<SafetyRefusal> safety_forbidden();
// A store failure: logged to stderr, answered as a generic 500.
tl::unexpected<SafetyRefusal> safety_internal(const Status& status);
// "Does not exist": 404 to admin and city, 403 to the others (who must not learn whether a row
// outside their scope exists).
tl::unexpected<SafetyRefusal> safety_absent(const Principal& actor, const std::string& what);

// Who acts, from where, on which day (China Standard Time, the bureau's days).
struct SafetyActor {
  Principal principal;
  std::string remote;
  CivilDate today;
};

struct SafetyEnterprise {
  std::string uscc;
  std::string name;
  std::string region;  // county
};

// The enterprises, region groups and visibility rules of one request. Borrows `db`.
class SafetyAccess {
 public:
  // Loads the region groups. Errors: a refusal 500.
  static SafetyResult<SafetyAccess> open(Database& db, const Principal& actor);

  // The enterprise `uscc` of enterprises.csv (cached), nullopt when absent. Errors: 500.
  SafetyResult<std::optional<SafetyEnterprise>> enterprise(const std::string& uscc);

  // Whether the actor sees the checks and hazards of `enterprise`.
  bool sees(const SafetyEnterprise& enterprise) const;
  // Whether the actor records checks, hazards, rectifications and re-inspections for it.
  bool handles(const SafetyEnterprise& enterprise) const;
  // Whether the actor may upload the proof of a hazard of `enterprise` (handles, or its own).
  bool proves(const SafetyEnterprise& enterprise) const;
  // Whether `enterprise` lies in report scope `scope` ("" for everything).
  bool within(const SafetyEnterprise& enterprise, const std::string& scope) const;

  const Principal& actor() const { return actor_; }
  Database& db() const { return *db_; }

 private:
  SafetyAccess(Database& db, const Principal& actor, std::vector<RegionGroup> groups)
      : db_(&db), actor_(actor), groups_(std::move(groups)) {}

  Database* db_;
  Principal actor_;
  std::vector<RegionGroup> groups_;
  std::map<std::string, std::optional<SafetyEnterprise>> cache_;
};

// A hazard's state at `as_of` (docs/safety.md "Figures"): "open", "overdue" (open, deadline before
// as_of), "awaiting_reinspection" (rectified, not re-inspected), "closed" (rectified and passed).
std::string hazard_state(const Hazard& hazard, const CivilDate& as_of);

nlohmann::ordered_json plan_json(const SafetyPlan& plan);
nlohmann::ordered_json check_json(const SafetyCheck& check, const SafetyEnterprise& enterprise);
// With "plan", "uscc", "name", "region" of its check and enterprise, its "state" and
// "days_overdue" at `as_of`, and "proof": null or {"name", "url"} (the download).
nlohmann::ordered_json hazard_json(const Hazard& hazard, const SafetyCheck& check,
                                   const SafetyEnterprise& enterprise, const CivilDate& as_of);

// The checks (dated on or before `as_of`) and hazards (found on or before it) that the actor sees,
// of the plans in `plans` (all when empty), of enterprises for which `keep` holds, as JSON arrays
// by id: {"checks": [...], "hazards": [...]}.
SafetyResult<nlohmann::ordered_json> visible_registers(
    SafetyAccess& access, const SafetyRegister& records, const std::vector<std::string>& plans,
    const CivilDate& as_of, const std::function<bool(const SafetyEnterprise&)>& keep);

// GET /api/enterprises/USCC/safety: the checks and hazards of one enterprise at `as_of` and their
// counts. 404 for admin and city when the enterprise does not exist, 403 for the others both then
// and when it is not theirs.
SafetyResult<nlohmann::ordered_json> enterprise_safety(Database& db, const SafetyActor& actor,
                                                       const std::string& uscc,
                                                       const CivilDate& as_of);

// GET /api/safety/hazards/ID: the hazard at today, its check and its revisions.
SafetyResult<nlohmann::ordered_json> hazard_detail(Database& db, const SafetyActor& actor,
                                                   const std::string& id);

}  // namespace zhizao::server
