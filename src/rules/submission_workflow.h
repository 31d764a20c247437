// The submission workflow of issue 4, item 3: an enterprise submits a month's figures, the audit
// rules check them, the county reviews, the city publishes; only published figures enter the
// monthly data the reports read. States and transitions:
//
//   submit (enterprise:USCC of the record)               → submitted
//   submitted       --approve (county level)              → county_approved
//   county_approved --approve (city level)                → published (through Database::apply)
//   submitted       --reject  (county level)              → rejected
//   county_approved --reject  (city level)                → rejected
//   a newer submission for the same (uscc, period) rejects the pending older ones ("superseded")
//
// Levels as accounts/authorization.h's may_review: county level is a county actor whose area
// (a region code of any level or a region group) contains the enterprise's region, or admin;
// city level is city or admin.
//
// Every state change is a row of submission_event; every call that changes something also writes
// one audit_log row (actions "submission.create", "submission.review") in the same transaction,
// so callers (the server) need not log these writes again.
//
// Visibility as accounts/authorization.h's may_read_enterprise: an enterprise sees its own
// submissions; a county those of enterprises in its area; city and admin all. What an actor may
// not see behaves exactly as what does not exist (kNotFound), so answers never leak existence.
//
// Not thread-safe per Database (one Database per thread); concurrent processes are serialised by
// SQLite's write lock.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/result.h"
#include "domain/records.h"
#include "products/product_audit.h"
#include "rules/rule_set.h"
#include "store/database.h"

namespace zhizao {

// Who acts. `role` as stored for users: "admin", "city", "county:CODE", "enterprise:USCC"
// (parsed with accounts/role.h; a role that does not parse is refused with kUsage).
struct Actor {
  std::string name;
  std::string role;
};

// One failed rule for one record.
struct RuleViolation {
  std::string rule_id;
  std::string field;  // the form field to mark
  Severity severity = Severity::kHard;
  std::string message;     // the rule's Chinese description, figures filled in (rule_message.h)
  std::string message_en;  // the rule's English description, likewise
  bool explained = false;  // soft rules: an explanation was given
};

// The most entries a submission's products part may have: a bound known before reading them (an
// enterprise reports a handful of key products; the largest bureaus' lists are far below this).
inline constexpr std::size_t kMaxSubmittedProducts = 200;

// One entry of the products part (产品产量), as product_output.csv's row of the month: the
// product's code (products.csv), the month's quantity in the product's unit, and the same month
// of the previous year as reported (nullopt: the stored quantity of month m−12 is the base).
struct SubmittedQuantity {
  std::string product;
  double quantity = 0;
  std::optional<double> quantity_prev;

