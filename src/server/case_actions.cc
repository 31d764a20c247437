#include "server/case_actions.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <utility>

#include "service/service_dates.h"
#include "store/submission_store.h"

namespace zhizao::server {
namespace {

// Texts of a case are short registers' fields, not documents.
constexpr std::size_t kMaxTextBytes = 4000;

tl::unexpected<CaseRefusal> refuse(int http_status, std::string code, std::string message) {
  return tl::unexpected<CaseRefusal>(CaseRefusal{http_status, std::move(code), std::move(message)});
}

tl::unexpected<CaseRefusal> bad_request(std::string message) {
  return refuse(400, "bad_request", std::move(message));
}

tl::unexpected<CaseRefusal> forbidden() {
  return refuse(403, "forbidden", "not permitted for this user");
}

// A store failure: logged here, answered as a generic 500.
tl::unexpected<CaseRefusal> internal(const Status& status) {
  std::fprintf(stderr, "zhizao: cases: %s\n", status.message().c_str());
  return refuse(500, "internal", "internal error");
}

// "Does not exist" answered as the platform does: 404 to those who see everything, 403 to the
// others (who must not learn whether a case outside their scope exists).
tl::unexpected<CaseRefusal> absent(const Principal& actor, const std::string& id) {
  if (may_read_everything(actor)) return refuse(404, "not_found", "no case " + id);
  return forbidden();
}

bool sees(const Principal& actor, const StoredCase& stored,
          const std::vector<RegionGroup>& groups) {
  switch (actor.role.kind) {
    case RoleKind::kAdmin:
    case RoleKind::kCity:
      return true;
    case RoleKind::kCounty:
      return area_within(stored.region, actor.role.code, groups);
    case RoleKind::kEnterprise:
      return stored.row.uscc == actor.role.code;
  }
  return false;
}

// Assign, progress and resolve: the bureau's side, within its area.
bool handles(const Principal& actor, const std::string& region,
             const std::vector<RegionGroup>& groups) {
  if (may_read_everything(actor)) return true;
  return actor.role.kind == RoleKind::kCounty && area_within(region, actor.role.code, groups);
}

// Evaluate and reopen: the enterprise's own voice.
bool rates(const Principal& actor, const StoredCase& stored) {
  return actor.role.kind == RoleKind::kEnterprise && stored.row.uscc == actor.role.code;
}

std::vector<CategoryDeadline> category_rules(const std::vector<CaseDeadlineRule>& stored) {
  std::vector<CategoryDeadline> rules;
  for (const CaseDeadlineRule& rule : stored) {
    rules.push_back({rule.category, rule.days, rule.remind_days});
  }
  return rules;
}

// Reads text field `name` of `body`: nullopt when absent or empty (after trimming), a refusal
// when not a string or too long.
CaseResult<std::optional<std::string>> text_field(const nlohmann::json& body, const char* name) {
  auto field = body.find(name);
  if (field == body.end() || field->is_null()) return std::optional<std::string>();
  if (!field->is_string()) return bad_request(fmt::format("\"{}\" is a string", name));
  std::string text = field->get<std::string>();
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return std::optional<std::string>();
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  if (text.size() > kMaxTextBytes) {
    return bad_request(fmt::format("\"{}\" is longer than {} bytes", name, kMaxTextBytes));
  }
  return std::optional<std::string>(std::move(text));
}

CaseResult<std::string> required_text(const nlohmann::json& body, const char* name) {
  CaseResult<std::optional<std::string>> text = text_field(body, name);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return bad_request(fmt::format("\"{}\" is required", name));
  return **text;
}

// Reads date field `name` (YYYY-MM-DD) no later than `today`; nullopt when absent.
CaseResult<std::optional<CivilDate>> date_field(const nlohmann::json& body, const char* name,
                                                const CivilDate& today) {
  CaseResult<std::optional<std::string>> text = text_field(body, name);
  if (!text) return tl::unexpected(text.error());
  if (!*text) return std::optional<CivilDate>();
  Result<CivilDate> date = parse_civil_date(**text);
  if (!date) return bad_request(fmt::format("\"{}\": {}", name, date.error().message()));
  if (today < *date) {
    return bad_request(
        fmt::format("\"{}\" {} is after today ({})", name, date->to_string(), today.to_string()));
  }
  return std::optional<CivilDate>(*date);
}

CaseView view_of(const CaseStore& store, StoredCase stored, const CivilDate& today) {
  CaseView view;
  if (Result<std::optional<CaseEnterprise>> enterprise = store.enterprise(stored.row.uscc);
      enterprise && *enterprise) {
    view.enterprise_name = (*enterprise)->name;
  }
  const CaseState state = parse_case_state(stored.state).value_or(CaseState::kRaised);
  view.alert = case_alert(state, stored.row.deadline, stored.remind_days, today);
  view.days_left = civil_days_between(today, stored.row.deadline);
  view.stored = std::move(stored);
  return view;
}

CaseEvent event_of(const std::string& user, CaseAction action, const std::string& from,
                   const std::string& to, std::string note) {
  return {0,  utc_timestamp_now(), user, std::string(case_action_name(action)), from,
          to, std::move(note),     ""};
}

AuditEntry audit_of(const std::string& user, const std::string& remote, CaseAction action,
                    const std::string& id, const nlohmann::json& detail) {
  return {0, "", user, remote, "case." + std::string(case_action_name(action)), id, detail.dump()};
}

// Escalates to the city every case still open at county level whose deadline passed before
// `today` (the contract's "deadline < D"). A case changed meanwhile is left to the next sweep.
Status escalate_due(CaseStore& store, const CivilDate& today) {
  Result<std::vector<StoredCase>> cases = store.list();
  if (!cases) return cases.error();
  for (const StoredCase& stored : *cases) {
    const CaseState state = parse_case_state(stored.state).value_or(CaseState::kRaised);
    if (stored.level != "county" ||
        case_alert(state, stored.row.deadline, stored.remind_days, today) != CaseAlert::kOverdue) {
      continue;
    }
    StoredCase after = stored;
    after.level = "city";
    after.escalated_at = utc_timestamp_now();
    after.updated_at = after.escalated_at;
    after.revision = stored.revision + 1;
    const std::string note =
        fmt::format("deadline {} passed while {}", stored.row.deadline.to_string(), stored.state);
    Result<bool> written = store.write(
        after, event_of("system", CaseAction::kEscalate, stored.state, stored.state, note),
        audit_of("system", "server", CaseAction::kEscalate, stored.row.id,
                 {{"from_level", "county"}, {"to_level", "city"}, {"note", note}}));
    if (!written) return written.error();
  }
  return Status::ok();
}

bool meeting_item(const CaseView& view) {
  const StoredCase& stored = view.stored;
  return view.alert == CaseAlert::kOverdue || !stored.escalated_at.empty() ||
         (stored.row.rating && *stored.row.rating <= 2);
}

// Applies the fields of `action` from `body` to `after` and returns the note of the revision.
CaseResult<std::string> apply_fields(CaseAction action, const nlohmann::json& body,
                                     const CivilDate& today, StoredCase& after) {
  switch (action) {
    case CaseAction::kAssign: {
      CaseResult<std::string> department = required_text(body, "department");
      if (!department) return tl::unexpected(department.error());
      CaseResult<std::optional<std::string>> assignee = text_field(body, "assignee");
      if (!assignee) return tl::unexpected(assignee.error());
      after.row.department = *department;
      after.assignee = assignee->value_or("");
      return fmt::format("{} {}", *department, after.assignee);
    }
    case CaseAction::kProgress:
    case CaseAction::kReopen:
      return required_text(body, action == CaseAction::kProgress ? "note" : "reason");
    case CaseAction::kResolve: {
      CaseResult<std::optional<CivilDate>> resolved = date_field(body, "resolved", today);
      if (!resolved) return tl::unexpected(resolved.error());
      const CivilDate date = resolved->value_or(today);
      if (date < after.row.raised) return bad_request("\"resolved\" is before the case was raised");
      after.row.resolved = date;
      CaseResult<std::optional<std::string>> note = text_field(body, "note");
      if (!note) return tl::unexpected(note.error());
      return note->value_or("");
    }
    case CaseAction::kEvaluate: {
      auto rating = body.find("rating");
      if (rating == body.end() || !rating->is_number_integer() ||
          !valid_case_rating(rating->get<int>())) {
        return bad_request("\"rating\" is an integer from 1 to 5");
      }
      after.row.rating = rating->get<int>();
      CaseResult<std::optional<std::string>> comment = text_field(body, "comment");
      if (!comment) return tl::unexpected(comment.error());
      return comment->value_or("");
    }
    case CaseAction::kRaise:
    case CaseAction::kEscalate:
      break;
  }
  return bad_request("not an action on a case");
}

}  // namespace

CivilDate china_today() {
  using namespace std::chrono;
  const year_month_day day{floor<days>(system_clock::now() + hours(8))};
  return {static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
          static_cast<int>(static_cast<unsigned>(day.day()))};
}

CaseResult<std::vector<CaseView>> list_cases(Database& db, const CaseActor& actor,
                                             const std::optional<std::string>& state,
                                             bool meeting) {
  if (state && !parse_case_state(*state)) {
    return bad_request(fmt::format(
        "unknown state \"{}\" (raised, assigned, in_progress, resolved, evaluated)", *state));
  }
  CaseStore store(db);
  if (Status escalated = escalate_due(store, actor.today); !escalated.is_ok()) {
    return internal(escalated);
  }
  Result<std::vector<RegionGroup>> groups = SubmissionStore(db).region_groups();
  if (!groups) return internal(groups.error());
  Result<std::vector<StoredCase>> cases = store.list();
  if (!cases) return internal(cases.error());
  std::vector<CaseView> views;
  for (StoredCase& stored : *cases) {
    if (!sees(actor.principal, stored, *groups)) continue;
    if (state && stored.state != *state) continue;
    CaseView view = view_of(store, std::move(stored), actor.today);
    if (meeting && !meeting_item(view)) continue;
    views.push_back(std::move(view));
  }
  return views;
}

CaseResult<std::pair<CaseView, std::vector<CaseEvent>>> get_case(Database& db,
                                                                 const CaseActor& actor,
                                                                 const std::string& id) {
  CaseStore store(db);
  if (Status escalated = escalate_due(store, actor.today); !escalated.is_ok()) {
    return internal(escalated);
  }
  Result<std::vector<RegionGroup>> groups = SubmissionStore(db).region_groups();
  if (!groups) return internal(groups.error());
  Result<std::optional<StoredCase>> found = store.find(id);
  if (!found) return internal(found.error());
  if (!*found) return absent(actor.principal, id);
  if (!sees(actor.principal, **found, *groups)) return forbidden();
  Result<std::vector<CaseEvent>> events = store.events(id);
  if (!events) return internal(events.error());
  return std::pair{view_of(store, std::move(**found), actor.today), std::move(*events)};
}

CaseResult<CaseView> raise_case(Database& db, const CaseActor& actor, const nlohmann::json& body) {
  const Principal& who = actor.principal;
  CaseResult<std::optional<std::string>> uscc = text_field(body, "uscc");
  if (!uscc) return tl::unexpected(uscc.error());
  if (!*uscc && who.role.kind == RoleKind::kEnterprise) *uscc = who.role.code;
  if (!*uscc) return bad_request("\"uscc\" is required");
  if (who.role.kind == RoleKind::kEnterprise && **uscc != who.role.code) return forbidden();
  CaseStore store(db);
  Result<std::optional<CaseEnterprise>> enterprise = store.enterprise(**uscc);
  if (!enterprise) return internal(enterprise.error());
  if (!*enterprise) {
    if (may_read_everything(who)) return refuse(404, "not_found", "no enterprise " + **uscc);
    return forbidden();
  }
  Result<std::vector<RegionGroup>> groups = SubmissionStore(db).region_groups();
  if (!groups) return internal(groups.error());
  if (who.role.kind != RoleKind::kEnterprise && !handles(who, (*enterprise)->region, *groups)) {
    return forbidden();
  }
  CaseResult<std::string> category = required_text(body, "category");
  if (!category) return tl::unexpected(category.error());
  CaseResult<std::string> title = required_text(body, "title");
  if (!title) return tl::unexpected(title.error());
  CaseResult<std::optional<std::string>> description = text_field(body, "description");
  if (!description) return tl::unexpected(description.error());
  CaseResult<std::optional<std::string>> department = text_field(body, "department");
  if (!department) return tl::unexpected(department.error());
  CaseResult<std::optional<CivilDate>> raised = date_field(body, "raised", actor.today);
  if (!raised) return tl::unexpected(raised.error());

  Result<std::vector<CaseDeadlineRule>> rules = store.deadline_rules();
  if (!rules) return internal(rules.error());
  const CategoryDeadline rule = deadline_rule_for(category_rules(*rules), *category);
  StoredCase stored;
  stored.row.uscc = **uscc;
  stored.row.raised = raised->value_or(actor.today);
  stored.row.category = *category;
  stored.row.department = department->value_or("");
  stored.row.deadline = case_deadline(rule, stored.row.raised);
  stored.region = (*enterprise)->region;
  stored.title = *title;
  stored.description = description->value_or("");
  stored.state =
      std::string(case_state_name(*department ? CaseState::kAssigned : CaseState::kRaised));
  stored.level = "county";
  stored.remind_days = rule.remind_days;
  stored.raised_by = who.name;
  stored.updated_at = utc_timestamp_now();
  stored.revision = 1;
  for (int attempt = 0; attempt < 3; ++attempt) {  // another raise may take the same number
    Result<std::string> id = store.next_id(stored.row.raised);
    if (!id) return internal(id.error());
    stored.row.id = *id;
    Result<bool> written =
        store.write(stored, event_of(who.name, CaseAction::kRaise, "", stored.state, stored.title),
                    audit_of(who.name, actor.remote, CaseAction::kRaise, stored.row.id,
                             {{"uscc", stored.row.uscc},
                              {"category", stored.row.category},
                              {"deadline", stored.row.deadline.to_string()}}));
    if (!written) return internal(written.error());
    if (*written) return view_of(store, std::move(stored), actor.today);
  }
  return refuse(409, "conflict", "could not number the case; try again");
}

CaseResult<CaseView> act_on_case(Database& db, const CaseActor& actor, const std::string& id,
                                 CaseAction action, const nlohmann::json& body) {
  const Principal& who = actor.principal;
  CaseStore store(db);
  if (Status escalated = escalate_due(store, actor.today); !escalated.is_ok()) {
    return internal(escalated);
  }
  Result<std::vector<RegionGroup>> groups = SubmissionStore(db).region_groups();
  if (!groups) return internal(groups.error());
  Result<std::optional<StoredCase>> found = store.find(id);
  if (!found) return internal(found.error());
  if (!*found) return absent(who, id);
  const StoredCase& before = **found;
  if (!sees(who, before, *groups)) return forbidden();
  const bool enterprise_action = action == CaseAction::kEvaluate || action == CaseAction::kReopen;
  if (enterprise_action ? !rates(who, before) : !handles(who, before.region, *groups)) {
    return forbidden();
  }
  const CaseState state = parse_case_state(before.state).value_or(CaseState::kRaised);
  Result<CaseState> next = next_case_state(state, action);
  if (!next) return refuse(409, "conflict", next.error().message());
  StoredCase after = before;
  CaseResult<std::string> note = apply_fields(action, body, actor.today, after);
  if (!note) return tl::unexpected(note.error());
  if (action == CaseAction::kReopen) {
    // Back to the department: the resolution and its rating no longer stand (kept in the
    // revisions); the deadline stays, so a reopened late case is overdue at once.
    after.row.resolved.reset();
    after.row.rating.reset();
    ++after.reopened;
  }
  after.state = std::string(case_state_name(*next));
  after.updated_at = utc_timestamp_now();
  after.revision = before.revision + 1;
  Result<bool> written =
      store.write(after, event_of(who.name, action, before.state, after.state, *note),
                  audit_of(who.name, actor.remote, action, id,
                           {{"from", before.state}, {"to", after.state}, {"note", *note}}));
  if (!written) return internal(written.error());
  if (!*written) return refuse(409, "conflict", "the case was changed meanwhile; reload it");
  return view_of(store, std::move(after), actor.today);
}

}  // namespace zhizao::server
