// The enterprise service registers of the API (issue 14, 每人必联、每月必访; docs/api.md
// "Enterprise service"):
//   GET  /api/assignments[?uscc=&department=&cadre=]  the responsible cadres and departments
//   POST /api/assignments  {"uscc", "department", "cadres": [...]}: the cadres of the enterprise
//                          for that department, replacing those before ([] removes them)
//   GET  /api/visits[?uscc=&cadre=&period=YYYY-MM|&from=&to=]  the visits logged
//   POST /api/visits  {"uscc", "date" (default today, not after it), "cadre" (default the user),
//                     "findings"}: logs a visit, replacing the one of the same enterprise, date
//                     and cadre (201 new, 200 replaced)
// Rows in the layout of assignments.csv and visits.csv, with the enterprise's name and county and
// the number of the record's latest revision (0: imported, never changed here). Who: admin and city
// read and write every enterprise's; a county user those of enterprises in its area; an
// enterprise user reads its own and writes nothing. An enterprise not in enterprises.csv: 404 to
// admin and city, 403 to the others (as a record outside their scope). Every change is a revision
// with the record before and after, audit-logged (store/service_register_store.h).
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "server/api_context.h"
#include "server/case_actions.h"
#include "server/http_support.h"
#include "server/service_register_access.h"
#include "store/service_register_store.h"