  bool operator==(const SubmittedQuantity&) const = default;
};

// One month's figures as an enterprise submits them.
struct SubmissionRequest {
  MonthlyRecord record;
  // Soft rule id → the enterprise's explanation (核实说明). Blank explanations do not count.
  std::map<std::string, std::string> explanations;
  // False when 工业总产值 was left empty: MonthlyRecord cannot hold a missing output, and the
  // hard rule on output must still name the field.
  bool has_output = true;
  // The products part, nullopt when the body had no "products" (or null). Every entry is kept in
  // the order given, also one that failed its checks (with what could be read), so that an index
  // names the same entry here, in the body and in `product_faults`.
  std::optional<std::vector<SubmittedQuantity>> products;
  // Hard violations of the products part found while parsing (an entry that is not an object, a
  // missing code, a quantity missing, not a number, not finite or negative, a code given twice),
  // each naming its field as "products[I].product|quantity|quantity_prev"; submit() refuses them
  // with the audit rules' violations (422 from the server).
  std::vector<RuleViolation> product_faults;
};

// Builds a request from a JSON object with the data contract's English column names (uscc,
// period, output, value_added, electricity, output_prev, value_added_prev, electricity_prev,
// in_scope), "explanations" (object of strings) and "products" (list of {product, quantity,
// quantity_prev}, at most kMaxSubmittedProducts; entries are checked into product_faults). Numbers
// may be JSON numbers or numeric strings; null or "" means missing. Errors: kInvalidData naming
// each bad field (not an object, unknown period, wrong type, uscc failing GB 32100, "products" not
// a list or too long). Rules are not checked here.
Result<SubmissionRequest> parse_submission_request(const nlohmann::json& body);

enum class SubmitVerdict {
  kAccepted,   // stored as "submitted"; `warnings` lists the explained soft rules
  kRefused,    // not stored: a hard rule failed or a soft rule lacks an explanation (the
               // products part's faults and divergences included)
  kForbidden,  // the actor may not submit for this enterprise (server: 403)
};

struct SubmissionResult {
  SubmitVerdict verdict = SubmitVerdict::kRefused;
  long id = 0;                            // when accepted
  std::string state;                      // "submitted" when accepted, else empty
  std::vector<RuleViolation> violations;  // kRefused: every failing rule (explained soft too)
  std::vector<RuleViolation> warnings;    // kAccepted: the soft rules that failed, explained
};

// Checks `request` against `rules` (with the enterprise's stored months as last year and the
// previous month) and its products part (known codes; growth against the output's, a soft
// violation "product_divergence.CODE" per flagged product, products/product_audit.h) and, if it
// passes, stores it as "submitted" with its products and flags. Only "enterprise:USCC" with the
// record's own USCC may submit. `remote` is the client address for the audit log ("cli" for the
// command line). Errors: kUsage for an unreadable role; kNotFound when the enterprise is not
// registered (enterprises.csv) — for its own user only, others get kForbidden first; kIoError.
Result<SubmissionResult> submit(Database& db, const RuleSet& rules, const Actor& actor,
                                const SubmissionRequest& request, std::string_view remote);

enum class Decision { kApprove, kReject };

// A stored submission as its reviewers see it.
struct Submission {
  long id = 0;
  MonthlyRecord record;
  std::map<std::string, std::string> explanations;
  // The products part as submitted (nullopt: none), and the products flagged when submitted.
  std::optional<std::vector<SubmittedQuantity>> products;
  std::vector<ProductDivergence> product_flags;
  std::string state;  // "submitted", "county_approved", "published", "rejected"
  std::string submitted_by;
  std::string submitted_at;  // ISO 8601 UTC
};

// One state change.
struct SubmissionEvent {
  long id = 0;
  long submission_id = 0;
  std::string at;  // ISO 8601 UTC
  std::string user_name;
  std::string from_state;  // "" for the creation
  std::string to_state;
  std::string comment;
};

// Moves a submission one step (see the table above) and records the event; publishing applies
// the record to the monthly data with Database::apply (source "submission #ID by NAME", so the
// replaced value is kept as a Revision) and, when the submission has a products part, replaces
// the enterprise's product_output rows of that month by it in the same apply (rows it does not
// list are deleted). Returns the submission after the change.
// Errors: kNotFound when the submission does not exist or the actor may not see it; kUsage
// when the actor sees it but the step is not theirs (an enterprise reviewing, a county acting on
// a county_approved one, a city acting on a submitted one, any review of a published or
// rejected submission — the server may answer 403 or 409); kUsage for an unreadable role;
// kIoError.
// If the process dies between applying and marking "published", repeating the approval is safe
// (the apply is then "unchanged").
Result<Submission> review(Database& db, const Actor& actor, long submission_id, Decision decision,
                          std::string_view comment, std::string_view remote);

// What a publishing review applied: its batch and what Database::apply returned, so that a
// cache of the data (the server's columnar snapshot) can be updated by what changed
// (columnar/snapshot.h update_snapshot_after_apply) instead of rebuilt.
struct PublishedApply {
  std::vector<SourcedBatch> applied;
  ApplySummary summary;
};

// The same as review above; when the review publishes, sets `*published` (not null) to what it
// applied, else leaves it unset.
Result<Submission> review(Database& db, const Actor& actor, long submission_id, Decision decision,
                          std::string_view comment, std::string_view remote,
                          std::optional<PublishedApply>* published);

// The submissions `actor` may see, newest first, optionally only those in `state`.
// Errors: kUsage for an unreadable role or an unknown state name; kIoError.
Result<std::vector<Submission>> list_submissions(Database& db, const Actor& actor,
                                                 const std::optional<std::string>& state);

// One submission with its events (oldest first). Errors: as review's kNotFound; kIoError.
struct SubmissionDetail {
  Submission submission;
  std::vector<SubmissionEvent> events;
};
Result<SubmissionDetail> get_submission(Database& db, const Actor& actor, long submission_id);

// JSON for the API: the submission with contract column names, "period" as YYYY-MM, "products"
// (null or the list), "product_flags" ([{product, quantity_growth, output_growth, gap}]), and
// "events" when given. Pure.
nlohmann::json submission_to_json(const Submission& submission,
                                  const std::vector<SubmissionEvent>* events);
nlohmann::json violation_to_json(const RuleViolation& violation);

}  // namespace zhizao
