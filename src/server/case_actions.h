// The enterprise cases (诉求) of the API (issue 14; docs/api.md "Cases"): who may see and do what
// to a case, over the workflow (service/case_workflow.h) and its store (store/case_store.h).
// Scopes as the platform has them (accounts/authorization.h): admin and city see and handle
// every case; a county those of enterprises in its area; an enterprise only its own, which it may
// raise, rate and reopen but not handle. A case that passed its deadline while open is escalated
// from the county to the city the next time anyone reads or changes cases (an "escalate"
// revision by "system"). Every change is one revision, with its audit row, in one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "accounts/authorization.h"
#include "service/case_workflow.h"
#include "store/case_store.h"
#include "store/database.h"

namespace zhizao::server {

// Why a case request was refused, as the API answers it.
struct CaseRefusal {
  int http_status = 400;  // 400 bad_request, 403 forbidden, 404 not_found, 409 conflict, 500
  std::string code;       // "bad_request", "forbidden", "not_found", "conflict", "internal"
  std::string message;
};

template <typename T>
using CaseResult = tl::expected<T, CaseRefusal>;

// A case as the API shows it on `today`.
struct CaseView {
  StoredCase stored;
  std::string enterprise_name;
  CaseAlert alert = CaseAlert::kNone;
  long days_left = 0;  // deadline − today (negative when overdue)
};

// Who acts, from where, on which day (China Standard Time: deadlines are the bureau's days).
struct CaseActor {
  Principal principal;
  std::string remote;
  CivilDate today;
};

// Returns today's date in China Standard Time (UTC+8).
CivilDate china_today();

// The cases `actor` may see, after escalating those due; `state` filters by state, `meeting`
// keeps what a meeting reviews (每会必评): overdue, escalated, or rated 1–2. By id.
CaseResult<std::vector<CaseView>> list_cases(Database& db, const CaseActor& actor,
                                             const std::optional<std::string>& state, bool meeting);

// One case and its revisions. 404 for admin and city when it does not exist; 403 for the others
// both when it does not exist and when it is not theirs.
CaseResult<std::pair<CaseView, std::vector<CaseEvent>>> get_case(Database& db,
                                                                 const CaseActor& actor,
                                                                 const std::string& id);

// POST /api/cases: {"uscc" (an enterprise user's own by default), "category", "title",
// "description", "raised" (YYYY-MM-DD, not after today; default today), "department" (optional:
// assigns at once)}. The deadline follows the category's rule.
CaseResult<CaseView> raise_case(Database& db, const CaseActor& actor, const nlohmann::json& body);

// POST /api/cases/ID/ACTION with ACTION assign {"department", "assignee"}, progress {"note"},
// resolve {"note", "resolved" (optional date, not before raised nor after today)}, evaluate
// {"rating" 1–5, "comment"}, reopen {"reason"}. 409 when the state does not allow the action
// or the case changed meanwhile.
CaseResult<CaseView> act_on_case(Database& db, const CaseActor& actor, const std::string& id,
                                 CaseAction action, const nlohmann::json& body);

// The JSON of a case for the API.
nlohmann::json case_to_json(const CaseView& view);
nlohmann::json case_event_to_json(const CaseEvent& event);

}  // namespace zhizao::server