namespace zhizao::server {
namespace {

using nlohmann::json;

// Register fields are a name or a short note, not documents.
constexpr std::size_t kMaxTextBytes = 4000;
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxCadres = 50;

// Reads text field `name` of `body` trimmed: nullopt when absent, null or blank; an error
// message when not a string or longer than `limit` bytes.
tl::expected<std::optional<std::string>, std::string> text_field(const json& body, const char* name,
                                                                 std::size_t limit) {
  auto field = body.find(name);
  if (field == body.end() || field->is_null()) return std::optional<std::string>();
  if (!field->is_string()) return tl::unexpected(fmt::format("\"{}\" is a string", name));
  std::string text = field->get<std::string>();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return std::optional<std::string>();
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  if (text.size() > limit) {
    return tl::unexpected(fmt::format("\"{}\" is longer than {} bytes", name, limit));
  }
  return std::optional<std::string>(std::move(text));
}

// Reads the date of query parameter `name`; nullopt when absent, false after answering 400.
bool query_date(ApiCall& call, const char* name, std::optional<CivilDate>& date) {
  std::optional<std::string> text = query_param(call.req, name);
  if (!text) return true;
  Result<CivilDate> parsed = parse_civil_date(*text);
  if (!parsed) {
    send_error(call.res, 400, "bad_request", fmt::format("{}: {}", name, parsed.error().message()));
    return false;
  }
  date = *parsed;
  return true;
}

// The revision numbers of a register by key.
std::map<std::string, long> latest_of(ServiceRegisterStore& store, ServiceRegister which) {
  std::map<std::string, long> latest;
  if (Result<std::vector<std::pair<std::string, long>>> rows = store.latest_revisions(which)) {
    for (auto& [key, revision] : *rows) latest.emplace(std::move(key), revision);
  }
  return latest;
}

long revision_of(const std::map<std::string, long>& latest, const std::string& key) {
  auto found = latest.find(key);
  return found == latest.end() ? 0 : found->second;
}

void get_assignments(ApiCall& call, const std::string& db_path) {
  std::optional<RegisterAccess> access = register_access(call, db_path);
  if (!access) return;
  std::optional<std::string> uscc = query_param(call.req, "uscc");
  if (uscc && !access->may_read_enterprise_query(call, *uscc)) return;
  const std::optional<std::string> department = query_param(call.req, "department");
  const std::optional<std::string> cadre = query_param(call.req, "cadre");
  ServiceRegisterStore store(call.db);
  Result<std::vector<Assignment>> rows = store.assignments();
  if (!rows) {
    send_status(call.res, rows.error());
    return;
  }
  const std::map<std::string, long> latest = latest_of(store, ServiceRegister::kAssignment);
  json list = json::array();
  for (const Assignment& row : *rows) {
    if ((uscc && row.uscc != *uscc) || (department && row.department != *department) ||
        (cadre && row.cadre != *cadre) || !access->reads(row.uscc)) {
      continue;
    }
    list.push_back(
        {{"uscc", row.uscc},
         {"name", access->name_of(row.uscc)},
         {"region", access->region_of(row.uscc)},
         {"cadre", row.cadre},
         {"department", row.department},
         {"revision", revision_of(latest, assignment_revision_key(row.uscc, row.department))}});
  }
  send_json(call.res, 200, json{{"assignments", std::move(list)}});
}

void post_assignment(ApiCall& call, const std::string& db_path) {
  std::optional<RegisterAccess> access = register_access(call, db_path);
  if (!access || !access->may_write_at_all(call)) return;
  Result<json> body = json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return;
  }
  auto uscc = text_field(*body, "uscc", kMaxNameBytes);
  auto department = text_field(*body, "department", kMaxNameBytes);
  for (const auto* field : {&uscc, &department}) {
    if (!*field) {
      send_error(call.res, 400, "bad_request", field->error());
      return;
    }
  }
  if (!*uscc || !*department) {
    send_error(call.res, 400, "bad_request", "\"uscc\" and \"department\" are required");
    return;
  }
  auto cadres_field = body->find("cadres");
  if (cadres_field == body->end() || !cadres_field->is_array() ||
      cadres_field->size() > kMaxCadres) {
    send_error(
        call.res, 400, "bad_request",
        fmt::format("\"cadres\" is a list of at most {} names ([] removes them)", kMaxCadres));
    return;
  }
  std::set<std::string> cadres;
  for (const json& item : *cadres_field) {
    json holder = {{"cadre", item}};
    auto cadre = text_field(holder, "cadre", kMaxNameBytes);
    if (!cadre || !*cadre) {
      send_error(call.res, 400, "bad_request", "every cadre is a non-empty name");
      return;
    }
    cadres.insert(**cadre);
  }
  if (!access->may_write_enterprise(call, **uscc)) return;
  const std::vector<std::string> names(cadres.begin(), cadres.end());
  AuditEntry entry{0,
                   "",
                   call.actor.name,
                   call.remote,
                   "assignment.set",
                   assignment_revision_key(**uscc, **department),
                   json{{"uscc", **uscc}, {"department", **department}, {"cadres", names}}.dump()};
  Result<ServiceRevision> written = ServiceRegisterStore(call.db).set_assignment(
      **uscc, **department, names, call.actor.name, entry);
  if (!written) {
    send_status(call.res, written.error());
    return;
  }
  send_json(call.res, 200,
            json{{"uscc", **uscc},
                 {"name", access->name_of(**uscc)},
                 {"region", access->region_of(**uscc)},
                 {"department", **department},
                 {"cadres", names},
                 {"revision", written->revision},
                 {"before", json::parse(written->before, nullptr, false)}});
}

void get_visits(ApiCall& call, const std::string& db_path) {
  std::optional<RegisterAccess> access = register_access(call, db_path);
  if (!access) return;
  std::optional<std::string> uscc = query_param(call.req, "uscc");
  std::optional<CivilDate> from;
  std::optional<CivilDate> to;
  if (!query_date(call, "from", from) || !query_date(call, "to", to)) return;
  if (std::optional<std::string> period_text = query_param(call.req, "period")) {
    Result<YearMonth> period = parse_year_month(*period_text);
    if (!period) {
      send_error(call.res, 400, "bad_request", "period: " + period.error().message());
      return;
    }
    from = CivilDate{period->year, period->month, 1};
    to = CivilDate{period->year, period->month, days_in_month(period->year, period->month)};
  }
  if (uscc && !access->may_read_enterprise_query(call, *uscc)) return;
  const std::optional<std::string> cadre = query_param(call.req, "cadre");
  ServiceRegisterStore store(call.db);
  Result<std::vector<Visit>> rows = store.visits();
  if (!rows) {
    send_status(call.res, rows.error());
    return;
  }
  const std::map<std::string, long> latest = latest_of(store, ServiceRegister::kVisit);
  json list = json::array();
  for (const Visit& row : *rows) {
    if ((uscc && row.uscc != *uscc) || (cadre && row.cadre != *cadre) ||
        (from && row.date < *from) || (to && *to < row.date) || !access->reads(row.uscc)) {
      continue;
    }
    list.push_back({{"uscc", row.uscc},
                    {"name", access->name_of(row.uscc)},
                    {"region", access->region_of(row.uscc)},
                    {"date", row.date.to_string()},
                    {"cadre", row.cadre},
                    {"findings", row.findings},
                    {"revision", revision_of(latest, visit_revision_key(row))}});
  }
  send_json(call.res, 200, json{{"visits", std::move(list)}});
}

void post_visit(ApiCall& call, const std::string& db_path) {
  std::optional<RegisterAccess> access = register_access(call, db_path);
  if (!access || !access->may_write_at_all(call)) return;
  Result<json> body = json_object_body(call.req);
  if (!body) {
    send_status(call.res, body.error());
    return;
  }
  auto uscc = text_field(*body, "uscc", kMaxNameBytes);
  auto cadre = text_field(*body, "cadre", kMaxNameBytes);
  auto date_text = text_field(*body, "date", kMaxNameBytes);
  auto findings = text_field(*body, "findings", kMaxTextBytes);
  for (const auto* field : {&uscc, &cadre, &date_text, &findings}) {
    if (!*field) {
      send_error(call.res, 400, "bad_request", field->error());
      return;
    }
  }
  if (!*uscc) {
    send_error(call.res, 400, "bad_request", "\"uscc\" is required");
    return;
  }
  const CivilDate today = china_today();
  Visit visit{**uscc, today, cadre->value_or(call.actor.name), findings->value_or("")};
  if (*date_text) {
    Result<CivilDate> date = parse_civil_date(**date_text);
    if (!date) {
      send_error(call.res, 400, "bad_request", "\"date\": " + date.error().message());
      return;
    }
    if (today < *date) {
      send_error(
          call.res, 400, "bad_request",
          fmt::format("\"date\" {} is after today ({})", date->to_string(), today.to_string()));
      return;
    }
    visit.date = *date;
  }
  if (!access->may_write_enterprise(call, visit.uscc)) return;
  AuditEntry entry{0,
                   "",
                   call.actor.name,
                   call.remote,
                   "visit.log",
                   visit_revision_key(visit),
                   json{{"uscc", visit.uscc},
                        {"date", visit.date.to_string()},
                        {"cadre", visit.cadre},
                        {"findings", visit.findings}}
                       .dump()};
  Result<ServiceRevision> written =
      ServiceRegisterStore(call.db).write_visit(visit, call.actor.name, entry);
  if (!written) {
    send_status(call.res, written.error());
    return;
  }
  const json before = json::parse(written->before, nullptr, false);
  send_json(call.res, before.is_null() ? 201 : 200,
            json{{"uscc", visit.uscc},
                 {"name", access->name_of(visit.uscc)},
                 {"region", access->region_of(visit.uscc)},
                 {"date", visit.date.to_string()},
                 {"cadre", visit.cadre},
                 {"findings", visit.findings},
                 {"revision", written->revision},
                 {"before", before}});
}

}  // namespace

void add_service_register_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/assignments", authenticated(config, [&config](ApiCall& call) {
               get_assignments(call, config.db_path);
             }));
  routes.post("/api/assignments", authenticated(config, [&config](ApiCall& call) {
                post_assignment(call, config.db_path);
              }));
  routes.get("/api/visits",
             authenticated(config, [&config](ApiCall& call) { get_visits(call, config.db_path); }));
  routes.post("/api/visits", authenticated(config, [&config](ApiCall& call) {
                post_visit(call, config.db_path);
              }));
}

}  // namespace zhizao::server
