// GET /api/enterprises/USCC and GET /api/enterprises/USCC/months (docs/api.md, "Reading").
// Callers who may not read every enterprise get 403 for one they may not read and for one that
// does not exist alike, so that the answer never tells whether a code is registered.
#include <algorithm>
#include <optional>
#include <string>

#include "domain/region.h"
#include "report/json_writer.h"
#include "server/api_context.h"
#include "server/http_support.h"
#include "server/served_answer.h"
#include "server/served_input.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

// Finds the enterprise of the request's path and checks the caller's right to it; returns
// nullptr after answering (403 or 404 or 500).
const Enterprise* readable_enterprise(ApiCall& call, const ReportInput& input) {
  const Dataset& dataset = input.tables();
  std::string uscc = call.req.matches[1];
  std::transform(uscc.begin(), uscc.end(), uscc.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const Enterprise* enterprise = input.find_enterprise(uscc);
  bool sees_all = may_read_everything(call.actor);
  bool own = call.actor.role.kind == RoleKind::kEnterprise && call.actor.role.code == uscc;
  if (enterprise == nullptr) {
    // Only those who could read it if it existed learn that it does not.
    if (sees_all || own) {
      send_error(call.res, 404, "not_found", "no enterprise " + uscc);
    } else {
      send_forbidden(call.res);
    }
    return nullptr;
  }
  if (!may_read_enterprise(call.actor, *enterprise, dataset.region_groups)) {
    send_forbidden(call.res);
    return nullptr;
  }
  return enterprise;
}

ordered_json enterprise_json(const Enterprise& enterprise) {
  const Region* region = find_region(enterprise.region);
  return ordered_json{
      {"uscc", enterprise.uscc},
      {"name", enterprise.name},
      {"industry", enterprise.industry},
      {"division", enterprise.division},
      {"region", enterprise.region},
      {"region_name", region ? ordered_json(std::string(region->name)) : ordered_json(nullptr)},
      {"park", enterprise.park},
      {"chains", enterprise.chains},
      {"key", enterprise.key},
  };
}

// The months of `enterprise`, oldest first, as GET /api/enterprises/USCC/months answers them.
std::string months_text(const ReportInput& input, const Enterprise& enterprise) {
  ordered_json body{{"uscc", enterprise.uscc}, {"name", enterprise.name}};
  body["months"] = ordered_json::array();
  for (const MonthlyRecord& record : input.records_of(enterprise.uscc)) {  // oldest first
    body["months"].push_back({
        {"period", record.period.to_string()},
        {"output", record.output},
        {"value_added", detail::optional_number(record.value_added)},
        {"electricity", detail::optional_number(record.electricity)},
        {"output_prev", detail::optional_number(record.output_prev)},
        {"value_added_prev", detail::optional_number(record.value_added_prev)},
        {"electricity_prev", detail::optional_number(record.electricity_prev)},
        {"in_scope", record.in_scope},
    });
  }
  return json_body_text(body);
}

void with_enterprise(ApiCall& call, const std::string& db_path, bool months) {
  // Read from the snapshot alone: the previous one will do while a newer one is prepared.
  std::optional<ReportInput> input = served_input(call, db_path, SnapshotWait::kOrPrevious);
  if (!input) return;
  const Enterprise* enterprise = readable_enterprise(call, *input);
  if (enterprise == nullptr) return;
  if (!months) {
    send_json(call.res, 200, enterprise_json(*enterprise));
    return;
  }
  // Kept per data version (computed from the snapshot alone): at 500,000 enterprises finding
  // one enterprise's months indexes every enterprise (ReportInput::records_of).
  send_answer(call, served_answer(
                        db_path, *input, "months\n" + enterprise->uscc,
                        [&]() -> Result<ComputedAnswer> {
                          return ComputedAnswer{months_text(*input, *enterprise)};
                        },
                        AnswerShelf::kEnterpriseMonths));
}

}  // namespace

void add_enterprise_routes(http::Router& routes, const ServerConfig& config) {
  routes.get(R"(/api/enterprises/([^/]+))",
             authenticated(config, [db_path = config.db_path](ApiCall& call) {
               with_enterprise(call, db_path, false);
             }));
  routes.get(R"(/api/enterprises/([^/]+)/months)",
             authenticated(config, [db_path = config.db_path](ApiCall& call) {
               with_enterprise(call, db_path, true);
             }));
}

}  // namespace zhizao::server
